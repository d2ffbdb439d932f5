"""What a condition can still turn out to be, over every completion of the unasked facts.

The compiler judges partial interviews, not profiles: for each condition, the set of
outcomes the evaluator can still give once every unasked fact is filled in (its
*shapes*): met, unmet, or stuck on unreadable text (unknown). They are the evaluator's
own outcomes (:mod:`baokao.evaluator.outcome`), combined by its own functions over every
combination of the parts' shapes; only their data differ. A shortfall is known between
``shortfall`` and ``most``, and a line that quotes a count of years is a key worded like
the evaluator's line with the shortfall left to fill in (``("years", text, count,
threshold)``): a leaf may state an outcome only once the counts of years its lines quote
(:func:`quoted`) are known exactly. Lines that quote no years are the evaluator's own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import product

from baokao.evaluator.outcome import (
    MET,
    Judged,
    Truth,
    either_of,
    nearest_of,
)
from baokao.evaluator.outcome import (
    all_of as all_parts,
)
from baokao.evaluator.years import reaches

INF = float("inf")
Shape = Judged[object]
Shapes = frozenset[Shape]
#: Stuck on text only a person can read: never met, never refuted.
STUCK: Shape = Judged(Truth.UNKNOWN)

__all__ = ["INF", "MET", "STUCK", "Shape", "Shapes", "fail", "quoted"]


def fail(unmet: int, years_only: bool, lo: float, hi: float, key: tuple[object, ...]) -> Shape:
    """An unmet outcome of ``unmet`` conditions, shortfall in ``[lo, hi]``, lines ``key``."""
    return Judged(Truth.UNMET, unmet, years_only, lo, key, most=hi)


_QUOTED: dict[tuple[object, ...], frozenset[str]] = {}


def quoted(s: Shape) -> frozenset[str]:
    """The counts of years whose exact values an unmet outcome's lines quote."""
    hit = _QUOTED.get(s.lines)
    if hit is None:
        found: set[str] = set()

        def walk(k: object) -> None:
            if isinstance(k, tuple) and k[:1] == ("years",) and len(k) == 4:
                found.add(str(k[2]))
            elif isinstance(k, tuple):
                for part in k:
                    walk(part)

        walk(s.lines)
        hit = _QUOTED[s.lines] = frozenset(found)
    return hit


def _lift(combine: Callable[[Sequence[Shape]], Shape], parts: list[Shapes]) -> Shapes:
    """The evaluator's ``combine`` over every combination of the parts' shapes."""
    return frozenset(combine(combo) for combo in product(*parts))


def years_shapes(line: tuple[object, ...], need: float, lo: float, hi: float) -> Shapes:
    """A count of years in ``[lo, hi)`` (half-open, see :func:`reaches`) compared with
    ``need``; unmet, its one line is ``line`` with the shortfall filled in."""
    truth = reaches(need, lo, hi, hi_possible=False)
    if truth is Truth.MET:
        return frozenset((MET,))
    short = fail(1, True, max(need - hi, 0.0), need - lo, (line,))
    return frozenset((short,)) if truth is Truth.UNMET else frozenset((MET, short))


def either_key(parts: Sequence[Shape], near: list[int]) -> tuple[object, ...]:
    """The lines of a "或" whose nearest side is one of ``near``, as the evaluator words
    them: the nearest side's lines after "以下情形之一（最接近的一种）：", or, when every
    side lacks exactly the same lines, those lines joined plainly. With several possible
    nearest sides the key names them all; the exact years decide."""
    if all(p.lines == parts[0].lines for p in parts):
        inner = parts[0].lines
        return inner if len(inner) == 1 else (("join", inner),)
    if len(near) == 1:
        return (("any", parts[near[0]].lines),)
    return (("any?", tuple(parts[i].lines for i in near)),)


def _certificate_key(parts: Sequence[Shape], near: list[int]) -> tuple[object, ...]:
    if all(parts[i].lines == parts[near[0]].lines for i in near):
        return parts[near[0]].lines
    return (("cert?", tuple(parts[i].lines for i in near)),)


def all_of(parts: list[Shapes]) -> Shapes:
    """Every part must hold (:func:`baokao.evaluator.outcome.all_of`)."""
    return parts[0] if len(parts) == 1 else _lift(all_parts, parts)


def any_of(parts: list[Shapes]) -> Shapes:
    """One part must hold (:func:`baokao.evaluator.outcome.either_of`)."""
    return _lift(lambda combo: either_of(combo, either_key), parts)


def nearest_certificate(parts: list[Shapes]) -> Shapes:
    """The nearest of several held certificates (:func:`~baokao.evaluator.outcome.nearest_of`)."""
    return _lift(lambda combo: nearest_of(combo, _certificate_key), parts)


def route_of(parts: list[Shapes], either: tuple[bool, ...]) -> Shapes:
    """A route: every condition must hold, as :func:`all_of`, but each unmet condition's
    key is its position, its count, whether it is years only, and its lines — except for
    a "或" (``either``), whose nearer side is only wording: only what its shortfall is
    measured on counts (a leaf names the route's conditions, not their lines)."""
    marked = [
        frozenset(_position(i, s, either[i]) for s in shapes) for i, shapes in enumerate(parts)
    ]
    return _lift(all_parts, marked)


def _position(i: int, s: Shape, either: bool) -> Shape:
    if s.truth is not Truth.UNMET:
        return s
    lines: object = s.lines
    if either:
        lines = ("或", _gaps(s.lines)) if s.years_only else "或"
    return fail(s.unmet, s.years_only, s.shortfall, s.most, ((i, s.unmet, s.years_only, lines),))


def _gaps(key: object) -> tuple[object, ...]:
    """What a "或"'s shortfall is measured on: each years line's count and threshold
    (or a broken stretch's full length) — its wording aside."""
    found: list[object] = []

    def walk(k: object) -> None:
        if isinstance(k, tuple) and k and k[0] == "years":
            found.append(("years", "", k[2], k[3]))
        elif isinstance(k, tuple) and k and k[0] == "broken":
            found.append(("broken", k[2]))
        elif isinstance(k, tuple):
            for part in k:
                walk(part)

    walk(key)
    return tuple(found)
