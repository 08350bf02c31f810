"""A 公开时限 cell as real catalogues write it: one or several clauses, a display period, "同上".

- Several clauses stay several clauses, each with its own rule: "信息形成20个工作日内公开;其中行政许可、行政
  处罚事项应自作出行政决定之日起7个工作日内公示" is two, as are "执法决定信息…7个工作日内公开,其他相关信息
  …20个工作日内公开" and "1.除处罚决定外其他内容:长期公开; 2.处罚决定:20个工作日内". A clause is general
  when it names no subject, or "其他/除…外" content; one that starts with 其中, names its own subject or
  stands in brackets is specific. A publication falls under the first general clause unless the
  officer picks another (`default_index`).
- A display period (公开时长: "公示7个工作日", "长期公示", "保持长期公开") is kept apart from the deadline.
- Notes that only defer to other law ("法律、法规对…另有规定的，从其规定") and extension notes ("需要延长的，
  延长期限不得超过20个工作日") are not clauses.
- "同上" is a reference to the row above, which only an importer can resolve.

`read_time_limit` never raises; what it cannot read is a clause of kind UNKNOWN, never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from disclosure_desk.domain.catalogue import DISPLAY_PERIOD_COLUMN
from disclosure_desk.domain.deadline_parser import normalize, parse
from disclosure_desk.domain.deadlines import DeadlineRule, RuleKind


@dataclass(frozen=True)
class Clause:
    rule: DeadlineRule
    text: str  # the clause as written, whitespace removed
    subject: str = ""  # what it is for, as written: "执法决定信息", "处罚决定"; "" when none
    general: bool = True


@dataclass(frozen=True)
class TimeLimit:
    source_text: str
    clauses: tuple[Clause, ...]
    display: str = ""  # 公开时长 written in the same cell ("公示7个工作日", "长期公示")
    same_as_above: bool = False

    @property
    def default_index(self) -> int:
        """0-based index of the clause a publication falls under unless the officer picks another."""
        known = [i for i, c in enumerate(self.clauses) if c.rule.is_known]
        general = [i for i in known if self.clauses[i].general]
        return (general or known or [0])[0]

    @property
    def default_rule(self) -> DeadlineRule:
        return self.clauses[self.default_index].rule

    @property
    def several(self) -> bool:
        return len(self.clauses) > 1

    def clause_rule(self, number: int) -> DeadlineRule:
        """Clause `number` (1-based, as the officer counts them). Raises IndexError when there is none."""
        if not 1 <= number <= len(self.clauses):
            raise IndexError(number)
        return self.clauses[number - 1].rule

    def clause_title(self, number: int) -> str:
        """ "条款1（执法决定信息）：形成后7个工作日内"."""
        clause = self.clauses[number - 1]
        subject = f"（{clause.subject}）" if clause.subject else ""
        return f"条款{number}{subject}：{clause.rule.describe()}"


_SAME_AS_ABOVE = frozenset({"同上", "同上栏", "同上条", "同前"})
_NOTE = re.compile(
    r"[(（]?[^(（)）;；。]{0,40}?(?:另有规定|另行规定)[^(（)）;；。]{0,10}?从其规定[)）]?"
    r"|[^;；。]{0,10}延长[^;；。]{0,20}不得超过[^;；。]{0,12}"
)
_SENTENCES = re.compile(r"[;；。]")
_NUMBERING = re.compile(
    r"^(?:[(（]?\d{1,2}[.、．)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)"
)
_OTHERS = re.compile(r"[,，](?=其[他它余])|[,，]?(?=其中)")
_BRACKETS = re.compile(r"[(（]([^()（）]*)[)）]")
_DISPLAY = re.compile(
    r"(?<!内)公示(?:期|期限)?(?:为|不少于)?\d+个?(?:工作日|日|天)"
    r"|(?:保持)?长期公示|保持长期公开|公告期限?为?\d+个?(?:工作日|日|天)"
    r"|[,，]长期(?:公开|有效)$"  # "…20个工作日内公开，长期公开": how long it stays up
)
_TIME_WORDS = re.compile(
    r"\d+个?(?:工作日|日|天)|次月|上旬|中旬|下旬|至少\d+次|\d+次|长期公开|永久公开|据实更新|按实际更新|及时|实时"
)
_PERIOD_NUMBER = re.compile(r"\d+个?(?:工作日|自然日|日历日|日|天)")
_COLON_SUBJECT = re.compile(r"^([^:：]{1,24})[:：]")
_NAMED_SUBJECT = re.compile(r"^(.{2,20}?(?:信息|事项|决定|内容|情况|名单|结果))(?:在|应当?|自|于|须)")
_GENERAL_SUBJECT = re.compile(r"^(?:其[他它余]|除)")


def is_same_as_above(text: str) -> bool:
    """A cell reading "同上": the row above's value, which only an importer can copy."""
    return normalize(text) in _SAME_AS_ABOVE


def read_time_limit(text: object) -> TimeLimit:
    source = text.strip() if isinstance(text, str) else ""
    try:
        return _read(source)
    except Exception:  # a bug here must flag the item, not crash an import
        return TimeLimit(source, (Clause(DeadlineRule(RuleKind.UNKNOWN, source_text=source), source),))


def _read(source: str) -> TimeLimit:
    compact = re.sub(r"\s+", "", unicodedata.normalize("NFKC", source))
    if is_same_as_above(source):
        unknown = DeadlineRule(RuleKind.UNKNOWN, source_text=source)
        return TimeLimit(source, (Clause(unknown, compact),), same_as_above=True)
    displays: list[str] = []
    segments: list[tuple[str, bool]] = []  # (text, bracketed)

    def keep_display(match: re.Match[str]) -> str:
        displays.append(match.group(0).strip(",，"))
        return ""

    for text, bracketed in _segments(_NOTE.sub("", compact)):
        kept = _DISPLAY.sub(keep_display, text)
        if normalize(kept):
            segments.append((kept, bracketed))
    clauses = [_clause(text, bracketed) for text, bracketed in segments]
    clauses = _ongoing_as_display(clauses, displays)
    display = "，".join(dict.fromkeys(displays))
    if not clauses:
        rule = DeadlineRule(RuleKind.DISPLAY_ONLY if display else RuleKind.UNKNOWN, source_text=source)
        return TimeLimit(source, (Clause(rule, compact),), display)
    if len(clauses) == 1:
        only = replace(clauses[0], rule=replace(clauses[0].rule, source_text=source))
        if only.rule.kind is RuleKind.DISPLAY_ONLY:  # "1年", "公示7个工作日": the whole cell is a 公开时长
            display = display or compact
        return TimeLimit(source, (only,), display)
    return TimeLimit(source, tuple(clauses), display)


def _segments(text: str) -> list[tuple[str, bool]]:
    """Clause texts in order; bracketed ones (a condition inside brackets) are marked."""
    result: list[tuple[str, bool]] = []
    for raw in _SENTENCES.split(text):
        sentence, inner = _lift_brackets(_NUMBERING.sub("", raw.strip(",，、 ")))
        for part in _OTHERS.split(sentence):
            for piece in _restarts(_NUMBERING.sub("", part.strip(",，、 "))):
                if piece:
                    result.append((piece, False))
        result.extend((content, True) for content in inner)
    return result


def _lift_brackets(sentence: str) -> tuple[str, list[str]]:
    """Bracketed text with its own time words is a clause of its own ("(…财务收支情况应每月公布一次)");
    other brackets ("(形成变更)", "(动态调整)") are part of the clause, kept without the brackets."""
    inner: list[str] = []
    whole = normalize(sentence)

    def lift(match: re.Match[str]) -> str:
        content = match.group(1)
        if _TIME_WORDS.search(normalize(content)) and normalize(content) != whole:
            inner.append(content)
            return ""
        return content

    return _BRACKETS.sub(lift, sentence), inner


def _restarts(text: str) -> list[str]:
    """ "自…20个工作日内予以公开自…7个工作日内予以公开" (two cells' lines run together) → two clauses."""
    periods = list(_PERIOD_NUMBER.finditer(text))
    if len(periods) < 2:
        return [text]
    restart = text.find("自", periods[0].end(), periods[1].start())
    if restart < 0:
        return [text]
    return [text[:restart], *_restarts(text[restart:])]


def _clause(text: str, bracketed: bool) -> Clause:
    rule = parse(text)
    subject = ""
    colon = _COLON_SUBJECT.match(text)
    if colon is not None:
        subject = colon.group(1)
    else:
        named = _NAMED_SUBJECT.match(text.removeprefix("其中"))
        if named is not None:
            subject = named.group(1)
    specific = bracketed or text.startswith("其中") or (bool(subject) and not _GENERAL_SUBJECT.match(subject))
    return Clause(rule, text, subject, not specific)


def _ongoing_as_display(clauses: list[Clause], displays: list[str]) -> list[Clause]:
    """ "…20个工作日内公开，长期公开": with a deadline beside it and no subject of its own, 长期公开 says how
    long the information stays up (a display period), not a rule of its own."""
    has_deadline = any(c.rule.is_known and c.rule.kind is not RuleKind.ONGOING for c in clauses)
    if not has_deadline:
        return clauses
    kept = []
    for clause in clauses:
        if clause.rule.kind is RuleKind.ONGOING and not clause.subject:
            displays.append(clause.text)
        else:
            kept.append(clause)
    return kept


def time_limit_note(text: str) -> str | None:
    """What an importer should tell the officer about a 公开时限 text, or None when it reads cleanly."""
    if not text.strip():
        return None  # an empty time limit is reported by the importer itself
    limit = read_time_limit(text)
    shown = text.strip()
    if limit.same_as_above:
        return f"公开时限为“{shown}”，但上面没有可参照的一行，导入后请为该事项手工设定时限规则。"
    rule = limit.default_rule
    if rule.kind is RuleKind.DISPLAY_ONLY:
        return (
            f"公开时限“{shown}”只写了公开时长（信息保留展示的时间），没有规定何时公开；"
            "已记入“公开时长”，导入后请为该事项手工设定时限规则。"
        )
    if not limit.several:
        return None if rule.is_known else f"公开时限“{shown}”未能识别，导入后请为该事项手工设定时限规则。"
    titles = "；".join(limit.clause_title(n) for n in range(1, len(limit.clauses) + 1))
    note = (
        f"公开时限有{len(limit.clauses)}个条款（{titles}），登记公开信息时默认按条款{limit.default_index + 1}"
        "计算，可在登记时选择其他条款。"
    )
    unknown = [str(n) for n, c in enumerate(limit.clauses, start=1) if not c.rule.is_known]
    if unknown:
        note += f"其中条款{'、'.join(unknown)}未能识别。"
    return note


def item_rule_summary(rule_text: str, time_limit: str, display_period: str) -> str:
    """What an item's detail says of its deadline: `rule_text`, or when `time_limit` has several clauses
    one line per clause with the default marked; then the display period (公开时长) if there is one."""
    limit = read_time_limit(time_limit)
    text = rule_text
    if limit.several:
        lines = [limit.clause_title(n) for n in range(1, len(limit.clauses) + 1)]
        lines[limit.default_index] += "（登记时默认）"
        text = "\n".join(lines)
    if display_period:
        text += f"\n{DISPLAY_PERIOD_COLUMN}：{display_period}"
    return text


def clause_rule(time_limit: str, clause: int | None) -> DeadlineRule:
    """The rule of clause `clause` (1-based) of `time_limit`; the default clause when None or when the
    text no longer has that clause (a revised catalogue)."""
    limit = read_time_limit(time_limit)
    if clause is not None and 1 <= clause <= len(limit.clauses) and limit.several:
        return limit.clauses[clause - 1].rule
    return limit.default_rule


def clause_problem(time_limit: str, clause: int | None) -> str | None:
    """A Chinese message when `clause` is not one of the text's clauses, else None."""
    if clause is None:
        return None
    count = len(read_time_limit(time_limit).clauses)
    if not 1 <= clause <= count:
        return f"该事项的公开时限只有 {count} 个条款，没有条款{clause}。"
    return None
