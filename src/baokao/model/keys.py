"""Which key answers which choice: one rule for the terminal UI and for typed answers.

``0`` is "none" on every question that has a none (没有, 以上都没有, 不是): a counsellor
who presses 0 for "none" must never record something else (on the school question 0
used to be 博士研究生, the tenth choice). Certificate questions are keyed by level, as
the level picker is: 4 is 四级, never "the fourth line"; on the question that asks for a
certificate of this or a related occupation, the related occupation's levels take the
letters a–e. Every other choice takes 1, 2, … in order (then letters, not Y or N).
"""

from __future__ import annotations

from collections.abc import Sequence

from baokao.model.facts import Choice

#: The value of the "none" choice, wherever a question has one.
NONE = "none"

#: The key of the "none" choice.
NONE_KEY = "0"

#: Keys for the other choices, in order: 1–9, then letters (Y and N mean yes and no).
ORDINAL_KEYS = (*"123456789", *"abcdefghijklmopqrstuvwxz")


def by_level(choices: Sequence[Choice]) -> bool:
    """Whether the choices name certificate levels (and are keyed by level)."""
    return any(c.level is not None for c in choices)


def choice_keys(choices: Sequence[Choice]) -> list[str]:
    """The key of each choice of a choice question (``""`` when the keys run out)."""
    if by_level(choices):
        letters = iter("abcde")
        return [
            NONE_KEY if c.level is None else next(letters) if c.related else str(c.level)
            for c in choices
        ]
    ordinal = iter(ORDINAL_KEYS)
    return [NONE_KEY if c.value == NONE else next(ordinal, "") for c in choices]
