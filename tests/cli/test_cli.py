"""The command line as scripts use it: exact forms, JSON keys, exit codes, Chinese messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_desk import __version__
from disclosure_desk.cli import main

CATALOGUE_KEYS = {
    "number",
    "process",
    "category",
    "subcategory",
    "content",
    "basis",
    "time_limit",
    "publisher",
    "channels",
    "audience",
    "mode",
    "extra",
}
PUBLICATION_KEYS = {
    "id",
    "item",
    "title",
    "formed_on",
    "changed_on",
    "approved_on",
    "published_on",
    "due_on",
    "status",
    "channels",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    assert "子命令" in capsys.readouterr().out


def test_catalogue_export_json_contract(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "catalogue", "export")
    assert code == 0
    records = json.loads(out)
    assert len(records) == 33
    assert all(set(r) == CATALOGUE_KEYS for r in records)
    assert [r["number"] for r in records] == list(range(1, 34))
    assert records[1]["category"] == "政策法规"
    assert records[4]["subcategory"] == ""
    assert records[13]["subcategory"] == "年度部门预决算及“三公”经费情况"
    assert records[21]["channels"] == ["政府网站", "公开查阅点", "政务服务中心"]
    assert records[0]["audience"] == ["全社会"] and records[0]["mode"] == ["主动"]
    assert records[0]["extra"] == {}


def test_catalogue_export_xlsx_round_trips(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "目录.xlsx"
    code, _, _ = run(
        capsys, "--db", str(db_path), "catalogue", "export", "--format", "xlsx", "-o", str(target)
    )
    assert code == 0
    code, out, _ = run(capsys, "--db", str(db_path), "catalogue", "import", str(target), "--check")
    assert code == 0
    assert "33 项" in out and "7 个" in out


def test_catalogue_import_prints_items_processes_warnings(
    capsys: pytest.CaptureFixture[str], db_path: Path, seed_text_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "catalogue", "import", str(seed_text_path))
    assert code == 0
    assert "33 项" in out
    assert "决策、执行和结果、管理和服务、新闻发布、政策解读、回应关切、监督保障" in out
    assert "492" in out  # rows 5 and 23 cite the replaced 2007 regulation


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage" * 50, "不是目录，只是一段文字。".encode()])
@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".txt"])
def test_bad_catalogue_file_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path, content: bytes, suffix: str
) -> None:
    run(capsys, "--db", str(db_path), "catalogue", "export")  # creates and seeds
    before = run(capsys, "--db", str(db_path), "catalogue", "export")[1]
    bad = tmp_path / f"bad{suffix}"
    bad.write_bytes(content)
    code, _, err = run(capsys, "--db", str(db_path), "catalogue", "import", str(bad))
    assert code != 0
    assert "错误" in err and "Traceback" not in err
    assert run(capsys, "--db", str(db_path), "catalogue", "export")[1] == before


def test_publication_add_and_list_json(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        str(db_path),
        "--today",
        "2026-11-25",
        "publication",
        "add",
        "--item",
        "1",
        "--title",
        "关于印发某办法的通知",
        "--formed",
        "2026-10-08",
        "--channel",
        "政府网站",
        "--doc-number",
        "周科发〔2026〕5号",
        "--url",
        "https://www.zhoucun.gov.cn/kjj/1.html",
    )
    assert code == 0
    new_id = int(out.strip())
    code, out, _ = run(
        capsys, "--db", str(db_path), "--today", "2026-11-25", "publication", "list", "--format", "json"
    )
    assert code == 0
    (row,) = json.loads(out)
    assert set(row) >= PUBLICATION_KEYS
    assert row["id"] == new_id and row["item"] == 1
    assert row["formed_on"] == "2026-10-08" and row["changed_on"] is None and row["published_on"] is None
    assert row["due_on"] == "2026-11-04"
    assert row["status"] == "overdue"
    assert row["channels"] == ["政府网站"]


def test_publication_add_records_review_and_late_reason(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    base = ["--db", str(db_path), "--today", "2026-11-25", "publication", "add", "--item", "1"]
    code, out, err = run(
        capsys,
        *base,
        "--title",
        "关于印发某办法的通知",
        "--formed",
        "2026-10-08",
        "--published",
        "2026-11-10",
        "--channel",
        "政府网站",
        "--reviewed-by",
        " 李强 ",
        "--reviewed-on",
        "2026-11-09",
        "--late-reason",
        "会签流程较长，已于11月10日补发",
    )
    assert (code, err) == (0, "")
    code, _, _ = run(capsys, *base, "--title", "只记审查日期", "--reviewed-on", "2026-11-20")
    assert code == 0
    code, _, _ = run(capsys, *base, "--title", "未审查")
    assert code == 0
    code, out, _ = run(capsys, "--db", str(db_path), "publication", "list", "--format", "json")
    first, dated_only, plain = json.loads(out)
    assert (first["review_done"], first["reviewed_by"], first["reviewed_on"]) == (True, "李强", "2026-11-09")
    assert first["late_reason"] == "会签流程较长，已于11月10日补发"
    assert (dated_only["review_done"], dated_only["reviewed_by"]) == (True, "")
    assert dated_only["reviewed_on"] == "2026-11-20"
    assert (plain["review_done"], plain["reviewed_on"], plain["late_reason"]) == (False, None, "")
    code, _, err = run(capsys, *base, "--title", "t", "--reviewed-on", "2026-12-01")
    assert code != 0 and "保密审查日期不能晚于今天" in err
    code, _, err = run(
        capsys, *base, "--title", "先公开后审查", "--published", "2026-11-10", "--channel", "政府网站",
        "--reviewed-on", "2026-11-12",
    )  # fmt: skip
    assert code == 0 and "保密审查日期晚于公开日期" in err


def test_today_option_decides_status(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, _, _ = run(
        capsys,
        "--db",
        str(db_path),
        "--today",
        "2026-11-03",
        "publication",
        "add",
        "--item",
        "1",
        "--title",
        "t",
        "--formed",
        "2026-11-02",
    )
    assert code == 0
    for today, status in (("2026-11-03", "pending"), ("2026-11-24", "due_soon"), ("2026-12-01", "overdue")):
        out = run(capsys, "--db", str(db_path), "--today", today, "publication", "list", "--format", "json")[
            1
        ]
        assert json.loads(out)[0]["status"] == status, today


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["publication", "add", "--item", "1", "--title", "t", "--formed", "2026-02-30"], "不存在"),
        (["publication", "add", "--item", "1", "--title", "t", "--formed", "yesterday"], "不是有效日期"),
        (["publication", "add", "--item", "99", "--title", "t"], "没有序号为 99"),
        (
            ["publication", "add", "--item", "1", "--title", "t", "--channel", "抖音"],
            "未知的公开渠道：抖音。可用的渠道：政府网站、",  # a script's author learns the words to use
        ),
        (
            [
                "publication",
                "add",
                "--item",
                "1",
                "--title",
                "t",
                "--formed",
                "2026-11-10",
                "--published",
                "2026-11-01",
            ],
            "公开日期不能早于形成日期",
        ),
        (["publication", "add", "--item", "1", "--title", "t", "--url", "www.x"], "链接格式不正确"),
        (["--today", "2026-13-01", "publication", "list"], "不存在"),
    ],
)
def test_bad_input_gets_a_chinese_message_and_no_traceback(
    capsys: pytest.CaptureFixture[str], db_path: Path, argv: list[str], expected: str
) -> None:
    try:
        code = main(["--db", str(db_path), *argv])
    except SystemExit as exit_info:
        code = int(exit_info.code or 0)
    _, err = capsys.readouterr()
    assert code != 0
    assert expected in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, "--db", str(db_path), "publication", "list", "--format", "json")
    assert json.loads(out) == []


def test_corrupt_database_exits_with_message(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db_path.write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "--db", str(db_path), "publication", "list")
    assert code == 1
    assert "数据库" in err and "Traceback" not in err
    assert db_path.read_bytes() == b"garbage" * 1000


def test_db_from_environment(
    capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISCLOSURE_DESK_DB", str(db_path))
    assert run(capsys, "catalogue", "export")[0] == 0
    assert db_path.exists()


def test_holidays_list_and_import_recomputes(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "holidays", "list", "2026")
    assert code == 0
    assert "2026-10-10（星期六）" in out and "调休上班" in out
    code, out, _ = run(capsys, "--db", str(db_path), "holidays", "list", "2028")
    assert code == 1 and "尚未导入" in out
    code, _, err = run(
        capsys,
        "--db",
        str(db_path),
        "--today",
        "2027-12-21",
        "publication",
        "add",
        "--item",
        "1",
        "--title",
        "远期",
        "--formed",
        "2027-12-20",
    )
    assert code == 0, err
    before = json.loads(run(capsys, "--db", str(db_path), "publication", "list", "--format", "json")[1])[0]
    assert any("2028" in w for w in before["warnings"])
    notice = tmp_path / "2028.txt"
    notice.write_text(
        "年份: 2028\n通知: 国办发明电〔2027〕1号\n放假: 2028-01-01..2028-01-03 元旦\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", str(db_path), "holidays", "import", str(notice))
    assert code == 0 and "已导入 2028年" in out
    after = json.loads(run(capsys, "--db", str(db_path), "publication", "list", "--format", "json")[1])[0]
    assert after["due_on"] != before["due_on"] and not any("2028" in w for w in after["warnings"])


def test_bad_holiday_file_changes_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    run(capsys, "--db", str(db_path), "holidays", "list")
    before = run(capsys, "--db", str(db_path), "holidays", "list", "--format", "json")[1]
    bad = tmp_path / "bad.txt"
    bad.write_text("年份: 2026\n放假: 2026-02-30 春节\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db_path), "holidays", "import", str(bad))
    assert code == 1 and "错误" in err and "Traceback" not in err
    assert run(capsys, "--db", str(db_path), "holidays", "list", "--format", "json")[1] == before


def test_status_json_contract(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    base = ["--db", str(db_path), "--today", "2026-11-03", "publication", "add", "--item", "1"]
    assert run(capsys, *base, "--title", "逾期的", "--formed", "2026-10-08")[0] == 0
    assert run(capsys, *base, "--title", "快到期", "--formed", "2026-10-13")[0] == 0
    assert run(capsys, *base, "--title", "不急", "--formed", "2026-11-02")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "--today", "2026-11-05", "status", "--format", "json")
    assert code == 0
    digest = json.loads(out)
    assert [e["title"] for e in digest["overdue"]] == ["逾期的"]
    assert [e["title"] for e in digest["due_soon"]] == ["快到期"]
    for entry in digest["overdue"] + digest["due_soon"]:
        assert {"id", "item", "title", "due_on"} <= set(entry)
    assert digest["overdue"][0]["due_on"] == "2026-11-04"
    code, out, _ = run(capsys, "--db", str(db_path), "--today", "2026-11-05", "status")
    assert code == 0 and "逾期未公开：1 条" in out


def test_status_json_month_and_year(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    base = ["--db", str(db_path), "--today", "2026-11-20", "publication", "add", "--channel", "政府网站"]
    for item, title, dates in (
        ("1", "按时", ["--formed", "2026-11-02", "--published", "2026-11-05"]),
        ("1", "逾期", ["--formed", "2026-09-01", "--published", "2026-11-06"]),
        ("18", "无时限", ["--published", "2026-11-09"]),  # statutory, no due date entered
        ("1", "三月", ["--formed", "2026-03-02", "--published", "2026-03-03"]),
    ):
        assert run(capsys, *base, "--item", item, "--title", title, *dates)[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "--today", "2026-11-20", "status", "--format", "json")
    assert code == 0
    digest = json.loads(out)
    assert digest["month"] == {"published": 3, "on_time": 1, "late": 1, "no_due_date": 1}
    assert {k: digest["year"][k] for k in ("on_time_rate", "on_time", "late")} == {
        "on_time_rate": 0.6667,
        "on_time": 2,
        "late": 1,
    }
    # the older keys stay as they were
    assert digest["published_this_month"] == 3 and digest["on_time_rate_this_year"] == 0.6667
    text = run(capsys, "--db", str(db_path), "--today", "2026-11-20", "status")[1]
    assert "本月已公开 3 条：按时公开 1，逾期公开 1，无时限 1" in text
    assert "本年按时公开率 66.7%" in text


def test_publication_list_text_has_a_header_and_chinese_words(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    base = ["--db", str(db_path), "--today", "2026-11-05", "publication", "add", "--item", "1"]
    assert run(capsys, *base, "--title", "逾期的", "--formed", "2026-10-08")[0] == 0
    code, out, _ = run(capsys, "--db", str(db_path), "--today", "2026-11-05", "publication", "list")
    assert code == 0
    header, row = out.splitlines()
    assert header.split() == ["编号", "事项", "应公开日期", "公开日期", "状态", "标题"]
    assert row.split() == ["1", "1", "2026-11-04", "—", "逾期未公开", "逾期的"]
    assert "overdue" not in out
    # JSON keeps the codes
    out = run(
        capsys, "--db", str(db_path), "--today", "2026-11-05", "publication", "list", "--format", "json"
    )[1]
    assert json.loads(out)[0]["status"] == "overdue"


def test_status_with_nothing_due(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "status", "--format", "json")
    assert code == 0
    assert json.loads(out)["overdue"] == [] and json.loads(out)["due_soon"] == []
    assert "没有逾期未公开或即将到期" in run(capsys, "--db", str(db_path), "status")[1]


def test_import_warns_about_a_time_limit_it_cannot_read(
    capsys: pytest.CaptureFixture[str], db_path: Path, seed_text_path: Path, tmp_path: Path
) -> None:
    text = seed_text_path.read_text(encoding="utf-8").replace("及时公开。", "视情况而定。")
    odd = tmp_path / "odd.txt"
    odd.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db_path), "catalogue", "import", str(odd), "--check")
    assert code == 0
    assert "序号16" in out and "视情况而定" in out and "未能识别" in out
