"""The officer's settings, as a plain value.

Each setting is defined once, as a field of `Settings` (key = field name, type and default from the field);
the store reads and writes exactly these fields (`setting_types`), and `validated` checks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from disclosure_desk.domain.errors import ValidationError

_PHONE = re.compile(r"^[0-9０-９+＋()（）\-－ 、，,转/]*$")
_NAME_LIMIT = 50


@dataclass(frozen=True)
class Settings:
    bureau_name: str = "周村区科技局"
    # 统一社会信用代码, used as the prefix of generated index numbers (索引号)
    bureau_code: str = ""
    # working days allowed for "timely" (及时公开) items
    timely_days: int = 5
    # an open publication due within this many working days is "due soon"
    due_soon_days: int = 5
    # The monthly report's sign-off block (报送单位 is the bureau name): 填报人, 审核人, 联系电话.
    report_preparer: str = ""
    report_reviewer: str = ""
    contact_phone: str = ""

    def validated(self) -> Settings:
        if not self.bureau_name.strip():
            raise ValidationError("单位名称不能为空。", "bureau_name")
        if not 1 <= self.timely_days <= 60:
            raise ValidationError("“及时公开”的默认工作日数应在 1 到 60 之间。", "timely_days")
        if not 0 <= self.due_soon_days <= 60:
            from disclosure_desk.domain.status import Status, status_word

            soon = status_word(Status.DUE_SOON)
            raise ValidationError(f"“{soon}”提醒的工作日数应在 0 到 60 之间。", "due_soon_days")
        code = self.bureau_code.strip()
        if code and (len(code) != 18 or not code.isalnum()):
            raise ValidationError("统一社会信用代码应为 18 位数字或大写字母。", "bureau_code")
        for name, label in (("report_preparer", "填报人"), ("report_reviewer", "审核人")):
            if len(getattr(self, name).strip()) > _NAME_LIMIT:
                raise ValidationError(f"{label}不能超过 {_NAME_LIMIT} 个字。", name)
        phone = self.contact_phone.strip()
        if len(phone) > 40 or not _PHONE.match(phone):
            raise ValidationError(
                "联系电话只能包含数字、空格、+、-、括号和“转”，例如 0533-6181234。", "contact_phone"
            )
        return replace(
            self,
            bureau_name=self.bureau_name.strip(),
            bureau_code=code.upper(),
            report_preparer=self.report_preparer.strip(),
            report_reviewer=self.report_reviewer.strip(),
            contact_phone=phone,
        )


def setting_types() -> dict[str, type]:
    """Every setting's key and type (str or int), in field order: what the store keeps."""
    return {f.name: type(f.default) for f in fields(Settings)}
