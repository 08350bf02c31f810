"""`publication add --clause N`: a record under a given clause of a several-clause 公开时限."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from disclosure_desk.cli import main

CLAUSES = "执法决定信息在决定作出之日起7个工作日内公开,其他相关信息形成或变更之日起20个工作日内公开"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path) -> str:
    path = tmp_path / "目录.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["序号", "公开事项", "公开内容", "公开依据", "公开时限", "公开主体"])
    sheet.append([1, "行政执法", "执法信息", "《条例》", CLAUSES, "某局"])
    book.save(str(path))
    code, out, _ = run(capsys, "--db", str(db_path), "catalogue", "import", str(path))
    assert code == 0 and "2个条款" in out  # the import points the clauses out
    return str(db_path)


def add(
    capsys: pytest.CaptureFixture[str], db: str, *extra: str, title: str = "处罚决定"
) -> tuple[int, str, str]:
    return run(
        capsys,
        "--db",
        db,
        "publication",
        "add",
        "--item",
        "1",
        "--title",
        title,
        "--formed",
        "2026-11-02",
        *extra,
    )


def test_clause_n_sets_the_rule_and_is_listed(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert add(capsys, db, "--clause", "1")[0] == 0
    assert add(capsys, db, title="检查通报")[0] == 0  # no --clause: the general clause (2)
    code, out, _ = run(capsys, "--db", db, "--today", "2026-11-25", "publication", "list", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [(r["clause"], r["due_on"]) for r in rows] == [(1, "2026-11-11"), (None, "2026-11-30")]


def test_a_clause_the_item_does_not_have_is_refused(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = add(capsys, db, "--clause", "3")
    assert code != 0 and out == ""
    assert "只有 2 个条款，没有条款3" in err
    assert json.loads(run(capsys, "--db", db, "publication", "list", "--format", "json")[1]) == []


def test_edit_moves_a_record_to_another_clause(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = add(capsys, db)
    assert code == 0
    number = out.strip()
    assert run(capsys, "--db", db, "publication", "edit", number, "--clause", "1")[0] == 0
    code, out, _ = run(capsys, "--db", db, "--today", "2026-11-25", "publication", "list", "--format", "json")
    assert [(r["clause"], r["due_on"]) for r in json.loads(out)] == [(1, "2026-11-11")]
    code, _, err = run(capsys, "--db", db, "publication", "edit", number, "--clause", "5")
    assert code != 0 and "没有条款5" in err
    code, out, _ = run(capsys, "--db", db, "history", number)
    assert code == 0 and "适用条款：（空） → 1" in out
