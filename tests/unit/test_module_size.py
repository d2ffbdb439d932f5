"""No module of the package is over 400 lines (the guide's "small modules").

A module that grows past it has taken on a second job; the test names it, so the split
happens when the module grows, not in a later clean-up.
"""

from __future__ import annotations

from pathlib import Path

import baokao

LIMIT = 400


def test_no_module_is_over_the_limit() -> None:
    root = Path(baokao.__file__).parent
    sizes = {
        str(path.relative_to(root.parent)): len(path.read_text(encoding="utf-8").splitlines())
        for path in root.rglob("*.py")
    }
    assert sizes, "no module found"
    over = {name: n for name, n in sizes.items() if n > LIMIT}
    assert not over, f"modules over {LIMIT} lines: {over}"
