"""Picking a level: how long until its first question is drawn, and what compiling costs.

Part of ``benchmarks/startup.py`` (which calls :func:`report`), kept in its own file.

1. **Level picked → first question drawn**, for every bundled level, on a fresh
   install: each run is a new ``baokao`` process in a real pseudo-terminal with an
   empty user cache (``BAOKAO_CACHE`` set to a new folder), which picks every level
   once; the time runs from the level's key to the interview's progress line on the
   terminal. Target: p95 ≤ 50 ms for every level (the trees ship compiled, so no
   level waits on the solver). Beside it, the same run's time from Enter on an
   occupation to its level picker drawn (no compiling involved): the ratio.
2. **Compile time from scratch** of every bundled level (as the app compiles it, its
   questions shared with the subject's other levels), in this process. Target: none
   over 2 s.

Run alone with ``.venv/bin/python benchmarks/first_question.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

from baokao.compiler import compile_level
from baokao.rulebook import load_rulebook
from startup import Terminal, p95

READY = "输入职业名称".encode()
STARTED = "已回答 0 题".encode()
PICKER = "报考哪个等级".encode()


def _levels() -> list[tuple[str, str, int, str]]:
    """Every bundled level: (title, what to search for, level number, its label)."""
    out = []
    for subject in load_rulebook().subjects():
        query = subject.work_type or subject.occupation.name
        for level in subject.levels:
            out.append((subject.title, query, level.number, level.label))
    return out


def one_run(levels: list[tuple[str, str, int, str]]) -> tuple[dict[str, float], list[float]]:
    """A fresh process with an empty cache picks every level once.

    Returns:
        Seconds from the level key to the first question, per level; and the seconds
        from Enter on an occupation to its level picker, per pick.
    """
    cache = tempfile.mkdtemp(prefix="baokao-cache-")
    os.environ["BAOKAO_CACHE"] = cache
    term = Terminal([sys.executable, "-m", "baokao.cli"])
    times: dict[str, float] = {}
    pickers: list[float] = []
    try:
        term.wait_for(READY)
        term.drain(1.0)  # the rules load in the background after the first paint
        for title, query, number, label in levels:
            term.send(query.encode())
            term.drain(0.5)
            try:
                sent = term.send(b"\r")
                pickers.append(term.wait_for(PICKER, timeout=10) - sent)
                term.drain(0.2)
                sent = term.send(str(number).encode())
                times[f"{title} {label}"] = term.wait_for(STARTED, timeout=10) - sent
            except TimeoutError:  # a key lost on a loaded machine: this pick is not timed
                print(f"  ({title} {label}: not timed in this run)")
                term.send(b"\x1b")
                term.drain(0.5)
            term.drain(0.2)
            term.send(b"\x1b")  # back to the search, which is then cleared
            term.drain(0.5)
            term.send(b"\x15")
            term.drain(0.3)
    finally:
        term.close()
        del os.environ["BAOKAO_CACHE"]
        shutil.rmtree(cache, ignore_errors=True)
    return times, pickers


def compile_times() -> dict[str, float]:
    """Seconds to compile each bundled level from scratch, as the app compiles it."""
    out = {}
    for subject in load_rulebook().subjects():
        for level in subject.levels:
            start = time.perf_counter()
            compile_level(level, subject.occupation.notes, context=subject.levels)
            out[f"{subject.title} {level.label}"] = time.perf_counter() - start
    return out


def report(runs: int) -> None:
    """Measure and print both figures."""
    levels = _levels()
    per_level: dict[str, list[float]] = {}
    pickers: list[float] = []
    for _ in range(runs):
        times, picked = one_run(levels)
        pickers += picked
        for name, seconds in times.items():
            per_level.setdefault(name, []).append(seconds)
    base = statistics.median(pickers)
    print(
        f"level picked -> first question drawn, fresh install, empty user cache, "
        f"{runs} runs per level:"
    )
    print(f"  baseline (Enter -> level picker drawn): median {base * 1000:6.1f} ms")
    worst = 0.0
    for name, values in per_level.items():
        high = p95(values)
        worst = max(worst, high)
        print(
            f"  {name:<32} median {statistics.median(values) * 1000:6.1f} ms  "
            f"p95 {high * 1000:6.1f} ms  ({high / base:4.1f}x baseline)"
        )
    print(f"  worst p95 {worst * 1000:.1f} ms over {len(per_level)} levels (target <= 50 ms)")
    compiled = compile_times()
    slowest = max(compiled, key=compiled.__getitem__)
    print(f"compile time from scratch, {len(compiled)} levels (as the app compiles them):")
    for name, seconds in compiled.items():
        print(f"  {name:<32} {seconds * 1000:8.1f} ms")
    print(
        f"  slowest {slowest} {compiled[slowest]:.2f} s, total {sum(compiled.values()):.2f} s "
        f"(target: none over 2 s; {sum(s > 2 for s in compiled.values())} over)"
    )


def main() -> None:
    """Run the two measurements alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes")
    report(parser.parse_args().runs)


if __name__ == "__main__":
    main()
