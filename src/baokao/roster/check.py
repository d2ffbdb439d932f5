"""Checking a roster: every good row judged, every bad row one line, as a stream.

Unlike a JSON batch (all or nothing), a class sheet is partly right more often than not:
each good row gets its verdicts and each bad row one line naming the spreadsheet's row
number, the column header and what is wrong; the exit status is still the contract's
(2 when any row was bad). Rows are read, validated and judged one at a time, so memory
does not grow with the roster; ``judge=False`` reads and validates only (the benchmark's
floor).
"""

from __future__ import annotations

import gc
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from baokao.checking import Checked, FieldError, validate_case
from baokao.evaluator import RouteResult, Verdict, evaluate
from baokao.inputs import ZIP_MAGIC, CaseError, Source
from baokao.model.profile import Profile
from baokao.model.rules import Level
from baokao.roster.columns import CASE_HEADERS
from baokao.roster.decode import csv_rows
from baokao.roster.rows import Header, RowCase, RowError, read_header_row, row_case
from baokao.roster.xlsx import XlsxRows
from baokao.rulebook import Rulebook

#: Rows above the header a sheet may have (a title, a date line) before it is refused.
HEADER_SEARCH_ROWS = 5


@dataclass(frozen=True)
class RowResult:
    """One row of a roster: its verdicts, or the one line saying what is wrong."""

    row: int
    cells: tuple[str, ...]
    results: tuple[tuple[Checked, Verdict], ...] = ()
    error: str | None = None
    identity: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        """How reports name the candidate: the id or name, else the row."""
        for checked, _ in self.results:
            if checked.case.id is not None:
                return str(checked.case.id)
        return dict(self.identity).get("name", f"第 {self.row} 行")


@dataclass
class Roster:
    """An opened roster: its header row and the rows after it."""

    name: str
    header: Header
    rows: Iterator[tuple[int, list[str]]]
    progress: Callable[[], float | None]


def open_roster(source: Source) -> Roster:
    """Open a CSV or XLSX roster and read its header row.

    Raises:
        CaseError: when it cannot be read or has no usable header row.
    """
    rows: Iterator[tuple[int, list[str]]]
    if source.suffix in (".xlsx", ".xlsm") or source.head.startswith(ZIP_MAGIC):
        sheet = XlsxRows(source)
        done = [0]

        def counted() -> Iterator[tuple[int, list[str]]]:
            for item in sheet:
                done[0] = item[0]
                yield item

        rows = counted()

        def progress() -> float | None:
            return done[0] / sheet.total if sheet.total else None

    else:
        binary = source.binary()
        rows = csv_rows(source, binary)

        def progress() -> float | None:
            return binary.consumed / source.size if source.size else None

    looked = 0
    for row_no, cells in rows:  # the header: the first row naming an occupation column
        if not any(cell.strip() for cell in cells):
            continue
        header = read_header_row(cells, source.name, row_no)
        if header is not None:
            return Roster(source.name, header, rows, progress)
        looked += 1
        if looked == HEADER_SEARCH_ROWS:
            break
    names = "、".join(CASE_HEADERS["occupation"][:3])
    raise CaseError(
        f"{source.name}: no header row with an occupation column ({names}) "
        f"in its first {HEADER_SEARCH_ROWS} rows"
    )


class Judgements:
    """The evaluator's verdicts, remembered for profiles seen before in this roster.

    A class sheet repeats itself (one occupation and level, the same school, whole years),
    so the same level and profile come back again and again. The verdict is the
    evaluator's own (:func:`baokao.evaluator.evaluate`, nothing judged here); this only
    remembers the last :data:`SIZE` of them, so memory stays flat however long the roster.

    A profile is known by the cells it was read from (:attr:`RowCase.facts`): under the
    roster's one header, equal cells make an equal profile, and comparing a few strings
    costs far less than comparing two profiles. A verdict is kept as a roster reports it
    (:func:`_kept`), and once for all the profiles judged alike: many candidates of a
    class get the same outcome on every route, so what is remembered per profile is
    little more than its cells.
    """

    SIZE = 16384

    def __init__(self) -> None:
        self._seen: OrderedDict[tuple[int | str, ...], Verdict] = OrderedDict()
        self._alike: dict[tuple[object, ...], Verdict] = {}

    def verdict(self, level: Level, profile: Profile, facts: Sequence[str]) -> Verdict:
        """``evaluate(level, profile)``, or the verdict given before for ``level`` and a
        profile read from the same ``facts``."""
        # Levels live as long as the rule book the roster uses, so their id is theirs.
        key: tuple[int | str, ...] = (id(level), *facts)
        found = self._seen.get(key)
        if found is not None:
            self._seen.move_to_end(key)
            return found
        found = self._same(evaluate(level, profile))
        # The texts are kept once for all the rows that repeat them, not once per row.
        self._seen[(id(level), *map(sys.intern, facts))] = found
        if len(self._seen) > self.SIZE:
            self._seen.popitem(last=False)
        return found

    def _same(self, verdict: Verdict) -> Verdict:
        """The kept verdict equal to ``verdict`` (same level, status, outcome of every
        route and closest route) if one is remembered, else ``verdict`` kept."""
        closest = verdict.closest
        alike = (
            id(verdict.level),
            verdict.status,
            None if closest is None else id(closest.route),
            *(r.outcome for r in verdict.routes),
        )
        found = self._alike.get(alike)
        if found is None:
            if len(self._alike) >= self.SIZE:
                self._alike.clear()  # those kept stay with their profiles until evicted
            found = self._alike[alike] = _kept(verdict)
        return found


def _kept(verdict: Verdict) -> Verdict:
    """The verdict as a roster reports it: each route's outcome, without the outcome of
    every condition inside it (only the interview's side panel shows those), so that a
    remembered verdict takes about a third of the memory."""
    routes = tuple(RouteResult(r.route, r.outcome) for r in verdict.routes)
    closest = verdict.closest
    kept = next((r for r in routes if closest is not None and r.route is closest.route), None)
    return Verdict(verdict.level, verdict.status, routes, kept)


def settle_loaded() -> None:
    """Move what is loaded so far (the rule book, the modules) out of the collector's way.

    A long roster allocates many short-lived objects; without this every full garbage
    collection walks the whole rule book again. Called once per process by the ``check``
    command (and the benchmark, for both of its runs) before the rows are read.
    """
    gc.collect()
    gc.freeze()


def _line(name: str, row_no: int, header: str | None, message: str) -> str:
    column = f", column {header}" if header else ""
    return f"{name} row {row_no}{column}: {message}"


def check_rows(roster: Roster, book: Rulebook, judge: bool = True) -> Iterator[RowResult]:
    """Read, validate and (with ``judge``) judge each row of a roster, one at a time.

    Raises:
        CaseError: when the file itself stops being readable (the rows before it have
            been yielded).
    """
    verdict = Judgements().verdict
    for row_no, cells in roster.rows:
        if not any(cell.strip() for cell in cells):
            continue
        case: RowCase | None = None
        try:
            case = row_case(roster.header, cells)
            checked = validate_case(case.raw, book)
        except RowError as exc:
            line = _line(roster.name, row_no, exc.header, exc.message)
            yield RowResult(row_no, tuple(cells), error=line)
            continue
        except FieldError as exc:
            header = case.header_for(exc.field) if case else None
            line = _line(roster.name, row_no, header, str(exc))
            yield RowResult(row_no, tuple(cells), error=line)
            continue
        profile, facts = checked.case.profile, case.facts
        results = (
            tuple([(checked, verdict(level, profile, facts)) for level in checked.levels])
            if judge
            else ()
        )
        yield RowResult(row_no, tuple(cells), results, identity=tuple(case.identity.items()))
