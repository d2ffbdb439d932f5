"""Every path of every level's tree says what the evaluator says (the compiler's proof).

For each of the 42 levels the tree is walked along every path, entering every answer
branch of every question with a real answer (at the lower end of its interval, just
below its upper end, and at random where a branch needs particular earlier years). At
each leaf the evaluator judges the path's own facts, and three random completions of
the facts the path left unasked: all must agree with the leaf — the route it names is
met, or no route is and the closest route, its unmet conditions and their shortfalls
are the same whatever the unasked facts are (``docs/questions.md``, "settled").
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator

import pytest
from tests.support.paths import Path, complete, paths, reach

from baokao.compiler.build import compile_level
from baokao.compiler.catalogue import build_catalogue
from baokao.compiler.tree import Ask, Leaf, QuestionTree
from baokao.evaluator import Truth, Verdict, evaluate
from baokao.model.answers import build_profile
from baokao.model.conditions import AnyOf
from baokao.model.rules import Level, Subject
from baokao.rulebook import load_rulebook
from baokao.session import compiled

BOOK = load_rulebook()
LEVELS = [(s, lv) for s in BOOK.subjects() for lv in s.levels]


def level_id(item: tuple[Subject, Level]) -> str:
    subject, lv = item
    return f"{subject.title}-{lv.number}"


def check_leaf(tree: QuestionTree, lv: Level, answers: dict[str, object], leaf: Leaf) -> None:
    """The leaf agrees with the evaluator on the path's facts and on completions."""
    settled = leaf.outcomes[0]
    seen = evaluate(lv, build_profile(answers))  # type: ignore[arg-type]
    assert seen.status == settled.status, (answers, seen.unknown)
    rng = random.Random(zlib.crc32(leaf.id.encode()))
    others = [
        evaluate(lv, build_profile(complete(tree.catalogue, answers, rng)))  # type: ignore[arg-type]
        for _ in range(3)
    ]
    if settled.status == "qualified":
        assert settled.route in seen.qualifying
        for v in others:
            assert v.status == "qualified" and settled.route in v.qualifying, answers
    else:
        assert seen.closest is not None
        assert seen.closest.number in settled.closest
        assert len(seen.unmet) == len(seen.closest.outcome.lines)
        for v in others:
            assert same_closest(v, seen), (answers, v.unmet, seen.unmet)


def signature(v: Verdict) -> tuple[object, ...]:
    """What a not-qualified leaf settles: the closest route, and for each of its unmet
    conditions the lines (for a "或": its count, whether it is years only, and its
    shortfall — which side is quoted as nearer is wording)."""
    assert v.closest is not None
    parts: list[object] = []
    for index, (condition, outcome) in enumerate(v.closest.parts):
        if outcome.truth is not Truth.UNMET:
            continue
        if isinstance(condition, AnyOf):
            gap = round(outcome.shortfall, 4) if outcome.years_only else None
            parts.append((index, outcome.unmet, outcome.years_only, gap))
        else:
            parts.append((index, outcome.lines))
    route = v.closest.outcome
    gap = round(route.shortfall, 4) if route.years_only else None
    return (v.status, v.closest.number, route.unmet, route.years_only, gap, tuple(parts))


def same_closest(a: Verdict, b: Verdict) -> bool:
    """Same status and the same :func:`signature`."""
    return a.status == b.status == "not_qualified" and signature(a) == signature(b)


def check_path(tree: QuestionTree, lv: Level, path: Path) -> Iterator[tuple[str, int]]:
    """Check one path; yield each (question node, branch index) it entered."""
    answers, leaf, taken = path
    facts = [ask.fact for ask, _ in taken]
    assert len(facts) == len(set(facts)), f"a fact asked twice: {facts}"
    check_leaf(tree, lv, answers, leaf)
    for ask, branch in taken:
        yield ask.id, ask.branches.index(branch)


def walk(tree: QuestionTree, lv: Level) -> set[tuple[str, int]]:
    """Check every path, entering each branch low and high; reach the rest at random."""
    entered: set[tuple[str, int]] = set()
    for how in ("low", "high"):
        for path in paths(tree.root, how):
            entered.update(check_path(tree, lv, path))
    for node_id, index in missing(tree, entered):
        path = reach(tree.root, node_id, index, seed=zlib.crc32(node_id.encode()) + index)
        assert path is not None, f"no answers reach branch {index} of {node_id}"
        entered.update(check_path(tree, lv, path))
    return entered


def missing(tree: QuestionTree, entered: set[tuple[str, int]]) -> list[tuple[str, int]]:
    return [
        (node.id, i)
        for node in tree.nodes()
        if isinstance(node, Ask)
        for i in range(len(node.branches))
        if (node.id, i) not in entered
    ]


def assert_covered(tree: QuestionTree, entered: set[tuple[str, int]]) -> None:
    left = missing(tree, entered)
    assert not left, f"branches no answer reached: {left[:5]}"


@pytest.mark.parametrize("item", LEVELS, ids=[level_id(x) for x in LEVELS])
def test_every_path_agrees_with_the_evaluator(item: tuple[Subject, Level]) -> None:
    subject, lv = item
    tree = compiled(subject, lv)
    assert tree.method == "exact"
    assert_covered(tree, walk(tree, lv))


def test_there_are_42_levels() -> None:
    assert len(LEVELS) == 42


def test_standalone_trees_match_the_session_trees_or_are_checked_too() -> None:
    """A level compiled alone asks the same questions as in its subject's interview,
    except where the subject needs a wider vocabulary; those are walked as well."""
    differ = []
    for subject, lv in LEVELS:
        alone = build_catalogue([lv])
        shared = build_catalogue([lv], context=subject.levels)
        if [(f.id, f.choices) for f in alone.facts] != [(f.id, f.choices) for f in shared.facts]:
            differ.append((subject, lv))
    assert [level_id(x) for x in differ] == ["保育员-4"]
    for subject, lv in differ:
        tree = compile_level(lv, subject.occupation.notes)
        assert_covered(tree, walk(tree, lv))
