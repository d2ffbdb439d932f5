"""A level's verdict: which routes are met, and if none, the closest one.

Status and closest route follow the contract exactly: ``qualified`` when a route is met,
``not_qualified`` when every route is refuted by known facts, otherwise
``undetermined``; the closest route has the fewest unmet conditions, year-only routes
first, then the smallest shortfall, then the lowest number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from baokao.evaluator.leaves import leaf
from baokao.evaluator.outcome import Outcome, Truth, all_of, any_of
from baokao.evaluator.years import YearBounds, year_bounds
from baokao.model.conditions import AllOf, AnyOf, Condition
from baokao.model.profile import Profile
from baokao.model.rules import Level, Route

Status = Literal["qualified", "not_qualified", "undetermined"]


def evaluate_condition(c: Condition, p: Profile, bounds: YearBounds) -> Outcome:
    """Evaluate any condition, combining ``all``/``any`` nodes."""
    if isinstance(c, AllOf):
        return all_of([evaluate_condition(x, p, bounds) for x in c.conditions])
    if isinstance(c, AnyOf):
        return any_of([evaluate_condition(x, p, bounds) for x in c.conditions])
    return leaf(c, p, bounds)


@dataclass(frozen=True, slots=True)
class RouteResult:
    """One route judged against a profile: overall, and condition by condition."""

    route: Route
    outcome: Outcome
    parts: tuple[tuple[Condition, Outcome], ...] = ()

    @property
    def met(self) -> tuple[Condition, ...]:
        """The route's conditions that are met."""
        return tuple(c for c, o in self.parts if o.truth is Truth.MET)

    @property
    def failed(self) -> tuple[tuple[Condition, Outcome], ...]:
        """The route's conditions that are unmet, each with its outcome (lines, shortfall)."""
        return tuple((c, o) for c, o in self.parts if o.truth is Truth.UNMET)

    @property
    def number(self) -> int:
        """The route number as printed."""
        return self.route.number

    @property
    def truth(self) -> Truth:
        """Met, unmet or unknown."""
        return self.outcome.truth


def evaluate_route(route: Route, p: Profile, bounds: YearBounds | None = None) -> RouteResult:
    """Judge one route."""
    b = bounds or year_bounds(p)
    conditions = route.conditions
    outcomes = [evaluate_condition(c, p, b) for c in conditions]
    return RouteResult(route, all_of(outcomes), tuple(zip(conditions, outcomes, strict=True)))


@dataclass(frozen=True, slots=True)
class Verdict:
    """A level judged against a profile."""

    level: Level
    status: Status
    routes: tuple[RouteResult, ...]
    closest: RouteResult | None

    @property
    def qualifying(self) -> tuple[int, ...]:
        """Every route number met."""
        return tuple(r.number for r in self.routes if r.truth is Truth.MET)

    @property
    def unmet(self) -> tuple[str, ...]:
        """Lines for the closest route's unmet conditions."""
        return self.closest.outcome.lines if self.closest else ()

    @property
    def unknown(self) -> tuple[str, ...]:
        """For ``undetermined``: the facts still needed, in order of first need."""
        if self.status != "undetermined":
            return ()
        facts = (f for r in self.routes if r.truth is Truth.UNKNOWN for f in r.outcome.unknown)
        return tuple(dict.fromkeys(facts))


def closest_route(results: tuple[RouteResult, ...]) -> RouteResult:
    """The contract's closest route among refuted routes."""
    return min(results, key=lambda r: (*r.outcome.rank, r.number))


def evaluate(level: Level, profile: Profile) -> Verdict:
    """Judge a profile against every route of a level."""
    bounds = year_bounds(profile)
    results = tuple([evaluate_route(r, profile, bounds) for r in level.routes])
    truths = [r.outcome.truth for r in results]
    if Truth.MET in truths:
        return Verdict(level, "qualified", results, None)
    if Truth.UNKNOWN not in truths:  # every route refuted (all() of none holds as well)
        return Verdict(level, "not_qualified", results, closest_route(results))
    return Verdict(level, "undetermined", results, None)
