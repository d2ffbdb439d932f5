"""The exact programme solved over every reachable partial interview at once, with numpy.

The top-down search (:mod:`baokao.compiler.search`) judges one state at a time in
Python and spends most of its time judging, not choosing. Here the whole lattice of
partial answers is laid out as arrays: facts tied by a prerequisite (years after a
certificate need the certificate) form a group whose allowed answer tuples are listed
once, and a state is one index into the product of the groups. Domains, the judgement
(:mod:`baokao.compiler.verdicts`), the questions worth asking and the expected counts
are whole-array operations, taken layer by layer from the most answered states back to
the empty interview. The moves and the tie-breaking (earliest fact first) are the
search's, so both programmes build the same tree; the tests hold them side by side on
every level. The search stays for lattices too large for memory (and the tiniest).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import prod

import numpy as np

from baokao.compiler.analysis import Analyser, Settled
from baokao.compiler.atoms import VAR_FACTS
from baokao.compiler.catalogue import INF
from baokao.compiler.search import EPS, Prior
from baokao.compiler.verdicts import BoolArray, FloatArray, IntArray, Verdicts

#: Largest lattice (product of the groups' answer tuples) the grid lays out; beyond it
#: the top-down search takes over.
GRID_LIMIT = 600_000
#: Below this many states the top-down search is quicker than setting up the arrays.
GRID_SMALLEST = 300


class GridSkipped(Exception):
    """The lattice of partial interviews is too large to lay out as arrays, or so small
    that the top-down search settles it sooner."""


@dataclass(frozen=True)
class _Group:
    """Facts tied by prerequisites, with their reachable answer tuples (``-1``: unasked)."""

    facts: tuple[int, ...]
    rows: tuple[tuple[int, ...], ...]
    stride: int


class Grid:
    """Every reachable state of one catalogue, judged and solved as arrays.

    State 0 is the empty interview. ``value`` holds each state's least expected number
    of questions, ``choice`` the fact to ask (``-1`` once settled), ``settled`` whether
    every level's outcome is.

    Args:
        an: the catalogue's analyser, whose judgement and caches are used.
        prior: optional weights per fact id and answer branch (default: uniform).
        limit: most states to lay out.
        smallest: fewest states worth laying out.

    Raises:
        GridSkipped: the lattice has more than ``limit`` or fewer than ``smallest``
            states.
    """

    def __init__(
        self,
        an: Analyser,
        prior: Prior | None = None,
        limit: int = GRID_LIMIT,
        smallest: int = 0,
    ):
        self.an = an
        self.prior = prior
        self.n = len(an.ids)
        self.nb = [
            len(an.intervals[an.var_of[i]]) if i in an.var_of else len(an.classes[i])
            for i in range(self.n)
        ]
        self.groups = self._groups()
        self._group_of = {i: k for k, g in enumerate(self.groups) for i in g.facts}
        self.size = prod(len(g.rows) for g in self.groups)
        if not smallest <= self.size <= limit:
            raise GridSkipped(f"{self.size} states")
        self.code, self.col, self.sub, (self.lo, self.hi) = self._enumerate()
        self.mask = self._masks()
        # Each state's position by its index; unreachable indices go to a spare slot.
        self.pos_of = np.full(self.size, len(self.code), dtype=np.int64)
        self.pos_of[self.code] = np.arange(len(self.code))
        self.root = int(self.pos_of[0])
        self.value, self.choice = self._solve()

    # -- layout ---------------------------------------------------------------------

    def _groups(self) -> list[_Group]:
        """The facts joined by prerequisites, each group with its strides in the index."""
        an = self.an
        parent = list(range(self.n))

        def find(k: int) -> int:
            while parent[k] != k:
                k = parent[k]
            return k

        for i, (after, held) in enumerate(an.prereq):
            for j in (after, held):
                if j is not None:
                    parent[find(i)] = find(j)
        members: dict[int, list[int]] = {}
        for i in range(self.n):
            members.setdefault(find(i), []).append(i)
        groups, stride = [], 1
        for facts in sorted(members.values()):
            rows = self._rows(facts)
            groups.append(_Group(tuple(facts), tuple(map(tuple, rows.tolist())), stride))
            stride *= len(rows)
        return groups

    def _rows(self, facts: Sequence[int]) -> IntArray:
        """A group's answer tuples that respect the prerequisites (``-1``: unasked), in
        lexicographic order, so the all-unasked row comes first."""
        grid = np.indices([self.nb[i] + 1 for i in facts]).reshape(len(facts), -1).T - 1
        ok = np.ones(len(grid), dtype=np.bool_)
        place = {i: p for p, i in enumerate(facts)}
        for p, i in enumerate(facts):
            after, held = self.an.prereq[i]
            answered = grid[:, p] >= 0
            if after is not None:
                ok &= ~answered | (grid[:, place[after]] >= 0)
            if held is not None:
                bits = np.array([c & 1 for c in self.an.classes[held]] + [1], dtype=np.int64)
                ok &= ~answered | (bits[grid[:, place[held]]] == 0)
        return np.asarray(grid[ok], dtype=np.int64)

    def _enumerate(
        self,
    ) -> tuple[IntArray, list[IntArray], list[IntArray], tuple[list[FloatArray], list[FloatArray]]]:
        """The states whose domains are all non-empty (no other can be reached: an answer
        is taken only where it is possible): their indices, each fact's answer (``-1``:
        not asked) and each group's row, and the bounds of every count of years.

        Groups with a years question come first, and states whose partial answers already
        leave a count of years no possible value are dropped as each is added (answers
        only narrow the bounds); the other groups cannot empty a range.
        """
        an = self.an
        order = sorted(
            range(len(self.groups)),
            key=lambda k: not any(i in an.var_of for i in self.groups[k].facts),
        )
        code = np.zeros(1, dtype=np.int64)
        cols: dict[int, IntArray] = {}
        subs: dict[int, IntArray] = {}
        bounds = self._bounds(cols, 1)
        for k in order:
            g = self.groups[k]
            rows, had = len(g.rows), len(code)
            code = np.repeat(code, rows) + np.tile(np.arange(rows) * g.stride, had)
            cols = {i: np.repeat(c, rows) for i, c in cols.items()}
            subs = {j: np.repeat(c, rows) for j, c in subs.items()}
            table = np.array(g.rows, dtype=np.int64).reshape(rows, len(g.facts))
            for p, i in enumerate(g.facts):
                cols[i] = np.tile(table[:, p], had)
            subs[k] = np.tile(np.arange(rows), had)
            if any(i in an.var_of for i in g.facts):
                bounds = self._bounds(cols, len(code))
                keep = np.ones(len(code), dtype=np.bool_)
                for lo, hi in zip(*bounds, strict=True):
                    keep &= lo < hi
                code = code[keep]
                cols = {i: c[keep] for i, c in cols.items()}
                subs = {j: c[keep] for j, c in subs.items()}
                bounds = ([lo[keep] for lo in bounds[0]], [hi[keep] for hi in bounds[1]])
            else:
                bounds = (
                    [np.repeat(b, rows) for b in bounds[0]],
                    [np.repeat(b, rows) for b in bounds[1]],
                )
        return (
            code,
            [cols[i] for i in range(self.n)],
            [subs[k] for k in range(len(self.groups))],
            bounds,
        )

    def _delta_tables(self) -> dict[tuple[int, int], IntArray]:
        """Per fact and branch, per row of the fact's group, how far the state index moves
        when that answer is given (0 where the fact is already answered or not askable)."""
        out: dict[tuple[int, int], IntArray] = {}
        for g in self.groups:
            radix = [self.nb[i] + 1 for i in g.facts]
            rows = np.array(g.rows, dtype=np.int64).reshape(len(g.rows), len(g.facts)) + 1
            weight = np.array([prod(radix[p + 1 :]) for p in range(len(radix))], dtype=np.int64)
            code = rows @ weight
            where = np.full(prod(radix), -1, dtype=np.int64)
            where[code] = np.arange(len(g.rows))
            here = np.arange(len(g.rows))
            for p, i in enumerate(g.facts):
                free = rows[:, p] == 0
                for b in range(self.nb[i]):
                    to = np.where(free, where[code + free * (b + 1) * weight[p]], -1)
                    out[(i, b)] = np.where(to >= 0, (to - here) * g.stride, 0)
        return out

    # -- domains --------------------------------------------------------------------

    def _bounds(
        self, cols: dict[int, IntArray], size: int
    ) -> tuple[list[FloatArray], list[FloatArray]]:
        """:meth:`Analyser.values`' bounds per count of years, for answers ``cols`` (facts
        missing from it not asked)."""
        an, nv = self.an, self.an.nv
        lo = [np.zeros(size) for _ in range(nv)]
        hi = [np.full(size, INF) for _ in range(nv)]
        for i, (lo_slot, hi_slot, table) in enumerate(an.setters):
            c = cols.get(i)
            if hi_slot >= 0 and c is not None:
                los = np.array([t[0] for t in table] + [0.0])
                his = np.array([t[1] for t in table] + [INF])
                lo[lo_slot] = np.where(c >= 0, los[c], lo[lo_slot])
                hi[hi_slot - nv] = np.where(c >= 0, his[c], hi[hi_slot - nv])
        bounds = lo + hi
        an.propagate(bounds, np.maximum, np.minimum)
        return bounds[:nv], bounds[nv:]

    def _masks(self) -> list[IntArray]:
        """Per fact, the answers still possible in every state (one bit per choice)."""
        an = self.an
        out: list[IntArray] = []
        for i, (_, hi_slot, table) in enumerate(an.setters):
            if hi_slot >= 0:
                out.append(np.zeros(len(self.code), dtype=np.int64))
            else:
                full = (1 << len(an.cat.facts[i].choices)) - 1
                masks = np.array([int(t[0]) for t in table] + [full], dtype=np.int64)
                out.append(masks[self.col[i]])
        return out

    def _possible(self, at: IntArray) -> list[BoolArray]:
        """Per fact, per branch, whether the branch is still possible in states ``at``
        (:meth:`Analyser.branches`)."""
        an = self.an
        out = []
        for i in range(self.n):
            var = an.var_of.get(i)
            if var is None:
                m = self.mask[i][at]
                rows = [(m & c) != 0 for c in an.classes[i]]
            else:
                k = an.vslot[var]
                lo, hi = self.lo[k][at], self.hi[k][at]
                rows = [np.maximum(a, lo) < np.minimum(b, hi) for a, b in an.intervals[var]]
            out.append(np.array(rows, dtype=np.bool_).reshape(len(rows), len(at)))
        return out

    # -- the programme --------------------------------------------------------------

    def _solve(self) -> tuple[FloatArray, IntArray]:
        """The least expected question count and the fact to ask, in every state.

        Only unsettled states are worked on; they are taken in layers, the most answered
        first, so that every child's value is known when its parents need it.
        """
        self._deltas = self._delta_tables()
        self.verdicts = Verdicts(self.an, (self.lo, self.hi, self.mask), self.col)
        settled, live, need = self.verdicts.settled, self.verdicts.live, self.verdicts.need
        self.settled = settled
        self.open = at = np.flatnonzero(~settled)
        self._row = np.full(len(self.code), -1, dtype=np.int64)
        self._row[at] = np.arange(len(at))
        self.poss = self._possible(at)
        moves = self._moves(at, live[at], need[at])
        depth = np.zeros(len(at), dtype=np.int64)
        for c in self.col:
            depth += c[at] >= 0
        order = np.argsort(-depth, kind="stable")
        bounds = np.searchsorted(-depth[order], np.arange(-self.n, 2), side="left")
        edges = [self._edges(i, moves[i], order, bounds) for i in range(self.n)]
        # One more slot, worth nothing, for the branches a state does not have.
        value = np.zeros(len(self.code) + 1)
        choice = np.full(len(self.code), -1, dtype=np.int64)
        for layer in range(len(bounds) - 1):
            lo, hi = bounds[layer], bounds[layer + 1]
            if lo == hi:
                continue
            best = np.full(hi - lo, INF)
            pick = np.full(hi - lo, -1, dtype=np.int64)
            for i, (where, kids, weights, cuts) in enumerate(edges):
                start, stop = cuts[layer], cuts[layer + 1]
                if start == stop:
                    continue
                cost = np.ones(stop - start)
                for b in range(len(kids)):
                    cost += weights[b, start:stop] * value[kids[b, start:stop]]
                local = where[start:stop] - lo
                better = cost < best[local] - EPS
                best[local[better]] = cost[better]
                pick[local[better]] = i
            states = at[order[lo:hi]]
            value[states] = best
            choice[states] = pick
        return value[: len(self.code)], choice

    def _edges(
        self, i: int, moves: BoolArray, order: IntArray, bounds: IntArray
    ) -> tuple[IntArray, IntArray, FloatArray, IntArray]:
        """The open states where fact ``i`` is a move, in layer ``order``: their places in
        that order, per branch the child reached (``size`` where the branch is not
        possible) and its weight, and where each layer's states start."""
        where = np.flatnonzero(moves[order])
        rows = order[where]
        poss = self.poss[i][:, rows]
        if self.prior is not None and self.an.ids[i] in self.prior:
            weights = self.prior[self.an.ids[i]][: self.nb[i]]
            raw = np.array(weights, dtype=np.float64)[:, None] * poss
        else:
            raw = poss.astype(np.float64)
        total = raw.sum(axis=0)
        total[total == 0] = 1.0
        states = self.open[rows]
        sub = self.sub[self._group_of[i]][states]
        spare = len(self.code)
        kids = np.array(
            [
                np.where(poss[b], self.pos_of[self.code[states] + self._deltas[(i, b)][sub]], spare)
                for b in range(self.nb[i])
            ]
        ).reshape(self.nb[i], len(rows))
        cuts = np.searchsorted(where, bounds)
        return where, kids, raw / total, cuts

    def _moves(self, at: IntArray, live: IntArray, need: IntArray) -> list[BoolArray]:
        """Per fact, whether it is a move in states ``at`` (:meth:`Search.moves`): an
        askable live fact with two possible answers or one that unlocks such a question;
        failing those, the first that must be known exactly for a shortfall line."""
        an, n = self.an, self.n
        asked = [self.col[i][at] >= 0 for i in range(n)]
        count = [p.sum(axis=0) for p in self.poss]
        informative, exactness = [], []
        for i in range(n):
            ok = ~asked[i] & ((live >> i) & 1 == 1)
            after, held = an.prereq[i]
            if after is not None:
                ok &= asked[after]
            if held is not None:
                first = np.array([c & 1 for c in an.classes[held]] + [1], dtype=np.int64)
                ok &= asked[held] & (first[self.col[held][at]] == 0)
            wide = count[i] > 1
            for j, (after_j, _) in enumerate(an.prereq):
                if after_j == i:
                    wide = wide | (~asked[j] & (count[j] > 1))
            informative.append(ok & wide)
            bits = sum(1 << an.vslot[v] for v in an.vars if an.ids[i] in VAR_FACTS[v])
            exactness.append(ok & ~wide & (count[i] >= 1) & (need & bits != 0))
        taken = np.zeros(len(at), dtype=np.bool_)
        for f in informative:
            taken |= f
        moves = []
        for i in range(n):
            moves.append(informative[i] | (exactness[i] & ~taken))
            taken |= exactness[i]
        return moves

    # -- reading it back ------------------------------------------------------------

    def outcome(self, at: int) -> tuple[Settled, ...]:
        """The settled outcomes of state ``at``, as :meth:`Analyser.analyse` states them."""
        return self.verdicts.outcome(at)

    @property
    def optimal(self) -> float:
        """The least expected number of questions from the empty interview."""
        return float(self.value[self.root])

    def branches(self, i: int, at: int) -> tuple[int, ...]:
        """The answer branches of fact ``i`` still possible in state ``at``."""
        row = self._row.item(at)
        return tuple(b for b, ok in enumerate(self.poss[i][:, row].tolist()) if ok)

    def step(self, i: int, b: int, at: int) -> int:
        """The state reached from ``at`` by answering fact ``i`` in branch ``b``.

        Raises:
            GridSkipped: the answer is one the ranges allow but whose consequences leave
                a count of years no value (本职业+相关 must reach 本职业 plus the related
                years after a certificate, which an interval answer can contradict).
                The grid has not laid such states out and values them 0, which only
                flatters the questions that lead there; while the optimal tree never
                reaches one, it is the search's, but when it does, the top-down search,
                which judges that state as it is, must build the tree.
        """
        gi = self._group_of[i]
        to = self.pos_of.item(self.code.item(at) + self._deltas[(i, b)].item(self.sub[gi].item(at)))
        if to == len(self.code):
            raise GridSkipped("the tree reaches a state left out of the lattice")
        return to
