"""Every limit on what ``baokao check`` reads, in one place.

Input comes from outside (a school's spreadsheet, a script, a pipe), so each way it could
exhaust memory or the interpreter is bounded here and checked at the edge where the
input is read: the size of a file or stream, the nesting of JSON, the length of a number,
of a cell, the number of rows and columns. Crossing one gives one line naming the file,
case or row and the field, and exit status 2; nothing past the limit is read (so
``check /dev/zero`` stops). ``docs/limits.md`` states the same figures for users.
"""

from __future__ import annotations

#: Bytes read from one input file or from standard input (JSON, CSV or XLSX).
MAX_INPUT_BYTES = 64 * 1024 * 1024

#: Bytes of one rule file (the biggest occupation's file is a few tens of KiB).
MAX_RULE_FILE_BYTES = 4 * 1024 * 1024

#: Bytes an XLSX file may hold once unpacked (an XLSX is a zip; this stops zip bombs).
MAX_XLSX_UNPACKED_BYTES = 512 * 1024 * 1024

#: Nesting of JSON arrays and objects; a case needs 5 (list, case, profile, list, entry).
MAX_JSON_DEPTH = 16

#: Characters of one number (digits, sign, point and exponent), in JSON or in a cell.
MAX_NUMBER_CHARS = 20

#: Characters of one spreadsheet cell.
MAX_CELL_CHARS = 32_768

#: Data rows of one roster (Excel's own sheet limit, less the header row).
MAX_ROWS = 1_048_575

#: Columns of one roster.
MAX_COLUMNS = 512


def mib(size: int) -> str:
    """A byte count as whole MiB for messages (``64 MiB``)."""
    return f"{size // (1024 * 1024)} MiB"
