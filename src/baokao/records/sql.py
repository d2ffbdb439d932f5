"""The records store over any DB-API connection: SQLite and PostgreSQL share this.

The two back ends differ only in how they connect, lock, and mark parameters; the
SQL, the mapping between rows and :class:`Record` and the migrations live here once.
Every write is one short transaction (an upsert of the whole record), so two desks
writing at once never see half a record, and a record written answer by answer is
always the latest complete state of its interview.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Protocol, TypeVar, cast

from baokao.records.record import STATUSES, Record, Status
from baokao.records.schema import COLUMNS, MIGRATIONS, SCHEMA_VERSION, VERSION_TABLE

T = TypeVar("T")


class RecordsError(ValueError):
    """The records database cannot be used; the message says which and why."""


class Cursor(Protocol):
    """The part of a DB-API cursor used here."""

    def execute(self, sql: Any, params: Sequence[Any] = ..., /) -> Any:
        """Run one statement."""

    def fetchone(self) -> Any:
        """The next row, or ``None``."""

    def fetchall(self) -> list[Any]:
        """Every remaining row."""

    @property
    def rowcount(self) -> int:
        """How many rows the last statement changed."""


class Backend(Protocol):
    """How one kind of database is reached."""

    #: Where the records are, for messages (never a password).
    where: str

    def transaction(self, lock: bool = False) -> Any:
        """A context manager giving a cursor inside one transaction (``lock``: exclusive)."""

    def param(self, sql: str) -> str:
        """``sql`` with its ``?`` parameter marks in this back end's style."""

    def retry(self, action: Callable[[], T]) -> T:
        """Run ``action``, retrying while the database is busy."""

    def close(self) -> None:
        """Close the connection."""


_UPSERT = (
    f"INSERT INTO records ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))}) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in COLUMNS if c not in ("id", "created"))
)
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM records"


def migrate(cur: Cursor, param: Callable[[str], str], upto: int = SCHEMA_VERSION) -> int:
    """Bring the schema to version ``upto``; the version found before.

    Call inside a locked transaction.

    Raises:
        RecordsError: for a database of a newer schema than this baokao knows.
    """
    cur.execute(VERSION_TABLE)
    cur.execute("SELECT version FROM schema_version")
    row = cur.fetchone()
    found = int(row[0]) if row else 0
    if found > SCHEMA_VERSION:
        raise RecordsError(
            f"the records database has schema version {found}; this baokao knows up to "
            f"{SCHEMA_VERSION} (update baokao)"
        )
    for version in range(found + 1, upto + 1):
        for statement in MIGRATIONS[version - 1]:
            cur.execute(statement)
    if upto > found:
        if row:
            cur.execute(param("UPDATE schema_version SET version = ?"), (upto,))
        else:
            cur.execute(param("INSERT INTO schema_version (version) VALUES (?)"), (upto,))
    return found


def _row(record: Record) -> tuple[Any, ...]:
    return (
        record.id,
        record.created.isoformat(),
        record.updated.isoformat(),
        record.day.isoformat(),
        record.name,
        record.id_number,
        record.occupation,
        record.code,
        record.work_type,
        record.level,
        record.level_label,
        json.dumps([list(a) for a in record.answers], ensure_ascii=False),
        record.status,
        record.verdict,
        record.route,
        json.dumps(list(record.gaps), ensure_ascii=False),
        record.qualify_date.isoformat() if record.qualify_date else None,
        record.rules_hash,
        record.rules_source,
        record.desk,
    )


def _record(row: Sequence[Any]) -> Record:
    v = dict(zip(COLUMNS, row, strict=True))
    status = v["status"] if v["status"] in STATUSES else "unfinished"
    return Record(
        id=v["id"],
        created=datetime.fromisoformat(v["created"]),
        updated=datetime.fromisoformat(v["updated"]),
        day=date.fromisoformat(v["day"]),
        name=v["name"],
        id_number=v["id_number"],
        occupation=v["occupation"],
        code=v["code"],
        work_type=v["work_type"],
        level=v["level"],
        level_label=v["level_label"],
        answers=tuple((str(q), a) for q, a in json.loads(v["answers"])),
        status=cast(Status, status),
        verdict=v["verdict"],
        route=v["route"],
        gaps=tuple(json.loads(v["gaps"])),
        qualify_date=date.fromisoformat(v["qualify_date"]) if v["qualify_date"] else None,
        rules_hash=v["rules_hash"],
        rules_source=v["rules_source"],
        desk=v["desk"],
    )


class SqlStore:
    """Candidate records in a SQL database (see :func:`baokao.records.open_store`)."""

    def __init__(self, backend: Backend) -> None:
        """Use ``backend``, migrating its schema to the current version."""
        self.backend = backend
        self.where = backend.where
        self._lock = threading.Lock()

        def up() -> None:
            with backend.transaction(lock=True) as cur:
                migrate(cur, backend.param)

        self._run(up)

    def _run(self, action: Callable[[], T]) -> T:
        with self._lock:
            return self.backend.retry(action)

    @contextmanager
    def _cursor(self) -> Iterator[Cursor]:
        with self.backend.transaction() as cur:
            yield cur

    def save(self, record: Record) -> None:
        """Write ``record`` whole (insert, or replace the record with its id)."""
        sql = self.backend.param(_UPSERT)

        def write() -> None:
            with self._cursor() as cur:
                cur.execute(sql, _row(record))

        self._run(write)

    def get(self, record_id: str) -> Record | None:
        """The record with ``record_id``, if there is one."""
        sql = self.backend.param(f"{_SELECT} WHERE id = ?")

        def read() -> Record | None:
            with self._cursor() as cur:
                cur.execute(sql, (record_id,))
                row = cur.fetchone()
            return _record(row) if row else None

        return self._run(read)

    def find(self, text: str = "", since: date | None = None, limit: int = 1000) -> list[Record]:
        """Records newest first, matching ``text`` in the name or ID number, from ``since``."""
        where, params = [], []
        if text.strip():
            pattern = f"%{text.strip().upper()}%"
            where.append("(UPPER(name) LIKE ? OR id_number LIKE ?)")
            params += [pattern, pattern]
        if since is not None:
            where.append("day >= ?")
            params.append(since.isoformat())
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        sql = self.backend.param(f"{_SELECT}{clause} ORDER BY updated DESC, id LIMIT ?")

        def read() -> list[Record]:
            with self._cursor() as cur:
                cur.execute(sql, (*params, limit))
                return [_record(r) for r in cur.fetchall()]

        return self._run(read)

    def delete(self, record_id: str) -> bool:
        """Delete a record; whether it was there."""
        sql = self.backend.param("DELETE FROM records WHERE id = ?")

        def remove() -> bool:
            with self._cursor() as cur:
                cur.execute(sql, (record_id,))
                return cur.rowcount > 0

        return self._run(remove)

    def count(self) -> int:
        """How many records there are."""

        def read() -> int:
            with self._cursor() as cur:
                cur.execute("SELECT COUNT(*) FROM records")
                return int(cur.fetchone()[0])

        return self._run(read)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.backend.close()
