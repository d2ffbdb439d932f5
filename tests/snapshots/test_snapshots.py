"""Every screen, Chinese text included, at 80×24 and at 120×40 (pytest-textual-snapshot).

The scenes are the ones ``make screenshots`` uses, run on the real app with a fixed
date. Update the baselines with ``pytest tests/snapshots --snapshot-update`` after
checking the SVGs by eye.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from baokao import i18n
from baokao.tui import screenshots as shots

SCENES: dict[str, shots.Scene] = {
    "start": shots.scene_start,
    "levels": shots.scene_levels,
    "question": shots.scene_question,
    "qualified": shots.scene_qualified,
    "not_qualified": shots.scene_not_qualified,
    "all_levels": shots.scene_all_levels,
    "answers": shots.scene_answers,
    "change": shots.scene_change,
    "save": shots.scene_save,
    "history": shots.scene_history,
    "candidate": shots.scene_candidate,
    "quit": shots.scene_quit,
}
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}

Compare = Callable[..., bool]


@pytest.fixture(autouse=True)
def chinese_after() -> Iterator[None]:
    yield
    i18n.set_lang("zh")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_screen(snap_compare: Compare, scene: str, size: str) -> None:
    assert snap_compare(shots.make_app(), terminal_size=SIZES[size], run_before=SCENES[scene])


def test_too_small_notice(snap_compare: Compare) -> None:
    assert snap_compare(shots.make_app(), terminal_size=(60, 20), run_before=shots.scene_too_small)


@pytest.mark.parametrize("scene", ["start", "not_qualified", "history"])
def test_english(snap_compare: Compare, scene: str) -> None:
    app = shots.make_app(lang="en")
    assert snap_compare(app, terminal_size=(80, 24), run_before=SCENES[scene])
