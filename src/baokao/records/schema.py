"""The records schema and its migrations, one list for SQLite and PostgreSQL alike.

The database carries its schema version in ``schema_version``; opening it applies
every migration past that version, in one transaction, under a lock so that two
desks opening a new database at once do not both migrate it. A database written by
a newer baokao is refused (its columns may mean things this one does not know).
Only portable SQL is used: TEXT for dates (ISO 8601, which sorts as it reads),
INTEGER for numbers, JSON text for the answers and gaps.
"""

from __future__ import annotations

#: Migration ``n`` (1-based) takes a database from version ``n - 1`` to ``n``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the first records: the interview, its outcome and the rules' hash.
    (
        """CREATE TABLE records (
            id TEXT PRIMARY KEY,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            day TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            id_number TEXT NOT NULL DEFAULT '',
            occupation TEXT NOT NULL,
            code TEXT,
            work_type TEXT,
            level INTEGER,
            level_label TEXT NOT NULL,
            answers TEXT NOT NULL,
            status TEXT NOT NULL,
            verdict TEXT NOT NULL DEFAULT '',
            route INTEGER,
            gaps TEXT NOT NULL DEFAULT '[]',
            qualify_date TEXT,
            rules_hash TEXT NOT NULL DEFAULT ''
        )""",
    ),
    # 2: several desks: the rule source the slip cites, which desk wrote the record,
    # and an index for "newest first".
    (
        "ALTER TABLE records ADD COLUMN rules_source TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE records ADD COLUMN desk TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX records_updated ON records (updated)",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)

VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"

#: The columns of the current schema, in the order rows are read and written.
COLUMNS = (
    "id",
    "created",
    "updated",
    "day",
    "name",
    "id_number",
    "occupation",
    "code",
    "work_type",
    "level",
    "level_label",
    "answers",
    "status",
    "verdict",
    "route",
    "gaps",
    "qualify_date",
    "rules_hash",
    "rules_source",
    "desk",
)
