"""The draft of 一、总体情况: the five subjects the format names, each from this year's register."""

from __future__ import annotations

from disclosure_desk.domain.applications import ApplicantType
from disclosure_desk.domain.status import ON_TIME_RATE_WORD, Status, status_word
from disclosure_desk.domain.statutory_table3 import (
    ROW_CARRIED_FORWARD,
    ROW_CARRIED_OVER,
    ROW_NEW,
    ROW_TOTAL,
    TOTAL_COLUMN,
    group_totals,
)
from disclosure_desk.domain.statutory_tables import OVERVIEW_HEADINGS, Section2, Section4
from disclosure_desk.domain.statutory_wording import (
    ProseFacts,
    day_text,
    listing,
    percent,
    placeholder,
    processes_with_publications,
    say,
    used_channels,
)

# The register's status words (domain.status), so the annual report says what the window and the
# monthly report say.
ON_TIME = status_word(Status.PUBLISHED_ON_TIME)
LATE = status_word(Status.PUBLISHED_LATE)
OVERDUE = status_word(Status.OVERDUE)


def draft_overview(f: ProseFacts) -> str:
    paragraphs = (_proactive(f), _on_request(f), _management(f), _platforms(f), _supervision(f))
    return "\n".join(line for pair in zip(OVERVIEW_HEADINGS, paragraphs, strict=True) for line in pair)


def _proactive(f: ProseFacts) -> str:
    y, stats, t = f.year, f.publications, f.publications.totals
    if t.published == 0:
        return say(
            y,
            f"{y}年，{f.bureau}对照主动公开基本目录（{f.catalogue_items}个事项）尚未登记本年公开的政府信息。",
            f"围绕基本目录所列{f.catalogue_items}个公开事项，本年度台账中还没有已发布的信息。",
        ) + placeholder("本年主动公开情况")
    change = ""
    last = f.last_year_publications
    if last is not None and last.totals.published:
        diff = t.published - last.totals.published
        if diff:
            change = say(
                y,
                f"，较上年（{last.totals.published}条）{'增加' if diff > 0 else '减少'}{abs(diff)}条",
                f"，比上一年度的{last.totals.published}条{'多' if diff > 0 else '少'}{abs(diff)}条",
            )
        else:
            change = say(y, "，与上年持平", "，数量与上一年度相同")
    text = say(
        y,
        f"{y}年，{f.bureau}对照主动公开基本目录（{f.catalogue_items}个事项）主动公开政府信息{t.published}条{change}。",
        f"围绕基本目录所列{f.catalogue_items}个公开事项，{y}年全局累计发布政府信息{t.published}条{change}。",
    )
    judged = t.on_time + t.late
    if judged and t.late:
        text += say(
            y,
            f"有公开时限的{judged}条中，{ON_TIME}{t.on_time}条、{LATE}{t.late}条，"
            f"{ON_TIME_RATE_WORD}{percent(t.on_time, judged)}。",
            f"按时限要求衡量，{t.on_time}条在期限内发布，{t.late}条晚于期限，"
            f"及时率为{percent(t.on_time, judged)}。",
        )
    elif judged:
        text += say(
            y, f"有公开时限的{judged}条全部{ON_TIME}。", f"须按时限公开的{judged}条信息均在期限内发布。"
        )
    if t.no_due_date:
        n = t.no_due_date
        text += say(y, f"另有{n}条无固定公开时限。", f"其余{n}条属于无固定时限的信息。")
    groups = processes_with_publications(stats.by_process)
    if len(groups) > 1:
        text += say(
            y,
            f"按工作过程分，{listing(groups, '{name}{n}条')}。",
            f"从公开环节看，{listing(groups, '{n}条属于{name}环节')}。",
        )
    channels = used_channels(stats.channels)
    if channels:
        text += say(
            y,
            f"公开渠道方面，{listing(channels, '{name}{n}条')}（一条信息可通过多个渠道公开）。",
            f"从发布渠道看，{listing(channels, '使用{name}的{n}条')}。",
        )
    text += _documents(y, f.section2)
    if t.overdue_open:
        text += say(
            y,
            f"截至{day_text(stats.as_of)}，尚有{t.overdue_open}条信息已过公开期限仍未公开。",
            f"另需说明的是，到{day_text(stats.as_of)}为止有{t.overdue_open}条应公开信息超过期限尚未发布。",
        )
    return text


def _documents(y: int, s2: Section2) -> str:
    n = s2.normative_documents
    if n.issued or n.abolished:
        text = say(
            y,
            f"全年制发行政规范性文件{n.issued}件、废止{n.abolished}件，年末现行有效{n.in_force}件。",
            f"行政规范性文件方面，本年新制发{n.issued}件，清理废止{n.abolished}件，"
            f"截至年底共有{n.in_force}件现行有效。",
        )
    else:
        text = say(
            y,
            f"全年未制发、废止行政规范性文件，年末现行有效{n.in_force}件。",
            f"本年没有新制发或废止行政规范性文件，现行有效的{n.in_force}件保持不变。",
        )
    r = s2.regulations
    if r.issued or r.abolished:
        text += f"制发规章{r.issued}件、废止{r.abolished}件，现行有效{r.in_force}件。"
    return text


def _on_request(f: ProseFacts) -> str:
    y, table = f.year, f.table3
    new, carried = table.value(ROW_NEW, TOTAL_COLUMN), table.value(ROW_CARRIED_OVER, TOTAL_COLUMN)
    closed, forward = table.value(ROW_TOTAL, TOTAL_COLUMN), table.value(ROW_CARRIED_FORWARD, TOTAL_COLUMN)
    if new == 0 and carried == 0:
        text = say(
            y,
            f"{y}年未收到政府信息公开申请，也没有上年结转的申请。",
            "本年度没有公民、法人或其他组织向本机关提出政府信息公开申请，亦无上年度结转未办结的申请。",
        )
    else:
        people = table.value(ROW_NEW, ApplicantType.NATURAL_PERSON.value)
        results = [(c.value, n) for c, n in group_totals(table, TOTAL_COLUMN).items() if n]
        text = say(
            y,
            f"全年新收政府信息公开申请{new}件（自然人{people}件、法人或其他组织{new - people}件），"
            f"上年结转{carried}件；本年办结{closed}件"
            + (f"，其中{listing(results, '{name}{n}件')}" if results else "")
            + f"；结转下年度继续办理{forward}件。",
            f"本年度共受理新申请{new}件，其中自然人提出{people}件、法人或其他组织提出{new - people}件，"
            f"另有上年度结转{carried}件。全年作出答复{closed}件"
            + (f"：{listing(results, '{n}件{name}')}" if results else "")
            + f"；尚未办结、结转下一年度的{forward}件。",
        )
        if closed and f.late_replies:
            text += say(
                y, f"其中{f.late_replies}件超过法定期限答复。", f"有{f.late_replies}件答复晚于法定期限。"
            )
        elif closed:
            text += say(y, "办结的申请均在法定期限内答复。", "所有答复均未超过《条例》规定的期限。")
    return text + _cases(y, f.section4)


def _cases(y: int, s4: Section4) -> str:
    review = s4.review.total
    lawsuits = s4.litigation_direct.total + s4.litigation_after_review.total
    if review == 0 and lawsuits == 0:
        return say(
            y,
            "全年未发生因政府信息公开引起的行政复议、行政诉讼。",
            "本年度没有因政府信息公开工作被申请行政复议或提起行政诉讼的情况。",
        )
    return say(
        y,
        f"因政府信息公开被申请行政复议{review}件、被提起行政诉讼{lawsuits}件，具体情况见第四部分。",
        f"本年度涉及政府信息公开的行政复议{review}件、行政诉讼{lawsuits}件，结果见第四部分表格。",
    )


def _management(f: ProseFacts) -> str:
    y, published = f.year, f.publications.totals.published
    text = ""
    if published and f.reviewed == 0 and f.indexed == 0:
        # "0条登记了保密审查" reads as a slip; say plainly that the register has no such records
        text = say(
            y,
            f"全年公开的{published}条信息在台账中均未登记保密审查和索引号。",
            f"本年发布的{published}条信息，台账里还没有保密审查和索引号的记录。",
        )
    elif published:
        missing = published - f.reviewed
        text = say(
            y,
            f"全年公开的{published}条信息中，{f.reviewed}条登记了保密审查，{f.indexed}条编制了索引号"
            + (f"；{missing}条尚未登记保密审查记录。" if missing else "。"),
            f"在本年发布的{published}条信息里，已记录保密审查的{f.reviewed}条、已编制索引号的{f.indexed}条"
            + (f"，另有{missing}条缺少保密审查记录。" if missing else "。"),
        )
    return text + placeholder("政府信息公开指南和目录更新、信息清理、档案移交等管理情况")


def _platforms(f: ProseFacts) -> str:
    y, channels = f.year, used_channels(f.publications.channels)
    text = ""
    if channels:
        main, count = channels[0]
        rest = channels[1:]
        text = say(
            y,
            f"以{main}为主要公开平台，全年通过{main}公开信息{count}条"
            + (f"，同时通过{listing(rest, '{name}{n}条')}" if rest else "")
            + "。",
            f"{main}仍是信息发布的主渠道，承载了本年{count}条信息"
            + (f"；此外{listing(rest, '{name}发布{n}条')}" if rest else "")
            + "。",
        )
    return text + placeholder("网站栏目、政务新媒体、公开查阅点等平台建设情况")


def _supervision(f: ProseFacts) -> str:
    y, t = f.year, f.publications.totals
    text = say(
        y,
        f"对照基本目录{f.catalogue_items}个事项逐条登记、跟踪公开时限，全年到期应公开信息{t.due}条"
        + (f"，其中{t.overdue_open}条{OVERDUE}。" if t.overdue_open else "。"),
        f"本机关按基本目录的{f.catalogue_items}个事项建立台账、逐项计算公开期限，本年到期的应公开信息共{t.due}条"
        + (f"（{t.overdue_open}条{OVERDUE}）。" if t.overdue_open else "。"),
    )
    return text + placeholder("工作培训、考核评议和责任追究情况")
