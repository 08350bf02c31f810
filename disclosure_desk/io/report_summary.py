"""汇总: the page a supervisor reads and signs — the headline (主动公开), the key figures against last
month (上月, 增减), the 情况说明, a chart of the 过程 and the sign-off block. Portrait A4, one page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.chart import BarChart, Reference, Series
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties, RegularTextRun

from disclosure_desk.domain.report_period import month_day
from disclosure_desk.domain.report_rows import rest_of_month
from disclosure_desk.domain.report_stats import Counts, ReportStats
from disclosure_desk.domain.report_text import headline, situation
from disclosure_desk.domain.status import (
    NO_DUE_DATE_WORD,
    ON_TIME_RATE_RULE,
    ON_TIME_RATE_WORD,
    Status,
    status_word,
)
from disclosure_desk.io.report_layout import ReportBook, period_note, subtitle
from disclosure_desk.io.xlsx_writer import (
    FONT_NAME,
    STYLE_LEAD,
    STYLE_NOTE,
    STYLE_PARAGRAPH,
    STYLE_SECTION,
    Column,
    Fill,
    Kind,
    Sheet,
)

SHEET_SUMMARY = "汇总"
# The 分类统计 sheet's 过程 subtotals, which the chart draws (io/report_breakdown.py names the table).
PROCESS_TABLE = "过程小计"
# The columns of that table the chart draws, and their colours.
CHART_SERIES = (
    (Status.PUBLISHED_ON_TIME, "70AD47"),
    (Status.PUBLISHED_LATE, "ED7D31"),
    (Status.OVERDUE, "C00000"),
)

# 指标, 本月, 上月, 增减, 说明: within PORTRAIT_UNITS.
_WIDTHS = (20.0, 8.0, 8.0, 12.0, 32.0)
_CHART_ROW_HEIGHT = 155.0  # points: the chart's own row
_SIGN_HEIGHT = 22.0


@dataclass(frozen=True)
class _Line:
    """One row of the key-figure table."""

    label: str
    kind: Kind  # INT or RATE
    value: int | float | None
    before: int | float | None  # the previous period's report
    meaning: str
    fill: Fill = Fill.PLAIN

    @property
    def change(self) -> int | float | str | None:
        """A count's change as a signed number; a rate's in percentage points, as words."""
        if self.value is None or self.before is None:
            return None
        if self.kind is Kind.RATE:
            points = round((self.value - self.before) * 100, 1)
            return "持平" if points == 0 else f"{points:+.1f}个百分点"
        return self.value - self.before

    @property
    def change_kind(self) -> Kind:
        return Kind.TEXT if self.kind is Kind.RATE else Kind.CHANGE


def _lines(stats: ReportStats) -> list[_Line]:
    t, before = stats.totals, stats.previous
    this = "本年" if stats.period.is_annual else "本月"

    def line(
        label: str,
        get: Callable[[Counts], int | float | None],
        meaning: str,
        alarm: Fill = Fill.PLAIN,
        kind: Kind = Kind.INT,
    ) -> _Line:
        value = get(t)
        fill = alarm if value else Fill.PLAIN
        return _Line(label, kind, value, get(before) if before is not None else None, meaning, fill)

    on_time, late = status_word(Status.PUBLISHED_ON_TIME), status_word(Status.PUBLISHED_LATE)
    lines = [
        line("主动公开信息（条）", lambda c: c.published, "公开日期在统计期间内"),
        line(f"　其中：{on_time}", lambda c: c.on_time, "公开日期不晚于应公开日期"),
        line(f"　　　　{late}", lambda c: c.late, "公开日期晚于应公开日期", Fill.LATE),
        line(
            f"　　　　{NO_DUE_DATE_WORD}",
            lambda c: c.no_due_date,
            f"没有应公开日期，不计入{ON_TIME_RATE_WORD}",
        ),
        line(ON_TIME_RATE_WORD, lambda c: c.on_time_rate, ON_TIME_RATE_RULE, kind=Kind.RATE),
        line(
            "公开前未记录保密审查（条）",
            lambda c: c.unreviewed,
            "没有公开前的保密审查记录",
            Fill.LATE,
        ),
        line(f"{this}新增需公开信息（条）", lambda c: c.arisen, "形成、变更或批复日期在统计期间内"),
        line(f"{this}到期（条）", lambda c: c.due, "应公开日期在统计期间内"),
        line(
            f"{status_word(Status.OVERDUE)}（条）",
            lambda c: c.overdue_open,
            "含以前各期到期、仍未公开的",
            Fill.OVERDUE,
        ),
    ]
    if t.due_rest_of_month:
        # A complete month has no "rest of the month": nothing to compare with.
        rest = line(
            f"{rest_of_month(stats.as_of)}到期（条）",
            lambda c: c.due_rest_of_month,
            "尚未公开、统计截止日后本月到期",
        )
        lines.append(_Line(rest.label, rest.kind, rest.value, None, rest.meaning))
    lines.append(
        line(
            f"{stats.next_month.short_label}到期（条）",
            lambda c: c.due_next_month,
            "尚未公开、应公开日期在该月",
        )
    )
    return lines


def _previous_word(stats: ReportStats) -> str:
    word = "上年" if stats.period.is_annual else "上月"
    # A report made before the period ends still compares with the whole previous period.
    return f"{word}（全{word[1]}）" if stats.partial else word


def _figure_columns(stats: ReportStats) -> list[Column[_Line]]:
    annual = stats.period.is_annual

    def shown(value: int | float | str | None) -> object:
        return "—" if value is None else value

    return [
        Column("指标", Kind.TEXT, lambda r: r.label),
        Column("本年" if annual else "本月", Kind.INT, lambda r: shown(r.value), kind_of=lambda r: r.kind),
        Column(_previous_word(stats), Kind.INT, lambda r: shown(r.before), kind_of=lambda r: r.kind),
        Column("增减", Kind.CHANGE, lambda r: shown(r.change), kind_of=lambda r: r.change_kind),
        Column("说明", Kind.TEXT, lambda r: r.meaning),
    ]


def _sign_off(sheet: Sheet, stats: ReportStats) -> None:
    s = stats.settings
    blank = "　" * 8
    day = stats.report_day
    pairs = (
        (f"报送单位：{s.bureau_name}", f"报送日期：{day.year}年{month_day(day)}"),
        (f"填报人：{s.report_preparer or blank}", f"联系电话：{s.contact_phone or blank}"),
        (f"审核人：{s.report_reviewer or blank}", ""),
        ("单位负责人签字（盖章）：", ""),
    )
    heights = (_SIGN_HEIGHT, _SIGN_HEIGHT, _SIGN_HEIGHT, 2 * _SIGN_HEIGHT)
    for (left, right), height in zip(pairs, heights, strict=True):
        row = sheet.append(
            [sheet.cell(1, left, STYLE_PARAGRAPH), None, None, sheet.cell(4, right, STYLE_PARAGRAPH)], height
        )
        sheet.merge(row, 1, 3)
        sheet.merge(row, 4, 5)


def build(report: ReportBook) -> None:
    stats = report.stats
    sheet = report.sheet(SHEET_SUMMARY, _WIDTHS, fit_height=True)
    sheet.title(stats.title)
    subtitle(sheet, stats.label)
    sheet.text(period_note(stats), STYLE_NOTE)
    sheet.blank(6)
    sheet.text(headline(stats), STYLE_LEAD, size=11)
    sheet.blank(6)

    sheet.text("一、主要指标", STYLE_SECTION, size=12)
    sheet.table(_figure_columns(stats), _lines(stats), fill_of=lambda line: line.fill)
    sheet.blank(6)

    sheet.text("二、情况说明", STYLE_SECTION, size=12)
    for paragraph in situation(stats).split("\n"):
        sheet.text(paragraph, STYLE_PARAGRAPH, size=11)
    sheet.blank(6)

    if stats.by_process:
        sheet.text("三、各过程公开情况", STYLE_SECTION, size=12)
        chart_row = sheet.blank(_CHART_ROW_HEIGHT)
        report.after(lambda: _add_chart(report, sheet, chart_row))
        sheet.blank(10)
    _sign_off(sheet, stats)


def _text(size: int, *, bold: bool = False) -> CharacterProperties:
    font = Font(typeface=FONT_NAME)
    return CharacterProperties(sz=size * 100, b=bold, latin=font, ea=font)


def _rich(size: int) -> RichText:
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=_text(size)), endParaRPr=_text(size))])


def _title(text: str) -> Title:
    props = _text(12, bold=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _add_chart(report: ReportBook, sheet: Sheet, row: int) -> None:
    """A clustered bar chart of the 过程 subtotals: its own title, a value on every bar, 9–12 pt text."""
    stats = report.stats
    source, table = report.tables[PROCESS_TABLE]
    first, last = table.first_row, table.last_row
    headers = source.headers
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = _title(f"{stats.label}各过程公开情况（条）")
    for status, colour in CHART_SERIES:
        column = headers.index(status_word(status)) + 1
        series = Series(
            Reference(source.ws, min_col=column, min_row=first, max_row=last), title=status_word(status)
        )
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
        series.dLbls = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False)
        series.dLbls.txPr = _rich(10)
        chart.series.append(series)
    chart.set_categories(Reference(source.ws, min_col=1, min_row=first, max_row=last))
    chart.y_axis.number_format = "0"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.x_axis.txPr = _rich(10)
    chart.y_axis.txPr = _rich(10)
    chart.legend.position = "b"
    chart.legend.txPr = _rich(10)
    chart.gapWidth = 60
    chart.height = _CHART_ROW_HEIGHT / 28.35  # cm
    chart.width = sum(_WIDTHS) * 0.19  # cm: about the width of the page's text
    sheet.add_chart(chart, f"A{row}")
