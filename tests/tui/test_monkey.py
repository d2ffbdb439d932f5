"""2,000 random keys (seeded) over every screen, without a single exception.

The keys are sent in bursts from each screen in turn (a scene brings the app there
first), so that every screen gets its share; the app must neither raise nor quit. A
burst is posted all at once, as a fast typist's keys queue up, and only then does the
test wait for the app to settle.
The working folder is a temporary one, since random keys may well save a slip into
a folder they typed.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events

from baokao.tui import screenshots as shots
from baokao.tui.app import BaokaoApp

NAMES = {".": "full_stop", "-": "minus", " ": "space"}

KEYS = [
    *"0123456789",
    *"anrsyq.-",
    "enter", "escape", "up", "down", "left", "right", "pageup", "pagedown",
    "home", "end", "tab", "shift+tab", "backspace", "delete", " ",
    "f2", "ctrl+n",
]  # fmt: skip
TOTAL = 2000
BURST = 25

STARTS: list[shots.Scene] = [
    shots.wait_ready,
    shots.scene_levels,
    shots.scene_question,
    shots.scene_qualified,
    shots.scene_not_qualified,
    shots.scene_all_levels,
    shots.scene_answers,
    shots.scene_change,
    shots.scene_save,
]


async def test_random_keys_never_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    rng = random.Random(20250301)
    per_start = TOTAL // len(STARTS)
    sent = 0
    seen: set[str] = set()
    for start in STARTS:
        app = BaokaoApp(today=shots.TODAY, slip_dir=tmp_path / "slips")
        async with app.run_test(size=(80, 24)) as pilot:
            await start(pilot)
            seen.add(type(app.screen).__name__)
            for _ in range(per_start // BURST):
                for key in (rng.choice(KEYS) for _ in range(BURST)):
                    char = key if len(key) == 1 else None
                    app.post_message(events.Key(NAMES.get(key, key), char))
                await pilot.pause()
                seen.add(type(app.screen).__name__)
                sent += BURST
                assert app.is_running
        assert app.return_code in (None, 0)
    assert sent >= TOTAL - BURST * len(STARTS)
    assert {
        "StartScreen",
        "LevelScreen",
        "QuestionScreen",
        "ResultScreen",
        "AllLevelsScreen",
        "AnswersScreen",
        "ChangeScreen",
        "SaveScreen",
    } <= seen
