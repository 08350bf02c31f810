"""Write the scenario's reports for reading on paper (not a test).

    python tests/report_render.py OUTDIR
    ../shared/tools/render-xlsx.sh OUTDIR/2026-10.xlsx OUTDIR/pdf-10   # LibreOffice → PDF → PNG + text sizes

Writes October and November as made on 2026-12-01, November as made on 11-15, and the year 2026.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from report_scenario import report_input  # tests/report_scenario.py

from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_stats import compute_report
from disclosure_desk.io.excel_report import write_report

REPORTS = (
    ("2026-10", ReportPeriod.month(2026, 10), date(2026, 12, 1)),
    ("2026-11", ReportPeriod.month(2026, 11), date(2026, 12, 1)),
    ("2026-11-mid", ReportPeriod.month(2026, 11), date(2026, 11, 15)),
    ("2026", ReportPeriod.year(2026), date(2026, 12, 1)),
)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, period, day in REPORTS:
        stats = compute_report(report_input(period, day))
        path = write_report(folder / f"{name}.xlsx", stats)
        print(f"{path}: 明细 {len(stats.details)} 条，未公开 {len(stats.open_items)} 条")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "report-render"))
