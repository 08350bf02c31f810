"""`application …` and the status JSON's application lists: the forms and keys of issue 17, exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from disclosure_desk.cli import main

LIST_KEYS = {
    "id",
    "number",
    "received_on",
    "applicant_type",
    "content",
    "due_on",
    "status",
    "paused",
    "replied_on",
    "result",
    "explanation",
}


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    db = str(tmp_path / "desk.sqlite3")

    def run(*argv: str, today: str = "2026-12-01") -> tuple[int, str, str]:
        code = main(["--db", db, "--today", today, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def add(cli, received: str, *extra: str) -> int:  # type: ignore[no-untyped-def]
    code, out, err = cli(
        "application",
        "add",
        "--received",
        received,
        "--applicant-type",
        "自然人",
        "--content",
        "项目资金",
        *extra,
    )
    assert code == 0, err
    return int(out.strip())


def listed(cli) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    code, out, _ = cli("application", "list", "--format", "json")
    assert code == 0
    rows: list[dict[str, object]] = json.loads(out)
    assert all(set(row) == LIST_KEYS for row in rows)
    return rows


def test_the_four_worked_examples_through_the_command_line(cli) -> None:  # type: ignore[no-untyped-def]
    national_day = add(
        cli, "2026-09-28", "--via", "当面", "--applicant", "张三", "--number", "周科申〔2026〕1号"
    )
    correction = add(cli, "2026-11-02", "--via", "邮寄")
    assert cli("application", "event", str(correction), "correction-requested", "2026-11-04")[0] == 0
    assert cli("application", "event", str(correction), "correction-received", "2026-11-16")[0] == 0
    extended = add(cli, "2026-11-02")
    code, _, err = cli(
        "application",
        "event",
        str(extended),
        "extended",
        "2026-11-20",
        "--approved-by",
        "王主任",
        "--note",
        "11-20已告知",
    )
    assert code == 0
    assert "2027年的放假安排" in err  # the due date is in late December: said, not hidden
    consulted = add(cli, "2026-11-02")
    assert cli("application", "event", str(consulted), "consultation-sent", "2026-11-09")[0] == 0
    assert cli("application", "event", str(consulted), "consultation-answered", "2026-11-20")[0] == 0

    rows = {row["id"]: row for row in listed(cli)}
    assert rows[national_day]["due_on"] == "2026-10-30"
    assert rows[national_day]["status"] == "overdue"
    assert rows[national_day]["number"] == "周科申〔2026〕1号"
    assert rows[correction]["due_on"] == "2026-12-14"
    assert rows[extended]["due_on"] == "2026-12-28"
    assert rows[consulted]["due_on"] == "2026-12-11"
    assert rows[consulted]["paused"] is False
    assert "征求意见期间11月10日至11月20日不计入" in str(rows[consulted]["explanation"])
    assert rows[correction]["applicant_type"] == "自然人"
    assert "张三" not in json.dumps(list(rows.values()), ensure_ascii=False)  # personal data stays out


def test_reply_and_statuses(cli) -> None:  # type: ignore[no-untyped-def]
    late = add(cli, "2026-09-28")
    on_time = add(cli, "2026-11-02")
    soon = add(cli, "2026-11-02", "--applicant-type", "法律服务机构")
    paused = add(cli, "2026-11-16")
    assert cli("application", "event", str(paused), "fee-noticed", "2026-11-18")[0] == 0
    assert cli("application", "reply", str(late), "--on", "2026-11-02", "--result", "不予公开-4")[0] == 0
    assert cli("application", "reply", str(on_time), "--on", "2026-11-27", "--result", "予以公开")[0] == 0
    rows = {row["id"]: row for row in listed(cli)}
    assert (rows[late]["status"], rows[late]["result"], rows[late]["replied_on"]) == (
        "replied_late",
        "不予公开-4",
        "2026-11-02",
    )
    assert rows[on_time]["status"] == "replied_on_time"
    assert rows[soon]["status"] == "overdue"  # due 11-30, today 12-01
    assert rows[soon]["applicant_type"] == "法律服务机构"
    assert rows[paused]["paused"] is True and rows[paused]["status"] == "open"

    _code, out, _ = cli("application", "list", "--format", "json", today="2026-11-25")
    assert {r["id"]: r["status"] for r in json.loads(out)}[soon] == "due_soon"


def test_status_json_gains_application_lists(cli) -> None:  # type: ignore[no-untyped-def]
    overdue = add(cli, "2026-10-12")
    soon = add(cli, "2026-11-06")
    add(cli, "2026-11-30")
    code, out, _ = cli("status", "--format", "json")
    assert code == 0
    status = json.loads(out)
    assert "overdue" in status and "due_soon" in status  # the publications' keys stay
    assert status["applications_overdue"] == [{"id": overdue, "number": "2026-001", "due_on": "2026-11-09"}]
    # 11-06 + 20 working days = 12-04: 3 working days from 12-01, inside the 5-day window
    assert status["applications_due_soon"] == [{"id": soon, "number": "2026-002", "due_on": "2026-12-04"}]
    code, out, _ = cli("status")
    assert "依申请公开逾期未答复：1 件" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("application", "add", "--received", "2026-11-02", "--applicant-type", "公司", "--content", "x"),
            "申请人类型",
        ),
        (
            (
                "application",
                "add",
                "--received",
                "2026-11-02",
                "--applicant-type",
                "自然人",
                "--content",
                "x",
                "--via",
                "快递",
            ),
            "提交方式",
        ),
        (
            (
                "application",
                "add",
                "--received",
                "2026-12-05",
                "--applicant-type",
                "自然人",
                "--content",
                "x",
            ),
            "不能晚于今天",
        ),
        (("application", "event", "1", "extended", "2026-10-01"), "早于收到申请日期"),
        (("application", "event", "1", "replied", "2026-11-10"), "事件类型"),
        (("application", "event", "1", "fee-paid", "2026-11-10"), "没有尚未结束的"),
        (("application", "reply", "1", "--on", "2026-10-30", "--result", "予以公开"), "早于收到申请日期"),
        (("application", "reply", "1", "--on", "2026-11-20", "--result", "同意公开"), "办理结果"),
        (("application", "event", "99", "extended", "2026-11-10"), "不存在"),
    ],
)
def test_bad_input_gets_chinese_and_changes_nothing(cli, argv: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    add(cli, "2026-11-02")
    before = listed(cli)
    code, _out, err = cli(*argv)
    assert code == 1
    assert message in err and err.startswith("错误：")
    assert "Traceback" not in err
    assert listed(cli) == before


def test_a_second_extension_is_refused(cli) -> None:  # type: ignore[no-untyped-def]
    app = add(cli, "2026-11-02")
    assert cli("application", "event", str(app), "extended", "2026-11-20", "--approved-by", "王主任")[0] == 0
    before = listed(cli)
    code, _, err = cli("application", "event", str(app), "extended", "2026-11-25", "--approved-by", "王主任")
    assert code == 1 and "已经延期一次" in err
    assert listed(cli) == before


def test_impossible_date_is_a_usage_error(cli) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        cli("application", "add", "--received", "2026-02-30", "--applicant-type", "自然人", "--content", "x")
    assert exit_info.value.code == 2


def test_text_list(cli) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("application", "list")  # a read never creates the database
    assert code == 1 and "不存在" in err
    first = add(cli, "2026-11-02")
    assert cli("application", "list")[0] == 0
    cli("application", "event", str(first), "withdrawn", "2026-11-03")
    add(cli, "2026-11-02", "--applicant", "李四")
    _code, out, _ = cli("application", "list")
    assert "2026-002" in out and "2026-11-30" in out and "已撤回" in out and "李四" not in out


def test_delete_to_the_trash_and_restore(cli) -> None:  # type: ignore[no-untyped-def]
    kept = add(cli, "2026-11-02")
    gone = add(cli, "2026-11-06", "--applicant", "李四")
    assert cli("application", "event", str(gone), "extended", "2026-11-20", "--approved-by", "王主任")[0] == 0
    before = next(r for r in listed(cli) if r["id"] == gone)
    code, out, err = cli("application", "delete", str(gone))
    assert code == 0, err
    assert "2026-002" in out and f"application trash restore {gone}" in out
    assert [r["id"] for r in listed(cli)] == [kept]
    # the trash lists it with the list's keys and when it was deleted; still no personal data
    code, out, _ = cli("application", "trash", "list", "--format", "json")
    trash = json.loads(out)
    assert code == 0 and [r["id"] for r in trash] == [gone]
    assert set(trash[0]) == LIST_KEYS | {"deleted_at"}
    assert trash[0]["deleted_at"].startswith("20") and "李四" not in out
    assert {k: v for k, v in trash[0].items() if k != "deleted_at"} == before
    code, out, _ = cli("application", "trash", "list")
    assert "2026-002" in out and "项目资金" in out and "李四" not in out
    # nothing is done to an application in the trash but restoring it
    for argv in (
        ("event", str(gone), "fee-noticed", "2026-11-25"),
        ("reply", str(gone), "--on", "2026-11-25", "--result", "予以公开"),
        ("delete", str(gone)),
    ):
        code, _, err = cli("application", *argv)
        assert code == 1 and "回收站" in err and f"application trash restore {gone}" in err
    # restoring brings it back whole: its events, its clock
    code, out, err = cli("application", "trash", "restore", str(gone))
    assert code == 0 and "2026-002" in out, err
    assert next(r for r in listed(cli) if r["id"] == gone) == before
    code, _, err = cli("application", "trash", "restore", str(gone))
    assert code == 1 and "不在回收站" in err
    code, out, _ = cli("application", "trash", "list", "--format", "json")
    assert json.loads(out) == []
    assert cli("application", "trash", "list")[1].strip() == "（申请回收站是空的）"


def test_publications_trash_keeps_its_contract_and_points_to_the_applications(cli) -> None:  # type: ignore[no-untyped-def]
    app = add(cli, "2026-11-02")
    assert cli("application", "delete", str(app))[0] == 0
    # `trash list --format json` stays the publications' list (issue 13): the application is not in it
    code, out, _ = cli("trash", "list", "--format", "json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = cli("trash", "list")
    assert out.splitlines() == [
        "（回收站中没有公开信息）",
        "另有 1 件依申请公开申请在回收站中，可用 application trash list 查看。",
    ]
    # `trash restore` restores publications; for an application's id it says which command to use
    code, _, err = cli("trash", "restore", str(app))
    assert code == 1 and f"application trash restore {app}" in err and "Traceback" not in err
    assert json.loads(cli("application", "trash", "list", "--format", "json")[1])[0]["id"] == app


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("application", "delete", "99"), "不存在"),
        (("application", "trash", "restore", "99"), "不存在"),
    ],
)
def test_unknown_ids_in_delete_and_restore(cli, argv: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    add(cli, "2026-11-02")
    before = listed(cli)
    code, _, err = cli(*argv)
    assert code == 1 and message in err and err.startswith("错误：")
    assert listed(cli) == before


def test_a_bad_id_is_a_usage_error(cli) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        cli("application", "delete", "二")
    assert exit_info.value.code == 2


def test_an_extension_records_the_day_the_applicant_was_told(cli) -> None:  # type: ignore[no-untyped-def]
    app = add(cli, "2026-11-02")
    code, _, err = cli("application", "event", str(app), "extended", "2026-11-20", "--approved-by", "王主任")
    assert code == 0 and "未登记告知申请人的日期" in err  # warned, saved
    other = add(cli, "2026-11-02")
    code, _, err = cli(
        "application", "event", str(other), "extended", "2026-11-20", "--approved-by", "王主任",
        "--notified", "2026-11-23",
    )  # fmt: skip
    assert code == 0 and "告知申请人" not in err
    rows = {r["id"]: r for r in listed(cli)}
    assert rows[other]["due_on"] == "2026-12-28"
    assert "2026-11-23告知申请人" in str(rows[other]["explanation"])
    # a notice day on another kind of event, or before the extension, is refused and nothing is saved
    before = listed(cli)
    for argv, message in (
        (("fee-noticed", "2026-11-10", "--notified", "2026-11-10"), "只有“延期答复”"),
        (("extended", "2026-11-20", "--notified", "2026-11-19"), "早于延期日期"),
    ):
        code, _, err = cli("application", "event", str(add(cli, "2026-11-03")), *argv)
        assert code == 1 and message in err
    assert [r for r in listed(cli) if r["id"] in {r["id"] for r in before}] == before
