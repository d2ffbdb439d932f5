"""The years part of the fact registry: the counts of years routes compare, and their rules.

A route compares a count of years with a threshold: the years of one fact, or the sum
of two (this occupation plus related work). Each count has a short code the compiler
uses; the condition each one answers, the consistency rules of the profile contract
between them, and the labels of the contract's fields in reports and slips are declared
here, once (see :mod:`baokao.model.facts` for the facts themselves).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from baokao.i18n import N_, _
from baokao.model.facts import FACT_BY_ID, Answer
from baokao.model.named_work import (
    AFTER_CODE_PREFIX,
    after_fact_id,
    after_label,
    named_fact_id,
    parse_after,
    parse_named,
)
from baokao.model.named_work import label as named_label


@dataclass(frozen=True)
class Quantity:
    """A count of years the routes compare: one years fact, or the sum of two.

    ``code`` is its short name in the compiler (``T``: years in this occupation; ``TT``:
    this plus related; ``C``/``CI``: the longest unbroken stretch, without and with
    related work; ``TR``: as a trainee; ``At``/``Ar``/``Aa``: after the certificate of
    this, a related or either occupation, ``AA…`` plus related work after it).
    ``label`` is how a branch of the tree names it.
    """

    code: str
    facts: tuple[str, ...]
    label: str
    #: For a quantity of its own kind of condition (such as an age): that condition's
    #: ``kind`` (it holds a threshold ``years``: met at that value or more), the profile
    #: field that holds the value, and the document that proves it on the slip. The
    #: evaluator, the compiler and the slip read any such condition through these.
    kind: str | None = None
    field: str | None = None
    document: str | None = None


def _after(k: str) -> tuple[Quantity, Quantity]:
    cert = {"t": "cert_this", "r": "cert_related", "a": "cert_any"}[k]
    return (
        Quantity("A" + k, (f"{cert}_years_after",), "取得证书后本职业"),
        Quantity(
            "AA" + k,
            (f"{cert}_years_after", f"{cert}_years_after_related"),
            "取得证书后本职业与相关职业合计",
        ),
    )


_AT, _AAT = _after("t")
_AR, _AAR = _after("r")
_AA, _AAA = _after("a")

#: Every quantity, in an order where each comes after every quantity it bounds from
#: below (:data:`AT_MOST`).
QUANTITIES: tuple[Quantity, ...] = (
    Quantity("C", ("years_this_continuous",), "本职业连续"),
    _AT,
    _AR,
    _AA,
    Quantity("T", ("years_this",), "本职业累计"),
    Quantity("CI", ("years_continuous_incl_related",), "本职业或相关职业连续"),
    _AAT,
    _AAR,
    _AAA,
    Quantity("TT", ("years_this", "years_related"), "本职业与相关职业合计"),
    Quantity("TR", ("years_trainee_continuous",), "连续见习"),
    Quantity("AGE", ("age",), "年龄", "age", "age", "身份证原件及复印件（证明年龄）"),
    Quantity(
        "IN", ("internship_years",), "实习期", "internship", "internship_years", "实习期满证明"
    ),
    Quantity(
        "TY",
        ("years_after_title",),
        "取得职称后本职业或相关职业",
        "title_years",
        "years_after_title",
        "取得职称后从事本职业或相关职业的工作年限证明",
    ),
)


class _Quantities(dict[str, Quantity]):
    """The quantities by code; years in a field of work a text names (``W:…``, and
    ``WA:…`` after a certificate, :mod:`baokao.model.named_work`) are a count of their
    own, made on first use."""

    def __missing__(self, code: str) -> Quantity:
        after = parse_after(code)
        if after is not None and code.startswith(AFTER_CODE_PREFIX):
            block, work = after
            made = Quantity(code, (after_fact_id(work, block),), after_label(work))
            self[code] = made
            return made
        named = parse_named(code)
        if named is None:
            raise KeyError(code)
        mode, work = named
        made = Quantity(code, (named_fact_id(work, mode),), named_label(work, mode))
        self[code] = made
        return made


QUANTITY = _Quantities({q.code: q for q in QUANTITIES})


def ordered_codes(present: Iterable[str]) -> tuple[str, ...]:
    """The codes among ``present`` in the order of :data:`QUANTITIES`, then the counts of
    named work (sorted)."""
    here = set(present)
    own = tuple(q.code for q in QUANTITIES if q.code in here)
    return own + tuple(sorted(here - set(own)))


#: The quantities that are a kind of condition of their own, by that kind.
THRESHOLDS = {q.kind: q for q in QUANTITIES if q.kind}

#: The quantity a ``work_years`` condition compares, by its (mode, scope).
WORK_YEARS: dict[tuple[str, str], str] = {
    ("cumulative", "this"): "T",
    ("cumulative", "this_or_related"): "TT",
    ("continuous", "this"): "C",
    ("continuous", "this_or_related"): "CI",
    ("trainee", "this"): "TR",
    ("trainee", "this_or_related"): "TR",
}


@dataclass(frozen=True)
class AtMost:
    """A consistency rule of the profile contract: the years of field ``low`` never
    exceed the sum of the fields ``high`` (an unbroken stretch is never longer than the
    total, years after a certificate never more than the years worked).

    ``why_min`` is what the question of a ``high`` field says of its least value,
    ``why_max`` what the question of ``low`` says of its most (``{name}``: the other
    field's :data:`BOUND_NAMES`); ``note`` explains a profile that breaks the rule.
    """

    low: str
    high: tuple[str, ...]
    why_min: str
    why_max: str
    note: str = ""


_AT_MOST_YOURS = N_("不能超过您填写的{name}")
#: How an answer's bounds name the field it is compared with (written in Chinese).
BOUND_NAMES = {
    "years_this": N_("累计从事本职业工作年限"),
    "years_related": N_("累计从事相关职业工作年限"),
    "years_this_continuous": N_("连续从事本职业的年限"),
    "years_continuous_incl_related": N_("连续从事本职业或相关职业的年限"),
}

#: The consistency rules between years fields, declared once: the profile rejects a
#: profile that breaks one, an answer is bounded by them, and the counts of years the
#: compiler splits (:data:`AT_MOST`) are ordered by them.
CONSISTENCY: tuple[AtMost, ...] = (
    AtMost(
        "years_this_continuous",
        ("years_this",),
        N_("连续年限不会超过累计年限"),
        _AT_MOST_YOURS,
        " (an unbroken stretch cannot be longer than the total)",
    ),
    AtMost(
        "years_this_continuous",
        ("years_continuous_incl_related",),
        N_("不能少于您填写的{name}"),
        _AT_MOST_YOURS,
    ),
    AtMost(
        "certificates[].years_after",
        ("years_this",),
        N_("取得证书后的年限不会超过累计年限"),
        _AT_MOST_YOURS,
    ),
    AtMost(
        "certificates[].years_after_related",
        ("years_related",),
        N_("取得证书后从事相关职业的年限不会超过相关职业的累计年限"),
        _AT_MOST_YOURS,
    ),
    AtMost(
        "years_continuous_incl_related",
        ("years_this", "years_related"),
        N_("连续年限（含相关职业）不会超过本职业与相关职业的累计年限之和"),
        N_("不能超过本职业与相关职业累计年限之和"),
    ),
    AtMost(
        "years_after_title",
        ("years_this", "years_related"),
        N_("取得职称后的年限不会超过本职业与相关职业的累计年限之和"),
        N_("不能超过本职业与相关职业累计年限之和"),
    ),
)


def limits(
    field: str, known: Mapping[str, Sequence[float]]
) -> tuple[float, float | None, str, str]:
    """``(least, most, why_least, why_most)`` for the years of ``field``, by the
    :data:`CONSISTENCY` rules, from the ``known`` values of other fields (several for a
    field of every certificate held). Reasons are in the UI's language."""
    lows: list[tuple[float, str]] = [(0.0, "")]
    highs: list[tuple[float, str]] = []
    for rule in CONSISTENCY:
        if rule.low == field:
            if all(known.get(h) for h in rule.high):
                name = _(BOUND_NAMES.get(rule.high[0], ""))
                why = _(rule.why_max).format(name=name)
                highs.append((sum(known[h][0] for h in rule.high), why))
        elif field in rule.high:
            others = [h for h in rule.high if h != field]
            if all(known.get(h) for h in others):
                rest = sum(known[h][0] for h in others)
                why = _(rule.why_min).format(name=_(BOUND_NAMES.get(rule.low, "")))
                lows += [(v - rest, why) for v in known.get(rule.low, ())]
    low = max(lows, key=lambda x: x[0])
    high = min(highs, key=lambda x: x[0]) if highs else (None, "")
    return low[0], high[0], low[1], high[1]


def broken_rule(known: Mapping[str, Sequence[float | None]]) -> str | None:
    """The first :data:`CONSISTENCY` rule the ``known`` values break, as a message
    naming the fields (``certificates[0].years_after exceeds years_this``); ``None``
    when they keep every rule."""
    for rule in CONSISTENCY:
        highs = [known.get(h, ()) for h in rule.high]
        if not all(h and h[0] is not None for h in highs):
            continue
        most = sum(float(h[0] or 0.0) for h in highs)
        for i, value in enumerate(known.get(rule.low, ())):
            if value is not None and value > most:
                where = rule.low.replace("[]", f"[{i}]")
                return f"{where} exceeds {' + '.join(rule.high)}{rule.note}"
    return None


def _fields(q: Quantity) -> tuple[str, ...]:
    return tuple(FACT_BY_ID[f].field for f in q.facts)


def _at_most(a: Quantity, b: Quantity) -> bool:
    """Whether ``a`` never exceeds ``b`` by the rules: each fact of ``a`` is a fact of
    ``b`` or bounded by a rule by facts of ``b``, each fact of ``b`` used once."""
    free = {FACT_BY_ID[f].field: f for f in b.facts}
    for f in a.facts:
        field = FACT_BY_ID[f].field
        if free.get(field) == f:
            del free[field]
            continue
        rule = next((r for r in CONSISTENCY if r.low == field and set(r.high) <= set(free)), None)
        if rule is None:
            return False
        for h in rule.high:
            del free[h]
    return True


def _order() -> tuple[tuple[str, str], ...]:
    """:data:`AT_MOST`: every ordered pair of counts the rules imply, less those implied
    through a third (so that bounds pass along the edges one step at a time)."""
    counts = [q for q in QUANTITIES if all(f in FACT_BY_ID for f in q.facts)]
    pairs = {(a.code, b.code) for b in counts for a in counts if a is not b and _at_most(a, b)}
    return tuple(
        (a.code, b.code)
        for b in counts
        for a in counts
        if (a.code, b.code) in pairs
        and not any((a.code, c.code) in pairs and (c.code, b.code) in pairs for c in counts)
    )


#: The order among counts of years, as ``(lower, upper)``: the first never exceeds the
#: second, as the :data:`CONSISTENCY` rules imply (``C`` ≤ ``T``, ``At`` ≤ ``AAt`` …).
AT_MOST: tuple[tuple[str, str], ...] = _order()


def after_certificate(block: str, related_too: bool) -> str:
    """The quantity of the years after the certificate of ``block`` (``this``, ``related``
    or ``any``), with the related years after it added when ``related_too``."""
    return ("AA" if related_too else "A") + block[0]


def quantity_value(code: str, answers: Mapping[str, Answer]) -> float:
    """A quantity's value from exact answers to all its facts."""
    return sum(float(answers[f]) for f in QUANTITY[code].facts)


def first_part(code: str) -> str | None:
    """For a sum (``TT``), the quantity of its first fact (``T``), known before it."""
    facts = QUANTITY[code].facts
    if len(facts) < 2:
        return None
    return next(q.code for q in QUANTITIES if q.facts == facts[:1])


#: Years in this occupation, and with related work added.
WORKED = ("T", "TT")


def _related_after() -> tuple[tuple[str, str], ...]:
    """Pairs of counts whose difference is bounded by a rule by ``TT - T``: the related
    years after a certificate (``AAt - At``) never exceed the related years."""
    extra = _fields(QUANTITY[WORKED[1]])[1:]
    bounded = {r.low for r in CONSISTENCY if r.high == extra}
    return tuple(
        (first, q.code)
        for q in QUANTITIES
        if (first := first_part(q.code)) is not None and set(_fields(q)[1:]) <= bounded
    )


#: Related years after a certificate never exceed related years: for each pair, the
#: second count minus the first is at most ``TT - T`` (:data:`WORKED`).
RELATED_AFTER = _related_after()


#: Labels of the profile contract's fields in reports and slips (written in Chinese,
#: shown in the user's language through baokao.i18n).
FIELD_LABELS_ZH = {
    "years_this": N_("累计从事本职业工作年限"),
    "years_related": N_("累计从事相关职业工作年限"),
    "years_this_continuous": N_("连续从事本职业工作的最长年限"),
    "years_continuous_incl_related": N_("连续从事本职业或相关职业工作的最长年限"),
    "years_trainee_continuous": N_("连续见习工作年限"),
    "apprenticeship": N_("学徒期满情况"),
    "certificates": N_("已取得的职业资格证书（技能等级证书）"),
    "certificates[].years_after": N_("取得证书后从事本职业工作的年限"),
    "preparatory_technician": N_("是否持有预备技师证书"),
    "education": N_("学历（毕业证书或在读情况）"),
    "education[].specialty": N_("所学专业是否为本专业或相关专业"),
    "education[].fields": N_("所学专业的学科门类"),
    "trainings": N_("参加本职业正规培训情况"),
}


def field_label(path: str) -> str:
    """A readable name for a field of the profile (``certificates[0].years_after`` too)."""
    general = re.sub(r"\[\d+\]", "[]", path)
    own = next((q.label for q in THRESHOLDS.values() if q.field == general), path)
    return FIELD_LABELS_ZH.get(general, own)
