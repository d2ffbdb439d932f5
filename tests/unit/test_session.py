"""The interview session: typed answers, validation messages, back and change, outcomes.

Expected verdicts are read off the route texts in ``trees/美容师.yaml`` and
``trees/保育员.yaml``; question order is the compiled tree's (see ``baokao tree``).
"""

from __future__ import annotations

from datetime import date

import pytest

from baokao.evaluator import evaluate
from baokao.model.answers import build_profile
from baokao.model.conditions import Education, WorkYears
from baokao.model.rules import Level, Route
from baokao.rulebook import load_rulebook
from baokao.session import (
    AllLevelsOutcome,
    Answer,
    AnswerError,
    LevelOutcome,
    Session,
    _cautious_status,
)

BOOK = load_rulebook()
BEAUTY = BOOK.find("美容师")
NURSERY = BOOK.find("保育员")
TODAY = date(2024, 5, 31)


def run(session: Session, *answers: str) -> Session:
    for value in answers:
        session = session.answer(value)
    return session


@pytest.mark.parametrize(
    ("typed", "years"), [("3", 3.0), ("1.5", 1.5), ("３", 3.0), ("3年", 3.0), (" 2 ", 2.0)]
)
def test_years_are_read_from_typed_text(typed: str, years: float) -> None:
    s = Session.start(BEAUTY, 5, TODAY)
    assert s.question is not None and s.question.id == "years_this"
    assert s.answer(typed).answers == (("years_this", years),)


@pytest.mark.parametrize(
    ("typed", "message"),
    [("三年半", "请输入年数"), ("abc", "请输入年数"), ("-1", "不能是负数"), ("", "请输入年数")],
)
def test_bad_years_are_refused_in_chinese(typed: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        Session.start(BEAUTY, 5, TODAY).answer(typed)


def test_years_cannot_contradict_earlier_answers() -> None:
    s = run(Session.start(NURSERY, 4, TODAY), "3", "2")  # 3 years; a 五级 certificate
    q = s.question
    assert q is not None and q.id == "cert_this_years_after"
    assert (q.min_years, q.max_years) == (0.0, 3.0)
    with pytest.raises(
        AnswerError, match="不能超过 3 年（不能超过您填写的累计从事本职业工作年限）"
    ):
        s.answer("4")
    # Years after the certificate first, then years in total: the total cannot be less.
    t = run(Session.start(BEAUTY, 4, TODAY), "2", "3")  # 五级 certificate, 3 years since
    assert t.question is not None and t.question.id == "years_this"
    with pytest.raises(AnswerError, match="不能少于 3 年"):
        t.answer("2.5")


def test_choices_take_their_value_or_their_key() -> None:
    s = run(Session.start(BEAUTY, 4, TODAY), "0", "3")  # no certificate (0), 3 years
    q = s.question
    assert q is not None and q.id == "school"
    assert s.answer("0").answers[-1] == ("school", "none")  # 0 is none, as in the UI
    assert s.answer("1").answers[-1] == ("school", "中等职业学校")
    assert s.answer("技工学校").answers[-1] == ("school", "技工学校")
    assert s.answer("7").answers[-1] == ("school", "大学本科")
    with pytest.raises(AnswerError, match="输入选项前的序号，0 表示没有"):
        s.answer("11")


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("y", "yes"),
        ("Y", "yes"),
        ("是", "yes"),
        ("yes", "yes"),
        ("n", "no"),
        ("否", "no"),
        ("no", "no"),
    ],
)
def test_yes_no_answers(typed: str, value: str) -> None:
    s = Session.start(BOOK.find("公共营养师"), 4, TODAY).answer("0.5")  # under a year
    assert s.question is not None and s.question.kind == "yesno"
    assert s.answer(typed).answers[-1][1] == value


def test_yes_no_refuses_anything_else() -> None:
    s = Session.start(BOOK.find("公共营养师"), 4, TODAY).answer("0.5")
    with pytest.raises(AnswerError, match="请回答“是”或“否”"):
        s.answer("maybe")


def test_back_drops_the_last_answer() -> None:
    s = run(Session.start(BEAUTY, 4, TODAY), "none", "3")
    back = s.back()
    assert back.answers == (("cert_this", "none"),)
    assert back.question is not None and back.question.id == "years_this"
    assert back.back().back().answers == ()


def test_change_keeps_later_answers_that_are_asked_again() -> None:
    # No certificate, 3 years, 技工学校 graduate in this specialty: route 3 (a diploma).
    s = run(Session.start(BEAUTY, 4, TODAY), "none", "3", "技工学校", "graduated", "this")
    assert isinstance(s.outcome, LevelOutcome)
    assert s.outcome.verdict.qualifying == (3,)
    # 7 years meets route 2 at once; the school answers are not asked, but kept aside.
    more = s.change("years_this", "7")
    assert [q.id for q, _ in more.answered] == ["cert_this", "years_this"]
    assert isinstance(more.outcome, LevelOutcome) and more.outcome.verdict.qualifying == (2,)
    # Back to 3 years: the kept answers apply again, nothing is asked twice.
    again = more.change("years_this", 3)
    assert again.question is None
    assert [q.id for q, _ in again.answered] == [
        "cert_this",
        "years_this",
        "school",
        "status",
        "specialty",
    ]


def test_change_drops_later_answers_it_contradicts() -> None:
    s = run(Session.start(NURSERY, 4, TODAY), "3", "2", "2")  # 3 years, 五级, 2 years since
    fewer = s.change("years_this", "1")
    assert dict(fewer.answers).get("cert_this_years_after") is None
    q = fewer.question
    assert q is not None and q.id == "cert_this_years_after" and q.max_years == 1.0


def test_change_refuses_a_question_not_answered() -> None:
    with pytest.raises(KeyError):
        Session.start(BEAUTY, 4, TODAY).change("school", "none")


def test_outcome_and_the_date_when_only_years_are_missing() -> None:
    s = run(Session.start(BEAUTY, 5, TODAY), "0.5", "none")  # half a year, no apprenticeship
    assert s.question is None
    outcome = s.outcome
    assert isinstance(outcome, LevelOutcome)
    verdict = outcome.verdict
    assert verdict.status == "not_qualified" and verdict.closest is not None
    assert verdict.closest.number == 1
    assert verdict.unmet == ("累计从事本职业工作1年(含)以上：还差 6 个月",)
    assert outcome.qualify_date == date(2024, 11, 30)  # six months on, at the month's end
    with pytest.raises(AnswerError):
        s.answer("1")


def test_no_date_when_more_than_years_is_missing() -> None:
    s = run(Session.start(BEAUTY, 3, TODAY), "none")  # 三级 needs a 四级 certificate
    assert isinstance(s.outcome, LevelOutcome)
    assert s.outcome.verdict.status == "not_qualified"
    assert s.outcome.qualify_date is None


def test_progress_alive_profile_and_answered() -> None:
    s = Session.start(BEAUTY, 5, TODAY)
    assert s.progress == (0, 2)
    assert [r.number for _, r in s.alive] == [1, 2]
    s = s.answer("0.5")
    assert s.progress == (1, 1)
    assert [r.number for _, r in s.alive] == [2]
    assert s.profile.years_this == 0.5 and s.profile.apprenticeship is None
    s = s.answer("this")
    assert s.progress == (2, 0)
    assert [(q.id, s.describe(q.id, a)) for q, a in s.answered] == [
        ("years_this", "0.5 年"),
        ("apprenticeship", "本职业学徒期满"),
    ]
    assert "学徒期满" in s.answered[1][0].help


def test_help_quotes_the_related_occupations_and_says_why() -> None:
    s = Session.start(BOOK.find("企业人力资源管理师"), 4, TODAY).answer("1")  # 1 year
    q = s.question
    assert q is not None and q.id == "years_related"
    assert "相关职业是指企业管理、行政管理、管理咨询、管理研究等职业" in q.help
    assert "第1条：累计从事本职业或相关工作4年(含)以上" in q.help


def test_all_levels_share_answers_and_report_the_highest_and_the_next() -> None:
    s = Session.start(BEAUTY, None, TODAY)
    asked = []
    sheet = {
        "years_this": "7",
        "cert_this": "5",
        "cert_this_years_after": "2",
        "apprenticeship": "none",
        "school": "none",
    }
    while s.question is not None:
        asked.append(s.question.id)
        s = s.answer(sheet[s.question.id])
    assert len(asked) == len(set(asked))
    outcome = s.outcome
    assert isinstance(outcome, AllLevelsOutcome)
    assert [v.level.number for v in outcome.verdicts] == [5, 4, 3]
    # 7 years: 五级 (route 1) and 四级 (route 2: 6 years); 三级 needs a 四级 certificate.
    assert [v.status for v in outcome.verdicts] == ["qualified", "qualified", "not_qualified"]
    assert outcome.highest is not None and outcome.highest.level.number == 4
    assert outcome.next_level is not None and outcome.next_level.level.number == 3
    assert outcome.qualify_date is None


def test_unknown_level() -> None:
    with pytest.raises(KeyError):
        Session.start(BEAUTY, 1, TODAY)


def test_an_unasked_study_status_never_makes_a_route_met() -> None:
    level = Level(
        number=4,
        label="四级/中级",
        routes=(
            Route(
                number=1,
                text="1、本科",
                conditions=(Education(min_degree="大学本科", text="本科"),),
            ),
            Route(
                number=2,
                text="2、一年",
                conditions=(WorkYears(years=1, mode="cumulative", text="累计从事本职业工作1年"),),
            ),
        ),
    )
    answers: dict[str, Answer] = {"school": "大学本科", "years_this": 2.0}
    assumed = build_profile(answers)  # the contract's default: a diploma held
    assert evaluate(level, assumed).qualifying == (1, 2)
    cautious = build_profile(answers, _cautious_status((level,), answers))
    assert evaluate(level, cautious).qualifying == (2,)
