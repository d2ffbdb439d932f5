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

_YEARS = r"(?:满(?P<m>\d+(?:\.\d+)?)年(?:以上)?|(?P<n>\d+(?:\.\d+)?)年(?:\(含(?:\d+年)?\),?)?(?:以上|上)?)"
_SCOPE = r"(?P<scope>本职业或相关职业|本职业或相关工作|本职业|相关职业中?)"
_TITLES = "助理电子商务师|电子商务员|高级物流师|助理物流师|物流员|物流师"
_LEVEL = (
    rf"(?:(?P<title>{_TITLES})"
    r"|(?P<num>[五四三二一]级)(?:/?(?:初级|中级|高级技师|高级|技师))?工?"
    r"|(?P<nocc>[五四三二一]级)(?P<occ>[\u4e00-\u9fff]+?师)"
    r"|(?P<old>高级技师|技师|初级|中级|高级)(?:\((?:[五四三二一])级\))?工?"
    r"|(?P<named>[\u4e00-\u9fff]{2,12}?(?:师|员|秘书)(?:[五四三二一]级)?))"
)
_CERT_NOUN = (
    r"(?:技能)?(?:职业资格(?:\(职业技能等级\)|业技能等级\))?证书?(?:\(技能等级证书\))?"
    r"|技能等级证书|资格证书|职业证书|证书|岗位技能水平证书|职业资格)"
)

_WORK_IN = re.compile(rf"^在?本职业连续(?P<trainee>见习)?(?:工作)?{_YEARS}$")
_WORK = re.compile(
    r"^(?:申报前)?(?P<mode>累计|连续)?从事"
    r"(?P<scope>本职业或相关职业|本职业或相关工作|本职业或相关专业|本职业|本职)"
    rf"(?:工作)?{_YEARS}$"
)
_APPRENTICE = re.compile(r"^(?:从事)?(?P<scope>本职业或相关职业|本职业)学徒期满$")
_CERT = re.compile(
    rf"^在?取得{_SCOPE}?{_LEVEL}{_CERT_NOUN}(?:(?P<after>以?后)|满(?P<held>\d+(?:\.\d+)?)年)?$"
)
_CERT_GRAD = re.compile(rf"^取得{_SCOPE}?{_LEVEL}{_CERT_NOUN}的(?P<body>.+)毕业生$")
_PREP_GRAD = re.compile(
    r"^取得(?:本职业或相关职业|本职业|相关职业)?预备技师证书的(?P<body>.+)毕业生$"
)
_EDU = re.compile(
    r"^(?:具有|取得)?(?P<body>.+?)(?:毕业证书|学历证书|学位证书|学历|学位|毕业生)(?P<grad>@G\d+@)?"
    r"(?:\(或(?:同等|等同)学历\))?(?:者|后)?$"
)
_STUDENT = re.compile(r"^(?P<body>.+)在校生$")
_TRAINING = re.compile(
    r"经(?P<what>[^,;]{0,20}?)(?:职业资格)?(?:正规)?的?(?:职业)?培训,?达到?(?:规定)?(?:标准)?学时数?"
    r"[,;]?[并且]?取得(?P<cred>毕\(结\)业|结业|合格|毕业)证书者?"
)
_GRADUATING = re.compile(r"\(含(?:尚未取得毕业证书的)?在(?:校|读)应届(?:研究生)?毕业生\)")
_QUALIFIER = re.compile(r"经劳动(?:和社会)?保障(?:行政)?部门审核认[定证]的?[,、]?")
_GOAL_LEVEL = re.compile(r"(?<=以[中高]级)\([四三]级\)")
_PLACEHOLDER = re.compile(r"^@T(?P<i>\d+)@$")
_GRAD_MARK = re.compile(r"@G(?P<i>\d+)@")
_NUMBER = re.compile(r"^\d{1,2}、")


@dataclass(frozen=True)
class _Item:
    """A parsed clause; ``after`` marks a certificate read as "取得…证书后"."""

    condition: Condition
    after: bool = False


def _qualifier(m: re.Match[str]) -> str:
    """One spelling of the authority phrase; a comma after it is not a clause break."""
    return "经劳动保障行政部门审核认定的" + ("、" if m.group(0).endswith((",", "、")) else "")


def _years(match: re.Match[str]) -> float:
    return float(match.group("n") or match.group("m"))


#: Title names of the levels of the standard being read (助理理财规划师 -> 3), set by
#: :func:`parse_conditions` for one route at a time.
_CONTEXT: dict[str, int] = {}


def _named_level(name: str) -> int | None:
    """The level a named certificate or training names: 五级秘书, 中级X师, a title."""
    name = name.removeprefix("本职业")
    if name in _CONTEXT:
        return _CONTEXT[name]
    if name in OLD_TITLES:
        return OLD_TITLES[name]
    if m := re.search(r"[五四三二一]级", name):
        return NUMERAL_LEVELS[m.group(0)]
    if m := re.search(r"(?:高级技师|技师|初级|中级|高级)", name):
        return OLD_LEVELS[m.group(0)]
    if name == "本等级" and "本等级" in _CONTEXT:
        return _CONTEXT["本等级"]
    return None


def _cert_level(match: re.Match[str]) -> tuple[int, str | None]:
    title = match.group("title")
    if title:
        return OLD_TITLES[title], title
    if named := match.group("named"):
        level = _named_level(named)
        if level is None:
            raise ValueError(named)
        return level, named
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


def _training_title(what: str) -> str:
    title = what.removeprefix("本职业")
    return title[:-1] if title.endswith(("师级", "员级")) else title


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
                mode="continuous" if m.group("mode") == "连续" else "cumulative",
                scope="this" if m.group("scope") in ("本职业", "本职") else "this_or_related",
                text=text,
            )
        )
    if m := _APPRENTICE.match(clause):
        scope = "this" if m.group("scope") == "本职业" else "this_or_related"
        return _Item(Apprenticeship(scope=scope, text=text))
    try:
        return _certificate_clause(clause, text)
    except (ValueError, LookupError):
        pass
    return _education_clause(clause, text)


def _certificate_clause(clause: str, text: str) -> _Item:
    if m := _PREP_GRAD.match(clause):
        edu = parse_education_body(m.group("body"), graduating_ok=False, text=text)
        if edu is not None:
            return _Item(AllOf(conditions=(PreparatoryTechnician(text=text), edu)))
    if m := _CERT.match(clause):
        cert = _certificate(m, text)
        if m.group("held"):  # 取得…证书满4年: held for that long, i.e. years after it
            after = YearsAfter(years=float(m.group("held")), mode="cumulative", scope="this")
            cert = cert.model_copy(update={"after": after})
        return _Item(cert, after=bool(m.group("after")))
    if m := _CERT_GRAD.match(clause):
        edu = parse_education_body(m.group("body"), graduating_ok=False, text=text)
        if edu is not None:
            return _Item(AllOf(conditions=(_certificate(m, text), edu)))
    raise LookupError(clause)


def _education_clause(clause: str, text: str) -> _Item:
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
    route_text: str,
    readings: tuple[tuple[str, str], ...] = (),
    *,
    level: int | None = None,
    titles: dict[str, int] | None = None,
) -> tuple[Condition, ...]:
    """Parse a route's text into conditions (implicitly all required).

    Args:
        route_text: the route as printed, with or without its ``N、`` number.
        readings: reviewed ``(phrase, read_as)`` replacements from the overrides file,
            for phrases whose reading the text does not settle.
        level: the level the route belongs to, for 经本职业本等级正规培训.
        titles: the standard's title names of its levels (助理理财规划师 -> 3).

    Returns:
        The conditions; text that could not be read appears as ``Unparsed`` entries.
    """
    _CONTEXT.clear()
    _CONTEXT.update(titles or {})
    if level is not None:
        _CONTEXT["本等级"] = level
    text = _NUMBER.sub("", normalize(route_text)).rstrip(";")
    text = _QUALIFIER.sub(_qualifier, text.replace("。", ","))
    text = _GOAL_LEVEL.sub("", text).replace("(含),以上", "(含)以上")
    for phrase, read_as in readings:
        text = text.replace(normalize(phrase), normalize(read_as))
    trainings: list[Training] = []
    marks: list[str] = []

    def _mark(m: re.Match[str]) -> str:
        marks.append(m.group(0))
        return f"@G{len(marks) - 1}@"

    def _take(m: re.Match[str]) -> str:
        level, cred = _named_level(_training_title(m.group("what"))), m.group("cred")
        if level is None:
            return m.group(0)
        trainings.append(
            Training(
                level=level,
                credential="合格证书" if cred == "合格" else "结业证书",
                title=_training_title(m.group("what")),
                text=m.group(0),
            )
        )
        return f"@T{len(trainings) - 1}@"

    text = _TRAINING.sub(_take, text)
    text = _GRADUATING.sub(_mark, text)
    alternatives = [a for a in re.split(r";或|,或(?=取得|具有)", text) if a]
    if not alternatives:
        return (Unparsed(text=route_text),)
    parsed = [_alternative(a, trainings, marks) for a in alternatives]
    if len(parsed) == 1:
        return tuple(parsed[0])
    sides: list[Condition] = [
        side[0] if len(side) == 1 else AllOf(conditions=tuple(side)) for side in parsed
    ]
    return (AnyOf(conditions=tuple(sides)),)
