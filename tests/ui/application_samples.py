"""Sample 依申请公开 register for looking at the tab under Xvfb (not run by pytest).

python tests/ui/application_samples.py /tmp/apps.sqlite3
look.sh shot.png 30 1366x768 -- python -m disclosure_desk --db /tmp/apps.sqlite3 --today 2026-12-01
"""

from __future__ import annotations

import sys

from disclosure_desk.cli import main

SAMPLES = [
    ("2026-09-28", "自然人", "当面", "张三", "周村区2026年度科技创新券发放名单", []),
    (
        "2026-11-02",
        "商业企业",
        "邮寄",
        "淄博某某科技有限公司",
        "2026年第三批科技专项资金分配结果及评审意见",
        [("correction-requested", "2026-11-04", "", ""), ("correction-received", "2026-11-16", "", "")],
    ),
    (
        "2026-11-02",
        "法律服务机构",
        "网络",
        "山东某某律师事务所",
        "某企业研发费用加计扣除备案材料",
        [("extended", "2026-11-20", "已于11月20日电话告知申请人", "王主任")],
    ),
    (
        "2026-11-02",
        "科研机构",
        "传真",
        "某某研究院",
        "区级重点实验室认定评审专家名单",
        [
            ("consultation-sent", "2026-11-09", "征求第三方意见", ""),
            ("consultation-answered", "2026-11-20", "", ""),
        ],
    ),
    ("2026-11-06", "自然人", "网络", "李四", "科技局2025年度“三公”经费决算明细", []),
    (
        "2026-11-16",
        "社会公益组织",
        "邮寄",
        "某公益协会",
        "科普基地认定结果",
        [("fee-noticed", "2026-11-18", "", "")],
    ),
]


def seed(db: str) -> None:
    base = ["--db", db, "--today", "2026-12-01", "application"]
    for number, (received, kind, via, name, content, events) in enumerate(SAMPLES, 1):
        main(
            [
                *base,
                "add",
                "--received",
                received,
                "--applicant-type",
                kind,
                "--via",
                via,
                "--applicant",
                name,
                "--content",
                content,
            ]
        )
        for event, day, note, who in events:
            main([*base, "event", str(number), event, day, "--note", note, "--approved-by", who])
    main([*base, "reply", "1", "--on", "2026-11-02", "--result", "部分公开"])


if __name__ == "__main__":
    seed(sys.argv[1])
