"""The records store on SQLite and on a real PostgreSQL server: same behaviour."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from baokao.records import Record, RecordStore, new_id, open_store

WRITER = Path(__file__).with_name("writer.py")


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "records.sqlite3")
    chosen: str = request.getfixturevalue("pg_url")
    return chosen


def record(name: str, day: date = date(2025, 3, 1), **kw: object) -> Record:
    return Record(
        id=new_id(),
        occupation="美容师",
        work_type=None,
        level=4,
        level_label="四级/中级",
        day=day,
        name=name,
        **kw,  # type: ignore[arg-type]
    )


def test_save_get_find_delete(url: str) -> None:
    store: RecordStore = open_store(url)
    first = record("张三", answers=(("cert_this", "none"), ("years_this", 6.0)), id_number="X")
    second = record("李四", day=date(2025, 3, 2), status="qualified", gaps=("还差 1 年",))
    store.save(first)
    store.save(second)
    assert store.get(first.id) == first
    assert store.get(second.id) == second
    assert [r.name for r in store.find()] == ["李四", "张三"]  # newest first
    assert [r.name for r in store.find("张")] == ["张三"]
    assert [r.name for r in store.find("x")] == ["张三"]  # ID numbers match in any case
    assert [r.name for r in store.find(since=date(2025, 3, 2))] == ["李四"]
    updated = replace(first, status="qualified", verdict="符合报考条件（第 2 条）")
    store.save(updated)
    assert store.get(first.id) == updated and store.count() == 2
    assert store.delete(first.id) and not store.delete(first.id)
    assert store.count() == 1
    store.close()
    again = open_store(url)  # reopening keeps everything (and migrates nothing twice)
    assert again.get(second.id) == second
    again.close()


def test_two_desks_write_500_interviews_each_at_once(url: str) -> None:
    desks = [
        subprocess.Popen([sys.executable, str(WRITER), url, desk, "500"])
        for desk in ("desk-a", "desk-b")
    ]
    assert [p.wait(timeout=600) for p in desks] == [0, 0]
    store = open_store(url)
    found = store.find(limit=5000)
    assert len(found) == 1000
    assert {r.name for r in found} == {f"desk-{d}-{n}" for d in "ab" for n in range(500)}
    for r in found:  # complete: every answer, and the finished verdict
        assert [q for q, _ in r.answers] == ["cert_this", "years_this"]
        assert r.status == "qualified" and r.route == 2 and r.verdict.startswith("符合")
    store.close()
