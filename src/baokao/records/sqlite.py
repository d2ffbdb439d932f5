"""Records in one SQLite file: the default, one desk or several on one machine.

WAL lets readers go on while a desk writes, the busy timeout makes a second writer
wait its turn instead of failing, and a write still refused after that is retried a
few times. Opening gives up after :data:`OPEN_TIMEOUT`, no longer than a write waits: a
database held locked by another program must not keep the app from starting, but two
desks starting at once on a new file must both open it (at 2 s, the one that waited
while the other made the schema gave up, on a loaded machine).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from baokao.records.sql import RecordsError, SqlStore

T = TypeVar("T")

#: Seconds a write waits for another desk's write to finish.
BUSY_TIMEOUT = 10.0
#: Seconds opening waits for a lock before saying the database is locked.
OPEN_TIMEOUT = 10.0
RETRIES = 5


class SqliteBackend:
    """A connection to one SQLite file."""

    def __init__(self, path: Path) -> None:
        """Open (creating if needed) the database file at ``path``."""
        self.path = path
        self.where = str(path)
        self.retries = 1  # opening does not retry: see OPEN_TIMEOUT
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(
                path, timeout=OPEN_TIMEOUT, isolation_level=None, check_same_thread=False
            )
            _use_wal(self.conn)
            self.conn.execute("PRAGMA synchronous=NORMAL")
        except (OSError, sqlite3.Error) as exc:
            raise RecordsError(f"{path}: {_reason(exc)}") from None

    def ready(self) -> None:
        """Writes from now on wait :data:`BUSY_TIMEOUT` for other desks."""
        self.conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
        self.retries = RETRIES

    @contextmanager
    def transaction(self, lock: bool = False) -> Iterator[sqlite3.Cursor]:
        """One transaction; ``BEGIN IMMEDIATE`` takes the write lock up front."""
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE" if lock else "BEGIN")
        try:
            yield cur
        except BaseException:
            self.conn.rollback()
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()

    def param(self, sql: str) -> str:
        """SQLite takes ``?`` as it is."""
        return sql

    def retry(self, action: Callable[[], T]) -> T:
        """Run ``action``; on "database is locked", wait and try again a few times."""
        for attempt in range(self.retries):
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if not _busy(exc) or attempt == self.retries - 1:
                    raise RecordsError(f"{self.path}: {_reason(exc)}") from None
                time.sleep(0.05 * (attempt + 1))
            except sqlite3.Error as exc:
                raise RecordsError(f"{self.path}: {_reason(exc)}") from None
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Close the file."""
        self.conn.close()


def _use_wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode, waiting up to :data:`OPEN_TIMEOUT` for a lock.

    SQLite answers a change of journal mode with "database is locked" at once, without
    the busy handler's wait, while another connection holds the file: two desks
    starting at once on a new file met it (one of them making the schema), about one
    run in two of the two-desk test. So the change is tried again until the timeout.
    """
    deadline = time.monotonic() + OPEN_TIMEOUT
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if not _busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)


def _busy(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused because another connection holds the file."""
    return "locked" in str(exc) or "busy" in str(exc)


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
        return "not a records database (the file is damaged or of another kind)"
    if "locked" in text:
        return "the database is locked by another program"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return text


def open_sqlite(path: Path) -> SqlStore:
    """The records in the SQLite file ``path`` (created and migrated as needed).

    Raises:
        RecordsError: for a file that is damaged, locked, or cannot be created.
    """
    backend = SqliteBackend(path)
    try:
        store = SqlStore(backend)
    except RecordsError:
        backend.close()
        raise
    backend.ready()
    return store
