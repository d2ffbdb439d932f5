"""Candidate records: every interview at the desk, kept answer by answer.

Core code (no textual, no rich): the TUI and the CLI reach the records only through
:class:`RecordStore` and never write SQL. SQLite in the user's data folder is the
default; ``--db postgresql://…`` (or ``$BAOKAO_DB``) shares one PostgreSQL database
between desks. Both speak the same schema, migrated by :mod:`baokao.records.schema`.
"""

from __future__ import annotations

import os
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from baokao.records.idcard import IdNumberError, normalize_id_number
    from baokao.records.record import Record, Status, new_id, now
    from baokao.records.sql import RecordsError

__all__ = [
    "IdNumberError",
    "Record",
    "RecordStore",
    "RecordsError",
    "Status",
    "chosen_database",
    "default_database",
    "is_shared",
    "new_id",
    "normalize_id_number",
    "now",
    "open_store",
]

ENV = "BAOKAO_DB"

#: Where each name this package gives is defined. They are imported when first asked
#: for (PEP 562): ``baokao`` starting its UI asks only :func:`is_shared`, and the
#: record's dataclasses and the ID-number code were milliseconds of every start,
#: before the search box could be drawn. The desk opens the records after the first
#: results, in a thread.
_LAZY = {
    "IdNumberError": "baokao.records.idcard",
    "normalize_id_number": "baokao.records.idcard",
    "Record": "baokao.records.record",
    "Status": "baokao.records.record",
    "new_id": "baokao.records.record",
    "now": "baokao.records.record",
    "RecordsError": "baokao.records.sql",
}


def __getattr__(name: str) -> Any:
    """The name from the module that defines it (imported now, once)."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


class RecordStore(Protocol):
    """Where candidate records are kept."""

    #: Where the records are (a path, or a URL without its password).
    where: str

    def save(self, record: Record) -> None:
        """Write ``record`` whole: insert it, or replace the record with its id."""

    def get(self, record_id: str) -> Record | None:
        """The record with ``record_id``, if there is one."""

    def find(self, text: str = "", since: date | None = None, limit: int = 1000) -> list[Record]:
        """Records newest first, matching ``text`` in the name or ID number, from ``since``."""

    def delete(self, record_id: str) -> bool:
        """Delete a record; whether it was there."""

    def count(self) -> int:
        """How many records there are."""

    def close(self) -> None:
        """Let go of the database."""


def default_database() -> Path:
    """The SQLite file used when no database is named: in the user's data folder."""
    import platformdirs

    return Path(platformdirs.user_data_dir("baokao")) / "records.sqlite3"


def chosen_database(url: str | None = None) -> str:
    """The database named by ``url``, else ``$BAOKAO_DB`` ('' for the default file)."""
    return url or os.environ.get(ENV) or ""


def is_shared(url: str | None = None) -> bool:
    """Whether the records named are on a PostgreSQL server (shared between desks)."""
    return chosen_database(url).startswith(("postgresql://", "postgres://"))


def open_store(url: str | None = None) -> RecordStore:
    """Open the records named by ``url``, else ``$BAOKAO_DB``, else the default file.

    ``postgresql://…`` (or ``postgres://…``) is a PostgreSQL server; ``sqlite:///path``
    or a plain path is a SQLite file.

    Raises:
        RecordsError: when the database cannot be opened; the message says why.
    """
    chosen = chosen_database(url)
    if is_shared(chosen):
        from baokao.records.postgres import open_postgres

        return open_postgres(chosen)
    from baokao.records.sqlite import open_sqlite

    path = chosen.removeprefix("sqlite://") if chosen.startswith("sqlite://") else chosen
    return open_sqlite(Path(path).expanduser() if path else default_database())
