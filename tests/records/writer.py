"""One desk writing interviews answer by answer, as a separate process.

``python writer.py DB PREFIX COUNT``: COUNT interviews of 美容师 四级, each saved after
every answer (unfinished, then finished), the way the app saves them.
"""

from __future__ import annotations

import sys
from datetime import date

from baokao.records import open_store
from baokao.records.capture import record_of
from baokao.rulebook import load_rulebook
from baokao.session import Session


def main(url: str, prefix: str, count: int) -> None:
    """Write ``count`` interviews named ``prefix-N`` into the records at ``url``."""
    store = open_store(url)
    subject = load_rulebook().find("美容师")
    for n in range(count):
        session = Session.start(subject, 4, date(2025, 3, 1))
        record = record_of(session)
        record = record.__class__(**{**record.__dict__, "name": f"{prefix}-{n}"})
        for value in ("none", str(6 + n % 3)):
            session = session.answer(value)
            record = record_of(session, record)
            store.save(record)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
