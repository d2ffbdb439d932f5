"""Compiling under a budget: a level too large for the exact search still gets a good tree.

The exact search may memoise so many states, and a compile take so long (issue 16);
past either, the greedy fallback's tree is kept and the tree (and ``baokao tree``) says
so. The 40-route levels in ``tests/fixtures/forty`` are made of the rule book's own
route texts: ``四十条途径常规职业`` as they are, ``四十条途径测试职业`` with their years
redrawn (the hostile one; ``benchmarks/questions.py`` compiles it and prints time and
peak memory beside a bundled level's).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support.paths import paths

from baokao.compiler import compile_level
from baokao.compiler.tree import Ask, QuestionTree
from baokao.evaluator import evaluate
from baokao.model.answers import build_profile
from baokao.model.rules import Level
from baokao.rulebook import load_rulebook
from baokao.tree_export import summary, tree_json, tree_text

FORTY = load_rulebook(Path(__file__).parents[1] / "fixtures" / "forty")
LEVEL = FORTY.find("四十条途径常规职业").level(3)
HOSTILE = FORTY.find("四十条途径测试职业").level(3)
#: The exact optimum of ``LEVEL`` (found by the exact search with no budget).
EXACT = 1.1779450463312897


class Cancelled(Exception):
    """What a UI raises from ``progress`` when the user cancels."""


def proven(level: Level, tree: QuestionTree, every: int = 1) -> int:
    """Hold every ``every``-th path of ``tree`` against the evaluator; how many were."""
    checked = 0
    for k, (answers, leaf, _) in enumerate(paths(tree.root)):
        if k % every:
            continue
        verdict = evaluate(level, build_profile(answers))
        assert verdict.status == leaf.outcomes[0].status, answers
        if verdict.status == "qualified":
            assert leaf.outcomes[0].route in verdict.qualifying, answers
        else:
            assert verdict.closest is not None
            assert verdict.closest.number in leaf.outcomes[0].closest, answers
        checked += 1
    return checked


def test_a_40_route_level_past_the_budget_gets_the_greedy_tree_proven_path_by_path() -> None:
    assert len(LEVEL.routes) == 40
    tree = compile_level(LEVEL, budget=500)
    assert (tree.method, tree.optimal) == ("greedy", None)
    assert EXACT <= tree.expected <= 1.1 * EXACT  # a good fallback: within 10% here
    assert proven(LEVEL, tree) > 100


def test_the_hostile_40_route_level_as_baokao_tree_compiles_it_gets_a_proven_greedy_tree() -> None:
    """``baokao tree`` compiles with the default budget: the exact search cannot finish
    this level, the fallback's tree is kept. Its 26,000 paths take half a minute to
    prove: every tenth is held against the evaluator here (all of them in
    ``benchmarks/questions.py --forty``)."""
    tree = compile_level(HOSTILE)
    assert (tree.method, tree.optimal) == ("greedy", None)
    assert tree.expected < 1.47  # the EC² fallback this one replaced asked 1.47
    assert proven(HOSTILE, tree, every=10) > 2500
    text = tree_text(tree, "四十条途径测试职业 三级/高级")
    assert "贪心回退" in text.splitlines()[1]


def test_the_export_says_which_method_built_the_tree() -> None:
    tree = compile_level(LEVEL, budget=500)
    assert tree_json(tree, "t")["method"] == "greedy"
    assert tree_json(tree, "t")["optimal_expected"] is None
    assert "贪心回退" in summary(tree)


def test_the_time_budget_stops_the_exact_search_too() -> None:
    tree = compile_level(LEVEL, seconds=0.0)
    assert tree.method == "greedy"


def test_progress_is_reported_and_raising_from_it_cancels_the_compile() -> None:
    seen: list[int] = []

    def progress(states: int) -> None:
        seen.append(states)
        if len(seen) == 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        compile_level(LEVEL, progress=progress)
    assert seen == sorted(seen) and len(seen) == 3


def test_bundled_levels_stay_within_the_budget_and_exact() -> None:
    book = load_rulebook()
    subject = book.find("公共营养师")  # the largest bundled level: 2,790 states
    tree = compile_level(subject.level(1), subject.occupation.notes, context=subject.levels)
    assert tree.method == "exact"
    assert isinstance(tree.root, Ask)
