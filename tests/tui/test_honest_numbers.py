"""Numbers and keys the candidate can trust (issue 16): on the real app, with keys.

A shortfall is never shown as 0 (rounded up to the next month), years are shown as
given (5.999 is not 6, 0.0001 is not 0), and 0 answers "none" on every question.
"""

from __future__ import annotations

from baokao.tui.app import BaokaoApp
from baokao.tui.screens.question import QuestionScreen
from baokao.tui.screens.result import ResultScreen
from baokao.tui.screenshots import Candidate, run_candidate

from .helpers import screen_text


async def test_a_shortfall_of_a_thousandth_of_a_year_is_one_month(app: BaokaoApp) -> None:
    who = Candidate("mrs", "4", {"years_this": "5.999", "cert_this": "none", "school": "none"})
    async with app.run_test() as pilot:
        await run_candidate(pilot, who)
        assert isinstance(app.screen, ResultScreen)
        text = screen_text(app)
        assert "✘ 暂不符合报考条件" in text
        assert "还差 1 个月" in text and "还差 0 年" not in text
        assert "5.999 年" in text and "6 年" not in text.replace("6年", "")
        # Under a day short: the date is the next day (1 March 2025 is the app's today),
        # not a month on; only the wording of the shortfall rounds up.
        assert "预计 2025年3月2日 起满足年限要求" in text


async def test_a_tiny_number_of_years_is_not_shown_as_zero(app: BaokaoApp) -> None:
    who = Candidate("mrs", "4", {"years_this": "0.0001", "cert_this": "none", "school": "none"})
    async with app.run_test() as pilot:
        await run_candidate(pilot, who)
        text = screen_text(app)
        assert "0.0001 年" in text and " 0 年" not in text


async def test_zero_on_the_school_question_is_none(app: BaokaoApp) -> None:
    who = Candidate("mrs", "4", {"years_this": "3", "cert_this": "none"})
    async with app.run_test() as pilot:
        await run_candidate(pilot, who, stop_at="school")
        assert isinstance(app.screen, QuestionScreen)
        assert app.session is not None and app.session.question is not None
        assert app.session.question.id == "school"
        assert "0 = 没有" in screen_text(app)
        await pilot.press("0")
        await pilot.pause()
        assert dict(app.session.answers)["school"] == "none"
