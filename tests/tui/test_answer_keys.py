"""Which key answers which choice: 0 is none everywhere, certificates are keyed by level.

Pressing 0 for "none" once recorded a doctorate (on the school question 0 was the tenth
choice, 博士研究生). The keys come from one rule (``baokao.model.keys``) that typed
answers follow too.
"""

from __future__ import annotations

from baokao.model.answers import parse_answer
from baokao.model.facts import (
    ANY_CERT_CHOICES,
    FACT_BY_ID,
    FACTS,
    LEVEL_CHOICES,
    SCHOOL_CHOICES,
    Question,
)
from baokao.model.keys import choice_keys
from baokao.tui.widgets.answer_form import choice_keys as form_keys


def test_this_occupations_levels_take_their_own_digit_and_none_is_zero() -> None:
    assert choice_keys(LEVEL_CHOICES) == ["0", "5", "4", "3", "2", "1"]


def test_the_combined_question_gives_related_levels_letters() -> None:
    keys = choice_keys(ANY_CERT_CHOICES)
    assert keys == ["0", "5", "4", "3", "2", "1", "a", "b", "c", "d", "e"]


def test_on_the_school_question_zero_is_none_and_the_schools_are_one_to_nine() -> None:
    question = Question("school", "choice", "您的最高学历？", "", SCHOOL_CHOICES)
    keyed = {key: label for key, _, label in form_keys(question)}
    assert keyed["0"] == "以上都没有"
    assert keyed["1"] == "中等职业学校（中专、职高）" and keyed["9"] == "博士研究生"
    assert parse_answer(question, "0") == "none"
    assert parse_answer(question, "9") == "博士研究生"


def test_other_choices_are_numbered_in_order() -> None:
    assert (
        choice_keys(FACT_BY_ID["status"].choices)
        == ["1", "2", "3"][: len(FACT_BY_ID["status"].choices)]
    )


def test_every_none_of_every_question_takes_zero() -> None:
    for fact in FACTS:
        keys = choice_keys(fact.choices)
        nones = [k for k, c in zip(keys, fact.choices, strict=True) if c.value == "none"]
        assert nones in ([], ["0"]), fact.id
        assert len(set(keys)) == len(keys), fact.id  # one key, one choice
