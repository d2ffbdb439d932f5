"""The education part of the grammar: "以高级技能为培养目标的高级技工学校、技师学院和
职业技术学院本专业" and the like.

The body is read as a sequence of known words (qualifiers, school words, specialty and
discipline words, separators); any other character makes the whole clause unparsed.
"或" followed by its own qualifier starts a second school group with its own 培养目标
(高级技工学校或经…以高级技能为培养目标的高等职业学校), giving an ``any`` of two diplomas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baokao.importer.phrases import (
    FIELD_WORDS,
    SCHOOL_WORDS,
    SPECIALIST_SCHOOLS,
    SPECIALTY_WORDS,
)
from baokao.model.conditions import AnyOf, Condition, Education, Student
from baokao.model.schools import DEGREE_RANK, SchoolKind

QUALIFIERS = (
    "经评估论证、",
    "经评估论证",
    "经劳动保障行政部门审核认定的、",
    "经劳动保障行政部门审核认定的",
    "经国家有关行政部门审核认定的",
)
GOALS = {
    "以中级技能为培养目标的": "intermediate",
    "以高级技能为培养目标的": "advanced",
    "以四级技能为培养目标的": "intermediate",
    "以三级技能为培养目标的": "advanced",
    "以技能为培养目标的": "intermediate",
}
# 以中级技能为培养目标的, and the same goal named by its numeral (以四级秘书技能…).
# 以技能为培养目标 (the level left out) is a skill goal of either level.
_GOAL = re.compile(r"以(?:(?P<w>中级|高级|四级|三级)[\u4e00-\u9fff]{0,6}?)?技能为培养目标的?")
_FIELD = re.compile(
    "(?P<neg>非)?(?P<words>" + "|".join(map(re.escape, FIELD_WORDS)) + r")专业(?P<bone>\(含骨伤\))?"
)
_SEPARATORS = ("、", "和", "或")
# 大专以上(含大专): the school just named, restated as included (以上 already includes it).
_INCLUDED = re.compile(r"\(含(?P<w>[\u4e00-\u9fff]{2,8})\)")
FILLERS = ("及以上", "以上", "学历", "的")


@dataclass
class _Group:
    schools: list[SchoolKind] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    goal: str | None = None
    qualified: bool = False


@dataclass
class _Body:
    groups: list[_Group]
    specialties: tuple[str, ...] | None = None
    fields: tuple[str, ...] | None = None
    exclude_fields: bool = False
    #: The tags came with a school named by its speciality (幼师): another discipline
    #: word beside it names a second one, which the grammar does not read.
    tags_of_school: bool = False


def _lex(body: str) -> _Body | None:
    """Read the body word by word; ``None`` if any part is not a known word."""
    groups = [_Group()]
    result = _Body(groups)
    words = sorted(SCHOOL_WORDS, key=len, reverse=True)
    specs = sorted(SPECIALTY_WORDS, key=len, reverse=True)
    pos, last_sep, last_school = 0, "", ""
    while pos < len(body):
        rest = body[pos:]
        qual = next((q for q in QUALIFIERS if rest.startswith(q)), None)
        goal = _GOAL.match(rest)
        if qual or goal:
            current = groups[-1]
            if (current.schools or current.degrees) and last_sep == "或":
                groups.append(_Group())
            if goal:
                groups[-1].goal = GOALS[f"以{goal.group('w') or ''}技能为培养目标的"]
            groups[-1].qualified = True
            pos += len(qual) if qual else goal.end() if goal else 0
            continue
        named = next((w for w in SPECIALIST_SCHOOLS if rest.startswith(w)), None)
        if named:
            stands_for, tags = SPECIALIST_SCHOOLS[named]
            if result.fields not in (None, tags):
                return None  # two disciplines named: not a reading the grammar makes
            groups[-1].degrees.append(stands_for)
            result.fields, result.tags_of_school = tags, True
            pos += len(named)
            last_sep, last_school = "", named
            continue
        school = next((w for w in words if rest.startswith(w)), None)
        if school:
            kinds, degree = SCHOOL_WORDS[school]
            groups[-1].schools.extend(kinds)
            if degree:
                groups[-1].degrees.append(degree)
            pos += len(school)
            last_sep, last_school = "", school
            continue
        if (
            (m := _INCLUDED.match(rest))
            and m.group("w") == last_school
            and body[:pos].endswith("以上")
        ):
            pos += len(m.group(0))
            continue
        if (m := _FIELD.match(rest)) and not result.tags_of_school:
            tags = FIELD_WORDS[m.group("words")] + (("骨伤",) if m.group("bone") else ())
            result.fields = tags
            result.exclude_fields = bool(m.group("neg"))
            pos += len(m.group(0))
            continue
        spec = next((s for s in specs if rest.startswith(s)), None)
        if spec:
            result.specialties = SPECIALTY_WORDS[spec]
            pos += len(spec)
            continue
        sep = next((s for s in _SEPARATORS if rest.startswith(s)), None)
        if sep is None and rest.startswith("及") and not rest.startswith("及以上"):
            sep = "及"  # 幼师及幼师职业高中: either school, as with 和
        if sep:
            last_sep = sep
            pos += 1
            continue
        filler = next((f for f in FILLERS if rest.startswith(f)), None)
        if filler:
            pos += len(filler)
            continue
        return None
    if not all(g.schools or g.degrees for g in groups):
        return None
    return result


def _unique(kinds: list[SchoolKind]) -> tuple[SchoolKind, ...]:
    return tuple(dict.fromkeys(kinds))


def parse_education_body(body: str, *, graduating_ok: bool, text: str) -> Condition | None:
    """Turn a diploma phrase's body into an ``education`` condition (or ``any`` of two).

    Returns:
        The condition, or ``None`` when the body holds words the grammar does not know.
    """
    lexed = _lex(body)
    if lexed is None:
        return None
    options: list[Condition] = []
    for group in lexed.groups:
        minimum = min(group.degrees, key=DEGREE_RANK.__getitem__) if group.degrees else None
        options.append(
            Education(
                schools=_unique(group.schools),
                min_degree=minimum,
                specialties=lexed.specialties,
                fields=lexed.fields,
                exclude_fields=lexed.exclude_fields,
                graduating_ok=graduating_ok,
                skill_goal=group.goal,
                text=text,
            )
        )
    return options[0] if len(options) == 1 else AnyOf(conditions=tuple(options))


def parse_student_body(body: str, *, text: str) -> Student | None:
    """Turn "高等院校本专业或相关专业" (before 在校生) into a ``student`` condition."""
    lexed = _lex(body)
    if lexed is None or len(lexed.groups) != 1 or lexed.groups[0].degrees or lexed.fields:
        return None
    return Student(
        schools=_unique(lexed.groups[0].schools),
        specialties=lexed.specialties,
        text=text,
    )


def parse_diploma_list(
    body: str, joint: re.Pattern[str], *, graduating_ok: bool, text: str
) -> Condition | None:
    """A body that may list several diplomas (``本专业大专以上毕(结)业证书、高级技工学校或…``)
    or groups of graduates (``…毕业生和大专以上…的``), cut at ``joint``: any one of them.

    Returns:
        The condition, or ``None`` when any part holds words the grammar does not know.
    """
    options: list[Condition] = []
    for part in joint.split(body):
        found = parse_education_body(part, graduating_ok=graduating_ok, text=text)
        if found is None:
            return None
        options.extend(found.conditions if isinstance(found, AnyOf) else (found,))
    return options[0] if len(options) == 1 else AnyOf(conditions=tuple(options))
