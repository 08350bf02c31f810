"""A small, fully known register for the report tests (tests/domain and tests/io share it).

October 2026, evaluated as of 2026-10-31 (the report is generated on 2026-11-05):

| key | item | title              | due        | published  | status at 10-31       |
| A   | 1    | 科技创新券管理办法   | 2026-10-29 | 2026-10-28 | on time (20 工作日 across 国庆) |
| B   | 4    | 项目申报指南         | 2026-10-09 | 2026-10-15 | late, 5 working days; 两微一端 missed |
| C   | 4    | =SUM(A1:A2)         | 2026-10-20 | —          | overdue, 8 working days |
| D   | 2    | +86 123             | 2026-09-15 | —          | overdue, 30 working days |
| E   | 3    | @foo                | —          | 2026-10-12 | published, no due date |
| F   | 1    | -1                  | 2026-11-10 | —          | pending, due next month |
| G   | 3    | 2025年部门决算        | 2026-09-20 | 2026-09-10 | before the period      |
| H   | 2    | 规划中期评估          | 2026-10-25 | 2026-11-03 | overdue at 10-31, 5 working days |
| I   | 4    | 科技活动周（含控制字符）| 2026-10-16 | 2026-10-10 | on time (调休 Saturday) |
"""

from __future__ import annotations

from datetime import date, datetime

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import DueDate
from disclosure_desk.domain.publication import Publication, PublicationRecord
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_stats import ReportInput
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.workdays import WorkdayCalendar, YearSchedule

BUREAU = "周村区科技局"
REPORT_DAY = date(2026, 11, 5)
GENERATED_AT = datetime(2026, 12, 1, 10, 5)  # the file is written later than the day it reports on
SETTINGS = Settings(
    bureau_name=BUREAU, report_preparer="王敏", report_reviewer="李强", contact_phone="0533-6181234"
)

_LIMIT_20WD = "自该信息形成或者变更之日起20个工作日内"


def _item(
    number: int, process: str, category: str, sub: str, channels: tuple[str, ...], limit: str
) -> CatalogueItem:
    return CatalogueItem(
        number=number,
        process=process,
        category=category,
        subcategory=sub,
        content=f"事项{number}的公开内容",
        basis="《中华人民共和国政府信息公开条例》",
        time_limit=limit,
        publisher=BUREAU,
        channels=channels,
        audience=("全社会",),
        mode=("主动",),
        id=100 + number,
    )


ITEMS: tuple[CatalogueItem, ...] = (
    _item(1, "决策", "政策法规", "规范性文件", ("政府网站", "政府公报"), _LIMIT_20WD),
    _item(2, "决策", "规划计划", "", ("政府网站",), _LIMIT_20WD),
    _item(3, "执行", "财政资金", "部门预决算", ("政府网站",), "本级政府财政部门批复后20日内"),
    _item(4, "结果", "工作动态", "", ("政府网站", "两微一端"), "及时公开"),
    _item(5, "结果", "统计信息", "", ("政府网站",), "按照法定时间公开"),
)
_BY_NUMBER = {i.number: i for i in ITEMS}
_LABELS = {
    1: "形成或变更后20个工作日",
    2: "形成或变更后20个工作日",
    3: "批复后20日",
    4: "及时公开（按形成或变更后5个工作日计）",
    5: "按法定时间公开",
}


def calendar_2026() -> WorkdayCalendar:
    """The 2026 schedule (国办发明电〔2025〕7号), enough for the status window around October."""
    holidays = {date(2026, 10, d) for d in range(1, 8)} | {
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 1, 3),
    }
    adjusted = {date(2026, 9, 20), date(2026, 10, 10), date(2026, 1, 4)}
    schedule = YearSchedule(2026, frozenset(holidays), frozenset(adjusted), notice="国办发明电〔2025〕7号")
    return WorkdayCalendar([schedule])


def _record(
    key: str,
    number: int,
    title: str,
    due: date | None,
    published: date | None,
    channels: tuple[str, ...] = (),
    **extra: object,
) -> tuple[str, PublicationRecord]:
    item = _BY_NUMBER[number]
    assert item.id is not None
    publication = Publication(
        item_id=item.id,
        title=title,
        id=ord(key),
        published_on=published,
        channels=channels,
        **extra,  # type: ignore[arg-type]
    )
    # The shape compute_due gives: the rule's label, a full-width colon, then how the day was found.
    explanation = "无公开时限"
    if due is not None:
        explanation = f"{_LABELS[number]}：{item.time_limit}；应公开日期 {due.isoformat()}"
    return key, PublicationRecord(publication, item, DueDate(due, explanation=explanation))


RECORDS: dict[str, PublicationRecord] = dict(
    [
        _record(
            "A",
            1,
            "关于印发《周村区科技创新券管理办法》的通知",
            # 20 working days after 2026-09-25, counted over the 国庆 holiday and the 10-10 调休 Saturday.
            calendar_2026().add_working_days(date(2026, 9, 25), 20),
            date(2026, 10, 28),
            ("政府网站", "政府公报"),
            formed_on=date(2026, 9, 25),
            document_number="周科发〔2026〕12号",
            index_number="11370303MB2852471X/2026-00012",
            url="http://www.zhoucun.gov.cn/gongkai/site_zckjj/channel_01/doc_12.html",
            department="综合科",
            responsible="王敏",
            review_done=True,
            reviewer="李强",
            reviewed_on=date(2026, 10, 27),
        ),
        _record(
            "B",
            4,
            "2026年度区级科技计划项目申报指南",
            date(2026, 10, 9),
            date(2026, 10, 15),
            ("政府网站",),
            formed_on=date(2026, 9, 28),
            department="科技计划科",
            responsible="张华",
        ),
        _record("C", 4, "=SUM(A1:A2)", date(2026, 10, 20), None, formed_on=date(2026, 10, 13)),
        _record("D", 2, "+86 123", date(2026, 9, 15), None, formed_on=date(2026, 8, 18)),
        _record("E", 3, "@foo", None, date(2026, 10, 12), ("政府网站",), approved_on=date(2026, 9, 30)),
        _record("F", 1, "-1", date(2026, 11, 10), None, formed_on=date(2026, 10, 13)),
        _record("G", 3, "周村区科技局2025年部门决算", date(2026, 9, 20), date(2026, 9, 10), ("政府网站",)),
        _record(
            "H",
            2,
            "周村区“十四五”科技创新规划中期评估报告",
            date(2026, 10, 25),
            date(2026, 11, 3),
            ("政府网站",),
            formed_on=date(2026, 9, 27),
        ),
        _record(
            "I",
            4,
            "关于举办2026年科技活动周的通知\x0b（第二版）",
            date(2026, 10, 16),
            date(2026, 10, 10),
            ("政府网站", "两微一端"),
            notes="调休上班日公开",
        ),
    ]
)


def october_input(records: list[PublicationRecord] | None = None) -> ReportInput:
    return ReportInput(
        settings=SETTINGS,
        period=ReportPeriod.month(2026, 10),
        report_day=REPORT_DAY,
        generated_at=GENERATED_AT,
        items=ITEMS,
        records=list(RECORDS.values()) if records is None else records,
        calendar=calendar_2026(),
    )


def annual_input() -> ReportInput:
    return ReportInput(
        settings=SETTINGS,
        period=ReportPeriod.year(2026),
        report_day=REPORT_DAY,
        generated_at=GENERATED_AT,
        items=ITEMS,
        records=list(RECORDS.values()),
        calendar=calendar_2026(),
    )


def big_input(count: int = 10_000) -> ReportInput:
    """`count` publications published or due in October 2026, with realistic text lengths.

    One in ten is still open at the month end (most of them overdue) — far more than a real bureau has,
    so the 逾期 sheet is exercised too.
    """
    records: list[PublicationRecord] = []
    base = list(RECORDS.values())
    for n in range(count):
        template = base[n % len(base)]
        day = date(2026, 10, 1 + n % 31)
        published = day if n % 10 else None
        due = date(2026, 10, 1 + (n * 7) % 31)
        publication = Publication(
            item_id=template.publication.item_id,
            title=f"关于{n}号科技项目资金拨付及绩效评价结果的公示（第{n % 9 + 1}批）",
            id=n + 1,
            formed_on=date(2026, 9, 1 + n % 30),
            published_on=published,
            document_number=f"周科字〔2026〕{n}号",
            index_number=f"11370303MB2852471X/2026-{n:05d}",
            channels=("政府网站", "两微一端") if n % 4 else ("政府网站",),
            url=f"http://www.zhoucun.gov.cn/gongkai/site_zckjj/channel_01/doc_{n}.html",
            department="科技计划科",
            responsible="张华",
            review_done=n % 2 == 0,
            reviewer="李强",
            reviewed_on=day,
            notes="" if n % 5 else "已在区政府门户网站同步发布",
        )
        explanation = f"{template.item.time_limit}；自 {publication.formed_on} 起算，应公开日期 {due}"
        records.append(PublicationRecord(publication, template.item, DueDate(due, explanation=explanation)))
    return ReportInput(
        settings=SETTINGS,
        period=ReportPeriod.month(2026, 10),
        report_day=REPORT_DAY,
        generated_at=GENERATED_AT,
        items=ITEMS,
        records=records,
        calendar=calendar_2026(),
    )
