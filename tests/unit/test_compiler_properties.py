"""Properties over random candidates, and that every question asked can matter.

Hypothesis draws a level and a full, consistent set of answers (a random candidate);
the interview follows the tree with them and must end at a leaf that agrees with the
evaluator, both on the facts it asked and on the whole random profile. Separately, for
every question of every tree, a witness is searched: two candidates differing only in
that answer whose verdicts differ — a question no answer can change is never asked.
"""

from __future__ import annotations

import random
import zlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.support.paths import complete, entry, paths

from baokao.compiler.catalogue import Catalogue
from baokao.compiler.tree import Ask, Leaf, QuestionTree
from baokao.compiler.walk import advance
from baokao.evaluator import Truth, Verdict, evaluate
from baokao.model.answers import Answers, build_profile, years_bounds
from baokao.model.conditions import AnyOf
from baokao.model.facts import Answer
from baokao.model.rules import Level, Subject
from baokao.rulebook import load_rulebook
from baokao.session import compiled

BOOK = load_rulebook()
LEVELS = [(s, lv) for s in BOOK.subjects() for lv in s.levels]
IDS = [f"{s.title}-{lv.number}" for s, lv in LEVELS]


def outcome(v: Verdict) -> tuple[object, ...]:
    """What a verdict says: routes met, or the closest route and what it lacks."""
    if v.status != "not_qualified" or v.closest is None:
        return (v.status, v.qualifying)
    parts = tuple(
        (i, o.unmet, o.years_only, round(o.shortfall, 4) if o.years_only else None)
        if isinstance(c, AnyOf)
        else (i, o.lines)
        for i, (c, o) in enumerate(v.closest.parts)
        if o.truth is Truth.UNMET
    )
    return (v.status, v.closest.number, parts)


@st.composite
def candidates(draw: st.DrawFn) -> tuple[Subject, Level, dict[str, Answer]]:
    """A level and a full, consistent set of answers to its interview's facts."""
    subject, level = draw(st.sampled_from(LEVELS))
    cat: Catalogue = compiled(subject, level).catalogue
    answers: dict[str, Answer] = {}
    for spec in cat.facts:
        if spec.after is not None and spec.after not in answers:
            continue
        if spec.held is not None and answers.get(spec.held, "none") == "none":
            continue
        if spec.kind != "years":
            answers[spec.id] = draw(st.sampled_from([c.value for c in spec.choices]))
            continue
        low, high, _, _ = years_bounds(spec.id, answers)
        top = high if high is not None else low + 25.0
        halves = st.integers(int(low * 2 + 0.999), int(top * 2)).map(lambda k: k / 2)
        value = draw(st.one_of(halves, st.floats(low, top)) if top > low else st.just(low))
        answers[spec.id] = min(max(value, low), top)
    return subject, level, answers


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(candidates())
def test_random_candidates_end_where_the_evaluator_agrees(
    case: tuple[Subject, Level, dict[str, Answer]],
) -> None:
    subject, level, answers = case
    tree = compiled(subject, level)
    position = advance([tree], tuple(answers.items()))
    assert position.current is None, "the answers of a full candidate must reach a leaf"
    leaf = position.nodes[0]
    assert isinstance(leaf, Leaf)
    settled = leaf.outcomes[0]
    asked = evaluate(level, build_profile(dict(position.consumed)))
    everything = evaluate(level, build_profile(answers))
    assert asked.status == everything.status == settled.status
    if settled.status == "qualified":
        assert settled.route in asked.qualifying
        assert settled.route in everything.qualifying
    else:
        assert asked.closest is not None and asked.closest.number in settled.closest
        assert outcome(asked) == outcome(everything)


def witness(tree: QuestionTree, level: Level, node: Ask, before: Answers, tries: int = 60) -> bool:
    """Two candidates that differ only in the answer to ``node`` and get different verdicts."""
    rng = random.Random(zlib.crc32(f"{node.id}{sorted(before.items())}".encode()))
    for attempt in range(tries):
        first = node.branches[attempt % len(node.branches)]
        second = node.branches[(attempt + 1 + attempt // 7) % len(node.branches)]
        a = entry(node, first, before, "random", rng)
        b = entry(node, second, before, "random", rng)
        if a is None or b is None or a == b:
            continue
        base = complete(tree.catalogue, {**before, node.fact: a}, rng)
        try:
            one, two = build_profile(base), build_profile({**base, node.fact: b})
        except ValueError:  # the other answer contradicts a later one
            continue
        if outcome(evaluate(level, one)) != outcome(evaluate(level, two)):
            return True
    return False


@pytest.mark.parametrize(("subject", "level"), LEVELS, ids=IDS)
def test_every_question_asked_can_change_the_verdict(subject: Subject, level: Level) -> None:
    tree = compiled(subject, level)
    seen: dict[str, list[dict[str, Any]]] = {}
    for how in ("low", "high"):
        for answers, _, taken in paths(tree.root, how):
            for k, (ask, _) in enumerate(taken):
                prefix = {a.fact: answers[a.fact] for a, _ in taken[:k]}
                if prefix not in seen.setdefault(ask.id, []):
                    seen[ask.id].append(prefix)
    nodes = {n.id: n for n in tree.nodes() if isinstance(n, Ask)}
    useless = [
        (node_id, nodes[node_id].fact)
        for node_id, prefixes in seen.items()
        if not any(witness(tree, level, nodes[node_id], before) for before in prefixes)
        and not any(
            witness(tree, level, nodes[node_id], before, tries=150)
            for before in random_prefixes(tree, node_id)
        )
    ]
    assert not useless


def random_prefixes(tree: QuestionTree, node_id: str, count: int = 12) -> list[Answers]:
    """Answers that lead to ``node_id``, drawn at random inside each branch on the way."""
    out = []
    for seed in range(count):
        rng = random.Random(seed)
        node = tree.root
        answers: dict[str, Answer] = {}
        for step in node_id.split(".")[1:]:
            assert isinstance(node, Ask)
            branch = node.branches[int(step)]
            value = entry(node, branch, answers, "random", rng)
            if value is None:
                break
            answers[node.fact] = value
            node = branch.child
        else:
            out.append(answers)
    return out
