"""The all-publications view's filter as a plain value with a pure predicate (no Qt, unit-testable)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from disclosure_desk.domain.selection import DateField, in_date_range, record_date
from disclosure_desk.domain.status import OPEN_STATUSES, PUBLISHED_STATUSES, Status, StatusGroup
from disclosure_desk.ui.presenters import RegisterRow

# Status choices offered by the filter bar, keyed by the code of a status group or of one status
# (the domain's groups and statuses, so the words shown are theirs).
STATUS_GROUPS: dict[str, frozenset[Status]] = {
    StatusGroup.OPEN.value: OPEN_STATUSES,
    Status.OVERDUE.value: frozenset({Status.OVERDUE}),
    Status.DUE_SOON.value: frozenset({Status.DUE_SOON}),
    Status.PENDING.value: frozenset({Status.PENDING}),
    StatusGroup.PUBLISHED.value: PUBLISHED_STATUSES,
    Status.PUBLISHED_LATE.value: frozenset({Status.PUBLISHED_LATE}),
}


def status_choice(key: str) -> StatusGroup | Status:
    """What a filter key names: a group ("open", "published") or one status."""
    return StatusGroup(key) if key in {g.value for g in StatusGroup} else Status(key)


@dataclass(frozen=True)
class RegisterFilter:
    statuses: frozenset[Status] | None = None  # None: any status
    process: str = ""  # "": any process (过程)
    date_field: DateField = DateField.DUE
    date_from: date | None = None  # inclusive; a row without that date is left out once a bound is set
    date_to: date | None = None
    text: str = ""  # matched, case-insensitively, against RegisterRow.search_text
    item_id: int | None = None

    @property
    def is_empty(self) -> bool:
        return (
            self.statuses is None
            and not self.process
            and self.date_from is None
            and self.date_to is None
            and not self.text.strip()
            and self.item_id is None
        )

    def accepts(self, row: RegisterRow) -> bool:
        if self.item_id is not None and row.publication.item_id != self.item_id:
            return False
        if self.statuses is not None and row.status not in self.statuses:
            return False
        if self.process and row.record.item.process != self.process:
            return False
        if not in_date_range(record_date(row.record, self.date_field), self.date_from, self.date_to):
            return False
        # every word must match somewhere: "财政 2026" finds a title with both
        return all(word in row.search_text for word in self.text.lower().split())

    def mask(self, rows: Sequence[RegisterRow]) -> list[bool]:
        """accepts() for every row, with a fast path for text alone (what typing in the search box does)."""
        if self == RegisterFilter(text=self.text):
            words = self.text.lower().split()
            if len(words) == 1:
                word = words[0]
                return [word in row.search_text for row in rows]
            return [all(word in text for word in words) for text in (row.search_text for row in rows)]
        accepts = self.accepts
        return [accepts(row) for row in rows]
