"""Helper process for the kill test: writes publications forever, printing each id once committed."""

from __future__ import annotations

import sys
from datetime import date, timedelta

from disclosure_desk.bootstrap import open_seeded_store
from disclosure_desk.domain.publication import Publication


def main(db: str) -> None:
    store = open_seeded_store(db)
    items = [i.id for i in store.active_catalogue().items if i.id is not None]
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        saved = store.add_publication(
            Publication(
                item_id=items[n % len(items)],
                title=f"记录{n}" * (1 + n % 7),
                formed_on=date(2026, 1, 1) + timedelta(days=n % 300),
                notes="备注" * (n % 50),
            )
        )
        print(saved.id, flush=True)  # only after the commit returned


if __name__ == "__main__":
    main(sys.argv[1])
