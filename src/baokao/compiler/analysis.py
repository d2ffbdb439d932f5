"""Judge a partial interview: is every level's outcome settled, and what is still worth asking?

A *state* records, per fact of the catalogue, the answer branch given so far (``None``:
not asked). From it come the domains (what each unasked fact can still be, bounded by
the contract's consistency rules), each route's possible shapes, and per level either a
settled outcome or the routes whose facts can still change it. An outcome is settled
when every completion of the unasked facts gives the same status and qualifying route,
or the same closest route with the same unmet conditions and the same shortfalls — so
the counts of years those shortfalls quote must be known exactly (``docs/questions.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from baokao.compiler.catalogue import INF, Catalogue, condition_text
from baokao.evaluator.domains import Domains, Group, recipe, shapes_of
from baokao.evaluator.outcome import Truth
from baokao.evaluator.shapes import MET, Shapes, quoted
from baokao.evaluator.verdict import Status, judge_level
from baokao.model.quantities import AT_MOST, QUANTITY, RELATED_AFTER, WORKED, ordered_codes

State = tuple[int | None, ...]
ONLY_MET: Shapes = frozenset((MET,))


@dataclass(frozen=True)
class Settled:
    """A level's settled outcome, as a leaf of the tree states it.

    ``route`` is the route proven met (the lowest-numbered one) when qualified.
    ``closest`` lists the routes that can be the closest one: a single route when the
    answers' intervals fix it, several when it depends on the exact years typed (the
    evaluator then compares their shortfalls). ``unmet`` holds, per such route, the
    texts of its unmet conditions.
    """

    status: Status
    route: int | None = None
    closest: tuple[int, ...] = ()
    unmet: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class LevelResult:
    """One level judged on a state: settled, or which routes are still open."""

    settled: Settled | None
    live: tuple[int, ...]
    need: frozenset[str] = frozenset()
    dead: frozenset[int] = frozenset()


class Analysis(NamedTuple):
    """Every level judged on a state, the facts worth asking, and the memo key.

    A named tuple rather than a frozen dataclass: the search builds one per state it
    meets, and a tuple is several times cheaper to make.
    """

    levels: tuple[LevelResult, ...]
    candidates: tuple[int, ...]
    key: tuple[object, ...]
    need: frozenset[str] = frozenset()
    #: Whether every level's outcome is settled (stored: the search asks it most often).
    settled: bool = False
    #: The state's flat domains (see :meth:`Analyser.values`), kept for the search.
    vals: tuple[float, ...] = ()


class Analyser:
    """Analysis of states of one catalogue, with caches shared by every search over it.

    A state's domains live in one flat list (lower bounds, upper bounds, then one answer
    mask per fact), so that a route's cache key is a single ``itemgetter`` call; the
    dictionaries the atoms read are built only when a route's shapes are not cached.
    """

    def __init__(self, cat: Catalogue) -> None:
        self.cat = cat
        self.ids = cat.ids
        self.pos = {f: i for i, f in enumerate(self.ids)}
        self.vars = ordered_codes(cat.splits)
        nv = len(self.vars)
        self.vslot = {v: k for k, v in enumerate(self.vars)}
        self.nv = nv
        # Bounds, masks, then one spare slot that route keys are padded with (a level
        # whose every route is unreadable text has no fact to read at all).
        self.base: list[float] = (
            [0.0] * nv
            + [INF] * nv
            + [float((1 << len(f.choices)) - 1) if f.kind != "years" else 0.0 for f in cat.facts]
            + [0.0]
        )
        self.edges = tuple(
            (self.vslot[a], self.vslot[b])
            for a, b in AT_MOST
            if a in self.vslot and b in self.vslot
        )
        self.intervals = {v: cat.intervals(v) for v in self.vars}
        # Related years after a certificate never exceed related years, so this plus
        # related years are at least the years in this occupation plus (AA - A).
        self.sums = (
            tuple(
                (self.vslot[a], self.vslot[aa])
                for a, aa in RELATED_AFTER
                if a in self.vslot and aa in self.vslot
            )
            if all(q in self.vslot for q in WORKED)
            else ()
        )
        self.var_of = {i: f.var for i, f in enumerate(cat.facts) if f.var}
        self.full = {f.id: (1 << len(f.choices)) - 1 for f in cat.facts if not f.var}
        self.classes = {i: cat.classes[f.id] for i, f in enumerate(cat.facts) if not f.var}
        self.exact_needs = tuple(
            (1 << k, tuple(self.pos[f] for f in QUANTITY[v].facts)) for k, v in enumerate(self.vars)
        )
        self.route_facts = tuple(
            tuple(tuple(self.pos[f] for f in r.node.facts()) for r in lv) for lv in cat.routes
        )
        self.linked = self._linked(cat)
        self.setters = self._setters()
        self.numbers = tuple(tuple(r.number for r in lv) for lv in cat.routes)
        self.orders = tuple(
            tuple(sorted(range(len(ns)), key=ns.__getitem__)) for ns in self.numbers
        )
        self.getters = tuple(tuple(self._getter(r.node) for r in lv) for lv in cat.routes)
        self.prereq = tuple(
            (
                self.pos[f.after] if f.after else None,
                self.pos[f.held] if f.held else None,
            )
            for f in cat.facts
        )
        self.shape_cache: dict[tuple[object, ...], Shapes] = {}
        self.route_caches: tuple[tuple[dict[tuple[float, ...], Shapes], ...], ...] = tuple(
            tuple({} for _ in lv) for lv in cat.routes
        )
        self.route_tables = tuple(
            tuple(zip(gs, cs, strict=True))
            for gs, cs in zip(self.getters, self.route_caches, strict=True)
        )
        # Per level and routes' shapes: quantities its lines quote, judgement per exactness.
        self.used_cache: dict[
            tuple[object, ...],
            tuple[int, dict[int, tuple[LevelResult, object, tuple[int, ...]]]],
        ] = {}
        self.linked_cache: dict[tuple[int, ...], tuple[int, ...]] = {}
        self.state_cache: dict[State, Analysis] = {}

    def _linked(self, cat: Catalogue) -> dict[int, frozenset[int]]:
        """Per fact: the quantities in the same component of the years constraints as
        any quantity its routes' atoms read."""
        parent = list(range(self.nv))

        def find(k: int) -> int:
            while parent[k] != k:
                k = parent[k]
            return k

        for a, b in self.edges:
            parent[find(a)] = find(b)
        out: dict[int, frozenset[int]] = {}
        for i, spec in enumerate(cat.facts):
            seeds = {self.vslot[spec.var]} if spec.var else set()
            for li, routes in enumerate(cat.routes):
                for ri, route in enumerate(routes):
                    if i in self.route_facts[li][ri]:
                        seeds |= {self.vslot[v] for v in recipe(route.node)[0]}
            roots = {find(k) for k in seeds}
            out[i] = frozenset(k for k in range(self.nv) if find(k) in roots)
        return out

    def _getter(self, node: Group) -> Callable[[list[float]], tuple[float, ...]]:
        vs, fs = recipe(node)
        slots = [self.vslot[v] for v in vs] + [self.nv + self.vslot[v] for v in vs]
        slots += [2 * self.nv + self.pos[f] for f in fs if f in self.pos]
        slots += [len(self.base) - 1] * 2  # itemgetter makes a tuple only of two or more
        return itemgetter(*slots)

    def _setters(self) -> tuple[tuple[int, int, tuple[tuple[float, float], ...]], ...]:
        """Per fact, where its answer goes in the flat domains, and what each branch puts
        there: ``(lower slot, upper slot, intervals)`` for years, ``(mask slot, -1,
        masks)`` for choices — so :meth:`values` does no lookups by name."""
        nv = self.nv
        out = []
        for i in range(len(self.ids)):
            var = self.var_of.get(i)
            if var is not None:
                k = self.vslot[var]
                out.append((k, nv + k, tuple(self.intervals[var])))
            else:
                masks = tuple((float(m), 0.0) for m in self.classes[i])
                out.append((2 * nv + i, -1, masks))
        return tuple(out)

    def values(self, state: State) -> list[float]:
        """The flat domains of ``state``: bounds per quantity, then answer masks per fact."""
        vals = list(self.base)
        for b, (lo_slot, hi_slot, table) in zip(state, self.setters, strict=True):
            if b is None:
                continue
            lo, hi = table[b]
            vals[lo_slot] = lo
            if hi_slot >= 0:
                vals[hi_slot] = hi
        self.propagate(vals)
        return vals

    def propagate(self, vals: list[float]) -> None:
        """Tighten bounds (``vals``: lower bounds, then upper bounds, per quantity) by the
        contract's consistency rules, in place: ``lower <= upper`` along ``AT_MOST``,
        and 本职业+相关 at least 本职业 plus related years after a certificate."""
        nv = self.nv
        for low, up in self.edges:
            vals[up] = max(vals[up], vals[low])
        for low, up in reversed(self.edges):
            vals[nv + low] = min(vals[nv + low], vals[nv + up])
        if self.sums:
            t, tt = (self.vslot[q] for q in WORKED)
            for a, aa in self.sums:
                vals[tt] = max(vals[tt], vals[t] + max(0.0, vals[aa] - vals[nv + a]))

    def _domains(self, vals: list[float]) -> Domains:
        nv = self.nv
        return Domains(
            {v: vals[k] for k, v in enumerate(self.vars)},
            {v: vals[nv + k] for k, v in enumerate(self.vars)},
            {f: int(vals[2 * nv + i]) for i, f in enumerate(self.ids) if i not in self.var_of},
            self.full,
        )

    def exact_bits(self, state: State) -> int:
        """Bit ``k`` set when quantity ``k`` is known exactly (all its facts answered)."""
        bits = 0
        for bit, facts in self.exact_needs:
            for i in facts:
                if state[i] is None:
                    break
            else:
                bits |= bit
        return bits

    def askable(self, state: State, i: int, vals: list[float]) -> bool:
        """Whether fact ``i`` may be asked now (its prerequisites are answered)."""
        if state[i] is not None:
            return False
        after, held = self.prereq[i]
        if after is not None and state[after] is None:
            return False
        if held is not None:
            return state[held] is not None and not int(vals[2 * self.nv + held]) & 1
        return True

    def branches(self, i: int, vals: Sequence[float]) -> tuple[int, ...]:
        """The answer branches of fact ``i`` still possible."""
        var = self.var_of.get(i)
        if var is None:
            mask = int(vals[2 * self.nv + i])
            return tuple(j for j, m in enumerate(self.classes[i]) if m & mask)
        k = self.vslot[var]
        lo, hi = vals[k], vals[self.nv + k]
        return tuple(j for j, (a, b) in enumerate(self.intervals[var]) if max(a, lo) < min(b, hi))

    def route_met(self, li: int, ri: int, vals: list[float]) -> bool:
        """Whether route ``ri`` of level ``li`` is proven met on domains ``vals``."""
        return self.route_shapes(li, ri, vals) == ONLY_MET

    def route_shapes(self, li: int, ri: int, vals: list[float]) -> Shapes:
        """The outcomes route ``ri`` of level ``li`` can still have on domains ``vals``."""
        rkey = self.getters[li][ri](vals)
        cache = self.route_caches[li][ri]
        got = cache.get(rkey)
        if got is None:
            node = self.cat.routes[li][ri].node
            got = shapes_of(node, self._domains(vals), self.shape_cache)
            cache[rkey] = got
        return got

    def analyse(self, state: State) -> Analysis:
        """Judge every level on ``state`` (cached per state)."""
        hit = self.state_cache.get(state)
        if hit is None:
            hit = self._analyse(state)
            self.state_cache[state] = hit
        return hit

    def _analyse(self, state: State) -> Analysis:
        vals = self.values(state)
        exact = self.exact_bits(state)
        results = []
        key: list[object] = []
        live: tuple[int, ...] = ()
        need: frozenset[str] = frozenset()
        for li, tables in enumerate(self.route_tables):
            got: list[Shapes] = []
            for ri, (get, cache) in enumerate(tables):
                hit = cache.get(get(vals))
                got.append(self.route_shapes(li, ri, vals) if hit is None else hit)
            res, part, facts = self._level(li, tuple(got), exact)
            results.append(res)
            key.append(part)
            if res.settled is None:
                need |= res.need
                live = tuple(sorted({*live, *facts})) if live else facts
        candidates = tuple([i for i in live if self.askable(state, i, vals)])
        linked, nv = self.linked_of(live), self.nv
        key.append(tuple([state[i] for i in live]))
        key.append(live)
        key.append(tuple([(k, vals[k], vals[nv + k]) for k in linked]))
        settled = all(r.settled is not None for r in results)
        return Analysis(tuple(results), candidates, tuple(key), need, settled, tuple(vals))

    def linked_of(self, live: tuple[int, ...]) -> tuple[int, ...]:
        """The quantities tied (by the years constraints) to any of the ``live`` facts:
        only they can still matter."""
        hit = self.linked_cache.get(live)
        if hit is None:
            hit = tuple(sorted({k for i in live for k in self.linked.get(i, ())}))
            self.linked_cache[live] = hit
        return hit

    def _level(
        self, li: int, shapes: tuple[Shapes, ...], exact: int
    ) -> tuple[LevelResult, object, tuple[int, ...]]:
        """Judge one level, cached on its shapes and the exactness its lines depend on;
        also its part of the memo key and the facts still live in it."""
        pre = (li, shapes)
        got = self.used_cache.get(pre)
        if got is None:
            used = 0
            for s in shapes:
                for f in s:
                    for v in quoted(f):
                        used |= 1 << self.vslot[v]
            got = self.used_cache[pre] = (used, {})
        used, by_exact = got
        hit = by_exact.get(exact & used)
        if hit is None:
            known = frozenset(v for k, v in enumerate(self.vars) if exact >> k & 1)
            res = self._judge(li, shapes, known)
            if res.settled is None:
                part: object = tuple(None if i in res.dead else x for i, x in enumerate(shapes))
                facts = tuple(sorted({f for r in res.live for f in self.route_facts[li][r]}))
            else:
                part, facts = res.settled, ()
            hit = (res, part, facts)
            by_exact[exact & used] = hit
        return hit

    def _judge(self, li: int, shapes: tuple[Shapes, ...], exact: frozenset[str]) -> LevelResult:
        """The evaluator's judgement of the level over its routes' possible shapes; an
        unmet route's lines are final once the counts of years they quote are exact."""
        numbers = self.numbers[li]
        j = judge_level(shapes, self.orders[li], lambda f: quoted(f) <= exact)
        if j.status is None:
            unmet = Truth.UNMET
            need = frozenset(
                v for i in j.unsettled for f in shapes[i] if f.truth is unmet for v in quoted(f)
            )
            return LevelResult(None, j.live, need - exact, j.dead)
        if j.status == "qualified":
            return LevelResult(Settled("qualified", route=numbers[j.met]), ())
        closest = tuple(numbers[i] for i in j.closest)
        unmet_texts = tuple(self._texts(li, i, next(iter(shapes[i])).lines) for i in j.closest)
        return LevelResult(Settled(j.status, closest=closest, unmet=unmet_texts), ())

    def _texts(self, li: int, ri: int, key: tuple[object, ...]) -> tuple[str, ...]:
        """The texts of a route's unmet conditions, in order."""
        conditions = self.cat.levels[li].routes[ri].conditions
        out = []
        for entry in key:
            assert isinstance(entry, tuple)
            index = entry[0]
            assert isinstance(index, int)
            out.append(condition_text(conditions[index]))
        return tuple(out)
