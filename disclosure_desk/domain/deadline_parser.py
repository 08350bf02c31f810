"""Reading a 公开时限 text into a DeadlineRule. Use `deadlines.parse_time_limit`, which calls `parse` here.

What is understood (after full-width → half-width, Chinese numerals → digits, punctuation and spaces
dropped, so "二十个工作日", "２０个工作日" and "20 个工作日。" read alike):
- N个工作日 / N日 / N天 (自然日, 日历日) after an anchor: 收到/受理申请 (RECEIVED), 批复/批准 (APPROVED),
  关联…公开 / 公开后 / 公布后 (RELATED_PUBLICATION), 变更 (FORMED_OR_CHANGED), 形成/印发/作出…
  (FORMED). With no anchor word ("20个工作日内公开") the anchor is "formed or changed", the general rule
  of 政府信息公开条例 第26条.
- A fixed day every year: 每年1月31日前, 6月底前, 每年3月底前 (the last day of March), 一季度结束前
  (the quarter's last day), 年底前.
- 及时 / 实时 / 即时 / 第一时间: TIMELY. 法定时间 / 法定时限 / 按规定时限: STATUTORY.
Everything else — months (3个月内), hours, recurring periods (每季度结束后15日内, 每月10日前), one-off
dates with a year — is UNKNOWN: the item is flagged and the officer sets the rule; nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata

from disclosure_desk.domain.deadlines import MAX_PERIOD_DAYS, Anchor, DeadlineRule, RuleKind

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUMERAL_RUN = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_DROP = re.compile(r"[\W_]+")  # punctuation, spaces, symbols (CJK characters and digits are \w)

_RECURRING = re.compile(r"每(?:个)?(?:季度|季|月|半年|周|旬)|(?:季度|月度|半年)(?:结束|终了)后")
_DATED = re.compile(r"(?<!\d)\d{4}年\d{1,2}月")  # "2026年1月31日前": a one-off date, not a rule
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})[日号](?:之|以)?(?:前|止|为止|截止)")
_YEARLY_MONTH_DAY = re.compile(r"每年\D{0,4}?(\d{1,2})月(\d{1,2})[日号]")
_MONTH_END = re.compile(r"(?<!\d)(\d{1,2})月(?:份)?(?:底|末|月底|月末)")
_QUARTER_END = re.compile(r"(?:第)?([1-4])季度(?:结束|末|终了|底)")
_YEAR_END = re.compile(r"每年年(?:底|末)|^年(?:底|末)(?:之|以)?前|年底前|年末前")
_PERIOD = re.compile(r"(?<!\d)(\d+)个?(工作日|自然日|日历日|日|天)")
_ENDS_WITH_PUBLISHED = re.compile(r"(?:公开|发布|公布)$")
_TIMELY = re.compile(r"及时|实时|即时|第[一1]时间|随时")
_STATUTORY_STRONG = re.compile(r"法定(?:的)?(?:时间|时限|期限|期间)|法律法规规定的(?:时间|时限|期限)")
_STATUTORY_WEAK = re.compile(r"规定(?:的)?(?:时间|时限|期限)")

# Anchor words, most specific first; searched in the text before the number, then in the whole text.
_ANCHORS: tuple[tuple[Anchor, re.Pattern[str]], ...] = (
    (Anchor.RECEIVED, re.compile(r"收到|受理|接到|申请之日|申请后")),
    (Anchor.APPROVED, re.compile(r"批复|批准|审批|核准|审定")),
    (Anchor.RELATED_PUBLICATION, re.compile(r"关联|(?:公开|发布|公布)(?:之日)?(?:后|起)")),
    (Anchor.FORMED_OR_CHANGED, re.compile(r"变更|更新|调整|修改|修订")),
    (
        Anchor.FORMED,
        re.compile(
            r"形成|产生|制作|生成|制定|印发|出台|作出|做出|签发|发文|成文|通过|办结|完成|结束|召开|确定"
        ),
    ),
)


def parse(text: object) -> DeadlineRule:
    """Never raises: returns kind UNKNOWN when the text is not understood."""
    source = text.strip() if isinstance(text, str) else ""
    try:
        return _parse(source)
    except Exception:  # a parser bug must flag the item, not crash an import of 33 rows
        return DeadlineRule(RuleKind.UNKNOWN, source_text=source)


def normalize(text: str) -> str:
    """Half-width, no punctuation or spaces, Chinese numerals as digits."""
    text = unicodedata.normalize("NFKC", text)
    text = _DROP.sub("", text)
    return _NUMERAL_RUN.sub(_numeral_to_digits, text)


def _numeral_to_digits(match: re.Match[str]) -> str:
    value = chinese_numeral(match.group(0))
    return match.group(0) if value is None else str(value)


def chinese_numeral(text: str) -> int | None:
    """二十 → 20, 十五 → 15, 一百二十 → 120, 三〇 → 30 (digit by digit); None when it is not a number."""
    if not text:
        return None
    if not any(c in _UNITS for c in text):
        return int("".join(str(_DIGITS[c]) for c in text))
    total, current = 0, 0
    last_unit = 10_000
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        else:
            unit = _UNITS[char]
            if unit >= last_unit:
                return None  # "十十", "十百": not a number
            total += (current or 1) * unit
            current = 0
            last_unit = unit
    return total + current


def _parse(source: str) -> DeadlineRule:
    s = normalize(source)
    if not s:
        return DeadlineRule(RuleKind.UNKNOWN, source_text=source)
    if _RECURRING.search(s) or _DATED.search(s):
        return DeadlineRule(RuleKind.UNKNOWN, source_text=source)
    annual = _annual(s, source)
    if annual is not None:
        return annual
    period = _PERIOD.search(s)
    if period is not None:
        return _relative(s, period, source)
    if _STATUTORY_STRONG.search(s):
        return DeadlineRule(RuleKind.STATUTORY, source_text=source)
    if _TIMELY.search(s):
        return DeadlineRule(RuleKind.TIMELY, anchor=Anchor.FORMED_OR_CHANGED, source_text=source)
    if _STATUTORY_WEAK.search(s):
        return DeadlineRule(RuleKind.STATUTORY, source_text=source)
    return DeadlineRule(RuleKind.UNKNOWN, source_text=source)


def _annual(s: str, source: str) -> DeadlineRule | None:
    match = _YEARLY_MONTH_DAY.search(s) or _MONTH_DAY.search(s)
    if match is not None:
        month, day = int(match.group(1)), int(match.group(2))
        if not _valid_month_day(month, day):
            return DeadlineRule(RuleKind.UNKNOWN, source_text=source)
        return _annual_rule(month, day, source)
    match = _MONTH_END.search(s)
    if match is not None:
        month = int(match.group(1))
        if not 1 <= month <= 12:
            return DeadlineRule(RuleKind.UNKNOWN, source_text=source)
        return _annual_rule(month, _last_day(month), source)
    match = _QUARTER_END.search(s)
    if match is not None:
        month = int(match.group(1)) * 3
        return _annual_rule(month, _last_day(month), source)
    if _YEAR_END.search(s):
        return _annual_rule(12, 31, source)
    return None


def _annual_rule(month: int, day: int, source: str) -> DeadlineRule:
    return DeadlineRule(
        RuleKind.ANNUAL, anchor=Anchor.FORMED_OR_CHANGED, month=month, day=day, source_text=source
    )


def _last_day(month: int) -> int:
    # February's 29 is clamped to the 28th in common years when a due date is computed.
    return 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31


def _valid_month_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _last_day(month)


def _relative(s: str, period: re.Match[str], source: str) -> DeadlineRule:
    days = int(period.group(1))
    if not 1 <= days <= MAX_PERIOD_DAYS:
        return DeadlineRule(RuleKind.UNKNOWN, source_text=source)
    working = period.group(2) == "工作日"
    before = s[: period.start()]
    anchor = _find_anchor(before)
    if anchor is None and _ENDS_WITH_PUBLISHED.search(before):
        anchor = Anchor.RELATED_PUBLICATION  # "规范性文件公开3个工作日内": counted from that publication
    anchor = anchor or _find_anchor(s) or Anchor.FORMED_OR_CHANGED
    return DeadlineRule(RuleKind.RELATIVE, days=days, working_days=working, anchor=anchor, source_text=source)


def _find_anchor(text: str) -> Anchor | None:
    for anchor, pattern in _ANCHORS:
        if pattern.search(text):
            return anchor
    return None
