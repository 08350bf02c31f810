"""依申请公开: the month's (or year's) information requests by the numbers — received by applicant type,
replied on time or late by result, withdrawn, and still waiting at the statistics day. Counts only: no
name, ID number or phone of any applicant is ever written here. Portrait A4, one table."""

from __future__ import annotations

from dataclasses import dataclass

from disclosure_desk.domain.application_stats import ApplicationPeriodStats
from disclosure_desk.domain.applications import LEGAL_PERSON_GROUP, ApplicantType, ApplicationStatus
from disclosure_desk.io.report_layout import ReportBook, title_block
from disclosure_desk.io.xlsx_writer import Column, Fill, Kind

SHEET_APPLICATIONS = "依申请公开"
_WIDTHS = (26.0, 8.0, 38.0)


@dataclass(frozen=True)
class _Line:
    item: str
    count: int
    note: str = ""
    fill: Fill = Fill.PLAIN


def _lines(stats: ApplicationPeriodStats) -> list[_Line]:
    overdue, on_time, late = (
        ApplicationStatus.OVERDUE.label,
        ApplicationStatus.REPLIED_ON_TIME.label,
        ApplicationStatus.REPLIED_LATE.label,
    )
    lines = [_Line("本期收到申请", stats.received, "按收到申请之日（条例第31条）统计", Fill.TOTAL)]
    lines += [
        _Line(f"　其中：{kind.value}" if n == 0 else f"　　　　{kind.value}", count, _group_note(kind))
        for n, (kind, count) in enumerate(stats.received_by_type)
    ]
    lines.append(_Line("本期答复", stats.replied, "按答复日期统计", Fill.TOTAL))
    lines.append(_Line(f"　其中：{on_time}", stats.replied_on_time, "在答复期限内（条例第33条）"))
    lines.append(
        _Line(f"　　　　{late}", stats.replied_late, "", Fill.LATE if stats.replied_late else Fill.PLAIN)
    )
    lines += [_Line(f"　办理结果：{category.value}", count) for category, count in stats.replied_by_category]
    lines.append(_Line("本期撤回", stats.withdrawn))
    lines.append(_Line("截至统计日未答复", stats.open_at_end, "含以前各期收到的", Fill.TOTAL))
    fill = Fill.OVERDUE if stats.overdue_at_end else Fill.PLAIN
    lines.append(_Line(f"　其中：{overdue}", stats.overdue_at_end, "答复期限已过仍未答复", fill))
    return lines


def _group_note(kind: ApplicantType) -> str:
    return "" if kind.is_natural_person else LEGAL_PERSON_GROUP


def build_applications(report: ReportBook) -> None:
    stats = report.stats
    counts = stats.applications
    if counts is None:
        return
    sheet = report.sheet(SHEET_APPLICATIONS, _WIDTHS)
    title_block(
        sheet,
        f"{stats.bureau}依申请公开办理情况（{stats.label}）",
        f"统计截止 {stats.as_of:%Y-%m-%d}。答复期限按《政府信息公开条例》第30–33条以工作日计算；"
        "本表只有件数，不含申请人个人信息。",
    )
    columns: list[Column[_Line]] = [
        Column("项目", Kind.TEXT, lambda line: line.item, min_width=24),
        Column("件数", Kind.INT, lambda line: line.count),
        Column("说明", Kind.TEXT, lambda line: line.note, optional=True),
    ]
    sheet.table(columns, _lines(counts), fill_of=lambda line: line.fill)
