"""The report's prose (the opening, 一、总体情况, 五 and 六): the officer's text, and its first draft.

The draft is built from this year's figures (statutory_overview.py, statutory_problems.py), never from a
fixed text; what the register cannot know is left as a 【请补充：…】 placeholder the officer must replace.
The window and the start page count the placeholders still open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclosure_desk.domain.statutory_figures import format_figure
from disclosure_desk.domain.statutory_overview import draft_overview
from disclosure_desk.domain.statutory_problems import draft_problems
from disclosure_desk.domain.statutory_tables import SECTION_TITLES
from disclosure_desk.domain.statutory_wording import ProseFacts, placeholder, say

_PLACEHOLDER = re.compile(r"【请补充[^】]*】")


@dataclass(frozen=True)
class ReportProse:
    """The officer's text: the opening paragraph and the three prose sections (一, 五, 六)."""

    preamble: str
    overview: str  # 一、总体情况
    problems: str  # 五、存在的主要问题及改进情况
    other: str  # 六、其他需要报告的事项

    def sections(self) -> dict[str, str]:
        """Section title → text, for the similarity check (the tables carry no prose)."""
        return {
            SECTION_TITLES[0]: self.overview,
            SECTION_TITLES[4]: self.problems,
            SECTION_TITLES[5]: self.other,
        }

    def placeholders(self) -> list[str]:
        """The 【请补充：…】 markers still in the text, in order."""
        texts = (self.preamble, *self.sections().values())
        return [m.group(0) for text in texts for m in _PLACEHOLDER.finditer(text)]

    def to_json(self) -> dict[str, str]:
        return {
            "preamble": self.preamble,
            "overview": self.overview,
            "problems": self.problems,
            "other": self.other,
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> ReportProse:
        return cls(data["preamble"], data["overview"], data["problems"], data["other"])


def draft_prose(facts: ProseFacts) -> ReportProse:
    return ReportProse(_preamble(facts), draft_overview(facts), draft_problems(facts), _other(facts))


def _preamble(f: ProseFacts) -> str:
    # The opening's content is fixed by the format (basis, six parts, period); only its wording varies.
    return (
        say(
            f.year,
            f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开"
            f"工作年度报告格式》（国办公开办函〔2021〕30号）要求，由{f.bureau}编制。",
            f"依照《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条以及国办公开办函"
            f"〔2021〕30号规定的格式，{f.bureau}编制了本年度报告。",
        )
        + "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议"
        "和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。"
        f"本报告所列数据统计期限为{f.year}年1月1日至{f.year}年12月31日。"
        + placeholder("本报告电子版的发布网址，以及对本报告有疑问时的联系地址、电话")
    )


def _other(f: ProseFacts) -> str:
    fee = f.info_fee_yuan
    if fee > 0:
        return say(
            f.year,
            f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{f.year}年{f.bureau}"
            f"共收取信息处理费{format_figure(fee)}元。",
            f"{f.year}年度，{f.bureau}按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
            f"向申请人收取信息处理费合计{format_figure(fee)}元。",
        )
    return say(
        f.year,
        f"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{f.year}年{f.bureau}未收取信息处理费。",
        f"{f.year}年度，{f.bureau}按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，"
        "没有向申请人收取信息处理费。",
    )
