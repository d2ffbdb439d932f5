"""At 80×24, no line of any screen starts with closing punctuation (避头尾)."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widget import Widget

from baokao.linebreak import NO_START
from baokao.tui import screenshots as shots

SCENES = {
    "question": shots.scene_question,
    "qualified": shots.scene_qualified,
    "not_qualified": shots.scene_not_qualified,
    "all_levels": shots.scene_all_levels,
}


def drawn_lines(widget: Widget) -> list[str]:
    width, height = widget.size
    return [strip.text.strip(" │▊▎") for strip in widget.render_lines(Region(0, 0, width, height))]


@pytest.mark.parametrize("scene", SCENES)
async def test_no_line_starts_with_closing_punctuation(scene: str) -> None:
    app = shots.make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await SCENES[scene](pilot)
        await pilot.pause()
        lines = [line for w in app.screen.query("*") if w.size.area for line in drawn_lines(w)]
        assert any("条" in line for line in lines)  # the screen's text was read
        bad = [line for line in lines if line and line[0] in NO_START]
        assert not bad, bad
