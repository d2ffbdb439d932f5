"""The compiled question tree: asks, branches, leaves, and the numbers that describe it.

A tree is plain frozen data with stable node ids derived from the path (``n``, ``n.0``,
``n.0.2`` …), so that a counsellor can review it (``baokao tree``), a session can walk it
answer by answer, and two compilations of the same level are equal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from baokao.compiler.analysis import Settled
from baokao.compiler.catalogue import Catalogue
from baokao.model.rules import Level

Method = Literal["exact", "greedy"]


@dataclass(frozen=True)
class Branch:
    """One answer branch of a question: a range of years, or a set of choice values."""

    label: str
    child: Node
    lo: float | None = None
    hi: float | None = None
    values: tuple[str, ...] = ()

    def holds(self, value: float | str) -> bool:
        """Whether an exact answer (years, or a choice value) falls in this branch."""
        if isinstance(value, str):
            return value in self.values
        assert self.lo is not None and self.hi is not None
        return self.lo <= value < self.hi


@dataclass(frozen=True)
class Ask:
    """Ask one fact; follow the branch its answer falls in.

    ``var`` names the quantity the branches split (``TT`` for the related years: the
    branch is chosen on this plus related years). ``expected`` and ``depth`` count the
    questions still to come from here, this one included.
    """

    id: str
    fact: str
    var: str | None
    branches: tuple[Branch, ...]
    expected: float
    depth: int


@dataclass(frozen=True)
class Leaf:
    """The interview is over: each level's settled outcome (one level, or all of them)."""

    id: str
    outcomes: tuple[Settled, ...]


Node = Ask | Leaf


@dataclass(frozen=True)
class QuestionTree:
    """A compiled interview for one level.

    ``optimal`` is the exact search's expected question count (``None`` when the level
    was too large and the greedy fallback built the tree); ``states`` counts the
    residual states the exact search memoised, or the states the fallback analysed.
    """

    level: Level
    catalogue: Catalogue
    root: Node
    method: Method
    optimal: float | None
    states: int

    @property
    def expected(self) -> float:
        """Expected number of questions, each branch of a question equally likely."""
        return self.root.expected if isinstance(self.root, Ask) else 0.0

    @property
    def worst(self) -> int:
        """The most questions any path asks."""
        return self.root.depth if isinstance(self.root, Ask) else 0

    def nodes(self) -> Iterator[Node]:
        """Every node, depth first, in branch order."""
        stack: list[Node] = [self.root]
        while stack:
            node = stack.pop()
            yield node
            if isinstance(node, Ask):
                stack.extend(reversed([b.child for b in node.branches]))
