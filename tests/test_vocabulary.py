"""One fact, one place: every status word is written in domain/status.py and nowhere else.

Views compose their texts from the vocabulary ("{0} 3 条".format(status_word(...))), so a word changed
there changes in the window, the tray, the command line and the Excel report at once. This test reads
every string literal of the package (docstrings aside) and fails where a word is written again.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import disclosure_desk
from disclosure_desk.domain import status

PACKAGE = Path(disclosure_desk.__file__).parent
OWNER = PACKAGE / "domain" / "status.py"

# Written nowhere else, not even inside a longer text.
WORDS = [*status.STATUS_WORDS.values(), status.NO_DUE_DATE_WORD, status.ON_TIME_RATE_WORD]
# Group words are everyday Chinese inside longer phrases ("从未公开", "仍未公开"): only a literal that is
# the word itself is a second definition.
GROUP_WORDS = list(status.GROUP_WORDS.values())


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _literals() -> Iterator[tuple[Path, int, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                yield path, node.lineno, node.value


LITERALS = list(_literals())


@pytest.mark.parametrize("word", WORDS)
def test_status_word_is_written_in_one_module_only(word: str) -> None:
    places = {path for path, _, text in LITERALS if word in text}
    assert places == {OWNER}, [
        f"{path.relative_to(PACKAGE)}:{line}: {text!r}" for path, line, text in LITERALS if word in text
    ]


@pytest.mark.parametrize("word", GROUP_WORDS)
def test_group_word_is_defined_in_one_module_only(word: str) -> None:
    places = {path for path, _, text in LITERALS if text.strip() == word}
    assert places == {OWNER}


def test_the_words_are_distinct() -> None:
    words = [*status.STATUS_WORDS.values(), *status.GROUP_WORDS.values()]
    assert len(set(words)) == len(words)
    assert status.NO_DUE_DATE_WORD in status.STATUS_WORDS[status.Status.PUBLISHED]
