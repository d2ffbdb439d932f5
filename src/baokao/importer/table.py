"""Reader for the enrolment-table layout (text extracted from the official PDF).

The PDF's merged cells come out as blanks, and its page breaks repeat the header and cut
cells in two. The reader works row by row with three rules, each one a property of the
printed table rather than of any one occupation:

* A level label lower than (or equal to) one already seen starts a new subject: levels
  of one subject run 五级 → 一级 down the page.
* A merged name cell is printed once, in the middle of its rows, so a subject that starts
  without a name takes the first name printed within it. When that name sits on a later
  page the placement is recorded for review (overrides file).
* A piece of numbered conditions without a label, starting at 1, waits for the label
  of the piece that continues its numbering (the label printed on one piece only).

Names cut by a page break (保/育员, 企 业 人 力/资源管理师) are joined when the first part
does not end as an occupation name does (师, 员, 工).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baokao.importer.normalize import strip_tags
from baokao.importer.raw import RawLevel, RawSubject, split_routes
from baokao.model.levels import level_number

_TITLE = "职业技能等级证书报考条件"
_CODE = re.compile(r"^\d-\d{2}-\d{2}-\d{2}$")
_LABEL = re.compile(r"^[五四三二一]级/(?:初级|中级|高级技师|高级|技师)$")
_NAME_ENDINGS = ("师", "员", "工")


class LayoutError(ValueError):
    """The table cannot be read; the message names the line."""


@dataclass
class _Row:
    line: int
    page: int
    code: str | None
    names: list[str | None]
    label: str | None
    text: str
    notes: list[str]


def _row(cells: list[str], line: int, page: int) -> _Row:
    code = label = None
    text_at = None
    for i, raw in enumerate(cells):
        cell = raw.strip()
        if _CODE.match(cell):
            code = cell
        elif _LABEL.match(cell.replace(" ", "")):
            label = cell.replace(" ", "")
        elif text_at is None and len(strip_tags(cell)) >= 8:
            text_at = i
    names: list[str | None] = [None, None]
    for i in (1, 2):
        if i < len(cells) and (text_at is None or i < text_at):
            cell = cells[i].strip().replace(" ", "")
            if cell and not _CODE.match(cell) and not _LABEL.match(cell):
                names[i - 1] = cell
    text = strip_tags(cells[text_at]) if text_at is not None else ""
    notes = [strip_tags(c) for c in cells[text_at + 1 :]] if text_at is not None else []
    return _Row(line, page, code, names, label, text, [n for n in notes if n])


def _rows(source: str) -> list[_Row]:
    rows: list[_Row] = []
    page = 0
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            continue
        if line.strip() == _TITLE:
            page += 1
            continue
        cells = line.split("\t")
        if cells[0].strip() == "职业编码":
            continue
        rows.append(_row(cells, number, page))
    return rows


class _Reader:
    """Places rows into subjects and levels; see the module docstring for the rules."""

    def __init__(self) -> None:
        self.subjects: list[RawSubject] = []
        self.pending: RawLevel | None = None

    @property
    def cur(self) -> RawSubject:
        return self.subjects[-1]

    def _new(self, line: int, page: int) -> RawSubject:
        self.subjects.append(RawSubject(line=line, page=page))
        return self.cur

    def _other_name(self, row: _Row) -> bool:
        occupation, work_type = row.names
        if not self.subjects or occupation is None:
            return False
        cur = self.cur
        complete = cur.name is not None and cur.name.endswith(_NAME_ENDINGS)
        return complete and (occupation, work_type) != (cur.name, cur.work_type)

    def _resets(self, row: _Row, label: str) -> bool:
        if not self.subjects or self._other_name(row):
            return True
        seen = [level_number(lv.label) for lv in self.cur.levels if lv.label]
        number = level_number(label)
        return number is not None and any(n is not None and number >= n for n in seen)

    def _name(self, row: _Row) -> None:
        occupation, work_type = row.names
        cur = self.cur
        if occupation is not None:
            if cur.name is None:
                cur.name, cur.work_type = occupation, work_type
                if row.page != cur.page:
                    cur.placed_by = f"line {row.line}"
            elif not cur.name.endswith(_NAME_ENDINGS):
                cur.name += occupation
                cur.work_type = cur.work_type or work_type
        if row.code:
            cur.code = row.code

    def add(self, row: _Row) -> None:
        routes = split_routes(row.text)
        if row.label:
            pending = self.pending
            continues = (
                pending is not None and bool(routes) and routes[0].number == pending.last + 1
            )
            if self._resets(row, row.label):
                if pending is not None and continues:
                    self.cur.levels.remove(pending)
                    self._new(pending.line, pending.page).levels.append(pending)
                else:
                    self._new(row.line, row.page)
            self._name(row)
            if pending is not None and continues:
                pending.label = row.label
                pending.routes.extend(routes)
            else:
                self.fail_pending()
                self.cur.levels.append(RawLevel(row.label, routes, row.line, row.page))
            self.pending = None
            return
        if not self.subjects or self._other_name(row):
            self._new(row.line, row.page)
        self._name(row)
        if not routes:
            if row.notes:
                return
            raise LayoutError(f"line {row.line}: a row with neither a level nor conditions")
        if routes[0].number == 1:
            self.fail_pending()
            self.pending = RawLevel(None, routes, row.line, row.page)
            self.cur.levels.append(self.pending)
            return
        last = self.cur.levels[-1] if self.cur.levels else None
        if last is None or routes[0].number != last.last + 1:
            raise LayoutError(
                f"line {row.line}: conditions numbered from {routes[0].number} "
                "do not continue any level"
            )
        last.routes.extend(routes)

    def fail_pending(self) -> None:
        if self.pending is not None:
            raise LayoutError(
                f"line {self.pending.line}: conditions with no level label, "
                "and no later piece continues their numbering"
            )


def read_table(source: str) -> list[RawSubject]:
    """Read the enrolment table into raw subjects, in source order.

    Raises:
        LayoutError: when a row cannot be placed; the message names the line.
    """
    reader = _Reader()
    notes_owner: list[tuple[RawSubject, list[str]]] = []
    for row in _rows(source):
        reader.add(row)
        if row.notes:
            notes_owner.append((reader.cur, row.notes))
    for subject, notes in notes_owner:
        subject.notes.extend(notes)
    reader.fail_pending()
    for subject in reader.subjects:
        if subject.name is None:
            raise LayoutError(f"line {subject.line}: rows that no occupation name covers")
    return reader.subjects
