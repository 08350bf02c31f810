"""The audit trail also records what moves many due dates at once: the timely default and holiday years."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.store.repository import Store, os_user


def test_changing_the_timely_default_is_audited(store: Store) -> None:
    store.save_settings(replace(store.settings(), timely_days=7))
    store.save_settings(store.settings())  # saved unchanged: nothing to record
    entries = store.audit_history("settings", 0)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.action == "update" and entry.os_user == os_user()
    assert entry.before == {"timely_days": 5} and entry.after == {"timely_days": 7}


def test_adding_and_correcting_a_holiday_year_is_audited(store: Store) -> None:
    first = YearSchedule(
        2031, frozenset({date(2031, 1, 1)}), frozenset(), official=False, notice="", source="手工录入"
    )
    store.save_holiday_schedules([first])
    corrected = replace(
        first,
        holidays=frozenset({date(2031, 1, 1), date(2031, 1, 2)}),
        adjusted_workdays=frozenset({date(2031, 1, 5)}),
        official=True,
        notice="国办发明电〔2030〕9号",
    )
    store.save_holiday_schedules([corrected])
    created, updated = store.audit_history("holiday_year", 2031)
    assert created.action == "create" and created.before is None
    assert created.after is not None and created.after["holidays"] == ["2031-01-01"]
    assert updated.action == "update"
    assert updated.before == created.after
    assert updated.after == {
        "official": True,
        "notice": "国办发明电〔2030〕9号",
        "source": "手工录入",
        "holidays": ["2031-01-01", "2031-01-02"],
        "adjusted_workdays": ["2031-01-05"],
    }
