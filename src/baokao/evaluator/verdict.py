"""A level's verdict: which routes are met, and if none, the closest one.

Status and closest route follow the contract exactly: ``qualified`` when a route is met,
``not_qualified`` when every route is refuted by known facts, otherwise
``undetermined``; the closest route has the fewest unmet conditions, year-only routes
first, then the smallest shortfall, then the lowest number.

Those rules are written once, in :func:`judge_level`, over the outcomes each route *can*
have: one when the facts are known (a profile), several while some are open (the
compiler's partial interviews, where a count of years is known only within bounds). The
compiler asks it whether a partial interview already settles a level.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Literal, NamedTuple, TypeVar

from baokao.evaluator.leaves import leaf, made_once
from baokao.evaluator.outcome import Judged, Outcome, Rank, Truth, all_of, any_of, contenders
from baokao.evaluator.wording import missing_text_line
from baokao.evaluator.years import YearBounds, year_bounds
from baokao.model.conditions import AllOf, AnyOf, Condition, missing_text
from baokao.model.profile import Profile
from baokao.model.rules import Level, Route

Status = Literal["qualified", "not_qualified", "undetermined"]
L = TypeVar("L")
_RANK = attrgetter("rank")
_MOST = attrgetter("rank_most")


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
        """Lines for the closest route's unmet conditions; then, if its copy of the
        standard is cut off, the line that says so (that text is never met, and is not
        counted as an unmet condition in choosing the closest route)."""
        if self.closest is None:
            return ()
        lost = missing_text(self.closest.route.conditions)
        lines = self.closest.outcome.lines
        return lines if lost is None else (*lines, missing_text_line(lost))

    @property
    def unknown(self) -> tuple[str, ...]:
        """For ``undetermined``: the facts still needed, in order of first need."""
        if self.status != "undetermined":
            return ()
        facts = (f for r in self.routes if r.truth is Truth.UNKNOWN for f in r.outcome.unknown)
        return tuple(dict.fromkeys(facts))


class LevelJudgement(NamedTuple):
    """A level judged on the outcomes its routes can have; routes are named by position.

    ``status`` is ``None`` while those outcomes can still give different verdicts. Then
    ``live`` are the routes whose facts can still change it, ``unsettled`` those of them
    that can be the closest route but whose unmet lines are not fixed yet, and ``dead``
    the refuted routes that can never be the closest (nothing left to learn of them).
    """

    status: Status | None
    #: ``qualified``: the lowest-numbered route surely met.
    met: int = -1
    #: ``not_qualified``: the routes that can be the closest one (one, when every
    #: shortfall is known exactly; several when only bounds are, see :func:`contenders`).
    closest: tuple[int, ...] = ()
    live: tuple[int, ...] = ()
    unsettled: tuple[int, ...] = ()
    dead: frozenset[int] = frozenset()


def judge_level(
    possible: Sequence[Collection[Judged[L]]],
    order: Sequence[int],
    stable: Callable[[Judged[L]], bool] | None = None,
) -> LevelJudgement:
    """The level's verdict, if every outcome still possible gives the same one.

    Args:
        possible: per route, the outcomes it can have (never empty).
        order: the routes' positions by route number (ties in closeness go to the
            lowest number).
        stable: whether an unmet outcome's lines are final (the compiler: whether the
            counts of years they quote are known exactly); by default they are.

    Settled as ``qualified`` when some route is surely met; as ``undetermined`` when
    every route that is not refuted is surely open (unreadable text, a missing fact);
    as ``not_qualified`` when every route is surely refuted and the routes that can be
    the closest each have one set of unmet lines, final.
    """
    # Plain loops: this runs for every level of every profile judged.
    met, unmet = Truth.MET, Truth.UNMET
    maybe: list[int] = []  # routes that can be met or open
    fails: dict[int, list[Judged[L]]] = {}  # routes that can be refuted: how
    surely_open = True  # whether every route in ``maybe`` is surely open
    for i in order:
        got: list[Judged[L]] = []
        can_meet = can_open = False
        for o in possible[i]:
            if o.truth is unmet:
                got.append(o)
            elif o.truth is met:
                can_meet = True
            else:
                can_open = True
        if got:
            fails[i] = got
            if can_meet or can_open:
                maybe.append(i)
                surely_open = False
        elif not can_open:
            return LevelJudgement("qualified", i)
        else:
            maybe.append(i)
            surely_open = surely_open and not can_meet
    if maybe and surely_open:
        return LevelJudgement("undetermined")
    failing = list(fails)
    lows: list[Rank] = []  # each refuted route's least rank and its greatest
    highs: list[Rank] = []
    for i in failing:
        fs = fails[i]
        if len(fs) == 1:
            low = fs[0].rank
            lows.append(low)
            highs.append(low if fs[0].most == fs[0].shortfall else fs[0].rank_most)
        else:
            lows.append(min(map(_RANK, fs)))
            highs.append(max(map(_MOST, fs)))
    near = tuple([failing[j] for j in contenders(lows, highs)])
    unsettled = tuple(
        [
            i
            for i in near
            if len(fails[i]) < len(possible[i])
            or (len(fails[i]) > 1 and len({(f.unmet, f.years_only, f.lines) for f in fails[i]}) > 1)
            or (stable is not None and not all(map(stable, fails[i])))
        ]
    )
    if not maybe and not unsettled:
        return LevelJudgement("not_qualified", -1, near)
    # A refuted route that cannot be the closest never matters again: whatever beats it
    # beats every route it would beat, and bounds only tighten as facts come.
    dead = frozenset(failing) - set(maybe) - set(near)
    live = tuple(sorted({*maybe, *unsettled}))
    return LevelJudgement(None, live=live, unsettled=unsettled, dead=dead)


def _by_number(level: Level) -> tuple[int, ...]:
    """The level's route positions by route number (made once per level: a level is
    judged again and again, for every profile of a roster)."""
    routes = level.routes
    return tuple(sorted(range(len(routes)), key=lambda i: routes[i].number))


def evaluate(level: Level, profile: Profile) -> Verdict:
    """Judge a profile against every route of a level."""
    bounds = year_bounds(profile)
    results = tuple([evaluate_route(r, profile, bounds) for r in level.routes])
    judged = judge_level([(r.outcome,) for r in results], made_once(level, _by_number))
    if judged.status == "not_qualified":
        return Verdict(level, "not_qualified", results, results[judged.closest[0]])
    assert judged.status is not None  # exact outcomes always settle
    return Verdict(level, judged.status, results, None)
