"""Working (从事) or meaning to work (拟从事) in this occupation with no years named, and an
internship completed (一年实习期满), end to end: read, judged, asked, checked.

The first is a held kind (model/held.py: one choice, the answers a phrase accepts); the
second a threshold on one number (internship_years), as an age is.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.agree import every_path_agrees

from baokao.cli import main
from baokao.evaluator import evaluate
from baokao.importer.grammar import parse_conditions
from baokao.model.conditions import Engagement, Internship
from baokao.model.profile import Profile
from baokao.model.rules import Level, Occupation, Route
from baokao.rulebook import write_trees
from baokao.session import Session

TEXTS = (
    "年满16周岁,拟从事本职业或相关职业工作。",
    "从事本职业工作,一年实习期满",
)
ROUTES = tuple(
    Route(number=n, text=f"{n}、{t}", conditions=parse_conditions(t))
    for n, t in enumerate(TEXTS, start=1)
)
LEVEL = Level(number=5, label="五级/初级", routes=ROUTES)
OCCUPATION = Occupation(code="9-99-99-14", name="意向测试职业", levels=(LEVEL,))


@pytest.mark.parametrize(
    ("text", "accepts"),
    [
        ("拟从事本职业或相关职业工作", ("this_now", "related_now", "this_plan", "related_plan")),
        ("拟从事本职业工作", ("this_now", "this_plan")),
        ("从事本职业或相关职业工作", ("this_now", "related_now")),
        ("从事本职业工作", ("this_now",)),
    ],
)
def test_the_grammar_reads_working_or_meaning_to(text: str, accepts: tuple[str, ...]) -> None:
    (leaf,) = parse_conditions(text)
    assert leaf == Engagement(accepts=accepts, text=text)  # type: ignore[arg-type]


def test_the_grammar_reads_an_internship() -> None:
    (leaf,) = parse_conditions("一年实习期满")
    assert leaf == Internship(years=1, text="1年实习期满")


def test_the_evaluator_judges_them() -> None:
    plan = evaluate(LEVEL, Profile(age=17, engagement="related_plan"))
    assert plan.qualifying == (1,)
    young = evaluate(LEVEL, Profile(age=15, engagement="this_now", internship_years=0.5))
    assert young.status == "not_qualified"
    worker = evaluate(LEVEL, Profile(age=15, engagement="this_now", internship_years=1))
    assert worker.qualifying == (2,)
    planning = evaluate(LEVEL, Profile(age=15, engagement="this_plan", internship_years=1))
    assert planning.status == "not_qualified"
    second = planning.routes[1]  # 从事本职业工作: meaning to is not working
    assert second.outcome.lines == ("缺少：从事本职业工作",)
    open_ = evaluate(LEVEL, Profile(age=15, engagement="this_now"))
    assert open_.status == "undetermined" and open_.unknown == ("internship_years",)


def test_every_path_of_the_tree_agrees_with_the_evaluator() -> None:
    asked = every_path_agrees(LEVEL)
    assert {"engagement", "internship_years", "age"} <= asked


def test_a_session_asks_them() -> None:
    session = Session.start(OCCUPATION.subjects()[0], 5, date(2026, 5, 1))
    answers = {"age": "15", "engagement": "this_now", "internship_years": "1"}
    texts = []
    while session.question is not None:
        texts.append(session.question.text)
        session = session.answer(answers[session.question.id])
    assert "您现在是否从事（或打算从事）本职业或相关职业工作？" in texts
    assert "您已经实习期满的实习，有多少年？" in texts
    assert session.outcome is not None and session.outcome.verdict.qualifying == (2,)


def test_check_reads_them_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_trees([OCCUPATION], tmp_path)
    profile = {"age": 30, "engagement": "none", "internship_years": 2}
    cases = tmp_path / "cases.json"
    case = {"id": "a", "occupation": "意向测试职业", "level": "五级", "profile": profile}
    cases.write_text(json.dumps([case]), encoding="utf-8")
    assert main(["check", str(cases), "--json", "--trees", str(tmp_path)]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["status"] == "not_qualified"
    case["profile"] = {"engagement": "maybe"}
    cases.write_text(json.dumps(case), encoding="utf-8")
    assert main(["check", str(cases), "--json", "--trees", str(tmp_path)]) == 2
    assert "engagement" in capsys.readouterr().err
