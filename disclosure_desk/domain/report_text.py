"""The sentences of a report: its headline (要点) and its 情况说明, built from the figures and from the
late reasons (逾期原因) the officer recorded. Status words come from domain.status, nothing is restated.
"""

from __future__ import annotations

from collections.abc import Iterable

from disclosure_desk.domain.report_period import month_day
from disclosure_desk.domain.report_rows import DetailRow, OpenGroup, rest_of_month
from disclosure_desk.domain.report_stats import Counts, ReportStats
from disclosure_desk.domain.review import ReviewState
from disclosure_desk.domain.status import (
    GROUP_WORDS,
    NO_DUE_DATE_WORD,
    ON_TIME_RATE_WORD,
    Status,
    StatusGroup,
    rate_text,
    status_word,
)

# The sheet that lists the open work by name (io names its sheet from this): the word for "unpublished".
OPEN_SHEET = GROUP_WORDS[StatusGroup.OPEN]
NO_REASON = "未填写逾期原因"
_REASONS_SHOWN = 4  # a summary page: the commonest reasons, then "等"
_REASON_LENGTH = 40


def _this(stats: ReportStats) -> str:
    return "本年" if stats.period.is_annual else "本月"


def _published_sentence(stats: ReportStats) -> str:
    t = stats.totals
    when = f"截至{month_day(stats.as_of)}，{_this(stats)}" if stats.partial else f"{stats.period.label}，"
    if not t.published:
        return f"{when}{stats.bureau}没有主动公开政府信息。"
    on_time, late = status_word(Status.PUBLISHED_ON_TIME), status_word(Status.PUBLISHED_LATE)
    parts = [f"{on_time} {t.on_time} 条", f"{late} {t.late} 条"]
    if t.no_due_date:
        parts.append(f"{NO_DUE_DATE_WORD} {t.no_due_date} 条")
    rate = f"{ON_TIME_RATE_WORD} {rate_text(t.on_time_rate)}"
    if stats.previous is not None:
        rate += f"（上月 {rate_text(stats.previous.on_time_rate)}）"
    return f"{when}{stats.bureau}主动公开政府信息 {t.published} 条，其中{'、'.join(parts)}，{rate}。"


def headline(stats: ReportStats) -> str:
    """The lead paragraph a supervisor reads first: what went out, what is late, what is coming."""
    t = stats.totals
    overdue = status_word(Status.OVERDUE)
    coming = f"{stats.next_month.short_label}将有 {t.due_next_month} 条到期"
    if t.due_rest_of_month:
        coming = f"{rest_of_month(stats.as_of)}还有 {t.due_rest_of_month} 条到期，{coming}"
    listed = (
        f"（名单见“{OPEN_SHEET}”表）" if t.overdue_open or t.due_next_month or t.due_rest_of_month else ""
    )
    sentences = [
        _published_sentence(stats),
        f"{_this(stats)}到期 {t.due} 条；截至{month_day(stats.as_of)}{overdue} {t.overdue_open} 条，"
        f"{coming}{listed}。",
    ]
    if t.unreviewed:
        sentences.append(f"另有 {t.unreviewed} 条公开前未记录保密审查。")
    return "".join(sentences)


def _reason_summary(rows: Iterable[DetailRow]) -> str:
    counts: dict[str, int] = {}
    for row in rows:
        reason = " ".join(row.late_reason.split()) or NO_REASON
        if len(reason) > _REASON_LENGTH:
            reason = reason[: _REASON_LENGTH - 1] + "…"
        counts[reason] = counts.get(reason, 0) + 1
    ranked = sorted(counts.items(), key=lambda pair: (pair[0] == NO_REASON, -pair[1]))
    shown = [f"{reason}（{n} 条）" for reason, n in ranked[:_REASONS_SHOWN]]
    return "；".join(shown) + ("等" if len(ranked) > _REASONS_SHOWN else "")


def situation(stats: ReportStats) -> str:
    """情况说明: why things were late (from the recorded late reasons), reviews, what comes next.

    One paragraph per topic; reasons are grouped, the commonest first, records without a reason counted
    as such so the officer sees what to fill in.
    """
    t, this = stats.totals, _this(stats)
    late_word, overdue_word = status_word(Status.PUBLISHED_LATE), status_word(Status.OVERDUE)
    paragraphs = []
    late = [
        d
        for d in stats.details
        if d.status is Status.PUBLISHED_LATE and stats.counted.contains(d.published_on)
    ]
    if late:
        paragraphs.append(f"{this}{late_word} {len(late)} 条，原因：{_reason_summary(late)}。")
    else:
        paragraphs.append(f"{this}没有{late_word}的信息。")
    overdue = [row.detail for row in stats.open_in(OpenGroup.OVERDUE)]
    if overdue:
        paragraphs.append(
            f"截至{month_day(stats.as_of)}{overdue_word} {len(overdue)} 条，"
            f"原因：{_reason_summary(overdue)}。"
        )
    else:
        paragraphs.append(f"截至{month_day(stats.as_of)}没有{overdue_word}的信息。")
    if t.unreviewed:
        after = sum(
            1
            for d in stats.details
            if d.review is ReviewState.AFTER_PUBLICATION and stats.counted.contains(d.published_on)
        )
        detail = f"，其中 {after} 条为公开后补审" if after else ""
        paragraphs.append(
            f"{this}公开的信息中有 {t.unreviewed} 条没有公开前的保密审查记录{detail}，请补充审查记录。"
        )
    elif t.published:
        paragraphs.append(f"{this}公开的信息均有公开前的保密审查记录。")
    paragraphs.append(_outlook(stats, t))
    return "\n".join(f"{n}. {p}" for n, p in enumerate(paragraphs, start=1))


def _outlook(stats: ReportStats, t: Counts) -> str:
    if not t.due_rest_of_month + t.due_next_month:
        return f"{stats.next_month.short_label}暂无到期的信息。"
    coming = f"{stats.next_month.short_label}将有 {t.due_next_month} 条到期"
    if t.due_rest_of_month:
        coming = f"{rest_of_month(stats.as_of)}还有 {t.due_rest_of_month} 条到期，{coming}"
    return f"{coming}，已逐条列入“{OPEN_SHEET}”表，请责任科室按期公开。"
