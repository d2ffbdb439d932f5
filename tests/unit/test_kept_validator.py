"""The case's validator kept between runs validates exactly as pydantic's own, never stale.

Models are built when first used (``defer_build``), so a fresh ``baokao check`` builds
the case's validator from nothing, or reads back the one kept by an earlier run: either
way a bad profile is refused with the same line naming case and field, and a broken rule
file with the same line naming file and place.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from baokao import keptvalidator
from baokao.checking import Case, check_all, result_json
from baokao.model.base import first_error
from baokao.rulebook import open_rulebook

TREES = Path(__file__).parents[2] / "trees"

GOOD = [
    {"id": 1, "occupation": "美容师", "level": "四级", "profile": {"years_this": 6}},
    {
        "occupation": "电子商务师",
        "level": 3,
        "profile": {
            "years_this": 5,
            "certificates": [{"level": 4, "occupation": "this", "years_after": 4}],
            "education": [{"school": "大学本科", "specialty": "other"}],
        },
    },
]
BAD = [
    {"occupation": "美容师", "level": "四级", "profile": {"years_this": "three"}},
    {"occupation": "美容师", "level": "四级", "profile": {"years_thsi": 3}},
    {"occupation": "美容师", "profile": {"years_this": 2, "years_this_continuous": 3}},
    {"occupation": "美容师", "profile": {"certificates": [{"level": 7, "occupation": "this"}]}},
    {"occupation": "美容师", "profile": {"education": [{"school": "幼儿园"}]}},
    {"occupation": "美容师", "level": True, "profile": {}},
    {"level": "四级", "profile": {}},
]


def keeps() -> bool:
    """Whether this pydantic's validators can be kept (pickled): 2.7's schemas hold local
    functions, so there nothing is kept, and each run builds the validator as before."""
    Case.model_rebuild()
    try:
        pickle.dumps(Case.__pydantic_validator__)
    except Exception:
        return False
    return True


keeping = pytest.mark.skipif(not keeps(), reason="this pydantic's validators cannot be pickled")


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOKAO_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")


def outcome(validate: Any, raw: dict[str, Any]) -> object:
    try:
        return validate(raw)
    except ValidationError as exc:
        return first_error(exc)


def test_the_kept_validator_validates_as_pydantic_does() -> None:
    built = keptvalidator.validator(Case)  # built, then kept
    assert keptvalidator._file(Case).exists() == keeps()
    kept = keptvalidator.validator(Case)  # read back
    for raw in GOOD + BAD:
        expected = outcome(Case.model_validate, raw)
        assert outcome(built, raw) == expected
        assert outcome(kept, raw) == expected


@keeping
def test_the_kept_one_is_read_back(monkeypatch: pytest.MonkeyPatch) -> None:
    keptvalidator.validator(Case)

    def no_building(*_: object) -> None:
        raise AssertionError("built again although one is kept")

    monkeypatch.setattr(keptvalidator, "_built", no_building)
    assert keptvalidator.validator(Case)(GOOD[0]) == Case.model_validate(GOOD[0])


@keeping
def test_what_other_code_kept_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    keptvalidator.validator(Case)
    assert keptvalidator._kept(Case, keptvalidator._code(Case)) is not None
    monkeypatch.setattr(keptvalidator, "FORMAT", keptvalidator.FORMAT + 1)
    assert keptvalidator._kept(Case, keptvalidator._code(Case)) is None
    keptvalidator.validator(Case)  # built and kept again, for this code
    assert keptvalidator._kept(Case, keptvalidator._code(Case)) is not None


@keeping
def test_an_edited_model_module_makes_it_stale(tmp_path: Path) -> None:
    keptvalidator.validator(Case)
    code = keptvalidator._code(Case)
    source = Path(sys.modules[Case.__module__].__file__ or "")
    stat = source.stat()
    try:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert keptvalidator._code(Case) != code
        assert keptvalidator._kept(Case, keptvalidator._code(Case)) is None
    finally:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@keeping
def test_a_damaged_kept_file_is_ignored_and_written_again() -> None:
    keptvalidator.validator(Case)
    path = keptvalidator._file(Case)
    whole = path.read_bytes()
    for junk in (b"", b"\x80\x05garbage", whole[:50], pickle.dumps((1, "not a validator"))):
        path.write_bytes(junk)
        validate = keptvalidator.validator(Case)
        assert [outcome(validate, raw) for raw in BAD] == [
            outcome(Case.model_validate, raw) for raw in BAD
        ]
        assert keptvalidator._kept(Case, keptvalidator._code(Case)) is not None


def test_with_plugins_on_pydantic_validates_and_nothing_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some_plugin")
    validate = keptvalidator.validator(Case)
    assert validate == Case.model_validate
    assert not keptvalidator._file(Case).exists()


def fresh_check(tmp_path: Path, cases: Any, *options: str) -> subprocess.CompletedProcess[str]:
    """``baokao check`` in a new interpreter (no model built yet), on the test's cache."""
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    return subprocess.run(
        [sys.executable, "-m", "baokao.cli", "check", str(path), *options],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_a_fresh_check_names_each_bad_field_whether_built_or_kept(tmp_path: Path) -> None:
    expected = [
        "baokao: case 1: field profile.years_this: Input should be a valid number",
        "baokao: case 2: field profile.years_thsi: unknown field (not in the profile contract)",
        "baokao: case 3: field profile: years_this_continuous exceeds years_this",
        "baokao: case 4: field profile.certificates[0].level: Input should be less than or",
        "baokao: case 5: field profile.education[0].school: Input should be '中等职业学校'",
        "baokao: case 6: field level: true is not a level",
        "baokao: case 7: field occupation: required field is missing",
    ]
    runs = [fresh_check(tmp_path, BAD) for _ in range(2)]  # built and kept, then read back
    assert (tmp_path / "cache" / "validators").is_dir() == keeps()
    for done in runs:
        lines = done.stderr.splitlines()
        assert (done.returncode, done.stdout) == (2, "")
        assert len(lines) == len(expected)
        for line, start in zip(lines, expected, strict=True):
            assert line.startswith(start)
    assert runs[0].stderr == runs[1].stderr
    good = [fresh_check(tmp_path, GOOD, "--json") for _ in range(2)]
    assert good[0].returncode == 0 and good[0].stdout == good[1].stdout
    book = open_rulebook(TREES)
    in_process = [result_json(c, v) for c, v in check_all(GOOD, book)]
    assert json.loads(good[0].stdout) == in_process


def test_a_fresh_check_names_the_place_in_a_broken_rule_file(tmp_path: Path) -> None:
    own = tmp_path / "trees"
    own.mkdir()
    text = (TREES / "美容师.yaml").read_text(encoding="utf-8")
    (own / "美容师.yaml").write_text(text.replace("years: 1.0", "years: -1"), encoding="utf-8")
    done = fresh_check(tmp_path, {"occupation": "美容师", "profile": {}}, "--trees", str(own))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"baokao: {own / '美容师.yaml'}: line ")
    assert "years" in done.stderr and "greater than or equal to 0" in done.stderr
