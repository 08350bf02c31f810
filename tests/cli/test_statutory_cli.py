"""`report statutory YEAR -o FILE.docx | --format json` and `report figures`: the forms and keys of
issue 18, exactly, over a year of publications and applications entered through the command line."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from disclosure_desk.cli import main
from disclosure_desk.domain.statutory_table3 import COLUMNS, ROWS

Cli = Callable[..., tuple[int, str, str]]
TODAY = "2027-01-10"  # the report of 2026 is made in January, as most bureaus make it


def _runner(db: Path, out: Callable[[], tuple[str, str]]) -> Cli:
    def run(*argv: str, today: str = TODAY) -> tuple[int, str, str]:
        code = main(["--db", str(db), "--today", today, *argv])
        stdout, stderr = out()
        return code, stdout, stderr

    return run


def ok(cli: Cli, *argv: str) -> str:
    code, out, err = cli(*argv)
    assert code == 0, err
    return out


def application(cli: Cli, received: str, kind: str, *, reply: tuple[str, str] | None = None) -> int:
    number = int(ok(cli, "application", "add", "--received", received, "--applicant-type", kind,
                    "--content", f"{kind}申请的信息"))  # fmt: skip
    if reply is not None:
        ok(cli, "application", "reply", str(number), "--on", reply[0], "--result", reply[1])
    return number


def statutory_json(cli: Cli, year: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(ok(cli, "report", "statutory", year, "--format", "json"))
    return data


IDS: dict[str, int] = {}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2025: one request answered within the year, two still open at its end. 2026: one of each kind of
    applicant and result; one withdrawn; one open at the end of the year. Publications: two 规范性文件.
    Entered once through the command line; each test works on its own copy."""
    from disclosure_desk.bootstrap import open_seeded_store

    db = tmp_path_factory.mktemp("statutory") / "desk.sqlite3"
    open_seeded_store(str(db)).close()
    stdout, stderr = io.StringIO(), io.StringIO()

    def captured() -> tuple[str, str]:
        texts = stdout.getvalue(), stderr.getvalue()
        for stream in (stdout, stderr):
            stream.seek(0)
            stream.truncate()
        return texts

    cli = _runner(db, captured)
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        IDS.update(
            finished_2025=application(cli, "2025-06-02", "自然人", reply=("2025-06-20", "予以公开")),
            carried_a=application(cli, "2025-12-15", "自然人", reply=("2026-01-12", "予以公开")),
            carried_b=application(cli, "2025-12-22", "商业企业"),
            d=application(cli, "2026-02-02", "自然人", reply=("2026-02-20", "部分公开")),
            e=application(cli, "2026-03-03", "科研机构", reply=("2026-03-20", "不予公开-3")),
            f=application(cli, "2026-04-01", "社会公益组织", reply=("2026-04-15", "无法提供-2")),
            g=application(cli, "2026-05-06", "法律服务机构", reply=("2026-05-08", "不予处理-5")),
            h=application(cli, "2026-06-01", "其他", reply=("2026-06-12", "不予公开-8")),
            i=application(cli, "2026-07-01", "自然人"),
            j=application(cli, "2026-12-21", "自然人"),
        )
        ok(cli, "application", "event", str(IDS["i"]), "withdrawn", "2026-07-03")
        ok(cli, "application", "reply", str(IDS["carried_b"]), "--on", "2027-01-05", "--result", "其他处理-3")
        document = ("--item", "1", "--channel", "政府网站", "--document-kind", "规范性文件")
        ok(cli, "publication", "add", *document, "--title", "科技创新券管理办法",
           "--formed", "2026-03-01", "--published", "2026-03-10")  # fmt: skip
        ok(cli, "publication", "add", *document, "--title", "科技计划项目管理办法（2019）",
           "--formed", "2019-05-01", "--published", "2019-05-10", "--abolished", "2026-09-30")  # fmt: skip
    return db


@pytest.fixture
def db_path(template: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "desk.sqlite3"
    shutil.copyfile(template, copy)
    return copy


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    def captured() -> tuple[str, str]:
        out, err = capsys.readouterr()
        return out, err

    return _runner(db_path, captured)


@pytest.fixture
def year_2026() -> dict[str, int]:
    return IDS


def test_every_cell_of_table_3_and_the_checks(cli: Cli, year_2026: dict[str, int]) -> None:
    data = statutory_json(cli, "2026")
    assert list(data) == ["year", "section2", "section3", "section4", "checks"]
    rows = data["section3"]["rows"]  # type: ignore[index]
    assert list(rows) == list(ROWS)
    expected = {
        ("一、本年新收政府信息公开申请数量", "自然人"): 3,
        ("一、本年新收政府信息公开申请数量", "科研机构"): 1,
        ("一、本年新收政府信息公开申请数量", "社会公益组织"): 1,
        ("一、本年新收政府信息公开申请数量", "法律服务机构"): 1,
        ("一、本年新收政府信息公开申请数量", "其他"): 1,
        ("一、本年新收政府信息公开申请数量", "总计"): 7,
        ("二、上年结转政府信息公开申请数量", "自然人"): 1,
        ("二、上年结转政府信息公开申请数量", "商业企业"): 1,
        ("二、上年结转政府信息公开申请数量", "总计"): 2,
        ("（一）予以公开", "自然人"): 1,
        ("（一）予以公开", "总计"): 1,
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "自然人"): 1,
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "总计"): 1,
        ("3.危及“三安全一稳定”", "科研机构"): 1,
        ("3.危及“三安全一稳定”", "总计"): 1,
        ("8.属于行政查询事项", "其他"): 1,
        ("8.属于行政查询事项", "总计"): 1,
        ("2.没有现成信息需要另行制作", "社会公益组织"): 1,
        ("2.没有现成信息需要另行制作", "总计"): 1,
        ("5.要求行政机关确认或重新出具已获取信息", "法律服务机构"): 1,
        ("5.要求行政机关确认或重新出具已获取信息", "总计"): 1,
        ("3.其他", "自然人"): 1,  # the withdrawn request
        ("3.其他", "总计"): 1,
        ("（七）总计", "自然人"): 3,
        ("（七）总计", "科研机构"): 1,
        ("（七）总计", "社会公益组织"): 1,
        ("（七）总计", "法律服务机构"): 1,
        ("（七）总计", "其他"): 1,
        ("（七）总计", "总计"): 7,
        ("四、结转下年度继续办理", "自然人"): 1,
        ("四、结转下年度继续办理", "商业企业"): 1,  # replied only in 2027
        ("四、结转下年度继续办理", "总计"): 2,
    }
    for row in ROWS:
        assert list(rows[row]) == list(COLUMNS)
        for column in COLUMNS:
            assert rows[row][column] == expected.get((row, column), 0), (row, column)
    checks = data["checks"]
    assert all(set(c) == {"ok", "message"} for c in checks)  # type: ignore[union-attr]
    assert [c["message"] for c in checks if not c["ok"]] == []  # type: ignore[union-attr, index]
    assert "表三“总计”列：一、本年新收 7 + 二、上年结转 2 = 9 = 三（七）总计 7 + 四、结转下年度 2 = 9" in [
        c["message"]
        for c in checks  # type: ignore[union-attr, index]
    ]
    assert data["section2"]["normative_documents"] == {"issued": 1, "abolished": 1, "in_force": 1}  # type: ignore[index]


def test_carry_over_is_checked_against_last_years_exported_report(
    cli: Cli, year_2026: dict[str, int], tmp_path: Path, db_path: Path
) -> None:
    out = ok(cli, "report", "statutory", "2025", "-o", str(tmp_path / "2025.docx"))
    assert "已导出周村区科技局2025年政府信息公开工作年度报告" in out
    last_year = statutory_json(cli, "2025")
    assert last_year["section3"]["rows"]["四、结转下年度继续办理"]["总计"] == 2  # type: ignore[index]
    messages = [c["message"] for c in statutory_json(cli, "2026")["checks"]]  # type: ignore[union-attr, index]
    assert "表三“总计”列：2025年报告“四、结转下年度继续办理” 2 = 本年“二、上年结转” 2" in messages

    # a 2025 request's receipt corrected after the 2025 report went out: 2026 no longer agrees with it
    from disclosure_desk.store.applications import ApplicationRegister
    from disclosure_desk.store.db import open_store

    store = open_store(str(db_path))
    register = ApplicationRegister(store)
    from dataclasses import replace
    from datetime import date

    moved = replace(register.application(year_2026["carried_a"]), received_on=date(2026, 1, 2))
    register.update(moved, date(2027, 1, 10))
    store.close()

    target = tmp_path / "2026.docx"
    code, out, err = cli("report", "statutory", "2026", "-o", str(target))
    assert code == 1
    assert not target.exists()
    assert "2026年度报告有 2 项校验未通过，未写入文件" in err
    assert "✗ 表三“自然人”列：2025年报告“四、结转下年度继续办理” 1 ≠ 本年“二、上年结转” 0" in err
    assert "✗ 表三“总计”列：2025年报告“四、结转下年度继续办理” 2 ≠ 本年“二、上年结转” 1" in err
    assert "--force" in err

    code, out, err = cli("report", "statutory", "2026", "-o", str(target), "--force")
    assert code == 0, err
    assert target.exists()
    assert "已按 --force 导出，2 项校验未通过" in err


def test_the_docx_has_the_tables_and_the_year(cli: Cli, year_2026: dict[str, int], tmp_path: Path) -> None:
    ok(cli, "report", "figures", "2026", "licensing=12", "fees_10k_yuan=0.5", "review_corrected=1")
    target = tmp_path / "年度报告"
    out = ok(cli, "report", "statutory", "2026", "-o", str(target))
    document = docx.Document(str(tmp_path / "年度报告.docx"))
    assert document.paragraphs[0].text == "周村区科技局\n2026年政府信息公开工作年度报告"
    assert len(document.tables) == 3
    assert document.tables[0].rows[6].cells[1].text == "12"
    assert document.tables[1].rows[3].cells[9].text == "7"
    assert document.tables[2].rows[3].cells[4].text == "1"
    assert "已导出" in out


def test_figures_bad_input_writes_nothing(cli: Cli, year_2026: dict[str, int]) -> None:
    ok(cli, "report", "figures", "2026", "licensing=5")
    for bad, message in (
        ("licensing=-1", "“行政许可 本年处理决定数量”不能为负数"),
        ("penalty=三件", "“行政处罚 本年处理决定数量”应填写数字，“三件”不是数字。"),
        ("fees_10k_yuan=1.23456", "最多保留 4 位小数"),
        ("nonsense=1", "未知的年度报告数据项“nonsense”"),
        ("licensing", "“licensing”应写成“项=值”"),
    ):
        code, _, err = cli("report", "figures", "2026", "coercion=2", bad)
        assert code == 1
        assert message in err, err
    out = ok(cli, "report", "figures", "2026")
    assert "licensing                         5 件" in out
    assert "coercion                          0 件" in out  # nothing of the refused commands was saved


def test_in_force_below_zero_is_refused(cli: Cli, year_2026: dict[str, int]) -> None:
    # abolishing two documents older than the register, with nothing entered as in force outside it
    for title in ("老规范性文件一", "老规范性文件二"):
        ok(cli, "publication", "add", "--item", "1", "--title", title, "--document-kind", "规范性文件",
           "--abolished", "2026-06-30")  # fmt: skip
    data = statutory_json(cli, "2026")
    failed = [c["message"] for c in data["checks"] if not c["ok"]]  # type: ignore[union-attr, index]
    assert len(failed) == 1
    assert failed[0].startswith("表二“行政规范性文件”现行有效件数 -1，不能小于 0")
    code, _, err = cli("report", "figures", "2026", "licensing=3")
    assert code == 1
    assert "现行有效件数 -1，不能小于 0" in err
    assert "未保存任何数字" in err
    ok(cli, "report", "figures", "2026", "normative_unregistered=4", "licensing=3")
    data = statutory_json(cli, "2026")
    assert data["section2"]["normative_documents"]["in_force"] == 3  # type: ignore[index]
    assert data["section2"]["licensing"] == 3  # type: ignore[index]
    assert all(c["ok"] for c in data["checks"])  # type: ignore[union-attr, index]


def test_usage(cli: Cli) -> None:
    code, _, err = cli("report", "statutory", "2026")
    assert code == 1
    assert "请用 -o 指定要保存的 .docx 文件，或用 --format json 输出各表数据。" in err
    with pytest.raises(SystemExit):
        cli("report", "statutory", "二〇二六", "--format", "json")


def test_publication_document_fields(cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli("publication", "add", "--item", "1", "--title", "x", "--document-kind", "通知")
    assert exit_info.value.code == 2
    assert "文件类型“通知”无法识别，应为：规章、规范性文件、其他。" in capsys.readouterr().err
    code, _, err = cli("publication", "add", "--item", "1", "--title", "x", "--abolished", "2026-05-01")
    assert code == 1
    assert "只有规章和规范性文件才填写废止日期" in err
    number = ok(cli, "publication", "add", "--item", "1", "--title", "管理办法", "--document-kind", "规章",
                "--formed", "2026-01-05", "--abolished", "2028-01-05")  # fmt: skip
    listed = json.loads(ok(cli, "publication", "list", "--format", "json"))
    [row] = [r for r in listed if r["id"] == int(number)]
    assert (row["document_kind"], row["abolished_on"]) == ("规章", "2028-01-05")
    # `publication edit` takes the same options; "none" clears the date
    ok(cli, "publication", "edit", number.strip(), "--document-kind", "规范性文件", "--abolished", "none")
    shown = json.loads(ok(cli, "publication", "show", number.strip(), "--format", "json"))
    assert (shown["document_kind"], shown["abolished_on"]) == ("规范性文件", None)
