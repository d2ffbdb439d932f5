"""The candidate profile of the public contract (``shared/spec/profile-contract.md``).

Every field is optional and an absent field is *unknown*, never zero: the evaluator
answers "undetermined" rather than guess. Unknown keys, wrong types, negative years and
contradictions (an unbroken stretch longer than the total) are rejected here, so a typo
can never silently change a verdict.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from baokao.model.base import Frozen
from baokao.model.held import EngagementAnswer
from baokao.model.licences import LicenceClass
from baokao.model.quantities import CONSISTENCY, broken_rule
from baokao.model.schools import SchoolKind
from baokao.model.titles import TitleField, TitleLevel

Years = Annotated[float, Field(ge=0, strict=True, allow_inf_nan=False)]
LevelNo = Annotated[int, Field(ge=1, le=5, strict=True)]

#: Discipline tags the conditions use; other tags are accepted and simply match none.
FIELD_TAGS = (
    "医学",
    "食品",
    "医药卫生",
    "中医",
    "针灸推拿",
    "骨伤",
    "心理学",
    "教育学",
    "药学",
    "学前教育",
)
FieldTag = Annotated[str, Field(min_length=1, strict=True)]


class WorkAfter(Frozen):
    """Years in a field of work a text names (``work``: 从事推销工作) since obtaining the
    certificate that holds them."""

    work: Annotated[str, Field(min_length=1, strict=True)]
    years: Years


class CertificateHeld(Frozen):
    """A certificate the candidate holds; ``named_work_after`` absent (or a work not
    listed in it) is unknown."""

    level: LevelNo
    occupation: Literal["this", "related"]
    years_after: Years | None = None
    years_after_related: Years = 0.0
    continuous_after: Annotated[bool, Field(strict=True)] = False
    named_work_after: tuple[WorkAfter, ...] | None = None


class EducationEntry(Frozen):
    """A diploma held, or studies under way.

    ``status`` defaults to ``graduated``: an entry is a diploma unless it says otherwise.
    ``specialty`` and ``fields`` absent are unknown.
    """

    school: SchoolKind
    specialty: Literal["this", "related", "other"] | None = None
    fields: tuple[FieldTag, ...] | None = None
    status: Literal["graduated", "graduating", "enrolled"] = "graduated"
    skill_goal: Literal["intermediate", "advanced"] | None = None


class TitleHeld(Frozen):
    """A professional title held (职称, 专业技术职务任职资格); parts absent are unknown."""

    level: TitleLevel
    fields: tuple[TitleField, ...] | None = None
    corresponding: Annotated[bool, Field(strict=True)] | None = None


class NamedWorkYears(Frozen):
    """Years in a field of work a text names in its own words (``work``: 从事推销工作)."""

    work: Annotated[str, Field(min_length=1, strict=True)]
    years: Years | None = None
    continuous_years: Years | None = None


class TrainingDone(Frozen):
    """Formal training completed for a level of this occupation."""

    level: LevelNo
    credential: Literal["结业证书", "合格证书"]


#: The fields the consistency rules compare: of the profile, and of each certificate.
_RULED = tuple(dict.fromkeys(f for r in CONSISTENCY for f in (r.low, *r.high)))
_FIELDS = tuple(f for f in _RULED if "[" not in f)
_PER_CERTIFICATE = tuple(f.removeprefix("certificates[].") for f in _RULED if "[" in f)


class Profile(Frozen):
    """What is known of a candidate; ``None`` means unknown."""

    years_this: Years | None = None
    years_related: Years | None = None
    years_this_continuous: Years | None = None
    years_continuous_incl_related: Years | None = None
    years_trainee_continuous: Years | None = None
    age: Years | None = None
    driving_licence: LicenceClass | Literal["none"] | None = None
    professional_titles: tuple[TitleHeld, ...] | None = None
    years_after_title: Years | None = None
    named_work: tuple[NamedWorkYears, ...] | None = None
    engagement: EngagementAnswer | None = None
    internship_years: Years | None = None
    apprenticeship: Literal["this", "related", "none"] | None = None
    certificates: tuple[CertificateHeld, ...] | None = None
    preparatory_technician: Annotated[bool, Field(strict=True)] | None = None
    education: tuple[EducationEntry, ...] | None = None
    trainings: tuple[TrainingDone, ...] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        """Reject facts that break a consistency rule of the registry."""
        known: dict[str, tuple[float | None, ...]] = {f: (getattr(self, f),) for f in _FIELDS}
        for name in _PER_CERTIFICATE:
            known[f"certificates[].{name}"] = tuple(
                getattr(c, name) for c in self.certificates or ()
            )
        broken = broken_rule(known)
        if broken is not None:
            raise ValueError(broken)
        return self
