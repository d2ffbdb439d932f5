"""``baokao records``: the records as CSV or xlsx, from a date on."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from baokao.cli import main
from baokao.records import Record, new_id, open_store
from baokao.records.export import HEADER


def fill(db: Path) -> None:
    store = open_store(str(db))
    for name, day, status in (("张三", 1, "qualified"), ("李四", 2, "not_qualified")):
        store.save(
            Record(
                id=new_id(),
                occupation="美容师",
                work_type=None,
                level=4,
                level_label="四级/中级",
                day=date(2025, 3, day),
                name=name,
                status=status,  # type: ignore[arg-type]
                verdict="符合报考条件（第 2 条）" if status == "qualified" else "暂不符合报考条件",
                gaps=() if status == "qualified" else ("还差 2 年",),
            )
        )
    store.close()


def test_csv_on_stdout_from_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.sqlite3"
    fill(db)
    assert main(["records", "--db", str(db), "--since", "2025-03-02"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 2 and rows[1][2] == "李四" and rows[1][8] == "暂不符合"
    assert rows[1][11] == "还差 2 年"


def test_xlsx_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "r.sqlite3"
    fill(db)
    out = tmp_path / "records.xlsx"
    assert main(["--db", str(db), "records", "--format", "xlsx", "--out", str(out)]) == 0
    sheet = load_workbook(out).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert tuple(values[0]) == HEADER
    assert {v[2] for v in values[1:]} == {"张三", "李四"}
    assert "2 record(s)" in capsys.readouterr().err


def test_bad_date_and_xlsx_on_a_terminal_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "r.sqlite3")
    with pytest.raises(SystemExit) as exited:
        main(["records", "--db", db, "--since", "yesterday"])
    assert exited.value.code == 2
    assert main(["records", "--db", db, "--format", "xlsx"]) == 2
    assert "xlsx needs --out" in capsys.readouterr().err
