"""Walk compiled trees with exact answers; several trees share one list of answers.

A session keeps only its answers; where it stands follows from walking the tree(s) with
them. In all-levels mode each level's tree is walked in turn (五级 first) with the same
answers, so a fact asked for one level is never asked again for another: the interview
asks the next question of the first level not yet settled. Answers the walk does not
reach (after an earlier answer changed) are kept aside and used again if the walk
reaches their question; an answer that contradicts earlier ones is dropped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from baokao.compiler.analysis import Analyser, State
from baokao.compiler.catalogue import Catalogue
from baokao.compiler.tree import Ask, Branch, Node, QuestionTree
from baokao.evaluator.shapes import MET, STUCK
from baokao.model.answers import Answers, years_bounds
from baokao.model.facts import Answer
from baokao.model.quantities import quantity_value

Pairs = tuple[tuple[str, Answer], ...]


def follow(node: Ask, answers: Answers) -> Branch | None:
    """The branch an answered question takes (``None`` if the answer fits no branch)."""
    if node.var is not None:
        value: float | str = quantity_value(node.var, answers)
    else:
        value = str(answers[node.fact])
    for branch in node.branches:
        if branch.holds(value):
            return branch
    return None


def valid(cat: Catalogue, fact: str, value: Answer, before: Answers) -> bool:
    """Whether ``value`` is an acceptable answer to ``fact`` after the answers ``before``."""
    spec = cat.spec(fact)
    if spec.kind == "years":
        if isinstance(value, str):
            return False
        low, high, _, _ = years_bounds(fact, before)
        return low <= value and (high is None or value <= high)
    return any(c.value == value for c in spec.choices)


@dataclass(frozen=True)
class Position:
    """Where the walk of one or more trees stands.

    ``nodes`` holds each tree's node (a leaf once settled); ``current`` is the tree
    whose question is due, ``None`` when every tree has reached a leaf. ``consumed``
    are the answers the walk used, in the order asked; ``pending`` the others.
    """

    nodes: tuple[Node, ...]
    current: int | None
    consumed: Pairs
    pending: Pairs

    @property
    def answers(self) -> dict[str, Answer]:
        """The consumed answers by fact."""
        return dict(self.consumed)


def advance(trees: Sequence[QuestionTree], answers: Pairs) -> Position:
    """Walk ``trees`` in order with ``answers``; see the module docstring."""
    pending = dict(answers)
    consumed: dict[str, Answer] = {}
    nodes: list[Node] = []
    current: int | None = None
    for index, tree in enumerate(trees):
        node: Node = tree.root
        while isinstance(node, Ask):
            fact = node.fact
            if fact not in consumed and current is None and fact in pending:
                value = pending.pop(fact)
                if not valid(tree.catalogue, fact, value, consumed):
                    break
                consumed[fact] = value
            if fact not in consumed:
                break
            branch = follow(node, consumed)
            if branch is None:
                if current is None:
                    del consumed[fact]
                break
            node = branch.child
        nodes.append(node)
        if current is None and isinstance(node, Ask):
            current = index
    return Position(tuple(nodes), current, tuple(consumed.items()), tuple(pending.items()))


_ANALYSERS: OrderedDict[int, tuple[QuestionTree, Analyser]] = OrderedDict()


def possible_routes(tree: QuestionTree, answers: Answers) -> tuple[int, ...]:
    """The positions of the routes of ``tree``'s (first) level that can still be met (or
    rest on text only a person can read), given exact ``answers``."""
    hit = _ANALYSERS.get(id(tree))
    if hit is None or hit[0] is not tree:
        hit = _ANALYSERS[id(tree)] = (tree, Analyser(tree.catalogue))
        if len(_ANALYSERS) > 128:
            _ANALYSERS.popitem(last=False)
    an = hit[1]
    vals = an.values(state_of(an, answers))
    return tuple(
        ri
        for ri in range(len(tree.catalogue.routes[0]))
        if {MET, STUCK} & an.route_shapes(0, ri, vals)
    )


def state_of(an: Analyser, answers: Answers) -> State:
    """The analyser's state (answer branch per fact) for exact answers."""
    out: list[int | None] = []
    for i, fid in enumerate(an.ids):
        if fid not in answers:
            out.append(None)
            continue
        var = an.var_of.get(i)
        if var is not None:
            value = quantity_value(var, answers)
            out.append(next(j for j, (lo, hi) in enumerate(an.intervals[var]) if lo <= value < hi))
        else:
            spec = an.cat.facts[i]
            bit = 1 << next(k for k, c in enumerate(spec.choices) if c.value == answers[fid])
            out.append(next(j for j, m in enumerate(an.classes[i]) if m & bit))
    return tuple(out)
