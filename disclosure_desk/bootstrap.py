"""Start-up wiring shared by the window and the command line: open the store and seed it.

This is the composition root's half that has no Qt: it may use every layer below the UI.
"""

from __future__ import annotations

import logging

from disclosure_desk import paths
from disclosure_desk.store.db import open_store
from disclosure_desk.store.repository import Store

log = logging.getLogger(__name__)

SEED_CATALOGUE = "catalogue.json"
BUNDLED_HOLIDAYS = "holidays.json"


def open_seeded_store(db: str | None = None) -> Store:
    """Open the store; on first start load the bundled catalogue, and add bundled holiday years it lacks.

    Years already in the store are never overwritten: the officer may have corrected them.
    """
    store = open_store(db)
    try:
        seed(store)
    except BaseException:
        store.close()
        raise
    return store


def seed(store: Store) -> None:
    from disclosure_desk.io.catalogue_json import read_catalogue_json
    from disclosure_desk.io.holidays_import import load_bundled_holidays

    if not store.has_catalogue():
        catalogue = read_catalogue_json(paths.data_dir() / SEED_CATALOGUE)
        store.import_catalogue(catalogue, source="内置目录")
        log.info("seeded catalogue: %d items", len(catalogue.items))
    known = {s.year for s in store.holiday_schedules()}
    missing = [s for s in load_bundled_holidays(paths.data_dir() / BUNDLED_HOLIDAYS) if s.year not in known]
    if missing:
        store.save_holiday_schedules(missing)
        log.info("added bundled holiday years: %s", [s.year for s in missing])
