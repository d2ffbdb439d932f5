"""Three-valued outcomes and the one way they combine: ``all``, ``any``, and the nearest
of several held certificates.

An outcome carries what the closest-route rule of the contract needs: how many counted
conditions are unmet, whether those are all counts of years (met by working longer),
the shortfall in years, a line per unmet condition, and the facts that would decide the
conditions still unknown.

The compiler judges partial interviews with these same functions: where a count of
years is known only to lie in an interval, an unmet outcome's shortfall is known only
between ``shortfall`` and ``most``, and its lines are keys that name what the lines
will say (the data the functions are specialised by, see :data:`Either`). With exact
facts ``most`` is ``shortfall`` and every rule below is the contract's own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Generic, Never, TypeVar

from baokao.i18n import T_

L = TypeVar("L", covariant=True)
K = TypeVar("K")


class Truth(Enum):
    """Met, refuted by known facts, or open until a fact is known."""

    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"


Rank = tuple[int, bool, float]


@dataclass(frozen=True, slots=True)
class Judged(Generic[L]):
    """The outcome of one condition (or a group of them); ``lines`` are of type ``L``."""

    truth: Truth
    unmet: int = 0
    years_only: bool = True
    shortfall: float = 0.0
    lines: tuple[L, ...] = ()
    unknown: tuple[str, ...] = ()
    #: The most the shortfall can be (``shortfall`` is the least), when it is known
    #: only within bounds; exact facts give ``most == shortfall``.
    most: float = 0.0

    @property
    def rank(self) -> Rank:
        """Order of closeness: fewer unmet, then years-only, then smaller shortfall."""
        return (self.unmet, not self.years_only, self.shortfall if self.years_only else 0.0)

    @property
    def rank_most(self) -> Rank:
        """The rank with the largest shortfall it can have."""
        return (self.unmet, not self.years_only, self.most if self.years_only else 0.0)


#: An outcome whose lines are readable text: what the evaluator tells a candidate.
Outcome = Judged[str]
#: How the lines of a "或" (or of several held certificates) read, given its sides and
#: the positions of those that can be the nearest.
Either = Callable[[Sequence[Judged[K]], list[int]], tuple[K, ...]]

MET: Judged[Never] = Judged(Truth.MET)


#: ``unknown`` outcomes made before, by their facts: an outcome is an immutable value and
#: the same few (``unknown("education")``) come back for every profile judged, so each is
#: made once. Kept small: cleared when full.
_OPEN: dict[tuple[str, ...], Judged[Never]] = {}
_OPEN_SIZE = 4096


def unknown(*facts: str) -> Judged[Never]:
    """An outcome waiting for ``facts``."""
    found = _OPEN.get(facts)
    if found is None:
        if len(_OPEN) >= _OPEN_SIZE:
            _OPEN.clear()
        found = _OPEN[facts] = Judged(Truth.UNKNOWN, unknown=facts)
    return found


def missing(line: str, count: int = 1) -> Outcome:
    """An unmet condition that working longer cannot fix (certificate, diploma …)."""
    return Judged(Truth.UNMET, unmet=count, years_only=False, lines=(line,))


def short(line: str, years: float) -> Outcome:
    """An unmet count of years, ``years`` short."""
    return Judged(Truth.UNMET, 1, True, years, (line,), most=years)


def _facts(parts: Sequence[Judged[K]]) -> tuple[str, ...]:
    found = [p.unknown for p in parts if p.unknown]
    if not found:
        return ()
    if len(found) == 1 and len(found[0]) == 1:
        return found[0]
    return tuple(dict.fromkeys(f for facts in found for f in facts))


_UNMET = Truth.UNMET
_UNKNOWN = Truth.UNKNOWN


def all_of(parts: Sequence[Judged[K]]) -> Judged[K]:
    """Every part must hold; the unmet counts and shortfalls add up."""
    # One pass over the parts: this runs for every route of every level judged.
    failed: list[Judged[K]] = []
    open_ = False
    for p in parts:
        if p.truth is _UNMET:
            failed.append(p)
        elif p.truth is _UNKNOWN:
            open_ = True
    if failed:
        if len(failed) == 1:
            one = failed[0]
            unmet, years_only, shortfall, most, lines = (
                one.unmet,
                one.years_only,
                one.shortfall,
                one.most,
                one.lines,
            )
        else:
            unmet = sum(p.unmet for p in failed)
            years_only = all(p.years_only for p in failed)
            shortfall = sum(p.shortfall for p in failed)
            most = round(sum(p.most for p in failed), 4)
            lines = tuple(line for p in failed for line in p.lines)
        return Judged(_UNMET, unmet, years_only, round(shortfall, 4), lines, _facts(parts), most)
    if open_:
        return unknown(*_facts(parts))
    return MET


def contenders(lows: Sequence[Rank], highs: Sequence[Rank]) -> list[int]:
    """Positions that can hold the least rank, ties going to the earliest: with exact
    ranks (``lows == highs``), the one ``min`` picks.

    Candidate ``i`` is kept unless some other candidate is surely better: an earlier
    one whose worst rank is at most ``i``'s best, or a later one whose worst rank is
    below ``i``'s best. Over-approximates, never misses a possible minimum.
    """
    n = len(lows)
    if n == 1:
        return [0]
    if lows == highs and lows:  # exact ranks (a profile judged): the first of the least
        return [lows.index(min(lows))]
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


def _nearer(parts: Sequence[Judged[K]], near: list[int], lines: tuple[K, ...]) -> Judged[K]:
    """One unmet condition standing for whichever of ``parts[near]`` is the nearest."""
    first = parts[near[0]]
    if len(near) == 1:
        return Judged(_UNMET, 1, first.years_only, first.shortfall, lines, most=first.most)
    return Judged(
        _UNMET,
        1,
        first.years_only,
        min(parts[i].shortfall for i in near),
        lines,
        most=min(parts[i].most for i in near),
    )


def either_of(parts: Sequence[Judged[K]], either: Either[K]) -> Judged[K]:
    """One part must hold; unmet, it counts as one condition, as its nearest side, its
    lines as ``either`` words them."""
    if any(p.truth is Truth.MET for p in parts):
        return MET
    if any(p.truth is _UNKNOWN for p in parts):
        return Judged(_UNKNOWN, unknown=_facts(parts))
    near = contenders([p.rank for p in parts], [p.rank_most for p in parts])
    return _nearer(parts, near, either(parts, near))


def nearest_of(parts: Sequence[Judged[K]], either: Either[K]) -> Judged[K]:
    """Several held certificates could meet one requirement: met if any does, else the
    one with the smallest shortfall (shortfall only: each is one count of years)."""
    if len(parts) == 1:
        return parts[0]
    if any(p.truth is Truth.MET for p in parts):
        return MET
    if any(p.truth is _UNKNOWN for p in parts):
        return unknown(*(f for p in parts if p.truth is _UNKNOWN for f in p.unknown))
    near = contenders([(0, False, p.shortfall) for p in parts], [(0, False, p.most) for p in parts])
    if len(near) == 1:
        return parts[near[0]]
    return _nearer(parts, near, either(parts, near))


def _words(parts: Sequence[Outcome], near: list[int]) -> tuple[str, ...]:
    nearest = parts[near[0]]
    if all(p.lines == nearest.lines for p in parts):
        return ("；".join(nearest.lines),)
    return (T_("以下情形之一（最接近的一种）：{lines}").format(lines="；".join(nearest.lines)),)


def any_of(parts: Sequence[Outcome]) -> Outcome:
    """One part must hold; unmet, it counts as one condition, as its nearer side."""
    return either_of(parts, _words)


def nearest(parts: Sequence[Outcome]) -> Outcome:
    """The nearest of several held certificates' outcomes (see :func:`nearest_of`)."""
    return nearest_of(parts, _words)
