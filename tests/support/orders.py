"""Question orders the compiled trees are measured against: route by route, and the least
worst case.

Neither is shipped: the naive order is the baseline the tests and
``benchmarks/questions.py`` compare each tree with, and the least worst case bounds
every tree's longest path from below. Both work on the compiler's own analyser and
moves, so they judge states exactly as the compiled trees do.
"""

from __future__ import annotations

from baokao.compiler.analysis import Analyser, Analysis, State
from baokao.compiler.search import Policy, Search


def naive_policy(an: Analyser) -> Policy:
    """The baseline: every condition of route 1, then route 2 …, skipping known facts and
    stopping at the first route met (every level in turn, in all-levels mode)."""

    def policy(state: State, a: Analysis) -> int | None:
        d = an.values(state)
        for li, routes in enumerate(an.route_facts):
            for ri, facts in enumerate(routes):
                for i in facts:
                    if an.askable(state, i, d):
                        return i
                if an.route_met(li, ri, d):
                    break
        return None

    return policy


def least_worst(search: Search, state: State, memo: dict[object, int] | None = None) -> int:
    """The least possible number of questions on the longest path from ``state``: the
    min-max twin of :meth:`Search.solve`, over the same moves."""
    memo = {} if memo is None else memo
    a = search.an.analyse(state)
    if a.settled:
        return 0
    if a.key in memo:
        return memo[a.key]
    best = 10**9
    for _, _, children in search.moves(state, a):
        value = 1
        for child in children:
            value = max(value, 1 + least_worst(search, child, memo))
            if value >= best:
                break
        best = min(best, value)
    memo[a.key] = best
    return best
