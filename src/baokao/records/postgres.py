"""Records in a PostgreSQL server: several desks, one record (``--db postgresql://…``).

psycopg 3 is imported only when a PostgreSQL URL is given. Each write is its own short
transaction; the schema is migrated under an advisory lock so that desks starting at
once migrate it once. A server that cannot be reached is one clear error, with the
URL shown without its password.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from baokao.records.sql import RecordsError, SqlStore

T = TypeVar("T")

CONNECT_TIMEOUT = 5
#: Any fixed number: the advisory lock the desks take while migrating the schema.
MIGRATION_LOCK = 0x62616F6B
RETRIES = 3


def safe_url(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresBackend:
    """A connection to a PostgreSQL database."""

    def __init__(self, url: str) -> None:
        """Connect to ``url``.

        Raises:
            RecordsError: when the server cannot be reached or refuses the login.
        """
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            raise RecordsError("PostgreSQL records need psycopg (pip install psycopg)") from None
        self._psycopg = psycopg
        self.url = url
        self.where = safe_url(url)
        self.conn: Any = self._connect()

    def _connect(self) -> Any:
        try:
            return self._psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT, autocommit=True)
        except self._psycopg.Error as exc:
            raise RecordsError(f"{self.where}: cannot connect: {_first_line(exc)}") from None

    @contextmanager
    def transaction(self, lock: bool = False) -> Iterator[Any]:
        """One transaction; ``lock`` takes the migration lock for its length."""
        with self.conn.transaction(), self.conn.cursor() as cur:
            if lock:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            yield cur

    def param(self, sql: str) -> str:
        """psycopg marks parameters with ``%s``."""
        return sql.replace("?", "%s")

    def retry(self, action: Callable[[], T]) -> T:
        """Run ``action``; reconnect once the connection was lost, retry serialisation failures."""
        psycopg = self._psycopg
        for attempt in range(RETRIES):
            try:
                return action()
            except psycopg.errors.SerializationFailure:
                time.sleep(0.05 * (attempt + 1))
            except psycopg.OperationalError as exc:
                if not self.conn.closed or attempt == RETRIES - 1:
                    raise RecordsError(f"{self.where}: {_first_line(exc)}") from None
                self.conn = self._connect()
            except psycopg.Error as exc:
                raise RecordsError(f"{self.where}: {_first_line(exc)}") from None
        raise RecordsError(f"{self.where}: the server kept refusing the write")

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def open_postgres(url: str) -> SqlStore:
    """The records in the PostgreSQL database at ``url`` (migrated as needed).

    Raises:
        RecordsError: when the server cannot be reached or the schema is too new.
    """
    backend = PostgresBackend(url)
    try:
        return SqlStore(backend)
    except RecordsError:
        backend.close()
        raise
