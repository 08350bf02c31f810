"""Matching a revised catalogue's items to the old ones by number and content."""

from __future__ import annotations

from dataclasses import replace

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.catalogue_match import match_items


def _item(number: int, content: str, subcategory: str = "年度部门预决算") -> CatalogueItem:
    return CatalogueItem(
        number, "管理和服务", "财政资金", subcategory, content, "", "批复后20日内", "区科技局"
    )


OLD = [_item(1, "内设机构"), _item(12, "预算及说明"), _item(13, "预算及说明"), _item(14, "三公经费")]


def test_items_that_share_path_and_content_keep_their_own_numbers() -> None:
    match = match_items(OLD, list(OLD))
    assert match.pairs == ((0, 0), (1, 1), (2, 2), (3, 3)) and match.ambiguous == ()


def test_whitespace_and_full_width_forms_are_not_a_change() -> None:
    new = [replace(OLD[0], content="内设\n机构 "), *OLD[1:]]
    assert match_items(OLD, new).new_for(0) == 0


def test_a_renumbered_item_is_found_by_its_content() -> None:
    new = [
        _item(1, "内设机构"),
        _item(2, "新增事项"),
        _item(13, "预算及说明"),
        _item(14, "预算及说明"),
        _item(15, "三公经费"),
    ]
    match = match_items(OLD, new)
    assert match.new_for(3) == 4 and (3, 4) in match.renumbered
    assert match.new_for(0) == 0


def test_duplicates_that_cannot_be_told_apart_are_ambiguous() -> None:
    new = [_item(1, "内设机构"), _item(20, "预算及说明"), _item(21, "预算及说明"), _item(14, "三公经费")]
    match = match_items(OLD, new)
    assert match.new_for(1) is None and match.new_for(2) is None
    assert {a.old for a in match.ambiguous} == {1, 2}
    assert all(a.candidates == (1, 2) and "不止一个" in a.reason for a in match.ambiguous)


def test_an_item_whose_content_changed_under_the_same_number_is_ambiguous() -> None:
    new = [_item(1, "内设机构、职能和联系方式"), *OLD[1:]]
    match = match_items(OLD, new)
    assert match.new_for(0) is None
    assert [(a.old, a.candidates) for a in match.ambiguous] == [(0, (0,))]
    assert "内容已改变" in match.ambiguous[0].reason


def test_an_item_gone_from_the_new_catalogue_is_neither_matched_nor_ambiguous() -> None:
    match = match_items(OLD, OLD[1:])
    assert match.new_for(0) is None and match.ambiguous == ()
