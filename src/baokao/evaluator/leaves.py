"""Evaluate each kind of leaf condition against a profile.

Readings applied here are the contract's fixed interpretations (以上 includes the number;
a higher certificate satisfies a lower requirement; years after a certificate use that
certificate's own years) and the ones written down in ``docs/interpretation.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from baokao.evaluator.outcome import (
    MET,
    Judged,
    Outcome,
    Truth,
    missing,
    nearest,
    short,
    unknown,
)
from baokao.evaluator.wording import (
    certificate_missing,
    fmt_years,
    missing_line,
    missing_text_line,
    years_after_line,
)
from baokao.evaluator.years import YearBounds, reaches
from baokao.i18n import T_
from baokao.model.conditions import (
    Apprenticeship,
    Certificate,
    Education,
    Leaf,
    MissingText,
    NamedWork,
    PreparatoryTechnician,
    Student,
    Training,
    Unparsed,
    WorkYears,
)
from baokao.model.held import HELD
from baokao.model.named_work import FIELD, entry_for
from baokao.model.numbers import fmt_shortfall
from baokao.model.profile import CertificateHeld, EducationEntry, Profile
from baokao.model.quantities import THRESHOLDS
from baokao.model.schools import SCHOOL_KINDS, meets_degree

_V = TypeVar("_V")
_O = TypeVar("_O")

#: What depends on a rule alone (the outcome of a diploma or certificate the candidate
#: lacks, with its line; a level's route order), made once per rule rather than for
#: every profile judged; each is an immutable value. Keyed by the rule's identity and the
#: maker; the rule is kept with the value, so its identity cannot be reused while the
#: entry lives. Cleared when full.
_FIXED: dict[tuple[int, Callable[[Any], Any]], tuple[object, Any]] = {}
_FIXED_SIZE = 4096


def made_once(c: _O, make: Callable[[_O], _V]) -> _V:
    """``make(c)``, made once per rule object ``c`` (see ``_FIXED``)."""
    key = (id(c), make)
    found = _FIXED.get(key)
    if found is not None and found[0] is c:
        value: _V = found[1]
        return value
    if len(_FIXED) >= _FIXED_SIZE:
        _FIXED.clear()
    value = make(c)
    _FIXED[key] = (c, value)
    return value


def _lacking(c: Leaf) -> Outcome:
    """The outcome of a condition not met that working longer cannot fix."""
    return missing(missing_line(c))


def lacking(c: Leaf) -> Outcome:
    """The outcome of a diploma, training, apprenticeship, 预备技师 certificate or held
    thing ``c`` asks for and the candidate lacks (the compiler's too, over domains)."""
    return made_once(c, _lacking)


def _years_outcome(line: str, need: float, lo: float, hi: float, facts: tuple[str, ...]) -> Outcome:
    """A count of years in ``[lo, hi]`` (closed, see :func:`reaches`) against ``need``."""
    truth = reaches(need, lo, hi, hi_possible=True)
    if truth is Truth.MET:
        return MET
    if truth is Truth.UNMET:
        template = T_("{line}：还差 {gap}") if lo == hi else T_("{line}：还差至少 {gap}")
        # Ranked by the gap to 1/10000 year, never 0 (a gap is shown rounded up to a month).
        gap = max(round(need - hi, 4), 0.0001)
        return short(template.format(line=line, gap=fmt_shortfall(need - hi)), gap)
    return unknown(*facts)


def work_years(c: WorkYears, bounds: YearBounds) -> Outcome:
    """``work_years``: compare the bound of the right count with the threshold."""
    b = bounds.get(c.mode, c.scope)
    return _years_outcome(c.text, c.years, b.lo, b.hi, b.facts)


def _cert_matches(c: Certificate, held: CertificateHeld) -> bool:
    scope_ok = c.scope == "this_or_related" or held.occupation == c.scope
    return scope_ok and held.level <= c.level


def _after(c: Certificate, held: CertificateHeld, index: int, p: Profile) -> Outcome:
    after = c.after
    assert after is not None
    line = made_once(c, years_after_line)
    if after.work is not None:  # years in the work the text names, since the certificate
        entry = entry_for(held.named_work_after, after.work)
        if entry is None:
            return unknown(f"certificates[{index}].named_work_after[{after.work}]")
        return _years_outcome(line, after.years, entry.years, entry.years, ())
    if after.mode == "continuous" and not held.continuous_after:
        return short(
            T_("{line}：取得证书后的工作未连续，需连续满 {years} 年").format(
                line=line, years=fmt_years(after.years)
            ),
            after.years,
        )
    related = held.years_after_related if after.scope == "this_or_related" else 0.0
    if held.years_after is None:
        hi = p.years_this if p.years_this is not None else float("inf")
        return _years_outcome(
            line, after.years, related, hi + related, (f"certificates[{index}].years_after",)
        )
    value = held.years_after + related
    return _years_outcome(line, after.years, value, value, ())


def _no_certificate(c: Certificate) -> Outcome:
    """No certificate held that is enough: the certificate, and the years after it."""
    lines = certificate_missing(c)
    need = c.after.years if c.after else 0.0
    return Judged(Truth.UNMET, len(lines), False, need, lines, most=need)


def no_certificate(c: Certificate) -> Outcome:
    """The outcome when no certificate held is enough (the compiler's too)."""
    return made_once(c, _no_certificate)


def certificate(c: Certificate, p: Profile) -> Outcome:
    """``certificate``: a held certificate of the level or higher, and the years after it.

    The certificate and the years after it count as two conditions.
    """
    if p.certificates is None:
        return unknown("certificates")
    candidates = [(i, h) for i, h in enumerate(p.certificates) if _cert_matches(c, h)]
    if not candidates:
        return made_once(c, _no_certificate)
    if c.after is None:
        return MET
    return nearest([_after(c, h, i, p) for i, h in candidates])


@dataclass(frozen=True)
class Accepts:
    """What an education or student condition accepts of one entry, part by part: the
    school kinds, study statuses, specialties and 培养目标 (``None``: any), and the
    discipline tags of which one must be held (``exclude_fields``: none of them).

    The compiler asks its questions from the same table, so a diploma is read once.
    """

    schools: frozenset[str]
    statuses: tuple[str, ...]
    specialties: tuple[str, ...] | None
    goals: tuple[str, ...] | None
    fields: tuple[str, ...] | None
    exclude_fields: bool


_GOALS = {None: None, "intermediate": ("intermediate", "advanced"), "advanced": ("advanced",)}


def accepts(c: Education | Student) -> Accepts:
    """The table of what ``c`` accepts (made once per condition, see ``made_once``)."""
    return made_once(c, _accepts)


def _accepts(c: Education | Student) -> Accepts:
    if isinstance(c, Student):
        return Accepts(
            frozenset(c.schools), ("enrolled", "graduating"), c.specialties, None, None, False
        )
    degree = c.min_degree
    schools = {k for k in SCHOOL_KINDS if degree is not None and meets_degree(k, degree)}
    return Accepts(
        frozenset(c.schools) | schools,
        ("graduated", "graduating") if c.graduating_ok else ("graduated",),
        c.specialties,
        _GOALS[c.skill_goal],
        c.fields,
        c.exclude_fields,
    )


def _entry(a: Accepts, e: EducationEntry, i: int) -> Truth | str:
    """Check one education entry: a Truth, or the name of the missing fact."""
    if not (
        e.school in a.schools
        and e.status in a.statuses
        and (a.goals is None or e.skill_goal in a.goals)
    ):
        return Truth.UNMET
    if a.specialties is not None:
        if e.specialty is None:
            return f"education[{i}].specialty"
        if e.specialty not in a.specialties:
            return Truth.UNMET
    if a.fields is not None:
        if e.fields is None:
            return f"education[{i}].fields"
        hit = bool(set(e.fields) & set(a.fields))
        if hit == a.exclude_fields:
            return Truth.UNMET
    return Truth.MET


def education(c: Education | Student, p: Profile) -> Outcome:
    """``education``: a diploma of an accepted school, specialty and programme;
    ``student``: currently studying (enrolled or graduating) at an accepted school."""
    if p.education is None:
        return unknown("education")
    a = made_once(c, _accepts)
    results = [_entry(a, e, i) for i, e in enumerate(p.education)]
    if Truth.MET in results:
        return MET
    facts = [r for r in results if isinstance(r, str)]
    if facts:
        return unknown(*facts)
    return made_once(c, _lacking)


def apprenticeships(c: Apprenticeship) -> tuple[str, ...]:
    """The 学徒期满 answers ``c`` accepts: this occupation, or a related one too."""
    return ("this",) if c.scope == "this" else ("this", "related")


def training(c: Training, p: Profile) -> Outcome:
    """``training``: formal training for exactly this level, with the named certificate."""
    if p.trainings is None:
        return unknown("trainings")
    if any(t.level == c.level and t.credential == c.credential for t in p.trainings):
        return MET
    return made_once(c, _lacking)


def apprenticeship(c: Apprenticeship, p: Profile) -> Outcome:
    """``apprenticeship``: 学徒期满 in this occupation (or a related one where allowed)."""
    if p.apprenticeship is None:
        return unknown("apprenticeship")
    return MET if p.apprenticeship in made_once(c, apprenticeships) else made_once(c, _lacking)


def preparatory(c: PreparatoryTechnician, p: Profile) -> Outcome:
    """``preparatory_technician``: holds a 预备技师证书."""
    if p.preparatory_technician is None:
        return unknown("preparatory_technician")
    return MET if p.preparatory_technician else made_once(c, _lacking)


def threshold(c: Leaf, p: Profile) -> Outcome:
    """A condition of a kind the registry declares as a threshold on one profile field
    (such as an age): met at ``years`` or more; unknown while the field is."""
    q = THRESHOLDS[c.kind]
    assert q.field is not None
    value: float | None = getattr(p, q.field)
    need: float = getattr(c, "years")  # noqa: B009 (every threshold kind holds one)
    lo, hi = (value, value) if value is not None else (0.0, float("inf"))
    return _years_outcome(c.text, need, lo, hi, () if value is not None else (q.field,))


def held(c: Leaf, p: Profile) -> Outcome:
    """A condition of a kind the registry declares as held (a driving licence, a title):
    met when one thing held has, on each of its facts, an answer the condition accepts
    (:mod:`baokao.model.held`); unknown while a fact that could meet it is."""
    h = HELD[c.kind]
    value = getattr(p, h.field)
    if value is None:
        return unknown(h.field)
    open_: list[str] = []
    for have in h.answers(value):
        if any(fact in have and not have[fact] & set(ok) for fact, ok in h.accepts(c)):
            continue
        missing_facts = [f"{h.field}.{fact}" for fact, _ok in h.accepts(c) if fact not in have]
        if not missing_facts:
            return MET
        open_ += missing_facts
    if open_:
        return unknown(*dict.fromkeys(open_))
    return made_once(c, _lacking)


def named_work(c: NamedWork, p: Profile) -> Outcome:
    """``named_work``: years in the work the text names (its own count, in total or
    unbroken); unknown while the profile does not give them."""
    entry = entry_for(p.named_work, c.work)
    value = (
        None if entry is None else entry.continuous_years if c.mode == "continuous" else entry.years
    )
    if value is None:
        return unknown(f"{FIELD}[{c.work}]")
    return _years_outcome(c.text, c.years, value, value, ())


def _manual(c: Unparsed) -> Outcome:
    return unknown(T_("需人工核实：{text}").format(text=c.text))


def _not_in_copy(c: MissingText) -> Outcome:
    """Never met, never refuted: the text is not in the copy (需人工核实, against the
    original)."""
    return unknown(missing_text_line(c))


#: The evaluation of each kind of leaf that needs the profile alone, by its model class.
_BY_CLASS: dict[type, Callable[[Any, Profile], Outcome]] = {
    Certificate: certificate,
    Education: education,
    Student: education,
    Training: training,
    Apprenticeship: apprenticeship,
    PreparatoryTechnician: preparatory,
    NamedWork: named_work,
}


def leaf(c: Leaf, p: Profile, bounds: YearBounds) -> Outcome:
    """Evaluate any leaf condition."""
    if c.kind in THRESHOLDS:
        return threshold(c, p)
    if c.kind in HELD:
        return held(c, p)
    if isinstance(c, WorkYears):
        return work_years(c, bounds)
    judge = _BY_CLASS.get(type(c))
    if judge is not None:
        return judge(c, p)
    if isinstance(c, MissingText):
        return made_once(c, _not_in_copy)
    assert isinstance(c, Unparsed)
    return made_once(c, _manual)
