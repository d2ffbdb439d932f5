"""How a clerk's headers and cells are read: the one table, numbered groups, cell words.

Also the progress bar: drawn on stderr when it is a terminal, never otherwise.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from baokao.roster.columns import read_header, template_headers
from baokao.roster.rows import RowError, cell_value, read_header_row, row_case


@pytest.mark.parametrize(
    ("header", "path"),
    [
        ("职业", "occupation"),
        ("occupation", "occupation"),
        (" 申报等级 ", "level"),
        ("本职业累计年限", "profile.years_this"),
        ("YEARS_THIS", "profile.years_this"),
        ("证书等级", "profile.certificates[0].level"),
        ("证书2等级", "profile.certificates[1].level"),
        ("取得证书3后年限", "profile.certificates[2].years_after"),
        ("certificate2.occupation", "profile.certificates[1].occupation"),
        ("学历2", "profile.education[1].school"),
        ("培训等级", "profile.trainings[0].level"),
        ("证书JSON", "profile.certificates"),
    ],
)
def test_headers_map_to_contract_paths(header: str, path: str) -> None:
    column = read_header(header)
    assert column is not None and column.path == path


@pytest.mark.parametrize("header", ["电话", "班级", "证书0等级", "职业2", "years_this2"])
def test_headers_not_read(header: str) -> None:
    assert read_header(header) is None


def test_every_fact_of_the_registry_has_a_column() -> None:
    from baokao.model.facts import FACTS

    paths = {c.path for c in map(read_header, template_headers()) if c is not None}
    for fact in FACTS:
        field = fact.field.replace("[]", "[0]")
        if field == "trainings[0]":  # a training is its level and credential columns
            field = "trainings[0].level"
        assert f"profile.{field}" in paths, fact.id


def test_every_template_header_is_read_and_distinct() -> None:
    headers = template_headers()
    paths = [read_header(h) for h in headers]
    assert all(p is not None for p in paths)
    assert len({p.path for p in paths if p is not None}) == len(headers)


@pytest.mark.parametrize(
    ("kind", "cell", "value"),
    [
        ("years_this", "6", 6.0),
        ("years_this", "2.5", 2.5),
        ("years_this", "6年", 6.0),
        ("years_this", "６", 6.0),  # a Chinese input method's full-width digit
        ("certificates.level", "四级/中级", 4),
        ("certificates.level", "中级", 4),
        ("certificates.level", "4", 4),
        ("certificates.occupation", "相关职业", "related"),
        ("certificates.continuous_after", "是", True),
        ("certificates.continuous_after", "FALSE", False),
        ("education.school", "大专", "大学专科"),
        ("education.status", "应届", "graduating"),
        ("education.skill_goal", "无", None),
        ("education.fields", "医学、食品", ["医学", "食品"]),
        ("apprenticeship", "本职业", "this"),
        ("trainings.credential", "合格", "合格证书"),
    ],
)
def test_cell_words(kind: str, cell: str, value: object) -> None:
    assert cell_value(kind, cell) == value


@pytest.mark.parametrize(
    ("kind", "cell"),
    [
        ("years_this", "6_0"),
        ("years_this", "1e3"),
        ("years_this", "inf"),
        ("years_this", "-1"),
        ("years_this", "1" * 21),
        ("certificates.level", "²"),
        ("certificates.level", "四级/xyz"),
        ("certificates.continuous_after", "也许"),
    ],
)
def test_cells_refused(kind: str, cell: str) -> None:
    with pytest.raises(ValueError):
        cell_value(kind, cell)


def test_groups_none_and_unknown() -> None:
    header = read_header_row(
        ["职业", "证书等级", "证书职业", "证书2等级", "证书2职业", "学历"], "f"
    )
    row = row_case(header, ["美容师", "五级", "本职业", "四级", "相关职业", ""])
    assert row.raw["profile"] == {
        "certificates": [
            {"level": 5, "occupation": "this"},
            {"level": 4, "occupation": "related"},
        ]
    }
    # 无 is a known "none"; an empty cell leaves the fact unknown (absent).
    row = row_case(header, ["美容师", "无", "", "", "", "无"])
    assert row.raw["profile"] == {"certificates": [], "education": []}
    row = row_case(header, ["美容师", "", "", "", "", ""])
    assert row.raw["profile"] == {}
    with pytest.raises(RowError, match="无 here, yet other columns"):
        row_case(header, ["美容师", "无", "本职业", "", "", ""])


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "class.csv"
    path.write_text("职业,申报等级\n" + "美容师,四级\n" * 50, encoding="utf-8")
    program = "import sys; from baokao.cli import main; sys.exit(main(sys.argv[1:]))"
    master, slave = pty.openpty()
    proc = subprocess.run(
        [sys.executable, "-c", program, "check", str(path)],
        stdout=subprocess.PIPE,
        stderr=slave,
        check=False,
    )
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    assert proc.returncode == 0 and "核对中" in drawn.decode()
    assert drawn.endswith(b"\r\x1b[K")  # the bar is gone when the report is done
    piped = subprocess.run(
        [sys.executable, "-c", program, "check", str(path)], capture_output=True, check=False
    )
    assert piped.returncode == 0 and piped.stderr == b""


def test_remembered_verdicts_are_the_evaluators(tmp_path: Path) -> None:
    from baokao.checking import result_json
    from baokao.evaluator import evaluate
    from baokao.inputs import Source
    from baokao.roster.check import check_rows, open_roster
    from baokao.rulebook import load_rulebook

    path = tmp_path / "class.csv"
    rows = ["职业,申报等级,本职业累计年限,证书等级,证书职业,取得证书后年限"]
    rows += ["美容师,,3,五级,本职业,2", "美容师,,7,,,", "美容师,四级,,无,,"] * 5
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    book = load_rulebook()
    source = Source.open(path)
    seen = 0
    for result in check_rows(open_roster(source), book):
        for checked, verdict in result.results:
            fresh = evaluate(verdict.level, checked.case.profile)
            assert result_json(checked, verdict) == result_json(checked, fresh)
            assert verdict.unmet == fresh.unmet and verdict.status == fresh.status
            seen += 1
    source.close()
    assert seen == 5 * (3 + 3 + 1)
