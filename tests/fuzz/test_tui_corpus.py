"""The rule-file corpus through a headless TUI start: an error screen, never a crash.

Each broken folder of ``tests/fuzz/rules`` is shown on an error screen naming the file
(and the place in it); Esc closes it and the app is still running. A level that cannot
be compiled is shown the same way, and the search is kept to pick another.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from baokao.tui import ahead as ahead_module
from baokao.tui.app import BaokaoApp
from baokao.tui.screens.error import ErrorScreen
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.start import StartScreen
from baokao.tui.screenshots import choose

CORPUS = Path(__file__).parent / "rules"
BROKEN = sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name != "fine")


def shown(app: BaokaoApp) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


@pytest.mark.parametrize("folder", BROKEN, ids=lambda p: p.name)
async def test_a_broken_rule_folder_shows_an_error_screen(folder: Path) -> None:
    """At start (a file that cannot be listed) or when its occupation is picked."""
    want = (folder / "expected.txt").read_text(encoding="utf-8").strip()
    app = BaokaoApp(trees=folder)
    seen: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(app.screen, ErrorScreen):
            seen.append(shown(app))
            await pilot.press("escape")
            await pilot.pause()
        if not any(want in text for text in seen):
            await choose(pilot, "测试师", "4")  # picking it reads the occupation's file
            assert isinstance(app.screen, ErrorScreen)
            seen.append(shown(app))
            await pilot.press("escape")
            await pilot.pause()
        assert any(want in text and str(folder) in text for text in seen), seen
        assert isinstance(app.screen, StartScreen) and app.is_running
    assert app.return_code in (None, 0)


async def test_the_well_formed_control_starts_its_interview() -> None:
    app = BaokaoApp(trees=CORPUS / "fine")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await app.rules_loaded()
        await choose(pilot, "测试师", "4")
        assert isinstance(app.screen, QuestionScreen)


async def test_a_level_that_cannot_be_compiled_shows_an_error_and_the_app_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object) -> object:
        raise IndexError("list index out of range")

    monkeypatch.setattr(ahead_module, "started", broken)
    app = BaokaoApp(trees=CORPUS / "fine")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await app.rules_loaded()
        await choose(pilot, "测试师", "4")
        assert isinstance(app.screen, ErrorScreen)
        text = shown(app)
        assert "无法准备“测试师 · 四级/中级”的问题" in text
        assert f"{CORPUS / 'fine' / '测试师.yaml'}: IndexError: list index out of range" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.is_running
        assert app.screen.query_one(Input).value == "测试师"  # the search is kept
    assert app.return_code in (None, 0)
