"""Checks on a publication before it is saved. Messages are Chinese and name the field.

`publication_problems` is the whole rule: the store applies it to every record it saves, and the editor
shows the same problems beside their fields before the officer presses 保存.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from disclosure_desk.domain.catalogue import CHANNELS, CatalogueItem
from disclosure_desk.domain.deadlines import DeadlineRule, RuleKind
from disclosure_desk.domain.due import publication_rule
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.publication import DocumentKind, Publication
from disclosure_desk.domain.time_limits import clause_problem, read_time_limit

EARLIEST = date(2000, 1, 1)
# A formed/approved date may be planned ahead, but not by more than a year: beyond that it is a typo.
FUTURE_BOUND = timedelta(days=366)
_URL = re.compile(
    r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$|^https?://(localhost|\d{1,3}(\.\d{1,3}){3})(:\d+)?(/\S*)?$",
    re.IGNORECASE,
)

_DATE_LABELS = {
    "formed_on": "形成日期",
    "changed_on": "变更日期",
    "approved_on": "批复日期",
    "published_on": "公开日期",
    "due_on_manual": "应公开日期",
    "reviewed_on": "保密审查日期",
}


# Longer than any real document title (the longest in a year of 周村区 publications is under 80): a
# 10,000-character "title" is a paste gone wrong, and it would flood every list and report.
TITLE_MAX_LENGTH = 500

# the free-text fields, with their labels, checked for characters no keyboard types
_TEXT_LABELS = {
    "title": "标题",
    "document_number": "文号",
    "index_number": "索引号",
    "url": "链接",
    "department": "承办科室",
    "responsible": "责任人",
    "reviewer": "审查人",
    "missing_channel_reason": "未用渠道的原因",
    "notes": "备注",
    "late_reason": "逾期原因",
}
_MULTILINE = frozenset({"notes", "late_reason", "missing_channel_reason"})


def _text_problem(name: str, text: str) -> ValidationError | None:
    label = _TEXT_LABELS[name]
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return ValidationError(
            f"{label}含有无法识别的字符（可能是文字编码错误，例如 GBK 文字当作 UTF-8）。", name
        )
    allowed = "\n\t" if name in _MULTILINE else ""
    if any(unicodedata.category(c) == "Cc" and c not in allowed for c in text):
        return ValidationError(f"{label}含有不可见的控制字符，请删除后再保存。", name)
    return None


def validate_publication(publication: Publication, today: date) -> list[ValidationError]:
    """Every problem found, in field order; an empty list means it may be saved."""
    problems: list[ValidationError] = []
    if not publication.title.strip():
        problems.append(ValidationError("标题不能为空。", "title"))
    elif len(publication.title) > TITLE_MAX_LENGTH:
        problems.append(
            ValidationError(
                f"标题太长（{len(publication.title)} 个字），最多 {TITLE_MAX_LENGTH} 个字；"
                "较长的说明请写在备注中。",
                "title",
            )
        )
    for name in _TEXT_LABELS:
        problem = _text_problem(name, getattr(publication, name))
        if problem is not None:
            problems.append(problem)
    for name, label in _DATE_LABELS.items():
        value: date | None = getattr(publication, name)
        if value is None:
            continue
        if value < EARLIEST:
            problems.append(
                ValidationError(f"{label} {value.isoformat()} 早于2000年，请检查是否输错。", name)
            )
        elif name in ("published_on", "reviewed_on") and value > today:
            problems.append(ValidationError(f"{label}不能晚于今天（{today.isoformat()}）。", name))
        elif value > today + FUTURE_BOUND:
            problems.append(
                ValidationError(f"{label} {value.isoformat()} 超过今天一年以上，请检查是否输错。", name)
            )
    formed, changed, published = publication.formed_on, publication.changed_on, publication.published_on
    if formed and changed and changed < formed:
        problems.append(ValidationError("变更日期不能早于形成日期。", "changed_on"))
    if published and formed and published < formed:
        problems.append(ValidationError("公开日期不能早于形成日期。", "published_on"))
    if published and publication.approved_on and published < publication.approved_on:
        problems.append(ValidationError("公开日期不能早于批复日期。", "published_on"))
    url = publication.url.strip()
    if url and not _URL.match(url):
        problems.append(
            ValidationError(
                "链接格式不正确，应以 http:// 或 https:// 开头，例如 https://www.example.gov.cn/…", "url"
            )
        )
    unknown = [c for c in publication.channels if c not in CHANNELS]
    if unknown:
        text = f"未知的公开渠道：{'、'.join(unknown)}。可用的渠道：{'、'.join(CHANNELS)}。"
        problems.append(ValidationError(text, "channels"))
    problems.extend(_abolition_problems(publication))
    return problems


def _abolition_problems(publication: Publication) -> list[ValidationError]:
    """废止日期 belongs to 规章 and 规范性文件 only, and comes after the document was made and published.

    It may lie ahead (a document's 有效期 is set when it is issued), so there is no upper bound.
    """
    abolished = publication.abolished_on
    if abolished is None:
        return []
    if publication.document_kind is DocumentKind.OTHER:
        return [ValidationError("只有规章和规范性文件才填写废止日期；请先选择文件类型。", "abolished_on")]
    if abolished < EARLIEST:
        return [
            ValidationError(f"废止日期 {abolished.isoformat()} 早于2000年，请检查是否输错。", "abolished_on")
        ]
    for earlier, label in ((publication.formed_on, "形成日期"), (publication.published_on, "公开日期")):
        if earlier is not None and abolished < earlier:
            return [ValidationError(f"废止日期不能早于{label}（{earlier.isoformat()}）。", "abolished_on")]
    return []


def missing_required_channels(publication: Publication, item: CatalogueItem) -> tuple[str, ...]:
    """Channels the catalogue requires for the item that this publication did not use."""
    used = set(publication.channels)
    return tuple(c for c in item.channels if c in CHANNELS and c not in used)


def check_manual_due(publication: Publication, rule: DeadlineRule) -> ValidationError | None:
    """An entered due date is for items whose rule leaves the date to the officer (按照法定时间公开, or a
    rule the officer set so); elsewhere the rule computes it and an entered date would be ignored."""
    if publication.due_on_manual is None or rule.kind is RuleKind.STATUTORY:
        return None
    return ValidationError(
        f"该事项的应公开日期由公开时限计算（{rule.describe()}），不能手工填写；"
        "只有“按法定时间公开”的事项才填写应公开日期。",
        "due_on_manual",
    )


def lacks_manual_due(publication: Publication, rule: DeadlineRule) -> bool:
    """A statutory item saved without its due date: accepted, but the officer must come back to it."""
    return (
        rule.kind is RuleKind.STATUTORY
        and publication.due_on_manual is None
        and (publication.published_on is None)
    )


# --- the required channels (公开渠道): a published record that skips one must say why ----------------------


def needs_missing_channel_reason(publication: Publication, item: CatalogueItem) -> bool:
    """A reason is asked for only once the information is published: before that it is a plan."""
    return publication.published_on is not None and bool(missing_required_channels(publication, item))


def check_missing_channel_reason(publication: Publication, item: CatalogueItem) -> ValidationError | None:
    if not needs_missing_channel_reason(publication, item) or publication.missing_channel_reason.strip():
        return None
    missing = "、".join(missing_required_channels(publication, item))
    return ValidationError(
        f"目录要求通过“{missing}”公开，但未勾选：请勾选，或填写未通过该渠道公开的原因。",
        "missing_channel_reason",
    )


def publication_problems(publication: Publication, item: CatalogueItem, today: date) -> list[ValidationError]:
    """Everything that stops a publication from being saved, as of `today`: the store refuses exactly
    these, whether the record comes from the window, the command line or an import."""
    problems = validate_publication(publication, today)
    # a clause the text does not have; a single-clause text ignores a clause number (one a revised
    # catalogue left behind must not block every later edit of the record)
    wrong_clause = clause_problem(item.time_limit, publication.clause)
    if wrong_clause is not None and read_time_limit(item.time_limit).several:
        problems.append(ValidationError(wrong_clause, "clause"))
    for problem in (
        check_manual_due(publication, publication_rule(publication, item)),
        check_missing_channel_reason(publication, item),
    ):
        if problem is not None:
            problems.append(problem)
    return problems
