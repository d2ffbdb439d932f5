"""The facts one interview may ask, with the answer branches its levels tell apart.

Built from the levels an interview decides (one level, or every level of a subject, so
that all-levels mode shares one set of questions). Years answers are split at the
thresholds the routes use — for a count of years, at its own thresholds and those of
every count it bounds or is bounded by (连续 ≤ 累计, years after a certificate ≤ years
worked), since those are the points where its answer can settle a condition. Choice
answers are grouped into classes that no condition tells apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from baokao.evaluator.domains import (
    Atom,
    CertAtom,
    Group,
    MaskAtom,
    Node,
    YearsAtom,
    answer_level,
    fact_spec,
    read_over_domains,
)
from baokao.model import conditions as cd
from baokao.model.answers import Answers, RouteRef
from baokao.model.answers import question as fact_question
from baokao.model.facts import (
    FACT_BY_ID,
    FACTS,
    FactSpec,
    Question,
    training_fact,
    training_id,
)
from baokao.model.named_work import after_fact, after_fact_id, named_fact, named_fact_id
from baokao.model.quantities import (
    AT_MOST,
    first_part,
)
from baokao.model.rules import Level

INF = float("inf")


@dataclass(frozen=True)
class CompiledRoute:
    """A route of a level, compiled (the route's conditions, all of which must hold)."""

    number: int
    node: Group


@dataclass
class _Builder:
    field_values: tuple[str, ...]
    combined: bool
    atoms: list[Atom] = field(default_factory=list)
    thresholds: dict[str, set[float]] = field(default_factory=dict)
    facts: set[str] = field(default_factory=set)
    uses: dict[str, list[RouteRef]] = field(default_factory=dict)
    trainings: dict[str, FactSpec] = field(default_factory=dict)
    named: dict[str, FactSpec] = field(default_factory=dict)
    cert_levels: dict[str, set[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalogue:
    """The facts of an interview, their branches, and every level's compiled routes."""

    levels: tuple[Level, ...]
    notes: tuple[str, ...]
    facts: tuple[FactSpec, ...]
    splits: dict[str, tuple[float, ...]]
    classes: dict[str, tuple[int, ...]]
    routes: tuple[tuple[CompiledRoute, ...], ...]
    uses: dict[str, tuple[RouteRef, ...]]

    @property
    def ids(self) -> tuple[str, ...]:
        """Fact ids in canonical order."""
        return tuple(f.id for f in self.facts)

    def spec(self, fact: str) -> FactSpec:
        """The spec of a fact of this catalogue."""
        for f in self.facts:
            if f.id == fact:
                return f
        raise KeyError(fact)

    def question(self, fact: str, answers: Answers) -> Question:
        """The question of ``fact`` as the candidate sees it after ``answers``, its help
        naming the conditions of these levels that use it."""
        return fact_question(self.spec(fact), self.uses.get(fact, ()), self.notes, answers)

    def intervals(self, var: str) -> tuple[tuple[float, float], ...]:
        """The answer branches of a count of years, ``[lo, hi)`` each."""
        return tuple(pairwise((0.0, *self.splits[var], INF)))


def _compile(c: cd.Condition, b: _Builder, ref: tuple[int, int]) -> Node:
    if isinstance(c, cd.AllOf | cd.AnyOf):
        kind = "all" if isinstance(c, cd.AllOf) else "any"
        return Group(kind, tuple(_compile(x, b, ref) for x in c.conditions))
    atom = read_over_domains(c, len(b.atoms), b.field_values, b.combined)
    _learn(c, atom, b)
    b.atoms.append(atom)
    text = getattr(c, "text", "")
    for f in atom.facts():
        b.facts.add(f)
        b.uses.setdefault(f, []).append(RouteRef(ref[0], ref[1], text))
    return atom


def _learn(c: cd.Leaf, a: Atom, b: _Builder) -> None:
    """What the catalogue learns from a condition's atom: the thresholds its counts of
    years split at, the levels of certificate it tells apart, the facts of its own."""
    if isinstance(a, YearsAtom):
        b.thresholds.setdefault(a.var, set()).add(a.need)
    elif isinstance(a, CertAtom) and isinstance(c, cd.Certificate):
        for k in a.certs:
            b.cert_levels.setdefault(f"cert_{k}", set()).add(c.level)
            if a.need is not None:
                b.thresholds.setdefault(a.after_var(k), set()).add(a.need)
            if a.need is not None and a.work is not None:
                b.named.setdefault(after_fact_id(a.work, k), after_fact(a.work, k))
    if isinstance(c, cd.NamedWork):
        b.named.setdefault(named_fact_id(c.work, c.mode), named_fact(c.work, c.mode))
    elif isinstance(c, cd.Training):
        fid = training_id(c.level, c.credential)
        b.trainings.setdefault(fid, training_fact(c.level, c.credential, c.title))


def _comparable(var: str, present: set[str]) -> set[str]:
    """Quantities above or below ``var`` in the order (transitively), among ``present``."""
    out = set()
    for up in (0, 1):
        todo, seen = [var], {var}
        while todo:
            v = todo.pop()
            for edge in AT_MOST:
                if edge[up] == v and edge[1 - up] not in seen:
                    seen.add(edge[1 - up])
                    todo.append(edge[1 - up])
        out |= seen
    return (out & present) - {var}


def _splits(b: _Builder, present: set[str]) -> dict[str, tuple[float, ...]]:
    splits = {}
    for var in present:
        cuts = set(b.thresholds.get(var, ()))
        for other in _comparable(var, present) - {first_part(var)}:
            cuts |= b.thresholds.get(other, set())
        splits[var] = tuple(sorted(c for c in cuts if c > 0))
    return splits


def _classes(b: _Builder, specs: Sequence[FactSpec]) -> dict[str, tuple[int, ...]]:
    """Group each choice fact's answers into the classes no condition tells apart."""
    out: dict[str, tuple[int, ...]] = {}
    for spec in specs:
        if spec.kind == "years":
            continue
        values = [c.value for c in spec.choices]
        if spec.id.endswith("_continuous") and spec.kind == "yesno":
            out[spec.id] = (0b01, 0b10)
            continue
        if spec.id in b.cert_levels:
            levels = sorted(b.cert_levels[spec.id])
            sig = {v: tuple(answer_level(v) <= n for n in levels) for v in values}
        else:
            masks = [
                ok for a in b.atoms if isinstance(a, MaskAtom) for f, ok in a.oks if f == spec.id
            ]
            sig = {v: tuple(bool(ok >> i & 1) for ok in masks) for i, v in enumerate(values)}
        groups: dict[tuple[bool, ...], int] = {}
        for i, v in enumerate(values):
            groups[sig[v]] = groups.get(sig[v], 0) | (1 << i)
        out[spec.id] = tuple(groups.values())
    return out


def condition_text(c: cd.Condition) -> str:
    """A condition's text as the source words it ("或" alternatives joined)."""
    if isinstance(c, cd.AllOf | cd.AnyOf):
        sep = "；或" if isinstance(c, cd.AnyOf) else "，"
        return sep.join(dict.fromkeys(condition_text(x) for x in c.conditions))
    return c.text


def _shared(levels: Sequence[Level]) -> tuple[tuple[str, ...], bool]:
    """What the questions of ``levels`` share: the discipline tags their education
    conditions name, and whether every certificate condition accepts this occupation or
    a related one. Then one question asks for the highest certificate of either (and
    which occupation it is of): asking about each separately could not change any outcome.
    """
    tags: dict[str, None] = {}
    scopes = set()
    for lv in levels:
        for r in lv.routes:
            for leaf in cd.leaves(r.conditions):
                if isinstance(leaf, cd.Education) and leaf.fields:
                    tags.update(dict.fromkeys(leaf.fields))
                elif isinstance(leaf, cd.Certificate):
                    scopes.add(leaf.scope)
    return tuple(tags), scopes == {"this_or_related"}


def build_catalogue(
    levels: Sequence[Level], notes: Sequence[str] = (), context: Sequence[Level] = ()
) -> Catalogue:
    """Compile ``levels`` into one catalogue of facts, branches and compiled routes.

    Args:
        levels: the levels one interview decides.
        notes: the occupation's 备注 (quoted in the help of questions on related work).
        context: the levels whose interviews share answers (every level of the subject,
            in all-levels mode), so that a question means the same in each of them:
            the same certificate question, the same list of discipline tags.
    """
    tags, combined = _shared(tuple(context) or tuple(levels))
    b = _Builder(field_values=(*tags, "other"), combined=combined)
    routes = tuple(
        tuple(
            CompiledRoute(
                r.number,
                Group("route", tuple(_compile(c, b, (lv.number, r.number)) for c in r.conditions)),
            )
            for r in lv.routes
        )
        for lv in levels
    )
    ordered = [
        fact_spec(f.id, b.field_values) for f in FACTS if f.id in b.facts and f.id not in _LAST
    ]
    ordered += [b.named[k] for k in sorted(b.named)]
    ordered += [b.trainings[k] for k in sorted(b.trainings, key=_training_order)]
    ordered += [FACT_BY_ID[f] for f in _LAST if f in b.facts]
    present = {f.var for f in ordered if f.var}
    return Catalogue(
        levels=tuple(levels),
        notes=tuple(notes),
        facts=tuple(ordered),
        splits=_splits(b, present),
        classes=_classes(b, ordered),
        routes=routes,
        uses={k: tuple(v) for k, v in b.uses.items()},
    )


_LAST = ("apprenticeship", "preparatory_technician")


def _training_order(fid: str) -> tuple[int, str]:
    _, level, credential = fid.split("_")
    return (-int(level), credential)
