"""Every key of the busiest screen fits on an 80-column terminal, in both languages.

The result screen has eight keys (save, print, answers, back, quit, next candidate,
candidate, history). On a narrow terminal the footer draws them close together and
leaves out the command palette's key (^p still opens it), so none is cut off.
"""

from __future__ import annotations

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from baokao import i18n
from baokao.tui.app import BaokaoApp
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import BEAUTY_SHORT, run_candidate


def _keys_on_show(app: BaokaoApp) -> dict[str, bool]:
    """Each key of the footer, and whether it is drawn whole inside the screen."""
    width = app.screen.size.width
    footer = app.screen.query_one(Footer)
    return {
        key.key_display or key.key: key.region.right <= width and key.region.width > 0
        for key in footer.query(FooterKey)
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_result_key_fits_in_80_columns(app: BaokaoApp, lang: i18n.Lang) -> None:
    i18n.set_lang(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_candidate(pilot, BEAUTY_SHORT)
        assert isinstance(app.screen, ResultScreen)
        await pilot.pause()
        shown = _keys_on_show(app)
        assert {"S", "P", "F2", "Esc", "F3", "F4"} <= set(shown)
        assert all(shown.values()), shown


async def test_a_wide_terminal_keeps_the_command_palette_key(app: BaokaoApp) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        await run_candidate(pilot, BEAUTY_SHORT)
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        assert footer.show_command_palette and not footer.compact
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not footer.show_command_palette and footer.compact
        assert all(_keys_on_show(app).values())
