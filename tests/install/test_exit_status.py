"""The ``baokao`` command's exit status when the UI ends: 0 when the user quits, non-zero
when the app crashes at start (so that a script, a kiosk's supervisor or CI notices)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.install.terminal import Terminal

CRASH_AT_START = """
import sys
from baokao.tui.screens.start import StartScreen

def compose(self):
    raise RuntimeError("broken at start")
    yield

StartScreen.compose = compose
from baokao.cli import main
sys.exit(main([]))
"""


def test_a_crash_at_start_exits_non_zero(tmp_path: Path) -> None:
    terminal = Terminal([sys.executable, "-c", CRASH_AT_START], cwd=tmp_path, env=dict(os.environ))
    code = terminal.wait(timeout=60)
    assert code != 0
    assert "broken at start" in terminal.output.decode(errors="replace")


def test_quitting_exits_zero(tmp_path: Path) -> None:
    quit_at_once = "import sys; from baokao.cli import main; sys.exit(main([]))"
    terminal = Terminal([sys.executable, "-c", quit_at_once], cwd=tmp_path, env=dict(os.environ))
    assert terminal.read_until("mrs", timeout=60)
    terminal.type("\x11")
    assert terminal.wait(timeout=30) == 0
