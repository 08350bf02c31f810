"""`publication edit | publish | delete` and the one check every write goes through.

`save_checked` is what `add`, `edit` and `publish` share: the same validation as the window, the rule for
entered due dates, the duplicate check, and the same warnings, so no command saves what another refuses.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from disclosure_desk.cli.context import CliContext, parse_date_arg, parse_number_arg
from disclosure_desk.cli.output import shorten, warn
from disclosure_desk.cli.publication_options import add_field_options, field_values
from disclosure_desk.domain.catalogue import CHANNELS
from disclosure_desk.domain.due import publication_rule
from disclosure_desk.domain.errors import DisclosureDeskError, ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.review import review_warning
from disclosure_desk.domain.time_limits import clause_problem
from disclosure_desk.domain.validation import lacks_manual_due

if TYPE_CHECKING:
    from disclosure_desk.store.repository import Store


class DuplicateError(DisclosureDeskError):
    def __init__(self, existing: Publication) -> None:
        super().__init__(
            f"已有相同的记录（编号 {existing.id}：“{shorten(existing.title, 40)}”，同一事项、标题和日期），"
            "没有重复登记。如确需再登记一条，请加 --allow-duplicate。"
        )
        self.existing = existing


def register_changes(actions: Any) -> None:
    edit = actions.add_parser("edit", help="修改一条记录：只改给出的项，日期写 none 表示清空")
    edit.add_argument("id", metavar="编号", type=parse_number_arg)
    add_field_options(edit, edit=True)
    edit.add_argument("--no-channels", action="store_true", help="清空公开渠道")
    edit.add_argument(
        "--allow-duplicate", action="store_true", help="改后与另一条记录相同（事项、标题、日期）时仍然保存"
    )
    edit.set_defaults(func=run_edit)

    publish = actions.add_parser("publish", help="标记为已公开（默认今天）")
    publish.add_argument("id", metavar="编号", type=parse_number_arg)
    publish.add_argument(
        "--on", metavar="日期", type=parse_date_arg, help="公开日期 YYYY-MM-DD（默认：今天）"
    )
    publish.add_argument(
        "--channel",
        dest="channels",
        metavar="渠道",
        action="append",
        help=f"本次使用的公开渠道，可重复（加在已勾选的渠道上）：{'、'.join(CHANNELS)}",
    )
    publish.add_argument(
        "--channel-reason",
        dest="missing_channel_reason",
        metavar="原因",
        help="未通过目录要求的公开渠道公开的原因（没有使用目录要求的渠道时必填）",
    )
    publish.set_defaults(func=run_publish)

    delete = actions.add_parser("delete", help="删除一条记录（移入回收站，可恢复）")
    delete.add_argument("id", metavar="编号", type=parse_number_arg)
    delete.set_defaults(func=run_delete)


def save_checked(
    store: Store,
    publication: Publication,
    today: date,
    *,
    allow_duplicate: bool = False,
    request_id: str | None = None,
) -> Publication:
    """Check `publication` as every command must, then add it (no id) or update it; warnings to stderr.

    The checks are the store's own (Store.check_publication: the window's editor refuses the same), done
    before the duplicate check so a refusal names what to fix first. `request_id` goes with an add
    (`publication add --request-id`)."""
    item = store.item(publication.item_id)
    stored_clause = store.publication(publication.id).clause if publication.id is not None else None
    if publication.clause != stored_clause:
        # --clause given: it must be one of the item's clauses, even where the store would ignore it
        wrong_clause = clause_problem(item.time_limit, publication.clause)
        if wrong_clause is not None:
            raise ValidationError(f"序号 {item.number}：{wrong_clause}", "clause")
    try:
        store.check_publication(publication, today)
    except ValidationError as error:
        if error.field == "missing_channel_reason":
            raise ValidationError(
                f"{error}（命令行：加 --channel 渠道名，或用 --channel-reason 说明原因）", error.field
            ) from None
        raise
    if not allow_duplicate:
        existing = store.duplicate_of(publication)
        if existing is not None:
            raise DuplicateError(existing)
    saved = (
        store.add_publication(publication, today=today, request_id=request_id)
        if publication.id is None
        else store.update_publication(publication, today=today)
    )
    notice = review_warning(saved, today)
    if notice:
        warn(notice)
    if lacks_manual_due(saved, publication_rule(saved, item)):
        warn(
            "提示：该事项“按法定时间公开”，还没有填写应公开日期（--due）；"
            "在填写之前，它列在首页的“需要填写应公开日期”中。"
        )
    return saved


def _live(store: Store, publication_id: int) -> Publication:
    publication = store.publication(publication_id)
    if publication.deleted_at is not None:
        raise DisclosureDeskError(
            f"记录 {publication_id} 在回收站中：请先用 trash restore {publication_id} 恢复。"
        )
    return publication


def run_edit(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store(writer=True)
    current = _live(store, args.id)
    values = field_values(args)
    if args.no_channels:
        if "channels" in values:
            raise DisclosureDeskError("--no-channels 与 --channel 不能同时使用。")
        values["channels"] = ()
    if not values:
        raise DisclosureDeskError("没有给出要修改的内容（例如 --title、--published、--channel）。")
    changed = replace(current, **values)
    if changed == current:
        print(f"记录 {args.id} 没有变化。")
        return 0
    save_checked(store, changed, context.today, allow_duplicate=args.allow_duplicate)
    print(f"已修改记录 {args.id}。")
    return 0


def run_publish(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store(writer=True)
    current = _live(store, args.id)
    if current.published_on is not None:
        raise DisclosureDeskError(
            f"记录 {args.id} 已于 {current.published_on.isoformat()} 公开。"
            f"要更改公开日期，请用 publication edit {args.id} --published 日期。"
        )
    on = args.on or context.today
    channels = tuple(dict.fromkeys([*current.channels, *(args.channels or ())]))
    changed = replace(current, published_on=on, channels=channels)
    if args.missing_channel_reason is not None:
        changed = replace(changed, missing_channel_reason=args.missing_channel_reason)
    saved = save_checked(store, changed, context.today)
    print(
        f"已将记录 {args.id} 标记为 {on.isoformat()} 公开（渠道：{'、'.join(saved.channels) or '未填写'}）。"
    )
    return 0


def run_delete(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store(writer=True)
    current = _live(store, args.id)
    store.delete_publication(args.id)
    print(
        f"已将记录 {args.id}（“{shorten(current.title, 40)}”）移入回收站；可用 trash restore {args.id} 恢复。"
    )
    return 0
