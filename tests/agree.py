"""Every path of a level's compiled tree against the evaluator, for the tests of a kind.

Each kind of condition is proven the same way: compile the level, walk every path of its
tree, build the profile the path's answers make, and ask the evaluator; the verdict and
the tree's leaf must agree. Returns the facts the tree asks, for the test to check that
its kind's questions are among them.
"""

from __future__ import annotations

from tests.support.paths import paths

from baokao.compiler import compile_level
from baokao.evaluator import evaluate
from baokao.model.answers import build_profile
from baokao.model.rules import Level


def every_path_agrees(level: Level) -> set[str]:
    """Assert that every path of ``level``'s tree agrees with the evaluator; the facts asked."""
    tree = compile_level(level)
    for answers, leaf, _ in paths(tree.root):
        verdict = evaluate(level, build_profile(answers))
        assert verdict.status == leaf.outcomes[0].status, answers
        if verdict.status == "qualified":
            assert leaf.outcomes[0].route in verdict.qualifying, answers
    return {node.fact for node in tree.nodes() if hasattr(node, "fact")}
