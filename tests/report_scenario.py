"""A bureau's register as it really looks, September–November 2026: 60+ publications a month against the
seed catalogue, due dates computed on the bundled holiday calendar, entered in the register the day after
they arose. Shared by the report tests (tests/io) and tools/render_report_scenario.py.

Deterministic (a fixed random seed): the same records every run. Most go out on time; some late, with a
late reason (逾期原因) or without; some are still open at the month's end; a few were reviewed only after
publication or not at all, miss a required channel, or have no due date (按照法定时间公开 without a date).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from disclosure_desk import paths
from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import AnchorDates, compute_due, parse_time_limit
from disclosure_desk.domain.publication import Publication, PublicationRecord
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_stats import ReportInput
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.workdays import WorkdayCalendar
from disclosure_desk.io.catalogue_json import read_catalogue_json
from disclosure_desk.io.holidays_import import load_bundled_holidays

SETTINGS = Settings(
    bureau_name="周村区科技局", report_preparer="王敏", report_reviewer="李强", contact_phone="0533-6181234"
)
FIRST_DAY = date(2026, 9, 1)
LAST_DAY = date(2026, 11, 30)
PER_MONTH = 66
GENERATED_AT = datetime(2026, 12, 1, 10, 5)

_SUBJECTS = (
    "科技创新券",
    "高新技术企业培育",
    "科技型中小企业评价",
    "研发费用加计扣除",
    "重点研发计划",
    "科技成果转化",
    "科技特派员",
    "众创空间",
    "产学研合作",
    "专利导航",
    "科普示范基地",
    "技术合同登记",
)
_TITLES: dict[str, tuple[str, ...]] = {
    "政策法规": (
        "关于印发《周村区{s}管理办法》的通知",
        "关于{s}有关事项的通知",
        "《周村区{s}实施细则》政策文件",
    ),
    "重大决策预公开": (
        "《周村区{s}若干措施（征求意见稿）》公开征求意见",
        "关于《{s}实施方案》意见采纳情况的说明",
    ),
    "规划计划": ("周村区科技局{m}月份工作总结", "周村区{s}三年行动计划（2026—2028年）"),
    "决策部署落实情况": ("{s}重点任务推进情况（{m}月）", "区政府工作报告科技领域任务落实进展"),
    "建议提案办理": ("对区人大代表关于加强{s}的建议的答复", "对区政协委员关于{s}提案的答复"),
    "机构领导": ("周村区科技局领导分工调整", "局主要负责人调研{s}工作"),
    "机构设置": ("周村区科技局机构职能及联系方式", "内设机构及下属单位设置情况更新"),
    "财政资金": ("周村区科技局2027年部门预算", "{s}专项资金分配结果公示", "{s}项目绩效自评报告"),
    "应急管理": ("科技系统安全生产工作提示", "实验室危险化学品安全管理预警"),
    "精准脱贫": ("科技帮扶{s}项目进展情况",),
    "权责清单和动态调整情况": ("周村区科技局权责清单动态调整（{m}月）",),
    "公共服务清单和中介服务清单": ("公共服务事项清单调整情况",),
    "网上政务服务": ("{s}申报办事指南", "{s}事项办件结果公示"),
    "招标采购": ("{s}服务项目采购公告", "{s}服务项目成交结果公告"),
    "新闻发布": ("{s}新闻发布会实录", "周村区科技局2026年新闻发布工作安排"),
    "政策解读": ("《周村区{s}管理办法》政策解读", "图解：{s}申报要点"),
    "回应关切": ("关于{s}政策咨询的集中答复", "网民关注的{s}问题回应"),
    "监督保障": (
        "周村区科技局政务公开工作简报（{m}月）",
        "政府信息公开保密审查制度",
        "政务公开标准化规范化工作推进情况",
    ),
}
_LATE_REASONS = (
    "会签流程较长，领导审签延误",
    "需征求区财政局意见，已于公开当日办结",
    "网站改版期间暂停更新",
    "承办科室报送延迟，已约谈提醒",
)
_OPEN_REASONS = ("待主要负责人签发", "涉及第三方权益，正在征求意见", "")
_DEPARTMENTS = (("综合科", "王敏"), ("科技计划科", "张华"), ("成果转化科", "刘洋"), ("政策法规科", "陈静"))


def catalogue_items() -> tuple[CatalogueItem, ...]:
    catalogue = read_catalogue_json(paths.data_dir() / "catalogue.json")
    return tuple(replace(item, id=100 + item.number) for item in catalogue.items)


def calendar() -> WorkdayCalendar:
    return WorkdayCalendar(load_bundled_holidays())


def _title(rng: random.Random, item: CatalogueItem, formed: date) -> str:
    patterns = _TITLES.get(item.category, ("{s}有关情况",))
    return rng.choice(patterns).format(s=rng.choice(_SUBJECTS), m=formed.month)


def records() -> list[PublicationRecord]:
    rng = random.Random(20261201)
    items = catalogue_items()
    workdays = calendar()
    out: list[PublicationRecord] = []
    day_count = (LAST_DAY - FIRST_DAY).days + 1
    total = PER_MONTH * 3
    for n in range(total):
        item = rng.choice(items)
        formed = FIRST_DAY + timedelta(days=(n * day_count) // total)
        rule = parse_time_limit(item.time_limit)
        approved = formed if "批复" in item.time_limit else None
        statutory = "法定" in item.time_limit
        manual = (
            None if statutory and rng.random() < 0.5 else formed + timedelta(days=10) if statutory else None
        )
        due = compute_due(
            rule,
            AnchorDates(formed, None, approved, formed, formed),
            workdays,
            timely_days=5,
            manual_due=manual,
        )
        fate = rng.random()
        published: date | None
        late_reason = ""
        if due.due_on is None:
            published = formed + timedelta(days=rng.randrange(1, 12))
        elif fate < 0.78:  # on time
            published = due.due_on - timedelta(days=rng.randrange(0, 12))
            published = max(published, formed + timedelta(days=1))
        elif fate < 0.90:  # late
            published = due.due_on + timedelta(days=rng.randrange(1, 9))
            late_reason = rng.choice((*_LATE_REASONS, ""))
        else:  # not yet
            published = None
            late_reason = rng.choice(_OPEN_REASONS)
        if published is not None and published > LAST_DAY:
            published = None
        department, person = rng.choice(_DEPARTMENTS)
        channels = tuple(item.channels)
        if published is not None and len(channels) > 1 and rng.random() < 0.3:
            channels = channels[:1]
        review = rng.random()
        reviewed_on = (published or formed) - timedelta(days=1) if review < 0.9 else None
        if review > 0.97 and published is not None:
            reviewed_on = published + timedelta(days=2)  # reviewed only after it went out
        publication = Publication(
            item_id=item.id or 0,
            title=_title(rng, item, formed),
            id=n + 1,
            formed_on=None if approved else formed,
            approved_on=approved,
            published_on=published,
            due_on_manual=manual,
            document_number=f"周科发〔2026〕{n + 1}号" if item.category == "政策法规" else "",
            index_number=f"11370303MB2852471X/2026-{n + 1:05d}" if published else "",
            channels=channels if published else (),
            url=f"http://www.zhoucun.gov.cn/gongkai/site_zckjj/channel_{item.number:02d}/doc_{n + 1}.html"
            if published
            else "",
            department=department,
            responsible=person,
            review_done=reviewed_on is not None,
            reviewer="李强" if reviewed_on is not None else "",
            reviewed_on=reviewed_on,
            missing_channel_reason="公众号正在升级"
            if channels != tuple(item.channels) and rng.random() < 0.5
            else "",
            notes="已同步在区政府门户网站发布" if rng.random() < 0.08 else "",
            late_reason=late_reason,
            created_at=datetime.combine(formed + timedelta(days=1), time(9, 0)),
        )
        out.append(PublicationRecord(publication, item, due))
    return out


def report_input(period: ReportPeriod, report_day: date) -> ReportInput:
    return ReportInput(
        settings=SETTINGS,
        period=period,
        report_day=report_day,
        generated_at=GENERATED_AT,
        items=catalogue_items(),
        records=records(),
        calendar=calendar(),
    )
