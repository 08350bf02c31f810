"""What a catalogue table's header cells mean: columns are found by meaning, never by position."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, auto

from disclosure_desk.io.catalogue_fields import audience_name, channel_name, header_key, mode_name


class Role(Enum):
    NUMBER = auto()
    PROCESS = auto()
    LEVEL = auto()  # 一级/二级/三级… 目录; `level` says which
    GROUP = auto()  # "公开事项" over 一级/二级, or alone
    CONTENT = auto()
    BASIS = auto()
    TIME_LIMIT = auto()
    DISPLAY_PERIOD = auto()  # 公开时长: how long information stays up, not when it must go out
    PUBLISHER = auto()
    CHANNELS = auto()
    AUDIENCE = auto()
    MODE = auto()
    CHANNEL_FLAG = auto()  # one √ column per channel, `value` names it
    AUDIENCE_FLAG = auto()  # 全社会 / 特定群众 √ columns
    MODE_FLAG = auto()  # 主动 / 依申请公开 √ columns
    EXTRA = auto()


@dataclass(frozen=True)
class Meaning:
    role: Role
    level: int = 0
    value: str = ""


_WORDS: dict[Role, tuple[str, ...]] = {
    Role.NUMBER: ("序号", "编号", "序"),
    Role.PROCESS: ("过程", "公开过程"),
    Role.GROUP: ("公开事项", "事项", "公开目录"),
    Role.CONTENT: (
        "公开内容（要素）",
        "公开内容",
        "内容",
        "公开内容要素",
        "公开要素",
        "主要内容",
        "信息内容",
    ),
    Role.BASIS: ("公开依据", "依据", "政策依据", "法律依据"),
    Role.TIME_LIMIT: ("公开时限", "公开时间", "时限", "公开期限", "时限要求"),
    Role.DISPLAY_PERIOD: ("公开时长", "公示时长", "公示期", "公示期限", "公示时间", "保留时长", "展示时长"),
    Role.PUBLISHER: ("公开主体", "责任主体", "公开单位", "责任单位", "公开责任主体", "主体"),
    Role.CHANNELS: (
        "公开渠道和载体",
        "公开渠道",
        "公开载体",
        "公开渠道及载体",
        "公开渠道与载体",
        "渠道",
        "载体",
    ),
    Role.AUDIENCE: ("公开对象", "公开范围", "对象"),
    Role.MODE: ("公开方式", "方式"),
}
_LOOKUP: dict[str, Role] = {header_key(word): role for role, words in _WORDS.items() for word in words}
_LEVEL_NUMERALS = "一二三四五六七八九十"
_LEVEL = re.compile(rf"^([{_LEVEL_NUMERALS}]|\d)级(目录|事项|类别|分类)?$")
_LEVEL_ONE_WORDS = frozenset({header_key("事项类别")})
_BRACKETED = re.compile(r"\([^)]*\)")

# Roles a table has at most once; a second column with the same meaning is kept as an extra column.
UNIQUE_ROLES = frozenset(
    {
        Role.NUMBER,
        Role.PROCESS,
        Role.CONTENT,
        Role.BASIS,
        Role.TIME_LIMIT,
        Role.DISPLAY_PERIOD,
        Role.PUBLISHER,
        Role.CHANNELS,
        Role.AUDIENCE,
        Role.MODE,
    }
)


def _by_key(key: str) -> Meaning | None:
    role = _LOOKUP.get(key)
    if role is not None:
        return Meaning(role)
    if key in _LEVEL_ONE_WORDS:
        return Meaning(Role.LEVEL, level=1)
    match = _LEVEL.match(key)
    if match:
        numeral = match.group(1)
        return Meaning(
            Role.LEVEL, level=int(numeral) if numeral.isdigit() else _LEVEL_NUMERALS.index(numeral) + 1
        )
    return None


def classify(text: str, parent: Meaning | None = None) -> Meaning | None:
    """The meaning of a header cell (None when blank); `parent` is the header cell spanning it, if any."""
    key = header_key(text)
    if not key:
        return None
    if parent is not None and parent.role is Role.CHANNELS:
        channel = channel_name(text)
        if channel is not None:
            return Meaning(Role.CHANNEL_FLAG, value=channel)
    audience = audience_name(text)
    if audience is not None:
        return Meaning(Role.AUDIENCE_FLAG, value=audience)
    mode = mode_name(text)
    if mode is not None:
        return Meaning(Role.MODE_FLAG, value=mode)
    found = _by_key(key) or _by_key(_BRACKETED.sub("", key))
    return found or Meaning(Role.EXTRA)


def family(meaning: Meaning | None) -> str:
    """Which kind of sub-header a spanning header covers ("" when it covers nothing special)."""
    if meaning is None:
        return ""
    if meaning.role in (Role.GROUP, Role.LEVEL):
        return "hierarchy"
    if meaning.role in (Role.AUDIENCE, Role.AUDIENCE_FLAG):
        return "audience"
    if meaning.role in (Role.MODE, Role.MODE_FLAG):
        return "mode"
    if meaning.role in (Role.CHANNELS, Role.CHANNEL_FLAG):
        return "channels"
    return ""


def sub_family(text: str) -> str:
    """`family` of a cell in the second header row ("一级目录" → hierarchy, "全社会" → audience …)."""
    if channel_name(text) is not None:
        return "channels"
    return family(classify(text))


def is_header_row(texts: list[str]) -> bool:
    """A row is the table's header when it names at least 公开内容 and one of 公开时限 / 公开依据."""
    roles = {m.role for m in (classify(t) for t in texts) if m is not None}
    return Role.CONTENT in roles and bool(roles & {Role.TIME_LIMIT, Role.BASIS})
