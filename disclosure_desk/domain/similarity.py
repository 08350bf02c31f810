"""雷同: how much of a report section repeats last year's.

The format (国办公开办函〔2021〕30号, （四）明确责任) names copied reports among those to be held to account
under 条例 第47条, and assessors compare a report with the year before. A sentence "matches" when, digits
ignored (a copied sentence with the year changed is still copied), at least `SENTENCE_RATIO` of its
characters line up with one sentence of the same section last year. A section in which more than
`SECTION_SHARE` of the sentences match gets a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from disclosure_desk.domain.statutory_tables import SECTION_TITLES

SENTENCE_RATIO = 0.8
SECTION_SHARE = 0.6
# Fewer significant characters than this is a heading or a stub ("无。"), not a sentence worth judging.
MIN_SENTENCE = 8

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n+")
# 【请补充：…】 and other editorial markers are not report text: they are dropped before comparing.
_MARKER = re.compile(r"【[^】]*】")
_NOT_SIGNIFICANT = re.compile(r"[\s\W_]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")
_SECTION_START = re.compile(r"^\s*([一二三四五六])、")
# "（一）主动公开情况" on a line of its own: the format's sub-heading, the same every year by design.
_HEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。；，,;]{0,20}$")
_NUMERALS = "一二三四五六"


def sentences(text: str) -> list[str]:
    """The sentences of a text worth comparing, as written (stripped)."""
    found = []
    for part in _SENTENCE_END.split(_MARKER.sub("", text)):
        part = part.strip()
        if len(_normalise(part)) >= MIN_SENTENCE and not _HEADING.match(part):
            found.append(part)
    return found


def _normalise(sentence: str) -> str:
    text = unicodedata.normalize("NFKC", sentence)
    text = _DIGITS.sub("#", text)
    return _NOT_SIGNIFICANT.sub("", text)


def split_sections(text: str) -> dict[str, str]:
    """A whole report's text cut at its section headings 一、… 六、 (each heading on its own line).

    Keys are the format's section titles (by their number, so last year's "五、存在问题及改进措施" still
    lands on 五); text before 一 is left out.
    """
    bodies: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        match = _SECTION_START.match(line)
        # a heading is short; "一、…" opening a long paragraph is an enumerated sentence, not a section
        if match and len(line.strip()) <= 30:
            current = SECTION_TITLES[_NUMERALS.index(match.group(1))]
            bodies.setdefault(current, [])
            continue
        if current is not None:
            bodies[current].append(line)
    return {title: "\n".join(lines).strip() for title, lines in bodies.items()}


@dataclass(frozen=True)
class SectionSimilarity:
    section: str
    sentences: int  # this year's sentences compared
    matching: int  # … of which match a sentence of last year's same section
    examples: tuple[str, ...]  # up to three matching sentences, to show the officer

    @property
    def share(self) -> float:
        return self.matching / self.sentences if self.sentences else 0.0

    @property
    def too_similar(self) -> bool:
        return self.share > SECTION_SHARE

    @property
    def message(self) -> str:
        percent = round(self.share * 100)
        text = (
            f"“{self.section}”有 {self.matching}/{self.sentences} 句（{percent}%）与上年报告相同或仅数字不同"
        )
        if self.too_similar:
            return f"{text}，超过 {round(SECTION_SHARE * 100)}%，可能被认定为内容雷同，请改写。"
        return f"{text}。"


def _matches(sentence: str, candidates: Sequence[str]) -> bool:
    for other in candidates:
        matcher = SequenceMatcher(None, sentence, other, autojunk=False)
        # the cheap upper bounds first: most pairs are ruled out without the full comparison
        if (
            matcher.real_quick_ratio() >= SENTENCE_RATIO
            and matcher.quick_ratio() >= SENTENCE_RATIO
            and matcher.ratio() >= SENTENCE_RATIO
        ):
            return True
    return False


def compare_section(section: str, this_year: str, last_year: str) -> SectionSimilarity:
    ours = sentences(this_year)
    theirs = [_normalise(s) for s in sentences(last_year)]
    matching = [s for s in ours if _matches(_normalise(s), theirs)]
    return SectionSimilarity(section, len(ours), len(matching), tuple(matching[:3]))


def compare_reports(this_year: Mapping[str, str], last_year: Mapping[str, str]) -> list[SectionSimilarity]:
    """Each section present in both years, in the format's order."""
    return [
        compare_section(title, this_year[title], last_year[title])
        for title in SECTION_TITLES
        if this_year.get(title, "").strip() and last_year.get(title, "").strip()
    ]
