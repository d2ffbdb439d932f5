"""A professional title (职称, 任职资格), end to end: read, judged, asked, checked, rostered.

The title is a held kind (model/held.py) of three facts (level, field, 专业对应关系);
the years after it are a threshold of their own (``TY``). The TUI side is
tests/tui/test_title.py.
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
from baokao.model.conditions import ProfessionalTitle, TitleYears, Unparsed
from baokao.model.profile import Profile, TitleHeld
from baokao.model.rules import Level, Occupation, Route
from baokao.roster.rows import read_header_row, row_case
from baokao.session import Session
from baokao.slip import Slip, to_markdown

TEXTS = (
    "取得符合专业对应关系的初级职称(专业技术人员职业资格)后,累计从事本职业或相关职业工作满1年。",
    "具有医药卫生专业中级及以上任职资格后,经四级测试师正规培训达规定标准学时数,并取得结业证书。",
    "累计从事本职业工作4年(含)以上",
)
ROUTES = tuple(
    Route(number=n, text=f"{n}、{t}", conditions=parse_conditions(t, level=4))
    for n, t in enumerate(TEXTS, start=1)
)
LEVEL = Level(number=4, label="四级/中级", routes=ROUTES)
OCCUPATION = Occupation(code="9-99-99-12", name="职称测试职业", levels=(LEVEL,))


@pytest.mark.parametrize(
    ("text", "level", "fields", "corresponding"),
    [
        ("取得符合专业对应关系的初级职称(专业技术人员职业资格)后", "初级", None, True),
        ("取得符合专业”对应关系的中级职称(专业技术人员职业资格)后", "中级", None, True),
        ("具有医药卫生专业中级及以上任职资格后", "中级", ("医学", "药学"), False),
        ("取得医药卫生专业副高级及以上任职资格后", "副高级", ("医学", "药学"), False),
        (
            "具有心理学、教育学、医学中级及以上专业技术职业任职资格",
            "中级",
            ("医学", "心理学", "教育学"),
            False,
        ),
    ],
)
def test_the_grammar_reads_a_title(
    text: str, level: str, fields: tuple[str, ...] | None, corresponding: bool
) -> None:
    (title,) = parse_conditions(text)
    assert isinstance(title, ProfessionalTitle)
    assert (title.level, title.fields, title.corresponding) == (level, fields, corresponding)


def test_a_title_with_years_after_it_is_two_conditions() -> None:
    title, years = ROUTES[0].conditions
    assert isinstance(title, ProfessionalTitle) and title.corresponding
    assert years == TitleYears(years=1, text="累计从事本职业或相关职业工作满1年")


def test_a_field_the_registry_does_not_know_stays_unparsed_with_its_reason() -> None:
    (leaf,) = parse_conditions("具有会计专业中级职称")
    assert isinstance(leaf, Unparsed) and leaf.reason is not None and "职称" in leaf.reason


def _title(level: str, fields: tuple[str, ...] | None, corresponding: bool | None) -> TitleHeld:
    return TitleHeld.model_validate(
        {"level": level, "fields": fields, "corresponding": corresponding}
    )


def test_the_evaluator_judges_a_title() -> None:
    base = {"years_this": 1.0, "trainings": ()}
    nurse = evaluate(
        LEVEL,
        Profile(professional_titles=(_title("中级", ("医学",), False),), **base),
    )
    assert nurse.status == "not_qualified"  # 中级 医学, but no training; not corresponding
    doctor = Profile.model_validate(
        {
            "professional_titles": [{"level": "副高级", "fields": ["药学"]}],
            "trainings": [{"level": 4, "credential": "结业证书"}],
            "years_this": 1,
        }
    )
    assert evaluate(LEVEL, doctor).qualifying == (2,)
    # Two titles: the 中级 one is of 教育学, the 医学 one only 初级; neither meets route 2.
    two = Profile.model_validate(
        {
            "professional_titles": [
                {"level": "中级", "fields": ["教育学"], "corresponding": False},
                {"level": "初级", "fields": ["医学"], "corresponding": False},
            ],
            "trainings": [{"level": 4, "credential": "结业证书"}],
            "years_this": 1,
        }
    )
    assert evaluate(LEVEL, two).status == "not_qualified"
    after = Profile(
        professional_titles=(_title("初级", None, True),), years_after_title=1, years_this=0
    )
    assert evaluate(LEVEL, after).qualifying == (1,)
    short = Profile(
        professional_titles=(_title("初级", None, True),),
        years_after_title=0.5,
        years_this=0,
        trainings=(),
    )
    verdict = evaluate(LEVEL, short)
    assert verdict.status == "not_qualified"
    assert verdict.unmet == ("累计从事本职业或相关职业工作满1年：还差 6 个月",)
    unknown = evaluate(LEVEL, Profile(years_this=1))
    assert unknown.status == "undetermined" and "professional_titles" in unknown.unknown


def test_every_path_of_the_tree_agrees_with_the_evaluator() -> None:
    asked = every_path_agrees(LEVEL)
    assert {"title", "title_field", "title_corresponds", "years_after_title"} <= asked


def test_a_session_asks_the_title_and_the_slip_names_the_document() -> None:
    session = Session.start(OCCUPATION.subjects()[0], 4, date(2026, 5, 1))
    answers = {
        "title": "中级",
        "title_field": "other",
        "title_corresponds": "yes",
        "years_after_title": "2",
        "years_this": "1",
    }
    seen = []
    while session.question is not None:
        seen.append(session.question.id)
        session = session.answer(answers.get(session.question.id, "no"))
    assert "title" in seen and "years_after_title" in seen
    assert session.outcome is not None and session.outcome.verdict.qualifying == (1,)
    slip = to_markdown(Slip.from_session(session))
    assert "职称证书（专业技术职务任职资格证书）原件及复印件" in slip


def test_check_reads_titles_from_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = {
        "professional_titles": [{"level": "中级", "corresponding": True}],
        "years_after_title": 3,
        "years_this": 0,
    }
    case = {"id": "a", "occupation": "职称测试职业", "level": "四级", "profile": profile}
    (result,) = check_json([OCCUPATION], [case], tmp_path, capsys)
    assert result["status"] == "qualified" and result["qualifying_routes"] == [1]
    bad = tmp_path / "bad.json"
    case["profile"] = {"professional_titles": [{"level": "高级"}]}
    bad.write_text(json.dumps(case), encoding="utf-8")
    assert main(["check", str(bad), "--json", "--trees", str(tmp_path)]) == 2
    assert "professional_titles" in capsys.readouterr().err


def test_a_roster_row_gives_a_title_in_its_columns() -> None:
    names = [
        "职业",
        "职称等级",
        "职称专业",
        "职称是否符合专业对应关系",
        "取得职称后本职业或相关职业",
    ]
    header = read_header_row(names, "roster.csv")
    assert header is not None
    row = row_case(header, ["职称测试职业", "中级", "医学、心理学", "否", "3"])
    assert row.raw["profile"] == {
        "professional_titles": [
            {"level": "中级", "fields": ["医学", "心理学"], "corresponding": False}
        ],
        "years_after_title": 3.0,
    }
    none = row_case(header, ["职称测试职业", "无", "", "", ""])
    assert none.raw["profile"] == {"professional_titles": []}


def test_years_after_a_title_never_exceed_this_and_related_years() -> None:
    with pytest.raises(ValueError, match="years_after_title exceeds years_this"):
        Profile(years_this=1, years_related=1, years_after_title=3)
    texts = (
        "取得符合专业对应关系的初级职称(专业技术人员职业资格)后,累计从事本职业或相关职业工作满2年。",
        "累计从事本职业或相关职业工作5年(含)以上",
    )
    routes = tuple(
        Route(number=n, text=t, conditions=parse_conditions(t)) for n, t in enumerate(texts, 1)
    )
    level = Level(number=4, label="四级/中级", routes=routes)
    assert "years_after_title" in every_path_agrees(level)
    occupation = Occupation(code="9-99-99-15", name="职称年限测试职业", levels=(level,))
    session = Session.start(occupation.subjects()[0], 4, date(2026, 5, 1))
    answers = {"title": "初级", "title_corresponds": "yes", "years_this": "1"}
    bound = None
    while session.question is not None and bound is None:
        q = session.question
        if q.id == "years_after_title":
            bound = q.max_years
        else:
            session = session.answer(answers.get(q.id, "0.5"))
    assert bound == 1.5  # asked once this (1) and related (0.5) years are known: their sum
