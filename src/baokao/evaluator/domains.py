"""The readings of each kind of condition over *domains* rather than a profile.

The compiler judges partial interviews: each leaf condition of a level becomes one atom
that knows which facts decide it and how, given what is known so far (the domains: a
range per count of years, a set of possible answers per choice), it can still turn out
(its shapes, :mod:`baokao.evaluator.shapes`). They are the evaluator's readings
(:mod:`baokao.evaluator.leaves`) extended to intervals: the same certificate matching,
the same 连续 rule after a certificate, the same school ladder (``accepts``), and the
same unmet outcomes where they do not depend on the years (a diploma, training or
certificate lacking: the atom holds the evaluator's own outcome); the tests compare the
two on every path of every tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from baokao.evaluator.leaves import accepts, apprenticeships, lacking, no_certificate
from baokao.evaluator.shapes import (
    MET,
    STUCK,
    Shape,
    Shapes,
    all_of,
    any_of,
    fail,
    nearest_certificate,
    route_of,
    years_shapes,
)
from baokao.evaluator.wording import years_after_line
from baokao.model import conditions as cd
from baokao.model.facts import FACT_BY_ID, FactSpec, cert_level, fields_fact, training_id
from baokao.model.held import HELD
from baokao.model.named_work import after_code, after_fact_id, named_fact
from baokao.model.quantities import QUANTITY, THRESHOLDS, WORK_YEARS, after_certificate
from baokao.model.schools import SCHOOL_KINDS


@dataclass(frozen=True)
class Domains:
    """What is still possible: ``lo <= x < hi`` per quantity, a bit mask per choice."""

    lo: dict[str, float]
    hi: dict[str, float]
    masks: dict[str, int]
    #: The mask of every answer, per choice fact.
    full: dict[str, int]


@dataclass(frozen=True)
class YearsAtom:
    """A count of years (``var``) of at least ``need``."""

    idx: int
    var: str
    need: float
    text: str

    def facts(self) -> tuple[str, ...]:
        """The facts this atom depends on."""
        return QUANTITY[self.var].facts

    def shapes(self, d: Domains) -> Shapes:
        """The outcomes still possible."""
        line = ("years", self.text, self.var, self.need)
        return years_shapes(line, self.need, d.lo[self.var], d.hi[self.var])


@dataclass(frozen=True)
class CertAtom:
    """A certificate of at least ``level`` held by one of ``certs``, and years after it."""

    idx: int
    certs: tuple[str, ...]
    match: int
    need: float | None
    related_too: bool
    continuous: bool
    #: The evaluator's own outcome when no certificate held is enough.
    missing: Shape
    after_line: str
    #: The work the text names whose years after the certificate are counted
    #: (从事推销工作), ``None`` for years in this (or a related) occupation.
    work: str | None = None

    def after_var(self, k: str) -> str:
        """The count of the years after the certificate of block ``k`` this atom compares."""
        if self.work is not None:
            return after_code(self.work, k)
        return after_certificate(k, self.related_too)

    def facts(self) -> tuple[str, ...]:
        """The facts this atom depends on."""
        out: list[str] = []
        for k in self.certs:
            out.append(f"cert_{k}")
            if self.need is not None and self.work is not None:
                out.append(after_fact_id(self.work, k))
            elif self.need is not None:
                out.append(f"cert_{k}_years_after")
                if self.related_too:
                    out.append(f"cert_{k}_years_after_related")
                if self.continuous:
                    out.append(f"cert_{k}_continuous")
        return tuple(out)

    def _held(self, k: str, d: Domains) -> Shapes:
        if self.need is None:
            return frozenset((MET,))
        var = self.after_var(k)
        shapes: set[Shape] = set()
        flag = d.masks.get(f"cert_{k}_continuous", 0b11) if self.continuous else 0b01
        if flag & 0b01:
            line = ("years", self.after_line, var, self.need)
            shapes |= years_shapes(line, self.need, d.lo[var], d.hi[var])
        if flag & 0b10:
            broken = (("broken", self.after_line, self.need),)
            shapes.add(fail(1, True, self.need, self.need, broken))
        return frozenset(shapes)

    def shapes(self, d: Domains) -> Shapes:
        """The outcomes still possible (a missing certificate counts twice with years).

        Until some certificate question is answered, the profile says nothing of
        certificates and the evaluator leaves a condition on the years after one open
        (``unknown("certificates")``) even where no such years could meet it: so the
        route is open here too, rather than settled on a shortfall the evaluator would
        not state.
        """
        options: list[list[Shapes | None]] = []
        for k in self.certs:
            mask = d.masks[f"cert_{k}"]
            opts: list[Shapes | None] = []
            if mask & self.match:
                opts.append(self._held(k, d))
            if mask & ~self.match:
                opts.append(None)
            options.append(opts)
        missing = self.missing
        out: set[Shape] = set()
        for combo in _product(options):
            held = [s for s in combo if s is not None]
            out |= nearest_certificate(held) if held else {missing}
        if self.need is not None and MET not in out and not _certificates_asked(d):
            out.add(MET)
        return frozenset(out)


#: The certificate questions; while none is answered, certificates are unknown.
CERT_MASKS = ("cert_any", "cert_this", "cert_related")
_NO_MASK = -1


def _certificates_asked(d: Domains) -> bool:
    """Whether some certificate question is answered (its answers narrowed)."""
    return any(d.masks.get(f, _NO_MASK) not in (_NO_MASK, d.full.get(f)) for f in CERT_MASKS)


def _product(options: list[list[Shapes | None]]) -> list[tuple[Shapes | None, ...]]:
    combos: list[tuple[Shapes | None, ...]] = [()]
    for opts in options:
        combos = [(*c, o) for c in combos for o in opts]
    return combos


@dataclass(frozen=True)
class MaskAtom:
    """A condition met when each of its choice facts takes one of its accepted answers.

    Education conditions are such a product (school ∧ status ∧ specialty ∧ field ∧
    goal); training, apprenticeship and 预备技师 conditions have a single fact.
    """

    idx: int
    oks: tuple[tuple[str, int], ...]
    #: The evaluator's own outcome for the condition unmet (its line: what is lacking).
    lacking: Shape

    def facts(self) -> tuple[str, ...]:
        """The facts this atom depends on."""
        return tuple(f for f, _ in self.oks)

    def shapes(self, d: Domains) -> Shapes:
        """Met where the possible answers can meet it, unmet where they can fail it."""
        out: set[Shape] = set()
        if all(d.masks[f] & ok for f, ok in self.oks):
            out.add(MET)
        if any(d.masks[f] & ~ok for f, ok in self.oks):
            out.add(self.lacking)
        return frozenset(out)


@dataclass(frozen=True)
class StuckAtom:
    """Text the importer could not read, or that the copy does not have: never met, never
    refuted (需人工核实)."""

    idx: int

    def facts(self) -> tuple[str, ...]:
        """No fact decides it."""
        return ()

    def shapes(self, d: Domains) -> Shapes:
        """Always stuck."""
        return frozenset((STUCK,))


Atom = YearsAtom | CertAtom | MaskAtom | StuckAtom


@dataclass(frozen=True)
class Group:
    """``all`` or ``any`` of compiled parts, or a ``route`` (all of its conditions)."""

    kind: str
    parts: tuple[Atom | Group, ...]

    def facts(self) -> tuple[str, ...]:
        """Every fact below, in order, once."""
        return tuple(dict.fromkeys(f for p in self.parts for f in p.facts()))

    def shapes(self, d: Domains, cache: dict[tuple[object, ...], Shapes]) -> Shapes:
        """Combine the parts as the evaluator does (``route``: a route's conditions)."""
        parts = [shapes_of(p, d, cache) for p in self.parts]
        # Combining is a product over the parts' shapes: cache it on them. The node's id
        # is stable while the cache lives (both belong to one catalogue's analyser).
        ckey = ("group", id(self), *parts)
        hit = cache.get(ckey)
        if hit is None:
            hit = self._combine(parts)
            cache[ckey] = hit
        return hit

    def _combine(self, parts: list[Shapes]) -> Shapes:
        if self.kind == "route":
            either = tuple(isinstance(p, Group) and p.kind == "any" for p in self.parts)
            return route_of(parts, either)
        return all_of(parts) if self.kind == "all" else any_of(parts)


Node = Atom | Group


def projection(a: Atom, d: Domains) -> tuple[object, ...]:
    """What of the domains an atom's shapes depend on (its cache key)."""
    if isinstance(a, YearsAtom):
        return (a.idx, d.lo[a.var], d.hi[a.var])
    if isinstance(a, MaskAtom):
        return (a.idx, *(d.masks[f] for f, _ in a.oks))
    if isinstance(a, CertAtom):
        key: list[object] = [a.idx, *(d.masks.get(f) for f in CERT_MASKS)]
        for f in a.facts():
            key.append(d.masks.get(f))
        for k in a.certs:
            var = a.after_var(k)
            if var in d.lo:
                key += [d.lo[var], d.hi[var]]
        return tuple(key)
    return (a.idx,)


def shapes_of(node: Node, d: Domains, cache: dict[tuple[object, ...], Shapes]) -> Shapes:
    """The shapes of any compiled node, caching atoms on what they depend on."""
    if isinstance(node, Group):
        return node.shapes(d, cache)
    key = projection(node, d)
    hit = cache.get(key)
    if hit is None:
        hit = node.shapes(d)
        cache[key] = hit
    return hit


def recipe(node: Group) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The quantities and choice facts a route's shapes depend on (its cache key)."""
    vs: dict[str, None] = {}
    fs: dict[str, None] = {}

    def walk(n: Group | Atom) -> None:
        if isinstance(n, Group):
            for p in n.parts:
                walk(p)
        elif isinstance(n, YearsAtom):
            vs[n.var] = None
        elif isinstance(n, CertAtom):
            fs.update(dict.fromkeys(CERT_MASKS))
            for k in n.certs:
                fs[f"cert_{k}"] = None
                if n.need is not None:
                    vs[n.after_var(k)] = None
                    if n.continuous:
                        fs[f"cert_{k}_continuous"] = None
        elif isinstance(n, MaskAtom):
            fs.update(dict.fromkeys(f for f, _ in n.oks))

    walk(node)
    return tuple(vs), tuple(fs)


def education_accepts(
    c: cd.Education | cd.Student, field_values: tuple[str, ...]
) -> dict[str, tuple[str, ...] | None]:
    """The answers each education fact must take to meet ``c`` (``None``: any answer),
    from the evaluator's own table (``baokao.evaluator.leaves.accepts``); ``field_values``
    are the answers the ``fields`` question offers."""
    a = accepts(c)
    fields = None
    if a.fields is not None:
        fields = tuple(v for v in field_values if (v in a.fields) != a.exclude_fields)
    return {
        "school": tuple(k for k in SCHOOL_KINDS if k in a.schools),
        "status": a.statuses,
        "specialty": a.specialties,
        "fields": fields,
        "skill_goal": a.goals,
    }


def _mask(spec: FactSpec, accepted: Sequence[str]) -> int:
    return sum(1 << i for i, c in enumerate(spec.choices) if c.value in accepted)


def fact_spec(fact: str, field_values: tuple[str, ...]) -> FactSpec:
    """A fact's spec; the ``fields`` question offers ``field_values`` (and "other")."""
    return fields_fact(field_values[:-1]) if fact == "fields" else FACT_BY_ID[fact]


def answer_level(value: str) -> int:
    """A certificate answer's level, 6 for none (so that no requirement accepts it)."""
    level = cert_level(value)
    return 6 if level is None else level


def read_over_domains(c: cd.Leaf, idx: int, field_values: tuple[str, ...], combined: bool) -> Atom:
    """The atom that reads condition ``c`` (the ``idx``-th of its catalogue) over domains.

    Args:
        c: the leaf condition.
        idx: its position among the catalogue's atoms (the key of its cached shapes).
        field_values: the answers the ``fields`` question offers.
        combined: whether one certificate question covers this occupation and related
            ones (every certificate condition of the subject accepts either).
    """
    if c.kind in THRESHOLDS:  # a threshold on one fact, such as an age
        need = float(getattr(c, "years"))  # noqa: B009
        return YearsAtom(idx, THRESHOLDS[c.kind].code, need, getattr(c, "text", ""))
    if c.kind in HELD:  # met by the answers it accepts, such as a driving licence
        oks = tuple((f, _mask(FACT_BY_ID[f], ok)) for f, ok in HELD[c.kind].accepts(c))
        return MaskAtom(idx, oks, lacking(c))
    if isinstance(c, cd.NamedWork):  # years in work the text names: a count of its own
        var = named_fact(c.work, c.mode).var
        assert var is not None
        return YearsAtom(idx, var, c.years, c.text)
    if isinstance(c, cd.WorkYears):
        return YearsAtom(idx, WORK_YEARS[(c.mode, c.scope)], c.years, c.text)
    if isinstance(c, cd.Certificate):
        return _certificate(c, idx, combined)
    if isinstance(c, cd.Education | cd.Student):
        accepts = education_accepts(c, field_values)
        oks = tuple(
            (f, _mask(fact_spec(f, field_values), ok))
            for f, ok in accepts.items()
            if ok is not None
        )
        return MaskAtom(idx, oks, lacking(c))
    if isinstance(c, cd.Training):
        return MaskAtom(idx, ((training_id(c.level, c.credential), 0b01),), lacking(c))
    if isinstance(c, cd.Apprenticeship):
        mask = _mask(FACT_BY_ID["apprenticeship"], apprenticeships(c))
        return MaskAtom(idx, (("apprenticeship", mask),), lacking(c))
    if isinstance(c, cd.PreparatoryTechnician):
        return MaskAtom(idx, (("preparatory_technician", 0b01),), lacking(c))
    assert isinstance(c, cd.Unparsed | cd.MissingText)
    return StuckAtom(idx)


def _certificate(c: cd.Certificate, idx: int, combined: bool) -> CertAtom:
    if combined:
        certs: tuple[str, ...] = ("any",)
    elif c.scope == "this_or_related":
        certs = ("this", "related")
    else:
        certs = (c.scope,)
    spec = FACT_BY_ID[f"cert_{certs[0]}"]
    match = _mask(spec, [ch.value for ch in spec.choices if answer_level(ch.value) <= c.level])
    related = c.after is not None and c.after.scope == "this_or_related"
    need = c.after.years if c.after else None
    cont = c.after is not None and c.after.mode == "continuous"
    after_line = years_after_line(c) if c.after else ""
    work = c.after.work if c.after else None
    return CertAtom(idx, certs, match, need, related, cont, no_certificate(c), after_line, work)
