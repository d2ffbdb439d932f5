"""Judge every state of the grid at once: the analyser's judgement, as array operations.

:class:`~baokao.compiler.analysis.Analyser` judges one partial interview at a time:
each route's possible shapes, then each level's outcome. Over the grid the same work is
done per distinct *case* instead of per state. An atom is judged once per distinct value
of the domains it reads and a group once per distinct combination of its parts' shapes,
both by the atoms' and groups' own code. A level's judgement only compares its routes'
shapes, so it runs as array operations over the distinct combinations of them; it
mirrors :meth:`Analyser._judge` rule for rule, and the tests hold the two programmes'
trees side by side on every level. States are numbered into cases by their small
integer codes, with a lookup table rather than a sort wherever the codes allow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from baokao.compiler.analysis import ONLY_MET, Analyser, Settled
from baokao.compiler.atoms import Atom, CertAtom, Domains, Group, MaskAtom, YearsAtom
from baokao.compiler.catalogue import INF
from baokao.compiler.shapes import MET, STUCK, Fail, Shapes, rank_hi, rank_lo

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: Largest code space numbered with a lookup table rather than by sorting.
DENSE_CODES = 1 << 22


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


class Verdicts:
    """Every level judged on every state of a grid (all with non-empty domains).

    States are positions ``0 … size-1`` in the grid's arrays. ``settled``, ``live`` (a bit
    per fact) and ``need`` (a bit per count of years) hold each state's judgement.

    Args:
        an: the catalogue's analyser.
        domains: per state, the lower and upper bounds of every count of years, and the
            answers still possible of every fact (a bit per choice).
        col: per fact, its answer branch in every state (``-1``: not asked).
    """

    def __init__(
        self,
        an: Analyser,
        domains: tuple[list[FloatArray], list[FloatArray], list[IntArray]],
        col: list[IntArray],
    ) -> None:
        self.an = an
        self.lo, self.hi, self.mask = domains
        self.col = col
        self.size = len(col[0]) if col else 1
        self.shape_lists: dict[tuple[int, int], list[Shapes]] = {}
        self._codes: dict[int, tuple[IntArray, int]] = {}
        self._sids: list[list[IntArray]] = []  # per level and route: shape id per case
        self._outcomes: dict[tuple[int, ...], tuple[Settled, ...]] = {}
        #: Per level and case: the route proven met (-1: none), whether only unreadable
        #: text is left, and the routes (bits) that can be the closest.
        self._settles: list[tuple[IntArray, BoolArray, IntArray]] = []
        #: Per level, each judged state's case, and one state (position) per case.
        self.cases: list[tuple[IntArray, IntArray]] = []
        self.exact = self._exact()
        self.settled, self.live, self.need = self._judge_all()

    def _column_codes(self, slot: int) -> tuple[IntArray, int]:
        """Slot ``slot`` of the flat domains numbered densely, and how many numbers.

        Bounds are counts of years on a grid of 1/64 (or unbounded) and masks are small
        integers, so they are numbered by scaling, not sorting (other values are sorted).
        """
        hit = self._codes.get(slot)
        if hit is None:
            col = self._slot(slot)
            ints: IntArray
            if col.dtype == np.int64:
                ints = col.astype(np.int64, copy=False)
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
            uniq, code = _joint([lo, hi], self.size)
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

    def _cases(self, slots: Sequence[int], at: IntArray | None = None) -> tuple[IntArray, IntArray]:
        """Each state's case number by the values of ``slots`` (the states ``at``, or all
        of them), and one state per case."""
        states = np.arange(self.size) if at is None else at
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
        named = [(self._slot_name(slot), self._slot(slot)[rep].tolist()) for slot in slots]
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

    def _judge_all(self) -> tuple[BoolArray, IntArray, IntArray]:
        """Every level judged on every state: whether all are settled, the live facts and
        the counts of years still to be known exactly."""
        an, exact = self.an, self.exact
        at = np.arange(self.size)
        settled = np.ones(len(at), dtype=np.bool_)
        live = np.zeros(len(at), dtype=np.int64)
        need = np.zeros(len(at), dtype=np.int64)
        for li, routes in enumerate(an.cat.routes):
            sids = [self._route_ids(li, ri) for ri in range(len(routes))]
            # Judged once per distinct combination of the routes' shapes and exactness.
            columns = [(sid, len(self.shape_lists[(li, ri)])) for ri, sid in enumerate(sids)]
            uniq, case = _joint([*columns, (exact, 1 << an.nv)], len(at))
            first = np.empty(len(uniq), dtype=np.int64)
            first[case] = np.arange(len(at))
            self.cases.append((case, first))
            self._sids.append([sid[first] for sid in sids])
            feats = [self._features(li, ri, sid[first]) for ri, sid in enumerate(sids)]
            done, lv, nd = self._level(li, feats, exact[first])
            settled &= done[case]
            live |= np.where(done, 0, lv)[case]
            need |= np.where(done, 0, nd)[case]
        return settled, live, need

    def _features(self, li: int, ri: int, sid: IntArray) -> dict[str, npt.NDArray[Any]]:
        """What :meth:`Analyser._judge` reads of one route's shapes, per state."""
        vslot = self.an.vslot
        rows = []
        for shapes in self.shape_lists[(li, ri)]:
            fails = [f for f in shapes if isinstance(f, Fail)]
            rows.append(
                (
                    shapes == ONLY_MET,
                    MET in shapes or STUCK in shapes,
                    len(shapes) > 1,
                    bool(fails),
                    min((_rank(rank_lo(f)) for f in fails), default=INF),
                    max((_rank(rank_hi(f)) for f in fails), default=INF),
                    len(fails) < len(shapes)
                    or len({(f.unmet, f.years_only, f.key) for f in fails}) > 1,
                    sum({1 << vslot[v] for f in fails for v in f.vars}),
                )
            )
        names = ("only_met", "maybe", "multi", "failing", "low", "high", "shaky", "vars")
        return {name: np.array([r[k] for r in rows])[sid] for k, name in enumerate(names)}

    def _level(
        self, li: int, feats: list[dict[str, npt.NDArray[Any]]], exact: IntArray
    ) -> tuple[BoolArray, IntArray, IntArray]:
        """One level's judgement over cases whose exact quantities are ``exact``:
        settled, live facts, needed quantities; also (kept for :meth:`outcome`) the
        route proven met and the routes that can be the closest, per case."""
        an, size = self.an, len(exact)
        order = an.orders[li]
        met = np.full(size, -1, dtype=np.int64)
        multi = np.zeros(size, dtype=np.bool_)
        maybe = np.zeros(size, dtype=np.bool_)
        shaky = np.zeros(size, dtype=np.bool_)
        closest = np.zeros(size, dtype=np.int64)
        live = np.zeros(size, dtype=np.int64)
        need = np.zeros(size, dtype=np.int64)
        for pos, r in enumerate(order):
            f = feats[r]
            met = np.where((met < 0) & f["only_met"], r, met)
            multi |= f["maybe"] & f["multi"]
            maybe |= f["maybe"]
            beaten = np.zeros(size, dtype=np.bool_)
            for qpos, q in enumerate(order):
                if q != r:
                    g = feats[q]
                    near = g["high"] <= f["low"] if qpos < pos else g["high"] < f["low"]
                    beaten |= g["failing"] & near
            possible = f["failing"] & ~beaten
            closest |= np.where(possible, 1 << r, 0)
            unstable = possible & (f["shaky"] | (f["vars"] & ~exact != 0))
            bits = sum(1 << i for i in an.route_facts[li][r])
            live |= np.where(f["maybe"] | unstable, bits, 0)
            need |= np.where(unstable, f["vars"], 0)
            shaky |= unstable
        qualified = met >= 0
        self._settles.append((met, ~qualified & ~multi & maybe, closest))
        unsettled = ~qualified & (multi | (~maybe & shaky))
        return ~unsettled, live, need & ~exact

    def outcome(self, at: int) -> tuple[Settled, ...]:
        """The settled outcomes of state ``at``, as :meth:`Analyser.analyse` states them."""
        key = tuple(case.item(at) for case, _ in self.cases)
        hit = self._outcomes.get(key)
        if hit is None:
            hit = self._outcomes[key] = tuple(self._settle(li, c) for li, c in enumerate(key))
        return hit

    def _settle(self, li: int, c: int) -> Settled:
        """Level ``li``'s settled outcome in case ``c``, worded as :meth:`Analyser._judge`
        words it: the route proven met, else only unreadable text left, else the routes
        that can be the closest with their unmet lines."""
        met, undetermined, closest = self._settles[li]
        numbers = self.an.numbers[li]
        if met.item(c) >= 0:
            return Settled("qualified", route=numbers[met.item(c)])
        if undetermined.item(c):
            return Settled("undetermined")
        routes = [r for r in self.an.orders[li] if closest.item(c) >> r & 1]
        unmet = []
        for r in routes:
            shapes = self.shape_lists[(li, r)][self._sids[li][r].item(c)]
            fail = next(f for f in shapes if isinstance(f, Fail))
            unmet.append(self.an._texts(li, r, fail.key))
        return Settled(
            "not_qualified", closest=tuple(numbers[r] for r in routes), unmet=tuple(unmet)
        )
