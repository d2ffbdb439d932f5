"""Schema versions, damaged and locked files, unreachable servers, ID numbers."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import psycopg
import pytest

from baokao.cli import main
from baokao.records import IdNumberError, RecordsError, normalize_id_number, open_store
from baokao.records.schema import MIGRATIONS, SCHEMA_VERSION, VERSION_TABLE
from baokao.records.sql import migrate

FIXTURE = Path(__file__).parents[1] / "fixtures" / "records" / "records-v1.sqlite3"


def test_a_version_1_database_opens_with_every_record_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE, path)
    store = open_store(str(path))
    found = {r.id: r for r in store.find()}
    assert sorted(found) == ["a1", "a2", "a3"]
    a1, a2, a3 = found["a1"], found["a2"], found["a3"]
    assert (a1.name, a1.id_number, a1.status, a1.route) == (
        "张三",
        "11010519491231002X",
        "qualified",
        2,
    )
    assert a1.answers == (("cert_this", "none"), ("years_this", 6.0))
    assert a1.verdict == "符合报考条件（第 2 条）" and a1.code == "4-10-03-01"
    assert (a2.status, a2.answers, a2.level) == ("unfinished", (("years_this", 10.0),), 2)
    assert (a3.work_type, a3.gaps, a3.qualify_date) == (
        "脊柱按摩师",
        ("还差 1 年",),
        date(2026, 2, 28),
    )
    assert (a3.rules_source, a3.desk) == ("", "")  # columns added by version 2
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


def test_a_version_1_postgres_database_migrates_too(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn, conn.cursor() as cur:
        migrate(cur, lambda sql: sql.replace("?", "%s"), upto=1)
        cur.execute(
            "INSERT INTO records (id, created, updated, day, occupation, level_label, answers,"
            " status) VALUES ('old', '2025-03-01T01:00:00+00:00', '2025-03-01T01:00:00+00:00',"
            " '2025-03-01', '美容师', '四级/中级', '[[\"years_this\", 6.0]]', 'unfinished')"
        )
    store = open_store(pg_url)
    (old,) = store.find()
    assert (old.id, old.answers, old.desk) == ("old", (("years_this", 6.0),), "")
    store.close()


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(VERSION_TABLE)
        conn.execute("INSERT INTO schema_version VALUES (?)", (len(MIGRATIONS) + 1,))
    with pytest.raises(RecordsError, match="schema version 3"):
        open_store(str(path))


def test_a_damaged_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    path.write_bytes(b"\x00garbage" * 512)
    with pytest.raises(RecordsError, match="not a records database"):
        open_store(str(path))


def test_a_locked_file_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused once opening has waited OPEN_TIMEOUT (shortened here) for the lock."""
    monkeypatch.setattr("baokao.records.sqlite.OPEN_TIMEOUT", 0.3)
    path = tmp_path / "records.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE other (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(RecordsError, match="locked by another program"):
            open_store(str(path))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_unreachable_server_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://desk:secret@127.0.0.1:9/records"  # port 9 (discard): nothing there
    assert main(["records", "--db", url, "--out", str(tmp_path / "x.csv")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert "cannot connect" in err and "secret" not in err and "***" in err


def test_the_ui_with_an_unreachable_server_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", "postgresql://desk@127.0.0.1:9/records"]) == 2  # before any UI
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and "cannot connect" in err


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002X",
        "11010519491231002x",
        " 110105 1949 1231 002X ",
        "１１０１０５１９４９１２３１００２Ｘ",
    ],
)
def test_id_numbers_with_a_right_check_digit_are_kept(typed: str) -> None:
    assert normalize_id_number(typed) == "11010519491231002X"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("110105194912310021", "check"),
        ("11010519491231002", "length"),
        ("1101051949123100AX", "characters"),
        ("110105194902300021", "birth"),
    ],
)
def test_id_numbers_that_cannot_be_right_are_refused(typed: str, reason: str) -> None:
    with pytest.raises(IdNumberError) as caught:
        normalize_id_number(typed)
    assert caught.value.reason == reason
