"""The desk's side of the app: the current candidate's record, and the records' state.

Attributes down: the app owns one :class:`Desk` and tells it what happened (an
interview moved, a new candidate, details entered); the desk keeps the record up to
date in the store through an ordered background :class:`Keeper`. When the records
cannot be used (a damaged or locked file, a lost server) the desk says why in
:attr:`Desk.off`, and the app goes on without them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baokao.records import Record, RecordStore
    from baokao.records.keeper import Keeper
    from baokao.session import Session
    from baokao.slip_files import SavedSlip


class Desk:
    """The records of this desk and the record of the candidate being seen."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        """``on_change`` is called (on the app's thread) when the records' state changes."""
        self.on_change = on_change
        self.store: RecordStore | None = None
        self.keeper: Keeper | None = None
        #: Why the records are off ("" while they are on, or not yet opened).
        self.off = ""
        #: The current candidate's record (not yet written before the first answer).
        self.record: Record | None = None
        #: The current candidate's slip as last saved: its text and its files.
        self.last_slip: tuple[str, SavedSlip] | None = None

    @property
    def on(self) -> bool:
        """Whether records are being kept."""
        return self.keeper is not None

    def opened(self, store: RecordStore, report: Callable[[Exception], None]) -> None:
        """Start keeping records in ``store`` (``report`` is called from the writer thread)."""
        from baokao.records.keeper import Keeper

        self.store = store
        self.keeper = Keeper(store, report)
        if self.record is not None and self.record.answers:
            self.keeper.save(self.record)
        self.on_change()

    def failed(self, reason: str) -> None:
        """The records cannot be used: say why and stop writing."""
        self.off = reason
        self.close()
        self.on_change()

    def begin(self, record: Record | None = None) -> None:
        """A new candidate (or a record reopened): forget the previous one."""
        self.record = record
        self.last_slip = None

    def moved(self, session: Session) -> None:
        """The interview changed: bring its record up to date and write it."""
        # Imported here: a record is made from a verdict (the evaluator and the rule
        # models), which the app loads in the background after the first frame; at
        # the top of this module it held the start screen back by their import.
        from baokao.records.capture import record_of

        before = self.record
        self.record = record_of(session, before)
        if self.keeper is None:
            return
        if session.answers:
            self.keeper.save(self.record)
        elif before is not None and before.answers:  # every answer undone: nothing to keep
            self.keeper.delete(self.record.id)
        # A record is written only once it has answers: one that never had any (a level
        # just picked) is not in the store, and writing nothing keeps the records' thread
        # quiet while the first question is drawn.

    def candidate(self, name: str, id_number: str) -> None:
        """The candidate's name and ID number were entered."""
        if self.record is None:
            return
        self.record = replace(self.record, name=name, id_number=id_number)
        if self.keeper is not None and self.record.answers:
            self.keeper.save(self.record)

    @property
    def kept(self) -> bool:
        """Whether the current candidate is safe: in the records, or the slip saved."""
        return self.on or self.last_slip is not None

    def today_count(self, today: date) -> int | None:
        """How many candidates were seen today (0 with records off); ``None`` when the
        records failed as they were counted (they are then off, and the change told)."""
        if self.store is None or self.keeper is None:
            return 0
        from baokao.records import RecordsError  # (imported by then: the records are open)

        try:
            self.keeper.flush()
            return len(self.store.find(since=today))
        except RecordsError as exc:
            self.failed(str(exc))
            return None

    def close(self) -> None:
        """Finish the queued writes (before the app ends)."""
        keeper, self.keeper = self.keeper, None
        if keeper is not None:
            from baokao.records import RecordsError

            with contextlib.suppress(RecordsError, OSError):  # off already, or ending
                keeper.close()
