"""The lattice programme against the top-down search: one optimum, one tree.

The compiler solves the exact programme over the whole lattice of partial interviews
(``compiler/grid.py``), judging each distinct case once with array operations
(``compiler/verdicts.py``). The top-down search (``compiler/search.py``) judges one
state at a time. Both must reach the same optimum and, since they share the moves and
the tie-breaking, build the same tree, node for node: on every level of the rule book,
as the benchmark compiles it and as the app does (questions shared across levels), and
under a prior.
"""

from __future__ import annotations

import pytest

from baokao.compiler import compile_level
from baokao.compiler.analysis import Analyser
from baokao.compiler.build import grid_tree, policy_tree
from baokao.compiler.catalogue import build_catalogue
from baokao.compiler.grid import Grid
from baokao.compiler.search import Prior, Search
from baokao.model.rules import Level, Subject
from baokao.rulebook import load_rulebook

BOOK = load_rulebook()
LEVELS = [(s, lv) for s in BOOK.subjects() for lv in s.levels]
IDS = [f"{s.title}-{lv.number}" for s, lv in LEVELS]


def both(subject: Subject, level: Level, *, context: bool, prior: Prior | None = None) -> None:
    """Solve one level both ways and hold the results side by side."""
    levels = subject.levels if context else ()
    cat = build_catalogue((level,), subject.occupation.notes, levels)
    an = Analyser(cat)
    grid = Grid(an, prior)
    search = Search(Analyser(cat), budget=10**7, prior=prior)
    optimum = search.solve((None,) * len(an.ids))
    assert grid.optimal == pytest.approx(optimum, abs=1e-9)
    assert grid_tree(grid, search) == policy_tree(search.an, search.policy, search)


@pytest.mark.parametrize(("subject", "level"), LEVELS, ids=IDS)
def test_grid_and_search_agree_on_every_level(subject: Subject, level: Level) -> None:
    both(subject, level, context=False)


@pytest.mark.parametrize(
    ("name", "number"),
    [("企业人力资源管理师", 3), ("公共营养师", 2), ("保健按摩师", 4), ("物流师", 2)],
)
def test_grid_and_search_agree_with_questions_shared_across_levels(
    name: str, number: int
) -> None:
    subject = BOOK.find(name)
    both(subject, subject.level(number), context=True)


def test_grid_and_search_agree_under_a_prior() -> None:
    subject = BOOK.find("公共营养师")
    prior = {
        "years_this_continuous": [0.6, 0.2, 0.1, 0.1],
        "cert_this": [0.5, 0.2, 0.2, 0.1],
        "school": [0.4, 0.3, 0.2, 0.1],
    }
    both(subject, subject.level(2), context=False, prior=prior)


def test_a_lattice_too_large_for_the_grid_is_searched_top_down_to_the_same_tree() -> None:
    subject = BOOK.find("物流师")
    level = subject.level(2)
    on_grid = compile_level(level, subject.occupation.notes)
    searched = compile_level(level, subject.occupation.notes, grid_limit=10)
    assert (on_grid.method, searched.method) == ("exact", "exact")
    assert on_grid.root == searched.root
    assert on_grid.optimal == pytest.approx(searched.optimal, abs=1e-9)
