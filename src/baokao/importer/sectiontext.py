"""Text helpers of the standards reader: quoted item text, note blocks, names, codes.

Kept apart from :mod:`baokao.importer.standard` (which finds the structure) so that each
stays small; nothing here decides where a level or an item starts.
"""

from __future__ import annotations

import re

from baokao.importer.anchors import line_heading, read_ladder
from baokao.importer.normalize import to_ascii_digits
from baokao.importer.pieces import Piece

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_NAME_AFTER = re.compile(r"^(?:\d+(?:\.\d+)*)?职业名称[:]?(?P<v>.*)$")
CODE_AFTER = re.compile(r"^(?:\d+(?:\.\d+)*)?职业编码[:]?(?P<v>.*)$")
CODE = re.compile(r"^\d-\d{2}-\d{2}-\d{2}(?:-\d{2})?$")
_TITLE = re.compile(r"^《?(?P<v>[\u4e00-\u9fff·]{2,20}?)》?国家职业技能标准(?:\(\d{4}年版\))?$")
_ROW = re.compile(
    r"^\s*\d+\s*\|\s*(?P<name>[\u4e00-\u9fff()]{2,20})\s*\|\s*(?P<code>\d-\d{2}-\d{2}-\d{2})"
    r"\s*\|\s*(?P<levels>[\d、,\s]*)\|?"
)
_NOTE_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[（(]\s*\d{1,2}\s*[）)])\s*")
_SPACES = re.compile(r"\s+")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def trim(text: str) -> str:
    """Join wrapped lines: drop whitespace unless it separates two ASCII words."""

    def keep(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        return " " if _ASCII_WORD.match(before) and _ASCII_WORD.match(after) else ""

    return _SPACES.sub(keep, text).strip()


def _mark(m: re.Match[str]) -> str:
    doubled = m.group(2) == str(_CIRCLED.index(m.group(1)) + 1)
    return m.group(1) if doubled else m.group(0)


def _undouble(text: str) -> str:
    """A footnote mark printed twice, as itself and as its digit (①1), is one mark."""
    return re.sub(f"([{_CIRCLED}])(\\d)", _mark, text)


def route_text(quoted: str) -> str:
    """Quoted item text: wraps joined, ASCII digits, no footnote marks."""
    return _undouble(trim(to_ascii_digits(quoted))).translate({ord(c): None for c in _CIRCLED})


def split_notes(text: str) -> list[str]:
    """Split a note block into definitions: at ①②③, at numbered lines, at "。", or as one
    list (``相关职业`` then one name a line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    joined = _undouble("".join(lines))
    if any(c in joined for c in _CIRCLED):
        chunks = re.split(f"[{_CIRCLED}]", joined)
    elif re.fullmatch(r"相关(?:职业|专业)", lines[0]):
        names = [x for x in lines[1:] if not x.startswith(("注", "•"))]
        chunks = [lines[0] + "：" + "、".join(names), *(x for x in lines[1:] if x not in names)]
    elif any(_NOTE_ITEM.match(line) for line in lines):
        groups: list[list[str]] = []
        for line in lines:
            m = _NOTE_ITEM.match(line)
            if m is not None or not groups:
                groups.append([line[m.end() :] if m else line])
            else:
                groups[-1].append(line)
        chunks = ["".join(group) for group in groups]
    else:
        chunks = re.split(r"(?<=。)", joined)
    out = [re.sub(r"^[•\s]*(?:注|备注)\s*[:：]\s*", "", c.strip()) for c in chunks]
    return [c for c in out if c]


def find(lines: list[str], label: re.Pattern[str], valid: re.Pattern[str]) -> str | None:
    compact = [_SPACES.sub("", line) for line in lines]
    for i, line in enumerate(compact):
        m = label.match(line)
        if m is None:
            continue
        value = m.group("v") or next((c for c in compact[i + 1 : i + 3] if c), "")
        if valid.match(value):
            return value
    return None


def find_name(lines: list[str]) -> str | None:
    name = find(lines, _NAME_AFTER, re.compile(r"^[\u4e00-\u9fff·()]{2,30}$"))
    if name is not None:
        return name
    for line in lines:
        if m := _TITLE.match(_SPACES.sub("", line)):
            return m.group("v")
    return None


def occupations(text: str) -> list[tuple[str, str, set[int] | None]]:
    """Rows ``1 | 中式烹调师 | 4-03-02-01 | 5、4、3、2、1 |`` of a shared section."""
    rows = []
    for line in text.splitlines():
        if m := _ROW.match(line):
            digits = {int(d) for d in re.findall(r"[1-5]", m.group("levels"))}
            rows.append((m.group("name"), m.group("code"), digits or None))
    return rows if len(rows) >= 2 else []


def split_restarts(pieces: list[Piece]) -> list[list[Piece]]:
    """Items that restart at 1 after item 2 or later begin a level whose heading is lost."""
    groups: list[list[Piece]] = [[]]
    top = 0
    for piece in pieces:
        if piece.number == 1 and piece.sub in (None, 1) and top >= 2:
            groups.append([])
            top = 0
        groups[-1].append(piece)
        top = max(top, piece.number or 0)
    return groups


def whole(text: str) -> bool:
    """Whether an item's text ends as a sentence ends, with its brackets closed."""
    return bool(re.search(r"[。.;!)]\s*$", text)) and text.count("(") <= text.count(")")


def prerequisite(sentence: str) -> str | None:
    words = re.sub(r"^[\s\-(]*(?:\(?[一二三四五\d]+[).、]|\d+\.)?\s*", "", sentence)
    words = re.sub(r"\s*(?:,|并)+\s*$", "", words).strip()
    return words if re.search(r"持有|取得|具有|年满", words) else None


def blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


_FURNITURE = re.compile(
    r"^\s*(?:\d{1,3}|-+\s*\d{1,3}\s*-+|第\d+页(?:共\d+页)?|\|+|内容\s*\||首页标题.*"
    r"|[\u4e00-\u9fff·()]*国家职业技能标准(?:\(\d{4}年版\))?"
    r"|.*(?:咨询电话|在线咨询|联\s*系\s*人|搜索关键字).*)\s*$"
)
_DECLARATION = re.compile(r"^\s*(?:职业(?:技能)?等级|等级)\s*$")


def blank_furniture(text: str) -> str:
    """Blank page furniture, a corpus file's ``source:`` line and the level list of a
    职业等级 block (``四级/中级工`` alone on its lines), keeping every position."""
    pos, declaring = 0, False
    for number, line in enumerate(text.splitlines(keepends=True)):
        end = pos + len(line)
        bare = line_heading(line, read_ladder("", [])) is not None and bool(
            re.fullmatch(r"[五四三二一]级/?[\u4e00-\u9fff]{0,4}", line.strip())
        )
        provenance = number == 0 and line.startswith("source:")
        if provenance or _FURNITURE.match(line) or (declaring and bare):
            text = blank(text, pos, end)
        elif line.strip():
            declaring = bool(_DECLARATION.match(line))
        pos = end
    return text
