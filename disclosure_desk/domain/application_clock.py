"""The statutory reply clock of an information request, as a pure function of its events.

条例 第33条: reply within 20 working days of receipt (the day itself not counted); one extension of at most
20 working days with the head of the disclosure office's approval; the time spent consulting a third party
or another body is not counted. 第30条: after a request for correction the period runs from the day the
supplemented request is received. 国办函〔2020〕109号: the time waiting for an information processing fee is
not counted either. docs/applications-law.md has the texts.

A stop (consultation, fee) leaves out the working days after the day it began up to and including the day
it ended: consultation sent 11-09, answered 11-20 → 11-10..11-20 are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from disclosure_desk.domain.applications import (
    Application,
    ApplicationEvent,
    ApplicationStatus,
    EventKind,
)
from disclosure_desk.domain.deadlines import DueDate, calendar_warnings, holidays_phrase
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.workdays import WEEKDAY_NAMES, WorkdayCalendar

REPLY_DAYS = 20  # 条例 第33条第2款
EXTENSION_DAYS = 20  # 条例 第33条第2款: "最长不得超过20个工作日"
CORRECTION_NOTICE_DAYS = 7  # 条例 第30条
CONSULTATION_DAYS = 15  # 条例 第32条, 第34条
FEE_PAYMENT_DAYS = 20  # 国办函〔2020〕109号

PAUSE_KINDS = {
    EventKind.CONSULTATION_SENT: EventKind.CONSULTATION_ANSWERED,
    EventKind.FEE_NOTICED: EventKind.FEE_PAID,
}
_PAUSE_WORDS = {
    EventKind.CONSULTATION_SENT: ("征求意见", "条例第33条第3款"),
    EventKind.FEE_NOTICED: ("等待缴纳信息处理费", "国办函〔2020〕109号第七条"),
}


@dataclass(frozen=True)
class ReplyClock:
    """Where an application's clock stands on a day (today, or the day it was replied to)."""

    due: DueDate  # due_on, explanation (citing the articles) and calendar warnings
    status: ApplicationStatus
    paused: bool  # the clock is stopped on the day asked about (correction, consultation or fee pending)
    pause_reason: str  # "等待补正" / "征求意见中" / "等待缴纳信息处理费"; "" when running
    days_left: int | None  # working days from today to the due date (negative: overdue); None once closed
    period_days: int  # 20, or 40 after an extension
    start_on: date  # the day the period runs from: receipt, or receipt of the supplemented request
    extended: bool

    @property
    def due_on(self) -> date | None:
        return self.due.due_on


def sorted_events(events: Iterable[ApplicationEvent]) -> list[ApplicationEvent]:
    """Date order; on one day, in the order they were recorded (a request before its answer)."""
    return sorted(events, key=lambda e: e.on)


def check_events(
    received_on: date, events: Sequence[ApplicationEvent], replied_on: date | None = None
) -> None:
    """Raise ValidationError (Chinese) when the events cannot have happened in this order."""
    if replied_on is not None and replied_on < received_on:
        raise ValidationError(
            f"答复日期{replied_on.isoformat()}早于收到申请日期{received_on.isoformat()}。", "replied_on"
        )
    open_pauses: dict[EventKind, int] = {EventKind.CONSULTATION_SENT: 0, EventKind.FEE_NOTICED: 0}
    seen: set[EventKind] = set()
    for event in sorted_events(events):
        label = event.kind.label
        if event.on < received_on:
            raise ValidationError(
                f"“{label}”的日期{event.on.isoformat()}早于收到申请日期{received_on.isoformat()}。", "on"
            )
        if EventKind.WITHDRAWN in seen:
            raise ValidationError("申请已撤回，不能再登记其他事件。", "kind")
        if replied_on is not None and event.on > replied_on:
            raise ValidationError(
                f"“{label}”的日期{event.on.isoformat()}晚于答复日期{replied_on.isoformat()}。", "on"
            )
        kind = event.kind
        if event.notified_on is not None:
            if kind is not EventKind.EXTENDED:
                raise ValidationError("只有“延期答复”需要登记告知申请人的日期。", "notified_on")
            if event.notified_on < event.on:
                raise ValidationError(
                    f"告知申请人的日期{event.notified_on.isoformat()}早于延期日期{event.on.isoformat()}。",
                    "notified_on",
                )
        if kind is EventKind.EXTENDED and kind in seen:
            raise ValidationError("本申请已经延期一次；条例第33条只允许延长一次，最长20个工作日。", "kind")
        if kind is EventKind.CORRECTION_REQUESTED and kind in seen:
            raise ValidationError("补正只能告知一次（条例第30条：一次性告知申请人作出补正）。", "kind")
        if kind is EventKind.CORRECTION_RECEIVED:
            if EventKind.CORRECTION_REQUESTED not in seen:
                raise ValidationError("尚未登记“告知补正”，不能登记“收到补正”。", "kind")
            if kind in seen:
                raise ValidationError("已经登记过“收到补正”。", "kind")
        if kind in open_pauses:
            if open_pauses[kind] and kind is EventKind.FEE_NOTICED:
                raise ValidationError("上一次收费通知尚未缴费，不能再发收费通知。", "kind")
            open_pauses[kind] += 1
        for start_kind, end_kind in PAUSE_KINDS.items():
            if kind is end_kind:
                if not open_pauses[start_kind]:
                    raise ValidationError(f"没有尚未结束的“{start_kind.label}”，不能登记“{label}”。", "kind")
                open_pauses[start_kind] -= 1
        seen.add(kind)
    if replied_on is not None and EventKind.WITHDRAWN in seen:
        raise ValidationError("申请已撤回，不能再登记答复。", "replied_on")


def reply_clock(
    received_on: date,
    events: Sequence[ApplicationEvent],
    calendar: WorkdayCalendar,
    today: date,
    *,
    replied_on: date | None = None,
    due_soon_days: int = 5,
) -> ReplyClock:
    """The clock on `today` (or, once replied, on the reply day). Events are assumed checked."""
    ordered = sorted_events(events)
    withdrawn_on = next((e.on for e in ordered if e.kind is EventKind.WITHDRAWN), None)
    closed_on = replied_on if replied_on is not None else withdrawn_on
    as_of = closed_on if closed_on is not None else max(today, received_on)
    # Only what had happened by the day asked about counts.
    ordered = [e for e in ordered if e.on <= as_of]

    requested = next((e for e in ordered if e.kind is EventKind.CORRECTION_REQUESTED), None)
    supplemented = next((e for e in ordered if e.kind is EventKind.CORRECTION_RECEIVED), None)
    extension = next((e for e in ordered if e.kind is EventKind.EXTENDED), None)
    period = REPLY_DAYS + (EXTENSION_DAYS if extension is not None else 0)
    notes: list[str] = []
    warnings: list[str] = []

    waiting_for_correction = requested is not None and supplemented is None
    if supplemented is not None:
        start, start_words = (
            supplemented.on,
            f"自收到补正申请之日{supplemented.on.isoformat()}起算（当日不计，条例第30条）",
        )
    elif waiting_for_correction:
        # Until the supplement arrives the period has not begun: reckon as if it came on the day asked about.
        start, start_words = as_of, f"补正申请尚未收到，按{as_of.isoformat()}收到推算（当日不计，条例第30条）"
    else:
        start, start_words = received_on, f"自收到申请之日{received_on.isoformat()}起算（当日不计）"
    if requested is not None:
        late_by = calendar.working_days_between(received_on, requested.on) - CORRECTION_NOTICE_DAYS
        if late_by > 0:
            warnings.append(
                f"告知补正日期{requested.on.isoformat()}晚于收到申请后{CORRECTION_NOTICE_DAYS}个工作日"
                f"（条例第30条），晚了{late_by}个工作日。"
            )

    stops, open_stop = _stops(ordered, start, as_of, calendar, warnings)
    try:
        due_on, used, remaining = _walk(start, period, stops, as_of, calendar)
    except OverflowError:
        explanation = "答复期限超出可计算的日期范围，请检查日期。"
        return ReplyClock(
            DueDate(None, explanation=explanation),
            ApplicationStatus.OPEN,
            False,
            "",
            None,
            period,
            start,
            extension is not None,
        )

    # A stop that began once the period had already run out (its last day included) stops nothing.
    paused = closed_on is None and (waiting_for_correction or (open_stop is not None and remaining > 0))
    pause_reason = ""
    if paused:
        pause_reason = "等待补正" if waiting_for_correction else _pause_reason(open_stop)
    if extension is not None:
        who = f"经{extension.approved_by}批准，" if extension.approved_by else ""
        told = extension.notified_on
        told_words = f"，{told.isoformat()}告知申请人" if told is not None else ""
        notes.append(
            f"{who}{extension.on.isoformat()}延期{EXTENSION_DAYS}个工作日{told_words}（条例第33条第2款）"
        )
        if not who:
            warnings.append("延期未登记批准人：条例第33条要求经政府信息公开工作机构负责人同意。")
        if told is None:
            warnings.append("延期未登记告知申请人的日期：条例第33条要求将延期告知申请人。")
        original = _walk(start, REPLY_DAYS, stops, as_of, calendar)[0]
        if extension.on > original:
            warnings.append(
                f"延期决定日期{extension.on.isoformat()}晚于原答复期限，延期应在原期限届满前决定并告知申请人。"
            )
        elif told is not None and told > original:
            warnings.append(
                f"告知申请人延期的日期{told.isoformat()}晚于原答复期限{original.isoformat()}，"
                "延期应在原期限届满前告知申请人。"
            )
    for begin, end, kind in stops:
        words, basis = _PAUSE_WORDS[kind]
        if end is None:
            notes.append(f"{words}自{begin.isoformat()}起尚未结束，其后不计入（{basis}）")
        elif end > begin:
            first = date.fromordinal(begin.toordinal() + 1)
            notes.append(f"{words}期间{_md(first)}至{_md(end)}不计入（{basis}）")

    head = f"答复期限{period}个工作日（条例第33条）：{start_words}"
    body = "；".join([head, *notes])
    events_text = holidays_phrase(calendar, start, due_on)
    weekday = WEEKDAY_NAMES[due_on.weekday()]
    text = f"{body}；{events_text}，第{period}个工作日为{due_on.isoformat()}（{weekday}）。"
    if paused:
        text += (
            f"目前暂停计时（{pause_reason}），已用{used}个工作日，剩余{remaining}个工作日；"
            "上列日期按今日恢复计时推算。"
        )
    warnings.extend(calendar_warnings(calendar, start, due_on, "答复期限"))
    due = DueDate(due_on, None, text, tuple(warnings))

    status = _status(due_on, as_of, closed_on, replied_on, withdrawn_on, paused, calendar, due_soon_days)
    days_left = None if closed_on is not None else calendar.working_days_between(as_of, due_on)
    return ReplyClock(due, status, paused, pause_reason, days_left, period, start, extension is not None)


def _stops(
    ordered: Sequence[ApplicationEvent],
    start: date,
    as_of: date,
    calendar: WorkdayCalendar,
    warnings: list[str],
) -> tuple[list[tuple[date, date | None, EventKind]], EventKind | None]:
    """Each consultation or fee wait as (began, ended or None, kind), and the kind of one still open."""
    stops: list[tuple[date, date | None, EventKind]] = []
    pending: dict[EventKind, list[int]] = {kind: [] for kind in PAUSE_KINDS}
    for event in ordered:
        if event.kind in PAUSE_KINDS:
            pending[event.kind].append(len(stops))
            stops.append((event.on, None, event.kind))
            continue
        for begin_kind, end_kind in PAUSE_KINDS.items():
            if event.kind is end_kind and pending[begin_kind]:
                index = pending[begin_kind].pop(0)
                stops[index] = (stops[index][0], event.on, begin_kind)
    open_kind = None
    for begin, end, kind in stops:
        if end is not None:
            continue
        open_kind = open_kind or kind
        limit = CONSULTATION_DAYS if kind is EventKind.CONSULTATION_SENT else FEE_PAYMENT_DAYS
        if calendar.working_days_between(begin, as_of) > limit:
            if kind is EventKind.CONSULTATION_SENT:
                warnings.append(
                    f"征求意见已于{begin.isoformat()}发出，超过{limit}个工作日仍未登记答复：被征求意见方逾期的，"
                    "由本机关依法决定是否公开（条例第32条、第34条），请登记收到意见或决定之日。"
                )
            else:
                warnings.append(
                    f"收费通知已于{begin.isoformat()}发出，超过{limit}个工作日仍未缴费：视为放弃申请，"
                    "可按“其他处理-2”（逾期未按收费通知要求缴纳费用）办结。"
                )
    # Stops end on the day asked about at the latest; before the period's start they mean nothing.
    clipped = [(max(begin, start), end, kind) for begin, end, kind in stops if end is None or end > start]
    return clipped, open_kind


def _walk(
    start: date,
    period: int,
    stops: Sequence[tuple[date, date | None, EventKind]],
    as_of: date,
    calendar: WorkdayCalendar,
) -> tuple[date, int, int]:
    """(due date, working days used, working days left after the last stop).

    A stop still open is reckoned as ending on the day asked about: the due date is then the earliest the
    period can end, if the clock started again that day. Overlapping stops stop the clock once.
    """
    cursor, remaining = start, period
    for begin, end, _kind in sorted(stops, key=lambda s: s[0]):
        if begin > cursor:
            counted = calendar.working_days_between(cursor, begin)
            if counted >= remaining:
                return calendar.add_working_days(cursor, remaining), period, 0
            remaining -= counted
        cursor = max(cursor, end if end is not None else as_of)
    return calendar.add_working_days(cursor, remaining), period - remaining, remaining


def _pause_reason(kind: EventKind | None) -> str:
    return "征求意见中" if kind is EventKind.CONSULTATION_SENT else "等待缴纳信息处理费"


def _status(
    due_on: date,
    as_of: date,
    closed_on: date | None,
    replied_on: date | None,
    withdrawn_on: date | None,
    paused: bool,
    calendar: WorkdayCalendar,
    due_soon_days: int,
) -> ApplicationStatus:
    if withdrawn_on is not None and replied_on is None:
        return ApplicationStatus.WITHDRAWN
    if replied_on is not None:
        return ApplicationStatus.REPLIED_ON_TIME if replied_on <= due_on else ApplicationStatus.REPLIED_LATE
    if as_of > due_on:
        return ApplicationStatus.OVERDUE
    if paused:
        return ApplicationStatus.OPEN  # the clock is stopped: nothing is coming due
    if calendar.working_days_between(as_of, due_on) <= due_soon_days:
        return ApplicationStatus.DUE_SOON
    return ApplicationStatus.OPEN


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


@dataclass(frozen=True)
class ApplicationRecord:
    """An application with its clock on a day: what lists, the start page and reports show."""

    application: Application
    clock: ReplyClock


EARLIEST_RECEIPT = date(2008, 5, 1)  # the first 条例 took effect on 2008-05-01


def check_application(application: Application, today: date) -> None:
    """Raise ValidationError (Chinese, naming the field) when the application cannot be saved."""
    if not application.content.strip():
        raise ValidationError("申请内容不能为空。", "content")
    received = application.received_on
    if received < EARLIEST_RECEIPT:
        raise ValidationError(
            f"收到申请日期{received.isoformat()}早于2008年，请检查是否输错。", "received_on"
        )
    if received > today:
        raise ValidationError(f"收到申请日期不能晚于今天（{today.isoformat()}）。", "received_on")
    if (application.replied_on is None) != (application.result is None):
        field = "result" if application.result is None else "replied_on"
        raise ValidationError("答复日期和办理结果须同时填写。", field)
    if application.replied_on is not None and application.replied_on > today:
        raise ValidationError(f"答复日期不能晚于今天（{today.isoformat()}）。", "replied_on")
    for event in application.events:
        if event.on > today:
            raise ValidationError(f"“{event.kind.label}”的日期不能晚于今天（{today.isoformat()}）。", "on")
    check_events(received, application.events, application.replied_on)


def application_record(
    application: Application, calendar: WorkdayCalendar, today: date, due_soon_days: int
) -> ApplicationRecord:
    clock = reply_clock(
        application.received_on,
        application.events,
        calendar,
        today,
        replied_on=application.replied_on,
        due_soon_days=due_soon_days,
    )
    return ApplicationRecord(application, clock)
