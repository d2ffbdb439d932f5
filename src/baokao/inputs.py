"""Reading untrusted input for ``baokao check`` within the limits of :mod:`baokao.limits`.

Everything a candidate file can do to the reader is stopped here, before a model sees it:
a file or stream is read only up to its limit (``/dev/zero`` stops), JSON that nests
deeper than the limit or a number longer than the limit is refused with the place named,
and a key given twice in one JSON object is an error instead of the last one winning
silently. The checks that name a field run per case (:func:`first_problem`), so the
message can say which case and which field.
"""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from baokao.limits import MAX_INPUT_BYTES, MAX_JSON_DEPTH, MAX_NUMBER_CHARS, mib

STDIN = "-"
#: How an XLSX (a zip) begins.
ZIP_MAGIC = b"PK\x03\x04"


class CaseError(ValueError):
    """Bad input; the message names the file, case or row, and the field."""


def source_name(source: str | Path) -> str:
    """How messages name an input: its path, or ``standard input`` for ``-``."""
    return "standard input" if str(source) == STDIN else str(source)


class BoundedReader(io.RawIOBase):
    """A binary stream that refuses to go past :data:`MAX_INPUT_BYTES`.

    Bytes already peeked (``head``) are served first, so a reader can look at the start
    of a pipe to decide what it holds and still read it from the beginning.
    """

    def __init__(self, raw: BinaryIO, name: str, head: bytes = b"") -> None:
        super().__init__()
        # read1: what is there now, so a slow pipe is read row by row as it comes.
        self._read = getattr(raw, "read1", raw.read)
        self._name = name
        self._head = head
        #: Bytes served so far (a progress bar reads it).
        self.consumed = 0

    def readable(self) -> bool:
        """Always readable."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer``; raises :class:`CaseError` past the limit."""
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
        else:
            data = self._read(len(view))
            n = len(data)
            view[:n] = data
        self.consumed += n
        if self.consumed > MAX_INPUT_BYTES:
            raise CaseError(too_large(self._name))
        return n


def too_large(name: str) -> str:
    """The message for an input over the size limit."""
    return f"{name}: larger than the limit of {mib(MAX_INPUT_BYTES)}; not read further"


HEAD_BYTES = 64 * 1024


def _head_of_pipe(stream: BinaryIO) -> bytes:
    """The start of a pipe: up to its first line break, without waiting for more."""
    read1 = getattr(stream, "read1", stream.read)
    head = b""
    while len(head) < HEAD_BYTES and b"\n" not in head:
        chunk = read1(HEAD_BYTES - len(head))
        if not chunk:
            break
        head += chunk
    return head


@dataclass
class Source:
    """An input opened for reading, with its first bytes already looked at.

    ``head`` lets the reader tell JSON from CSV from XLSX (also on a pipe) and guess a
    CSV's encoding; :meth:`binary` and :meth:`read_all` still read from the start.
    """

    name: str
    suffix: str
    stream: BinaryIO
    head: bytes
    size: int | None

    @classmethod
    def open(cls, source: str | Path) -> Source:
        """Open a file, or standard input for ``-``, and read its head.

        Raises:
            CaseError: when it cannot be opened or read.
        """
        name = source_name(source)
        if str(source) == STDIN:
            stream, size = sys.stdin.buffer, None
        else:
            try:
                stream = open(source, "rb")  # noqa: SIM115 - closed by close()
            except OSError as exc:
                raise CaseError(f"{name}: cannot be read: {exc.strerror}") from None
            size = Path(source).stat().st_size if Path(source).is_file() else None
        try:
            head = stream.read(HEAD_BYTES) if size is not None else _head_of_pipe(stream)
        except OSError as exc:
            raise CaseError(f"{name}: cannot be read: {exc.strerror}") from None
        return cls(name, Path(str(source)).suffix.lower(), stream, head, size)

    @property
    def is_roster(self) -> bool:
        """Whether the input is a spreadsheet (CSV or XLSX) rather than JSON.

        (Told here, from the head, so that a JSON case never loads the roster's code.)
        """
        if self.suffix in (".csv", ".xlsx", ".xlsm"):
            return True
        if self.suffix == ".json":
            return False
        start = self.head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        return self.head.startswith(ZIP_MAGIC) or start not in (b"[", b"{", b"")

    def binary(self) -> BoundedReader:
        """The whole input as a bounded binary stream, from its first byte."""
        return BoundedReader(self.stream, self.name, self.head)

    def read_all(self) -> bytes:
        """The whole input, at most :data:`MAX_INPUT_BYTES`.

        Raises:
            CaseError: when it is longer than the limit, or reading fails.
        """
        try:
            data = self.head + self.stream.read(MAX_INPUT_BYTES + 1 - len(self.head))
        except OSError as exc:
            raise CaseError(f"{self.name}: cannot be read: {exc.strerror}") from None
        if len(data) > MAX_INPUT_BYTES:
            raise CaseError(too_large(self.name))
        return data

    def close(self) -> None:
        """Close the file (standard input is left open)."""
        if self.stream is not sys.stdin.buffer:
            self.stream.close()


class JsonObject(dict[str, Any]):
    """A JSON object that remembers the keys given more than once."""

    duplicates: tuple[str, ...] = ()


@dataclass(frozen=True)
class LongNumber:
    """A JSON number longer than :data:`MAX_NUMBER_CHARS`, kept as text to be refused."""

    text: str


def _object(pairs: list[tuple[str, Any]]) -> JsonObject:
    obj = JsonObject()
    twice: list[str] = []
    for key, value in pairs:
        if key in obj:
            twice.append(key)
        obj[key] = value
    if twice:
        obj.duplicates = tuple(twice)
    return obj


def _int(text: str) -> int | LongNumber:
    return LongNumber(text) if len(text) > MAX_NUMBER_CHARS else int(text)


def _float(text: str) -> float | LongNumber:
    return LongNumber(text) if len(text) > MAX_NUMBER_CHARS else float(text)


def parse_json(text: str, name: str) -> Any:
    """Parse JSON text; duplicate keys and long numbers are kept for :func:`first_problem`.

    Raises:
        CaseError: for text that is not JSON or nests too deep (naming ``name`` if given).
    """
    where = f"{name}: " if name else ""
    try:
        return json.loads(text, object_pairs_hook=_object, parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as exc:
        raise CaseError(
            f"{where}not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise CaseError(f"{where}JSON nested deeper than the limit of {MAX_JSON_DEPTH}") from None


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def first_problem(value: Any, path: str = "", depth: int = 1) -> tuple[str, str] | None:
    """The first place in parsed JSON that breaks a limit or repeats a key, or ``None``.

    Walks without recursion, so any depth the parser accepted is safe to look at.

    Returns:
        ``(field path, message)``.
    """
    stack: list[tuple[Any, str, int]] = [(value, path, depth)]
    while stack:
        item, where, level = stack.pop()
        if isinstance(item, LongNumber):
            return where, f"a number longer than the limit of {MAX_NUMBER_CHARS} characters"
        if not isinstance(item, dict | list):
            continue
        if level > MAX_JSON_DEPTH:
            return where, f"nested deeper than the limit of {MAX_JSON_DEPTH}"
        if isinstance(item, JsonObject) and item.duplicates:
            return _join(where, item.duplicates[0]), "given twice (each key may appear once)"
        pairs = item.items() if isinstance(item, dict) else enumerate(item)
        children = [(v, _join(where, k), level + 1) for k, v in pairs]
        stack.extend(reversed(children))
    return None
