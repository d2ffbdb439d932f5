"""Reading a CSV roster as a school's Excel writes it, row by row.

Chinese Excel's "CSV (逗号分隔)" is GBK; "CSV UTF-8" starts with a BOM; both end lines
with CRLF. The encoding is decided once from the first bytes (a BOM, else valid UTF-8,
else charset-normalizer choosing among the Chinese encodings: GBK is read as GB18030,
its superset), then the file is decoded as a stream, so a 100,000-row roster is never in
memory at once. Rows are numbered as the spreadsheet shows them (the header is row 1,
a cell holding a line break does not start a new row).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from baokao.inputs import BoundedReader, CaseError, Source
from baokao.limits import MAX_INPUT_BYTES, MAX_ROWS

#: Encodings charset-normalizer may choose among when the bytes are not UTF-8.
_CANDIDATES = ["gb18030", "big5", "utf_16", "utf_32"]


def _valid_utf8(head: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(head: bytes, name: str) -> str:
    """The encoding of a CSV, judged from its first bytes.

    Raises:
        CaseError: when it is no text baokao can read.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _valid_utf8(head):
        return "utf-8"
    from charset_normalizer import from_bytes  # only for text that is not UTF-8

    best = from_bytes(head, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise CaseError(f"{name}: not text in UTF-8 or GBK/GB18030 (is it a CSV?)")
    encoding = best.encoding
    return "gb18030" if encoding in ("gbk", "gb2312", "gb18030") else encoding


def csv_rows(source: Source, binary: BoundedReader) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(spreadsheet row number, cells)`` for every row of a CSV, header first.

    Args:
        source: the opened input (its head decides the encoding).
        binary: the input's bytes from the start (``source.binary()``).

    Raises:
        CaseError: naming the row, when the file cannot be decoded or breaks a limit;
            the rows before it have been yielded.
    """
    encoding = detect_encoding(source.head, source.name)
    text = io.TextIOWrapper(
        io.BufferedReader(binary), encoding=encoding, errors="strict", newline=""
    )
    # The cell limit is enforced per row (a long cell makes that row bad, not the file);
    # the csv module's own limit is raised above it, since its error would end the file.
    csv.field_size_limit(MAX_INPUT_BYTES)
    reader = csv.reader(text)
    row_no = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except UnicodeDecodeError:
            raise CaseError(
                f"{source.name} row {row_no + 1}: not {encoding} text like the rows before it"
            ) from None
        except csv.Error as exc:
            raise CaseError(f"{source.name} row {row_no + 1}: not readable CSV ({exc})") from None
        row_no += 1
        if row_no > MAX_ROWS + 1:
            raise CaseError(f"{source.name}: more than the limit of {MAX_ROWS:,} rows")
        yield row_no, cells
