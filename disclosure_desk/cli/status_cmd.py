"""`status [--format json]`: the same digest as the start page, for scripts and scheduled tasks.

The `month` and `year` objects are the start page's card figures, from the same evaluation.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from disclosure_desk.cli.context import CliContext
from disclosure_desk.cli.output import print_json, shorten
from disclosure_desk.domain.applications import ApplicationStatus
from disclosure_desk.domain.dates import to_iso
from disclosure_desk.domain.digest import build_digest
from disclosure_desk.domain.status import (
    NO_DUE_DATE_WORD,
    ON_TIME_RATE_WORD,
    Evaluated,
    Figures,
    Status,
    StatusGroup,
    days_late_text,
    evaluate_records,
    group_word,
    rate_text,
    status_word,
)
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.repository import Store

OVERDUE, DUE_SOON = status_word(Status.OVERDUE), status_word(Status.DUE_SOON)
ON_TIME, LATE = status_word(Status.PUBLISHED_ON_TIME), status_word(Status.PUBLISHED_LATE)
PUBLISHED = group_word(StatusGroup.PUBLISHED)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "status", help=f"列出{OVERDUE}和{DUE_SOON}的公开事项（与首页一致）"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    parser.set_defaults(func=run_status)


def _entry(entry: Evaluated) -> dict[str, Any]:
    record = entry.record
    return {
        "id": record.publication.id,
        "item": record.item.number,
        "item_old_version": record.item.old_version,
        "title": record.publication.title,
        "due_on": to_iso(record.due.due_on),
        "status": str(entry.status),
        "working_days_left": entry.working_days_left,
        "days_late": entry.days_late,
        "path": list(record.item.path),
        "warnings": list(record.due.warnings),
    }


def _rate(rate: float | None) -> float | None:
    return None if rate is None else round(rate, 4)


def _month(figures: Figures) -> dict[str, int]:
    return {
        "published": figures.published,
        "on_time": figures.on_time,
        "late": figures.late,
        "no_due_date": figures.no_due_date,
    }


def _year(figures: Figures) -> dict[str, Any]:
    return {
        "on_time_rate": _rate(figures.on_time_rate),
        "on_time": figures.on_time,
        "late": figures.late,
        "no_due_date": figures.no_due_date,
    }


def _line(entry: Evaluated) -> str:
    record = entry.record
    if entry.days_late:
        when = days_late_text(entry.days_late)
    elif entry.working_days_left == 0:
        when = "今天到期"
    else:
        when = f"还剩 {entry.working_days_left} 个工作日"
    path = " / ".join(record.item.path)
    title = f"[{record.publication.id}] {shorten(record.publication.title)}"
    return f"  {title}（事项{record.item.number_label} {path}）应公开日期 {record.due.due_on}，{when}"


def application_lists(store: Store, today: date) -> dict[str, list[dict[str, Any]]]:
    """`applications_overdue` and `applications_due_soon`: id, number, due_on (issue 17's contract)."""
    records = ApplicationRegister(store).records(today)

    def entries(status: ApplicationStatus) -> list[dict[str, Any]]:
        chosen = sorted(
            (r for r in records if r.clock.status is status), key=lambda r: r.clock.due_on or today
        )
        return [
            {"id": r.application.id, "number": r.application.number, "due_on": to_iso(r.clock.due_on)}
            for r in chosen
        ]

    return {
        "applications_overdue": entries(ApplicationStatus.OVERDUE),
        "applications_due_soon": entries(ApplicationStatus.DUE_SOON),
    }


def run_status(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    settings = store.settings()
    evaluation = evaluate_records(
        store.publication_records(), context.today, store.calendar(), settings.due_soon_days
    )
    digest = build_digest(evaluation)
    if args.format == "json":
        print_json(
            {
                "today": context.today.isoformat(),
                "overdue": [_entry(e) for e in digest.overdue],
                "due_soon": [_entry(e) for e in digest.due_soon],
                "published_this_month": digest.month.published,
                "on_time_rate_this_year": _rate(digest.year.on_time_rate),
                "month": _month(digest.month),
                "year": _year(digest.year),
                "needs_due_date": [_entry(e) for e in digest.needs_due_date],
                **application_lists(store, context.today),
            }
        )
        return 0
    print(f"{settings.bureau_name} 政务公开提醒（{context.today.isoformat()}）")
    if not digest.overdue and not digest.due_soon:
        print(f"没有{OVERDUE}或{DUE_SOON}的公开事项。")
    if digest.overdue:
        print(f"{OVERDUE}：{len(digest.overdue)} 条")
        for entry in digest.overdue:
            print(_line(entry))
    if digest.due_soon:
        print(f"{settings.due_soon_days} 个工作日内到期（{DUE_SOON}）：{len(digest.due_soon)} 条")
        for entry in digest.due_soon:
            print(_line(entry))
    if digest.needs_due_date:
        print(f"需要填写应公开日期（按法定时间公开）：{len(digest.needs_due_date)} 条")
        for entry in digest.needs_due_date:
            publication, number = entry.record.publication, entry.record.item.number_label
            print(f"  [{publication.id}] {shorten(publication.title)}（事项{number}）")
    month, year = digest.month, digest.year
    print(
        f"本月{PUBLISHED} {month.published} 条：{ON_TIME} {month.on_time}，{LATE} {month.late}，"
        f"{NO_DUE_DATE_WORD} {month.no_due_date}"
    )
    print(
        f"本年{ON_TIME_RATE_WORD} {rate_text(year.on_time_rate)}：{ON_TIME} {year.on_time}，"
        f"{LATE} {year.late}，{NO_DUE_DATE_WORD} {year.no_due_date}（不计入）"
    )
    lists = application_lists(store, context.today)
    for key, heading in (
        ("applications_overdue", "依申请公开逾期未答复"),
        ("applications_due_soon", f"依申请公开{DUE_SOON}"),
    ):
        if lists[key]:
            print(f"{heading}：{len(lists[key])} 件")
            for item in lists[key]:
                print(f"  [{item['id']}] {item['number']} 答复期限 {item['due_on']}")
    return 0
