"""Three-valued outcomes and how they combine under ``all`` and ``any``.

An outcome carries what the closest-route rule of the contract needs: how many counted
conditions are unmet, whether those are all counts of years (met by working longer),
the total shortfall in years, a readable line per unmet condition, and the facts that
would decide the conditions still unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from baokao.i18n import T_


class Truth(Enum):
    """Met, refuted by known facts, or open until a fact is known."""

    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The outcome of one condition (or a group of them)."""

    truth: Truth
    unmet: int = 0
    years_only: bool = True
    shortfall: float = 0.0
    lines: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    @property
    def rank(self) -> tuple[int, bool, float]:
        """Order of closeness: fewer unmet, then years-only, then smaller shortfall."""
        return (self.unmet, not self.years_only, self.shortfall if self.years_only else 0.0)


MET = Outcome(Truth.MET)


#: ``unknown`` outcomes made before, by their facts: an outcome is an immutable value and
#: the same few (``unknown("education")``) come back for every profile judged, so each is
#: made once. Kept small: cleared when full.
_OPEN: dict[tuple[str, ...], Outcome] = {}
_OPEN_SIZE = 4096


def unknown(*facts: str) -> Outcome:
    """An outcome waiting for ``facts``."""
    found = _OPEN.get(facts)
    if found is None:
        if len(_OPEN) >= _OPEN_SIZE:
            _OPEN.clear()
        found = _OPEN[facts] = Outcome(Truth.UNKNOWN, unknown=facts)
    return found


def missing(line: str, count: int = 1) -> Outcome:
    """An unmet condition that working longer cannot fix (certificate, diploma …)."""
    return Outcome(Truth.UNMET, unmet=count, years_only=False, lines=(line,))


def short(line: str, years: float) -> Outcome:
    """An unmet count of years, ``years`` short."""
    return Outcome(Truth.UNMET, unmet=1, years_only=True, shortfall=years, lines=(line,))


def _facts(parts: list[Outcome]) -> tuple[str, ...]:
    found = [p.unknown for p in parts if p.unknown]
    if not found:
        return ()
    if len(found) == 1 and len(found[0]) == 1:
        return found[0]
    return tuple(dict.fromkeys(f for facts in found for f in facts))


_UNMET = Truth.UNMET
_UNKNOWN = Truth.UNKNOWN


def all_of(parts: list[Outcome]) -> Outcome:
    """Every part must hold; the unmet counts and shortfalls add up."""
    # One pass over the parts: this runs for every route of every level judged.
    failed: list[Outcome] = []
    open_ = False
    for p in parts:
        if p.truth is _UNMET:
            failed.append(p)
        elif p.truth is _UNKNOWN:
            open_ = True
    if failed:
        if len(failed) == 1:
            one = failed[0]
            unmet, years_only, shortfall, lines = (
                one.unmet,
                one.years_only,
                one.shortfall,
                one.lines,
            )
        else:
            unmet = sum(p.unmet for p in failed)
            years_only = all(p.years_only for p in failed)
            shortfall = sum(p.shortfall for p in failed)
            lines = tuple(line for p in failed for line in p.lines)
        return Outcome(
            _UNMET,
            unmet=unmet,
            years_only=years_only,
            shortfall=round(shortfall, 4),
            lines=lines,
            unknown=_facts(parts),
        )
    if open_:
        return unknown(*_facts(parts))
    return MET


def any_of(parts: list[Outcome]) -> Outcome:
    """One part must hold; unmet, it counts as one condition, as its nearer side."""
    if any(p.truth is Truth.MET for p in parts):
        return MET
    if any(p.truth is Truth.UNKNOWN for p in parts):
        return Outcome(Truth.UNKNOWN, unknown=_facts(parts))
    nearest = min(parts, key=lambda p: p.rank)
    if all(p.lines == nearest.lines for p in parts):
        line = "；".join(nearest.lines)
    else:
        line = T_("以下情形之一（最接近的一种）：{lines}").format(lines="；".join(nearest.lines))
    return Outcome(
        Truth.UNMET,
        unmet=1,
        years_only=nearest.years_only,
        shortfall=nearest.shortfall,
        lines=(line,),
    )
