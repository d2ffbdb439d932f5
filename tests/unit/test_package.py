"""The package as a user meets it: ``python -m baokao``, ``--version``, ``--help``, and the
bundled rules found through the package (not through the checkout's folder layout)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest
from packaging.version import Version

import baokao
from baokao.bundled import bundled_sources, bundled_trees
from baokao.cli import main

HAN = re.compile(r"[\u3400-\u9fff]")


def run_module(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baokao", *argv], capture_output=True, text=True, timeout=60
    )


def test_python_m_baokao_prints_the_version() -> None:
    done = run_module("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"baokao {baokao.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", baokao.__version__)


def test_help_says_no_command_starts_the_ui_in_one_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "With no command, baokao starts the terminal UI." in out
    assert "--version" in out and "--lang" in out
    assert not HAN.search(out), out


def test_lang_is_accepted_wherever_trees_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "case.json"
    case.write_text(
        '{"id": "a", "occupation": "美容师", "level": "四级", "profile": {"years_this": 6}}',
        encoding="utf-8",
    )
    trees = str(bundled_trees())
    for argv in (
        ["--lang", "en", "--trees", trees, "check", str(case)],
        ["check", "--lang", "en", "--trees", trees, str(case)],
        ["check", str(case), "--trees", trees, "--lang", "en"],
    ):
        assert main(argv) == 0, argv
        assert capsys.readouterr().err == ""


def test_bundled_rules_are_package_data() -> None:
    folder = bundled_trees()
    assert folder == Path(str(files("baokao") / "trees")).resolve()
    assert len(list(folder.glob("*.yaml"))) >= 9
    assert (folder / "美容师.yaml").is_file()
    assert (bundled_sources() / "source-table.txt").is_file()


def test_the_minimum_versions_run_installs_the_declared_lower_bounds() -> None:
    root = Path(__file__).parents[2]
    declared = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    lower = {}
    for requirement in declared["project"]["dependencies"]:
        name, bound = re.fullmatch(r"([\w.-]+)>=([\w.]+)", requirement.split(";")[0]).groups()
        lower[name.lower()] = Version(bound)
    pinned = {}
    for line in (root / "constraints-minimum.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pinned[name.strip().lower()] = Version(version.strip())
    assert pinned == lower
