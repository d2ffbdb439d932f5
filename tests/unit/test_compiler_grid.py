"""The lattice programme against the top-down search: one optimum, one tree.

The compiler solves the exact programme over the whole lattice of partial interviews
(``compiler/grid.py``), judging each distinct case once with array operations
(``compiler/verdicts.py``). The top-down search (``compiler/search.py``) judges one
state at a time. Both must reach the same optimum and, since they share the moves and
the tie-breaking, build the same tree, node for node: on every level of the rule book,
as the benchmark compiles it and as the app does (questions shared across levels), and
under a prior. Where the best tree would reach a state the lattice leaves out, the search
builds the tree instead.
"""

from __future__ import annotations

import pytest

from baokao.compiler import compile_level, compile_levels
from baokao.compiler.analysis import Analyser
from baokao.compiler.build import grid_tree, policy_tree
from baokao.compiler.catalogue import build_catalogue
from baokao.compiler.grid import Grid, GridSkipped
from baokao.compiler.search import Prior, Search
from baokao.compiler.tree import Leaf
from baokao.importer.grammar import parse_conditions
from baokao.model.rules import Level, Route, Subject
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
def test_grid_and_search_agree_with_questions_shared_across_levels(name: str, number: int) -> None:
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


def test_a_tree_that_reaches_a_state_left_out_of_the_lattice_is_built_top_down() -> None:
    # A synthetic 二级 (the benchmark's catalogue, seed 7): answering the related years
    # after the certificate can contradict the related years, by ranges only; the grid
    # leaves such states out, so when the best tree reaches one the search builds it.
    texts = [
        "取得本职业或相关职业三级/高级工职业资格证书(技能等级证书)的高级技工学校、技师学院毕业生，"
        "累计从事本职业或相关职业工作4年(含)以上；或取得本职业或相关职业预备技师证书的技师学院毕业生，"
        "累计从事本职业或相关职业工作3年(含)以上。",
        "具有大学本科本专业或相关专业学历证书，并取得本职业或相关职业三级/高级工职业资格证书"
        "(技能等级证书)后，累计从事本职业或相关职业工作1年(含)以上。",
        "具有硕士研究生本专业或相关专业学历证书，并取得本职业或相关职业三级/高级工职业资格证书"
        "(技能等级证书)后，累计从事本职业或相关职业工作1年(含)以上。",
        "具有博士研究生本专业或相关专业学历证书，累计从事本职业或相关职业工作4年(含)以上。",
    ]
    routes = tuple(
        Route(number=n, text=f"{n}、{text}", conditions=parse_conditions(text))
        for n, text in enumerate(texts, start=1)
    )
    level = Level(number=2, label="2", routes=routes)
    an = Analyser(build_catalogue((level,), (), ()))
    grid = Grid(an)
    with pytest.raises(GridSkipped):
        grid_tree(grid, Search(an))
    tree = compile_level(level)
    searched = compile_level(level, grid_limit=0)
    assert tree.method == "exact"
    assert tree.root == searched.root


def test_one_interview_for_every_level_is_the_same_on_the_grid_and_top_down() -> None:
    subject = BOOK.find("美容师")
    on_grid = compile_levels(subject.levels, subject.occupation.notes)
    searched = compile_levels(subject.levels, subject.occupation.notes, grid_limit=0)
    assert (on_grid.method, searched.method) == ("exact", "exact")
    assert on_grid.root == searched.root
    assert on_grid.optimal == pytest.approx(searched.optimal, abs=1e-9)


@pytest.mark.parametrize(
    ("texts", "statuses"),
    [
        (["这是一段无法识别的条文。"], {"undetermined"}),
        (
            ["累计从事本职业工作2年以上。", "这是一段无法识别的条文。"],
            {"qualified", "undetermined"},
        ),
    ],
    ids=["nothing-readable", "one-readable"],
)
def test_levels_with_unreadable_routes_compile_both_ways(
    texts: list[str], statuses: set[str]
) -> None:
    routes = tuple(
        Route(number=n, text=f"{n}、{text}", conditions=parse_conditions(text))
        for n, text in enumerate(texts, start=1)
    )
    level = Level(number=5, label="5", routes=routes)
    searched = compile_level(level, grid_limit=0)
    an = Analyser(searched.catalogue)
    assert grid_tree(Grid(an), Search(an)) == searched.root
    leaves = [node for node in searched.nodes() if isinstance(node, Leaf)]
    assert {leaf.outcomes[0].status for leaf in leaves} == statuses
