"""A driving licence (持有C1照以上机动车驾驶证), end to end: read, judged, asked, checked.

A licence is the first kind the registry declares as *held* (model/held.py): one choice
fact, the condition naming the classes that meet it. Classes are not a ladder (A1 covers
B1 but not A2), so the importer turns "C1照以上" into the set of classes covering C1
(model/licences.py, the table of 《机动车驾驶证申领和使用规定》). The TUI side is
tests/tui/test_licence.py.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.agree import every_path_agrees
from tests.support.check import check_json

from baokao.cli import main
from baokao.evaluator import evaluate
from baokao.importer.grammar import parse_conditions
from baokao.model.conditions import DrivingLicence, WorkYears
from baokao.model.licences import accepting
from baokao.model.profile import Profile
from baokao.model.rules import Level, Occupation, Route
from baokao.roster.rows import cell_value
from baokao.session import Session
from baokao.slip import Slip, to_markdown

TEXTS = (
    "持有《中华人民共和国机动车驾驶证》B1照以上并连续从事本职业工作4年以上",
    "持有C1(含)以上机动车驾驶证,累计从事本职业工作2年(含)以上",
    "本职业学徒期满",
)
ROUTES = tuple(
    Route(number=n, text=f"{n}、{t}", conditions=parse_conditions(t))
    for n, t in enumerate(TEXTS, start=1)
)
LEVEL = Level(number=4, label="四级/中级", routes=ROUTES)
OCCUPATION = Occupation(code="9-99-99-10", name="驾照测试职业", levels=(LEVEL,))


@pytest.mark.parametrize(
    ("text", "accepts"),
    [
        ("持有《中华人民共和国机动车驾驶证》C1照以上", ("A1", "A2", "A3", "B1", "B2", "C1")),
        ("持有《中华人民共和国机动车驾驶证》B1照以上", ("A1", "A2", "B1")),
        ("持有《中华人民共和国机动车驾驶证》A1、A2照以上", ("A1", "A2")),
        ("持有CI (含)以上机动车驾驶证", ("A1", "A2", "A3", "B1", "B2", "C1")),  # OCR'd C1
        ("持有B2驾驶证", ("A1", "A2", "B2")),
    ],
)
def test_the_grammar_reads_the_classes_that_meet_a_licence(
    text: str, accepts: tuple[str, ...]
) -> None:
    (licence,) = parse_conditions(text)
    assert isinstance(licence, DrivingLicence)
    assert licence.accepts == accepts
    assert licence.text == text.replace(" ", "")


def test_a_licence_joined_by_bing_keeps_the_next_condition() -> None:
    licence, work = ROUTES[0].conditions
    assert isinstance(licence, DrivingLicence) and licence.accepts == ("A1", "A2", "B1")
    assert isinstance(work, WorkYears) and (work.years, work.mode) == (4, "continuous")


def test_classes_are_not_a_ladder() -> None:
    # A1 covers B1 and B2 but not A2; B1 and B2 do not cover each other.
    assert "A2" not in accepting(["A1"]) and "A1" not in accepting(["A2"])
    assert accepting(["B2"]) == ("A1", "A2", "B2")
    assert accepting(["C2"]) == ("A1", "A2", "A3", "B1", "B2", "C1", "C2")


def test_the_evaluator_judges_a_licence() -> None:
    b2 = evaluate(LEVEL, Profile(driving_licence="B2", years_this=5, years_this_continuous=5))
    assert b2.status == "qualified" and b2.qualifying == (2,)  # B2 covers C1, not B1
    a2 = evaluate(LEVEL, Profile(driving_licence="A2", years_this=5, years_this_continuous=5))
    assert a2.qualifying == (1, 2)
    none = evaluate(LEVEL, Profile(driving_licence="none", years_this=9, apprenticeship="none"))
    assert none.status == "not_qualified"
    assert none.unmet == ("缺少：持有《中华人民共和国机动车驾驶证》B1照以上",)
    open_ = evaluate(LEVEL, Profile(years_this=3, apprenticeship="none"))
    assert open_.status == "undetermined" and "driving_licence" in open_.unknown


def test_the_tree_asks_the_licence_and_every_path_agrees_with_the_evaluator() -> None:
    asked = every_path_agrees(LEVEL)
    assert "driving_licence" in asked


def test_a_session_asks_the_licence_and_the_slip_names_the_document() -> None:
    session = Session.start(OCCUPATION.subjects()[0], 4, date(2026, 5, 1))
    seen = []
    answers = {
        "driving_licence": "B2",
        "years_this": "3",
        "years_this_continuous": "1",
        "apprenticeship": "none",
    }
    while session.question is not None:
        seen.append(session.question.id)
        if session.question.id == "driving_licence":
            assert session.question.text == "您持有的机动车驾驶证，准驾车型是哪一类？"
            assert [c.value for c in session.question.choices][:3] == ["none", "A1", "A2"]
        session = session.answer(answers[session.question.id])
    assert "driving_licence" in seen
    assert session.outcome is not None
    assert session.outcome.verdict.qualifying == (2,)
    assert "机动车驾驶证原件及复印件" in to_markdown(Slip.from_session(session))


def test_check_reads_a_licence_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profiles = [
        {"driving_licence": "C2", "years_this": 5, "apprenticeship": "none"},
        {"driving_licence": "B1", "years_this": 5},
        {"driving_licence": "Z9", "years_this": 5},
    ]
    cases = [
        {"id": str(i), "occupation": "驾照测试职业", "level": "四级", "profile": p}
        for i, p in enumerate(profiles[:2])
    ]
    c2, b1 = check_json([OCCUPATION], cases, tmp_path, capsys)
    assert c2["status"] == "not_qualified"  # C2 does not cover C1
    assert b1["status"] == "qualified" and b1["qualifying_routes"] == [2]
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"occupation": "驾照测试职业", "level": "四级", "profile": profiles[2]}),
        encoding="utf-8",
    )
    assert main(["check", str(bad), "--json", "--trees", str(tmp_path)]) == 2
    assert "driving_licence" in capsys.readouterr().err


def test_a_roster_cell_names_a_licence_class() -> None:
    assert cell_value("driving_licence", "b1") == "B1"
    assert cell_value("driving_licence", "没有") == "none"
    with pytest.raises(ValueError, match="is not one of"):
        cell_value("driving_licence", "Z9")
