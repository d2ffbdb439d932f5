"""Kinds of condition met by a choice the candidate makes: a driving licence class held.

A prerequisite such as "持有C1照以上机动车驾驶证" is a fact picked from a list, and the
condition names the answers that meet it (``accepts``), worked out by the importer from a
declared table (:mod:`baokao.model.licences` for a licence). Each such kind is declared
here once, as a :class:`Held`: the condition's ``kind``, the facts that ask it, the
profile field its answers fill, the answers that meet a condition, and the document that
proves it on the slip. The evaluator judges, the compiler asks, the interview fills the
profile and the roster reads a column through these declarations, so a new kind of the
same shape is a declaration here, its condition model and its grammar phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from baokao.i18n import N_, T_
from baokao.model.factspec import Answer, Choice, FactSpec
from baokao.model.licences import LICENCE_CLASSES, NAMES

#: For each fact of a condition, the answers that meet it.
Accepts = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Held:
    """A kind of condition met when each of its facts takes an accepted answer."""

    kind: str
    #: The profile contract field the answers fill.
    field: str
    #: The field's name in reports, slips and the roster's column header.
    label: str
    #: What proves it on the slip.
    document: str
    facts: tuple[FactSpec, ...]
    #: The answers that meet a condition of this kind, per fact.
    accepts: Callable[[Any], Accepts]
    #: The profile field's value from the interview's answers (``None``: not asked).
    fill: Callable[[Mapping[str, Answer]], object]
    #: The answers a profile value stands for, per fact (a fact left out is unknown).
    answers: Callable[[Any], Mapping[str, frozenset[str]]]


LICENCE = "driving_licence"
_CLASS = T_("{code} {name}", code=LICENCE_CLASSES)

_LICENCE_FACT = FactSpec(
    LICENCE,
    "choice",
    N_("您持有的机动车驾驶证，准驾车型是哪一类？"),
    N_(
        "按驾驶证上的准驾车型代号选；有多个代号（如 A2D）的，选汽车类的那一个。"
        "高类别驾驶证准予驾驶的车型按《机动车驾驶证申领和使用规定》认定，例如 A1、A2、A3、"
        "B1、B2 都可以驾驶 C1 小型汽车，所以都满足“C1照以上”。"
    ),
    (
        Choice("none", N_("没有机动车驾驶证")),
        *(Choice(c, _CLASS.format(code=c, name=NAMES[c])) for c in LICENCE_CLASSES),
    ),
    field=LICENCE,
)

HELD_KINDS: tuple[Held, ...] = (
    Held(
        kind=LICENCE,
        field=LICENCE,
        label=N_("机动车驾驶证准驾车型"),
        document=N_("机动车驾驶证原件及复印件"),
        facts=(_LICENCE_FACT,),
        accepts=lambda c: ((LICENCE, tuple(c.accepts)),),
        fill=lambda answers: answers.get(LICENCE),
        answers=lambda value: {LICENCE: frozenset((value,))},
    ),
)

#: Each kind of held condition, by its ``kind``.
HELD = {h.kind: h for h in HELD_KINDS}
#: Their facts, for the registry (:data:`baokao.model.facts.FACTS`).
HELD_FACTS = tuple(f for h in HELD_KINDS for f in h.facts)
