"""The question screen is built once, ahead, and kept: it still looks as the app says.

It is built behind the level picker and not restyled when it is shown if the app's
styles did not change since (:class:`~baokao.tui.screens.question.QuestionScreen`); a
theme changed meanwhile must still reach it.
"""

from __future__ import annotations

from textual.color import Color
from textual.widgets import Input

from baokao.tui.app import BaokaoApp
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screenshots import choose, search


def _looks(screen: QuestionScreen) -> tuple[Color, ...]:
    """Some colours of the screen as it is styled now."""
    top, text, side = (screen.query_one(f"#q-{name}") for name in ("top", "text", "side"))
    return (
        screen.styles.background,
        top.styles.background,
        text.styles.color,
        side.styles.border_left[1],
    )


def _restyled(screen: QuestionScreen) -> tuple[Color, ...]:
    """The same colours once the whole screen is styled afresh."""
    screen.update_node_styles(animate=False)
    return _looks(screen)


async def test_a_theme_changed_between_interviews_reaches_the_kept_question_screen(
    app: BaokaoApp,
) -> None:
    async with app.run_test() as pilot:
        await choose(pilot, "mrs", "4")
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        before = _looks(screen)
        assert before == _restyled(screen)
        await pilot.press("escape")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        app.screen.query_one(Input).value = ""
        await choose(pilot, "mrs", "4")
        assert app.screen is screen  # the same screen, kept
        shown = _looks(screen)
        assert shown != before
        assert shown == _restyled(screen)


async def test_a_theme_changed_while_the_level_picker_is_read_reaches_the_question(
    app: BaokaoApp,
) -> None:
    async with app.run_test() as pilot:
        await search(pilot, "mrs")
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the interviews prepared, the screen built
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        shown = _looks(screen)
        assert shown == _restyled(screen)
        app.theme = "textual-dark"
        await pilot.pause()
        assert _looks(screen) != shown  # the light theme was shown, not the dark one
