"""The core never imports textual or rich (checked in a fresh interpreter).

Model, importer, evaluator, compiler and the interview session must work without the UI
stack, so that ``check``, scripts and other programs stay light and the rules can be
trusted apart from the screen.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import baokao

CORE = ("model", "importer", "evaluator", "compiler", "roster")
SINGLE = (
    *("session", "treestore", "rulebook", "checking", "report", "lint", "slip", "i18n"),
    *("bundled", "inputs", "limits"),
)


def core_modules() -> list[str]:
    root = Path(baokao.__file__).parent
    found = []
    for package in CORE:
        assert (root / package / "__init__.py").exists(), f"core package {package} is missing"
        found.append(f"baokao.{package}")
        found += [
            m.name for m in pkgutil.walk_packages([str(root / package)], f"baokao.{package}.")
        ]
    found += [f"baokao.{name}" for name in SINGLE if (root / f"{name}.py").exists()]
    return found


def test_core_imports_neither_textual_nor_rich() -> None:
    modules = core_modules()
    assert "baokao.session" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
