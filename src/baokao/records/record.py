"""A candidate record: one interview at the desk, kept from its first answer on.

An interview is an immutable value rebuilt from its answers, so a record keeps the
answers (resuming is rebuilding the session from them) and, beside them, what a list
or an export shows without rebuilding anything: the verdict, the route, the gaps and
the date the candidate would qualify, and which rules gave them (source and hash).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal

Status = Literal["unfinished", "qualified", "not_qualified", "undetermined"]
STATUSES: tuple[Status, ...] = ("unfinished", "qualified", "not_qualified", "undetermined")
#: An answer as the session holds it: a number of years or a choice's value.
AnswerValue = float | str


def now() -> datetime:
    """The current time, in UTC (records from several desks sort the same way)."""
    return datetime.now(UTC)


def new_id() -> str:
    """A new record id, unique across desks without asking the database."""
    return uuid.uuid4().hex


def content_hash(text: str) -> str:
    """A short hash of rule content: says later whether the rules have changed since."""
    import hashlib  # (not at import: it was milliseconds of every start of the UI)

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Record:
    """One candidate's interview, finished or not."""

    id: str
    occupation: str
    work_type: str | None
    #: The level asked about (1–5), or ``None`` for "all levels".
    level: int | None
    #: As printed (``四级/中级``, ``全部等级``).
    level_label: str
    #: The interview's date: the "today" its verdict and qualifying date were judged on.
    day: date
    answers: tuple[tuple[str, AnswerValue], ...] = ()
    status: Status = "unfinished"
    #: One readable line: ``符合报考条件（第 2 条）``, ``最高可报考：三级/高级`` …
    verdict: str = ""
    #: The route relied on, or the closest one.
    route: int | None = None
    gaps: tuple[str, ...] = ()
    qualify_date: date | None = None
    code: str | None = None
    name: str = ""
    id_number: str = ""
    rules_source: str = ""
    rules_hash: str = ""
    #: Which desk (host) wrote it last.
    desk: str = ""
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)

    @property
    def finished(self) -> bool:
        """Whether the interview reached an outcome."""
        return self.status != "unfinished"

    @property
    def title(self) -> str:
        """The occupation, and the 工种 when there is one."""
        return (
            self.occupation if self.work_type is None else f"{self.occupation} · {self.work_type}"
        )
