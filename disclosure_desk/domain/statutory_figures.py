"""The annual report's figures the register cannot know: the officer enters them once a year.

One table (`FIGURE_FIELDS`) declares every entered figure — its key, the cell it fills, its unit — and
the form, the store and the messages all read it. Text typed by the officer is parsed here: a negative
number, a word, a fraction where a count belongs each give a Chinese message naming the cell, and no
figures at all (the caller writes nothing).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.statutory_tables import (
    COERCION,
    CORRECTED,
    DECISIONS,
    FEES,
    IN_FORCE,
    ITEM_1,
    ITEM_5,
    ITEM_6,
    ITEM_8,
    LICENSING,
    LITIGATION,
    LITIGATION_AFTER_REVIEW,
    LITIGATION_DIRECT,
    MAINTAINED,
    NORMATIVE_DOCUMENTS,
    OTHER_RESULT,
    PENALTY,
    PENDING,
    REGULATIONS,
    REVIEW,
    CaseCounts,
    Section4,
)

SECTION_6 = "六、其他需要报告的事项"
# A count above this is a typo, not a district bureau's year.
MAX_COUNT = 10_000_000


@dataclass(frozen=True)
class FigureField:
    key: str  # the EnteredFigures attribute
    group: str  # the block of the format it belongs to (form group box, message prefix)
    label: str  # the cell, as the message names it
    places: int = 0  # decimal places allowed; 0 means a whole count
    unit: str = "件"

    @property
    def cell(self) -> str:
        """“行政许可 本年处理决定数量”: how a message names the cell."""
        return self.label


def _outcomes(prefix: str, group: str, heading: str) -> tuple[FigureField, ...]:
    return tuple(
        FigureField(f"{prefix}_{key}", group, f"{heading} {label}")
        for key, label in (
            ("maintained", MAINTAINED),
            ("corrected", CORRECTED),
            ("other", OTHER_RESULT),
            ("pending", PENDING),
        )
    )


FIGURE_FIELDS: tuple[FigureField, ...] = (
    FigureField("regulations_unregistered", ITEM_1, f"{REGULATIONS} 登记以外的{IN_FORCE}"),
    FigureField("normative_unregistered", ITEM_1, f"{NORMATIVE_DOCUMENTS} 登记以外的{IN_FORCE}"),
    FigureField("licensing", ITEM_5, f"{LICENSING} {DECISIONS}"),
    FigureField("penalty", ITEM_6, f"{PENALTY} {DECISIONS}"),
    FigureField("coercion", ITEM_6, f"{COERCION} {DECISIONS}"),
    FigureField("fees_10k_yuan", ITEM_8, f"{FEES} 本年收费金额", places=4, unit="万元"),
    *_outcomes("review", REVIEW, REVIEW),
    *_outcomes("direct", LITIGATION, f"{LITIGATION}（{LITIGATION_DIRECT}）"),
    *_outcomes("after_review", LITIGATION, f"{LITIGATION}（{LITIGATION_AFTER_REVIEW}）"),
    FigureField("info_fee_yuan", SECTION_6, "本年收取信息处理费", places=2, unit="元"),
)
FIELDS_BY_KEY: dict[str, FigureField] = {f.key: f for f in FIGURE_FIELDS}


@dataclass(frozen=True)
class EnteredFigures:
    """Everything the officer enters for one year. Zero until entered."""

    regulations_unregistered: int = 0  # 规章 in force that are not in the register (older than it)
    normative_unregistered: int = 0  # likewise for 行政规范性文件
    licensing: int = 0
    penalty: int = 0
    coercion: int = 0
    fees_10k_yuan: Decimal = Decimal(0)
    review_maintained: int = 0
    review_corrected: int = 0
    review_other: int = 0
    review_pending: int = 0
    direct_maintained: int = 0
    direct_corrected: int = 0
    direct_other: int = 0
    direct_pending: int = 0
    after_review_maintained: int = 0
    after_review_corrected: int = 0
    after_review_other: int = 0
    after_review_pending: int = 0
    info_fee_yuan: Decimal = Decimal(0)

    def section4(self) -> Section4:
        def group(prefix: str) -> CaseCounts:
            return CaseCounts.of(*(getattr(self, f"{prefix}_{k}") for k in _OUTCOME_KEYS))

        return Section4(group("review"), group("direct"), group("after_review"))

    def as_texts(self) -> dict[str, str]:
        """Each figure as the form shows it ("12", "3.5")."""
        return {f.key: format_figure(getattr(self, f.key)) for f in FIGURE_FIELDS}

    def to_json(self) -> dict[str, Any]:
        """For the store: counts as numbers, money as exact decimal strings."""
        return {
            f.key: (str(getattr(self, f.key)) if f.places else getattr(self, f.key)) for f in FIGURE_FIELDS
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EnteredFigures:
        """Read back what `to_json` wrote; a missing key (an older version) stays zero."""
        values: dict[str, Any] = {}
        for f in FIGURE_FIELDS:
            if f.key not in data:
                continue
            raw = data[f.key]
            values[f.key] = Decimal(str(raw)) if f.places else int(raw)
        return replace(cls(), **values)


_OUTCOME_KEYS = ("maintained", "corrected", "other", "pending")


def format_figure(value: int | Decimal) -> str:
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return "0" if text in ("-0", "0") else text
    return str(value)


def parse_figure(field: FigureField, text: str) -> int | Decimal:
    """The officer's text as a number, or a ValidationError naming the cell.

    Accepts full-width digits and thousands separators (typed with a Chinese input method); an empty
    field is zero.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("，", "")
    if not cleaned:
        return Decimal(0) if field.places else 0
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(f"“{field.cell}”应填写数字，“{text.strip()}”不是数字。", field.key) from None
    if not number.is_finite():
        raise ValidationError(f"“{field.cell}”应填写数字，“{text.strip()}”不是数字。", field.key)
    if number < 0:
        raise ValidationError(f"“{field.cell}”不能为负数（填写了 {cleaned}）。", field.key)
    if field.places == 0:
        if number != number.to_integral_value():
            raise ValidationError(f"“{field.cell}”应为整数{field.unit}数（填写了 {cleaned}）。", field.key)
        if number > MAX_COUNT:
            raise ValidationError(f"“{field.cell}”数值过大（{cleaned}），请检查是否输错。", field.key)
        return int(number)
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > field.places:
        raise ValidationError(
            f"“{field.cell}”以{field.unit}为单位，最多保留 {field.places} 位小数（填写了 {cleaned}）。",
            field.key,
        )
    if number > MAX_COUNT:
        raise ValidationError(f"“{field.cell}”数值过大（{cleaned}），请检查是否输错。", field.key)
    return number


def parse_figures(
    texts: Mapping[str, str], base: EnteredFigures | None = None
) -> tuple[EnteredFigures | None, list[ValidationError]]:
    """Parse every field given; (figures, []) when all are good, else (None, every problem).

    Keys not in `texts` keep their value from `base` (default: zero).
    """
    problems: list[ValidationError] = []
    values: dict[str, Any] = {}
    for key, text in texts.items():
        field = FIELDS_BY_KEY.get(key)
        if field is None:
            problems.append(ValidationError(f"未知的年度报告数据项“{key}”。", key))
            continue
        try:
            values[key] = parse_figure(field, text)
        except ValidationError as problem:
            problems.append(problem)
    if problems:
        return None, problems
    return replace(base or EnteredFigures(), **values), []
