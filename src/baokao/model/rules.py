"""The rule book: occupations, their 工种, levels and numbered routes.

An occupation file holds the occupation's own levels and those of each of its 工种,
plus the 备注 notes (definitions of 相关职业, 相关专业 …) so the UI can quote them.
A :class:`Subject` is what a candidate applies under: an occupation, or one 工种 of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import Field, field_validator, model_validator

from baokao.model.base import Frozen
from baokao.model.conditions import Condition, depth
from baokao.model.levels import LEVEL_LABELS, level_number

#: How deep ``all``/``any`` may nest in a route (the source's wording needs two).
MAX_NESTING = 6


def _twice(kind: str, values: Iterable[object]) -> None:
    """Refuse a number or name that appears twice (the later one would be hidden)."""
    seen: dict[object, int] = {}
    for place, value in enumerate(values, 1):
        if value in seen:
            raise ValueError(f"{kind} {value} appears twice (entries {seen[value]} and {place})")
        seen[value] = place


class Route(Frozen):
    """One numbered alternative of a level: met when every condition is met."""

    number: int = Field(ge=1)
    text: str
    conditions: tuple[Condition, ...]
    #: Set when the reading of this route was decided by a reviewed override: the
    #: answer is given, but marked 需人工核实 with this reason.
    review: str | None = None
    #: Where the route is printed, ``file:line`` (routes read from a standard's text).
    source: str | None = None

    @field_validator("conditions")
    @classmethod
    def _meaningful(cls, value: tuple[Condition, ...]) -> tuple[Condition, ...]:
        if not value:
            raise ValueError("a route with no conditions would let every candidate qualify")
        if depth(value) > MAX_NESTING:
            raise ValueError(f"all/any nested more than {MAX_NESTING} deep")
        return value


class Level(Frozen):
    """A level (1 highest … 5) with its label as printed and its routes."""

    number: int = Field(ge=1, le=5)
    label: str
    routes: tuple[Route, ...]

    @field_validator("routes")
    @classmethod
    def _routes(cls, value: tuple[Route, ...]) -> tuple[Route, ...]:
        if not value:
            raise ValueError("a level with no routes: nobody could qualify; list them or drop it")
        _twice("route number", (r.number for r in value))
        return value

    @model_validator(mode="after")
    def _label_matches(self) -> Level:
        named = level_number(self.label)
        if named is not None and named != self.number:
            raise ValueError(f"label {self.label} is not level {self.number}")
        return self

    def route(self, number: int) -> Route:
        """Return the route numbered ``number`` as printed in the source."""
        for route in self.routes:
            if route.number == number:
                return route
        raise KeyError(number)


def _distinct_levels(levels: tuple[Level, ...]) -> tuple[Level, ...]:
    _twice("level number", (lv.number for lv in levels))
    return levels


class WorkType(Frozen):
    """A 工种 of an occupation, with its own levels."""

    name: str
    levels: tuple[Level, ...]

    @field_validator("levels")
    @classmethod
    def _levels(cls, value: tuple[Level, ...]) -> tuple[Level, ...]:
        return _distinct_levels(value)


class RuleSource(Frozen):
    """Where a rule file's text comes from, as the slip cites it.

    Held in the rule file (never guessed by code): the title of the table or standard as
    printed in its heading, and the issuing body and year where the source names them.
    """

    title: str = Field(min_length=1)
    issuer: str | None = None
    year: int | None = Field(default=None, ge=1949, le=2100)

    def cite(self) -> str:
        """The source as one line: ``《title》（issuer，year 年）``."""
        parts = [p for p in (self.issuer, f"{self.year} 年" if self.year else None) if p]
        return f"《{self.title}》" + (f"（{'，'.join(parts)}）" if parts else "")


class Occupation(Frozen):
    """An occupation as the source table lists it."""

    code: str | None = None
    name: str
    #: The table or standard the routes were read from (optional, for older files).
    source: RuleSource | None = None
    notes: tuple[str, ...] = ()
    levels: tuple[Level, ...] = ()
    work_types: tuple[WorkType, ...] = ()

    @field_validator("levels")
    @classmethod
    def _levels(cls, value: tuple[Level, ...]) -> tuple[Level, ...]:
        return _distinct_levels(value)

    @field_validator("work_types")
    @classmethod
    def _work_types(cls, value: tuple[WorkType, ...]) -> tuple[WorkType, ...]:
        _twice("工种", (wt.name for wt in value))
        return value

    def subjects(self) -> list[Subject]:
        """Every subject of this occupation: itself (if it has levels), then each 工种."""
        found: list[Subject] = []
        if self.levels:
            found.append(Subject(self, None))
        found.extend(Subject(self, wt.name) for wt in self.work_types)
        return found


@dataclass(frozen=True)
class Subject:
    """What a candidate applies under: an occupation, or one of its 工种."""

    occupation: Occupation
    work_type: str | None

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels of this occupation or 工种, in source order."""
        if self.work_type is None:
            return self.occupation.levels
        for wt in self.occupation.work_types:
            if wt.name == self.work_type:
                return wt.levels
        raise KeyError(self.work_type)

    @property
    def title(self) -> str:
        """A display name: ``保健按摩师`` or ``保健按摩师 · 脊柱按摩师``."""
        if self.work_type is None:
            return self.occupation.name
        return f"{self.occupation.name} · {self.work_type}"

    def level(self, number: int) -> Level:
        """The level numbered ``number`` (1–5)."""
        for level in self.levels:
            if level.number == number:
                return level
        raise KeyError(LEVEL_LABELS.get(number, str(number)))
