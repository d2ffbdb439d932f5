"""``baokao check ROSTER``: print each row's verdicts as they come, errors on stderr.

The report is streamed: a verdict is printed as soon as its row is judged (text, or the
contract's JSON list written piece by piece), each bad row's line goes to stderr when it
is met, and ``--out`` writes the results file alongside. On a terminal a progress bar
on stderr covers a long roster; when stderr is not a terminal nothing is drawn.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import TextIO

from baokao.checking import result_json
from baokao.i18n import _, listing
from baokao.inputs import CaseError, Source
from baokao.report import verdict_lines
from baokao.roster.check import Roster, check_rows, open_roster, settle_loaded
from baokao.roster.output import open_results
from baokao.rulebook import Rulebook


class Progress:
    """A one-line progress bar on stderr, drawn only on a terminal, at most 10 times a second."""

    WIDTH = 30

    def __init__(self, roster: Roster, stream: TextIO) -> None:
        self._roster = roster
        self._stream = stream
        self._on = stream.isatty()
        self._shown = False
        self._last = 0.0

    def tick(self, rows: int) -> None:
        """Redraw after ``rows`` rows, if a tenth of a second has passed."""
        now = time.monotonic()
        if not self._on or now - self._last < 0.1:
            return
        self._last = now
        fraction = self._roster.progress()
        if fraction is None:
            text = _("核对中… {rows} 行").format(rows=f"{rows:,}")
        else:
            filled = round(min(fraction, 1.0) * self.WIDTH)
            bar = "█" * filled + "░" * (self.WIDTH - filled)
            text = _("核对中 {bar} {percent}  {rows} 行").format(
                bar=bar, percent=f"{min(fraction, 1.0):4.0%}", rows=f"{rows:,}"
            )
        self._stream.write("\r\x1b[K" + text)
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Remove the bar (before a message, and at the end)."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False


def run_roster(source: Source, book: Rulebook, as_json: bool, out: Path | None) -> int:
    """Check a roster and report it; returns the exit status (2 when any row was bad)."""
    roster = open_roster(source)
    settle_loaded()
    if roster.header.ignored:
        names = listing(roster.header.ignored)
        note = _("{name}：以下各列不参与核对：{names}").format(name=roster.name, names=names)
        print(f"baokao: {note}", file=sys.stderr)
    results = open_results(out, roster.header.cells, dt.date.today()) if out else None
    progress = Progress(roster, sys.stderr)
    rows = bad = verdicts = 0
    first = True
    try:
        if as_json:
            sys.stdout.write("[")
        for result in check_rows(roster, book):
            rows += 1
            if results is not None:
                results.add(result)
            if result.error is not None:
                bad += 1
                progress.clear()
                print(f"baokao: {result.error}", file=sys.stderr)
            for checked, verdict in result.results:
                verdicts += 1
                if as_json:
                    text = json.dumps(result_json(checked, verdict), ensure_ascii=False, indent=2)
                    sys.stdout.write(("\n" if first else ",\n") + _indent(text))
                    first = False
                elif out is None:
                    print("\n".join(verdict_lines(checked.subject, verdict, result.label)))
                    print()
            progress.tick(rows)
    except CaseError as exc:  # the file stopped being readable: report what was read
        bad += 1
        progress.clear()
        print(f"baokao: {exc}", file=sys.stderr)
    finally:
        progress.clear()
        if results is not None:
            results.close()
        source.close()
    if as_json:
        sys.stdout.write("\n]\n" if not first else "]\n")
    else:
        line = _("{name}：共 {rows} 行，已核对 {checked} 行，{bad} 行有误").format(
            name=roster.name, rows=rows, checked=rows - bad, bad=bad
        )
        print(line + (_("，结果见 {out}").format(out=out) if out else ""))
    return 2 if bad else 0


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
