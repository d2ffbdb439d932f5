"""Typed, frozen data: the rule book (occupations, levels, routes, conditions) and the
candidate profile of the public contract. Everything else in baokao speaks these types."""

from baokao.model.conditions import (
    AllOf,
    AnyOf,
    Apprenticeship,
    Certificate,
    Condition,
    Education,
    PreparatoryTechnician,
    Student,
    Training,
    Unparsed,
    WorkYears,
    YearsAfter,
    leaves,
)
from baokao.model.levels import LEVEL_LABELS, level_number, parse_level
from baokao.model.profile import (
    CertificateHeld,
    EducationEntry,
    Profile,
    TrainingDone,
)
from baokao.model.rules import Level, Occupation, Route, Subject, WorkType
from baokao.model.schools import DEGREE_RANK, SCHOOL_KINDS, SchoolKind

__all__ = [
    "DEGREE_RANK",
    "LEVEL_LABELS",
    "SCHOOL_KINDS",
    "AllOf",
    "AnyOf",
    "Apprenticeship",
    "Certificate",
    "CertificateHeld",
    "Condition",
    "Education",
    "EducationEntry",
    "Level",
    "Occupation",
    "PreparatoryTechnician",
    "Profile",
    "Route",
    "SchoolKind",
    "Student",
    "Subject",
    "Training",
    "TrainingDone",
    "Unparsed",
    "WorkType",
    "WorkYears",
    "YearsAfter",
    "leaves",
    "level_number",
    "parse_level",
]
