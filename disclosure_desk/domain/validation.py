"""Checks on a publication before it is saved. Messages are Chinese and name the field."""

from __future__ import annotations

import re
from datetime import date, timedelta

from disclosure_desk.domain.catalogue import CHANNELS, CatalogueItem
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.publication import Publication

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


def validate_publication(publication: Publication, today: date) -> list[ValidationError]:
    """Every problem found, in field order; an empty list means it may be saved."""
    problems: list[ValidationError] = []
    if not publication.title.strip():
        problems.append(ValidationError("标题不能为空。", "title"))
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
        problems.append(ValidationError(f"未知的公开渠道：{'、'.join(unknown)}。", "channels"))
    return problems


def missing_required_channels(publication: Publication, item: CatalogueItem) -> tuple[str, ...]:
    """Channels the catalogue requires for the item that this publication did not use."""
    used = set(publication.channels)
    return tuple(c for c in item.channels if c in CHANNELS and c not in used)
