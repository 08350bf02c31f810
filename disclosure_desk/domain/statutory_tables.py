"""Sections 二 and 四 of the 政府信息公开工作年度报告 as typed values, with the format's own labels.

The format is 国办公开办函〔2021〕30号 (docs/statutory-annual-report.md). Every label below is the
text the format prints; the .docx writer, the JSON export and the window all take them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

REPORT_TITLE_SUFFIX = "政府信息公开工作年度报告"

SECTION_TITLES: tuple[str, ...] = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

# The usual sub-headings of 一、总体情况: the five subjects the format says it covers.
OVERVIEW_HEADINGS: tuple[str, ...] = (
    "（一）主动公开情况",
    "（二）依申请公开情况",
    "（三）政府信息管理情况",
    "（四）政府信息公开平台建设情况",
    "（五）监督保障情况",
)

# --- section 二 ---------------------------------------------------------------------------------------
ITEM_1 = "第二十条第（一）项"
ITEM_5 = "第二十条第（五）项"
ITEM_6 = "第二十条第（六）项"
ITEM_8 = "第二十条第（八）项"
CONTENT = "信息内容"
ISSUED = "本年制发件数"
ABOLISHED = "本年废止件数"
IN_FORCE = "现行有效件数"
DECISIONS = "本年处理决定数量"
FEE_AMOUNT = "本年收费金额（单位：万元）"
REGULATIONS = "规章"
NORMATIVE_DOCUMENTS = "行政规范性文件"
LICENSING = "行政许可"
PENALTY = "行政处罚"
COERCION = "行政强制"
FEES = "行政事业性收费"

# --- section 四 ---------------------------------------------------------------------------------------
REVIEW = "行政复议"
LITIGATION = "行政诉讼"
LITIGATION_DIRECT = "未经复议直接起诉"
LITIGATION_AFTER_REVIEW = "复议后起诉"
MAINTAINED = "结果维持"
CORRECTED = "结果纠正"
OTHER_RESULT = "其他结果"
PENDING = "尚未审结"
TOTAL = "总计"
OUTCOME_LABELS: tuple[str, ...] = (MAINTAINED, CORRECTED, OTHER_RESULT, PENDING)


@dataclass(frozen=True)
class DocumentCounts:
    """One row of 第二十条第（一）项: documents issued and abolished this year, and in force at its end."""

    issued: int = 0
    abolished: int = 0
    in_force: int = 0


@dataclass(frozen=True)
class Section2:
    regulations: DocumentCounts = DocumentCounts()
    normative_documents: DocumentCounts = DocumentCounts()
    licensing: int = 0
    penalty: int = 0
    coercion: int = 0
    fees_10k_yuan: Decimal = Decimal(0)


@dataclass(frozen=True)
class CaseCounts:
    """One group of section 四: the four outcomes and the 总计 as reported.

    `total` is a value of its own (a report read back may carry a wrong one); `expected_total` is what
    the four outcomes add up to, and the checks compare the two.
    """

    maintained: int = 0
    corrected: int = 0
    other: int = 0
    pending: int = 0
    total: int = 0

    @classmethod
    def of(cls, maintained: int, corrected: int, other: int, pending: int) -> CaseCounts:
        """Counts with the 总计 they add up to."""
        return cls(maintained, corrected, other, pending, maintained + corrected + other + pending)

    @property
    def outcomes(self) -> tuple[int, int, int, int]:
        return (self.maintained, self.corrected, self.other, self.pending)

    @property
    def expected_total(self) -> int:
        return sum(self.outcomes)

    @property
    def cells(self) -> tuple[int, int, int, int, int]:
        """The five cells in the format's order (结果维持 … 总计)."""
        return (*self.outcomes, self.total)


@dataclass(frozen=True)
class Section4:
    review: CaseCounts = CaseCounts()
    litigation_direct: CaseCounts = CaseCounts()
    litigation_after_review: CaseCounts = CaseCounts()

    def groups(self) -> tuple[tuple[str, CaseCounts], ...]:
        """(label, counts) in the format's column order; the label names the group in messages."""
        return (
            (REVIEW, self.review),
            (f"{LITIGATION}（{LITIGATION_DIRECT}）", self.litigation_direct),
            (f"{LITIGATION}（{LITIGATION_AFTER_REVIEW}）", self.litigation_after_review),
        )

    @property
    def cells(self) -> tuple[int, ...]:
        """The 15 numbers of the table's last row, left to right."""
        return (*self.review.cells, *self.litigation_direct.cells, *self.litigation_after_review.cells)
