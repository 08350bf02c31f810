"""Issue 13: the officer's daily jobs from the command line — contracts read back exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_desk.cli import main

TODAY = "2026-11-25"
LIST_KEYS = {
    "id", "item", "title", "formed_on", "changed_on", "approved_on", "published_on", "due_on", "status",
    "channels", "document_number", "index_number", "url", "review_done", "reviewed_by", "reviewed_on",
    "late_reason", "document_kind", "abolished_on", "clause", "due_explanation", "warnings",
    "item_old_version",
}  # fmt: skip
SHOW_EXTRA_KEYS = {
    "status_text", "days_late", "working_days_left", "item_content", "item_path", "due_on_manual",
    "department", "responsible", "missing_channel_reason", "notes", "created_at", "updated_at",
    "deleted_at", "history", "item_label",
}  # fmt: skip
HISTORY_KEYS = {"at", "user", "action", "action_text", "changes", "description"}


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["--db", str(db), "--today", TODAY, *argv])
    except SystemExit as exit_info:
        code = int(exit_info.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> int:
    code, out, err = run(capsys, db, "publication", "add", *argv)
    assert code == 0, err
    return int(out)


def show(capsys: pytest.CaptureFixture[str], db: Path, pid: int) -> dict[str, object]:
    code, out, err = run(capsys, db, "publication", "show", str(pid), "--format", "json")
    assert code == 0, err
    result: dict[str, object] = json.loads(out)
    return result


def listing(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, db, "publication", "list", "--format", "json", *argv)
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_show_prints_every_field_its_explanation_and_history(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    pid = add(capsys, db_path, "--item", "1", "--title", "关于印发某办法的通知", "--formed", "2026-11-02")
    row = show(capsys, db_path, pid)
    assert set(row) == LIST_KEYS | SHOW_EXTRA_KEYS
    assert row["due_on"] == "2026-11-30" and row["status"] == "due_soon" and row["status_text"] == "即将到期"
    assert "2026-11-02" in str(row["due_explanation"])
    history = row["history"]
    assert isinstance(history, list) and len(history) == 1
    assert set(history[0]) == HISTORY_KEYS and history[0]["action"] == "create"
    code, out, _ = run(capsys, db_path, "publication", "show", str(pid))
    assert code == 0 and "时限说明：" in out and "修改历史：" in out


def test_edit_changes_only_what_is_given_and_none_clears_a_date(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    pid = add(
        capsys, db_path, "--item", "1", "--title", "原标题", "--formed", "2026-11-02",
        "--changed", "2026-11-05", "--doc-number", "周科发〔2026〕1号", "--channel", "政府网站",
    )  # fmt: skip
    code, _, err = run(
        capsys, db_path, "publication", "edit", str(pid), "--title", "新标题", "--changed", "none"
    )
    assert code == 0, err
    row = show(capsys, db_path, pid)
    assert row["title"] == "新标题" and row["changed_on"] is None
    assert row["formed_on"] == "2026-11-02" and row["document_number"] == "周科发〔2026〕1号"
    assert row["channels"] == ["政府网站"]
    code, _, err = run(
        capsys, db_path, "publication", "edit", str(pid), "--reviewed-by", "王丽",
        "--reviewed-on", "2026-11-20", "--late-reason", "等待领导签批", "--no-channels",
    )  # fmt: skip
    assert code == 0, err
    row = show(capsys, db_path, pid)
    assert (row["review_done"], row["reviewed_by"], row["reviewed_on"]) == (True, "王丽", "2026-11-20")
    assert row["late_reason"] == "等待领导签批" and row["channels"] == []
    history = row["history"]
    assert isinstance(history, list) and [h["action"] for h in history] == ["create", "update", "update"]
    fields = {c["field"] for c in history[1]["changes"]}
    assert fields == {"title", "changed_on"}


def test_publish_marks_today_by_default_and_adds_channels(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    first = add(
        capsys, db_path, "--item", "1", "--title", "甲", "--formed", "2026-11-02", "--channel", "政府公报"
    )
    second = add(capsys, db_path, "--item", "1", "--title", "乙", "--formed", "2026-10-08")
    code, _, err = run(capsys, db_path, "publication", "publish", str(first), "--channel", "政府网站")
    assert code == 0, err
    row = show(capsys, db_path, first)
    assert row["published_on"] == TODAY and row["status"] == "published_on_time"
    assert row["channels"] == ["政府公报", "政府网站"]
    code, _, err = run(capsys, db_path, "publication", "publish", str(second), "--on", "2026-11-10")
    # the catalogue's channel was not used: refused as the window's editor refuses, until a reason is given
    assert code == 1 and "政府网站" in err and "--channel-reason" in err
    assert show(capsys, db_path, second)["published_on"] is None
    code, _, err = run(
        capsys,
        db_path,
        "publication",
        "publish",
        str(second),
        "--on",
        "2026-11-10",
        "--channel-reason",
        "公众号发布",
    )
    assert code == 0, err
    assert show(capsys, db_path, second)["status"] == "published_late"
    # publishing twice is refused: the date is changed with edit
    code, _, err = run(capsys, db_path, "publication", "publish", str(first))
    assert code == 1 and "已于" in err and "publication edit" in err


def test_delete_to_trash_and_restore(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    pid = add(capsys, db_path, "--item", "2", "--title", "删了又恢复", "--formed", "2026-11-02")
    assert run(capsys, db_path, "publication", "delete", str(pid))[0] == 0
    assert [r["id"] for r in listing(capsys, db_path)] == []
    code, out, _ = run(capsys, db_path, "trash", "list", "--format", "json")
    trash = json.loads(out)
    assert code == 0 and [r["id"] for r in trash] == [pid]
    assert set(trash[0]) == LIST_KEYS | {"deleted_at"}
    code, out, _ = run(capsys, db_path, "trash", "list")
    assert "删了又恢复" in out and "编号" in out
    # a deleted record is not edited, published or deleted again
    for action in (["edit", str(pid), "--title", "x"], ["publish", str(pid)], ["delete", str(pid)]):
        code, _, err = run(capsys, db_path, "publication", *action)
        assert code == 1 and "回收站" in err
    assert run(capsys, db_path, "trash", "restore", str(pid))[0] == 0
    assert [r["id"] for r in listing(capsys, db_path)] == [pid]
    code, _, err = run(capsys, db_path, "trash", "restore", str(pid))
    assert code == 1 and "不在回收站" in err
    assert run(capsys, db_path, "trash", "list")[1].strip() == "（回收站是空的）"
    code, out, _ = run(capsys, db_path, "history", str(pid), "--format", "json")
    assert [h["action"] for h in json.loads(out)] == ["create", "delete", "restore"]


def test_history_text_and_unknown_ids(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    pid = add(capsys, db_path, "--item", "1", "--title", "甲", "--formed", "2026-11-02")
    assert (
        run(
            capsys,
            db_path,
            "publication",
            "edit",
            str(pid),
            "--published",
            "2026-11-20",
            "--channel",
            "政府网站",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, db_path, "history", str(pid))
    lines = out.strip().splitlines()
    assert code == 0 and lines[0].split() == ["时间", "操作人", "操作", "变化"]
    assert "公开日期：（空） → 2026-11-20" in lines[2]
    for argv in (
        ["history", "999"],
        ["publication", "show", "999"],
        ["publication", "edit", "999", "--title", "x"],
    ):
        code, _, err = run(capsys, db_path, *argv)
        assert code == 1 and "999" in err and "不存在" in err


def test_list_filters(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    late = add(
        capsys, db_path, "--item", "1", "--title", "迟", "--formed", "2026-10-08",
        "--published", "2026-11-10", "--channel", "政府网站",
    )  # fmt: skip
    overdue = add(capsys, db_path, "--item", "2", "--title", "逾", "--formed", "2026-10-08")
    soon = add(capsys, db_path, "--item", "1", "--title", "近", "--formed", "2026-11-02")
    ids = lambda rows: [r["id"] for r in rows]  # noqa: E731
    assert ids(listing(capsys, db_path, "--status", "overdue")) == [overdue]
    assert ids(listing(capsys, db_path, "--status", "逾期未公开", "--status", "即将到期")) == [overdue, soon]
    assert ids(listing(capsys, db_path, "--status", "未公开")) == [overdue, soon]
    assert ids(listing(capsys, db_path, "--status", "已公开")) == [late]
    assert ids(listing(capsys, db_path, "--item", "1")) == [late, soon]
    assert ids(listing(capsys, db_path, "--from", "2026-11-05", "--to", "2026-11-30")) == [soon]
    by_published = listing(capsys, db_path, "--from", "2026-11-01", "--by", "published")
    assert ids(by_published) == [late]
    code, _, err = run(capsys, db_path, "publication", "list", "--item", "99")
    assert code == 1 and "99" in err
    # swapped dates: seen as an empty list, which reads as "nothing due"
    for form in ([], ["--format", "json"]):
        swapped = ["--from", "2026-11-30", "--to", "2026-11-01", *form]
        code, out, err = run(capsys, db_path, "publication", "list", *swapped)
        assert code == 1 and out == "" and "晚于" in err and "--from" in err, err


def test_list_text_has_a_header_chinese_words_and_short_titles(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    add(capsys, db_path, "--item", "1", "--title", "长" * 300, "--formed", "2026-10-08")
    code, out, _ = run(capsys, db_path, "publication", "list")
    assert code == 0
    header, line = out.strip().splitlines()
    assert header.split() == ["编号", "事项", "应公开日期", "公开日期", "状态", "标题"]
    assert "逾期未公开" in line and "overdue" not in line
    assert line.endswith("…") and line.count("长") < 40


def test_a_duplicate_is_refused_with_the_existing_id(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    argv = ("--item", "1", "--title", "关于某事的通知", "--formed", "2026-11-02")
    first = add(capsys, db_path, *argv)
    code, out, err = run(capsys, db_path, "publication", "add", *argv[:3], " 关于某事的通知 ", *argv[4:])
    assert code == 1 and out == "" and f"编号 {first}" in err and "--allow-duplicate" in err
    assert len(listing(capsys, db_path)) == 1
    second = add(capsys, db_path, *argv, "--allow-duplicate")
    assert second != first and len(listing(capsys, db_path)) == 2
    # other dates are another entry
    add(capsys, db_path, "--item", "1", "--title", "关于某事的通知", "--formed", "2026-11-03")


def test_long_titles_and_control_characters_are_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    for title, words in (("字" * 501, "标题太长"), ("标题\x00带空字符", "控制字符"), ("坏\udcb9字", "编码")):
        code, _, err = run(capsys, db_path, "publication", "add", "--item", "1", "--title", title)
        assert code == 1 and words in err
    assert listing(capsys, db_path) == []
    add(capsys, db_path, "--item", "1", "--title", "字" * 500)


def test_due_is_only_entered_where_the_rule_is_manual(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, _, err = run(
        capsys, db_path, "publication", "add", "--item", "1", "--title", "t", "--due", "2026-11-01"
    )
    assert code == 1 and "不能手工填写" in err and "20个工作日" in err
    assert listing(capsys, db_path) == []
    # item 18 is 按照法定时间公开: the date is entered; without it, accepted with a warning
    code, out, err = run(capsys, db_path, "publication", "add", "--item", "18", "--title", "无日期")
    assert code == 0 and "需要填写应公开日期" in err
    pid = add(capsys, db_path, "--item", "18", "--title", "有日期", "--due", "2026-12-10")
    assert show(capsys, db_path, pid)["due_on"] == "2026-12-10"
    code, _, err = run(capsys, db_path, "publication", "edit", out.strip(), "--due", "2026-12-20")
    assert code == 0, err


def test_status_lists_statutory_records_waiting_for_their_date(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    pid = add(capsys, db_path, "--item", "18", "--title", "应急预案")
    code, out, _ = run(capsys, db_path, "status", "--format", "json")
    assert code == 0 and [e["id"] for e in json.loads(out)["needs_due_date"]] == [pid]
    code, out, _ = run(capsys, db_path, "status")
    assert "需要填写应公开日期" in out and "应急预案" in out
    run(capsys, db_path, "publication", "edit", str(pid), "--due", "2026-12-10")
    assert json.loads(run(capsys, db_path, "status", "--format", "json")[1])["needs_due_date"] == []


def test_history_names_every_field_in_chinese(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    """Seen: `history` printed "document_kind：其他 → 规章"; the department was 责任部门 there and 承办科室
    in `show` and the editor."""
    pid = add(capsys, db_path, "--item", "1", "--title", "甲", "--formed", "2026-11-02")
    argv = ["--document-kind", "规章", "--abolished", "2026-11-20", "--department", "办公室"]
    assert run(capsys, db_path, "publication", "edit", str(pid), *argv)[0] == 0
    code, out, _ = run(capsys, db_path, "history", str(pid))
    assert code == 0
    assert "文件类型：其他 → 规章" in out and "废止日期：（空） → 2026-11-20" in out, out
    assert "承办科室：（空） → 办公室" in out, out
    code, out, _ = run(capsys, db_path, "history", str(pid), "--format", "json")
    labels = {c["field"]: c["label"] for entry in json.loads(out) for c in entry["changes"]}
    assert all(not label.isascii() for label in labels.values()), labels


def test_several_refusals_read_as_sentences(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    """Seen: "公开日期不能晚于今天（2026-11-25）。；目录要求通过…" — two problems glued by "。；"."""
    pid = add(capsys, db_path, "--item", "2", "--title", "乙", "--formed", "2026-11-02")
    code, _, err = run(capsys, db_path, "publication", "publish", str(pid), "--on", "2026-12-05")
    assert code == 1
    assert "。；" not in err and "（2026-11-25）。目录要求通过" in err, err
