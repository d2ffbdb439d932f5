"""Hand-written cases for every level (tests/cases/levels.yaml), run through ``check``.

The expectations were decided by reading the official text; this test holds the code to
them, and also proves that the cases cover every one of the 42 levels.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.candidates import NOTHING

from baokao.checking import check_all, result_json
from baokao.rulebook import Rulebook, load_rulebook

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "cases" / "levels.yaml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return load_rulebook()


def _raw(case: dict[str, Any]) -> dict[str, Any]:
    profile = dict(case["profile"])
    if case.get("complete"):
        # "Known, none", kept consistent: the longest stretch counting related work is
        # at least the longest stretch in this occupation.
        derived = {"years_continuous_incl_related": profile.get("years_this_continuous", 0)}
        profile = {**NOTHING, **derived, **profile}
    raw = {k: case[k] for k in ("id", "occupation", "work_type", "level") if k in case}
    return {**raw, "profile": profile}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any], book: Rulebook) -> None:
    [(checked, verdict)] = check_all([_raw(case)], book)
    out = result_json(checked, verdict)
    expect = dict(case["expect"])
    wanted_unmet = expect.pop("unmet", None)
    for key, value in expect.items():
        assert out[key] == value, f"{key}: {out}"
    if out["status"] != "not_qualified":
        assert out["closest_route"] is None and out["unmet"] == []
    if wanted_unmet is not None:
        text = "\n".join(out["unmet"])
        for piece in wanted_unmet:
            assert piece in text, out["unmet"]


def test_every_level_has_a_case(book: Rulebook) -> None:
    covered = set()
    for case in CASES:
        [(checked, verdict)] = check_all([_raw(case)], book)
        covered.add((checked.subject.title, verdict.level.number))
    every = {(s.title, lv.number) for s in book.subjects() for lv in s.levels}
    assert len(every) == 42
    assert every - covered == set()


def test_cases_cover_all_three_statuses() -> None:
    statuses = {c["expect"]["status"] for c in CASES}
    assert statuses == {"qualified", "not_qualified", "undetermined"}
