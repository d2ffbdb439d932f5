"""What a condition can still turn out to be, over every completion of the unasked facts.

The compiler judges partial interviews, not profiles. For each condition it computes
the set of *shapes* the evaluator's outcome can take once every unasked fact is filled
in: met, unmet (with the number of counted conditions, whether they are all years, a
bound on the shortfall, which unmet lines, and which counts of years those lines
quote), or stuck on unreadable text. The algebra mirrors ``baokao.evaluator.outcome``
(``all``/``any`` and the contract's closest rule), so that a question is asked exactly
when the shapes still disagree; the tests hold the two side by side on every path.
"""

from __future__ import annotations

from itertools import product
from typing import Literal, NamedTuple

INF = float("inf")


class Fail(NamedTuple):
    """An unmet outcome: ``unmet`` counted conditions, shortfall in ``[lo, hi]``.

    ``key`` holds the unmet lines as templates worded like the evaluator's (a shortfall
    left to fill in), in order; ``vars`` names the counts of years whose exact values
    those lines quote, so the outcome is settled only once they are answered.
    """

    unmet: int
    years_only: bool
    lo: float
    hi: float
    key: tuple[object, ...]
    vars: frozenset[str]


MET: Literal["M"] = "M"
STUCK: Literal["S"] = "S"
Shape = Fail | Literal["M", "S"]
Shapes = frozenset[Shape]

NO_VARS: frozenset[str] = frozenset()


def rank_lo(f: Fail) -> tuple[int, bool, float]:
    """The best (smallest) closest-route rank this outcome can have."""
    return (f.unmet, not f.years_only, f.lo if f.years_only else 0.0)


def rank_hi(f: Fail) -> tuple[int, bool, float]:
    """The worst (largest) closest-route rank this outcome can have."""
    return (f.unmet, not f.years_only, f.hi if f.years_only else 0.0)


def contenders(
    lows: list[tuple[int, bool, float]], highs: list[tuple[int, bool, float]]
) -> list[int]:
    """Indices that can be the minimum (ties going to the lowest index).

    Candidate ``i`` is kept unless some other candidate is surely better: an earlier
    one whose worst rank is at most ``i``'s best, or a later one whose worst rank is
    below ``i``'s best. Over-approximates, never misses a possible minimum.
    """
    n = len(lows)
    if n == 1:
        return [0]
    if n == 2:  # the usual case, spelled out: it is judged very often
        return [
            i for i, kept in enumerate((not highs[1] < lows[0], not highs[0] <= lows[1])) if kept
        ]
    keep = []
    for i, low in enumerate(lows):
        beaten = any((highs[j] <= low if j < i else highs[j] < low) for j in range(n) if j != i)
        if not beaten:
            keep.append(i)
    return keep


def merge(parts: list[Fail], key: tuple[object, ...]) -> Fail:
    """One unmet outcome (one counted condition, lines ``key``) standing for whichever of
    ``parts`` turns out nearest."""
    if len(parts) == 1:
        p = parts[0]
        return Fail(1, p.years_only, p.lo, p.hi, key, p.vars)
    return Fail(
        1,
        parts[0].years_only,
        min(p.lo for p in parts),
        min(p.hi for p in parts),
        key,
        frozenset().union(*(p.vars for p in parts)),
    )


def either_key(fails: list[Fail], near: list[int]) -> tuple[object, ...]:
    """The unmet lines of a "或" whose nearest side is one of ``near``.

    As the evaluator words it: the nearest side's lines after "以下情形之一（最接近的一种）：",
    or, when every side lacks exactly the same lines, those lines joined plainly. With
    several possible nearest sides the key names them all; the exact years decide.
    """
    if all(f.key == fails[0].key for f in fails):
        inner = fails[0].key
        return inner if len(inner) == 1 else (("join", inner),)
    if len(near) == 1:
        return (("any", fails[near[0]].key),)
    return (("any?", tuple(fails[i].key for i in near)),)


def years_shapes(line: tuple[object, ...], var: str, need: float, lo: float, hi: float) -> Shapes:
    """A count of years in ``[lo, hi)`` compared with ``need`` (以上 includes ``need``);
    unmet, its one line is ``line`` with the shortfall filled in."""
    if lo >= need:
        return frozenset((MET,))
    fail = Fail(1, True, max(need - hi, 0.0), need - lo, (line,), frozenset((var,)))
    return frozenset((fail,)) if hi <= need else frozenset((MET, fail))


def all_of(parts: list[Shapes]) -> Shapes:
    """Every part must hold; unmet counts and shortfalls add up (unknowns are ignored)."""
    if len(parts) == 1:
        return parts[0]
    out: set[Shape] = set()
    for combo in product(*parts):
        failed = [s for s in combo if isinstance(s, Fail)]
        if failed:
            out.add(
                Fail(
                    sum(f.unmet for f in failed),
                    all(f.years_only for f in failed),
                    sum(f.lo for f in failed),
                    sum(f.hi for f in failed),
                    tuple(line for f in failed for line in f.key),
                    frozenset().union(*(f.vars for f in failed)),
                )
            )
        elif STUCK in combo:
            out.add(STUCK)
        else:
            out.add(MET)
    return frozenset(out)


def route_of(parts: list[Shapes], either: tuple[bool, ...]) -> Shapes:
    """A route: every condition must hold, as :func:`all_of`, but the unmet key names the
    route's conditions by position — with each one's count, whether it is years only,
    and its lines, except for a "或" (``either``), whose nearer side is only wording."""
    out: set[Shape] = set()
    for combo in product(*parts):
        failed = [(i, s) for i, s in enumerate(combo) if isinstance(s, Fail)]
        if failed:
            out.add(
                Fail(
                    sum(f.unmet for _, f in failed),
                    all(f.years_only for _, f in failed),
                    sum(f.lo for _, f in failed),
                    sum(f.hi for _, f in failed),
                    tuple(
                        (i, f.unmet, f.years_only, _either(f) if either[i] else f.key)
                        for i, f in failed
                    ),
                    frozenset().union(
                        *(f.vars for i, f in failed if f.years_only or not either[i])
                    ),
                )
            )
        elif STUCK in combo:
            out.add(STUCK)
        else:
            out.add(MET)
    return frozenset(out)


def gaps(key: object) -> object:
    """What a "或"'s shortfall is measured on: each years line's quantity and threshold
    (or a broken stretch's full length) — its wording aside."""
    found: list[object] = []

    def walk(k: object) -> None:
        if isinstance(k, tuple) and k and k[0] == "years":
            found.append((k[2], k[3]))
        elif isinstance(k, tuple) and k and k[0] == "broken":
            found.append(("broken", k[2]))
        elif isinstance(k, tuple):
            for part in k:
                walk(part)

    walk(key)
    return ("或", tuple(found))


def _either(f: Fail) -> object:
    """A "或" in a route's unmet key: only its shortfall's measure, when years only."""
    return gaps(f.key) if f.years_only else "或"


def any_of(parts: list[Shapes]) -> Shapes:
    """One part must hold; unmet, it counts as one condition, as its nearest side."""
    out: set[Shape] = set()
    for combo in product(*parts):
        if MET in combo:
            out.add(MET)
        elif STUCK in combo:
            out.add(STUCK)
        else:
            fails = [s for s in combo if isinstance(s, Fail)]
            near = contenders([rank_lo(f) for f in fails], [rank_hi(f) for f in fails])
            out.add(merge([fails[i] for i in near], either_key(fails, near)))
    return frozenset(out)


def nearest_certificate(parts: list[Shapes]) -> Shapes:
    """Several held certificates could meet one requirement: met if any does, else the
    one with the smallest shortfall (the evaluator compares shortfall only)."""
    out: set[Shape] = set()
    for combo in product(*parts):
        if MET in combo:
            out.add(MET)
            continue
        fails = [s for s in combo if isinstance(s, Fail)]
        lows = [(0, False, f.lo) for f in fails]
        highs = [(0, False, f.hi) for f in fails]
        near = [fails[i] for i in contenders(lows, highs)]
        if len({f.key for f in near}) == 1:
            out.add(near[0] if len(near) == 1 else merge(near, near[0].key))
        else:
            out.add(merge(near, (("cert?", tuple(f.key for f in near)),)))
    return frozenset(out)
