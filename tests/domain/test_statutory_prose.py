"""The draft of 一 and 五 says this year's numbers, and two different years never read the same."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from report_sample import RECORDS, annual_input  # tests/report_sample.py

from disclosure_desk.domain.applications import ApplicantType, reply_result
from disclosure_desk.domain.report_stats import compute_report
from disclosure_desk.domain.similarity import compare_reports
from disclosure_desk.domain.statutory_prose import draft_prose
from disclosure_desk.domain.statutory_table3 import Table3, Table3Entry, count_table3
from disclosure_desk.domain.statutory_tables import CaseCounts, DocumentCounts, Section2, Section4
from disclosure_desk.domain.statutory_wording import ProseFacts


def facts(**changes: object) -> ProseFacts:
    person = ApplicantType.NATURAL_PERSON
    table = count_table3(
        [
            Table3Entry(person, date(2026, 3, 2), date(2026, 3, 20), reply_result("予以公开")),
            Table3Entry(
                ApplicantType.RESEARCH_INSTITUTION,
                date(2026, 6, 1),
                date(2026, 7, 10),
                reply_result("部分公开"),
            ),
            Table3Entry(person, date(2026, 12, 28)),
        ],
        2026,
    )
    base = ProseFacts(
        year=2026,
        bureau="周村区科技局",
        publications=compute_report(annual_input()),
        last_year_publications=None,
        catalogue_items=33,
        reviewed=1,
        indexed=1,
        section2=Section2(normative_documents=DocumentCounts(2, 1, 9)),
        table3=table,
        late_replies=1,
        section4=Section4(review=CaseCounts.of(1, 1, 0, 0)),
        info_fee_yuan=Decimal(0),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_the_overview_says_this_years_numbers() -> None:
    overview = draft_prose(facts()).overview
    lines = overview.splitlines()
    assert lines[0] == "（一）主动公开情况"
    proactive = lines[1]
    assert proactive.startswith("2026年，周村区科技局对照主动公开基本目录（33个事项）主动公开政府信息6条。")
    assert "有公开时限的5条中，按时公开3条、逾期公开2条，按时公开率60%。" in proactive
    assert "另有1条无固定公开时限。" in proactive
    assert "按工作过程分，决策2条、执行2条、结果2条。" in proactive
    assert "全年制发行政规范性文件2件、废止1件，年末现行有效9件。" in proactive
    assert "截至2026年11月5日，尚有2条信息已过公开期限仍未公开。" in proactive
    on_request = lines[3]
    assert on_request == (
        "全年新收政府信息公开申请3件（自然人2件、法人或其他组织1件），上年结转0件；本年办结2件，"
        "其中予以公开1件、部分公开1件；结转下年度继续办理1件。其中1件超过法定期限答复。"
        "因政府信息公开被申请行政复议2件、被提起行政诉讼0件，具体情况见第四部分。"
    )
    assert "全年公开的6条信息中，1条登记了保密审查，1条编制了索引号；5条尚未登记保密审查记录。" in lines[5]
    assert lines[7].startswith("以政府网站为主要公开平台，全年通过政府网站公开信息6条，同时通过")


def test_problems_come_from_the_register() -> None:
    problems = draft_prose(facts()).problems.splitlines()
    assert problems[0] == "（一）存在的主要问题"
    assert problems[1].startswith("一是2条信息逾期公开，分布在“决策”、“结果”等环节；")
    assert "二是截至2026年11月5日仍有2条信息已过期限未公开" in problems[1]
    assert "1件政府信息公开申请超过法定期限答复" in problems[1]
    assert "行政复议、行政诉讼中被纠正1件" in problems[1]
    assert problems[2] == "（二）改进情况"
    assert "严格执行《条例》第三十三条的答复期限" in problems[3]


def test_one_late_publication_is_not_called_all() -> None:
    # Only H (决策) late: "均属"/"都在" (all of them) would be wrong of a single one.
    records = [r for key, r in RECORDS.items() if key != "B"]
    one_late = compute_report(replace(annual_input(), records=records))
    even = draft_prose(facts(publications=one_late)).problems.splitlines()[1]
    assert even.startswith("一是1条信息逾期公开，属“决策”；")
    odd = draft_prose(facts(year=2027, publications=one_late)).problems.splitlines()[1]
    assert "本年有1条信息晚于期限发布，在“决策”环节" in odd


def test_a_clean_year_asks_the_officer_for_the_problems() -> None:
    clean = replace(
        compute_report(replace(annual_input(), records=[RECORDS["A"], RECORDS["I"]])), coverage=()
    )
    prose = draft_prose(facts(publications=clean, table3=Table3.zero(), late_replies=0, section4=Section4()))
    assert "本年未出现逾期公开、渠道缺失或超期答复的情况。【请补充：本年工作中发现的不足】" in prose.problems
    assert "2026年未收到政府信息公开申请，也没有上年结转的申请。" in prose.overview
    assert "全年未发生因政府信息公开引起的行政复议、行政诉讼。" in prose.overview
    assert len(prose.placeholders()) == 6


def test_other_matters_report_the_information_fee() -> None:
    assert draft_prose(facts(info_fee_yuan=Decimal("300.50"))).other == (
        "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），2026年周村区科技局共收取信息处理费300.5元。"
    )
    assert draft_prose(facts()).other.endswith("2026年周村区科技局未收取信息处理费。")


def test_two_different_years_do_not_read_alike() -> None:
    this_year = draft_prose(facts())
    smaller = compute_report(replace(annual_input(), records=[RECORDS["A"], RECORDS["B"], RECORDS["E"]]))
    last_year = draft_prose(
        facts(
            year=2025,
            publications=smaller,
            section2=Section2(normative_documents=DocumentCounts(0, 0, 8)),
            table3=Table3.zero(),
            late_replies=0,
            section4=Section4(),
            info_fee_yuan=Decimal(0),
        )
    )
    for result in compare_reports(this_year.sections(), last_year.sections()):
        if result.section != "六、其他需要报告的事项":  # one sentence, a fixed legal formula
            assert not result.too_similar, result.message


def test_last_year_is_compared_when_known() -> None:
    last = compute_report(replace(annual_input(), records=[RECORDS["A"], RECORDS["B"]]))
    prose = draft_prose(facts(last_year_publications=last))
    assert "主动公开政府信息6条，较上年（2条）增加4条。" in prose.overview
    assert "与上年相比，逾期公开由1条增加到2条。" in prose.problems


def test_the_same_figures_in_consecutive_years_are_worded_differently() -> None:
    # An assessor ignores the numbers when looking for 雷同: the wording itself must change.
    this_year, last_year = draft_prose(facts()), draft_prose(facts(year=2025))
    results = compare_reports(this_year.sections(), last_year.sections())
    assert [r.section for r in results] == [
        "一、总体情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [r.too_similar for r in results] == [False, False, False], [r.message for r in results]


def test_a_single_problem_is_not_numbered() -> None:
    only_silent_items = compute_report(replace(annual_input(), records=[RECORDS["A"], RECORDS["I"]]))
    prose = draft_prose(
        facts(publications=only_silent_items, table3=Table3.zero(), late_replies=0, section4=Section4())
    )
    assert prose.problems.splitlines()[1] == "基本目录中有3个事项本年没有公开记录。"
