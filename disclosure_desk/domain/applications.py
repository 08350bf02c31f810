"""The words of 依申请公开 (information requests), defined once: applicant types, reply results, ways of
receipt, the events of an application's life, and its statuses.

The applicant types and reply results are exactly the columns and rows of table 三 ("收到和处理政府信息
公开申请情况") of the statutory annual report format, 国办公开办函〔2021〕30号; the annual report counts
this register by these codes, so the codes are the table's own words and never change. See
docs/applications-law.md for the texts they were checked against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.status import ApplicationStatus

# --- applicant types (table 三's columns) -----------------------------------------------------------


class ApplicantType(StrEnum):
    """申请人类型. The value is the column's word in table 三, stored as is."""

    NATURAL_PERSON = "自然人"
    COMMERCIAL_ENTERPRISE = "商业企业"
    RESEARCH_INSTITUTION = "科研机构"
    PUBLIC_INTEREST_ORGANIZATION = "社会公益组织"
    LEGAL_SERVICE_INSTITUTION = "法律服务机构"
    OTHER_ORGANIZATION = "其他"

    @property
    def label(self) -> str:
        """How a form names it: the organisation types under their group, "法人或其他组织·商业企业"."""
        if self is ApplicantType.NATURAL_PERSON:
            return self.value
        return f"{LEGAL_PERSON_GROUP}·{self.value}"

    @property
    def is_natural_person(self) -> bool:
        return self is ApplicantType.NATURAL_PERSON


LEGAL_PERSON_GROUP = "法人或其他组织"
APPLICANT_TYPES: tuple[ApplicantType, ...] = tuple(ApplicantType)  # table 三's column order


def applicant_type(text: str) -> ApplicantType:
    """The type named by `text` (its word, or "法人或其他组织·其他"); a Chinese ValidationError otherwise."""
    word = text.strip()
    if word.startswith(LEGAL_PERSON_GROUP):
        word = word[len(LEGAL_PERSON_GROUP) :].lstrip("·-—－:： ")
    try:
        return ApplicantType(word)
    except ValueError:
        choices = "、".join(t.value for t in APPLICANT_TYPES)
        raise ValidationError(f"申请人类型“{text}”无法识别，应为：{choices}。", "applicant_type") from None


# --- reply results (table 三's rows under 三、本年度办理结果) ---------------------------------------


class ResultCategory(StrEnum):
    """The six groups of results, in table order."""

    DISCLOSED = "予以公开"
    PARTLY_DISCLOSED = "部分公开"
    NOT_DISCLOSED = "不予公开"
    UNABLE_TO_PROVIDE = "无法提供"
    NOT_PROCESSED = "不予处理"
    OTHER = "其他处理"


@dataclass(frozen=True)
class ReplyResult:
    """One row of table 三's results. `code` is what the CLI takes and JSON shows ("不予公开-4")."""

    category: ResultCategory
    number: int  # 0 for the two rows without sub-rows (予以公开, 部分公开)
    reason: str  # the sub-row's own words, "" when number is 0

    @property
    def code(self) -> str:
        return self.category.value if self.number == 0 else f"{self.category.value}-{self.number}"

    @property
    def label(self) -> str:
        """Full words: "不予公开·保护第三方合法权益"."""
        return self.category.value if self.number == 0 else f"{self.category.value}·{self.reason}"

    @property
    def is_disclosure(self) -> bool:
        """Information was (at least partly) given: 予以公开 or 部分公开."""
        return self.category in (ResultCategory.DISCLOSED, ResultCategory.PARTLY_DISCLOSED)


_REASONS: dict[ResultCategory, tuple[str, ...]] = {
    ResultCategory.DISCLOSED: (),
    ResultCategory.PARTLY_DISCLOSED: (),
    ResultCategory.NOT_DISCLOSED: (
        "属于国家秘密",
        "其他法律行政法规禁止公开",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "属于三类内部事务信息",
        "属于四类过程性信息",
        "属于行政执法案卷",
        "属于行政查询事项",
    ),
    ResultCategory.UNABLE_TO_PROVIDE: (
        "本机关不掌握相关政府信息",
        "没有现成信息需要另行制作",
        "补正后申请内容仍不明确",
    ),
    ResultCategory.NOT_PROCESSED: (
        "信访举报投诉类申请",
        "重复申请",
        "要求提供公开出版物",
        "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息",
    ),
    ResultCategory.OTHER: (
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他",
    ),
}

# Every result in table 三's order (予以公开, 部分公开, 不予公开-1 … 其他处理-3): 21 rows.
REPLY_RESULTS: tuple[ReplyResult, ...] = tuple(
    ReplyResult(category, number, reason)
    for category in ResultCategory
    for number, reason in (enumerate(_REASONS[category], 1) if _REASONS[category] else [(0, "")])
)
_BY_CODE: dict[str, ReplyResult] = {r.code: r for r in REPLY_RESULTS}
_BY_LABEL: dict[str, ReplyResult] = {r.label: r for r in REPLY_RESULTS}

# The two results the clock itself leads to (第30条; 国办函〔2020〕109号).
RESULT_NO_CORRECTION = _BY_CODE["其他处理-1"]
RESULT_FEE_UNPAID = _BY_CODE["其他处理-2"]

_DASHES = re.compile(r"\s*[-－—–_·.、]\s*")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def reply_result(text: str) -> ReplyResult:
    """The result named by `text`: its code ("不予公开-4"; "不予公开4", "不予公开－4" too) or its full label.

    Anything else raises a ValidationError with a Chinese message.
    """
    by_label = _BY_LABEL.get(text.strip())
    if by_label is not None:
        return by_label
    cleaned = text.strip().translate(_FULL_WIDTH_DIGITS)
    cleaned = _DASHES.sub("-", cleaned)
    match = re.fullmatch(r"(\D+?)-?(\d+)", cleaned)
    if match:
        cleaned = f"{match.group(1)}-{int(match.group(2))}"
    found = _BY_CODE.get(cleaned)
    if found is not None:
        return found
    category = next((c for c in ResultCategory if cleaned.startswith(c.value)), None)
    if category is not None and _REASONS[category]:
        count = len(_REASONS[category])
        raise ValidationError(
            f"办理结果“{text}”无法识别：“{category.value}”须带编号 1–{count}，例如“{category.value}-1”。",
            "result",
        )
    raise ValidationError(
        f"办理结果“{text}”无法识别，应为：予以公开、部分公开、不予公开-1…8、无法提供-1…3、"
        "不予处理-1…5、其他处理-1…3。",
        "result",
    )


def results_in(category: ResultCategory) -> tuple[ReplyResult, ...]:
    return tuple(r for r in REPLY_RESULTS if r.category is category)


# --- how the request came in (第31条) --------------------------------------------------------------


class ReceiptChannel(StrEnum):
    """提交方式. The value is the CLI's word (`--via`) and is stored as is."""

    IN_PERSON = "当面"
    POST = "邮寄"
    ONLINE = "网络"
    FAX = "传真"
    OTHER = "其他"

    @property
    def receipt_rule(self) -> str:
        """What counts as the day of receipt for this channel (条例 第31条), for the editor's hint."""
        return _RECEIPT_RULES[self]


_RECEIPT_RULES: dict[ReceiptChannel, str] = {
    ReceiptChannel.IN_PERSON: "当面提交的，以提交之日为收到申请之日（条例第31条第1项）。",
    ReceiptChannel.POST: (
        "邮寄提交的，以行政机关签收之日为收到申请之日；平常信函等无需签收的，应于收到当日与申请人确认，"
        "确认之日为收到申请之日（条例第31条第2项）。"
    ),
    ReceiptChannel.ONLINE: "通过互联网渠道提交的，以双方确认之日为收到申请之日（条例第31条第3项）。",
    ReceiptChannel.FAX: (
        "通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（条例第31条第3项）。"
    ),
    ReceiptChannel.OTHER: "请按条例第31条确定收到申请之日。",
}


def receipt_channel(text: str) -> ReceiptChannel:
    try:
        return ReceiptChannel(text.strip())
    except ValueError:
        choices = "、".join(c.value for c in ReceiptChannel)
        raise ValidationError(f"提交方式“{text}”无法识别，应为：{choices}。", "via") from None


# --- events -------------------------------------------------------------------------------------------


class EventKind(StrEnum):
    """What can happen to an application after receipt. The value is the CLI's KIND word."""

    CORRECTION_REQUESTED = "correction-requested"  # 告知补正 (第30条)
    CORRECTION_RECEIVED = "correction-received"  # 收到补正 (第30条)
    EXTENDED = "extended"  # 延期答复 (第33条第2款)
    CONSULTATION_SENT = "consultation-sent"  # 征求第三方/其他机关意见 (第32、34条)
    CONSULTATION_ANSWERED = "consultation-answered"  # 收到意见
    FEE_NOTICED = "fee-noticed"  # 发出收费通知 (国办函〔2020〕109号)
    FEE_PAID = "fee-paid"  # 申请人缴费
    WITHDRAWN = "withdrawn"  # 申请人撤回申请

    @property
    def label(self) -> str:
        return _EVENT_LABELS[self]


_EVENT_LABELS: dict[EventKind, str] = {
    EventKind.CORRECTION_REQUESTED: "告知补正",
    EventKind.CORRECTION_RECEIVED: "收到补正",
    EventKind.EXTENDED: "延期答复",
    EventKind.CONSULTATION_SENT: "征求意见",
    EventKind.CONSULTATION_ANSWERED: "收到意见",
    EventKind.FEE_NOTICED: "收费通知",
    EventKind.FEE_PAID: "缴费",
    EventKind.WITHDRAWN: "撤回申请",
}
# The two words the timeline uses for the ends of an application's life (not events of the table).
RECEIVED_LABEL = "收到申请"
REPLIED_LABEL = "答复"


def event_kind(text: str) -> EventKind:
    word = text.strip()
    for kind in EventKind:
        if word in (kind.value, kind.label):
            return kind
    choices = "、".join(k.value for k in EventKind)
    raise ValidationError(f"事件类型“{text}”无法识别，应为：{choices}。", "kind")


# --- statuses: defined with the publications' in domain/status.py, one vocabulary ---------------------

__all__ = ["ApplicationStatus"]  # re-exported: ApplicationStatus lives in domain.status


# --- the register's values ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationEvent:
    """One thing that happened to an application, on a day. `approved_by` and `notified_on` (the day the
    applicant was told) are for extensions (第33条)."""

    kind: EventKind
    on: date
    note: str = ""
    approved_by: str = ""
    id: int | None = None
    notified_on: date | None = None


@dataclass(frozen=True)
class Application:
    """A register entry (政府信息公开申请), as a plain value handed out by the store.

    The applicant's name, ID number and contact are personal information: only the editor shows them.
    """

    received_on: date
    applicant_type: ApplicantType
    content: str
    id: int | None = None
    number: str = ""  # the bureau's own registration number (申请编号)
    via: ReceiptChannel = ReceiptChannel.IN_PERSON
    applicant_name: str = ""
    applicant_id_number: str = ""
    applicant_contact: str = ""
    replied_on: date | None = None
    result: ReplyResult | None = None
    notes: str = ""
    events: tuple[ApplicationEvent, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def withdrawn_on(self) -> date | None:
        return next((e.on for e in self.events if e.kind is EventKind.WITHDRAWN), None)
