"""Reading an XLSX roster row by row, as the clerk's Excel shows it.

openpyxl's read-only mode streams the sheet, so memory does not grow with the roster.
An XLSX is a zip: its unpacked size is checked before anything is parsed, so a small
file cannot expand into gigabytes. Cells come back as the text a clerk typed (6, not
6.0; 是/否 for a TRUE/FALSE cell), so one reader of cells serves CSV and XLSX alike.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from typing import Any

from baokao.inputs import CaseError, Source
from baokao.limits import MAX_ROWS, MAX_XLSX_UNPACKED_BYTES, mib

#: The sheet read when a workbook has one of this name (the template's); else the first.
ROSTER_SHEET = "名单"


def cell_text(value: Any) -> str:
    """A cell's value as the text the clerk typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return str(value)


class XlsxRows:
    """The rows of a workbook's roster sheet, streamed."""

    def __init__(self, source: Source) -> None:
        import openpyxl  # here, not above: `check` of a JSON case never needs it (0.5 s)
        from openpyxl.utils.exceptions import InvalidFileException

        data = source.read_all()
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_XLSX_UNPACKED_BYTES:
                raise CaseError(
                    f"{source.name}: unpacks to more than the limit of "
                    f"{mib(MAX_XLSX_UNPACKED_BYTES)}"
                )
            self._book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
            if isinstance(exc, CaseError):
                raise
            raise CaseError(f"{source.name}: not a readable XLSX workbook ({exc})") from None
        names = self._book.sheetnames
        self._sheet = self._book[ROSTER_SHEET if ROSTER_SHEET in names else names[0]]
        self.name = source.name
        #: Rows the sheet says it has (for a progress bar; may be absent).
        self.total: int | None = getattr(self._sheet, "max_row", None)

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        try:
            rows = self._sheet.iter_rows(min_row=1, values_only=True)
            for row_no, values in enumerate(rows, start=1):
                if row_no > MAX_ROWS + 1:
                    raise CaseError(f"{self.name}: more than the limit of {MAX_ROWS:,} rows")
                yield row_no, [cell_text(v) for v in values]
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            if isinstance(exc, CaseError):
                raise
            raise CaseError(f"{self.name}: not a readable XLSX workbook ({exc})") from None
        finally:
            self._book.close()
