"""The officer's settings, as a plain value."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    bureau_name: str = "周村区科技局"
    # 统一社会信用代码, used as the prefix of generated index numbers (索引号)
    bureau_code: str = ""
    # working days allowed for "timely" (及时公开) items
    timely_days: int = 5
    # an open publication due within this many working days is "due soon"
    due_soon_days: int = 5

    def validated(self) -> Settings:
        from disclosure_desk.domain.errors import ValidationError
        from disclosure_desk.domain.status import Status, status_word

        if not self.bureau_name.strip():
            raise ValidationError("单位名称不能为空。", "bureau_name")
        if not 1 <= self.timely_days <= 60:
            raise ValidationError("“及时公开”的默认工作日数应在 1 到 60 之间。", "timely_days")
        if not 0 <= self.due_soon_days <= 60:
            soon = status_word(Status.DUE_SOON)
            raise ValidationError(f"“{soon}”提醒的工作日数应在 0 到 60 之间。", "due_soon_days")
        code = self.bureau_code.strip()
        if code and (len(code) != 18 or not code.isalnum()):
            raise ValidationError("统一社会信用代码应为 18 位数字或大写字母。", "bureau_code")
        return Settings(self.bureau_name.strip(), code.upper(), self.timely_days, self.due_soon_days)
