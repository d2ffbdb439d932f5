"""The results of a class: ``--out FILE.csv`` or ``--out FILE.xlsx``.

Each input row comes back with its verdict beside it, one row per level checked: the
verdict, the qualifying routes, the closest route and what it lacks, the date the
candidate would qualify by working on (when only years are missing), and the 需人工核实
marks. A bad row comes back too, with its message, so nothing the clerk sent is lost.
The XLSX adds a summary sheet (counts per occupation, level and verdict) and a sheet of
the bad rows. Rows are written as they come (openpyxl's write-only mode), so memory
does not grow with the roster.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook

from baokao.checking import Checked
from baokao.evaluator import Truth, Verdict
from baokao.evaluator.when import qualify_date
from baokao.i18n import N_, _, listing
from baokao.report import STATUS_ZH, fact_zh
from baokao.roster.check import RowResult

#: Columns added after the input's own.
RESULT_HEADERS = (
    N_("核对等级"),
    N_("结论"),
    N_("符合的途径"),
    N_("最接近的途径"),
    N_("差距"),
    N_("预计可报考日期"),
    N_("需人工核实"),
    N_("输入错误"),
)
BAD_ROW = N_("输入有误")


def qualify_cell(checked: Checked, verdict: Verdict, today: dt.date) -> str:
    """When the candidate qualifies: today, the evaluator's date of qualifying by working
    on (when the closest route lacks only years), or empty when working on is not enough."""
    if verdict.status == "qualified":
        return today.isoformat()
    when = qualify_date(verdict, checked.case.profile, today)
    return "" if when is None else when.isoformat()


def result_cells(checked: Checked, verdict: Verdict, today: dt.date) -> list[str]:
    """The result columns of one level checked."""
    routes = [r for r in verdict.routes if r.truth is Truth.MET]
    if verdict.closest is not None:
        routes = [verdict.closest]
    reviews = "；".join(
        _("第 {number} 条：{review}").format(number=r.number, review=r.route.review)
        for r in routes
        if r.route.review
    )
    gaps = list(verdict.unmet)
    if verdict.status == "undetermined":
        gaps = [_("还需了解：") + listing(fact_zh(f) for f in verdict.unknown)]
    return [
        f"{checked.subject.title} {verdict.level.label}",
        _(STATUS_ZH[verdict.status]),
        listing(verdict.qualifying),
        str(verdict.closest.number) if verdict.closest else "",
        "；".join(gaps),
        qualify_cell(checked, verdict, today),
        reviews,
        "",
    ]


class ResultsFile(Protocol):
    """Somewhere the results of a roster go, row by row."""

    def add(self, result: RowResult) -> None:
        """Write one input row with its results (or its error)."""

    def close(self) -> None:
        """Finish the file."""


class _Rows:
    """What both formats share: the header, the rows, the counts for the summary."""

    def __init__(self, header: tuple[str, ...], today: dt.date) -> None:
        self.header = [*header, *(_(h) for h in RESULT_HEADERS)]
        self.width = len(header)
        self.today = today
        self.counts: Counter[tuple[str, str, str]] = Counter()
        self.bad: list[tuple[int, str, tuple[str, ...]]] = []
        self.read = 0

    def lines(self, result: RowResult) -> list[list[str]]:
        self.read += 1
        cells = [*result.cells[: self.width], *[""] * (self.width - len(result.cells))]
        if result.error is not None:
            self.bad.append((result.row, result.error, result.cells))
            return [[*cells, "", _(BAD_ROW), "", "", "", "", "", result.error]]
        out = []
        for checked, verdict in result.results:
            self.counts[(checked.subject.title, verdict.level.label, verdict.status)] += 1
            out.append([*cells, *result_cells(checked, verdict, self.today)])
        return out


class CsvResults(_Rows):
    """Results as CSV: UTF-8 with a BOM and CRLF, as Excel reads it."""

    def __init__(self, path: Path, header: tuple[str, ...], today: dt.date) -> None:
        super().__init__(header, today)
        self._file = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._file)
        self._writer.writerow(self.header)

    def add(self, result: RowResult) -> None:
        """Write one input row with its results."""
        self._writer.writerows(self.lines(result))

    def close(self) -> None:
        """Close the file."""
        self._file.close()


class XlsxResults(_Rows):
    """Results as XLSX: 结果 (every row), 汇总 (counts) and 有误的行 (bad rows)."""

    def __init__(self, path: Path, header: tuple[str, ...], today: dt.date) -> None:
        super().__init__(header, today)
        self._path = path
        self._book = Workbook(write_only=True)
        self._results = self._book.create_sheet(_("结果"))
        self._results.append(self.header)

    def add(self, result: RowResult) -> None:
        """Write one input row with its results."""
        for line in self.lines(result):
            self._results.append(line)

    def close(self) -> None:
        """Write the summary and the bad rows, and save."""
        summary = self._book.create_sheet(_("汇总"))
        checked = self.read - len(self.bad)
        summary.append([_("读取的行"), self.read])
        summary.append([_("已核对"), checked])
        summary.append([_(BAD_ROW), len(self.bad)])
        summary.append([])
        summary.append([_("职业/工种"), _("等级"), _("结论"), _("人数")])
        for (title, level, status), count in sorted(self.counts.items()):
            summary.append([title, level, _(STATUS_ZH[status]), count])
        errors = self._book.create_sheet(_("有误的行"))
        errors.append([_("行号"), _("错误"), *self.header[: self.width]])
        for row, message, cells in self.bad:
            errors.append([row, message, *cells[: self.width]])
        self._book.save(self._path)


def open_results(path: Path, header: tuple[str, ...], today: dt.date) -> ResultsFile:
    """A results file for ``path`` by its suffix (``.xlsx`` or ``.csv``).

    Raises:
        ValueError: for another suffix.
    """
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return XlsxResults(path, header, today)
    if suffix == ".csv":
        return CsvResults(path, header, today)
    raise ValueError(f"{path}: --out takes a .xlsx or .csv file")


def read_results(path: Path) -> list[dict[str, Any]]:
    """Read a results file back (tests and scripts): one dict per line of the results."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    head = [str(h) for h in rows[0]]
    return [
        {h: ("" if v is None else str(v)) for h, v in zip(head, row, strict=False)}
        for row in rows[1:]
    ]
