"""The reply clock of 依申请公开 (条例 第30–33条) on the real 2026 calendar.

Each worked example was counted by hand on the bundled 2026 schedule (国办发明电〔2025〕7号) before it was
written down here; the counts are in the comments.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_desk.domain.application_clock import check_events, reply_clock
from disclosure_desk.domain.applications import ApplicationEvent, ApplicationStatus, EventKind
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.io.holidays_import import bundled_calendar

CAL = bundled_calendar()
TODAY = date(2026, 12, 1)
K = EventKind


def d(text: str) -> date:
    return date.fromisoformat(text)


def ev(kind: EventKind, on: str, approved_by: str = "") -> ApplicationEvent:
    return ApplicationEvent(kind, d(on), approved_by=approved_by)


def test_received_before_national_day() -> None:
    # Mon 09-28: 09-29, 09-30 (2); 10-01..07 国庆节; 10-08, 10-09 (4); Sat 10-10 调休 (5);
    # 10-12..16 (10), 10-19..23 (15), 10-26..30 (20) → Fri 10-30.
    clock = reply_clock(d("2026-09-28"), [], CAL, d("2026-10-01"))
    assert clock.due_on == d("2026-10-30")
    assert "国庆节放假（10月1日至7日）" in clock.due.explanation
    assert "10月10日（星期六）调休上班" in clock.due.explanation
    assert "条例第33条" in clock.due.explanation


def test_correction_restarts_the_period() -> None:
    # supplement received Mon 11-16: 11-17..20 (4), 11-23..27 (9), 11-30 (10), 12-01..04 (14),
    # 12-07..11 (19), Mon 12-14 (20).
    events = [ev(K.CORRECTION_REQUESTED, "2026-11-04"), ev(K.CORRECTION_RECEIVED, "2026-11-16")]
    clock = reply_clock(d("2026-11-02"), events, CAL, TODAY)
    assert clock.due_on == d("2026-12-14")
    assert clock.start_on == d("2026-11-16")
    assert "自收到补正申请之日2026-11-16起算（当日不计，条例第30条）" in clock.due.explanation
    assert not clock.paused
    assert clock.days_left == 9


def test_extension_adds_twenty_working_days() -> None:
    # 11-02 + 20 = Mon 11-30; + 20: 12-01..04 (4), 12-07..11 (9), 12-14..18 (14), 12-21..25 (19), Mon 12-28.
    clock = reply_clock(d("2026-11-02"), [ev(K.EXTENDED, "2026-11-20", "王主任")], CAL, TODAY)
    assert clock.due_on == d("2026-12-28")
    assert clock.period_days == 40 and clock.extended
    assert "经王主任批准，2026-11-20延期20个工作日（条例第33条第2款）" in clock.due.explanation
    # 12-28 is in the last week of December and 2027's schedule is not bundled: said, not hidden
    assert any("2027年的放假安排" in w and w.startswith("答复期限") for w in clock.due.warnings)


def test_consultation_days_are_not_counted() -> None:
    # 11-03..11-09 count (5); 11-10..11-20 consultation, not counted; then 11-23..27 (10),
    # 11-30..12-04 (15), 12-07..11 (20) → Fri 12-11.
    events = [ev(K.CONSULTATION_SENT, "2026-11-09"), ev(K.CONSULTATION_ANSWERED, "2026-11-20")]
    clock = reply_clock(d("2026-11-02"), events, CAL, TODAY)
    assert clock.due_on == d("2026-12-11")
    assert "征求意见期间11月10日至11月20日不计入（条例第33条第3款）" in clock.due.explanation


def test_an_open_consultation_stops_the_clock() -> None:
    clock = reply_clock(d("2026-11-02"), [ev(K.CONSULTATION_SENT, "2026-11-09")], CAL, TODAY)
    assert clock.paused and clock.pause_reason == "征求意见中"
    assert clock.status is ApplicationStatus.OPEN
    assert clock.days_left == 15  # 5 used before the letter went out
    assert clock.due_on == CAL.add_working_days(TODAY, 15)
    assert "暂停计时" in clock.due.explanation
    # sent 11-09, more than 15 working days ago: the party's own time is over (第32条)
    assert any("条例第32条" in w for w in clock.due.warnings)


def test_fee_wait_stops_the_clock_and_payment_restarts_it() -> None:
    # notice Thu 11-05 (3 used), paid Fri 11-13: 11-06..11-13 not counted; 17 left from 11-13:
    # 11-16..20 (5), 11-23..27 (10), 11-30..12-04 (15), 12-07, 12-08 (17) → Tue 12-08.
    events = [ev(K.FEE_NOTICED, "2026-11-05"), ev(K.FEE_PAID, "2026-11-13")]
    clock = reply_clock(d("2026-11-02"), events, CAL, TODAY)
    assert clock.due_on == d("2026-12-08")
    assert "国办函〔2020〕109号" in clock.due.explanation
    waiting = reply_clock(d("2026-11-02"), events[:1], CAL, TODAY)
    assert waiting.paused and waiting.pause_reason == "等待缴纳信息处理费"


def test_waiting_for_correction_is_paused_and_late_notice_is_warned() -> None:
    events = [ev(K.CORRECTION_REQUESTED, "2026-11-16")]  # 10 working days after 11-02
    clock = reply_clock(d("2026-11-02"), events, CAL, TODAY)
    assert clock.paused and clock.pause_reason == "等待补正"
    assert clock.status is ApplicationStatus.OPEN
    assert clock.days_left == 20
    assert any("晚于收到申请后7个工作日" in w and "晚了3个工作日" in w for w in clock.due.warnings)


def test_statuses() -> None:
    received = d("2026-11-02")  # due 11-30
    assert reply_clock(received, [], CAL, d("2026-11-10")).status is ApplicationStatus.OPEN
    assert reply_clock(received, [], CAL, d("2026-11-24")).status is ApplicationStatus.DUE_SOON
    assert reply_clock(received, [], CAL, d("2026-11-30")).status is ApplicationStatus.DUE_SOON
    overdue = reply_clock(received, [], CAL, d("2026-12-01"))
    assert overdue.status is ApplicationStatus.OVERDUE and overdue.days_left == -1
    on_time = reply_clock(received, [], CAL, TODAY, replied_on=d("2026-11-30"))
    assert on_time.status is ApplicationStatus.REPLIED_ON_TIME and on_time.days_left is None
    late = reply_clock(received, [], CAL, TODAY, replied_on=d("2026-12-01"))
    assert late.status is ApplicationStatus.REPLIED_LATE
    withdrawn = reply_clock(received, [ev(K.WITHDRAWN, "2026-11-05")], CAL, TODAY)
    assert withdrawn.status is ApplicationStatus.WITHDRAWN
    on_the_spot = reply_clock(received, [], CAL, TODAY, replied_on=received)  # 当场答复
    assert on_the_spot.status is ApplicationStatus.REPLIED_ON_TIME


def test_a_stop_after_the_period_ran_out_does_not_save_it() -> None:
    clock = reply_clock(d("2026-11-02"), [ev(K.CONSULTATION_SENT, "2026-11-30")], CAL, d("2026-12-04"))
    assert clock.due_on == d("2026-11-30")  # the 20th working day is the day it was sent: still counted
    clock = reply_clock(d("2026-11-02"), [ev(K.CONSULTATION_SENT, "2026-12-02")], CAL, d("2026-12-04"))
    assert clock.status is ApplicationStatus.OVERDUE and not clock.paused


def test_fee_unpaid_then_closed_as_other_is_on_time() -> None:
    events = [ev(K.FEE_NOTICED, "2026-11-05")]
    clock = reply_clock(d("2026-11-02"), events, CAL, TODAY, replied_on=d("2026-12-10"))
    assert clock.status is ApplicationStatus.REPLIED_ON_TIME


@pytest.mark.parametrize(
    ("events", "replied_on", "message"),
    [
        ([ev(K.EXTENDED, "2026-10-30")], None, "早于收到申请日期"),
        ([], "2026-10-30", "答复日期2026-10-30早于收到申请日期"),
        ([ev(K.EXTENDED, "2026-11-10"), ev(K.EXTENDED, "2026-11-20")], None, "已经延期一次"),
        ([ev(K.CORRECTION_RECEIVED, "2026-11-10")], None, "尚未登记“告知补正”"),
        (
            [ev(K.CORRECTION_REQUESTED, "2026-11-03"), ev(K.CORRECTION_REQUESTED, "2026-11-04")],
            None,
            "补正只能告知一次",
        ),
        ([ev(K.CONSULTATION_ANSWERED, "2026-11-10")], None, "没有尚未结束的“征求意见”"),
        ([ev(K.FEE_PAID, "2026-11-10")], None, "没有尚未结束的“收费通知”"),
        ([ev(K.FEE_NOTICED, "2026-11-03"), ev(K.FEE_NOTICED, "2026-11-04")], None, "尚未缴费"),
        ([ev(K.EXTENDED, "2026-11-20")], "2026-11-10", "晚于答复日期"),
        ([ev(K.WITHDRAWN, "2026-11-05"), ev(K.EXTENDED, "2026-11-20")], None, "申请已撤回"),
        ([ev(K.WITHDRAWN, "2026-11-05")], "2026-11-06", "申请已撤回"),
    ],
)
def test_impossible_histories_are_refused_in_chinese(
    events: list[ApplicationEvent], replied_on: str | None, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        check_events(d("2026-11-02"), events, d(replied_on) if replied_on else None)


def test_a_possible_history_passes() -> None:
    check_events(
        d("2026-11-02"),
        [
            ev(K.CONSULTATION_SENT, "2026-11-09"),
            ev(K.CONSULTATION_SENT, "2026-11-10"),
            ev(K.CONSULTATION_ANSWERED, "2026-11-20"),
            ev(K.CONSULTATION_ANSWERED, "2026-11-23"),
            ev(K.EXTENDED, "2026-11-25"),
        ],
        d("2026-12-20"),
    )


# --- properties -------------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2024, 1, 2), max_value=date(2026, 9, 30))
OFFSET = st.integers(min_value=0, max_value=60)


@st.composite
def stops(draw: st.DrawFn, received: date) -> list[ApplicationEvent]:
    events: list[ApplicationEvent] = []
    cursor = received
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from([K.CONSULTATION_SENT, K.FEE_NOTICED]))
        begin = cursor + timedelta(days=draw(OFFSET))
        end = begin + timedelta(days=draw(OFFSET))
        events.append(ApplicationEvent(kind, begin))
        events.append(
            ApplicationEvent(K.CONSULTATION_ANSWERED if kind is K.CONSULTATION_SENT else K.FEE_PAID, end)
        )
        cursor = end
    return events


@settings(max_examples=200, deadline=None)
@given(data=st.data(), received=DAYS)
def test_pauses_never_shorten_the_period(data: st.DataObject, received: date) -> None:
    events = data.draw(stops(received))
    check_events(received, events)
    today = received + timedelta(days=400)
    plain = reply_clock(received, [], CAL, today)
    paused = reply_clock(received, events, CAL, today)
    assert plain.due_on is not None and paused.due_on is not None
    assert paused.due_on >= plain.due_on
    # and the counted days are exactly 20: working days up to the due date less the stopped ones
    counted = counted_days(received, paused.due_on, events)
    assert len(counted) == 20
    assert counted[-1] == paused.due_on


def counted_days(received: date, due_on: date, events: list[ApplicationEvent]) -> list[date]:
    """The working days in (received, due_on] outside every (begin, end] stop, counted one by one."""
    stopped = {
        begin.on + timedelta(days=i)
        for begin, end in zip(events[::2], events[1::2], strict=True)
        for i in range(1, (end.on - begin.on).days + 1)
    }
    days = (received + timedelta(days=i) for i in range(1, (due_on - received).days + 1))
    return [day for day in days if CAL.is_working_day(day) and day not in stopped]


@settings(max_examples=200, deadline=None)
@given(data=st.data(), received=DAYS, extended_after=st.integers(0, 25))
def test_an_extension_adds_exactly_twenty_working_days(
    data: st.DataObject, received: date, extended_after: int
) -> None:
    events = data.draw(stops(received))
    today = received + timedelta(days=400)
    before = reply_clock(received, events, CAL, today)
    extension = ApplicationEvent(K.EXTENDED, received + timedelta(days=extended_after), approved_by="主任")
    after = reply_clock(received, [*events, extension], CAL, today)
    assert before.due_on is not None and after.due_on is not None
    assert len(counted_days(received, after.due_on, events)) == 20 + 20
    assert after.period_days == before.period_days + 20
    if not events:  # nothing stopped: the due date moves by exactly 20 working days
        assert after.due_on == CAL.add_working_days(before.due_on, 20)


@settings(max_examples=200, deadline=None)
@given(
    data=st.data(),
    received=DAYS,
    today_offset=st.integers(0, 120),
    with_correction=st.booleans(),
)
def test_never_before_receipt_plus_twenty_working_days_unless_replied(
    data: st.DataObject, received: date, today_offset: int, with_correction: bool
) -> None:
    events = data.draw(stops(received))
    if with_correction:
        events = [
            ApplicationEvent(K.CORRECTION_REQUESTED, received + timedelta(days=1)),
            *(
                [ApplicationEvent(K.CORRECTION_RECEIVED, received + timedelta(days=data.draw(OFFSET) + 1))]
                if data.draw(st.booleans())
                else []
            ),
            *events,
        ]
    today = received + timedelta(days=today_offset)
    clock = reply_clock(received, events, CAL, today)
    assert clock.due_on is not None
    assert clock.due_on >= CAL.add_working_days(received, 20)
    if clock.paused:
        assert clock.status is ApplicationStatus.OPEN
        assert clock.days_left is not None and clock.days_left > 0


def test_a_consultation_sent_on_the_last_day_stops_nothing() -> None:
    # received Sun 2025-08-24 → 20th working day Fri 09-19; the letter went out that very day
    events = [ev(K.CONSULTATION_SENT, "2025-09-19")]
    clock = reply_clock(d("2025-08-24"), events, CAL, d("2025-09-19"))
    assert clock.due_on == d("2025-09-19")
    assert not clock.paused and clock.status is ApplicationStatus.DUE_SOON and clock.days_left == 0


def test_an_extension_records_who_approved_and_when_the_applicant_was_told() -> None:
    """第33条: an extension needs the head's approval and notice to the applicant; both are recorded."""
    told = ApplicationEvent(K.EXTENDED, d("2026-11-20"), approved_by="王主任", notified_on=d("2026-11-23"))
    clock = reply_clock(d("2026-11-02"), [told], CAL, TODAY)
    assert clock.due_on == d("2026-12-28")
    assert "经王主任批准，2026-11-20延期20个工作日，2026-11-23告知申请人" in clock.due.explanation
    assert not any("延期" in w for w in clock.due.warnings)  # (only the missing 2027 holidays)
    untold = reply_clock(d("2026-11-02"), [ev(K.EXTENDED, "2026-11-20", "王主任")], CAL, TODAY)
    assert untold.due_on == d("2026-12-28")
    assert any("未登记告知申请人的日期" in w for w in untold.due.warnings)
    # told after the original period ran out (11-30): the extension came too late for the applicant
    late = ApplicationEvent(K.EXTENDED, d("2026-11-27"), approved_by="王主任", notified_on=d("2026-12-01"))
    warnings = reply_clock(d("2026-11-02"), [late], CAL, TODAY).due.warnings
    assert any("晚于原答复期限2026-11-30" in w for w in warnings)


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (ApplicationEvent(K.EXTENDED, d("2026-11-20"), notified_on=d("2026-11-19")), "早于延期日期"),
        (ApplicationEvent(K.FEE_NOTICED, d("2026-11-20"), notified_on=d("2026-11-20")), "只有“延期答复”"),
    ],
)
def test_a_notice_day_that_cannot_be_is_refused(event: ApplicationEvent, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_events(d("2026-11-02"), [event], None)
