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
from baokao.model.schools import SchoolKind

Years = Annotated[float, Field(ge=0, strict=True, allow_inf_nan=False)]
LevelNo = Annotated[int, Field(ge=1, le=5, strict=True)]

#: Discipline tags the conditions use; other tags are accepted and simply match none.
FIELD_TAGS = ("医学", "食品", "医药卫生", "中医", "针灸推拿", "骨伤")
FieldTag = Annotated[str, Field(min_length=1, strict=True)]


class CertificateHeld(Frozen):
    """A certificate the candidate holds."""

    level: LevelNo
    occupation: Literal["this", "related"]
    years_after: Years | None = None
    years_after_related: Years = 0.0
    continuous_after: Annotated[bool, Field(strict=True)] = False


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


class TrainingDone(Frozen):
    """Formal training completed for a level of this occupation."""

    level: LevelNo
    credential: Literal["结业证书", "合格证书"]


class Profile(Frozen):
    """What is known of a candidate; ``None`` means unknown."""

    years_this: Years | None = None
    years_related: Years | None = None
    years_this_continuous: Years | None = None
    years_continuous_incl_related: Years | None = None
    years_trainee_continuous: Years | None = None
    age: Years | None = None
    apprenticeship: Literal["this", "related", "none"] | None = None
    certificates: tuple[CertificateHeld, ...] | None = None
    preparatory_technician: Annotated[bool, Field(strict=True)] | None = None
    education: tuple[EducationEntry, ...] | None = None
    trainings: tuple[TrainingDone, ...] | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Profile:
        """Reject facts that contradict each other."""
        this, rel = self.years_this, self.years_related
        cont, incl = self.years_this_continuous, self.years_continuous_incl_related
        if this is not None and cont is not None and cont > this:
            raise ValueError(
                "years_this_continuous exceeds years_this "
                "(an unbroken stretch cannot be longer than the total)"
            )
        if cont is not None and incl is not None and cont > incl:
            raise ValueError("years_this_continuous exceeds years_continuous_incl_related")
        if this is not None and rel is not None and incl is not None and incl > this + rel:
            raise ValueError("years_continuous_incl_related exceeds years_this + years_related")
        for i, cert in enumerate(self.certificates or ()):
            if this is not None and cert.years_after is not None and cert.years_after > this:
                raise ValueError(f"certificates[{i}].years_after exceeds years_this")
            if rel is not None and cert.years_after_related > rel:
                raise ValueError(f"certificates[{i}].years_after_related exceeds years_related")
        return self
