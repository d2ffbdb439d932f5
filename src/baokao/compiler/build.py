"""Compile a level into its question tree: catalogue, exact search under a budget, tree.

This is the compiler's front door, ``compile_level``; ``policy_tree`` turns any policy
(the tests' baseline too) into a tree, so that every order is measured the same way.

A compile spends at most its budget of time, and the exact search at most its budget
of memoised states (its memory). The greedy fallback tree is built first — it is cheap
for a normal level, and then always there — and the exact search gets the time left,
unless the fallback's tree is so large that the search could not finish anyway. A
level too large for it (a hostile or a very long rule file, such as 40 routes) keeps
the fallback, and the tree's ``method`` says so. The fallback tree shares the subtrees
of equivalent states, so it is built in a fraction of the states a tree would need.
``progress`` is told how many states have been analysed, and may stop the work by
raising.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from baokao.compiler.analysis import Analyser, Analysis, State
from baokao.compiler.catalogue import INF, build_catalogue
from baokao.compiler.search import Greedy, Policy, Prior, Progress, Search, TooLarge, with_answer
from baokao.compiler.tree import Ask, Branch, Leaf, Node, QuestionTree
from baokao.evaluator.wording import fmt_years
from baokao.model.quantities import QUANTITY
from baokao.model.rules import Level

#: Residual states the exact search may memoise (its memory: about 7 times the largest
#: bundled level's 2,790), and the seconds a whole compile may take.
DEFAULT_BUDGET = 20_000
DEFAULT_SECONDS = 10.0
#: The exact search memoises more states than the fallback's tree has questions, the
#: more so the larger the level: 1 to 3 times on the smallest bundled levels, about 8 on
#: mid-sized ones, 30 to 37 on the largest, 127 on the plain 40-route level of
#: tests/fixtures/forty. Past ``budget / 8`` questions in that tree, the search could
#: not finish within its states and is not started.
STATES_PER_QUESTION = 8


def years_label(var: str, lo: float, hi: float) -> str:
    """``本职业累计 1 年至不满 4 年`` for ``T`` in ``[1, 4)``."""
    if lo == 0 and hi == INF:
        span = "任意年限"
    elif lo == 0:
        span = f"不满 {fmt_years(hi)} 年"
    elif hi == INF:
        span = f"{fmt_years(lo)} 年及以上"
    else:
        span = f"{fmt_years(lo)} 年至不满 {fmt_years(hi)} 年"
    return f"{QUANTITY[var].label} {span}"


def _branch(an: Analyser, i: int, b: int, child: Node) -> Branch:
    spec = an.cat.facts[i]
    if spec.var is not None:
        lo, hi = an.intervals[spec.var][b]
        return Branch(years_label(spec.var, lo, hi), child, lo=lo, hi=hi)
    mask = an.cat.classes[spec.id][b]
    chosen = tuple(c for k, c in enumerate(spec.choices) if mask >> k & 1)
    return Branch("、".join(c.label for c in chosen), child, values=tuple(c.value for c in chosen))


@dataclass
class _Unfold:
    """Follow a policy from a state down into a tree (see :func:`policy_tree`).

    Methods rather than nested functions that call each other: those would make a
    reference cycle keeping everything a compile made (the analyser's caches) until the
    cyclic collector runs, and walking it then costs a tenth of the compile.
    """

    an: Analyser
    policy: Policy
    weigh: Search
    share: bool
    shared: dict[object, Node] = field(default_factory=dict)
    labels: dict[tuple[int, int], Branch] = field(default_factory=dict)

    def node(self, state: State, nid: str) -> Node:
        a = self.an.analyse(state)
        if not self.share:
            return self.build(state, a, nid)
        hit = self.shared.get(a.key)
        if hit is None:
            hit = self.shared[a.key] = self.build(state, a, nid)
        return hit

    def build(self, state: State, a: Analysis, nid: str) -> Node:
        i = self.policy(state, a)
        if i is None:
            if not a.settled:
                raise AssertionError(f"policy stopped before the outcome was settled: {nid}")
            return Leaf(nid, tuple(r.settled for r in a.levels if r.settled is not None))
        chosen = self.an.branches(i, self.an.values(state))
        branches = []
        expected, depth = 1.0, 1
        for k, (b, w) in enumerate(zip(chosen, self.weigh.weights(i, chosen), strict=True)):
            child = self.node(with_answer(state, i, b), f"{nid}.{k}")
            if isinstance(child, Ask):
                expected += w * child.expected
                depth = max(depth, 1 + child.depth)
            made = self.labels.get((i, b))
            if made is None:
                made = self.labels[(i, b)] = _branch(self.an, i, b, child)
            branches.append(Branch(made.label, child, made.lo, made.hi, made.values))
        return Ask(nid, self.an.ids[i], self.an.var_of.get(i), tuple(branches), expected, depth)


def policy_tree(
    an: Analyser, policy: Policy, search: Search | None = None, *, share: bool = False
) -> Node:
    """Follow ``policy`` from the empty interview, branch by branch, into a tree.

    Node ids come from the path. Expected counts weigh branches as ``search`` does
    (uniform without one). With ``share``, states of one residual key share one subtree
    (the policy's choice in the first of them holds for all, and so do its ids).
    """
    return _Unfold(an, policy, search or Search(an), share).node((None,) * len(an.ids), "n")


def compile_level(
    level: Level,
    notes: Sequence[str] = (),
    *,
    context: Sequence[Level] = (),
    prior: Prior | None = None,
    budget: int = DEFAULT_BUDGET,
    seconds: float = DEFAULT_SECONDS,
    progress: Progress | None = None,
) -> QuestionTree:
    """Compile one level into the question tree with the fewest expected questions.

    Args:
        level: the level to decide.
        notes: the occupation's 备注, quoted in the questions' help.
        context: levels sharing the interview's answers (see ``build_catalogue``).
        prior: optional weights per fact id and answer branch (default: uniform).
        budget: residual states the exact search may memoise before the greedy
            fallback.
        seconds: time the compile may take: the exact search gets what building
            the fallback leaves.
        progress: called now and then with the states analysed so far; an exception
            it raises (a cancelled compile) ends the compile.

    Returns:
        The tree; ``method`` says whether the exact search or the fallback built it.
    """
    # Compiling makes many short-lived objects and no cycles: the cyclic collector
    # would only walk the process's whole heap again and again meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        start = time.monotonic()
        cat = build_catalogue((level,), notes, context)
        an = Analyser(cat)
        told = None if progress is None else lambda _: progress(len(an.state_cache))
        search = Search(an, budget=budget, prior=prior, progress=told)
        greedy = Greedy(search, told)
        fallback = policy_tree(an, greedy.policy, search, share=True)
        search.deadline = start + seconds
        hopeless = (
            time.monotonic() >= search.deadline or greedy.chosen * STATES_PER_QUESTION > budget
        )
        try:
            optimal = None if hopeless else search.solve((None,) * len(cat.facts))
        except TooLarge:
            optimal = None
        if optimal is None:
            return QuestionTree(level, cat, fallback, "greedy", None, len(an.state_cache))
        tree = policy_tree(an, search.policy, search)
        return QuestionTree(level, cat, tree, "exact", optimal, len(search.memo))
    finally:
        if collecting:
            gc.enable()
