"""Each corpus text imports into the levels, routes and years a reader found in it.

The golden summaries (``tests/fixtures/corpus-golden``) were written by reading the texts.
The years of a route are those its conditions hold (years worked, years after a
certificate or a title, years in work the text names, an internship) and those still written in a fragment the grammar could not read: a route
cut in the wrong place (the text of one level glued onto another's last route) shows as
wrong years or a wrong count either way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from baokao.importer import import_texts, read_source
from baokao.importer.overrides import Overrides
from baokao.lint import lint
from baokao.model.conditions import (
    Certificate,
    Condition,
    Internship,
    NamedWork,
    TitleYears,
    Unparsed,
    WorkYears,
    leaves,
)
from baokao.model.rules import Route
from baokao.rulebook import load_rulebook, write_trees

ROOT = Path(__file__).parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "corpus-golden"
DIRS = (ROOT / "tests" / "fixtures" / "corpus-shared", ROOT / "tests" / "fixtures" / "corpus")
TEXTS = {p.stem: p for d in DIRS for p in d.glob("*.txt")}
NO_CONDITIONS = "（原文此级别下没有条件）"


def _years(conditions: tuple[Condition, ...]) -> list[float]:
    found: list[float] = []
    for leaf in leaves(conditions):
        if isinstance(leaf, WorkYears | NamedWork | TitleYears | Internship):
            found.append(leaf.years)
        elif isinstance(leaf, Certificate) and leaf.after is not None:
            found.append(leaf.after.years)
        elif isinstance(leaf, Unparsed):
            # ``4年以上者(含4年)`` names 4 years once: ``含N年`` restates the bound
            found += [float(n) for n in re.findall(r"(?<!含)(\d+(?:\.\d+)?)\s*年", leaf.text)]
            found += [int(n) / 12 for n in re.findall(r"(\d+)\s*个月", leaf.text)]
    return found


def _summary(routes: tuple[Route, ...]) -> list[list[float]]:
    return [_years(r.conditions) for r in routes if r.text != NO_CONDITIONS]


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.yaml")))
def test_import_matches_the_reading(name: str) -> None:
    if name not in TEXTS:
        pytest.skip("no corpus text for this golden")
    golden = yaml.safe_load((GOLDEN / f"{name}.yaml").read_text(encoding="utf-8"))
    path = TEXTS[name]
    occupations, report = import_texts([(str(path), read_source(path))], Overrides())
    (review,) = report.files
    assert (review.incomplete is not None) == golden["incomplete"]
    expected = {
        n: [[float(y) for y in r] for r in routes] for n, routes in golden["levels"].items()
    }
    first = occupations[0].subjects()[0]
    assert {lv.number: _summary(lv.routes) for lv in first.levels} == expected
    for subject in (s for o in occupations for s in o.subjects()):
        for level in subject.levels:
            assert _summary(level.routes) == expected[level.number], subject.title


def test_every_golden_has_its_text_and_every_text_its_golden() -> None:
    names = {p.stem for p in GOLDEN.glob("*.yaml")}
    assert names == set(TEXTS) or not (DIRS[0]).exists()


def test_lint_lists_each_unparsed_and_cut_off_leaf_with_file_and_line(tmp_path: Path) -> None:
    texts = [(str(p), read_source(p)) for p in sorted(TEXTS.values())]
    if not texts:
        pytest.skip("no corpus")
    for text in texts:
        occupations, _ = import_texts([text], Overrides())
        write_trees(occupations, tmp_path)
    book = load_rulebook(tmp_path)
    findings = lint(book)
    for kind, label in (("unparsed", "unparsed"), ("missing_text", "cut off")):
        count = sum(
            1
            for o in book.occupations
            for s in o.subjects()
            for lv in s.levels
            for r in lv.routes
            for leaf in leaves(r.conditions)
            if leaf.kind == kind
        )
        listed = [line for line in findings if f": {label}: " in line]
        assert len(listed) == count > 0, kind
        pattern = rf"\.yaml: .* route \d+ \(.+\.txt:\d+\): {label}: "
        assert all(re.search(pattern, x) for x in listed), kind
