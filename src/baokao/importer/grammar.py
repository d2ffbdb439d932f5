"""The condition grammar: a route's text -> typed conditions.

A route is alternatives joined by "；或"; an alternative is clauses joined by "，"/"并";
a clause is one of a handful of phrase shapes (years worked, a certificate held, a
diploma, studies, training, apprenticeship). The shapes are built from the vocabulary in
:mod:`baokao.importer.phrases`, and a clause must be read *whole*: a clause with any
word the grammar does not know becomes an ``unparsed`` condition holding the fragment,
so a misreading can never pass as a reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baokao.importer.education import parse_education_body, parse_student_body
from baokao.importer.normalize import normalize
from baokao.importer.phrases import NUMERAL_LEVELS, OLD_LEVELS, OLD_TITLES
from baokao.model.conditions import (
    AllOf,
    AnyOf,
    Apprenticeship,
    Certificate,
    Condition,
    PreparatoryTechnician,
    Training,
    Unparsed,
    WorkYears,
    YearsAfter,
)

_YEARS = r"(?P<n>\d+(?:\.\d+)?)年(?:\(含\))?以上"
_SCOPE = r"(?P<scope>本职业或相关职业|本职业或相关工作|本职业|相关职业)"
_TITLES = "助理电子商务师|电子商务员|高级物流师|助理物流师|物流员|物流师"
_LEVEL = (
    rf"(?:(?P<title>{_TITLES})"
    r"|(?P<num>[五四三二一]级)(?:/(?:初级|中级|高级技师|高级|技师))?工?"
    r"|(?P<nocc>[五四三二一]级)(?P<occ>[\u4e00-\u9fff]+?师)"
    r"|(?P<old>初级|中级|高级))"
)
_CERT_NOUN = r"(?:职业资格证书(?:\(技能等级证书\))?|技能等级证书)"

_WORK_IN = re.compile(rf"^在?本职业连续(?P<trainee>见习)?工作{_YEARS}$")
_WORK = re.compile(
    rf"^(?P<mode>累计|连续)从事(?P<scope>本职业或相关职业|本职业或相关工作|本职业)(?:工作)?{_YEARS}$"
)
_APPRENTICE = re.compile(r"^(?P<scope>本职业或相关职业|本职业)学徒期满$")
_CERT = re.compile(rf"^取得{_SCOPE}?{_LEVEL}{_CERT_NOUN}(?P<after>后)?$")
_CERT_GRAD = re.compile(rf"^取得{_SCOPE}?{_LEVEL}{_CERT_NOUN}的(?P<body>.+)毕业生$")
_PREP_GRAD = re.compile(
    r"^取得(?:本职业或相关职业|本职业|相关职业)?预备技师证书的(?P<body>.+)毕业生$"
)
_EDU = re.compile(r"^(?:具有|取得)(?P<body>.+?)(?:毕业证书|学历证书|学历)(?P<grad>@G\d+@)?(?:后)?$")
_STUDENT = re.compile(r"^(?P<body>.+)在校生$")
_TRAINING = re.compile(
    rf"经(?:本职业)?(?P<what>{_TITLES}|[五四三二一]级[\u4e00-\u9fff]*?师|初级|中级|高级)"
    r"级?(?:职业)?(?:正规)?培训达到?规定标准学时数,并取得(?P<cred>结业|合格)证书"
)
_GRADUATING = re.compile(r"\(含尚未取得毕业证书的在校应届(?:研究生)?毕业生\)")
_PLACEHOLDER = re.compile(r"^@T(?P<i>\d+)@$")
_GRAD_MARK = re.compile(r"@G(?P<i>\d+)@")
_NUMBER = re.compile(r"^\d{1,2}、")


@dataclass(frozen=True)
class _Item:
    """A parsed clause; ``after`` marks a certificate read as "取得…证书后"."""

    condition: Condition
    after: bool = False


def _years(match: re.Match[str]) -> float:
    return float(match.group("n"))


def _cert_level(match: re.Match[str]) -> tuple[int, str | None]:
    title = match.group("title")
    if title:
        return OLD_TITLES[title], title
    if match.group("num"):
        return NUMERAL_LEVELS[match.group("num")], None
    if match.group("nocc"):
        return NUMERAL_LEVELS[match.group("nocc")], match.group("nocc") + match.group("occ")
    return OLD_LEVELS[match.group("old")], None


def _certificate(match: re.Match[str], text: str) -> Certificate:
    level, title = _cert_level(match)
    scope = {"本职业或相关职业": "this_or_related", "本职业或相关工作": "this_or_related"}.get(
        match.group("scope") or "", "related" if match.group("scope") == "相关职业" else "this"
    )
    return Certificate(level=level, scope=scope, title=title, text=text)


def _training_level(what: str) -> int:
    if what in OLD_TITLES:
        return OLD_TITLES[what]
    if what in OLD_LEVELS:
        return OLD_LEVELS[what]
    return NUMERAL_LEVELS[what[:2]]


def _clause(raw: str, trainings: list[Training], marks: list[str]) -> _Item:
    """Read one clause whole, or return it as ``unparsed``."""
    clause = raw.removeprefix("并")
    text = _GRAD_MARK.sub(lambda m: marks[int(m.group("i"))], clause)
    if m := _PLACEHOLDER.match(clause):
        return _Item(trainings[int(m.group("i"))])
    if m := _WORK_IN.match(clause):
        mode = "trainee" if m.group("trainee") else "continuous"
        return _Item(WorkYears(years=_years(m), mode=mode, scope="this", text=text))
    if m := _WORK.match(clause):
        return _Item(
            WorkYears(
                years=_years(m),
                mode="cumulative" if m.group("mode") == "累计" else "continuous",
                scope="this" if m.group("scope") == "本职业" else "this_or_related",
                text=text,
            )
        )
    if m := _APPRENTICE.match(clause):
        scope = "this" if m.group("scope") == "本职业" else "this_or_related"
        return _Item(Apprenticeship(scope=scope, text=text))
    if m := _CERT.match(clause):
        return _Item(_certificate(m, text), after=bool(m.group("after")))
    if m := _CERT_GRAD.match(clause):
        edu = parse_education_body(m.group("body"), graduating_ok=False, text=text)
        if edu is not None:
            return _Item(AllOf(conditions=(_certificate(m, text), edu)))
    if m := _PREP_GRAD.match(clause):
        edu = parse_education_body(m.group("body"), graduating_ok=False, text=text)
        if edu is not None:
            return _Item(AllOf(conditions=(PreparatoryTechnician(text=text), edu)))
    if m := _EDU.match(clause):
        grad = bool(m.group("grad"))
        edu = parse_education_body(m.group("body"), graduating_ok=grad, text=text)
        if edu is not None:
            return _Item(edu)
    if m := _STUDENT.match(clause):
        student = parse_student_body(m.group("body"), text=text)
        if student is not None:
            return _Item(student)
    return _Item(Unparsed(text=text))


def _bind(items: list[_Item]) -> list[Condition]:
    """Attach "取得…证书后，…N年" years to their certificate; flatten nested ``all``."""
    out: list[Condition] = []
    i = 0
    while i < len(items):
        item = items[i]
        cond = item.condition
        nxt = items[i + 1].condition if i + 1 < len(items) else None
        if (
            item.after
            and isinstance(cond, Certificate)
            and isinstance(nxt, WorkYears)
            and nxt.mode != "trainee"
        ):
            after = YearsAfter(years=nxt.years, mode=nxt.mode, scope=nxt.scope)
            text = f"{cond.text},{nxt.text}"
            out.append(cond.model_copy(update={"after": after, "text": text}))
            i += 2
            continue
        if isinstance(cond, AllOf):
            out.extend(cond.conditions)
        else:
            out.append(cond)
        i += 1
    return out


def _alternative(text: str, trainings: list[Training], marks: list[str]) -> list[Condition]:
    clauses = [c for c in text.split(",") if c]
    if not clauses:  # separators alone: nothing to read, and never "no condition"
        return [Unparsed(text=text)]
    return _bind([_clause(c, trainings, marks) for c in clauses])


def parse_conditions(
    route_text: str, readings: tuple[tuple[str, str], ...] = ()
) -> tuple[Condition, ...]:
    """Parse a route's text into conditions (implicitly all required).

    Args:
        route_text: the route as printed, with or without its ``N、`` number.
        readings: reviewed ``(phrase, read_as)`` replacements from the overrides file,
            for phrases whose reading the text does not settle.

    Returns:
        The conditions; text that could not be read appears as ``Unparsed`` entries.
    """
    text = _NUMBER.sub("", normalize(route_text))
    for phrase, read_as in readings:
        text = text.replace(normalize(phrase), normalize(read_as))
    trainings: list[Training] = []
    marks: list[str] = []

    def _mark(m: re.Match[str]) -> str:
        marks.append(m.group(0))
        return f"@G{len(marks) - 1}@"

    def _take(m: re.Match[str]) -> str:
        trainings.append(
            Training(
                level=_training_level(m.group("what")),
                credential=f"{m.group('cred')}证书",
                title=m.group("what"),
                text=m.group(0),
            )
        )
        return f"@T{len(trainings) - 1}@"

    text = _TRAINING.sub(_take, text)
    text = _GRADUATING.sub(_mark, text)
    alternatives = [a for a in re.split(r";或", text) if a]
    if not alternatives:
        return (Unparsed(text=route_text),)
    parsed = [_alternative(a, trainings, marks) for a in alternatives]
    if len(parsed) == 1:
        return tuple(parsed[0])
    sides: list[Condition] = [
        side[0] if len(side) == 1 else AllOf(conditions=tuple(side)) for side in parsed
    ]
    return (AnyOf(conditions=tuple(sides)),)
