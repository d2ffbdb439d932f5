"""Built and installed as a user would, baokao works away from the checkout.

The wheel (and a wheel built from the sdist) must carry the rules, the catalogue and the
styles; installed into a new virtual environment in a temporary folder, ``baokao check``
must judge a case, and the TUI must start in a real (pseudo-)terminal, find 美容师 from
``mrs`` and quit with status 0.

To stay fast, the new environment gets no copies of the dependencies: a ``.pth`` file
lists the test environment's site-packages. That directory holds the checkout only
through the editable install's own ``.pth``, which Python does not read from a folder
named in another ``.pth``; the test checks that ``baokao`` is imported from the new
environment. That the declared dependencies suffice is proven by the minimum-versions run
(``make test-minimum``), which installs them from pyproject.toml.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest
from tests.install.terminal import Terminal

import baokao

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = (
    "baokao/trees/美容师.yaml",
    "baokao/trees/source/source-table.txt",
    "baokao/locale/en/LC_MESSAGES/baokao.mo",
    "baokao/tui/app.tcss",
)


def run(*argv: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in argv], cwd=cwd, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel and an sdist built from the checkout (no download: no build isolation)."""
    out = tmp_path_factory.mktemp("dist")
    pip = (sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation")
    run(*pip, "-w", out, ROOT, cwd=out)
    build_sdist = f"from setuptools import build_meta; build_meta.build_sdist({str(out)!r})"
    run(sys.executable, "-c", build_sdist, cwd=ROOT)
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment, away from the checkout, with the wheel installed."""
    home = tmp_path_factory.mktemp("fresh")
    target = home / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", target, cwd=home)
    python = target / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=home)
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site.stdout.strip()) / "test_dependencies.pth").write_text("\n".join(sorted(ours)))
    wheel = next(dist.glob("baokao-*.whl"))
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
        "--no-index", wheel, cwd=home)  # fmt: skip
    return target


def clean_env(home: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ")}
    return {**keep, "HOME": str(home), "NO_COLOR": "1"}


def test_wheel_and_sdist_ship_the_rules_the_catalogue_and_the_styles(dist: Path) -> None:
    wheel = next(dist.glob("baokao-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(SHIPPED) <= names
    rules = {n for n in names if n.startswith("baokao/trees/") and n.endswith(".yaml")}
    assert len(rules) == len(list((ROOT / "trees").glob("*.yaml"))) + 1  # + overrides.yaml
    sdist = next(dist.glob("baokao-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        members = {m.name.split("/", 1)[1] for m in archive.getmembers() if m.isfile()}
    assert {f"src/{name}" for name in SHIPPED} <= members


def test_installed_baokao_runs_from_its_own_environment(venv: Path, tmp_path: Path) -> None:
    python, env = venv / "bin" / "python", clean_env(tmp_path)
    where = subprocess.run(
        [python, "-c", "import baokao.bundled as b; print(b.__file__); print(b.bundled_trees())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert all(Path(p).is_relative_to(venv) for p in where), where
    version = subprocess.run(
        [python, "-m", "baokao", "--version"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert version.stdout.strip() == f"baokao {baokao.__version__}"


def test_installed_check_judges_a_case(venv: Path, tmp_path: Path) -> None:
    case = {"id": "a", "occupation": "美容师", "level": "四级", "profile": {"years_this": 6}}
    (tmp_path / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [venv / "bin" / "baokao", "check", "--json", "case.json"],
        cwd=tmp_path, env=clean_env(tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)[0]["status"] == "qualified"
    english = subprocess.run(
        [venv / "bin" / "baokao", "check", "case.json", "--lang", "en"],
        cwd=tmp_path, env=clean_env(tmp_path), capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert english.returncode == 0, english.stderr


def test_installed_tui_starts_finds_an_occupation_and_quits(venv: Path, tmp_path: Path) -> None:
    terminal = Terminal([str(venv / "bin" / "baokao")], cwd=tmp_path, env=clean_env(tmp_path))
    assert terminal.read_until("mrs", timeout=60), terminal.output[-2000:]
    terminal.type("mrs")
    assert terminal.read_until("1 个结果", timeout=60), terminal.output[-2000:]
    terminal.type("\x11")  # Ctrl+Q
    assert terminal.wait(timeout=30) == 0
    assert "规则载入失败" not in terminal.output.decode(errors="replace")
