"""The store's behaviour: seeding, publications, due dates kept current, trash, settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from disclosure_desk.domain.deadlines import Anchor, DeadlineRule, RuleKind
from disclosure_desk.domain.errors import StoreError, ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.status import Status
from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.store.repository import Store


def _item_id(store: Store, number: int) -> int:
    item = store.active_catalogue().item_by_number(number)
    assert item is not None and item.id is not None
    return item.id


def test_seeded_store_has_the_catalogue_and_official_holidays(store: Store) -> None:
    catalogue = store.active_catalogue()
    assert len(catalogue.items) == 33
    years = {s.year for s in store.holiday_schedules()}
    assert set(range(2004, 2027)) <= years
    assert store.calendar().is_working_day(date(2026, 10, 10))  # 调休 Saturday
    assert not store.calendar().is_working_day(date(2026, 10, 5))  # National Day


def test_added_publication_gets_its_due_date_across_national_day(store: Store) -> None:
    saved = store.add_publication(
        Publication(item_id=_item_id(store, 1), title="通知", formed_on=date(2026, 10, 8))
    )
    assert saved.id is not None
    (record,) = store.publication_records()
    assert record.due.due_on == date(2026, 11, 4)
    assert store.status(record, date(2026, 11, 5)) is Status.OVERDUE
    assert store.status(record, date(2026, 10, 9)) is Status.PENDING


def test_a_change_date_restarts_the_clock(store: Store) -> None:
    saved = store.add_publication(
        Publication(item_id=_item_id(store, 1), title="通知", formed_on=date(2026, 10, 8))
    )
    store.update_publication(replace(saved, changed_on=date(2026, 11, 2)))
    (record,) = store.publication_records()
    assert record.due.due_on == date(2026, 11, 30)


def test_correcting_a_holiday_year_recomputes_stored_due_dates(store: Store) -> None:
    store.add_publication(Publication(item_id=_item_id(store, 1), title="通知", formed_on=date(2026, 11, 2)))
    # the officer enters a (fictitious) correction making 2026-11-20 a holiday: due moves one working day
    (old,) = [s for s in store.holiday_schedules() if s.year == 2026]
    corrected = replace(old, holidays=old.holidays | {date(2026, 11, 20)}, official=False, source="手工录入")
    assert store.save_holiday_schedules([corrected]) == 1
    (record,) = store.publication_records()
    assert record.due.due_on == date(2026, 12, 1)
    # the cached column used for sorting and filtering follows too
    with store.transaction() as session:
        from sqlalchemy import select

        from disclosure_desk.store.models import PublicationRow

        assert session.scalar(select(PublicationRow.due_on)) == date(2026, 12, 1)


def test_missing_year_is_still_computed_with_a_warning(store: Store) -> None:
    store.add_publication(Publication(item_id=_item_id(store, 1), title="远期", formed_on=date(2028, 3, 1)))
    (record,) = store.publication_records()
    assert record.due.due_on is not None
    assert any("2028" in w for w in record.due.warnings)
    store.save_holiday_schedules(
        [YearSchedule(2028, frozenset(), frozenset(), official=False, source="测试")]
    )
    assert store.calendar().has_schedule(2028)


def test_item_rule_override_applies_at_once(store: Store) -> None:
    item_id = _item_id(store, 18)  # 按照法定时间公开
    store.add_publication(Publication(item_id=item_id, title="预案", formed_on=date(2026, 11, 2)))
    (record,) = store.publication_records()
    assert record.due.due_on is None
    rule = DeadlineRule(RuleKind.RELATIVE, days=7, working_days=True, anchor=Anchor.FORMED_OR_CHANGED)
    store.set_item_rule(item_id, rule)
    (record,) = store.publication_records()
    assert record.due.due_on == date(2026, 11, 11)
    store.set_item_rule(item_id, None)
    assert store.publication_records()[0].due.due_on is None


def test_delete_goes_to_trash_and_restores(store: Store) -> None:
    saved = store.add_publication(
        Publication(item_id=_item_id(store, 2), title="待删", formed_on=date(2026, 9, 1))
    )
    assert saved.id is not None
    store.delete_publication(saved.id)
    assert store.publications() == []
    assert [p.title for p in store.publications(deleted=True)] == ["待删"]
    store.restore_publication(saved.id)
    assert [p.title for p in store.publications()] == ["待删"]
    store.delete_publication(saved.id)
    store.purge_publication(saved.id)
    assert store.publications(deleted=True) == []
    with pytest.raises(StoreError):
        store.publication(saved.id)


def test_settings_round_trip_and_timely_default_recomputes(store: Store) -> None:
    timely_item = _item_id(store, 16)  # 及时公开
    store.add_publication(Publication(item_id=timely_item, title="专项资金", formed_on=date(2026, 11, 2)))
    assert store.publication_records()[0].due.due_on == date(2026, 11, 9)
    store.save_settings(Settings(bureau_name="周村区科技局", bureau_code="11370306MB1234567X", timely_days=3))
    assert store.settings().timely_days == 3
    assert store.publication_records()[0].due.due_on == date(2026, 11, 5)
    with pytest.raises(ValidationError):
        store.save_settings(Settings(bureau_name=" "))


def test_unknown_item_is_refused(store: Store) -> None:
    with pytest.raises(StoreError):
        store.add_publication(Publication(item_id=99999, title="x"))
    assert store.publications() == []


def test_every_change_is_in_the_audit_trail(store: Store) -> None:
    saved = store.add_publication(
        Publication(item_id=_item_id(store, 1), title="初稿", formed_on=date(2026, 11, 2))
    )
    assert saved.id is not None
    store.update_publication(replace(saved, title="定稿", published_on=date(2026, 11, 20)))
    store.delete_publication(saved.id)
    store.restore_publication(saved.id)
    history = store.audit_history("publication", saved.id)
    assert [e.action for e in history] == ["create", "update", "delete", "restore"]
    create, change = history[0], history[1]
    assert create.before is None and create.after is not None and create.after["title"] == "初稿"
    assert change.before is not None and change.before["title"] == "初稿"
    assert change.after is not None and change.after["published_on"] == "2026-11-20"
    assert set(change.changed_fields()) >= {"title", "published_on"}
    assert all(e.os_user for e in history)


def test_reimporting_a_revised_catalogue_keeps_the_register_attached(store: Store) -> None:
    first = store.active_catalogue()
    store.add_publication(
        Publication(item_id=_item_id(store, 1), title="部门文件", formed_on=date(2026, 11, 2))
    )
    store.add_publication(
        Publication(item_id=_item_id(store, 2), title="立改废", formed_on=date(2026, 11, 2))
    )
    rule = DeadlineRule(RuleKind.RELATIVE, days=7, working_days=True, anchor=Anchor.FORMED_OR_CHANGED)
    store.set_item_rule(_item_id(store, 18), rule)
    store.set_item_yearly_due(_item_id(store, 12), (3, 31))
    # the revision rewords item 2 and changes nothing else
    revised = replace(
        first,
        items=tuple(
            replace(i, id=None, content=i.content + "（修订）") if i.number == 2 else replace(i, id=None)
            for i in first.items
        ),
        version="2027版",
    )
    result = store.import_catalogue(revised, source="测试")
    assert (result.relinked, result.stranded) == (1, 1)
    new_ids = {i.id for i in result.catalogue.items}
    by_title = {p.title: p for p in store.publications()}
    assert by_title["部门文件"].item_id in new_ids
    assert by_title["立改废"].item_id not in new_ids  # its item is gone: kept on the old version
    new_18 = result.catalogue.item_by_number(18)
    new_12 = result.catalogue.item_by_number(12)
    assert new_18 is not None and new_18.rule_override == rule.to_json()
    assert new_12 is not None and new_12.yearly_due == "03-31"
    assert result.catalogue.version == "2027版"
