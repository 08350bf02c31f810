"""The store's behaviour: seeding, publications checked where they enter, due dates that follow every
change (computed by the domain, never cached), trash, settings, typed values at the boundary."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from disclosure_desk.domain.catalogue import MonthDay
from disclosure_desk.domain.deadlines import Anchor, DeadlineRule, RuleKind
from disclosure_desk.domain.errors import CatalogueMatchError, ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.status import Status, evaluate_records
from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.models import PublicationRow
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
    for day, status in ((date(2026, 11, 5), Status.OVERDUE), (date(2026, 10, 9), Status.PENDING)):
        assert evaluate_records([record], day, store.calendar(), 5).entries[0].status is status


def test_a_change_date_restarts_the_clock(store: Store) -> None:
    saved = store.add_publication(
        Publication(item_id=_item_id(store, 1), title="通知", formed_on=date(2026, 10, 8))
    )
    store.update_publication(replace(saved, changed_on=date(2026, 11, 2)))
    (record,) = store.publication_records()
    assert record.due.due_on == date(2026, 11, 30)


def test_correcting_a_holiday_year_moves_due_dates_at_once(store: Store) -> None:
    store.add_publication(Publication(item_id=_item_id(store, 1), title="通知", formed_on=date(2026, 11, 2)))
    # the officer enters a (fictitious) correction making 2026-11-20 a holiday: due moves one working day
    (old,) = [s for s in store.holiday_schedules() if s.year == 2026]
    corrected = replace(old, holidays=old.holidays | {date(2026, 11, 20)}, official=False, source="手工录入")
    assert store.save_holiday_schedules([corrected]) == 1  # what the officer is told changed
    (record,) = store.publication_records()
    assert record.due.due_on == date(2026, 12, 1)
    # no due date is stored anywhere that could be left behind
    assert "due_on" not in {c.name for c in PublicationRow.__table__.columns}


def test_missing_year_is_still_computed_with_a_warning(store: Store) -> None:
    planned = Publication(item_id=_item_id(store, 1), title="远期", formed_on=date(2027, 9, 1))
    store.add_publication(planned, today=date(2026, 12, 1))
    (record,) = store.publication_records()
    assert record.due.due_on is not None
    assert any("2027" in w for w in record.due.warnings)
    store.save_holiday_schedules(
        [YearSchedule(2027, frozenset(), frozenset(), official=False, source="测试")]
    )
    assert store.calendar().has_schedule(2027)


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
        Publication(
            item_id=_item_id(store, 1), title="初稿", formed_on=date(2026, 11, 2), channels=("政府网站",)
        )
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
    store.set_item_yearly_due(_item_id(store, 12), MonthDay(3, 31))
    # the revision rewords item 2 and changes nothing else
    revised = replace(
        first,
        items=tuple(
            replace(i, id=None, content=i.content + "（修订）") if i.number == 2 else replace(i, id=None)
            for i in first.items
        ),
        version="2027版",
    )
    # item 2 now says something else under the same number: the officer decides (issue 12)
    with pytest.raises(CatalogueMatchError, match="一一对应"):
        store.import_catalogue(revised, source="测试")
    result = store.import_catalogue(revised, source="测试", keep_ambiguous=True)
    assert (result.relinked, result.stranded) == (1, 1)
    assert len(result.ambiguous) == 1 and "旧目录序号 2" in result.ambiguous[0]
    new_ids = {i.id for i in result.catalogue.items}
    by_title = {p.title: p for p in store.publications()}
    assert by_title["部门文件"].item_id in new_ids
    assert by_title["立改废"].item_id not in new_ids  # kept on the old version
    new_18 = result.catalogue.item_by_number(18)
    new_12 = result.catalogue.item_by_number(12)
    assert new_18 is not None and new_18.rule_override == rule
    assert new_12 is not None and new_12.yearly_due == MonthDay(3, 31)
    assert result.catalogue.version == "2027版"


DAY = date(2026, 11, 25)


def test_the_store_refuses_what_the_editor_refuses(store: Store) -> None:
    """One rule wherever a record comes from (window, command line, import): domain.validation."""
    item = _item_id(store, 1)  # the catalogue requires 政府网站
    published = Publication(
        item_id=item, title="通知", formed_on=date(2026, 11, 2), published_on=date(2026, 11, 20)
    )
    with pytest.raises(ValidationError, match="政府网站") as refused:
        store.add_publication(published, today=DAY)
    assert refused.value.field == "missing_channel_reason"
    with pytest.raises(ValidationError, match="公开日期不能早于形成日期"):
        store.add_publication(replace(published, published_on=date(2026, 11, 1)), today=DAY)
    with pytest.raises(ValidationError) as future:
        store.add_publication(replace(published, channels=("政府网站",)), today=date(2026, 11, 19))
    assert future.value.field == "published_on"
    assert store.publications() == []
    # a reason, or the channel, is enough
    explained = store.add_publication(replace(published, missing_channel_reason="网站改版中"), today=DAY)
    # and a change is checked as a new record is
    with pytest.raises(ValidationError, match="标题不能为空"):
        store.update_publication(replace(explained, title=" "), today=DAY)
    assert store.publication(explained.id or 0).title == "通知"


def test_bulk_insert_is_checked_too_and_writes_nothing_when_one_is_refused(store: Store) -> None:
    from disclosure_desk.store.queries import bulk_add_publications

    item = _item_id(store, 1)
    good = Publication(item_id=item, title="好", formed_on=date(2026, 11, 2))
    bad = Publication(item_id=item, title="", formed_on=date(2026, 11, 2))
    with pytest.raises(ValidationError):
        bulk_add_publications(store, [good, bad], today=DAY)
    assert store.publications() == []


def test_unreadable_stored_values_fall_back_where_the_officer_sees_them(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    from disclosure_desk.store.models import CatalogueItemRow

    item_id = _item_id(store, 18)
    with store.transaction() as session:  # as a hand edit or a damaged file would leave them
        row = session.get(CatalogueItemRow, item_id)
        assert row is not None
        row.rule_override = "{not json"
        row.yearly_due = "13-45"
    store.reset_caches()
    item = store.item(item_id)
    assert item.rule_override is not None and item.rule_override.kind is RuleKind.UNKNOWN
    assert item.yearly_due is None
    assert "cannot be read" in caplog.text
    store.add_publication(Publication(item_id=item_id, title="预案", formed_on=date(2026, 11, 2)), today=DAY)
    (record,) = store.publication_records()
    assert record.due.due_on is None and "手工设定" in record.due.explanation  # never guessed


def test_a_yearly_date_is_a_typed_value(store: Store) -> None:
    with pytest.raises(ValidationError, match="2月30日"):
        MonthDay(2, 30)
    store.set_item_yearly_due(_item_id(store, 5), MonthDay(2, 29))
    assert store.item(_item_id(store, 5)).yearly_due == MonthDay(2, 29)
