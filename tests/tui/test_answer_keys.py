"""Which key answers which choice: certificate questions are keyed by level."""

from __future__ import annotations

from baokao.model.facts import ANY_CERT_CHOICES, FACT_BY_ID, LEVEL_CHOICES
from baokao.tui.widgets.answer_form import certificate_keys


def test_this_occupations_levels_take_their_own_digit_and_none_is_zero() -> None:
    assert certificate_keys(LEVEL_CHOICES) == [
        "0",
        "5",
        "4",
        "3",
        "2",
        "1",
    ]


def test_the_combined_question_gives_related_levels_letters() -> None:
    keys = certificate_keys(ANY_CERT_CHOICES)
    assert keys == ["0", "5", "4", "3", "2", "1", "a", "b", "c", "d", "e"]


def test_other_choices_are_numbered_in_order() -> None:
    assert certificate_keys(FACT_BY_ID["status"].choices) is None
