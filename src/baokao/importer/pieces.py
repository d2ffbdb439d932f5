"""A level's text -> numbered routes, by any enumerator; anomalies become review flags.

Copies number their items in at least nine ways: ``(1)``, ``（1）``, ``1、``, ``1.``,
``1)``, ``①``, ``(一)``, ``(2-1)``/``(3__1)`` for the two pieces of one condition, or not
at all (one a line, perhaps after a bullet ``- ``). An
enumerator counts only where an item can start (the start of the text, a new line, after
a full stop, a semicolon, a colon or a space), so ``(1)`` is found in a one-paragraph copy
and a footnote mark ``相关职业①`` is not taken for item 1; nor is a mark a PDF copy prints
twice, as itself and as its digit (``相关职业 ①1工作``).

Nothing here refuses a text. A gap, a repeated number, a restart, a piece without its
partner or without 或 is read as well as it can be and reported as a :class:`Flag` with
its line; the route it touches is marked 需人工核实, so a counsellor checks it before use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baokao.i18n import _
from baokao.importer.raw import RawRoute

_ENUM = re.compile(
    r"(?:(?<=[\s。.;:,])|^)"
    r"(?:\((?P<n>\d{1,2})(?:\s*(?:-|_{1,2})\s*(?P<s>\d))?\)"
    r"|(?P<n2>\d{1,2})(?:\s*(?:-|_{1,2})\s*(?P<s2>\d))?\s*(?:、|\.(?!\d)|\))"
    r"|(?P<c>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮])"
    r"|\(?(?P<z>[一二三四五六七八九十]{1,2})\))"
)
#: Space and a bullet before an unnumbered item (``- 累计从事…``; folding blanks ``•``).
_BULLET = re.compile(r"\s*(?:[-•·◆●■▪]\s*)?")
#: ``(1)`` glued after other text (an ad before item 1) still starts an item.
_GLUED = re.compile(r"\((?P<n>\d{1,2})\)")
_END = re.compile(r"[。.;;!]\s*$")
_CONTINUES = re.compile(r"^\s*(?:或|并|且|,)")
_ONE_OF_AFTER = re.compile(r"^\s*具备以上条件之一者?[,]?均?可?申报[。.]?\s*$")


@dataclass
class Flag:
    """Something a reviewer must look at: the line, what it is, and whether it marks the
    route or level it touches as 需人工核实 (``review``) or is only for information."""

    line: int
    message: str
    review: bool = True


@dataclass
class Piece:
    """One item as found: its number (``None`` when unnumbered), sub-number, and span."""

    number: int | None
    sub: int | None
    start: int
    end: int


@dataclass
class Items:
    """What a level's text holds: its pieces and the text that belongs to no item."""

    pieces: list[Piece] = field(default_factory=list)
    stray: list[tuple[int, int]] = field(default_factory=list)


def _number(m: re.Match[str]) -> tuple[int, int | None]:
    if m.group("c"):
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮".index(m.group("c")) + 1, None
    if z := m.group("z"):  # (一) … (十二)
        digits = ["一二三四五六七八九".find(c) + 1 for c in z]
        return (digits[0] or 1) * 10 + digits[1] if len(z) == 2 else digits[0] or 10, None
    n = m.group("n") or m.group("n2")
    s = m.group("s") or m.group("s2")
    return int(n), int(s) if s else None


def _cut_at_sentence_end(text: str, start: int, end: int) -> int:
    """Where a piece really ends: at a line that starts a new sentence after a full stop."""
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        ended = pos > start and _END.search(text[start:pos])
        if ended and not _CONTINUES.match(line) and line.strip():
            return pos
        pos += len(line)
    return end


def find_items(text: str, start: int, end: int) -> Items:
    """Find the items of the level text ``text[start:end]`` (positions are kept)."""
    found: list[tuple[int, int, int, int | None]] = []  # (start, body start, n, sub)
    expected = 1
    for m in _ENUM.finditer(text, start, end):
        n, sub = _number(m)
        if m.group("c") and text.startswith(str(n), m.end()):
            continue  # a footnote mark printed twice (相关职业 ①1工作), not item 1
        found.append((m.start(), m.end(), n, sub))
    if not found or found[0][2] != 1:
        glued = _GLUED.search(text, start, end)
        if glued is not None and int(glued.group("n")) == expected:
            found = sorted([*found, (glued.start(), glued.end(), 1, None)])
    items = Items()
    if not found:
        _unnumbered(text, start, end, items)
        return items
    if text[start : found[0][0]].strip():
        items.stray.append((start, found[0][0]))
    for i, (_at, body, n, sub) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else end
        cut = _cut_at_sentence_end(text, body, stop)
        items.pieces.append(Piece(n, sub, body, cut))
        if text[cut:stop].strip():
            items.stray.append((cut, stop))
    return items


def _unnumbered(text: str, start: int, end: int, items: Items) -> None:
    """No enumerator at all: one item per line, and per sentence within a line."""
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        skip = bullet.end() if (bullet := _BULLET.match(line)) else 0
        for m in re.finditer(r"[^。]+(?:。|$)", line[skip:]):
            if m.group(0).strip(" \n\t"):
                items.pieces.append(Piece(None, None, pos + skip + m.start(), pos + skip + m.end()))
        pos += len(line)


def is_closing_phrase(text: str) -> bool:
    """``具备以上条件之一者,均可申报。`` after the last item: the 'one of' said at the end."""
    return bool(_ONE_OF_AFTER.match(text))


def routes_of(
    pieces: list[tuple[Piece, str, int]], label: str, flags: list[Flag]
) -> list[RawRoute]:
    """Number and join a level's pieces (``(piece, text, line)``) into routes.

    Printed numbers are kept where they increase; a gap is kept and flagged; a repeated
    or restarted number is read as the next one and flagged; a second piece (n-2) is
    joined to its first with "；" and flagged when it does not begin with 或.
    """
    routes: list[RawRoute] = []
    last_printed = 0

    def flag(line: int, message: str, route: RawRoute | None) -> None:
        flags.append(Flag(line, _("{label}：{message}").format(label=label, message=message)))
        if route is not None:
            route.review.append(message)

    unnumbered = sum(1 for p, _, _ in pieces if p.number is None)
    last: Piece | None = None
    for piece, text, line in pieces:
        mark = f"({piece.number}-{piece.sub})" if piece.sub else f"({piece.number})"
        before, last = last, piece
        if before is not None and before.sub == 1 and not (piece.sub or 0) > 1:
            flag(line, _("第({n}-1)项没有第二部分").format(n=before.number), routes[-1])
        if piece.sub is not None and piece.sub > 1 and routes:
            head = routes[-1]
            follows = before is not None and (before.number, before.sub) == (
                piece.number,
                piece.sub - 1,
            )
            if not follows:
                missing = _("第{mark}项前面没有({n}-{s})")
                flag(line, missing.format(mark=mark, n=piece.number, s=piece.sub - 1), head)
            head.text = head.text[:-1] + "；" if head.text.endswith("。") else head.text
            if not head.text.endswith(("；", ";")):
                head.text += "；"
            head.text += text
            if not text.startswith("或"):
                flag(line, _("第{mark}项不以“或”开头，按另一种途径读").format(mark=mark), head)
            continue
        number = len(routes) + 1 if piece.number is None else piece.number
        route = RawRoute(0, text, line)
        if piece.number is None:
            route.number = len(routes) + 1
            if unnumbered > 1:
                flag(line, _("条目没有编号，按每行或每句一条读"), route)
        elif number > last_printed:
            route.number = max(number, (routes[-1].number + 1) if routes else 1)
            if number != last_printed + 1:
                missing = "、".join(str(n) for n in range(last_printed + 1, number))
                gap = _("第{n}项接在第{last}项之后，缺第{missing}项")
                flag(line, gap.format(n=number, last=last_printed, missing=missing), route)
        else:
            route.number = routes[-1].number + 1 if routes else 1
            again = _("编号{n}重复，按第{read}项读")
            flag(line, again.format(n=number, read=route.number), route)
        last_printed = max(last_printed, number)
        routes.append(route)
    for route in routes:
        route.text = f"{route.number}、{route.text}"
    return routes
