"""Writing records in the background, in order, so answering never waits for a disk.

The app keeps a record after every answer; a write can take a few milliseconds on a
local file and longer on a shared server. Writes go to one worker thread, one after
another (so a later state of an interview never lands before an earlier one), and a
failure is handed to ``on_error`` instead of being raised where nobody catches it.
:meth:`Keeper.flush` waits for what is queued (before quitting, before reading back).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from baokao.records import Record, RecordStore


class Keeper:
    """Ordered background writes to a record store."""

    def __init__(self, store: RecordStore, on_error: Callable[[Exception], None]) -> None:
        """Write to ``store``; report failures to ``on_error`` (from the worker thread)."""
        self.store = store
        self.on_error = on_error
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="baokao-records")

    def save(self, record: Record) -> None:
        """Queue ``record`` to be written whole."""
        self._submit(lambda: self.store.save(record))

    def delete(self, record_id: str) -> None:
        """Queue the deletion of a record."""
        self._submit(lambda: self.store.delete(record_id))

    def _submit(self, action: Callable[[], object]) -> None:
        future = self._pool.submit(action)
        future.add_done_callback(self._done)

    def _done(self, future: Future[object]) -> None:
        error = future.exception()
        if isinstance(error, Exception):
            self.on_error(error)

    def flush(self) -> None:
        """Wait until every queued write is done."""
        self._pool.submit(lambda: None).result()

    def close(self) -> None:
        """Finish the queued writes and close the store."""
        self._pool.shutdown(wait=True)
        self.store.close()
