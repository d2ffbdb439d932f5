"""Kinds of condition met by a choice the candidate makes: a driving licence, a title.

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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from baokao.i18n import N_, T_
from baokao.model.factspec import Answer, Choice, FactSpec
from baokao.model.licences import LICENCE_CLASSES, NAMES
from baokao.model.titles import (
    TITLE_FACTS,
    TITLE_YEARS_FACT,
    title_accepts,
    title_answers,
    title_fill,
)

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
    #: The answers a profile value stands for, per fact (a fact left out is unknown): one
    #: mapping per thing held (a licence; each title of a list). The condition is met when
    #: one of them meets it on every fact.
    answers: Callable[[Any], Sequence[Mapping[str, frozenset[str]]]]


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

EngagementAnswer = Literal["this_now", "related_now", "this_plan", "related_plan", "none"]
ENGAGEMENT = "engagement"
_ENGAGEMENT_FACT = FactSpec(
    ENGAGEMENT,
    "choice",
    N_("您现在是否从事（或打算从事）本职业或相关职业工作？"),
    N_(
        "“从事本职业或相关职业工作”（未写年限）要求现在正在从事；“拟从事”只要求打算从事，"
        "正在从事的也算。只写“本职业”的，相关职业不算。"
    ),
    (
        Choice("this_now", N_("正在从事本职业工作")),
        Choice("related_now", N_("正在从事相关职业工作")),
        Choice("this_plan", N_("打算从事本职业工作")),
        Choice("related_plan", N_("打算从事相关职业工作")),
        Choice("none", N_("都不是")),
    ),
    field=ENGAGEMENT,
)


def engagement_accepts(intent: bool, related_too: bool) -> tuple[EngagementAnswer, ...]:
    """The answers that meet 从事 (``intent`` False) or 拟从事 本职业 (或相关职业) 工作."""
    now: tuple[EngagementAnswer, ...] = (
        ("this_now", "related_now") if related_too else ("this_now",)
    )
    plan: tuple[EngagementAnswer, ...] = (
        ("this_plan", "related_plan") if related_too else ("this_plan",)
    )
    return now + plan if intent else now


def one_choice(fact: FactSpec, label: str, document: str) -> Held:
    """A held kind asked by one choice whose answer is the profile field as it is (a
    licence class); the condition's ``accepts`` lists the answers that meet it. The
    condition kind, the fact and the field share one name."""
    name = fact.id
    return Held(
        kind=name,
        field=name,
        label=label,
        document=document,
        facts=(fact,),
        accepts=lambda c: ((name, tuple(c.accepts)),),
        fill=lambda answers: answers.get(name),
        answers=lambda value: ({name: frozenset((value,))},),
    )


HELD_KINDS: tuple[Held, ...] = (
    one_choice(_LICENCE_FACT, N_("机动车驾驶证准驾车型"), N_("机动车驾驶证原件及复印件")),
    Held(
        kind="professional_title",
        field="professional_titles",
        label=N_("专业技术职称（任职资格）"),
        document=N_("职称证书（专业技术职务任职资格证书）原件及复印件"),
        facts=TITLE_FACTS,
        accepts=lambda c: title_accepts(c.level, c.fields, c.corresponding),
        fill=title_fill,
        answers=lambda value: tuple(map(title_answers, value)),
    ),
    one_choice(
        _ENGAGEMENT_FACT,
        N_("是否从事（拟从事）本职业或相关职业工作"),
        N_("从事本职业或相关职业工作的证明（或报考承诺）"),
    ),
)

#: Each kind of held condition, by its ``kind``.
HELD = {h.kind: h for h in HELD_KINDS}
#: Their facts, for the registry (:data:`baokao.model.facts.FACTS`), with the years after
#: a title (a threshold, :data:`baokao.model.quantities.QUANTITIES`) asked after it.
HELD_FACTS = (*(f for h in HELD_KINDS for f in h.facts), TITLE_YEARS_FACT)
