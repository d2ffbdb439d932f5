"""An age (年满N周岁), end to end: read from the text, judged, asked, checked, shown.

Age is the first kind of condition added through the fact registry; its diff touched
five source files (model/conditions.py, model/profile.py, model/facts.py,
model/quantities.py, importer/grammar.py) and nothing in the evaluator, compiler,
session or TUI. These tests hold every layer to it (the TUI: tests/tui/test_age.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.support.check import check_json
from tests.support.paths import paths

from baokao.compiler import compile_level
from baokao.evaluator import evaluate
from baokao.importer.grammar import parse_conditions
from baokao.model.answers import build_profile
from baokao.model.profile import Profile
from baokao.model.rules import Level, Occupation, Route
from baokao.session import Session
from baokao.slip import Slip, to_markdown

TEXTS = ("年满18周岁,累计从事本职业工作2年(含)以上", "本职业学徒期满")
ROUTES = tuple(
    Route(number=n, text=f"{n}、{t}", conditions=parse_conditions(t))
    for n, t in enumerate(TEXTS, start=1)
)
LEVEL = Level(number=5, label="五级/初级", routes=ROUTES)
OCCUPATION = Occupation(code="9-99-99-09", name="年龄测试职业", levels=(LEVEL,))


def test_the_evaluator_judges_an_age() -> None:
    young = evaluate(LEVEL, Profile(age=17, years_this=3, apprenticeship="none"))
    assert young.status == "not_qualified"
    assert young.unmet == ("年满18周岁：还差 1 年",)
    adult = evaluate(LEVEL, Profile(age=18, years_this=3))
    assert adult.status == "qualified" and adult.qualifying == (1,)
    unknown = evaluate(LEVEL, Profile(years_this=3, apprenticeship="none"))
    assert unknown.status == "undetermined" and unknown.unknown == ("age",)


def test_the_tree_asks_the_age_and_every_path_agrees_with_the_evaluator() -> None:
    tree = compile_level(LEVEL)
    asked = {node.fact for node in tree.nodes() if hasattr(node, "fact")}
    assert "age" in asked and tree.method == "exact"
    for answers, leaf, _ in paths(tree.root):
        verdict = evaluate(LEVEL, build_profile(answers))
        assert verdict.status == leaf.outcomes[0].status
        if verdict.status == "qualified":
            assert leaf.outcomes[0].route in verdict.qualifying


def test_a_session_asks_the_age_as_a_question_and_the_slip_names_the_document() -> None:
    subject = OCCUPATION.subjects()[0]
    session = Session.start(subject, 5, date(2026, 5, 1))
    seen = []
    for value in ("none", "20", "3"):
        assert session.question is not None
        seen.append(session.question.id)
        if session.question.id == "age":
            assert session.question.text == "您今年多少周岁？"
        session = session.answer(
            {"apprenticeship": "none", "age": "20"}.get(session.question.id, value)
        )
        if session.question is None:
            break
    assert "age" in seen
    assert session.outcome is not None and session.outcome.verdict.status == "qualified"
    assert "身份证原件及复印件（证明年龄）" in to_markdown(Slip.from_session(session))


def test_check_reads_an_age_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = {"age": 17, "years_this": 5, "apprenticeship": "none"}
    case = {"id": "a", "occupation": "年龄测试职业", "level": "五级", "profile": profile}
    (result,) = check_json([OCCUPATION], [case], tmp_path, capsys)
    assert result["status"] == "not_qualified"
