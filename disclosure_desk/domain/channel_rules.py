"""The rule for required channels (公开渠道): a published record that skips one must say why."""

from __future__ import annotations

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.validation import missing_required_channels


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
