"""100,000 due dates with explanations, mixed rules, start dates over 2020–2026. Target: ≥ 200,000 per second.

Run with: python -m pytest tests/benchmarks --benchmark-enable -q
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from disclosure_desk.domain.deadlines import AnchorDates, DeadlineRule, compute_due, parse_time_limit
from disclosure_desk.domain.workdays import WorkdayCalendar
from disclosure_desk.io.holidays_import import load_bundled_holidays

COUNT = 100_000
TARGET_PER_SECOND = 200_000

RULE_TEXTS = (
    "自该信息形成或者变更之日起20个工作日内。",
    "本级政府财政部门批复后20日内。",
    "及时公开。",
    "按照法定时间公开。",
    "信息形成后,7个工作日内公开",
    "关联规范性文件公开3个工作日内",
    "收到申请之日起20个工作日内",
    "每年1月31日前",
)


def _inputs() -> list[tuple[DeadlineRule, AnchorDates, date | None]]:
    rng = random.Random(20261102)
    rules = [parse_time_limit(t) for t in RULE_TEXTS]
    # the seed catalogue's mix: mostly 20 working days
    weights = [23, 3, 4, 1, 1, 1, 1, 1]
    first = date(2020, 1, 1).toordinal()
    span = date(2026, 12, 31).toordinal() - first
    inputs: list[tuple[DeadlineRule, AnchorDates, date | None]] = []
    for rule in rng.choices(rules, weights, k=COUNT):
        start = date.fromordinal(first + rng.randrange(span))
        changed = start + timedelta(days=rng.randrange(30)) if rng.random() < 0.1 else None
        dates = AnchorDates(start, changed, start, start, start)
        inputs.append((rule, dates, start + timedelta(days=30)))
    return inputs


def test_bench_due_dates(benchmark: Any) -> None:
    calendar = WorkdayCalendar(load_bundled_holidays())
    inputs = _inputs()

    def compute_all() -> int:
        computed = 0
        for rule, dates, manual in inputs:
            if compute_due(rule, dates, calendar, timely_days=5, manual_due=manual).due_on is not None:
                computed += 1
        return computed

    assert benchmark(compute_all) == COUNT
    rate = COUNT / benchmark.stats.stats.mean
    benchmark.extra_info["due_dates_per_second"] = round(rate)
    print(f"\n{rate:,.0f} due dates per second (target {TARGET_PER_SECOND:,})")
    # Half the target, so a slow CI machine passes but an accidental day-by-day loop does not.
    assert rate >= TARGET_PER_SECOND / 2


def test_bench_calendar_build(benchmark: Any) -> None:
    schedules = load_bundled_holidays()
    calendar = benchmark(WorkdayCalendar, schedules)
    assert calendar.years[-1] == 2026
