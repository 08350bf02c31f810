"""The cross-checks an assessor runs on a 政府信息公开工作年度报告, run before export.

Each check names its cell in Chinese (table, row, column) and says what it found, whether it passed or
not, so the list reads the same in the window, on the command line and in the JSON export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from disclosure_desk.domain.statutory_table3 import (
    COLUMNS,
    ROW_CARRIED_FORWARD,
    ROW_CARRIED_OVER,
    ROW_NEW,
    ROW_TOTAL,
    ROWS,
    TOTAL_COLUMN,
    Table3,
    group_label,
    group_totals,
)
from disclosure_desk.domain.statutory_tables import (
    IN_FORCE,
    NORMATIVE_DOCUMENTS,
    REGULATIONS,
    TOTAL,
    DocumentCounts,
    Section2,
    Section4,
)

TABLE_2 = "表二"
TABLE_3 = "表三"
TABLE_4 = "表四"


@dataclass(frozen=True)
class Check:
    ok: bool
    message: str
    table: str  # TABLE_2 / TABLE_3 / TABLE_4
    row: str = ""  # the row label ("" for a whole column)
    column: str = ""  # the column label ("" for a whole row)

    def to_json(self) -> dict[str, object]:
        return {"ok": self.ok, "message": self.message}


def _eq(ok: bool) -> str:
    return "=" if ok else "≠"


def check_balance(table: Table3) -> list[Check]:
    """Per column: 一 + 二 = 三（七） + 四 — the note the format prints in the table's corner."""
    checks = []
    for column in COLUMNS:
        new, carried = table.value(ROW_NEW, column), table.value(ROW_CARRIED_OVER, column)
        total, forward = table.value(ROW_TOTAL, column), table.value(ROW_CARRIED_FORWARD, column)
        ok = new + carried == total + forward
        checks.append(
            Check(
                ok,
                f"{TABLE_3}“{column}”列：一、本年新收 {new} + 二、上年结转 {carried} = {new + carried}"
                f"{'' if ok else '，而'} {_eq(ok)} 三（七）总计 {total} + 四、结转下年度 {forward}"
                f" = {total + forward}",
                TABLE_3,
                column=column,
            )
        )
    return checks


def check_result_sums(table: Table3) -> list[Check]:
    """Per column: （七）总计 = （一） + （二） + each of （三）…（六） as the sum of its numbered rows."""
    checks = []
    for column in COLUMNS:
        groups = group_totals(table, column)
        expected = sum(groups.values())
        total = table.value(ROW_TOTAL, column)
        ok = total == expected
        parts = " + ".join(f"{group_label(c)[:3]}{c.value} {n}" for c, n in groups.items())
        checks.append(
            Check(
                ok,
                f"{TABLE_3}“{column}”列：（七）总计 {total} {_eq(ok)} {parts} = {expected}"
                "（（三）至（六）各为其分项之和）",
                TABLE_3,
                row=ROW_TOTAL,
                column=column,
            )
        )
    return checks


def check_total_column(table: Table3) -> list[Check]:
    """Per row: the 总计 column = 自然人 + the five kinds of 法人或其他组织."""
    checks = []
    for row in ROWS:
        values = table.row(row)
        parts, total = values[:-1], values[-1]
        ok = total == sum(parts)
        checks.append(
            Check(
                ok,
                f"{TABLE_3}“{row}”行：{TOTAL_COLUMN}列 {total} {_eq(ok)} 各类申请人之和 {sum(parts)}",
                TABLE_3,
                row=row,
                column=TOTAL_COLUMN,
            )
        )
    return checks


def check_section4(section4: Section4) -> list[Check]:
    checks = []
    for label, counts in section4.groups():
        ok = counts.total == counts.expected_total
        checks.append(
            Check(
                ok,
                f"{TABLE_4}“{label}”：{TOTAL} {counts.total} {_eq(ok)} 结果维持、结果纠正、其他结果、"
                f"尚未审结之和 {counts.expected_total}",
                TABLE_4,
                row=label,
                column=TOTAL,
            )
        )
    return checks


def check_in_force(section2: Section2) -> list[Check]:
    return [
        in_force_check(REGULATIONS, section2.regulations),
        in_force_check(NORMATIVE_DOCUMENTS, section2.normative_documents),
    ]


def in_force_check(label: str, counts: DocumentCounts) -> Check:
    ok = counts.in_force >= 0
    message = f"{TABLE_2}“{label}”{IN_FORCE} {counts.in_force}"
    if ok:
        message += " ≥ 0"
    else:
        message += (
            "，不能小于 0：废止的文件多于登记在册的文件。请在“登记以外的现行有效件数”中填写"
            "本程序登记之前已在施行的件数，或补登被废止文件的制发记录。"
        )
    return Check(ok, message, TABLE_2, row=label, column=IN_FORCE)


def check_carry_over(table: Table3, last_year: Table3, year: int) -> list[Check]:
    """Per column: last year's 四、结转下年度继续办理 = this year's 二、上年结转 (last year made here)."""
    checks = []
    for column in COLUMNS:
        before, now = last_year.value(ROW_CARRIED_FORWARD, column), table.value(ROW_CARRIED_OVER, column)
        ok = before == now
        message = (
            f"{TABLE_3}“{column}”列：{year - 1}年报告“四、结转下年度继续办理” {before} {_eq(ok)} "
            f"本年“二、上年结转” {now}"
        )
        if not ok:
            message += "（上年报告导出后，上年申请的登记又有改动，请核对）"
        checks.append(Check(ok, message, TABLE_3, row=ROW_CARRIED_OVER, column=column))
    return checks


def run_checks(
    section2: Section2, table: Table3, section4: Section4, year: int, last_year: Table3 | None = None
) -> list[Check]:
    """Every check, in the order an assessor reads the report."""
    checks = [
        *check_in_force(section2),
        *check_balance(table),
        *check_result_sums(table),
        *check_total_column(table),
        *check_section4(section4),
    ]
    if last_year is not None:
        checks.extend(check_carry_over(table, last_year, year))
    return checks


def failed(checks: Sequence[Check]) -> list[Check]:
    return [c for c in checks if not c.ok]
