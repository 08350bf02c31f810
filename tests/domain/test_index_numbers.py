from __future__ import annotations

from datetime import date

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.index_numbers import format_index_number, next_index_number, parse_index_number
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.validation import check_missing_channel_reason, needs_missing_channel_reason

CODE = "11370303MB2854721X"


def test_format_pads_the_serial_and_uppercases_the_code() -> None:
    assert format_index_number(CODE.lower(), 2026, 12) == f"{CODE}/2026-00012"


def test_parse_round_trips_and_rejects_other_shapes() -> None:
    assert parse_index_number(f" {CODE}/2026-00012 ") == (CODE, 2026, 12)
    assert parse_index_number("周科发〔2026〕3号") is None
    assert parse_index_number("") is None


def test_next_is_one_past_the_highest_serial_of_the_same_code_and_year() -> None:
    existing = [f"{CODE}/2026-00003", f"{CODE}/2026-00010", f"{CODE}/2025-00099", "X/2026-00500", "手写编号"]
    assert next_index_number(CODE, 2026, existing) == f"{CODE}/2026-00011"
    assert next_index_number(CODE, 2027, existing) == f"{CODE}/2027-00001"


def test_no_code_gives_no_number() -> None:
    assert next_index_number("  ", 2026, []) == ""


def _item() -> CatalogueItem:
    return CatalogueItem(
        1, "决策", "政策法规", "部门文件", "", "", "", "", channels=("政府网站", "政府公报"), id=1
    )


def test_a_reason_is_needed_only_when_published_without_a_required_channel() -> None:
    item = _item()
    planned = Publication(item_id=1, title="t", channels=("政府网站",))
    assert not needs_missing_channel_reason(planned, item)
    published = Publication(item_id=1, title="t", channels=("政府网站",), published_on=date(2026, 11, 5))
    error = check_missing_channel_reason(published, item)
    assert error is not None and error.field == "missing_channel_reason" and "政府公报" in str(error)
    explained = Publication(
        item_id=1,
        title="t",
        channels=("政府网站",),
        published_on=date(2026, 11, 5),
        missing_channel_reason="本期停刊",
    )
    assert check_missing_channel_reason(explained, item) is None
    complete = Publication(
        item_id=1, title="t", channels=("政府网站", "政府公报"), published_on=date(2026, 11, 5)
    )
    assert check_missing_channel_reason(complete, item) is None
