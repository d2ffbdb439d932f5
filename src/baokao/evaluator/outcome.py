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


@dataclass(frozen=True)
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


def unknown(*facts: str) -> Outcome:
    """An outcome waiting for ``facts``."""
    return Outcome(Truth.UNKNOWN, unknown=facts)


def missing(line: str, count: int = 1) -> Outcome:
    """An unmet condition that working longer cannot fix (certificate, diploma …)."""
    return Outcome(Truth.UNMET, unmet=count, years_only=False, lines=(line,))


def short(line: str, years: float) -> Outcome:
    """An unmet count of years, ``years`` short."""
    return Outcome(Truth.UNMET, unmet=1, years_only=True, shortfall=years, lines=(line,))


def _facts(parts: list[Outcome]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for p in parts for f in p.unknown))


def all_of(parts: list[Outcome]) -> Outcome:
    """Every part must hold; the unmet counts and shortfalls add up."""
    failed = [p for p in parts if p.truth is Truth.UNMET]
    if failed:
        return Outcome(
            Truth.UNMET,
            unmet=sum(p.unmet for p in failed),
            years_only=all(p.years_only for p in failed),
            shortfall=round(sum(p.shortfall for p in failed), 4),
            lines=tuple(line for p in failed for line in p.lines),
            unknown=_facts(parts),
        )
    if any(p.truth is Truth.UNKNOWN for p in parts):
        return Outcome(Truth.UNKNOWN, unknown=_facts(parts))
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
