"""Reader for the 申报条件 section of a national occupational skill standard.

Counsellors copy this section out of the standard's PDF, so the text arrives with the
PDF's lines rather than its sentences: items wrap over several lines, page numbers and
running titles sit between them, and digits, brackets and spaces vary from one copy to
the next. The reader is therefore built on what the printed section looks like, not on
any one copy of it:

* It works line by line, and a line is classified by how it *starts*: a level heading
  (three printed forms, level words in either order), an item number (``（1）``, ``(1)``,
  ``1、``), ``注：``, a later section heading, or page furniture. Every other line
  continues the item above, because a PDF wrap is the only way such a line arises;
  lines are joined without a space, as a wrap is not a space in Chinese text.
* Markers are matched on a digit-normalised copy of the line, which has the same length
  as the original, so the text after a marker is sliced from the original and keeps its
  full-width punctuation. Only the digits are made ASCII, as in the enrolment table.
* The output is exactly what :mod:`baokao.importer.table` produces (``N、text`` routes in
  :class:`~baokao.importer.raw.RawLevel` records), so one builder and one grammar serve
  both layouts. Footnote marks (``相关职业①``) are removed from route text: they point
  into the 注 block, which is returned as ``notes``.
* A condition printed as two pieces ``(3-1)``/``(3-2)`` is one route: the second piece
  begins with 或, and joining the pieces with "；" gives the "；或" the grammar reads as
  alternatives. A second piece *without* 或 is refused rather than guessed at.
* Anything the reader cannot place is an error naming the line; nothing is dropped
  silently, since a lost route would wrongly refuse a candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baokao.importer.normalize import to_ascii_digits
from baokao.importer.raw import RawLevel, RawRoute, RawSubject
from baokao.model.levels import LEVEL_LABELS, level_number

_WORD = r"(?:[五四三二一]级|高级技师|初级|中级|高级|技师)"
_ONE_OF = r"具备以下条件(?:之一)?者"


def _level(tag: str) -> str:
    """Level words in either order (``四级/中级工``, ``中级/四级``, ``初级``), groups tagged."""
    return rf"(?P<{tag}1>{_WORD})工?(?:/(?P<{tag}2>{_WORD})工?)?"


_HEADING = re.compile(
    r"^(?:\d+(?:\.\d+)*)?[—\-－–─]*"
    rf"(?:{_ONE_OF}[,，]?可?(?:申报|报考){_level('a')}|{_level('b')}[（(]{_ONE_OF}[）)])[:：。]?"
)
_DASH = r"[-－—–]"
_ITEM = re.compile(
    rf"^\s*(?:[（(]\s*(?P<n>\d{{1,2}})\s*(?:{_DASH}\s*(?P<s>\d))?\s*[）)]"
    rf"|(?P<n2>\d{{1,2}})\s*(?:{_DASH}\s*(?P<s2>\d))?\s*、)\s*"
)
_NOTES = re.compile(r"^\s*注\s*[:：]\s*")
_NOTE_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\s*\d{1,2}\s*[）)])\s*")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_SECTION = re.compile(
    r"^\d+\.\d+(?:\.\d+)*\s*[\u4e00-\u9fff]{2,16}$"
    r"|^\d+\.?\s+(?:职业概况|基本要求|工作要求|权重表|附录)"
)
_FURNITURE = re.compile(
    r"^(?:\d{1,3}|[—\-－–─_]+\d{1,3}[—\-－–─_]+|-?\d{1,3}-?|第\d+页(?:共\d+页)?)$"
    r"|^《?[\u4e00-\u9fff·]*》?国家职业技能标准(?:[（(]\d{4}年版[）)])?$"
)
_NAME_AFTER = re.compile(r"^(?:\d+(?:\.\d+)*)?职业名称[:：]?(?P<v>.*)$")
_CODE_AFTER = re.compile(r"^(?:\d+(?:\.\d+)*)?职业编码[:：]?(?P<v>.*)$")
_CODE = re.compile(r"^\d-\d{2}-\d{2}-\d{2}(?:-\d{2})?$")
_TITLE = re.compile(
    r"^《?(?P<v>[\u4e00-\u9fff·]{2,20}?)》?国家职业技能标准(?:[（(]\d{4}年版[）)])?$"
)
_SPACES = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


class StandardLayoutError(ValueError):
    """The 申报条件 section cannot be read; the message names the line and the problem."""


@dataclass
class _Piece:
    """One numbered item as printed; ``number`` is ``None`` for an unnumbered item."""

    number: int | None
    sub: int | None
    line: int
    parts: list[str]


@dataclass
class _Level:
    label: str
    line: int
    pieces: list[_Piece] = field(default_factory=list)


def _compact(line: str) -> str:
    """ASCII digits, no whitespace, ASCII dashes: the form markers are matched on."""
    return _SPACES.sub("", to_ascii_digits(line)).replace("－", "-")


def _join(parts: list[str]) -> str:
    """Join wrapped lines: no space, except between two ASCII letters or digits."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(part[0]):
            out += " "
        out += part
    return out


def _trim(text: str) -> str:
    """Drop whitespace inside the text unless it separates two ASCII words."""

    def keep(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        both = bool(_ASCII_WORD.match(before)) and bool(_ASCII_WORD.match(after))
        return " " if both else ""

    return _SPACES.sub(keep, text).strip()


def _route_text(parts: list[str]) -> str:
    """Joined, trimmed item text with ASCII digits and without footnote marks."""
    text = _trim(to_ascii_digits(_join(parts)))
    return text.translate({ord(c): None for c in _CIRCLED})


def _heading(line: int, compact: str) -> tuple[str, str] | None:
    """Return ``(canonical label, text after the heading)`` if the line is a heading."""
    m = _HEADING.match(compact)
    if m is None:
        return None
    w1 = m.group("a1") or m.group("b1")
    w2 = m.group("a2") or m.group("b2")
    first = level_number(w1)
    second = level_number(w2) if w2 else first
    if first is None or first != second:
        raise StandardLayoutError(f"line {line}: level words {w1}/{w2} name different levels")
    return LEVEL_LABELS[first], compact[m.end() :]


class _Reader:
    """Places lines into levels, items and notes; see the module docstring for the rules."""

    def __init__(self) -> None:
        self.levels: list[_Level] = []
        self.note_lines: list[str] = []
        self.in_notes = False

    def heading(self, number: int, label: str) -> None:
        for level in self.levels:
            if level.label == label:
                raise StandardLayoutError(
                    f"line {number}: level {label} appears a second time "
                    f"(first at line {level.line})"
                )
        self.levels.append(_Level(label, number))
        self.in_notes = False

    def text(self, number: int, raw: str) -> None:
        """Read a line that is neither a heading nor furniture nor a section heading."""
        if self.in_notes:
            self.note_lines.append(raw.strip())
            return
        if m := _NOTES.match(raw):
            self.in_notes = True
            self.note_lines.append(raw[m.end() :].strip())
            return
        level = self.levels[-1]
        m = _ITEM.match(to_ascii_digits(raw))
        if m is not None:
            n, sub = m.group("n") or m.group("n2"), m.group("s") or m.group("s2")
            piece = _Piece(int(n), int(sub) if sub else None, number, [raw[m.end() :]])
            level.pieces.append(piece)
        elif level.pieces:
            level.pieces[-1].parts.append(raw)
        else:
            level.pieces.append(_Piece(None, None, number, [raw]))


def _routes(level: _Level) -> list[RawRoute]:
    """Turn a level's pieces into routes, joining split pieces and checking numbers."""
    routes: list[RawRoute] = []
    last: _Piece | None = None
    for piece in level.pieces:
        number = 1 if piece.number is None else piece.number
        text = _route_text(piece.parts)
        mark = f"({number}-{piece.sub})" if piece.sub else f"({number})"
        if not text:
            raise StandardLayoutError(f"line {piece.line}: item {mark} has no text")
        if piece.sub is not None and piece.sub > 1:
            if last is None or last.number != number or last.sub != piece.sub - 1:
                raise StandardLayoutError(
                    f"line {piece.line}: item {mark} does not follow ({number}-{piece.sub - 1})"
                )
            if not text.startswith("或"):
                raise StandardLayoutError(
                    f"line {piece.line}: item {mark} does not begin with 或, "
                    f"so it cannot be read as an alternative to ({number}-{piece.sub - 1})"
                )
            head = routes[-1].text
            head = head[:-1] + "；" if head.endswith("。") else head
            routes[-1].text = head + ("" if head.endswith(("；", ";")) else "；") + text
        else:
            if last is not None and last.sub == 1:
                raise StandardLayoutError(
                    f"line {last.line}: item ({last.number}-1) has no second piece"
                )
            if piece.sub not in (None, 1):
                raise StandardLayoutError(f"line {piece.line}: item {mark} has no first piece")
            expected = len(routes) + 1
            if number != expected and last is not None and last.number is None:
                raise StandardLayoutError(
                    f"line {last.line}: unnumbered text before item {mark} of {level.label}"
                )
            if number != expected:
                raise StandardLayoutError(
                    f"line {piece.line}: {level.label} item numbered {number} "
                    f"where {expected} was expected"
                )
            routes.append(RawRoute(number, f"{number}、{text}"))
        last = piece
    if last is not None and last.sub == 1:
        raise StandardLayoutError(f"line {last.line}: item ({last.number}-1) has no second piece")
    if not routes:
        raise StandardLayoutError(f"line {level.line}: level {level.label} has no conditions")
    return routes


def _split_notes(lines: list[str]) -> list[str]:
    """Split the 注 block into definitions: by ①②③, by ``1.`` at line starts, or by "。"."""
    lines = [line for line in lines if line]
    if not lines:
        return []
    joined = _join(lines)
    if any(c in joined for c in _CIRCLED):
        chunks = re.split(f"[{_CIRCLED}]", joined)
    elif any(_NOTE_ITEM.match(to_ascii_digits(line)) for line in lines):
        groups: list[list[str]] = []
        for line in lines:
            m = _NOTE_ITEM.match(to_ascii_digits(line))
            if m is not None or not groups:
                groups.append([line[m.end() :] if m else line])
            else:
                groups[-1].append(line)
        chunks = [_join(group) for group in groups]
    else:
        chunks = re.split(r"(?<=。)", joined)
    return [chunk.strip() for chunk in chunks if chunk.strip()]


def _find(lines: list[str], label: re.Pattern[str], valid: re.Pattern[str]) -> str | None:
    """Find a value given as ``职业名称：X`` or as a ``1.1 职业名称`` line then ``X``."""
    compact = [_compact(line) for line in lines]
    for i, line in enumerate(compact):
        m = label.match(line)
        if m is None:
            continue
        value = m.group("v") or next((c for c in compact[i + 1 : i + 3] if c), "")
        if valid.match(value):
            return value
    return None


def _find_name(lines: list[str]) -> str | None:
    """The name from a 职业名称 line, else from a ``美容师国家职业技能标准`` title line."""
    name = _find(lines, _NAME_AFTER, re.compile(r"^[\u4e00-\u9fff·（）()]{2,30}$"))
    if name is not None:
        return name
    for line in lines:
        if m := _TITLE.match(_compact(line)):
            return m.group("v")
    return None


def read_standard(
    text: str, *, name: str | None = None, code: str | None = None, work_type: str | None = None
) -> RawSubject:
    """Read a standard's 申报条件 section into one raw subject.

    Reading starts at the first level heading and stops at the next numbered section
    (``2.9 考核方式``) or at the end of the text.

    Args:
        text: the section as copied from the standard, with whatever came before it.
        name: the occupation (or 工种) name; found in the text when ``None``
            (``职业名称：美容师``, ``1.1 职业名称`` then the name, or the title line).
        code: the occupation code; found as ``职业编码：4-10-03-01`` when ``None``.
        work_type: the 工种, when the standard covers one.

    Returns:
        A subject whose levels hold canonical labels and ``N、text`` routes, and whose
        notes hold the 注 block's definitions.

    Raises:
        StandardLayoutError: when the section cannot be read; the message names the line.
    """
    lines = text.splitlines()
    reader = _Reader()
    for number, raw in enumerate(lines, start=1):
        compact = _compact(raw)
        if not compact or _FURNITURE.match(compact):
            continue
        found = _heading(number, compact)
        if found is not None:
            reader.heading(number, found[0])
            rest = found[1]
            if rest:
                reader.text(number, rest)
            continue
        if not reader.levels:
            continue
        if _SECTION.match(to_ascii_digits(raw.strip())):
            break
        reader.text(number, raw)
    if not reader.levels:
        raise StandardLayoutError(
            f"line {max(len(lines), 1)}: no level heading such as "
            "——四级/中级工（具备以下条件之一者） in the text"
        )
    levels = [RawLevel(lv.label, _routes(lv), lv.line) for lv in reader.levels]
    subject_name = name if name is not None else _find_name(lines)
    if subject_name is None:
        raise StandardLayoutError(
            f"line {reader.levels[0].line}: no occupation name in the text "
            "(职业名称：… or a …国家职业技能标准 title); pass name="
        )
    if code is None:
        code = _find(lines, _CODE_AFTER, _CODE)
    return RawSubject(
        name=subject_name,
        work_type=work_type,
        code=code,
        levels=levels,
        notes=_split_notes(reader.note_lines),
        line=reader.levels[0].line,
    )
