"""Choose the question order: an exact dynamic programme, and a greedy fallback.

The exact search minimises the expected number of questions over every order, branch
by branch (each answer branch equally likely unless a prior weights them), memoised on
the *residual*: the routes' possible shapes plus the domains of the facts still able to
change the outcome, so that states reached by different answers share their subtree.
Ties go to the earliest fact of the catalogue, which keeps trees stable. The search has
a budget of memoised states (its memory) and of time. When a level is too large for
it, ``Greedy`` asks the facts in one order fixed by looking one answer ahead — EC²
over sampled answer sets (Golovin–Krause–Ray 2010) was tried first: on the 40-route
level of ``tests/fixtures/forty`` its samples ran out three questions deep, and the
catalogue-order tail it left took twice the analyses and more questions.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from baokao.compiler.analysis import Analyser, Analysis, State
from baokao.model.quantities import QUANTITY

EPS = 1e-9
INF = float("inf")
Prior = Mapping[str, Sequence[float]]
Policy = Callable[[State, Analysis], int | None]
#: Told the number of states worked on so far; may raise to stop the compile.
Progress = Callable[[int], None]
#: How many states are worked on between two looks at the clock and at ``progress``.
TICK = 256


class TooLarge(Exception):
    """The exact search would take more residual states or time than its budget allows."""


def with_answer(state: State, i: int, b: int) -> State:
    """``state`` with fact ``i`` answered in branch ``b``."""
    return (*state[:i], b, *state[i + 1 :])


@dataclass
class Search:
    """The exact expected-cost dynamic programme over residual states."""

    an: Analyser
    budget: int = 200_000
    prior: Prior | None = None
    progress: Progress | None = None
    #: When (``time.monotonic()``) the search gives up, if ever.
    deadline: float | None = None
    memo: dict[tuple[object, ...], tuple[float, int | None]] = field(default_factory=dict)
    lower: dict[tuple[object, ...], float] = field(default_factory=dict)
    expanded: int = 0

    def _tick(self, held: int) -> None:
        """Count one state expanded; past the budget of states (``held`` memoised) or of
        time, raise :class:`TooLarge`. Now and then, report progress."""
        if held >= self.budget:
            raise TooLarge(f"more than {self.budget} residual states")
        self.expanded += 1
        if self.expanded % TICK:
            return
        if self.progress is not None:
            self.progress(self.expanded)
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise TooLarge("out of time")

    def weights(self, i: int, branches: Sequence[int]) -> list[float]:
        """The probability of each branch (uniform unless the prior says otherwise)."""
        fid = self.an.ids[i]
        if self.prior is None or fid not in self.prior:
            return [1.0 / len(branches)] * len(branches)
        raw = [self.prior[fid][b] for b in branches]
        total = sum(raw)
        return [w / total for w in raw]

    def moves(self, state: State, a: Analysis) -> list[tuple[int, list[float], list[State]]]:
        """Each fact worth asking, with its branch weights and the states they lead to.

        A question with one possible branch tells nothing but the exact years a
        shortfall line quotes; putting it off never costs more (it may turn out not to
        be needed), so it is asked only when nothing informative is left — then in
        catalogue order, as its place no longer matters — or to unlock a question
        that is informative (the related years after the years in this occupation).
        """
        d, prereq = a.vals, self.an.prereq
        informative, exactness = [], []
        for i in a.candidates:
            branches = self.an.branches(i, d)
            if len(branches) > 1 or any(  # or it unlocks an informative years question
                after == i and state[j] is None and len(self.an.branches(j, d)) > 1
                for j, (after, _) in enumerate(prereq)
            ):
                informative.append((i, branches))
            elif branches and any(self.an.ids[i] in QUANTITY[v].facts for v in a.need):
                exactness.append((i, branches))  # it adds up years a settled line quotes
        chosen = informative or exactness[:1]
        return [
            (i, self.weights(i, bs), [with_answer(state, i, b) for b in bs]) for i, bs in chosen
        ]

    def solve(self, state: State, bound: float = INF) -> float:
        """The least expected number of questions that settles every level from ``state``.

        Branch and bound: the result is exact when below ``bound``; otherwise it is a
        lower bound at least ``bound`` (and that subtree is not worth finishing).
        Lower bounds are memoised too, so a state cut off once is cheap to cut again.
        """
        a = self.an.analyse(state)
        low, known = self._known(a)
        if known or low >= bound - EPS:
            return low
        self._tick(len(self.memo) + len(self.lower))
        best, choice, floor = bound, None, INF
        # Each move with its children's known lower bounds, all before any is solved.
        moves = [
            (i, ws, cs, [self._known(self.an.analyse(c))[0] for c in cs])
            for i, ws, cs in self.moves(state, a)
        ]
        for i, weights, children, outlooks in moves:
            value = 1.0 + sum(w * lb for w, lb in zip(weights, outlooks, strict=True))
            for w, lb, child in zip(weights, outlooks, children, strict=True):
                if value >= best - EPS:
                    break
                exact = self.solve(child, lb + (best - value) / w)
                value += w * (exact - lb)
            if value < best - EPS:
                best, choice = value, i
            else:
                floor = min(floor, value)
        if choice is None:
            self.lower[a.key] = max(low, floor)
            return max(low, floor)
        self.memo[a.key] = (best, choice)
        return best

    def _known(self, a: Analysis) -> tuple[float, bool]:
        """What is known of a state's value, and whether it is exact: 0 once settled, else
        its memoised value, else its memoised lower bound (at least 1). Analysing children
        with this (cached, and solving them would analyse them anyway) lets a move be cut
        before any of its children is solved."""
        if a.settled:
            return 0.0, True
        hit = self.memo.get(a.key)
        if hit is not None:
            return hit[0], True
        return self.lower.get(a.key, 1.0), False

    def policy(self, state: State, a: Analysis) -> int | None:
        """The exact policy: the fact chosen by :meth:`solve` (``None`` once settled)."""
        if a.settled:
            return None
        self.solve(state)
        return self.memo[a.key][1]


@dataclass
class Greedy:
    """The fallback: ask the facts in one fixed order, the first that can be asked. A
    fact ranks by the routes expected to be left open once it is answered in the empty
    interview (one answer ahead: a few dozen analyses). The order costs nothing per
    question, and states reached by different answers meet more often under one order,
    so the tree (with subtrees shared) stays small."""

    search: Search
    progress: Progress | None = None
    rank: dict[int, tuple[float, int]] = field(default_factory=dict)
    chosen: int = 0

    def __post_init__(self) -> None:
        an = self.search.an
        root: State = (None,) * len(an.ids)
        for i in range(len(an.ids)):
            bs = an.branches(i, an.analyse(root).vals)
            left = 0.0
            for w, b in zip(self.search.weights(i, bs), bs, strict=True):
                a = an.analyse(with_answer(root, i, b))
                left += w * sum(len(r.live) for r in a.levels if r.settled is None)
            self.rank[i] = (left if bs else INF, i)

    def policy(self, state: State, a: Analysis) -> int | None:
        """The first fact of the order that can be asked now (``None`` once settled)."""
        if a.settled:
            return None
        self.chosen += 1
        if self.progress is not None and not self.chosen % TICK:
            self.progress(self.chosen)
        askable = [i for i in a.candidates if self.search.an.branches(i, a.vals)]
        return min(askable, key=self.rank.__getitem__, default=None)
