"""The work done between a level's key and its first question on the screen, counted.

Wall-clock figures (``benchmarks/first_question.py``) move with the machine's load;
the work the app does for one pick does not. This script makes one pick, as
``first_question.py`` does (fresh process, empty user cache, the occupation searched
for, Enter, the level picker read, the level's digit), in a real pseudo-terminal,
and counts only what happens from the digit to the first question's text on the
screen:

- by default: the app runs under ``valgrind --tool=callgrind`` with instrumentation
  off (quick); it is switched on just before the digit and off once the question is
  drawn (``callgrind_control``). Prints the instructions executed in between, in all
  threads (the interviews still being prepared, Textual's input and output threads,
  and whatever timers fire while the program runs 50 times slower): it does not move
  with the load, but varies by 10-15 % from run to run; compare medians of 3 runs.
- ``--cpu``: every bundled level picked, as ``first_question.py`` picks them, and the
  CPU time of the event loop's thread (``time.thread_time``) from 50 ms before each
  level's key to the first frame of its question; the first pick of a process apart.
- ``--profile``: the app runs under ``cProfile``, switched on and off by signals at
  the same moments, and the functions taking most time are printed, to see where
  the work goes. The time is the event loop's thread's own CPU time: a machine
  shared with other work would otherwise charge the waits for a CPU to whatever
  function was running.

Run with ``.venv/bin/python benchmarks/pick_work.py [--cpu | --profile] [--level 美容师/四级]``.
"""

from __future__ import annotations

import argparse
import os
import pstats
import re
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from first_question import PICKER, READING, READY, Pick, _empty_cache, bundled_picks
from startup import BAOKAO, Terminal, expected_count

#: The app under cProfile, its profiler switched on by SIGUSR1 and off (and its
#: figures written to the file named by the first argument) by SIGUSR2.
PROFILED = """
import cProfile, signal, sys, time
out = sys.argv.pop(1)
profile = cProfile.Profile(time.thread_time)
signal.signal(signal.SIGUSR1, lambda *_: profile.enable())
def stop(*_):
    profile.disable()
    profile.dump_stats(out)
signal.signal(signal.SIGUSR2, stop)
from baokao.cli import main
sys.exit(main())
"""

#: The app with the CPU time of its event loop's thread noted from SIGUSR1 to the
#: first frame of a question screen written after it (a line per pick, in the file
#: named by the first argument).
TIMED = """
import signal, sys, time
from textual.app import App
out = open(sys.argv.pop(1), "w", buffering=1)
start = []
signal.signal(signal.SIGUSR1, lambda *_: start.append(time.thread_time()))
display = App._display
def timed(self, screen, renderable):
    display(self, screen, renderable)
    if start and type(screen).__name__ == "QuestionScreen":
        out.write(f"{time.thread_time() - start.pop()}\\n")
App._display = timed
from baokao.cli import main
sys.exit(main())
"""

#: How much slower than usual the app runs under valgrind (for the timeouts).
SLOWER = 60


def _pick(name: str) -> Pick:
    picks = bundled_picks()
    for pick in picks:
        if pick.name.replace(" ", "/").startswith(name.replace(" ", "/")):
            return pick
    raise SystemExit(f"no bundled level {name!r}; one of: {', '.join(p.name for p in picks)}")


def _to_picker(term: Terminal, pick: Pick, slower: float, ready: bool = True) -> None:
    if ready:
        term.wait_for(READY, timeout=20 * slower)
        term.drain(1.0 * slower)  # the rules load in the background after the first paint
    term.send(pick.query.encode())
    term.wait_for(expected_count(None, pick.query), timeout=10 * slower)
    term.drain(0.1 * slower)
    term.send(b"\r")
    term.wait_for(f"{pick.title}：".encode() + PICKER, timeout=10 * slower)
    term.drain(READING * slower)


def callgrind(pick: Pick, runs: int) -> list[int]:
    """Instructions from the level's key to its first question drawn, per run."""
    counts = []
    for _ in range(runs):
        with _empty_cache(), tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "callgrind.out"
            argv = [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                *BAOKAO,
            ]
            term = Terminal(argv)
            try:
                _to_picker(term, pick, SLOWER)
                control = ["callgrind_control", str(term.pid)]
                subprocess.run([*control, "-i", "on"], check=True, capture_output=True)
                term.send(pick.key.encode())
                term.wait_for(pick.needle, timeout=10 * SLOWER)
                subprocess.run([*control, "-i", "off"], check=True, capture_output=True)
                subprocess.run([*control, "-d"], check=True, capture_output=True)
            finally:
                term.close()
            total = 0
            for dump in Path(tmp).glob("callgrind.out*"):
                found = re.search(r"^totals: (\d+)", dump.read_text(), re.M)
                total += int(found.group(1)) if found else 0
            counts.append(total)
    return counts


def profile(pick: Pick, top: int, save: str | None) -> None:
    """Where the event loop's time goes from the level's key to its first question
    (the figures kept in the file ``save``, if given, for ``pstats``)."""
    with _empty_cache(), tempfile.TemporaryDirectory() as tmp:
        out = save or str(Path(tmp) / "pick.prof")
        term = Terminal([sys.executable, "-c", PROFILED, out])
        try:
            _to_picker(term, pick, 3)
            os.kill(term.pid, signal.SIGUSR1)
            term.drain(0.2)
            term.send(pick.key.encode())
            term.wait_for(pick.needle, timeout=30)
            os.kill(term.pid, signal.SIGUSR2)
            term.drain(1.0)
        finally:
            term.close()
        stats = pstats.Stats(out)
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)


def cpu(picks: list[Pick], runs: int) -> list[list[float]]:
    """CPU seconds of the event loop's thread from each level's key to its first
    question drawn, per pick, in ``runs`` fresh processes that make every pick."""
    times: list[list[float]] = [[] for _ in picks]
    for _ in range(runs):
        with _empty_cache(), tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "cpu.txt"
            term = Terminal([sys.executable, "-c", TIMED, str(out)])
            try:
                term.wait_for(READY, timeout=20)
                term.drain(1.0)
                for pick in picks:
                    _to_picker(term, pick, 1, ready=False)
                    os.kill(term.pid, signal.SIGUSR1)
                    term.drain(0.05)
                    term.send(pick.key.encode())
                    term.wait_for(pick.needle, timeout=10)
                    term.drain(0.3)
                    term.send(b"\x1b")  # back to the search, which is then cleared
                    term.drain(0.3)
                    term.send(b"\x15")
                    term.drain(0.2)
            finally:
                term.close()
            for pick_times, line in zip(times, out.read_text().split(), strict=True):
                pick_times.append(float(line))
    return times


def main() -> None:
    """Count one pick's work."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--level", default="美容师/四级", help="e.g. 美容师/四级")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--profile", action="store_true", help="cProfile instead")
    parser.add_argument("--cpu", action="store_true", help="CPU time of every level")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--save", help="keep cProfile's figures in this file")
    args = parser.parse_args()
    if args.cpu:
        picks = bundled_picks()
        times = cpu(picks, args.runs)
        print(f"level key -> first question drawn, CPU ms of the event loop, {args.runs} runs:")
        for pick, values in zip(picks, times, strict=True):
            shown = " ".join(f"{v * 1000:5.1f}" for v in values)
            print(f"  {pick.name:<34} median {statistics.median(values) * 1000:5.1f}  ({shown})")
        first = statistics.median(times[0])
        rest = [v for values in times[1:] for v in values]
        print(
            f"  first pick of a process: median {first * 1000:.1f} ms; later picks: median "
            f"{statistics.median(rest) * 1000:.1f} ms, max {max(rest) * 1000:.1f} ms"
        )
        return
    pick = _pick(args.level)
    if args.profile:
        profile(pick, args.top, args.save)
        return
    counts = callgrind(pick, args.runs)
    print(f"{pick.name}: level key -> first question drawn, instructions (callgrind), per run:")
    for count in counts:
        print(f"  {count:>14,}")


if __name__ == "__main__":
    main()
