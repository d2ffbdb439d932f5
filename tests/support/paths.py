"""Every path of a tree as exact answers, and the facts a path leaves open, filled in.

This is how a tree is held against the evaluator: each branch is entered with a real
answer inside its interval (its lower end, or just below its upper end), consistent
with the answers before it; at the leaf, the evaluator judges the path's own facts,
and again every completion of the unasked facts drawn here — a settled leaf must give
the same verdict for all of them. The benchmark walks trees the same way.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Literal

from baokao.compiler.catalogue import INF, Catalogue
from baokao.compiler.tree import Ask, Branch, Leaf, Node
from baokao.model.answers import Answers, years_bounds
from baokao.model.facts import Answer
from baokao.model.quantities import first_part, quantity_value

Strategy = Literal["low", "high", "random"]
#: Years added to a completion's lower bound: small steps are where thresholds bite.
_STEPS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 9.0, 14.0, 20.0)


def entry(
    node: Ask, branch: Branch, answers: Answers, how: Strategy, rng: random.Random | None = None
) -> Answer | None:
    """An answer to ``node`` that takes ``branch`` after ``answers`` (``None``: none fits).

    ``low`` enters at the lower end, ``high`` just below the upper end, ``random``
    anywhere inside (a choice branch: its first, last or a random value).
    """
    if node.var is None:
        if how == "random" and rng is not None:
            return rng.choice(branch.values)
        return branch.values[0] if how == "low" else branch.values[-1]
    assert branch.lo is not None and branch.hi is not None
    first = first_part(node.var)
    offset = quantity_value(first, answers) if first else 0.0
    low, high, _, _ = years_bounds(node.fact, answers)
    lo = max(branch.lo - offset, low)
    top = high if high is not None else INF
    if how == "low":
        value = lo
    elif how == "random" and rng is not None:
        value = rng.uniform(lo, min(branch.hi - offset, top, lo + 10.0))
    elif branch.hi < INF:
        value = min(branch.hi - offset - 0.25, top)
    else:
        value = min(lo + 3.5, top)
    if value < lo or value > top or value + offset >= branch.hi or value + offset < branch.lo:
        return None
    return value


Path = tuple[dict[str, Answer], Leaf, tuple[tuple[Ask, Branch], ...]]


def paths(root: Node, how: Strategy = "low", seed: int = 0) -> Iterator[Path]:
    """Every path that exact answers can take (answers, leaf, the branches taken)."""
    rng = random.Random(seed)
    stack: list[tuple[Node, dict[str, Answer], tuple[tuple[Ask, Branch], ...]]] = [(root, {}, ())]
    while stack:
        node, answers, taken = stack.pop()
        if isinstance(node, Leaf):
            yield answers, node, taken
            continue
        for branch in reversed(node.branches):
            value = entry(node, branch, answers, how, rng)
            if value is not None:
                step = (*taken, (node, branch))
                stack.append((branch.child, {**answers, node.fact: value}, step))


def reach(root: Node, target: str, index: int, seed: int, tries: int = 200) -> Path | None:
    """A path through branch ``index`` of node ``target``, found by random answers on the
    way there (some branches need particular combinations of earlier years)."""
    steps = [int(p) for p in target.split(".")[1:]] + [index]
    rng = random.Random(seed)
    for _ in range(tries):
        node: Node = root
        answers: dict[str, Answer] = {}
        taken: tuple[tuple[Ask, Branch], ...] = ()
        for k in steps:
            assert isinstance(node, Ask)
            branch = node.branches[k]
            value = entry(node, branch, answers, "random", rng)
            if value is None:
                break
            answers[node.fact] = value
            taken = (*taken, (node, branch))
            node = branch.child
        else:
            while isinstance(node, Ask):
                options = [(b, entry(node, b, answers, "low")) for b in node.branches]
                branch, value = next((b, v) for b, v in options if v is not None)
                answers[node.fact] = value
                taken = (*taken, (node, branch))
                node = branch.child
            return answers, node, taken
    return None


def complete(cat: Catalogue, answers: Answers, rng: random.Random) -> dict[str, Answer]:
    """``answers`` with every other askable fact of ``cat`` answered at random, consistently
    (years a random step above the least the earlier answers allow)."""
    out = dict(answers)
    for spec in cat.facts:
        if spec.id in out:
            continue
        if spec.after is not None and spec.after not in out:
            continue
        if spec.held is not None and out.get(spec.held, "none") == "none":
            continue
        if spec.kind == "years":
            low, high, _, _ = years_bounds(spec.id, out)
            top = high if high is not None else INF
            out[spec.id] = min(low + rng.choice(_STEPS), top)
        else:
            out[spec.id] = rng.choice(spec.choices).value
    return out
