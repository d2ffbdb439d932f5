"""The years part of the fact registry: the counts of years routes compare, and their rules.

A route compares a count of years with a threshold: the years of one fact, or the sum
of two (this occupation plus related work). Each count has a short code the compiler
uses; the condition each one answers, the consistency rules of the profile contract
between them, and the labels of the contract's fields in reports and slips are declared
here, once (see :mod:`baokao.model.facts` for the facts themselves).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from baokao.i18n import N_
from baokao.model.facts import Answer


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
)
QUANTITY = {q.code: q for q in QUANTITIES}
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

#: The consistency rules of the profile contract, as ``(lower, upper)``: the first
#: quantity never exceeds the second (an unbroken stretch is never longer than the
#: total, years after a certificate never more than the years worked). Related years
#: after a certificate never exceed related years either: ``AA… - A… <= TT - T``.
AT_MOST: tuple[tuple[str, str], ...] = (
    ("C", "T"),
    ("C", "CI"),
    ("At", "T"),
    ("Ar", "T"),
    ("Aa", "T"),
    ("At", "AAt"),
    ("Ar", "AAr"),
    ("Aa", "AAa"),
    ("T", "TT"),
    ("CI", "TT"),
    ("AAt", "TT"),
    ("AAr", "TT"),
    ("AAa", "TT"),
)


#: Related years after a certificate never exceed related years: for each pair, the
#: second quantity minus the first is at most ``TT - T`` (:data:`WORKED`).
RELATED_AFTER: tuple[tuple[str, str], ...] = (("At", "AAt"), ("Ar", "AAr"), ("Aa", "AAa"))
#: Years in this occupation, and with related work added.
WORKED = ("T", "TT")


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
