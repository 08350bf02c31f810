"""The 依申请公开 vocabulary against table 三 of 国办公开办函〔2021〕30号."""

from __future__ import annotations

import pytest

from disclosure_desk.domain.applications import (
    APPLICANT_TYPES,
    REPLY_RESULTS,
    RESULT_FEE_UNPAID,
    RESULT_NO_CORRECTION,
    ApplicantType,
    ApplicationStatus,
    EventKind,
    ReceiptChannel,
    ResultCategory,
    applicant_type,
    event_kind,
    receipt_channel,
    reply_result,
    results_in,
)
from disclosure_desk.domain.errors import ValidationError


def test_applicant_types_are_table_three_columns_in_order() -> None:
    assert [t.value for t in APPLICANT_TYPES] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert ApplicantType.NATURAL_PERSON.label == "自然人"
    assert ApplicantType.OTHER_ORGANIZATION.label == "法人或其他组织·其他"


def test_applicant_type_reads_its_word_or_full_label() -> None:
    assert applicant_type(" 科研机构 ") is ApplicantType.RESEARCH_INSTITUTION
    assert applicant_type("法人或其他组织·其他") is ApplicantType.OTHER_ORGANIZATION
    with pytest.raises(ValidationError, match="申请人类型“公司”无法识别"):
        applicant_type("公司")


def test_reply_results_are_table_three_rows_in_order() -> None:
    codes = [r.code for r in REPLY_RESULTS]
    assert codes == (
        ["予以公开", "部分公开"]
        + [f"不予公开-{n}" for n in range(1, 9)]
        + [f"无法提供-{n}" for n in range(1, 4)]
        + [f"不予处理-{n}" for n in range(1, 6)]
        + [f"其他处理-{n}" for n in range(1, 4)]
    )
    assert len(set(codes)) == 21
    assert [len(results_in(c)) for c in ResultCategory] == [1, 1, 8, 3, 5, 3]


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("予以公开", "予以公开"),
        ("部分公开", "部分公开"),
        ("不予公开-1", "不予公开·属于国家秘密"),
        ("不予公开-3", "不予公开·危及“三安全一稳定”"),
        ("不予公开-4", "不予公开·保护第三方合法权益"),
        ("不予公开-8", "不予公开·属于行政查询事项"),
        ("无法提供-1", "无法提供·本机关不掌握相关政府信息"),
        ("无法提供-3", "无法提供·补正后申请内容仍不明确"),
        ("不予处理-5", "不予处理·要求行政机关确认或重新出具已获取信息"),
        ("其他处理-1", "其他处理·申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("其他处理-2", "其他处理·申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("其他处理-3", "其他处理·其他"),
    ],
)
def test_reply_result_codes_and_labels(code: str, label: str) -> None:
    result = reply_result(code)
    assert result.code == code
    assert result.label == label
    assert reply_result(label) is result


def test_reply_result_accepts_common_spellings() -> None:
    assert reply_result("不予公开4").code == "不予公开-4"
    assert reply_result("不予公开－４").code == "不予公开-4"
    assert reply_result(" 无法提供—1 ").code == "无法提供-1"
    assert RESULT_NO_CORRECTION.code == "其他处理-1"
    assert RESULT_FEE_UNPAID.code == "其他处理-2"
    assert reply_result("部分公开").is_disclosure
    assert not reply_result("不予处理-2").is_disclosure


@pytest.mark.parametrize("text", ["不予公开", "不予公开-9", "无法提供-0", "同意", "", "予以公开-1"])
def test_unknown_results_get_a_chinese_message(text: str) -> None:
    with pytest.raises(ValidationError, match="办理结果"):
        reply_result(text)


def test_numbered_category_without_number_says_which_numbers() -> None:
    with pytest.raises(ValidationError, match="须带编号 1–8"):
        reply_result("不予公开")


def test_channels_events_and_statuses() -> None:
    assert [c.value for c in ReceiptChannel] == ["当面", "邮寄", "网络", "传真", "其他"]
    assert "签收之日" in ReceiptChannel.POST.receipt_rule
    assert receipt_channel("传真") is ReceiptChannel.FAX
    with pytest.raises(ValidationError, match="提交方式"):
        receipt_channel("快递")
    assert event_kind("extended") is EventKind.EXTENDED
    assert event_kind("告知补正") is EventKind.CORRECTION_REQUESTED
    with pytest.raises(ValidationError, match="事件类型"):
        event_kind("replied")
    assert [s.value for s in ApplicationStatus] == [
        "open",
        "due_soon",
        "overdue",
        "replied_on_time",
        "replied_late",
        "withdrawn",
    ]
    assert ApplicationStatus.OVERDUE.label == "逾期未答复"
    assert ApplicationStatus.DUE_SOON.is_open and not ApplicationStatus.WITHDRAWN.is_open
