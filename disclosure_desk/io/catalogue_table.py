"""The one place where a grid of cells becomes catalogue items, whatever file the grid came from.

Readers (text, Word, Excel) only turn their file into rows of `Cell`s, marking cells that continue a real
merged cell. Everything else is decided here once: where the header is, what each column means, how a
blank hierarchy cell is filled (the merged-cell rule), and how channels, audience and mode are read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from disclosure_desk.domain.catalogue import (
    AUDIENCES,
    DISPLAY_PERIOD_COLUMN,
    MODES,
    Catalogue,
    CatalogueItem,
)
from disclosure_desk.domain.time_limits import is_same_as_above, read_time_limit
from disclosure_desk.io.catalogue_errors import FormatProblem
from disclosure_desk.io.catalogue_fields import (
    clean_cell,
    header_key,
    header_label,
    is_ticked,
    order_channels,
    parse_audience,
    parse_channels,
    parse_mode,
)
from disclosure_desk.io.catalogue_header import (
    UNIQUE_ROLES,
    Meaning,
    Role,
    classify,
    family,
    is_header_row,
    sub_family,
)
from disclosure_desk.io.catalogue_review import TimeLimitCheck, review_items

# How far down a sheet the header may start (title rows, notes above the table).
HEADER_SEARCH_ROWS = 40
_TITLE_MAX_CHARS = 80
_NUMBER = re.compile(r"^(\d{1,6})[.、]?$")


class Merge(Enum):
    NONE = "none"
    DOWN = "down"  # continues a vertically merged cell; its text is the merged value
    RIGHT = "right"  # continues a horizontally merged cell; its text is the merged value


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    merge: Merge = Merge.NONE


Row = Sequence[Cell]


@dataclass(frozen=True)
class Column:
    index: int
    meaning: Meaning
    label: str

    @property
    def role(self) -> Role:
        return self.meaning.role


def find_header(rows: Sequence[Row]) -> int | None:
    """Index of the header row (the first naming 公开内容 and 公开时限/公开依据), or None."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if is_header_row([c.text for c in row]):
            return index
    return None


def _pad(row: Row, width: int) -> list[Cell]:
    if len(row) == 1 and width > 1:
        # A lone cell in a row of a wider table spans it (a title or section row in flattened text).
        return [row[0], *(Cell(row[0].text, Merge.RIGHT) for _ in range(width - 1))]
    return [*row, *(Cell("") for _ in range(width - len(row)))]


def _align_top(top: Row, sub: Row, width: int) -> list[Cell]:
    """Spread a shorter first header row over the second one (flattened text loses the spans).

    A top cell with a blank cell below covers one column; one with words below covers the run of
    sub-headers of its own kind (公开对象 → 全社会, 特定群众), leaving one column for each later top cell.
    """
    spread: list[Cell] = []
    j = 0
    for i, cell in enumerate(top):
        room = width - j - (len(top) - i - 1)
        if room < 1:
            return _pad(top, width)
        span = 1
        own = header_key(cell.text)
        if j < len(sub) and header_key(sub[j].text) not in ("", own):
            kind = family(classify(cell.text))
            while (
                span < room
                and j + span < len(sub)
                and header_key(sub[j + span].text)
                and (not kind or sub_family(sub[j + span].text) == kind)
            ):
                span += 1
        spread += [cell, *(Cell(cell.text, Merge.RIGHT) for _ in range(span - 1))]
        j += span
    return _pad(spread, width)


def _sub_text(top: Cell, sub: Cell | None) -> str:
    """The second-row header text of a column, or "" when the column has a single-row header."""
    if sub is None or sub.merge is Merge.DOWN:
        return ""
    key = header_key(sub.text)
    return sub.text if key and key != header_key(top.text) else ""


def _is_sub_header(top: Row, row: Row) -> bool:
    content = next((i for i, c in enumerate(top) if (m := classify(c.text)) and m.role is Role.CONTENT), None)
    if content is None or content >= len(row) or _sub_text(top[content], row[content]):
        return False
    for cell_top, cell in zip(top, row, strict=False):
        text = _sub_text(cell_top, cell)
        if text:
            parent = classify(cell_top.text)
            meaning = classify(text, parent)
            if (meaning and meaning.role is not Role.EXTRA) or family(parent):
                return True
    return False


def _columns(top: Row, sub: Row | None) -> list[Column]:
    columns: list[Column] = []
    seen: set[Role] = set()
    for index, cell in enumerate(top):
        parent = classify(cell.text)
        text = _sub_text(cell, sub[index] if sub is not None else None)
        meaning = classify(text, parent) if text else parent
        shown = header_label(text or cell.text) or f"第{index + 1}列"
        if meaning is None:
            meaning = Meaning(Role.EXTRA)
        elif meaning.role in UNIQUE_ROLES or meaning.role is Role.LEVEL:
            key = meaning.role if meaning.role is not Role.LEVEL else None
            if key in seen or (key is None and any(c.meaning == meaning for c in columns)):
                meaning = Meaning(Role.EXTRA)
            elif key is not None:
                seen.add(key)
        columns.append(Column(index, meaning, shown))
    if not any(c.meaning == Meaning(Role.LEVEL, level=1) for c in columns):
        # A lone "公开事项" column is the first level of the hierarchy.
        group = next((c for c in columns if c.role is Role.GROUP), None)
        if group is not None:
            columns[group.index] = Column(group.index, Meaning(Role.LEVEL, level=1), group.label)
    # Keys of extra columns must be unique: a second "备注" becomes "备注（2）".
    labels: dict[str, int] = {}
    for i, column in enumerate(columns):
        if column.role is Role.GROUP:
            columns[i] = column = Column(column.index, Meaning(Role.EXTRA), column.label)
        if column.role is Role.EXTRA or (column.role is Role.LEVEL and column.meaning.level >= 3):
            labels[column.label] = labels.get(column.label, 0) + 1
            if labels[column.label] > 1:
                columns[i] = Column(column.index, column.meaning, f"{column.label}（{labels[column.label]}）")
    return columns


def _title(rows: Sequence[Row]) -> str:
    candidates: list[str] = []
    for row in rows:
        texts = list(dict.fromkeys(clean_cell(c.text).replace("\n", "") for c in row if c.text.strip()))
        if len(texts) == 1 and len(texts[0]) <= _TITLE_MAX_CHARS:
            candidates.append(texts[0])
    titled = [t for t in candidates if "目录" in t]
    if titled:
        return titled[-1]
    return max(candidates, key=len, default="")


def _number(text: str) -> int | None:
    match = _NUMBER.match(unicodedata.normalize("NFKC", clean_cell(text)))
    return int(match.group(1)) if match else None


@dataclass
class _Reader:
    """Reads the data rows below the header, remembering the previous row for the merged-cell rule."""

    columns: list[Column]
    explicit: bool
    previous_path: list[str] | None = None
    previous_number: int = 0
    previous_item: CatalogueItem | None = None

    def first(self, role: Role) -> Column | None:
        return next((c for c in self.columns if c.role is role), None)

    def text(self, row: Row, role: Role) -> str:
        column = self.first(role)
        return clean_cell(row[column.index].text) if column is not None else ""

    def same_as_above(self, item: CatalogueItem, warnings: list[str]) -> CatalogueItem:
        """ "同上" copies the row above (what the officer who wrote it meant), saying so; never silently."""
        above = self.previous_item
        fields = {
            "time_limit": "公开时限",
            "basis": "公开依据",
            "publisher": "公开主体",
        }
        changes: dict[str, object] = {}
        for name, label in fields.items():
            value = getattr(item, name)
            if is_same_as_above(value) and above is not None and getattr(above, name):
                changes[name] = getattr(above, name)
                warnings.append(
                    f"序号{item.number}的{label}为“{value}”，已按上一行（序号{above.number}）的"
                    f"“{getattr(above, name)}”导入，请核对。"
                )
        if item.channels == ("同上",) and above is not None and above.channels:
            changes["channels"] = above.channels
            warnings.append(f"序号{item.number}的公开渠道为“同上”，已按上一行（序号{above.number}）导入，请核对。")
        return replace(item, **changes) if changes else item  # type: ignore[arg-type]

    def display_period(self, row: Row, time_limit: str) -> str:
        """The 公开时长 column, else a display period written in the 公开时限 cell ("公示7个工作日")."""
        column = self.text(row, Role.DISPLAY_PERIOD)
        if is_same_as_above(column) and self.previous_item is not None:
            column = self.previous_item.display_period
        return column or read_time_limit(time_limit).display

    def path(self, row: Row) -> list[str]:
        """Hierarchy values left to right, applying the merged-cell rule to blank cells.

        A blank cell that is not part of a real merge repeats the value above only when every hierarchy
        cell to its left equals the row above (after their own filling). A real vertical merge is
        authoritative; a hierarchy cell merged into its left neighbour means "no value at this level".
        """
        values: list[str] = []
        for level, column in enumerate(self._hierarchy()):
            cell = row[column.index]
            value = "" if cell.merge is Merge.RIGHT else clean_cell(cell.text)
            previous = self.previous_path
            if (
                not value
                and cell.merge is Merge.NONE
                and not self.explicit
                and previous is not None
                and previous[:level] == values
            ):
                value = previous[level]
            values.append(value)
        return values

    def _hierarchy(self) -> list[Column]:
        return [c for c in self.columns if c.role in (Role.PROCESS, Role.LEVEL)]

    def marks(self, row: Row, single: Role, flag: Role, order: Sequence[str]) -> tuple[str, ...]:
        picked: list[str] = []
        for column in self.columns:
            cell = row[column.index]
            if column.role is single:
                picked += parse_audience(cell.text) if single is Role.AUDIENCE else parse_mode(cell.text)
            elif column.role is flag and is_ticked(cell.text, column.meaning.value):
                picked.append(column.meaning.value)
        return tuple(v for v in order if v in picked)

    def channels(self, row: Row) -> tuple[str, ...]:
        words: list[str] = []
        for column in self.columns:
            cell = row[column.index]
            if column.role is Role.CHANNELS:
                words += parse_channels(cell.text)
            elif column.role is Role.CHANNEL_FLAG and is_ticked(cell.text, column.meaning.value):
                words.append(column.meaning.value)
        return order_channels(words)

    def item(self, row: Row, warnings: list[str], where: str) -> CatalogueItem | None:
        content = self.text(row, Role.CONTENT)
        number_column = self.first(Role.NUMBER)
        raw_number = clean_cell(row[number_column.index].text) if number_column is not None else ""
        number = _number(raw_number)
        if number is None and not (content or self.text(row, Role.BASIS) or self.text(row, Role.TIME_LIMIT)):
            return None  # a note, a section heading or an empty row
        if number is None:
            number = self.previous_number + 1
            if number_column is not None:
                shown = f"“{raw_number}”" if raw_number else "为空"
                warnings.append(f"{where}的序号{shown}，无法识别，已按顺序编为{number}。")
        self.previous_number = number
        path = self.path(row)
        self.previous_path = path
        levels = dict(zip(self._hierarchy(), path, strict=True))
        extra: dict[str, str] = {}
        for column in self.columns:
            if column.role is Role.EXTRA:
                extra[column.label] = clean_cell(row[column.index].text)
            elif column.role is Role.LEVEL and column.meaning.level >= 3:
                extra[column.label] = levels[column]

        by_level = {c.meaning.level: v for c, v in levels.items() if c.role is Role.LEVEL}
        process = next((v for c, v in levels.items() if c.role is Role.PROCESS), "")
        item = CatalogueItem(
            number=number,
            process=process,
            category=by_level.get(1, ""),
            subcategory=by_level.get(2, ""),
            content=content,
            basis=self.text(row, Role.BASIS),
            time_limit=self.text(row, Role.TIME_LIMIT),
            publisher=self.text(row, Role.PUBLISHER),
            channels=self.channels(row),
            audience=self.marks(row, Role.AUDIENCE, Role.AUDIENCE_FLAG, AUDIENCES),
            mode=self.marks(row, Role.MODE, Role.MODE_FLAG, MODES),
            extra=extra,
        )
        item = self.same_as_above(item, warnings)
        display = self.display_period(row, item.time_limit)
        if display or self.first(Role.DISPLAY_PERIOD) is not None:
            item = replace(item, extra={**item.extra, DISPLAY_PERIOD_COLUMN: display})
        self.previous_item = item
        return item


def _spans_row(row: Row) -> bool:
    """A row that is one cell merged across the table (a section title or a note), not an item."""
    return len(row) > 1 and all(c.merge is Merge.RIGHT for c in row[1:])


def _repeats_header(row: Row, top: Row) -> bool:
    """A header cell merged down over a second header row that was not recognised as one."""
    keys = [(header_key(c.text), header_key(t.text)) for c, t in zip(row, top, strict=False)]
    return any(k for k, _ in keys) and all(k in ("", t) for k, t in keys)


def _drop_empty_unnamed(columns: list[Column], items: list[CatalogueItem]) -> list[CatalogueItem]:
    """Columns with neither a header nor any value are layout debris (an empty last column)."""
    unnamed = {c.label for c in columns if c.role is Role.EXTRA and re.fullmatch(r"第\d+列", c.label)}
    empty = {key for key in unnamed if all(not i.extra.get(key) for i in items)}
    if not empty:
        return items
    return [replace(i, extra={k: v for k, v in i.extra.items() if k not in empty}) for i in items]


def table_to_catalogue(
    rows: Sequence[Row],
    *,
    default_title: str,
    explicit_hierarchy: bool = False,
    time_limit_check: TimeLimitCheck | None = None,
) -> Catalogue:
    """Build a catalogue from the rows of a table (rows above the header may hold the title).

    `explicit_hierarchy` turns the merged-cell rule off, for files we wrote ourselves where a blank
    hierarchy cell really is blank. Raises FormatProblem when the rows are not a catalogue.
    """
    start = find_header(rows)
    if start is None:
        raise FormatProblem("没有找到目录表头（至少应有“公开内容”以及“公开时限”或“公开依据”两列）。")
    body = rows[start:]
    width = max(len(r) for r in body)
    sub: Row | None = None
    top: Row = _pad(rows[start], width)
    if len(body) > 1:
        candidate = _pad(body[1], width)
        spread = _align_top(rows[start], body[1], width) if len(rows[start]) < width else top
        if _is_sub_header(spread, candidate):
            top, sub = spread, candidate
    columns = _columns(top, sub)
    reader = _Reader(columns, explicit_hierarchy)
    warnings: list[str] = []
    items: list[CatalogueItem] = []
    first_data = start + (2 if sub is not None else 1)
    for index in range(first_data, len(rows)):
        row = _pad(rows[index], width)
        if _spans_row(row) or is_header_row([c.text for c in row]) or _repeats_header(row, top):
            continue
        where = f"表格第{index - start + 1}行"
        item = reader.item(row, warnings, where)
        if item is None:
            continue
        items.append(item)
        short = len(rows[index])
        if 1 < short < width:
            # Only flattened text has short rows: cells were lost, most likely because the file was cut off.
            if index == len(rows) - 1:
                raise FormatProblem(f"最后一行只有{short}列（应有{width}列），文件似乎不完整。")
            warnings.append(f"{where}（序号{item.number}）只有{short}列，应有{width}列，请核对。")
    if not items:
        raise FormatProblem("表头下面没有任何公开事项。")
    items = _drop_empty_unnamed(columns, items)
    title = _title(rows[:start]) or default_title
    has_time_limits = reader.first(Role.TIME_LIMIT) is not None
    warnings += review_items(items, time_limit_check, has_time_limits=has_time_limits)
    return Catalogue(title=title, items=tuple(items), warnings=tuple(warnings))
