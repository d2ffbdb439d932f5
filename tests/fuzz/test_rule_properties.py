"""Generated rule files: refused with one line naming the file, or safe to use.

Whatever a rule file holds, reading it gives either a rule book or a ``RulebookError``
that names the file; a rule book that loads lints, compiles and checks without any
other exception. And no rule file that loads can let a candidate with nothing qualify:
every generated leaf asks for something, so only an empty ``all``/``conditions``
could, and those are refused.
"""

from __future__ import annotations

import math
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError
from rule_strategies import Data, rule_files
from tests.candidates import NOTHING as NOBODY

from baokao.evaluator import evaluate
from baokao.lint import lint
from baokao.model import Level, Route
from baokao.model.conditions import AllOf, AnyOf, WorkYears
from baokao.model.profile import Profile
from baokao.rulebook import RulebookError, load_rulebook
from baokao.tree_export import export_tree

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class NoAliases(yaml.SafeDumper):
    """Writes a dict met twice out twice (Hypothesis reuses values)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _finite(data: object) -> bool:
    if isinstance(data, float):
        return math.isfinite(data)
    if isinstance(data, dict):
        return all(_finite(v) for v in data.values())
    if isinstance(data, list):
        return all(_finite(v) for v in data)
    return True


@SETTINGS
@given(rule_files())
def test_a_rule_file_is_refused_in_one_line_or_safe(data: Data) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "测试师.yaml"
        path.write_text(yaml.dump(data, Dumper=NoAliases, allow_unicode=True), encoding="utf-8")
        try:
            book = load_rulebook(folder)
        except RulebookError as exc:
            message = str(exc)
            assert message.startswith(f"{path}: ") and "\n" not in message
            return
        assert _finite(data)
        lint(book)
        nobody = Profile.model_validate(NOBODY)
        for subject in book.subjects():
            for level in subject.levels:
                assert evaluate(level, nobody).status != "qualified"
                text = export_tree(
                    book, subject.occupation.name, subject.work_type, level.number, "text"
                )
                assert "→" in text  # every path of the tree ends in an outcome


@pytest.mark.parametrize(
    "conditions",
    [
        (),
        (AllOf.model_construct(conditions=()),),
        (AnyOf.model_construct(conditions=(WorkYears(years=1, mode="cumulative"),)),),
    ],
    ids=["no conditions", "empty all", "control"],
)
def test_an_empty_condition_is_refused(conditions: tuple[AllOf | AnyOf, ...]) -> None:
    data = {"number": 1, "text": "1、", "conditions": [c.model_dump() for c in conditions]}
    if conditions and conditions[0].conditions:
        assert Route.model_validate(data).conditions
        return
    with pytest.raises(ValidationError, match="would let every candidate qualify"):
        Route.model_validate(data)


def test_a_level_with_routes_numbered_twice_is_refused() -> None:
    route = {"number": 1, "text": "1、", "conditions": [{"kind": "apprenticeship"}]}
    with pytest.raises(ValidationError, match="route number 1 appears twice"):
        Level.model_validate({"number": 4, "label": "四级/中级", "routes": [route, route]})
