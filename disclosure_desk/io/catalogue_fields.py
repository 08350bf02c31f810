"""Reading single cells of a catalogue table: clean text, channels (公开渠道和载体), audience and mode.

Shared by every importer, so a cell means the same thing whether it came from text, Word or Excel.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from disclosure_desk.domain.catalogue import (
    AUDIENCE_PUBLIC,
    AUDIENCE_SPECIFIC,
    CHANNELS,
    MODE_ON_REQUEST,
    MODE_PROACTIVE,
)

# Word's flattened text keeps bookmark anchors as "[bookmark: _Hlk…]"; they are never content.
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_BLANKS = re.compile("[ \t\u3000\u00a0\u2002\u2003\u2009]+")
# A line ending like this closes a sentence or list entry, so the break after it is real.
_LINE_END = tuple("；;。！!？?：:")
# A line starting like this begins a new entry (a cited document, a numbered point).
_LINE_START = re.compile(
    r"^(《|[■□☑☐☒√✓✔•·]|\d+[、.．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])"
)

TICKED_MARKS = "■☑☒√✓✔●▣"
UNTICKED_MARKS = "□☐○"
_BOX_SPLIT = re.compile(f"([{TICKED_MARKS}{UNTICKED_MARKS}])([^{TICKED_MARKS}{UNTICKED_MARKS}]*)")
_YES_WORDS = frozenset({"是", "有", "Y", "YES"})


def strip_noise(text: str) -> str:
    """Remove bookmark markers and invisible characters; unify line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return _INVISIBLE.sub("", _BOOKMARK.sub("", text))


def _join(previous: str, line: str) -> str:
    if previous.endswith(_LINE_END) or _LINE_START.match(line):
        return "\n"
    a, b = previous[-1], line[0]
    if a.isascii() and a.isalnum() and b.isascii() and b.isalnum():
        return " "
    # A word broken over two paragraphs of a narrow cell ("政策\n法规"): Chinese joins without a space.
    return ""


def clean_cell(text: str) -> str:
    """Cell text as stored: noise removed, blank lines dropped, broken words joined.

    Idempotent, so re-importing an exported catalogue gives the same text.
    """
    lines = [_BLANKS.sub(" ", line).strip() for line in strip_noise(text).split("\n")]
    result = ""
    for line in lines:
        if line:
            result = result + _join(result, line) + line if result else line
    return result


def header_key(text: str) -> str:
    """A header cell reduced for matching: no whitespace at all, width-folded (（）→()), upper case."""
    folded = unicodedata.normalize("NFKC", clean_cell(text))
    return re.sub(r"\s+", "", folded).strip("*★※").upper()


def header_label(text: str) -> str:
    """A header as shown to the user (and used as the key of an extra column)."""
    return re.sub(r"\s+", "", clean_cell(text))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).upper()


# Words people write for the 13 channels. Longer ones win, so 新闻发布会 is not read as 发布会 + 新闻.
_CHANNEL_ALIASES: dict[str, tuple[str, ...]] = {
    "政府网站": ("政府网站", "政府门户网站", "门户网站", "政务网站", "部门网站", "官方网站", "网站", "官网"),
    "政府公报": ("政府公报", "公报"),
    "两微一端": (
        "两微一端",
        "政务新媒体",
        "新媒体",
        "政务微信",
        "政务微博",
        "微信公众号",
        "公众号",
        "微信",
        "微博",
        "客户端",
        "政务APP",
        "APP",
    ),
    "发布会": ("发布会", "新闻发布会", "新闻发布"),
    "广播电视": ("广播电视", "广播", "电视", "电台", "电视台"),
    "纸质媒体": ("纸质媒体", "报刊", "报纸", "杂志", "纸媒", "报刊杂志"),
    "公开查阅点": (
        "公开查阅点",
        "查阅点",
        "政府信息查阅点",
        "信息公开查阅点",
        "政府信息公开查阅点",
        "查阅场所",
    ),
    "政务服务中心": ("政务服务中心", "政务大厅", "政务服务大厅", "行政服务中心"),
    "便民服务站": ("便民服务站", "便民服务中心", "便民服务点"),
    "入户/现场": ("入户/现场", "入户", "现场", "入户现场"),
    "社区/企事业单位/村公示栏（电子屏）": (
        "社区/企事业单位/村公示栏（电子屏）",
        "社区/企事业单位/村公示栏",
        "公示栏（电子屏）",
        "公示栏",
        "电子屏",
        "公告栏",
        "宣传栏",
        "村公示栏",
        "社区公示栏",
        "村务公开栏",
        "公开栏",
    ),
    "精准推送": ("精准推送", "推送", "短信"),
    "其他": ("其他", "其它"),
}
_ALIAS_TO_CHANNEL: dict[str, str] = {
    _fold(alias): channel for channel, aliases in _CHANNEL_ALIASES.items() for alias in aliases
}
_LONGEST_ALIAS = max(len(a) for a in _ALIAS_TO_CHANNEL)
# "/" is a separator too, but two channel names contain it, so it only splits between words.
_SEPARATORS = frozenset("、，,；;。|\n\t 　")


def _alias_at(folded: str, start: int) -> tuple[str, int] | None:
    for length in range(min(_LONGEST_ALIAS, len(folded) - start), 0, -1):
        channel = _ALIAS_TO_CHANNEL.get(folded[start : start + length])
        if channel is not None:
            return channel, length
    return None


def _channel_words(text: str) -> list[str]:
    """Split plain channel text into channel names (canonical) and unknown words (verbatim)."""
    # NFKC only changes characters one for one here except rare ligatures; compare per position safely.
    chars = [_fold(c) if len(_fold(c)) == 1 else c for c in text]
    folded = "".join(chars)
    words: list[str] = []
    i = 0
    while i < len(text):
        if text[i] in _SEPARATORS or text[i] in "/／":
            i += 1
            continue
        known = _alias_at(folded, i)
        if known is not None:
            words.append(known[0])
            i += known[1]
            continue
        end = i + 1
        while end < len(text) and text[end] not in _SEPARATORS:
            if text[end] in "/／" and _alias_at(folded, end + 1) is not None:
                break
            end += 1
        words.append(text[i:end].strip("/／"))
        i = end
    return [w for w in words if w]


def order_channels(words: Iterable[str]) -> tuple[str, ...]:
    unique = list(dict.fromkeys(words))
    known = [c for c in CHANNELS if c in unique]
    return (*known, *(w for w in unique if w not in CHANNELS))


def _ticked_labels(text: str) -> list[str] | None:
    """Labels after ticked boxes ("■政府网站 □政府公报" → ["政府网站"]); None when the text has no boxes."""
    parts = _BOX_SPLIT.findall(text)
    if not parts:
        return None
    return [label for mark, label in parts if mark in TICKED_MARKS and label.strip()]


def parse_channels(text: str) -> tuple[str, ...]:
    """Ticked boxes or plain words → channel names in CHANNELS order, then unknown words as written."""
    text = strip_noise(text)
    labels = _ticked_labels(text)
    words: list[str] = []
    for label in [text] if labels is None else labels:
        words += _channel_words(label)
    return order_channels(words)


def channel_name(header: str) -> str | None:
    """The channel a sub-column header names (a table with one √ column per channel), if any."""
    return _ALIAS_TO_CHANNEL.get(header_key(header))


def is_ticked(text: str, own_word: str = "") -> bool:
    """Whether a mark cell (under 全社会, 主动, a channel …) says yes."""
    value = header_key(text)
    if not value:
        return False
    if any(mark in value for mark in TICKED_MARKS):
        return True
    return value in _YES_WORDS or (bool(own_word) and value == header_key(own_word))


_AUDIENCE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (AUDIENCE_PUBLIC, ("全社会", "社会公众")),
    (AUDIENCE_SPECIFIC, ("特定群众", "特定群体", "特定对象", "特定人群")),
)
_MODE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (MODE_PROACTIVE, ("主动公开", "主动")),
    (MODE_ON_REQUEST, ("依申请公开", "依申请")),
)


def _named_value(key: str, vocabulary: Sequence[tuple[str, tuple[str, ...]]]) -> str | None:
    # Exact words only: a header such as "主动公开时间" is a column of its own, not a 主动 mark column.
    return next((value for value, words in vocabulary if key in {_fold(w) for w in words}), None)


def audience_name(header: str) -> str | None:
    """全社会 / 特定群众 when a (sub-)header names one of them."""
    return _named_value(header_key(header), _AUDIENCE_WORDS)


def mode_name(header: str) -> str | None:
    """主动 / 依申请公开 when a (sub-)header names one of them."""
    return _named_value(header_key(header), _MODE_WORDS)


def _pick(text: str, vocabulary: Sequence[tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
    labels = _ticked_labels(strip_noise(text))
    scope = [_fold(text)] if labels is None else [_fold(label) for label in labels]
    return tuple(value for value, words in vocabulary if any(_fold(w) in s for s in scope for w in words))


def parse_audience(text: str) -> tuple[str, ...]:
    """A single 公开对象 cell with words ("全社会", "■全社会 □特定群众") → audience values."""
    return _pick(text, _AUDIENCE_WORDS)


def parse_mode(text: str) -> tuple[str, ...]:
    """A single 公开方式 cell with words ("主动公开", "依申请公开") → mode values."""
    return _pick(text, _MODE_WORDS)
