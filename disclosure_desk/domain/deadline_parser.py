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
- Recurring obligations (PERIODIC): 次月上旬, 每月10日前, 每季度的首个月20日, 当年4月、7月、10月的上旬,
  次周三之前, 每季度结束后15日内; minimum frequencies 至少1次/半年, 半年至少更新1次, 按年公开,
  每月公布一次, 最迟6个月内必须有更新.
- ONGOING: 长期公开, 永久公开, 常年公开, 常态化公开, 据实更新, 按实际更新.
- DISPLAY_ONLY: a bare display period (公开时长) — "1年", "6个月", "公示7个工作日", "长期公示".
- "批准后20内" (the unit left out after an approval, as the budget law's 二十日内): 20 calendar days.
- 与…同步发布 / 随…公开 with no number: the same day as the related publication.
Everything else — months (3个月内), hours, one-off dates with a year — is UNKNOWN: the item is flagged
and the officer sets the rule; nothing is guessed. Several clauses in one text: see time_limits.py.
"""

from __future__ import annotations

import re
import unicodedata

from disclosure_desk.domain.deadlines import MAX_PERIOD_DAYS, Anchor, DeadlineRule, RuleKind
from disclosure_desk.domain.periods import MONTHS_IN, Period

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

_PERIOD_WORDS = {"周": Period.WEEK, "月": Period.MONTH, "季": Period.QUARTER, "季度": Period.QUARTER}
_PERIOD_WORDS |= {"半年": Period.HALF, "年": Period.YEAR, "年度": Period.YEAR}
_UNIT = r"(半年|季度|季|月|周|年度|年)"
_ACT = r"(?:更新|公开|公布|发布|调整)?"
# minimum frequencies: 至少1次/半年 (normalized "至少1次半年"), 半年至少更新1次, 每月公布一次, 按年公开
_AT_LEAST = re.compile(rf"至少(?:更新|公开|公布)?(\d+)次(?:每)?{_UNIT}|{_UNIT}至少{_ACT}(\d+)次")
_EVERY_ONCE = re.compile(rf"每{_UNIT}(?:至少)?{_ACT}(\d+)次")
_BY_PERIOD = re.compile(r"^(?:每年)?按(年度|年|季度|季|月度|月|周)(?:度)?(?:公开|更新|公布|发布)?$")
_UPDATE_WITHIN = re.compile(r"(\d+)个?(月|年)内(?:须|必须|应|要)?(?:有|进行)?更新")
# reports of a period due in the next one
_XUN = {"上旬": 10, "中旬": 20, "下旬": 0}
_NEXT_MONTH = re.compile(r"次月(上旬|中旬|下旬|底|末|(\d{1,2})[日号])")
_MONTHLY_DAY = re.compile(r"每月(\d{1,2})[日号](?:之|以)?前")
_QUARTER_FIRST = re.compile(r"每季度?的?(?:首|第1)个?月(?:的)?(上旬|中旬|下旬|(\d{1,2})[日号])")
_MONTH_LIST = re.compile(
    r"(?:当年|每年)?((?:\d{1,2}月)(?:\d{1,2}月)+)(?:的)?(上旬|中旬|下旬|(\d{1,2})[日号])"
)
_NEXT_WEEK = re.compile(r"次周(?:周|星期)?([1-7日天])(?:之|以)?前")
# "每季度结束后15日内"; also without 每 when the period opens the text or follows 上/本/当
# ("年度终了后3个月内", "上一年度结束后…"); never after another word ("宣传周结束后…" is an event)
_PERIOD_END = rf"(?:^|每|上[一1]?|本|当)(?:{_UNIT}(?:结束|终了|期满)|(年)终)后"
_AFTER_END = re.compile(rf"{_PERIOD_END}(\d+)个?(工作日|日|天)内")
_AFTER_END_MONTHS = re.compile(rf"{_PERIOD_END}(\d+)个月内")
_ONGOING = re.compile(
    r"长期公开|永久公开|常年公开|常态化公开|长期有效|据实更新|按实际更新|实际情况更新|动态更新|动态调整"
)
_BARE_DISPLAY = re.compile(
    r"^(?:公示|公开|保留|展示)?(\d+)个?(月|年)$|^公示(\d+)个?(工作日|日|天)$|^长期公示$"
)
_APPROVED_BARE = re.compile(r"(?:批准|批复)后?(\d{1,3})内")
_ALONG_WITH = re.compile(r"^(?:与.{1,20}同步|随(?!时).{1,20})(?:公开|发布|公布)")

# Anchor words, most specific first; searched in the text before the number, then in the whole text.
_ANCHORS: tuple[tuple[Anchor, re.Pattern[str]], ...] = (
    (Anchor.RECEIVED, re.compile(r"收到|受理|接到|申请之日|申请后")),
    (Anchor.APPROVED, re.compile(r"批复|批准|审批|核准|审定")),
    (Anchor.RELATED_PUBLICATION, re.compile(r"关联|同步|(?:公开|发布|公布)(?:之日)?(?:后|起)")),
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
    if _BARE_DISPLAY.search(s):
        return DeadlineRule(RuleKind.DISPLAY_ONLY, source_text=source)
    periodic = _periodic(s, source)
    if periodic is not None:
        return periodic
    if _RECURRING.search(s) or _DATED.search(s):
        return DeadlineRule(RuleKind.UNKNOWN, source_text=source)
    if _ONGOING.search(s) and not _PERIOD.search(s):
        return DeadlineRule(RuleKind.ONGOING, source_text=source)
    if _ALONG_WITH.search(s) and not _PERIOD.search(s):
        # "与政策文件同步公开发布", "随采购公告、采购文件公开": the same day as the related publication
        return DeadlineRule(
            RuleKind.RELATIVE, days=0, anchor=Anchor.RELATED_PUBLICATION, source_text=source
        )
    bare = _APPROVED_BARE.search(s)
    if bare is not None and not _PERIOD.search(s):
        # "批准后20内": the unit left out after an approval; the budget law's period is 二十日 (calendar)
        days = int(bare.group(1))
        if 1 <= days <= 60:
            return DeadlineRule(
                RuleKind.RELATIVE, days=days, working_days=False, anchor=Anchor.APPROVED, source_text=source
            )
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


def _periodic_rule(source: str, period: Period, lag: int = 0, **fields: object) -> DeadlineRule:
    return DeadlineRule(
        RuleKind.PERIODIC,
        anchor=Anchor.FORMED_OR_CHANGED,
        source_text=source,
        period=period,
        lag=lag,
        **fields,  # type: ignore[arg-type]
    )


def _day_of(xun_or_day: str, digits: str | None) -> int | None:
    """上旬 → 10, 中旬 → 20, 下旬/底/末 → 0 (the month's last day), "15日" → 15; None when invalid."""
    if digits:
        day = int(digits)
        return day if 1 <= day <= 31 else None
    return _XUN.get(xun_or_day, 0)


def _periodic(s: str, source: str) -> DeadlineRule | None:
    """A recurring obligation, or None when the text names none."""
    match = _AT_LEAST.search(s) or _EVERY_ONCE.search(s)
    if match is not None:
        groups = [g for g in match.groups() if g]
        count = next(int(g) for g in groups if g.isdigit())
        unit = next(g for g in groups if not g.isdigit())
        # "至少2次/年" is not one report per period: not modelled, never guessed
        return _periodic_rule(source, _PERIOD_WORDS[unit]) if count == 1 else _unknown(source)
    match = _BY_PERIOD.search(s)
    if match is not None:
        return _periodic_rule(source, _PERIOD_WORDS[match.group(1).removesuffix("度")])
    match = _UPDATE_WITHIN.search(s)
    if match is not None:
        months = int(match.group(1)) * (12 if match.group(2) == "年" else 1)
        period = {1: Period.MONTH, 3: Period.QUARTER, 6: Period.HALF, 12: Period.YEAR}.get(months)
        return _periodic_rule(source, period) if period is not None else _unknown(source)
    return _periodic_after(s, source)


def _periodic_after(s: str, source: str) -> DeadlineRule | None:
    match = _NEXT_MONTH.search(s) or _MONTHLY_DAY.search(s)
    if match is not None:
        groups = match.groups()
        day = _day_of(groups[0], groups[-1]) if len(groups) > 1 else _day_of("", groups[0])
        if day is None:
            return _unknown(source)
        return _periodic_rule(source, Period.MONTH, 1, due_month=1, due_day=day)
    match = _QUARTER_FIRST.search(s)
    if match is not None:
        day = _day_of(match.group(1), match.group(2))
        if day is None:
            return _unknown(source)
        return _periodic_rule(source, Period.QUARTER, 1, due_month=1, due_day=day)
    match = _MONTH_LIST.search(s)
    if match is not None:
        return _month_list(match, source)
    match = _NEXT_WEEK.search(s)
    if match is not None:
        weekday = 7 if match.group(1) in "日天" else int(match.group(1))
        return _periodic_rule(source, Period.WEEK, 1, due_day=weekday)
    match = _AFTER_END.search(s)
    if match is not None:
        days = int(match.group(3))
        if not 1 <= days <= 366:
            return _unknown(source)
        return _periodic_rule(
            source,
            _PERIOD_WORDS[match.group(1) or match.group(2)],
            1,
            after_days=days,
            working_days=match.group(4) == "工作日",
        )
    match = _AFTER_END_MONTHS.search(s)
    if match is not None:
        # "年度终了后3个月内": by the last day of the following period's third month (31 March)
        period = _PERIOD_WORDS[match.group(1) or match.group(2)]
        months = int(match.group(3))
        if not 1 <= months <= MONTHS_IN.get(period, 0):
            return _unknown(source)
        return _periodic_rule(source, period, 1, due_month=months, due_day=0)
    return None


def _month_list(match: re.Match[str], source: str) -> DeadlineRule:
    """ "当年4月、7月、10月的上旬": quarterly reports due in the listed months (1, 4, 7, 10 only)."""
    months = tuple(int(m) for m in re.findall(r"(\d{1,2})月", match.group(1)))
    day = _day_of(match.group(2), match.group(3))
    if day is None or len(set(months)) != len(months) or not set(months) <= {1, 4, 7, 10}:
        return _unknown(source)
    return _periodic_rule(source, Period.QUARTER, 1, due_month=1, due_day=day, due_months=months)


def _unknown(source: str) -> DeadlineRule:
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
