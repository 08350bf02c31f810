"""雷同: a section copied from last year (numbers changed) is flagged; a rewritten one is not."""

from __future__ import annotations

from disclosure_desk.domain.similarity import compare_reports, compare_section, sentences, split_sections

LAST_YEAR = """前言不比较。
一、总体情况
（一）主动公开情况
2025年，我局严格落实《条例》要求，全年主动公开政府信息45条。通过区政府网站发布工作动态30条。
严格执行信息发布保密审查制度，确保信息公开的合法性、准确性和权威性。
（二）依申请公开情况
2025年未收到政府信息公开申请。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
五、存在问题及改进措施
一是信息公开的及时性有待提高；二是政策解读形式较为单一。
六、其他需要报告的事项
无。
"""


def test_a_report_is_cut_at_its_section_headings() -> None:
    sections = split_sections(LAST_YEAR)
    assert list(sections) == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert sections["一、总体情况"].startswith("（一）主动公开情况")
    # "一是…" opens a sentence, not a section
    assert sections["五、存在的主要问题及改进情况"].startswith("一是")


def test_headings_stubs_and_placeholders_are_not_sentences() -> None:
    text = "（一）主动公开情况\n无。\n全年主动公开政府信息45条。【请补充：平台建设情况】"
    assert sentences(text) == ["全年主动公开政府信息45条。"]


def test_the_same_text_with_new_numbers_is_flagged() -> None:
    copied = LAST_YEAR.replace("2025", "2026").replace("45", "52").replace("30", "41")
    result = compare_reports(split_sections(copied), split_sections(LAST_YEAR))
    overview = result[0]
    assert overview.section == "一、总体情况"
    assert (overview.sentences, overview.matching) == (4, 4)
    assert overview.too_similar
    assert overview.message == (
        "“一、总体情况”有 4/4 句（100%）与上年报告相同或仅数字不同，超过 60%，可能被认定为内容雷同，请改写。"
    )


def test_a_rewritten_section_is_not_flagged() -> None:
    rewritten = (
        "（一）主动公开情况\n"
        "2026年，区科技局对照基本目录33个事项登记公开信息52条，其中按时公开50条、逾期2条。"
        "按过程分，决策类12条、执行类25条、结果类15条。\n"
        "严格执行信息发布保密审查制度，确保信息公开的合法性、准确性和权威性。\n"
        "（二）依申请公开情况\n"
        "全年新收政府信息公开申请3件，均在法定期限内答复。"
    )
    result = compare_section("一、总体情况", rewritten, split_sections(LAST_YEAR)["一、总体情况"])
    assert (result.sentences, result.matching) == (4, 1)
    assert not result.too_similar
    assert result.examples == ("严格执行信息发布保密审查制度，确保信息公开的合法性、准确性和权威性。",)
