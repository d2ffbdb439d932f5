"""One spreadsheet row -> the contract's raw case, remembering which column gave what.

A row becomes exactly the dict a JSON case would be, so it is validated and judged by the
same code (:func:`baokao.checking.validate_case`). Each contract path is remembered with
the header that filled it, so an error can name the column as the clerk sees it. An
empty cell is an unknown fact; 无 in an entry's first column says the candidate has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from baokao.inputs import CaseError, parse_json
from baokao.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_NUMBER_CHARS
from baokao.model.facts import AnswerError
from baokao.model.levels import parse_level
from baokao.model.years import read_years
from baokao.roster.columns import (
    BOOL_FIELDS,
    BOOL_WORDS,
    CASE_HEADERS,
    ENTRY_HEADERS,
    FIRST_ENTRY_FIELD,
    IDENTITY_FIELDS,
    LEVEL_FIELDS,
    NONE_WORDS,
    WORDS,
    YEAR_FIELDS,
    Column,
    numbered_header,
    read_header,
)

#: A cell saying the candidate has no entry of this kind (a known fact, unlike empty).
_NONE = object()

_TAGS = re.compile(r"[、,，;；/\s]+")


class RowError(ValueError):
    """A bad cell: ``header`` is the column as the sheet names it (or ``None``)."""

    def __init__(self, header: str | None, message: str) -> None:
        super().__init__(message)
        self.header = header
        self.message = message


@dataclass(frozen=True)
class Header:
    """The header row read: what each position means, and what is not read."""

    cells: tuple[str, ...]
    columns: tuple[Column | None, ...]
    ignored: tuple[str, ...]


def read_header_row(cells: list[str], name: str, row_no: int = 1) -> Header | None:
    """Map a header row to columns; ``None`` when no column names the occupation (a title
    row above the header, as many school sheets have).

    Raises:
        CaseError: when two columns give one field.
    """
    columns: list[Column | None] = []
    seen: dict[str, str] = {}
    ignored: list[str] = []
    for cell in cells[:MAX_COLUMNS]:
        column = read_header(cell) if cell.strip() else None
        if column is None and cell.strip():
            ignored.append(cell.strip())
        if column is not None:
            if column.path in seen:
                raise CaseError(
                    f"{name} row {row_no}: columns {seen[column.path]!r} and {cell!r} both give "
                    f"{column.path}; keep one"
                )
            seen[column.path] = cell
        columns.append(column)
    if not any(c is not None and c.field == "occupation" for c in columns):
        return None
    return Header(tuple(cells), tuple(columns), tuple(ignored))


@dataclass
class RowCase:
    """A row as a raw case, with the column behind each contract path."""

    raw: dict[str, Any] = field(default_factory=dict)
    identity: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    #: What the profile was read from: the header and text of each non-empty cell that
    #: went into it. Two rows under one header row with equal ``facts`` have equal
    #: profiles (a header names one column: two naming one field are refused).
    facts: list[str] = field(default_factory=list)

    def header_for(self, path: str) -> str | None:
        """The column behind a contract path (or its nearest enclosing one)."""
        while path:
            if path in self.headers:
                return self.headers[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None


def _word(kind: str, cell: str) -> Any:
    choices = WORDS[kind]
    low = cell.lower()
    for value, words in choices.items():
        if low in (w.lower() for w in words):
            return value
    offered = "、".join(words[0] for words in choices.values())
    raise ValueError(f"{cell!r} is not one of {offered}")


def cell_value(kind: str, cell: str) -> Any:
    """Read one non-empty cell as the contract's value for a column of ``kind``.

    Raises:
        ValueError: saying what is wrong with the cell.
    """
    if kind in YEAR_FIELDS:
        try:  # the one reader of typed years (the interview's too): 6, 2.5, ６, 6年
            if len(cell) > MAX_NUMBER_CHARS:
                raise AnswerError(cell)
            return read_years(cell)
        except AnswerError:
            raise ValueError(f"{cell!r} is not a number of years (write 6 or 2.5)") from None
    if kind in BOOL_FIELDS:
        for truth, words in BOOL_WORDS.items():
            if cell.lower() in words:
                return truth
        raise ValueError(f"{cell!r} is not 是 or 否")
    if kind in LEVEL_FIELDS:
        number = parse_level(cell)
        if number is None:
            raise ValueError(f"{cell!r} is not a level (write 四级, 中级 or 4)")
        return number
    if kind in ("education.fields", "professional_titles.fields"):
        return [tag for tag in _TAGS.split(cell) if tag]
    if kind in WORDS:
        return _word(kind, cell)
    if kind in ENTRY_HEADERS:  # a whole list in one cell, as JSON
        try:
            value = parse_json(cell, "")
        except CaseError as exc:
            raise ValueError(str(exc)) from None
        if not isinstance(value, list):
            raise ValueError("not a JSON list")
        return value
    return cell


def row_case(header: Header, cells: list[str]) -> RowCase:
    """Turn one row's cells into a raw case.

    Raises:
        RowError: naming the column of the first bad cell.
    """
    if len(cells) > MAX_COLUMNS:
        raise RowError(None, f"more than the limit of {MAX_COLUMNS} columns")
    if len(cells) > len(header.columns) and any(c.strip() for c in cells[len(header.columns) :]):
        raise RowError(None, "more cells than the header row has columns")
    row = RowCase()
    profile: dict[str, Any] = {}
    entries: dict[str, dict[int, dict[str, tuple[Column, Any]]]] = {}
    for column, cell in zip(header.columns, cells, strict=False):
        if column is None:
            continue
        if len(cell) > MAX_CELL_CHARS:
            raise RowError(column.header, f"longer than the limit of {MAX_CELL_CHARS:,} characters")
        text = cell.strip()
        if not text:
            continue
        try:
            if _says_none(column, text):
                value: Any = _NONE
            else:
                value = cell_value(column.kind, text)
        except ValueError as exc:
            raise RowError(column.header, f"field {column.path}: {exc}") from None
        if column.entry is not None:
            entries.setdefault(column.entry, {}).setdefault(column.index, {})
            entries[column.entry][column.index][column.field] = (column, value)
            row.facts += (column.header, text)
        elif column.field in IDENTITY_FIELDS:
            row.identity[column.field] = text
        elif column.field in CASE_HEADERS:
            row.raw[column.field] = value
        else:
            profile[column.field] = value
            row.facts += (column.header, text)
        row.headers[column.path] = column.header
    for entry, groups in entries.items():
        if entry in profile:
            raise RowError(
                row.headers[f"profile.{entry}"], "given both as JSON and in separate columns"
            )
        profile[entry] = _entries(entry, groups, row)
    if "id" not in row.raw and "name" in row.identity:
        row.raw["id"] = row.identity["name"]
    row.raw["profile"] = profile
    return row


def _says_none(column: Column, text: str) -> bool:
    entry = column.entry
    first = entry is not None and column.field == FIRST_ENTRY_FIELD[entry]
    return first and text.lower() in NONE_WORDS


def _entries(
    entry: str, groups: dict[int, dict[str, tuple[Column, Any]]], row: RowCase
) -> list[dict[str, Any]]:
    """The entries of numbered column groups, in number order; 无 alone means none."""
    first = FIRST_ENTRY_FIELD[entry]
    out: list[dict[str, Any]] = []
    for index in sorted(groups):
        group = groups[index]
        if first in group and group[first][1] is _NONE:
            if len(groups) > 1 or len(group) > 1:
                raise RowError(group[first][0].header, "无 here, yet other columns describe one")
            return []
        position = len(out)
        for name, headers in ENTRY_HEADERS[entry].items():
            given = group.get(name)
            header = given[0].header if given else numbered_header(headers[0], index + 1)
            row.headers[f"profile.{entry}[{position}].{name}"] = header
        out.append({name: value for name, (_, value) in group.items()})
    return out
