"""Partial success: a 20-candidate class with 7 bad rows gives 13 verdicts and 7 lines.

Each bad line names the row as the spreadsheet shows it (header = row 1; a cell with a
line break stays one row; an empty row still counts) and the column header.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from baokao.cli import main

HEADER = [
    "学号",
    "姓名",
    "职业",
    "工种",
    "申报等级",
    "本职业累计年限",
    "本职业连续年限",
    "证书等级",
    "证书职业",
    "取得证书后年限",
    "证书后是否连续",
    "学历",
    "专业",
    "毕业状态",
]


def good(n: int, **cells: str) -> dict[str, str]:
    return {"学号": f"s{n:02}", "姓名": f"学生{n}", "职业": "美容师", "申报等级": "四级", **cells}


# (row as the spreadsheet shows it, cells, expected error: (column, words) or None)
CLASS: list[tuple[dict[str, str], tuple[str, str] | None]] = [
    (good(1, 本职业累计年限="6"), None),
    (good(2, 本职业累计年限="six"), ("本职业累计年限", "'six' is not a number of years")),
    (good(3, 本职业累计年限="5", 证书等级="五级", 证书职业="本职业", 取得证书后年限="4"), None),
    (good(4, 职业="厨师"), ("职业", "unknown occupation '厨师'")),
    (good(5, 学历="技工学校", 专业="本专业", 毕业状态="应届毕业生"), None),
    (good(6, 申报等级="六级"), ("申报等级", "unknown level '六级'")),
    (good(7, 本职业累计年限="2", 证书等级="无", 学历="无"), None),
    (good(8, 证书等级="五级", 取得证书后年限="4"), ("证书职业", "required field is missing")),
    (good(9, 职业="保健按摩师", 工种="足部按摩师", 本职业累计年限="3"), None),
    (good(10, 本职业累计年限="6_0"), ("本职业累计年限", "'6_0' is not a number of years")),
    (good(11, 姓名="王\n小明", 本职业累计年限="7"), None),
    (good(12, 本职业累计年限="2", 本职业连续年限="3"), (None, "years_this_continuous exceeds")),
    (good(13, 申报等级=""), None),
    (good(14, 证书等级="四级", 证书职业="本职业", 证书后是否连续="是"), None),
    (good(15, 职业="4-10-03-01", 本职业累计年限="1"), None),
    (good(16, 学历="大专", 专业="非本专业", 本职业累计年限="1"), None),
    (good(17, 申报等级="中级", 本职业累计年限="10"), None),
    (good(18, 学历="幼儿园"), ("学历", "'幼儿园' is not one of")),
    (good(19, 本职业累计年限="4.5", 证书等级="无", 学历="无"), None),
    (good(20, 申报等级="4", 证书等级="五级", 证书职业="相关职业", 取得证书后年限="9"), None),
]


def write_class(path: Path) -> dict[str, tuple[int, tuple[str | None, str] | None]]:
    """Write the class with an empty row after s05; return id -> (sheet row, error)."""
    where: dict[str, tuple[int, tuple[str | None, str] | None]] = {}
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        row = 1
        for cells, error in CLASS:
            row += 1
            writer.writerow([cells.get(h, "") for h in HEADER])
            where[cells["学号"]] = (row, error)
            if cells["学号"] == "s05":
                writer.writerow([""] * len(HEADER))
                row += 1
    return where


def test_twenty_rows_seven_bad(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "class.csv"
    where = write_class(path)
    code = main(["check", str(path), "--json"])
    out, err = capsys.readouterr()
    assert code == 2
    verdicts = json.loads(out)
    ids = [v["id"] for v in verdicts]
    good_ids = [i for i, (_, error) in where.items() if error is None]
    # s13 has no level: every level of 美容师 is checked (three verdicts for one row).
    assert sorted(set(ids)) == sorted(good_ids) and len(good_ids) == 13
    assert ids.count("s13") == 3 and len(verdicts) == 15
    lines = err.strip().splitlines()
    assert len(lines) == 7
    bad = [(i, row, error) for i, (row, error) in where.items() if error is not None]
    for line, (_, row, (column, words)) in zip(lines, bad, strict=True):
        named = f"baokao: {path} row {row}" + (f", column {column}:" if column else ":")
        assert line.startswith(named) and words in line, line
    assert "Traceback" not in err
    # The same class as text: 13 rows checked, a summary line.
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and out.strip().endswith("共 20 行，已核对 13 行，7 行有误")
    assert len(err.strip().splitlines()) == 7 and "[学生11] " not in out and "[s11] 美容师" in out
