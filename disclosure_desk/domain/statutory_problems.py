"""The draft of 五、存在的主要问题及改进情况: each problem is one the register shows, with its own remedy."""

from __future__ import annotations

from disclosure_desk.domain.report_rows import UNGROUPED
from disclosure_desk.domain.report_stats import ReportStats
from disclosure_desk.domain.status import Status, status_word
from disclosure_desk.domain.statutory_wording import ProseFacts, day_text, enumerate_points, placeholder, say

# "Published late", in the register's one word (domain.status).
LATE = status_word(Status.PUBLISHED_LATE)

PROBLEMS_HEADING = "（一）存在的主要问题"
IMPROVEMENTS_HEADING = "（二）改进情况"


def _late_processes(stats: ReportStats) -> list[tuple[str, int]]:
    rows = [(r.process, r.counts.late) for r in stats.by_process if r.counts.late and r.process != UNGROUPED]
    return sorted(rows, key=lambda pair: -pair[1])


def _where_late(y: int, rows: list[tuple[str, int]]) -> str:
    """Where the late ones were: all in one 过程, mostly in one, or spread."""
    if len(rows) == 1:
        (name, count) = rows[0]
        if count == 1:  # "均/都" (all) would be wrong of a single one
            return say(y, f"，属“{name}”", f"，在“{name}”环节")
        return say(y, f"，均属“{name}”", f"，都在“{name}”环节")
    (first, most), (_, second) = rows[0], rows[1]
    if most > second:
        return say(y, f"，其中“{first}”最多（{most}条）", f"，“{first}”环节最多，有{most}条")
    names = "、".join(f"“{name}”" for name, count in rows if count == most)
    return say(y, f"，分布在{names}等环节", f"，{names}等环节各有{most}条")


def draft_problems(f: ProseFacts) -> str:
    y, stats, t = f.year, f.publications, f.publications.totals
    problems: list[str] = []
    fixes: list[str] = []
    if t.late:
        late_rows = _late_processes(stats)
        if late_rows:
            process = late_rows[0][0]
            problems.append(
                say(y, f"{t.late}条信息{LATE}", f"公开时效仍有欠缺，本年有{t.late}条信息晚于期限发布")
                + _where_late(y, late_rows)
            )
            fixes.append(
                say(
                    y,
                    f"对“{process}”类信息实行形成即登记、到期前提醒、逐条销号",
                    f"“{process}”环节的信息在形成当天录入台账，临近期限时专人督办",
                )
            )
        else:
            problems.append(say(y, f"{t.late}条信息{LATE}", f"本年有{t.late}条信息晚于期限发布"))
            fixes.append(say(y, f"对{LATE}的信息逐条分析原因", "逐条查找晚于期限发布的原因并落实到人"))
    if t.overdue_open:
        day = day_text(stats.as_of)
        problems.append(
            say(
                y,
                f"截至{day}仍有{t.overdue_open}条信息已过期限未公开",
                f"到{day}为止，尚有{t.overdue_open}条到期信息没有发布",
            )
        )
        fixes.append(
            say(
                y,
                f"对已过期限未公开的{t.overdue_open}条信息逐条核实，应公开的尽快公开",
                f"逐一清理尚未发布的{t.overdue_open}条到期信息，能公开的立即补发",
            )
        )
    missed = sorted(((r.channel, r.missed - r.missed_explained) for r in stats.channels), key=lambda p: -p[1])
    if missed and missed[0][1]:
        channel, count = missed[0]
        problems.append(
            say(
                y,
                f"{count}条信息未按目录要求通过“{channel}”公开且未说明原因",
                f"目录要求的“{channel}”渠道有{count}条信息没有使用，也没有记录理由",
            )
        )
        fixes.append(
            say(
                y,
                f"按目录要求补齐“{channel}”等渠道，确实不适用的逐条说明理由",
                f"发布前核对目录规定的渠道，“{channel}”不适用时在台账中写明原因",
            )
        )
    if f.late_replies:
        problems.append(
            say(
                y,
                f"{f.late_replies}件政府信息公开申请超过法定期限答复",
                f"依申请公开答复时效不足，{f.late_replies}件申请的答复晚于法定期限",
            )
        )
        fixes.append(
            say(
                y,
                "严格执行《条例》第三十三条的答复期限，需要延期的及时报批并告知申请人",
                "每件申请登记收到日期并计算答复期限，确需延长的按《条例》第三十三条履行审批和告知手续",
            )
        )
    corrected = sum(c.corrected for _, c in f.section4.groups())
    if corrected:
        problems.append(
            say(y, f"行政复议、行政诉讼中被纠正{corrected}件", f"有{corrected}件复议或诉讼案件的结果为纠正")
        )
        fixes.append(
            say(
                y,
                "逐案分析被纠正的原因，规范依申请公开答复文书",
                "对被纠正的案件复盘答复依据和文书，举一反三",
            )
        )
    silent = len(stats.coverage)
    if silent:
        problems.append(
            say(
                y,
                f"基本目录中有{silent}个事项本年没有公开记录",
                f"目录所列事项中，{silent}项全年未登记任何公开信息",
            )
        )
        fixes.append(
            say(
                y,
                f"逐项核实这{silent}个事项本年是否确无应公开的信息，并在台账中注明",
                f"对没有公开记录的{silent}个事项逐一确认，确无信息的在台账中说明",
            )
        )
    lines = [PROBLEMS_HEADING]
    if problems:
        lines.append(_comparison(f) + enumerate_points(y, problems))
    else:
        clean = say(
            y,
            f"本年未出现{LATE}、渠道缺失或超期答复的情况。",
            f"从台账看，本年没有{LATE}、渠道缺失或答复超期的记录。",
        )
        lines.append(_comparison(f) + clean + placeholder("本年工作中发现的不足"))
    lines.append(IMPROVEMENTS_HEADING)
    lines.append(enumerate_points(y, fixes) if fixes else placeholder("下一年度的改进措施"))
    return "\n".join(lines)


def _comparison(f: ProseFacts) -> str:
    last = f.last_year_publications
    if last is None or not last.totals.published:
        return ""
    y, before, now = f.year, last.totals.late, f.publications.totals.late
    if before == now:
        return say(y, f"与上年相比，{LATE}数量持平（{now}条）。", f"{LATE}数量与上一年度相同，均为{now}条。")
    fewer = now < before
    return say(
        y,
        f"与上年相比，{LATE}由{before}条{'减少' if fewer else '增加'}到{now}条。",
        f"对照上年度{before}条{LATE}的情况，本年为{now}条，{'有所下降' if fewer else '有所上升'}。",
    )
