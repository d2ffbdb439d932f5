"""``baokao check --json`` of cases against a folder of the given rules, for the tests of a
kind: each kind's test writes its occupation, asks the command line, and reads the
contract's JSON, the way another program would."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from baokao.cli import main
from baokao.model.rules import Occupation
from baokao.rulebook import write_trees


def check_json(
    occupations: Iterable[Occupation],
    cases: list[dict[str, Any]],
    folder: Path,
    capsys: pytest.CaptureFixture[str],
) -> list[dict[str, Any]]:
    """The results of ``cases`` (exit status 0 asserted), the rules written to ``folder``."""
    write_trees(occupations, folder)
    path = folder / "cases.json"
    path.write_text(json.dumps(cases), encoding="utf-8")
    assert main(["check", str(path), "--json", "--trees", str(folder)]) == 0
    results: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return results
