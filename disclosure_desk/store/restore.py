"""Restoring a backup in place of the database, so that no interruption can lose either of them.

The sequence, each step durable before the next:
1. copy the chosen backup beside the database (`….restoring`), and open and check the copy: SQLite
   integrity, our schema at a version this program knows, every table and column of that version;
2. back up the current file (when it is readable) into the backups folder;
3. write a journal (`….restore-journal`) naming the copy and where each current file goes;
4. move the current file and its companions (-journal, -wal, -shm) into the backups folder;
5. move the copy into place; 6. delete the journal.
A failure in 4–5 puts everything back at once. A kill anywhere is finished at the next start by
`finish_interrupted_restore`, before anything opens the file: with a journal and the copy present, the
remaining moves are done and the copy goes in (the restore completes); with a journal and no copy, the
copy is already in place. Before step 3 there is no journal and the current file was never touched.
The replaced file is never overwritten or deleted: it stays in the backups folder under a "replaced" name.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from disclosure_desk import paths
from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.store.backup import (
    backup_file,
    check_database_file,
    file_kind_problem,
    fsync_folder,
    new_backup_path,
    write_durably,
)
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.repository import Store

log = logging.getLogger(__name__)

COMPANIONS = ("-journal", "-wal", "-shm")


@dataclass(frozen=True)
class RestoreResult:
    moved_aside: Path | None  # where the replaced file now is (None when there was none)
    backed_up: Path | None  # the verified copy of the replaced file taken just before (None if unreadable)


def journal_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".restore-journal")


def staged_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".restoring")


def _moves(db_file: Path, aside: Path) -> list[tuple[Path, Path]]:
    """Companions first: the main file leaves last, so a missing main file means every companion left."""
    pairs = [(db_file.with_name(db_file.name + s), aside.with_name(aside.name + s)) for s in COMPANIONS]
    return [*pairs, (db_file, aside)]


def _do_moves(moves: list[tuple[Path, Path]]) -> None:
    for source, target in moves:
        if source.exists() and not target.exists():
            os.replace(source, target)


def _undo_moves(moves: list[tuple[Path, Path]]) -> None:
    for source, target in reversed(moves):
        if target.exists() and not source.exists():
            os.replace(target, source)


def finish_interrupted_restore(db_file: Path) -> str | None:
    """Complete a restore that was interrupted; None when there was none. Call before opening the file,
    holding the instance lock. Returns a Chinese sentence for the log and the officer."""
    journal = journal_path(db_file)
    if not journal.exists():
        return None
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        staged = Path(plan["staged"])
        moves = [(Path(a), Path(b)) for a, b in plan["moves"]]
        source = str(plan.get("source", ""))
    except (OSError, ValueError, KeyError, TypeError) as error:
        reason = os_error_text(error) if isinstance(error, OSError) else "内容不完整或已损坏"
        raise StoreError(
            f"上次从备份恢复数据时程序被中断，但恢复记录“{journal}”无法读取（{reason}）。"
            "为避免弄错数据，程序没有打开数据库：请把该记录文件和数据文件夹一起交给技术人员检查。"
        ) from error
    try:
        if staged.exists():
            _do_moves(moves)
            os.replace(staged, db_file)
            fsync_folder(db_file.parent)
            outcome = f"上次从备份“{source}”恢复数据时程序被中断，现已完成恢复。"
        elif db_file.exists():
            outcome = f"上次从备份“{source}”恢复数据已完成。"
        else:  # nothing in place and no copy: put the replaced file back
            _undo_moves(moves)
            outcome = "上次从备份恢复数据时程序被中断，已放回原来的数据库。"
        journal.unlink()
        fsync_folder(db_file.parent)
    except OSError as error:
        raise StoreError(
            f"上次从备份恢复数据时程序被中断，现在无法完成恢复：{os_error_text(error)}。"
            f"原数据库文件在：{moves[-1][1]}；备份的副本在：{staged}。请关闭其他程序后重新启动本程序。"
        ) from error
    log.warning("%s", outcome)
    return outcome


def _stage(db_file: Path, source: Path) -> Path:
    """Copy `source` beside the database and check the copy; raises with the reason when it won't do."""
    problem = file_kind_problem(source)
    if problem is not None:
        raise StoreError(f"备份文件“{source}”{problem}，不能用于恢复。当前数据库未改动。")
    staged = staged_path(db_file)
    staged.unlink(missing_ok=True)
    try:
        backup_file(source, staged, source_is_backup=True, verify=False)
    except StoreError:
        raise StoreError(f"备份文件“{source}”无法读取（已损坏），不能用于恢复。当前数据库未改动。") from None
    problem = check_database_file(staged)
    if problem is not None:
        staged.unlink(missing_ok=True)
        raise StoreError(f"备份文件“{source}”{problem}，不能用于恢复。当前数据库未改动。")
    return staged


def restore(db_file: Path, source: Path) -> RestoreResult:
    """Put a copy of `source` in place of `db_file` (see the module's description). Hold the lock."""
    finish_interrupted_restore(db_file)
    if source.resolve() == db_file.resolve():
        raise StoreError("不能用数据库文件本身来恢复，请选择备份文件夹中的备份。当前数据库未改动。")
    if source.is_dir():
        raise StoreError(
            f"“{source}”是一个文件夹，不是备份文件：请选择文件夹中的某个备份文件（.sqlite3）。当前数据库未改动。"
        )
    if not source.is_file():
        raise StoreError(f"备份文件“{source}”不存在，不能用于恢复。当前数据库未改动。")
    folder = paths.backups_dir_for(db_file)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = os_error_text(error)
        raise StoreError(f"无法创建备份文件夹“{folder}”：{reason}。当前数据库未改动。") from error
    staged = _stage(db_file, source)
    backed_up = None
    try:
        if db_file.exists() and check_database_file(db_file) is None:
            backed_up = backup_file(db_file, new_backup_path(db_file, "before-restore"))
        aside = new_backup_path(db_file, "replaced")
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    aside.unlink(missing_ok=True)  # only the name was reserved: the file itself moves there
    moves = _moves(db_file, aside)
    journal = journal_path(db_file)
    plan = {"source": str(source), "staged": str(staged), "moves": [[str(a), str(b)] for a, b in moves]}
    try:
        write_durably(journal, json.dumps(plan, ensure_ascii=False).encode("utf-8"))
    except OSError as error:
        staged.unlink(missing_ok=True)
        raise StoreError(f"恢复失败：{os_error_text(error)}。当前数据库未改动。") from error
    try:
        _do_moves(moves)
        os.replace(staged, db_file)
        fsync_folder(db_file.parent)
    except OSError as error:
        _roll_back(db_file, moves, error)
    journal.unlink(missing_ok=True)
    fsync_folder(db_file.parent)
    moved = aside if aside.exists() else None
    return RestoreResult(moved, backed_up)


def _roll_back(db_file: Path, moves: list[tuple[Path, Path]], error: OSError) -> None:
    reason = os_error_text(error)
    try:
        _undo_moves(moves)
    except OSError:
        # the journal stays: the next start finishes the restore
        raise StoreError(
            f"恢复未完成：{reason}。原数据库文件现在位于“{moves[-1][1]}”，没有丢失；"
            "请关闭其他正在使用数据的程序，然后重新启动本程序，恢复会自动完成。"
        ) from error
    with contextlib.suppress(OSError):
        staged_path(db_file).unlink(missing_ok=True)
        journal_path(db_file).unlink(missing_ok=True)
    raise StoreError(
        f"恢复失败：{reason}。当前数据库仍在原处，未改动。请关闭其他正在使用数据的程序后重试。"
    ) from error


def restore_open_store(store: Store, source: Path) -> RestoreResult:
    """Restore under a running program: close the connections, swap the file, bring its schema up to
    date, and forget cached values. The instance lock stays held throughout, so nobody else gets in."""
    from disclosure_desk.store.db import backup_before_migration, set_journal_mode, sqlite_path
    from disclosure_desk.store.migrations import migrate

    file = sqlite_path(store.url)
    if file is None:
        raise StoreError("只能恢复本机 SQLite 数据库文件。")
    store.engine.dispose()
    result = restore(file, source)
    set_journal_mode(store.engine)
    migrate(store.engine, before_upgrade=partial(backup_before_migration, file))
    store.reset_caches()
    return result
