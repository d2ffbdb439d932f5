"""Years in work the text names, after a certificate (取得初级推销员职业资格证书后，从事推销
工作2年以上, the old 营销师 standard), end to end: the certificate's years after it in that
work (certificates[].named_work_after, an addition, issue 15), asked in the text's words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.agree import every_path_agrees
from tests.support.check import check_json

from baokao.evaluator import evaluate
from baokao.importer import import_texts, read_source
from baokao.importer.grammar import read_route
from baokao.importer.overrides import Overrides
from baokao.lint import implies
from baokao.model.conditions import Certificate, Unparsed, YearsAfter, leaves
from baokao.model.profile import Profile
from baokao.model.rules import Level, Occupation, Route
from baokao.session import Session

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus" / "营销师_繁体.txt"
TEXT = "取得初级推销员职业资格证书后,从事推销工作2年以上"
SALES = "从事推销工作"


def _route(number: int, text: str) -> Route:
    return Route(number=number, text=text, conditions=read_route(text).conditions)


LEVEL = Level(
    number=4,
    label="四级/中级",
    routes=(_route(1, TEXT), _route(2, "连续从事本职业工作6年以上")),
)
OCCUPATION = Occupation(code="9-99-99-17", name="推销证书测试师", levels=(LEVEL,))


def _held(worked: float = 0, **cert: object) -> Profile:
    return Profile.model_validate(
        {
            "years_this": worked,
            "years_this_continuous": 0,
            "certificates": [{"level": 5, "occupation": "this", **cert}],
        }
    )


def test_the_grammar_reads_the_years_after_the_certificate_in_that_work() -> None:
    (cert,) = read_route(TEXT, occupation="营销师").conditions
    assert isinstance(cert, Certificate) and (cert.level, cert.scope) == (5, "this")
    assert cert.after == YearsAfter(years=2, mode="cumulative", work=SALES)
    assert cert.text == TEXT


def test_the_traditional_copy_with_bing_reads_the_same() -> None:
    (cert,) = read_route("取得中級推銷員職業資格證書后,並從事推銷工作2年以上。").conditions
    assert isinstance(cert, Certificate) and cert.level == 4
    assert cert.after == YearsAfter(years=2, mode="cumulative", work=SALES)


def test_unbroken_years_in_that_work_after_it_stay_unparsed() -> None:
    cert, years = read_route("取得初级推销员职业资格证书后,连续从事推销工作2年以上").conditions
    assert isinstance(cert, Certificate) and cert.after is None
    assert isinstance(years, Unparsed) and years.reason is not None


def test_the_corpus_routes_are_read_whole() -> None:
    occupations, _report = import_texts([(str(CORPUS), read_source(CORPUS))], Overrides())
    levels = {lv.number: lv for lv in occupations[0].subjects()[0].levels}
    for number, route, years in ((4, 1, 2), (4, 2, 3), (3, 1, 2)):
        found = list(leaves(levels[number].routes[route - 1].conditions))
        assert not any(isinstance(c, Unparsed) for c in found), (number, route)
        (cert,) = [c for c in found if isinstance(c, Certificate)]
        assert cert.after == YearsAfter(years=years, mode="cumulative", work=SALES)


def test_the_evaluator_reads_the_certificate_s_years_in_that_work() -> None:
    two = [{"work": "推销", "years": 2}]
    assert evaluate(LEVEL, _held(named_work_after=two)).qualifying == (1,)
    short = evaluate(LEVEL, _held(named_work_after=[{"work": SALES, "years": 1.5}]))
    assert short.status == "not_qualified" and short.closest is not None
    assert short.closest.number == 1
    assert any("推销" in line and "6 个月" in line for line in short.unmet)
    # Years after it in this occupation are not years in the work the text names.
    unknown = evaluate(LEVEL, _held(5, years_after=5))
    assert unknown.status == "undetermined"
    assert any("named_work_after" in u for u in unknown.unknown)
    higher = Profile.model_validate(
        {
            "years_this": 0,
            "certificates": [{"level": 4, "occupation": "this", "named_work_after": two}],
        }
    )
    assert evaluate(LEVEL, higher).qualifying == (1,)
    none = Profile(certificates=(), years_this=0, years_this_continuous=0)
    assert evaluate(LEVEL, none).status == "not_qualified"


def test_years_in_named_work_after_it_do_not_imply_years_in_this_occupation() -> None:
    plain = _route(3, "取得初级推销员职业资格证书后,连续从事本职业工作2年以上")
    assert not implies(LEVEL.routes[0], plain)
    assert not implies(plain, LEVEL.routes[0])


def test_every_path_of_the_tree_agrees_with_the_evaluator() -> None:
    assert f"after:this:{SALES}" in every_path_agrees(LEVEL)


def test_a_session_asks_the_years_in_the_text_s_words() -> None:
    session = Session.start(OCCUPATION.subjects()[0], 4, date(2026, 5, 1))
    texts = []
    while session.question is not None:
        q = session.question
        texts.append(q.text)
        if q.id.startswith("cert_"):
            answer = next(c.value for c in q.choices if c.level == 5)
            session = session.answer(answer)
        else:
            session = session.answer("2" if q.id.startswith("after:") else "0")
    assert "取得这本证书后，您累计从事推销工作多少年？" in texts
    assert session.outcome is not None
    assert session.outcome.verdict.qualifying == (1,)


def test_check_reads_the_years_from_the_certificate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cert = {"level": 5, "occupation": "this", "named_work_after": [{"work": SALES, "years": 3}]}
    case = {
        "id": "a",
        "occupation": "推销证书测试师",
        "level": "四级",
        "profile": {"certificates": [cert]},
    }
    (result,) = check_json([OCCUPATION], [case], tmp_path, capsys)
    assert result["status"] == "qualified" and result["qualifying_routes"] == [1]
