"""Picking a level: how long until its first question is on the screen, and what compiling costs.

Part of ``benchmarks/startup.py`` (which calls :func:`report`), kept in its own file.

1. **Level key → first question drawn**, for every bundled level, on a fresh install:
   each run is a new ``baokao`` process in a real pseudo-terminal with an empty user
   cache (``BAOKAO_CACHE`` set to a new folder), which picks every level once, as a
   person would: the occupation searched for, Enter, the level picker read for 0.2 s,
   then the level's digit. The time runs from the digit to the moment the terminal
   shows the start of the first question's own text (not a heading). Target: p95 <=
   50 ms for every level.
2. **The same with the 1,600-occupation catalogue** (``benchmarks/catalogue.py``,
   written and compiled ahead as ``baokao import`` writes a folder): each pick is
   another occupation, whose rule file is read when it is picked.
3. **The floor**, measured in the same runs: a bare Textual app in the same kind of
   pty, where a key pushes a screen holding one ``Static``; key → its text drawn.
   Nothing that draws a new screen can be quicker on this machine at this load.
4. **Compile time from scratch** of every bundled level (as the app compiles it, its
   questions shared with the subject's other levels), in this process. Target: none
   over 2 s.

Run alone with ``.venv/bin/python benchmarks/first_question.py [--runs N] [--only ...]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from baokao.compiler import compile_level
from baokao.rulebook import Rulebook, load_rulebook, open_rulebook
from startup import BAOKAO, Terminal, expected_count, p95

READY = "输入职业名称".encode()
PICKER = "报考哪个等级".encode()
#: How much of the first question's text must be on the screen (it is drawn in one
#: piece on its first line, in the same frame as the rest of the question).
NEEDLE_CHARS = 6
#: How long the person reads the level picker before pressing the level's key.
READING = 0.2


class Pick(NamedTuple):
    """One level to pick: what to type to find it, its key, and what then shows."""

    name: str  # 美容师 四级/中级
    title: str  # 美容师, or 保健按摩师 · 脊柱按摩师
    query: str  # typed into the search box
    key: str  # the level's digit
    needle: bytes  # the start of the first question's text


@contextmanager
def _empty_cache() -> Iterator[str]:
    """``BAOKAO_CACHE`` set to a new, empty folder (for this process and its children)."""
    cache = tempfile.mkdtemp(prefix="baokao-cache-")
    before = os.environ.get("BAOKAO_CACHE")
    os.environ["BAOKAO_CACHE"] = cache
    try:
        yield cache
    finally:
        if before is None:
            del os.environ["BAOKAO_CACHE"]
        else:
            os.environ["BAOKAO_CACHE"] = before
        shutil.rmtree(cache, ignore_errors=True)


def _picks(book: Rulebook, wanted: list[tuple[str, str | None, int]]) -> list[Pick]:
    """The picks of ``(occupation, 工种, level)``, with their first questions worked out
    by the session itself (the trees read from the folder's ``compiled/``)."""
    from baokao.i18n import translate
    from baokao.session import prepare, use_folder

    use_folder(book.folder)
    out = []
    with _empty_cache():
        for occupation, work_type, number in wanted:
            subject = book.find(occupation, work_type)
            question = prepare(subject, number).question
            if question is None:  # settled without a question: nothing to time
                continue
            text = translate(question.text)[:NEEDLE_CHARS]
            name = f"{subject.title} {subject.level(number).label}"
            query = work_type or occupation
            out.append(Pick(name, subject.title, query, str(number), text.encode()))
    return out


def bundled_picks() -> list[Pick]:
    """Every bundled level."""
    book = load_rulebook()
    wanted = [
        (s.occupation.name, s.work_type, lv.number) for s in book.subjects() for lv in s.levels
    ]
    return _picks(book, wanted)


def catalogue_picks(folder: Path, count: int) -> list[Pick]:
    """``count`` generated occupations of the catalogue, spread over it, one level each."""
    from catalogue import names

    chosen = names(1600)[:: max(1, 1600 // count)][:count]
    book = open_rulebook(folder)
    return _picks(book, [(name, None, 5 - i % 5) for i, name in enumerate(chosen)])


def one_run(picks: list[Pick], trees: Path | None) -> tuple[dict[str, float], list[float]]:
    """A fresh process with an empty user cache makes every pick once.

    Returns:
        Seconds from the level key to its first question, per pick; and the seconds
        from Enter on an occupation to its level picker, per pick.
    """
    times: dict[str, float] = {}
    pickers: list[float] = []
    with _empty_cache():
        term = Terminal(BAOKAO, trees)
        try:
            term.wait_for(READY)
            term.drain(1.0)  # the rules load in the background after the first paint
            for pick in picks:
                term.send(pick.query.encode())
                try:  # Enter once the results of the query are there
                    term.wait_for(expected_count(trees, pick.query), timeout=10)
                    term.drain(0.1)
                    sent = term.send(b"\r")
                    picker = f"{pick.title}：".encode() + PICKER
                    pickers.append(term.wait_for(picker, timeout=10) - sent)
                    term.drain(READING)
                    sent = term.send(pick.key.encode())
                    times[pick.name] = term.wait_for(pick.needle, timeout=10) - sent
                except TimeoutError:  # a key lost on a loaded machine: this pick is not timed
                    print(f"  ({pick.name}: not timed in this run)")
                    term.send(b"\x1b")
                    term.drain(0.5)
                term.drain(0.2)
                term.send(b"\x1b")  # back to the search, which is then cleared
                term.drain(0.5)
                term.send(b"\x15")
                term.drain(0.3)
        finally:
            term.close()
    return times, pickers


FLOOR_APP = """
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

class Shown(Screen):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def compose(self):
        yield Static(f"FLOOR-SHOWN-{self.n}-END")

    def key_escape(self):
        self.app.pop_screen()

class Bare(App):
    pushed = 0

    def compose(self):
        yield Static("BARE-APP-READY")

    def key_x(self):
        self.pushed += 1
        self.push_screen(Shown(self.pushed))

Bare().run()
"""


def floor_run(pushes: int) -> list[float]:
    """Key -> a new screen with one ``Static`` drawn, in a bare Textual app."""
    term = Terminal([sys.executable, "-c", FLOOR_APP])
    times = []
    try:
        term.wait_for(b"BARE-APP-READY")
        term.drain(0.5)
        for n in range(1, pushes + 1):
            sent = term.send(b"x")
            times.append(term.wait_for(f"FLOOR-SHOWN-{n}-END".encode()) - sent)
            term.drain(0.1)
            term.send(b"\x1b")
            term.drain(0.3)
    finally:
        term.close()
    return times


def compile_times() -> dict[str, float]:
    """Seconds to compile each bundled level from scratch, as the app compiles it."""
    out = {}
    for subject in load_rulebook().subjects():
        for level in subject.levels:
            start = time.perf_counter()
            compile_level(level, subject.occupation.notes, context=subject.levels)
            out[f"{subject.title} {level.label}"] = time.perf_counter() - start
    return out


def _line(label: str, values: list[float], floor: list[float]) -> str:
    med, high = statistics.median(values), p95(values)
    return (
        f"  {label:<34} median {med * 1000:6.1f} ms  p95 {high * 1000:6.1f} ms  "
        f"({med / statistics.median(floor):4.1f}x / {high / p95(floor):4.1f}x floor)"
    )


def report(runs: int, catalogue: Path | None = None, only: tuple[str, ...] = ("levels",)) -> None:
    """Measure and print: the bundled levels, the catalogue, the compile times."""
    bundled = bundled_picks() if "levels" in only else []
    picked = catalogue_picks(catalogue, 10 * runs) if catalogue and "catalogue" in only else []
    per_level: dict[str, list[float]] = {}
    per_pick: list[float] = []
    pickers: list[float] = []
    floor: list[float] = []
    load = []
    for run in range(runs):
        load.append(os.getloadavg()[0])
        floor += floor_run(20)
        if bundled:
            times, enter = one_run(bundled, None)
            pickers += enter
            for name, seconds in times.items():
                per_level.setdefault(name, []).append(seconds)
        if picked:
            times, _ = one_run(picked[run::runs], catalogue)
            per_pick += times.values()
    print(
        f"level key -> first question's text drawn, fresh process and empty user cache, "
        f"{runs} runs (load average {min(load):.1f}-{max(load):.1f}):"
    )
    print(
        f"  {'floor: bare app, key -> new screen':<34} median "
        f"{statistics.median(floor) * 1000:6.1f} ms  p95 {p95(floor) * 1000:6.1f} ms  "
        f"({len(floor)} keys)"
    )
    if per_level:
        print(_line("Enter -> level picker drawn", pickers, floor))
        worst = max(per_level, key=lambda name: p95(per_level[name]))
        for name, values in per_level.items():
            print(_line(name, values, floor))
        high = p95(per_level[worst])
        print(
            f"  worst p95 {high * 1000:.1f} ms ({worst}) over {len(per_level)} bundled levels, "
            f"{high / p95(floor):.1f}x the floor's p95 (target <= 50 ms)"
        )
    if per_pick:
        label = f"catalogue, {len(per_pick)} occupations"
        print(_line(label, per_pick, floor) + "  (target p95 <= 50 ms)")
    if "compile" in only:
        compiled = compile_times()
        slowest = max(compiled, key=compiled.__getitem__)
        print(f"compile time from scratch, {len(compiled)} levels (as the app compiles them):")
        for name, seconds in compiled.items():
            print(f"  {name:<32} {seconds * 1000:8.1f} ms")
        over = sum(s > 2 for s in compiled.values())
        print(
            f"  slowest {slowest} {compiled[slowest]:.2f} s, total {sum(compiled.values()):.2f} s "
            f"(target: none over 2 s; {over} over)"
        )


PARTS = ("levels", "catalogue", "compile")


def main() -> None:
    """Run the measurements alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes")
    parser.add_argument("--only", nargs="*", choices=PARTS, default=PARTS)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from catalogue import catalogue

    folder = catalogue() if "catalogue" in args.only else None
    report(args.runs, folder, tuple(args.only))


if __name__ == "__main__":
    main()
