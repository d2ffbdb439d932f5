"""From an interview to its record, and back: the only place the two meet.

A record is written after every answer, so it must be cheap to make: the verdict
summary is taken from the session's outcome (already computed for the screen) and
the rules' hash from the occupation's own data. Resuming rebuilds the session from
the answers on the record's own date, so a reopened result and its reprinted slip
are the ones first shown.
"""

from __future__ import annotations

import socket
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from baokao.records.record import Record, Status, content_hash, new_id, now
from baokao.report import STATUS_ZH
from baokao.slip import gap_summary

if TYPE_CHECKING:
    from baokao.model.rules import Occupation, Subject
    from baokao.session import Session


_hashes: dict[int, tuple[Occupation, str]] = {}


def rules_hash(occupation: Occupation) -> str:
    """The hash of an occupation's rules, worked out once per loaded occupation.

    Keyed by identity (rule books are loaded once and frozen): hashing the model itself
    would walk every route after every answer. The app works it out while the level
    picker is on screen (:mod:`baokao.tui.ahead`), not when the level is picked.
    """
    hit = _hashes.get(id(occupation))
    if hit is None or hit[0] is not occupation:
        hit = (occupation, content_hash(occupation.model_dump_json()))
        _hashes[id(occupation)] = hit
    return hit[1]


@cache
def desk_name() -> str:
    """This desk's name in records: the host name."""
    return socket.gethostname()


def record_of(session: Session, before: Record | None = None) -> Record:
    """The record of ``session``: a new one, or ``before`` brought up to date.

    ``before`` keeps its id, name, ID number and creation time.
    """
    from baokao.session import AllLevelsOutcome

    subject = session.subject
    occupation = subject.occupation
    outcome = session.outcome
    status: Status = "unfinished"
    verdict, route, when = "", None, None
    gaps: tuple[str, ...] = ()
    if isinstance(outcome, AllLevelsOutcome):
        best = outcome.highest
        status = "qualified" if best else "not_qualified"
        verdict = f"最高可报考：{best.level.label}" if best else "目前还没有可报考的等级"
        gaps = tuple(f"{v.level.label}：{gap_summary(v)}" for v in outcome.verdicts)
        when = outcome.qualify_date
        route = best.qualifying[0] if best else None
    elif outcome is not None:
        v = outcome.verdict
        status = v.status
        verdict = STATUS_ZH[v.status]
        if v.qualifying:
            verdict += f"（第 {'、'.join(str(n) for n in v.qualifying)} 条）"
            route = v.qualifying[0]
        elif v.closest is not None:
            route = v.closest.number
        gaps = tuple(v.unmet)
        when = outcome.qualify_date
    level_label = "全部等级" if session.level is None else subject.level(session.level).label
    fresh = Record(
        id=before.id if before else new_id(),
        occupation=occupation.name,
        work_type=subject.work_type,
        level=session.level,
        level_label=level_label,
        day=session.today,
        answers=tuple(session.answers),
        status=status,
        verdict=verdict,
        route=route,
        gaps=gaps,
        qualify_date=when,
        code=occupation.code,
        rules_source=occupation.source.cite() if occupation.source else "",
        rules_hash=rules_hash(occupation),
        desk=desk_name(),
    )
    if before is None:
        return fresh
    return replace(
        fresh,
        name=before.name,
        id_number=before.id_number,
        created=before.created,
        updated=now(),
    )


def session_of(record: Record, subject: Subject) -> Session:
    """The interview of ``record``, rebuilt from its answers on its own date.

    Raises:
        KeyError: when the subject no longer has the record's level.
    """
    from baokao.session import Session

    return replace(Session.start(subject, record.level, record.day), answers=record.answers)
