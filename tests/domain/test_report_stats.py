"""Report statistics over a small register whose every figure is known (see tests/report_sample.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from report_sample import ITEMS, RECORDS, annual_input, october_input  # tests/report_sample.py

from disclosure_desk.domain.catalogue import CHANNELS
from disclosure_desk.domain.deadlines import DueDate
from disclosure_desk.domain.report_stats import Counts, ReportPeriod, compute_report
from disclosure_desk.domain.status import Status


def test_periods() -> None:
    october = ReportPeriod.month(2026, 10)
    assert (october.start, october.end, october.label) == (
        date(2026, 10, 1),
        date(2026, 10, 31),
        "2026年10月",
    )
    assert not october.is_annual
    assert ReportPeriod.month(2026, 2).end == date(2026, 2, 28)
    assert ReportPeriod.month(2028, 2).end == date(2028, 2, 29)
    year = ReportPeriod.year(2026)
    assert (year.start, year.end, year.label, year.is_annual) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
        "2026年",
        True,
    )
    assert ReportPeriod.month(2026, 12).next_month().label == "2027年1月"
    with pytest.raises(ValueError, match="月份"):
        ReportPeriod.month(2026, 13)


def test_due_date_across_national_day() -> None:
    # Formed Fri 2026-09-25; 20 working days skip 10-01…10-07 and count the 调休 Saturday 10-10.
    assert RECORDS["A"].due.due_on == date(2026, 10, 29)


def test_totals() -> None:
    stats = compute_report(october_input())
    assert stats.as_of == date(2026, 10, 31)
    assert stats.totals == Counts(
        published=4,  # A, B, E, I (H was published after the period)
        on_time=2,  # A, I
        late=1,  # B
        no_due_date=1,  # E
        due=5,  # A, B, C, H, I
        overdue_open=3,  # C, D (due in September), H (published only on 11-03)
        due_next_month=1,  # F
    )
    assert stats.on_time_rate == pytest.approx(2 / 3)
    assert stats.next_month_label == "2026年11月"
    assert stats.title == "周村区科技局政务公开工作月报（2026年10月）"


def test_by_process_in_catalogue_order() -> None:
    rows = {g.process: g.counts for g in compute_report(october_input()).by_process}
    assert list(rows) == ["决策", "执行", "结果"]
    assert rows["决策"] == Counts(published=1, on_time=1, due=2, overdue_open=2, due_next_month=1)
    assert rows["执行"] == Counts(published=1, no_due_date=1)
    assert rows["结果"] == Counts(published=2, on_time=1, late=1, due=3, overdue_open=1)
    assert rows["执行"].on_time_rate is None
    assert rows["结果"].on_time_rate == 0.5


def test_by_category_includes_empty_ones() -> None:
    rows = {(g.process, g.category): g.counts for g in compute_report(october_input()).by_category}
    assert list(rows) == [(i.process, i.category) for i in ITEMS]
    assert rows[("结果", "统计信息")] == Counts()
    assert rows[("决策", "规划计划")] == Counts(due=1, overdue_open=2)


def test_channels() -> None:
    rows = {c.channel: c for c in compute_report(october_input()).channels}
    assert list(rows) == list(CHANNELS)
    assert rows["政府网站"].used == 4
    assert rows["政府网站"].missed == 0
    assert rows["政府公报"].used == 1
    # B (工作动态 ticks 两微一端) was published on the website only.
    assert (rows["两微一端"].used, rows["两微一端"].required, rows["两微一端"].missed) == (1, 2, 1)
    assert rows["两微一端"].missed_explained == 0
    assert sum(c.used for c in rows.values()) == 6  # A 2, B 1, E 1, I 2


def test_missed_channel_with_reason_counts_as_explained() -> None:
    records = dict(RECORDS)
    b = records["B"]
    records["B"] = replace(b, publication=replace(b.publication, missing_channel_reason="公众号维护中"))
    rows = {c.channel: c for c in compute_report(october_input(list(records.values()))).channels}
    assert (rows["两微一端"].missed, rows["两微一端"].missed_explained) == (1, 1)


def test_details_are_every_record_published_or_due_in_the_period() -> None:
    stats = compute_report(october_input())
    titles = [d.title for d in stats.details]
    assert sorted(titles) == sorted(RECORDS[k].publication.title for k in "ABCEHI")
    by_title = {d.title: d for d in stats.details}
    b = by_title[RECORDS["B"].publication.title]
    # days late in working days: 10-10 (调休 Saturday), 10-12…10-15
    assert (b.status, b.days_late, b.status_text) == (Status.PUBLISHED_LATE, 5, "逾期公开")
    assert "未使用目录要求的渠道：两微一端" in b.notes
    e = by_title["@foo"]
    assert (e.status, e.due_on, e.status_text) == (Status.PUBLISHED, None, "已公开（无时限）")
    h = by_title[RECORDS["H"].publication.title]
    # Published after the period: shown as it stood on 10-31, with the later date in the notes.
    assert (h.status, h.published_on, h.days_late) == (Status.OVERDUE, None, 5)
    assert "2026-11-03" in h.notes
    a = by_title[RECORDS["A"].publication.title]
    assert (a.status, a.days_late, a.review) == (Status.PUBLISHED_ON_TIME, 0, "已审查（李强，2026-10-27）")
    # Chronological: published date, or due date for what is still open.
    keys = [d.published_on or d.due_on for d in stats.details]
    assert keys == sorted(k for k in keys if k is not None)


def test_overdue_oldest_first() -> None:
    overdue = compute_report(october_input()).overdue
    assert [(d.title, d.due_on, d.days_late) for d in overdue] == [
        ("+86 123", date(2026, 9, 15), 30),
        ("=SUM(A1:A2)", date(2026, 10, 20), 8),
        (RECORDS["H"].publication.title, date(2026, 10, 25), 5),
    ]
    assert all(d.status is Status.OVERDUE for d in overdue)


def test_coverage_lists_items_without_a_publication_this_year() -> None:
    coverage = compute_report(october_input()).coverage
    # Item 2's only publication (H) came after the period end; item 5 has never been published.
    assert [(c.number, c.last_published_on) for c in coverage] == [(2, None), (5, None)]


def test_report_made_mid_month_judges_as_of_that_day() -> None:
    data = replace(october_input(), generated_at=datetime(2026, 10, 21, 8, 0))
    stats = compute_report(data)
    assert stats.as_of == date(2026, 10, 21)
    # H (due 10-25) is not overdue yet on 10-21, and A (published 10-28) is not published yet.
    assert [d.title for d in stats.overdue] == ["+86 123", "=SUM(A1:A2)"]
    assert stats.totals.published == 3


def test_no_due_date_and_nothing_judged_gives_no_rate() -> None:
    stats = compute_report(october_input([RECORDS["E"]]))
    assert stats.totals == Counts(published=1, no_due_date=1)
    assert stats.on_time_rate is None


def test_empty_register() -> None:
    stats = compute_report(october_input([]))
    assert stats.totals == Counts()
    assert stats.details == stats.overdue == ()
    assert len(stats.coverage) == len(ITEMS)
    assert stats.monthly == ()


def test_annual_month_by_month() -> None:
    stats = compute_report(annual_input())
    assert stats.as_of == date(2026, 11, 5)  # generated before the year ended
    assert stats.title == "周村区科技局政务公开工作年报（2026年）"
    assert stats.next_month_label == "2027年1月"
    months = {m.month: m for m in stats.monthly}
    assert list(months) == list(range(1, 13))
    september, october, november = months[9], months[10], months[11]
    assert (september.published, september.on_time, september.late, september.due) == (1, 1, 0, 2)
    assert september.overdue_at_month_end == 1  # D
    assert (october.published, october.on_time, october.late, october.due) == (4, 2, 1, 5)
    assert october.no_due_date == 1  # E: its own number, not in the rate
    assert october.on_time_rate == pytest.approx(2 / 3)
    assert october.overdue_at_month_end == 3  # C, D, H
    assert (november.published, november.late, november.due) == (1, 1, 1)
    assert november.overdue_at_month_end is None  # November has not ended on 11-05
    assert sum(m.published for m in stats.monthly) == stats.totals.published == 6
    assert stats.totals.overdue_open == 2  # C, D as of 11-05


def test_rolled_due_date_is_explained() -> None:
    record = RECORDS["E"]
    rolled = replace(
        record, due=DueDate(date(2026, 10, 12), unrolled_on=date(2026, 10, 11), explanation="批复后20日")
    )
    detail = compute_report(october_input([rolled])).details[0]
    assert "期满日 2026-10-11 为休息日，顺延至 2026-10-12" in detail.due_explanation
