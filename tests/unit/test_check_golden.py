"""``check --json`` gives the same results as before the rule loading was made lazy.

The inputs are the hand-written cases of tests/cases/levels.yaml, each asked once for its
level and once for every level of its occupation (``level`` left out); the expected
output was saved by running ``baokao check --json`` on them with the eager loader, and is
regenerated only on purpose: ``python tests/unit/test_check_golden.py --write``. Keys the
contract gains later (additions only) do not break the comparison; every saved key must
still be there with the same value.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.candidates import NOTHING

from baokao.cli import main

CASES_DIR = Path(__file__).parents[1] / "cases"
GOLDEN = CASES_DIR / "check-golden.json"


def inputs() -> list[dict[str, Any]]:
    """Every case of levels.yaml as the contract's input, with and without its level."""
    cases = yaml.safe_load((CASES_DIR / "levels.yaml").read_text(encoding="utf-8"))
    out: list[dict[str, Any]] = []
    for case in cases:
        profile = dict(case["profile"])
        if case.get("complete"):
            derived = {"years_continuous_incl_related": profile.get("years_this_continuous", 0)}
            profile = {**NOTHING, **derived, **profile}
        raw = {k: case[k] for k in ("id", "occupation", "work_type") if k in case}
        out.append({**raw, "level": case["level"], "profile": profile})
        out.append({**raw, "id": f"{case['id']} (all levels)", "profile": profile})
    return out


def check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(inputs(), ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    code = main(["check", str(path), "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    result: list[dict[str, Any]] = json.loads(out)
    return result


def test_check_json_is_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = check_json(tmp_path, capsys)
    assert len(now) == len(golden)
    for before, after in zip(golden, now, strict=True):
        assert {k: after.get(k) for k in before} == before


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cases.json"
        src.write_text(json.dumps(inputs(), ensure_ascii=False), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "baokao.cli", "check", str(src), "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
    GOLDEN.write_text(done.stdout, encoding="utf-8")
    print(f"wrote {GOLDEN}")
