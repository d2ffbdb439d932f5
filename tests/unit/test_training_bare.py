"""Training with no certificate named (经本职业中级正规培训): met with either certificate."""

from __future__ import annotations

from tests.agree import every_path_agrees

from baokao.evaluator import evaluate
from baokao.importer.grammar import parse_conditions, read_route
from baokao.model.conditions import AnyOf, Training, Unparsed, WorkYears, leaves
from baokao.model.profile import Profile
from baokao.model.rules import Level, Route


def _either(condition: object, level: int) -> None:
    assert isinstance(condition, AnyOf)
    assert [(t.level, t.credential) for t in condition.conditions if isinstance(t, Training)] == [
        (level, "结业证书"),
        (level, "合格证书"),
    ]


def test_training_with_no_certificate_is_met_by_either_and_noted() -> None:
    read = read_route("从事推销工作3年以上並經本職業中級正規培訓。")
    _work, training = read.conditions
    _either(training, 4)
    assert any("没有写取得的证书" in note for note in read.notes)


def test_the_hours_without_a_certificate_are_the_training_too() -> None:
    training, work = parse_conditions(
        "取得三级健康管理师正规培训达规定标准学时数,连续从事本职业或相关职业工作5年以上"
    )
    _either(training, 3)
    assert isinstance(work, WorkYears) and work.years == 5


def test_a_certificate_said_after_the_training_is_that_certificate_only() -> None:
    (training,) = parse_conditions(
        "经建(构)筑物初级消防员正规的职业培训,达规定标准学时数并取得结业证书"
    )
    assert isinstance(training, Training) and training.credential == "结业证书"
    # A certificate the grammar cannot join to the training (no 达…学时 before it) is
    # never read past as "no certificate named": the route stays unread there.
    named = parse_conditions("经本职业中级正规培训,并取得合格证书")
    assert not any(isinstance(c, AnyOf) for c in named)
    assert any(isinstance(leaf, Unparsed) for leaf in leaves(named))


ROUTES = (
    Route(
        number=1,
        text="1、经本职业中级正规培训",
        conditions=parse_conditions("经本职业中级正规培训"),
    ),
    Route(
        number=2,
        text="2、累计从事本职业工作6年以上",
        conditions=parse_conditions("累计从事本职业工作6年以上"),
    ),
)
LEVEL = Level(number=4, label="四级/中级", routes=ROUTES)


def test_the_evaluator_meets_it_with_either_certificate() -> None:
    for credential in ("结业证书", "合格证书"):
        trained = Profile.model_validate(
            {"trainings": [{"level": 4, "credential": credential}], "years_this": 1}
        )
        assert evaluate(LEVEL, trained).qualifying == (1,)
    other_level = Profile.model_validate(
        {"trainings": [{"level": 3, "credential": "结业证书"}], "years_this": 1}
    )
    assert evaluate(LEVEL, other_level).status == "not_qualified"


def test_every_path_of_the_tree_agrees_with_the_evaluator() -> None:
    asked = every_path_agrees(LEVEL)
    assert {"training_4_completion", "training_4_pass"} <= asked
