"""保密审查 (confidentiality review): whether a publication's review is on record, as of a day.

A review counts from the day it is dated (a review dated after the day looked at was not done yet); a
review recorded without a date counts as done. A review dated after the publication day means the
information went out unreviewed and was reviewed afterwards.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from disclosure_desk.domain.publication import Publication


class ReviewState(StrEnum):
    NOT_RECORDED = "not_recorded"  # no review on record (as of the day)
    REVIEWED = "reviewed"  # on record, before publication (or not published yet)
    AFTER_PUBLICATION = "after_publication"  # on record, but dated after the publication day


REVIEW_WORDS: dict[ReviewState, str] = {
    ReviewState.NOT_RECORDED: "未审查",
    ReviewState.REVIEWED: "已审查",
    ReviewState.AFTER_PUBLICATION: "公开后补审",
}


def review_state(publication: Publication, as_of: date) -> ReviewState:
    reviewed_on = publication.reviewed_on
    if not publication.review_done or (reviewed_on is not None and reviewed_on > as_of):
        return ReviewState.NOT_RECORDED
    published = publication.published_on
    if reviewed_on is not None and published is not None and published <= as_of and reviewed_on > published:
        return ReviewState.AFTER_PUBLICATION
    return ReviewState.REVIEWED


def published_without_review(publication: Publication, as_of: date) -> bool:
    """Published by `as_of` with no review on record from before it went out."""
    published = publication.published_on
    return (
        published is not None
        and published <= as_of
        and review_state(publication, as_of) is not ReviewState.REVIEWED
    )


def review_warning(publication: Publication, today: date) -> str | None:
    """What to tell the officer who records a review dated after the publication day (it may be a typo)."""
    if review_state(publication, today) is ReviewState.AFTER_PUBLICATION:
        return "提示：保密审查日期晚于公开日期，月报将把这条计为“公开前未记录保密审查”。"
    return None
