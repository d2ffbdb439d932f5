"""Conditions of a route, as a discriminated union on ``kind``.

Each condition is one requirement the official text states: years worked, a certificate
held (with the years worked after it), a diploma, current studies, formal training, an
apprenticeship or a preparatory-technician certificate; ``all``/``any`` combine them for
"，并" and "；或". Text the importer could not read is kept as ``unparsed`` so that nothing
is ever silently dropped, and text the copy read does not have (it is cut off) as
``missing_text``. Every leaf keeps the phrase of the source it was read from.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, field_validator

from baokao.model.base import Frozen
from baokao.model.held import EngagementAnswer
from baokao.model.licences import LicenceClass
from baokao.model.schools import DegreeKind, SchoolKind
from baokao.model.titles import TitleField, TitleLevel

Scope = Literal["this", "this_or_related"]
CertScope = Literal["this", "related", "this_or_related"]
Specialty = Literal["this", "related", "other"]
SkillGoal = Literal["intermediate", "advanced"]
Credential = Literal["结业证书", "合格证书"]

#: A number of years a condition asks for: finite, and no more than a working life.
Years = Annotated[float, Field(ge=0, le=80, allow_inf_nan=False)]


class WorkYears(Frozen):
    """At least ``years`` of work: cumulative (累计), continuous (连续) or as a trainee (见习)."""

    kind: Literal["work_years"] = "work_years"
    years: Years
    mode: Literal["cumulative", "continuous", "trainee"]
    scope: Scope = "this"
    text: str = ""


class YearsAfter(Frozen):
    """Years worked after obtaining a certificate (取得…证书后，累计/连续从事…N年).

    With ``work``, the years are in the work the text names in its own words
    (取得…证书后，从事推销工作2年以上: :mod:`baokao.model.named_work`), cumulative, not
    in this occupation; ``scope`` then says nothing.
    """

    years: Years
    mode: Literal["cumulative", "continuous"]
    scope: Scope = "this"
    work: str | None = Field(default=None, min_length=3)


class Certificate(Frozen):
    """A certificate of at least ``level`` (1 is highest) in the given occupation scope."""

    kind: Literal["certificate"] = "certificate"
    level: int = Field(ge=1, le=5)
    scope: CertScope = "this"
    title: str | None = None
    after: YearsAfter | None = None
    text: str = ""


class Education(Frozen):
    """A diploma (or, where allowed, a graduating student's studies).

    A school kind is accepted when it is listed in ``schools`` or reaches ``min_degree``
    on the degree ladder. ``specialties`` of ``None`` means any specialty; ``fields``
    names discipline tags of which one must be held (or, with ``exclude_fields``, none).
    """

    kind: Literal["education"] = "education"
    schools: tuple[SchoolKind, ...] = ()
    min_degree: DegreeKind | None = None
    specialties: tuple[Specialty, ...] | None = None
    fields: tuple[str, ...] | None = None
    exclude_fields: bool = False
    graduating_ok: bool = False
    skill_goal: SkillGoal | None = None
    text: str = ""


class Student(Frozen):
    """Currently a student (在校生) at one of ``schools`` in the given specialties."""

    kind: Literal["student"] = "student"
    schools: tuple[SchoolKind, ...]
    specialties: tuple[Specialty, ...] | None = None
    text: str = ""


class Training(Frozen):
    """Formal training for ``level`` of this occupation, 达规定标准学时数, with a certificate."""

    kind: Literal["training"] = "training"
    level: int = Field(ge=1, le=5)
    credential: Credential
    title: str | None = None
    text: str = ""


class Apprenticeship(Frozen):
    """An apprenticeship completed (学徒期满) in this occupation, or this or a related one."""

    kind: Literal["apprenticeship"] = "apprenticeship"
    scope: Scope = "this"
    text: str = ""


class PreparatoryTechnician(Frozen):
    """Holds a 预备技师证书 of this or a related occupation."""

    kind: Literal["preparatory_technician"] = "preparatory_technician"
    text: str = ""


class AllOf(Frozen):
    """Every one of ``conditions`` (the text's "，并")."""

    kind: Literal["all"] = "all"
    conditions: tuple[Condition, ...]

    @field_validator("conditions")
    @classmethod
    def _not_empty(cls, value: tuple[Condition, ...]) -> tuple[Condition, ...]:
        if not value:
            raise ValueError("an 'all' with no conditions would let every candidate qualify")
        return value


class AnyOf(Frozen):
    """At least one of ``conditions`` (the text's "；或"); counts as one condition."""

    kind: Literal["any"] = "any"
    conditions: tuple[Condition, ...]

    @field_validator("conditions")
    @classmethod
    def _not_empty(cls, value: tuple[Condition, ...]) -> tuple[Condition, ...]:
        if not value:
            raise ValueError("an 'any' with no conditions can never be met")
        return value


class Unparsed(Frozen):
    """Source text the importer could not read; never met, always 需人工核实."""

    kind: Literal["unparsed"] = "unparsed"
    text: str
    #: What the grammar recognised but cannot judge yet (a 职称, a licence, an age), when
    #: it knows; ``None`` when the text is simply not understood.
    reason: str | None = None


class MissingText(Frozen):
    """Text the copy of the standard does not have: never met, always 需人工核实.

    Not text the importer failed to read, but text that is not there: the copy ends
    inside the route (``case="cut_off"``; ``text`` is the fragment the cut left, such as
    ``取得本职``, or empty when the copy ends at the route's number), or a level is printed
    with nothing under it (``case="empty_level"``, ``text`` empty). The full text must be
    checked against the original.
    """

    kind: Literal["missing_text"] = "missing_text"
    case: Literal["cut_off", "empty_level"]
    text: str = ""


class Age(Frozen):
    """At least ``years`` years of age (年满N周岁)."""

    kind: Literal["age"] = "age"
    years: int = Field(ge=1, le=100)
    text: str = ""


class DrivingLicence(Frozen):
    """Holds a driving licence of one of the classes in ``accepts`` (持有C1照以上机动车驾驶证:
    C1 and every class that covers it, :func:`baokao.model.licences.accepting`)."""

    kind: Literal["driving_licence"] = "driving_licence"
    accepts: tuple[LicenceClass, ...] = Field(min_length=1)
    text: str = ""


class ProfessionalTitle(Frozen):
    """A professional title (职称, 专业技术职务任职资格) of ``level`` or higher; where the
    text names a field, one of the title fields in ``fields``; where it says 符合专业对应关系,
    one corresponding to this occupation (:mod:`baokao.model.titles`)."""

    kind: Literal["professional_title"] = "professional_title"
    level: TitleLevel
    fields: tuple[TitleField, ...] | None = None
    corresponding: bool = False
    text: str = ""


class TitleYears(Frozen):
    """At least ``years`` of work in this or a related occupation since obtaining the title
    (取得…职称后，累计从事本职业或相关职业工作满N年)."""

    kind: Literal["title_years"] = "title_years"
    years: Years
    text: str = ""


class NamedWork(Frozen):
    """At least ``years`` of the work the text names (``work``: 从事推销工作), counted in
    total or as the longest unbroken stretch (:mod:`baokao.model.named_work`)."""

    kind: Literal["named_work"] = "named_work"
    work: str = Field(min_length=3)
    years: Years
    mode: Literal["cumulative", "continuous"] = "cumulative"
    text: str = ""


class Engagement(Frozen):
    """Works (从事) or means to work (拟从事) in this occupation (or a related one), with no
    years named; ``accepts`` the answers that meet it
    (:func:`baokao.model.held.engagement_accepts`)."""

    kind: Literal["engagement"] = "engagement"
    accepts: tuple[EngagementAnswer, ...] = Field(min_length=1)
    text: str = ""


class Internship(Frozen):
    """An internship of at least ``years`` completed (一年实习期满)."""

    kind: Literal["internship"] = "internship"
    years: Years
    text: str = ""


Leaf = (
    WorkYears
    | Engagement
    | Internship
    | NamedWork
    | Age
    | DrivingLicence
    | ProfessionalTitle
    | TitleYears
    | Certificate
    | Education
    | Student
    | Training
    | Apprenticeship
    | PreparatoryTechnician
    | Unparsed
    | MissingText
)

#: (``AllOf`` and ``AnyOf`` name it before it is defined: like every model, they are built
#: when first used, by then it is.)
Condition = Annotated[Leaf | AllOf | AnyOf, Field(discriminator="kind")]


def depth(conditions: tuple[Condition, ...] | list[Condition]) -> int:
    """How deep ``all``/``any`` nest in ``conditions`` (0 for leaves only)."""
    nested = [depth(c.conditions) + 1 for c in conditions if isinstance(c, AllOf | AnyOf)]
    return max(nested, default=0)


def leaves(conditions: tuple[Condition, ...] | list[Condition]) -> Iterator[Leaf]:
    """Yield every leaf condition below ``conditions``, depth first, in order."""
    for condition in conditions:
        if isinstance(condition, AllOf | AnyOf):
            yield from leaves(condition.conditions)
        else:
            yield condition


def missing_text(conditions: tuple[Condition, ...] | list[Condition]) -> MissingText | None:
    """The text ``conditions`` (a route) lack because the copy does not have it, as one
    leaf: a level with nothing under it, else the fragment the cut left if there is one
    (a cut inside an ``any`` leaves it there and adds an empty leaf), else the cut alone;
    ``None`` when the copy has the route whole."""
    found = [leaf for leaf in leaves(conditions) if isinstance(leaf, MissingText)]
    empty = [leaf for leaf in found if leaf.case == "empty_level"]
    return next(iter(empty or [leaf for leaf in found if leaf.text] or found), None)
