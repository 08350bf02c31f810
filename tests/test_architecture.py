"""The layers of design.md, checked: each imports only layers below it, and no Qt below the UI."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "disclosure_desk"
ROOT = PACKAGE.parent

# layer → the project layers it may import (besides itself)
ALLOWED = {
    "domain": set(),
    "store": {"domain"},
    "io": {"domain", "store"},
    "ui": {"domain", "store", "io"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_each_layer_imports_only_layers_below_it() -> None:
    offences = []
    for layer, allowed in ALLOWED.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for name in _imports(path):
                parts = name.split(".")
                if parts[0] == "PySide6" and layer != "ui":
                    offences.append(f"{path.relative_to(ROOT)} imports {name}")
                if parts[0] != "disclosure_desk" or len(parts) < 2:
                    continue
                target = parts[1]
                if target in ALLOWED and target != layer and target not in allowed:
                    offences.append(f"{path.relative_to(ROOT)} imports {name}")
                if target in {"app", "cli", "bootstrap", "selftest"}:
                    offences.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offences == []


def test_importing_the_core_leaves_qt_out() -> None:
    code = (
        "import sys, pkgutil, importlib, disclosure_desk\n"
        "for layer in ('domain', 'store', 'io'):\n"
        "    pkg = importlib.import_module('disclosure_desk.' + layer)\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "print([m for m in sys.modules if m.startswith('PySide6')])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_every_subpackage_is_listed_for_installation() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py")}
    assert found - listed == set()
