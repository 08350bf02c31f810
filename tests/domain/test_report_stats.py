"""Report statistics over a small register whose every figure is known (see tests/report_sample.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from report_sample import ITEMS, RECORDS, REPORT_DAY, annual_input, october_input  # tests/report_sample.py

from disclosure_desk.domain.catalogue import CHANNELS
from disclosure_desk.domain.deadlines import DueDate
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_rows import OpenGroup, rule_summary
from disclosure_desk.domain.report_stats import Counts, compute_report
from disclosure_desk.domain.report_text import headline, situation
from disclosure_desk.domain.review import ReviewState, published_without_review, review_state
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
    assert ReportPeriod.month(2026, 1).previous().label == "2025年12月"
    assert year.previous().label == "2025年"
    assert ReportPeriod.month(2026, 11).until(date(2026, 11, 15)).label == "2026年11月（截至11月15日）"
    assert ReportPeriod.month(2026, 11).until(date(2026, 12, 1)) == ReportPeriod.month(2026, 11)
    with pytest.raises(ValueError, match="月份"):
        ReportPeriod.month(2026, 13)


def test_due_date_across_national_day() -> None:
    # Formed Fri 2026-09-25; 20 working days skip 10-01…10-07 and count the 调休 Saturday 10-10.
    assert RECORDS["A"].due.due_on == date(2026, 10, 29)


def test_totals() -> None:
    stats = compute_report(october_input())
    assert stats.as_of == date(2026, 10, 31)
    assert not stats.partial
    assert stats.totals == Counts(
        published=4,  # A, B, E, I (H was published after the period)
        on_time=2,  # A, I
        late=1,  # B
        no_due_date=1,  # E
        unreviewed=3,  # B, E, I: only A's review is on record
        arisen=2,  # C, F were formed in October
        due=5,  # A, B, C, H, I
        overdue_open=3,  # C, D (due in September), H (published only on 11-03)
        due_next_month=1,  # F
    )
    assert stats.on_time_rate == pytest.approx(2 / 3)
    assert stats.next_month.label == "2026年11月"
    assert stats.title == "周村区科技局政务公开工作月报"
    assert stats.label == "2026年10月"


def test_previous_month_is_that_months_own_report() -> None:
    october = compute_report(october_input())
    september = compute_report(replace(october_input(), period=ReportPeriod.month(2026, 9)))
    assert october.previous == september.totals
    assert september.totals == Counts(
        published=1,  # G
        on_time=1,
        unreviewed=1,
        arisen=4,  # A, B, H formed, E approved in September
        due=2,  # D, G
        overdue_open=1,  # D
        due_next_month=4,  # A, B, H and I (I has no dates: it may have existed) — not C, formed 10-13
    )


def test_by_process_in_catalogue_order() -> None:
    rows = {g.process: g.counts for g in compute_report(october_input()).by_process}
    assert list(rows) == ["决策", "执行", "结果"]
    assert rows["决策"] == Counts(
        published=1, on_time=1, arisen=1, due=2, overdue_open=2, due_next_month=1
    )  # A, D, F, H
    assert rows["执行"] == Counts(published=1, no_due_date=1, unreviewed=1)
    assert rows["结果"] == Counts(
        published=2, on_time=1, late=1, unreviewed=2, arisen=1, due=3, overdue_open=1
    )
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
    assert rows["政府公报"].used == 1
    # B (工作动态 ticks 两微一端) was published on the website only.
    assert (rows["两微一端"].used, rows["两微一端"].required, rows["两微一端"].missed) == (1, 2, 1)
    assert rows["两微一端"].missed_explained == 0
    assert sum(c.used for c in rows.values()) == 6  # A 2, B 1, E 1, I 2


def test_details_are_every_record_published_or_due_in_the_period() -> None:
    stats = compute_report(october_input())
    titles = [d.title for d in stats.details]
    assert sorted(titles) == sorted(RECORDS[k].publication.title for k in "ABCEHI")
    by_title = {d.title: d for d in stats.details}
    b = by_title[RECORDS["B"].publication.title]
    # Due Fri 10-09, published Thu 10-15: 10-10 (调休 Saturday), 10-12…10-15 are five working days.
    assert (b.status, b.days_late, b.status_text) == (Status.PUBLISHED_LATE, 5, "逾期公开")
    assert b.missed_channels == "两微一端"
    e = by_title["@foo"]
    assert (e.status, e.due_on) == (Status.PUBLISHED, None)
    h = by_title[RECORDS["H"].publication.title]
    # Published after the period: shown as it stood on 10-31; the register knew of it on the report day.
    assert (h.status, h.published_on, h.days_late) == (Status.OVERDUE, None, 5)
    assert h.notes == "11-03已公开"
    a = by_title[RECORDS["A"].publication.title]
    assert (a.status, a.days_late, a.review, a.review_text) == (
        Status.PUBLISHED_ON_TIME,
        0,
        ReviewState.REVIEWED,
        "已审查（李强）",
    )
    assert by_title["=SUM(A1:A2)"].review_text == "未审查"
    keys = [d.published_on or d.due_on for d in stats.details]
    assert keys == sorted(k for k in keys if k is not None)


def test_open_work_by_name() -> None:
    stats = compute_report(october_input())
    groups = [(row.group, row.detail.title, row.when_text) for row in stats.open_items]
    assert groups == [
        (OpenGroup.OVERDUE, "+86 123", "逾期 30 个工作日"),
        (OpenGroup.OVERDUE, "=SUM(A1:A2)", "逾期 8 个工作日"),
        (OpenGroup.OVERDUE, RECORDS["H"].publication.title, "逾期 5 个工作日"),
        (OpenGroup.DUE_NEXT_MONTH, "-1", "还有 7 个工作日"),
    ]
    assert [row.group_text for row in stats.open_items][-1] == "11月到期"


def test_coverage_lists_items_without_a_publication_this_year() -> None:
    coverage = compute_report(october_input()).coverage
    # Item 2's only publication (H) came after the period end; item 5 has never been published.
    assert [(c.number, c.last_published_on) for c in coverage] == [(2, None), (5, None)]


def test_report_made_mid_month_counts_up_to_that_day_only() -> None:
    made_on = date(2026, 10, 21)
    formed_later = replace(
        RECORDS["F"],
        publication=replace(
            RECORDS["F"].publication,
            formed_on=date(2026, 10, 22),
            created_at=datetime(2026, 10, 22, 9, 0),
            title="后来形成",
        ),
    )
    data = replace(october_input([*RECORDS.values(), formed_later]), report_day=made_on)
    stats = compute_report(data)
    assert stats.as_of == made_on and stats.partial
    assert stats.label == "2026年10月（截至10月21日）"
    assert (stats.counted.start, stats.counted.end) == (date(2026, 10, 1), made_on)
    # H (due 10-25) is not overdue yet on 10-21, and A (published 10-28) is not published yet.
    assert [row.detail.title for row in stats.open_in(OpenGroup.OVERDUE)] == ["+86 123", "=SUM(A1:A2)"]
    assert stats.totals.published == 3
    assert stats.totals.due == 3  # B, C, I: not A (10-29) nor H (10-25), still ahead on 10-21
    # Due later this month, and next month.
    assert {r.detail.title for r in stats.open_in(OpenGroup.DUE_REST_OF_MONTH)} == {
        RECORDS["A"].publication.title,
        RECORDS["H"].publication.title,
    }
    assert stats.open_in(OpenGroup.DUE_REST_OF_MONTH)[0].group_text == "10月22日至31日到期"
    assert "10月22日至31日还有 2 条到期，11月将有 1 条到期" in headline(stats)
    assert stats.totals.due_rest_of_month == 2
    # Nothing dated after the day counts (when a record was typed in does not matter: see below).
    titles = {d.title for d in stats.details} | {r.detail.title for r in stats.open_items}
    assert "后来形成" not in titles
    assert all("已公开" not in r.detail.notes for r in stats.open_items)


def test_a_record_entered_after_the_month_is_counted_as_the_month_had_it() -> None:
    # Only a statutory due date (10-20), entered on the report day: overdue on 10-31, as status says.
    late_entry = replace(
        RECORDS["C"],
        publication=replace(
            RECORDS["C"].publication,
            formed_on=None,
            title="法定日期补录",
            created_at=datetime.combine(REPORT_DAY, datetime.min.time()),
        ),
    )
    stats = compute_report(october_input([*RECORDS.values(), late_entry]))
    assert stats.as_of == date(2026, 10, 31) < REPORT_DAY
    overdue = [row.detail.title for row in stats.open_in(OpenGroup.OVERDUE)]
    assert "法定日期补录" in overdue
    assert stats.totals.overdue_open == compute_report(october_input()).totals.overdue_open + 1


def test_a_month_not_begun_is_refused() -> None:
    with pytest.raises(DisclosureDeskError, match="尚未开始"):
        compute_report(replace(october_input(), period=ReportPeriod.month(2026, 12)))


def test_no_due_date_and_nothing_judged_gives_no_rate() -> None:
    stats = compute_report(october_input([RECORDS["E"]]))
    assert stats.totals == Counts(published=1, no_due_date=1, unreviewed=1)
    assert stats.on_time_rate is None


def test_empty_register() -> None:
    stats = compute_report(october_input([]))
    assert stats.totals == Counts()
    assert stats.details == stats.open_items == ()
    assert len(stats.coverage) == len(ITEMS)
    assert stats.monthly == ()


def test_annual_looks_at_the_month_after_the_statistics_day() -> None:
    stats = compute_report(annual_input())
    assert stats.as_of == REPORT_DAY == date(2026, 11, 5)  # made before the year ended
    assert stats.label == "2026年（截至11月5日）"
    assert stats.title == "周村区科技局政务公开工作年报"
    assert stats.next_month.label == "2026年12月"  # not January of next year
    months = {m.month: m for m in stats.monthly}
    assert list(months) == list(range(1, 13))
    october = compute_report(october_input())
    assert months[10].counts == october.totals and months[10].ended
    assert not months[11].ended
    assert sum(m.counts.published for m in stats.monthly) == stats.totals.published == 6
    assert stats.totals.overdue_open == 2  # C, D as of 11-05


def test_a_month_of_the_next_year_is_named_with_its_year() -> None:
    # The 2026 annual report made on 12-01 looks at the rest of December and at January 2027: "1月" alone
    # would read as January 2026 in a report about 2026.
    stats = compute_report(replace(annual_input(), report_day=date(2026, 12, 1)))
    assert stats.next_month.label == "2027年1月"
    assert stats.next_month.short_label == "2027年1月"
    assert "2027年1月将有 0 条到期" in headline(stats)
    assert ReportPeriod.month(2026, 11).short_label == "11月"  # within the year, the month alone


def test_rule_summary_follows_compute_dues_explanations() -> None:
    from report_scenario import calendar

    from disclosure_desk.domain.deadlines import AnchorDates, compute_due, parse_time_limit

    formed = date(2026, 9, 21)
    dates = AnchorDates(formed, None, formed, formed, formed)
    for text, short in (
        ("自该信息形成或者变更之日起20个工作日内。", "20个工作日"),
        ("本级政府财政部门批复后20日内。", "批复后20日，顺延"),  # 10-11 is a Sunday
        ("及时公开。", "及时·5个工作日"),
        ("每年1月31日前", "每年1月31日前※"),  # a fixed date is never moved; no 2027 schedule yet
    ):
        assert rule_summary(compute_due(parse_time_limit(text), dates, calendar(), timely_days=5)) == short, (
            text
        )
    rolled = DueDate(
        date(2026, 10, 12), date(2026, 10, 11), "批复后20日：自批复日期2026-09-21起算（当日不计）…"
    )
    assert rule_summary(rolled) == "批复后20日，顺延"
    working = DueDate(date(2026, 10, 29), explanation="形成或变更后20个工作日：自形成日期2026-09-25起算…")
    assert rule_summary(working) == "20个工作日"
    timely = DueDate(date(2026, 10, 9), explanation="及时公开（按形成或变更后5个工作日计）：自形成日期…")
    assert rule_summary(timely) == "及时·5个工作日"
    unchecked = replace(working, warnings=("2027年的法定节假日安排尚未导入…",))
    assert rule_summary(unchecked) == "20个工作日※"
    assert rule_summary(DueDate(None, explanation="缺少形成日期，无法计算应公开日期。")) == "无法计算"


def test_review_states() -> None:
    published = replace(
        RECORDS["A"].publication, reviewed_on=date(2026, 10, 27), published_on=date(2026, 10, 28)
    )
    assert review_state(published, date(2026, 10, 31)) is ReviewState.REVIEWED
    assert review_state(published, date(2026, 10, 26)) is ReviewState.NOT_RECORDED  # not reviewed yet then
    after = replace(published, reviewed_on=date(2026, 10, 30))
    assert review_state(after, date(2026, 10, 31)) is ReviewState.AFTER_PUBLICATION
    assert published_without_review(after, date(2026, 10, 31))
    undated = replace(published, reviewed_on=None)
    assert review_state(undated, date(2026, 10, 31)) is ReviewState.REVIEWED
    assert not published_without_review(replace(published, published_on=None), date(2026, 10, 31))


def test_headline_and_situation_speak_of_active_disclosure_and_late_reasons() -> None:
    records = dict(RECORDS)
    for key in "CD":
        pub = records[key].publication
        records[key] = replace(records[key], publication=replace(pub, late_reason="待主要负责人签发"))
    pub = records["B"].publication
    records["B"] = replace(records["B"], publication=replace(pub, late_reason="会签流程较长"))
    stats = compute_report(october_input(list(records.values())))
    lead = headline(stats)
    assert lead.startswith("2026年10月，周村区科技局主动公开政府信息 4 条")
    assert "按时公开率 66.7%" in lead and "（上月 100.0%）" in lead
    assert "11月将有 1 条到期" in lead
    text = situation(stats)
    assert "本月逾期公开 1 条，原因：会签流程较长（1 条）。" in text
    assert "截至10月31日逾期未公开 3 条，原因：待主要负责人签发（2 条）；未填写逾期原因（1 条）。" in text
    assert "3 条没有公开前的保密审查记录" in text
