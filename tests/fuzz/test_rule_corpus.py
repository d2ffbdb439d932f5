"""The rule-file corpus: every broken or hostile rule folder of issue 16, kept for good.

Each folder of ``tests/fuzz/rules`` is a rule folder; its ``expected.txt`` holds the
part of the one error line every command must print (empty for the well-formed
control). ``check``, ``lint`` and ``tree`` each end with that one line on stderr and
exit status 2: never a traceback, never a verdict from a file that cannot be meant.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from baokao.cli import main

CORPUS = Path(__file__).parent / "rules"
FOLDERS = sorted(p for p in CORPUS.iterdir() if p.is_dir())
CASE = {"id": "c1", "occupation": "测试师", "level": "四级", "profile": {"years_this": 7}}


def expected(folder: Path) -> str:
    return (folder / "expected.txt").read_text(encoding="utf-8").strip()


def commands(tmp_path: Path) -> dict[str, list[str]]:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    return {"check": ["check", str(case)], "lint": ["lint"], "tree": ["tree", "测试师", "四级"]}


def test_the_corpus_is_there() -> None:
    assert len(FOLDERS) >= 25 and all((f / "expected.txt").is_file() for f in FOLDERS)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
@pytest.mark.parametrize("command", ["check", "lint", "tree"])
def test_each_command_ends_in_one_line(
    folder: Path, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--trees", str(folder), *commands(tmp_path)[command]]
    code = main(argv)
    out, err = capsys.readouterr()
    want = expected(folder)
    if not want:  # the well-formed control
        assert (code, err) == (0, "")
        return
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"baokao: {folder}/"), err
    assert want in err


def test_the_alias_bomb_is_refused_before_it_expands(capsys: pytest.CaptureFixture[str]) -> None:
    bomb = CORPUS / "alias-bomb" / "测试师.yaml"
    assert bomb.stat().st_size < 2000  # 9**9 conditions once expanded
    assert main(["--trees", str(bomb.parent), "lint"]) == 2
    assert "alias" in capsys.readouterr().err


def test_a_rule_file_too_large_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "测试师.yaml").write_text("# " + "x" * (5 * 1024 * 1024), encoding="utf-8")
    assert main(["--trees", str(tmp_path), "lint"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "测试师.yaml: larger than 4 MiB" in err
