"""The exact programme solved over every reachable partial interview at once, with numpy.

The top-down search (:mod:`baokao.compiler.search`) judges one state at a time in
Python; most of its time goes on judging, not on choosing. Here the same judgement is
laid over the whole lattice of partial answers: facts tied by a prerequisite (years
after a certificate need the certificate) form a group whose reachable answer tuples are
listed once, and a state is one index in the product of the groups. Domains, each
route's possible shapes (looked up in a table built over the few facts the route can
see), each level's judgement (one Python call per distinct combination of route shapes),
the questions worth asking and the expected counts are then whole-array operations,
layer by layer from the most answered states back to the empty interview.

The judgement itself is the :class:`~baokao.compiler.analysis.Analyser`'s, called on one
representative per distinct case, so the two programmes agree by construction; the
tests hold their values and trees side by side on every level.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import prod
from typing import Any

import numpy as np
import numpy.typing as npt

from baokao.compiler.analysis import ONLY_MET, Analyser, Settled, State
from baokao.compiler.atoms import (
    VAR_FACTS,
    Atom,
    CertAtom,
    Domains,
    Group,
    MaskAtom,
    YearsAtom,
)
from baokao.compiler.catalogue import INF
from baokao.compiler.search import EPS, Prior
from baokao.compiler.shapes import MET, STUCK, Fail, Shapes, rank_hi, rank_lo

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: Most reachable states the grid takes on (beyond it the top-down search does).
GRID_LIMIT = 600_000
#: Most cases one route's table may list.
TABLE_LIMIT = 20_000
#: Largest dense code space used to number distinct combinations without sorting.
DENSE_CODES = 1 << 22


class GridTooLarge(Exception):
    """The lattice of partial interviews is too large to lay out as arrays."""


@dataclass(frozen=True)
class _Group:
    """Facts tied by prerequisites, with their reachable answer tuples (``-1``: unasked)."""

    facts: tuple[int, ...]
    rows: tuple[tuple[int, ...], ...]
    stride: int


def _rank(r: tuple[int, bool, float]) -> float:
    """A closest-route rank as one number that orders the same way (shortfalls are
    counts of years, far below 2**19)."""
    return r[0] * 2.0**20 + r[1] * 2.0**19 + r[2]


def _dense(space: int, n: int) -> bool:
    """Whether numbering ``n`` codes below ``space`` by a lookup table beats sorting."""
    return space <= min(DENSE_CODES, 64 * n + 65_536)


def _joint(columns: Sequence[tuple[IntArray, int]], n: int) -> tuple[IntArray, IntArray]:
    """The distinct rows of ``n`` rows of small codes (each column with its bound), and
    each row's index among them; renumbered on the way so the codes stay small."""
    code = np.zeros(n, dtype=np.int64)
    space = 1
    for col, k in columns:
        if not _dense(space * k, n):
            uniq, code = _number(code, space)
            space = len(uniq)
        code, space = code * k + col, space * k
    return _number(code, space)


def _number(codes: IntArray, space: int) -> tuple[IntArray, IntArray]:
    """The distinct ``codes`` (ascending) and each code's index among them."""
    if _dense(space, len(codes)):
        seen = np.zeros(space, dtype=np.bool_)
        seen[codes] = True
        uniq = np.flatnonzero(seen)
        index = np.empty(space, dtype=np.int64)
        index[uniq] = np.arange(len(uniq))
        return uniq, index[codes]
    uniq, inverse = np.unique(codes, return_inverse=True)
    return uniq, inverse.astype(np.int64)


class Grid:
    """Every reachable state of one catalogue, judged and solved as arrays."""

    def __init__(self, an: Analyser, prior: Prior | None = None, limit: int = GRID_LIMIT):
        self.an = an
        self.prior = prior
        self.n = len(an.ids)
        self.nb = [
            len(an.intervals[an.var_of[i]]) if i in an.var_of else len(an.classes[i])
            for i in range(self.n)
        ]
        self.groups = self._groups()
        self._outcomes: dict[tuple[int, ...], tuple[Settled, ...]] = {}
        self._group_of = {i: k for k, g in enumerate(self.groups) for i in g.facts}
        self.size = prod(len(g.rows) for g in self.groups)
        if self.size > limit:
            raise GridTooLarge(f"{self.size} states")
        self.index = np.arange(self.size, dtype=np.int64)
        self.col = self._columns()
        self.lo, self.hi, self.mask = self._domains()
        self.value, self.choice = self._solve()

    # -- layout ---------------------------------------------------------------------

    def _groups(self) -> list[_Group]:
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

    def _columns(self) -> list[IntArray]:
        """Per fact, its answer branch in every state (``-1``: not asked)."""
        cols: list[IntArray] = [np.empty(0, np.int64)] * self.n
        self.sub: list[IntArray] = []
        for g in self.groups:
            sub = (self.index // g.stride) % len(g.rows)
            self.sub.append(sub)
            table = np.array(g.rows, dtype=np.int64).reshape(len(g.rows), len(g.facts))
            for k, i in enumerate(g.facts):
                cols[i] = table[:, k][sub]
        return cols

    def child(self, i: int, b: int, at: IntArray) -> IntArray:
        """The states reached from states ``at`` by answering fact ``i`` in branch ``b``."""
        return at + self._deltas[(i, b)][self.sub[self._group_of[i]][at]]

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

    def _domains(self) -> tuple[list[FloatArray], list[FloatArray], list[IntArray]]:
        """:meth:`Analyser.values` over every state: bounds per quantity, masks per fact."""
        an, nv = self.an, self.an.nv
        lo = [np.zeros(self.size) for _ in range(nv)]
        hi = [np.full(self.size, INF) for _ in range(nv)]
        mask: list[IntArray] = [np.zeros(self.size, np.int64) for _ in range(self.n)]
        for i, (lo_slot, hi_slot, table) in enumerate(an.setters):
            c = self.col[i]
            if hi_slot >= 0:
                los = np.array([t[0] for t in table] + [0.0])
                his = np.array([t[1] for t in table] + [INF])
                lo[lo_slot] = np.where(c >= 0, los[c], lo[lo_slot])
                hi[hi_slot - nv] = np.where(c >= 0, his[c], hi[hi_slot - nv])
            else:
                full = (1 << len(an.cat.facts[i].choices)) - 1
                masks = np.array([int(t[0]) for t in table] + [full], dtype=np.int64)
                mask[i] = masks[c]
        for low, up in an.edges:
            lo[up] = np.maximum(lo[up], lo[low])
        for low, up in reversed(an.edges):
            hi[low] = np.minimum(hi[low], hi[up])
        if an.sums:
            t, tt = an.vslot["T"], an.vslot["TT"]
            for a, aa in an.sums:
                lo[tt] = np.maximum(lo[tt], lo[t] + np.maximum(0.0, lo[aa] - hi[a]))
        return lo, hi, mask

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

    # -- judgement ------------------------------------------------------------------

    def _column_codes(self, slot: int) -> tuple[IntArray, int]:
        """Slot ``slot`` of the flat domains numbered densely, and how many numbers.

        Bounds are counts of years on a grid of 1/64 (or unbounded) and masks are small
        integers, so they are numbered by scaling, not sorting (other values are sorted).
        """
        hit = self._codes.get(slot)
        if hit is None:
            col = self._slot(slot)[self.valid_at]
            if col.dtype == np.int64:
                ints = col
            else:
                top = np.isinf(col)
                scaled = np.where(top, 0.0, col * 64.0)
                ints = scaled.astype(np.int64)
                if (ints != scaled).any() or (ints < 0).any() or (ints >= 1 << 20).any():
                    uniq, code = np.unique(col, return_inverse=True)
                    hit = self._codes[slot] = (code.astype(np.int64).reshape(-1), len(uniq))
                    return hit
                ints[top] = ints.max() + 1  # unbounded: past every finite value
            uniq, code = _number(ints, int(ints.max()) + 1)
            hit = self._codes[slot] = (code, len(uniq))
        return hit

    def _range_codes(self, k: int) -> tuple[IntArray, int]:
        """Quantity ``k``'s range (both bounds) numbered densely, and how many numbers."""
        key = -1 - k
        hit = self._codes.get(key)
        if hit is None:
            lo, hi = self._column_codes(k), self._column_codes(k + self.an.nv)
            uniq, code = _joint([lo, hi], len(self.valid_at))
            hit = self._codes[key] = (code, len(uniq))
        return hit

    def _slot(self, slot: int) -> FloatArray | IntArray:
        nv = self.an.nv
        if slot < nv:
            return self.lo[slot]
        if slot < 2 * nv:
            return self.hi[slot - nv]
        return self.mask[slot - 2 * nv]

    def _slot_name(self, slot: int) -> tuple[str, str]:
        """Which of :class:`Domains`' maps slot ``slot`` fills, and under what name."""
        an, nv = self.an, self.an.nv
        if slot < nv:
            return "lo", an.vars[slot]
        if slot < 2 * nv:
            return "hi", an.vars[slot - nv]
        return "masks", an.ids[slot - 2 * nv]

    def flat(self, at: int) -> list[float]:
        """The flat domains of state ``at`` (as :meth:`Analyser.values` gives them)."""
        nv = self.an.nv
        return [float(self.lo[k][at]) for k in range(nv)] + [
            float(self.hi[k][at]) for k in range(nv)
        ] + [float(self.mask[i][at]) for i in range(self.n)]

    def _cases(self, slots: Sequence[int], at: IntArray | None = None) -> tuple[IntArray, IntArray]:
        """Each judged state's case number by the values of ``slots`` (the judged states
        at positions ``at``, or all of them), and the position of one state per case."""
        states = np.arange(len(self.valid_at)) if at is None else at
        nv = self.an.nv
        columns = []
        for slot in slots:
            if nv <= slot < 2 * nv and slot - nv in slots:
                continue  # read with its lower bound, as one range
            c, k = self._range_codes(slot) if slot + nv in slots else self._column_codes(slot)
            columns.append((c if at is None else c[at], k))
        uniq, case = _joint(columns, len(states))
        rep = np.empty(len(uniq), dtype=np.int64)
        rep[case] = states  # any state of a case will do: they share the values
        return case, rep

    def _atom_slots(self, atom: Atom | Group) -> list[int]:
        """The slots of the flat domains :func:`projection` reads for ``atom`` (for a
        group, those of every atom below it)."""
        an, nv = self.an, self.an.nv
        if isinstance(atom, Group):
            return list(dict.fromkeys(s for p in atom.parts for s in self._atom_slots(p)))
        if isinstance(atom, YearsAtom):
            return [an.vslot[atom.var], nv + an.vslot[atom.var]]
        facts: tuple[str, ...] = ()
        out: list[int] = []
        if isinstance(atom, MaskAtom | CertAtom):
            facts = atom.facts()
        for f in facts:
            i = an.pos.get(f)
            if i is not None and i not in an.var_of:
                out.append(2 * nv + i)
        if isinstance(atom, CertAtom):
            for k in atom.certs:
                var = ("AA" if atom.related_too else "A") + k[0]
                if var in an.vslot:
                    out += [an.vslot[var], nv + an.vslot[var]]
        return out

    def _node_ids(self, node: Atom | Group, at: IntArray) -> tuple[IntArray, list[Shapes]]:
        """The shape id of ``node`` in each of the states ``at``, and the shapes each id
        stands for.

        An atom is judged once per distinct value of the slots it reads; a group once
        per distinct combination of its parts' shape ids, with the analyser's caches.
        """
        an = self.an
        ids: dict[Shapes, int] = {}
        if isinstance(node, Group):
            parts = [self._node_ids(p, at) for p in node.parts]
            uniq, case = _joint([(got, len(lst)) for got, lst in parts], len(at))
            first = np.empty(len(uniq), dtype=np.int64)
            first[case] = np.arange(len(at))
            rows = [[lst[x] for x in got[first].tolist()] for got, lst in parts]
            table = np.empty(len(uniq), dtype=np.int64)
            for k, picked in enumerate(zip(*rows, strict=True)):
                ckey = ("group", id(node), *picked)
                hit = an.shape_cache.get(ckey)
                if hit is None:
                    hit = an.shape_cache[ckey] = node._combine(list(picked))
                table[k] = ids.setdefault(hit, len(ids))
            return table[case], list(ids)
        slots = self._atom_slots(node)
        case, rep = self._cases(slots, at)
        # Each case's domains, holding only what the atom reads.
        where = self.valid_at[rep]
        named = [(self._slot_name(slot), self._slot(slot)[where].tolist()) for slot in slots]
        table = np.empty(len(rep), dtype=np.int64)
        for k in range(len(rep)):
            d = Domains({}, {}, {})
            for (part, name), values in named:
                getattr(d, part)[name] = values[k]
            table[k] = ids.setdefault(node.shapes(d), len(ids))
        return table[case], list(ids)

    def _route_ids(self, li: int, ri: int) -> IntArray:
        """Each judged state's shape id for route ``ri`` of level ``li`` (ids index
        ``shape_lists[(li, ri)]``): judged on one state per distinct domain it reads."""
        node = self.an.cat.routes[li][ri].node
        case, rep = self._cases(self._atom_slots(node))
        got, lst = self._node_ids(node, rep)
        self.shape_lists[(li, ri)] = lst
        return got[case]

    def _exact(self) -> IntArray:
        """Per state, bit ``k`` set when quantity ``k`` is known exactly."""
        exact = np.zeros(self.size, dtype=np.int64)
        for bit, facts in self.an.exact_needs:
            known = np.ones(self.size, dtype=np.bool_)
            for i in facts:
                known &= self.col[i] >= 0
            exact |= np.where(known, bit, 0)
        return exact

    def _verdicts(self) -> tuple[BoolArray, IntArray, IntArray]:
        """:meth:`Analyser._judge` over every state: whether every level is settled, and
        the live facts and the quantities still to be known exactly (as bits).

        Only states whose domains are all non-empty are judged: the others cannot be
        reached (an answer is taken only where it is possible) and count as settled.
        """
        an = self.an
        self.shape_lists: dict[tuple[int, int], list[Shapes]] = {}
        self._codes: dict[int, tuple[IntArray, int]] = {}
        self.exact = self._exact()
        valid = np.ones(self.size, dtype=np.bool_)
        for k in range(an.nv):
            valid &= self.lo[k] < self.hi[k]
        self.valid_at = at = np.flatnonzero(valid)
        exact = self.exact[at]
        self.sids: list[list[IntArray]] = []
        settled = np.ones(len(at), dtype=np.bool_)
        live = np.zeros(len(at), dtype=np.int64)
        need = np.zeros(len(at), dtype=np.int64)
        for li, routes in enumerate(an.cat.routes):
            sids = [self._route_ids(li, ri) for ri in range(len(routes))]
            self.sids.append(sids)
            # Judged once per distinct combination of the routes' shapes and exactness.
            columns = [(sid, len(self.shape_lists[(li, ri)])) for ri, sid in enumerate(sids)]
            uniq, case = _joint([*columns, (exact, 1 << an.nv)], len(at))
            first = np.empty(len(uniq), dtype=np.int64)
            first[case] = np.arange(len(at))
            feats = [self._features(li, ri, sid[first]) for ri, sid in enumerate(sids)]
            done, lv, nd = self._level(li, feats, exact[first])
            settled &= done[case]
            live |= np.where(done, 0, lv)[case]
            need |= np.where(done, 0, nd)[case]
        full_settled = np.ones(self.size, dtype=np.bool_)
        full_settled[at] = settled
        full_live = np.zeros(self.size, dtype=np.int64)
        full_live[at] = live
        full_need = np.zeros(self.size, dtype=np.int64)
        full_need[at] = need
        return full_settled, full_live, full_need

    def _features(self, li: int, ri: int, sid: IntArray) -> dict[str, npt.NDArray[Any]]:
        """What :meth:`Analyser._judge` reads of one route's shapes, per state."""
        vslot = self.an.vslot
        rows = []
        for shapes in self.shape_lists[(li, ri)]:
            fails = [f for f in shapes if isinstance(f, Fail)]
            rows.append((
                shapes == ONLY_MET,
                MET in shapes or STUCK in shapes,
                len(shapes) > 1,
                bool(fails),
                min((_rank(rank_lo(f)) for f in fails), default=INF),
                max((_rank(rank_hi(f)) for f in fails), default=INF),
                len(fails) < len(shapes)
                or len({(f.unmet, f.years_only, f.key) for f in fails}) > 1,
                sum({1 << vslot[v] for f in fails for v in f.vars}),
            ))
        names = ("only_met", "maybe", "multi", "failing", "low", "high", "shaky", "vars")
        return {
            name: np.array([r[k] for r in rows])[sid] for k, name in enumerate(names)
        }

    def _level(
        self, li: int, feats: list[dict[str, npt.NDArray[Any]]], exact: IntArray
    ) -> tuple[BoolArray, IntArray, IntArray]:
        """One level's judgement over states whose exact quantities are ``exact``:
        settled, live facts, needed quantities."""
        an, size = self.an, len(exact)
        order = an.orders[li]
        qualified = np.zeros(size, dtype=np.bool_)
        multi = np.zeros(size, dtype=np.bool_)
        maybe = np.zeros(size, dtype=np.bool_)
        shaky = np.zeros(size, dtype=np.bool_)
        live = np.zeros(size, dtype=np.int64)
        need = np.zeros(size, dtype=np.int64)
        for pos, r in enumerate(order):
            f = feats[r]
            qualified |= f["only_met"]
            multi |= f["maybe"] & f["multi"]
            maybe |= f["maybe"]
            beaten = np.zeros(size, dtype=np.bool_)
            for qpos, q in enumerate(order):
                if q != r:
                    g = feats[q]
                    near = g["high"] <= f["low"] if qpos < pos else g["high"] < f["low"]
                    beaten |= g["failing"] & near
            possible = f["failing"] & ~beaten
            unstable = possible & (f["shaky"] | (f["vars"] & ~exact != 0))
            bits = sum(1 << i for i in an.route_facts[li][r])
            live |= np.where(f["maybe"] | unstable, bits, 0)
            need |= np.where(unstable, f["vars"], 0)
            shaky |= unstable
        unsettled = ~qualified & (multi | (~maybe & shaky))
        return ~unsettled, live, need & ~exact

    def outcome(self, at: int) -> tuple[Settled, ...]:
        """The settled outcomes of state ``at``, as :meth:`Analyser.analyse` states them."""
        pos = int(np.searchsorted(self.valid_at, at))
        key = (int(self.exact[at]), *(int(s[pos]) for sids in self.sids for s in sids))
        hit = self._outcomes.get(key)
        if hit is None:
            out = []
            for li, sids in enumerate(self.sids):
                shapes = tuple(
                    self.shape_lists[(li, ri)][int(s[pos])] for ri, s in enumerate(sids)
                )
                res, _, _ = self.an._level(li, shapes, key[0])
                assert res.settled is not None
                out.append(res.settled)
            hit = self._outcomes[key] = tuple(out)
        return hit

    # -- the programme --------------------------------------------------------------

    def _solve(self) -> tuple[FloatArray, IntArray]:
        """The least expected question count and the fact to ask, in every state.

        Only unsettled states are worked on; they are taken in layers, the most answered
        first, so that every child's value is known when its parents need it.
        """
        self._deltas = self._delta_tables()
        settled, live, need = self._verdicts()
        self.settled = settled
        self.open = at = np.flatnonzero(~settled)
        self.poss = self._possible(at)
        moves = self._moves(at, live[at], need[at])
        depth = np.zeros(len(at), dtype=np.int64)
        for c in self.col:
            depth += c[at] >= 0
        order = np.argsort(-depth, kind="stable")
        bounds = np.searchsorted(-depth[order], np.arange(-self.n, 2), side="left")
        edges = [self._edges(i, moves[i], order, bounds) for i in range(self.n)]
        # One more slot, worth nothing, for the branches a state does not have.
        value = np.zeros(self.size + 1)
        choice = np.full(self.size, -1, dtype=np.int64)
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
        return value[: self.size], choice

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
            raw = np.array(self.prior[self.an.ids[i]], dtype=np.float64)[:, None] * poss
        else:
            raw = poss.astype(np.float64)
        total = raw.sum(axis=0)
        total[total == 0] = 1.0
        states = self.open[rows]
        sub = self.sub[self._group_of[i]][states]
        kids = np.array([
            np.where(poss[b], states + self._deltas[(i, b)][sub], self.size)
            for b in range(self.nb[i])
        ]).reshape(self.nb[i], len(rows))
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

    @property
    def optimal(self) -> float:
        """The least expected number of questions from the empty interview."""
        return float(self.value[0])

    def branches(self, i: int, at: int) -> tuple[int, ...]:
        """The answer branches of fact ``i`` still possible in state ``at``."""
        row = int(np.searchsorted(self.open, at))
        return tuple(b for b in range(self.nb[i]) if self.poss[i][b, row])

    def step(self, i: int, b: int, at: int) -> int:
        """The state reached from ``at`` by answering fact ``i`` in branch ``b``."""
        gi = self._group_of[i]
        return at + int(self._deltas[(i, b)][self.sub[gi][at]])

    def locate(self, state: State) -> int:
        """The grid index of ``state``."""
        at = 0
        for g in self.groups:
            row = tuple(-1 if state[i] is None else state[i] for i in g.facts)
            at += g.rows.index(row) * g.stride  # type: ignore[arg-type]
        return at
