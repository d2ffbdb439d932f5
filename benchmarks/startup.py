"""How fast the UI is, measured as a person would feel it: in a real pseudo-terminal.

Two figures, printed (these are measurements, not tests):

1. **Startup**: the time from launching ``baokao`` until its first usable screen is on
   the terminal (the search box with its heading), against a bare Textual app that
   shows one ``Static``. Target: at most 1.5× the bare app.
2. **Answer → next question**: the time from sending the key that answers a question
   until the next question has been drawn, over many answers. Target: p95 ≤ 50 ms.
   The side panel (why the question is asked, the routes still possible) is drawn in
   a frame of its own right after the question; the time until it is drawn too is
   printed as well.

Each program runs in its own pty (``pty.fork``), and the script reads what it writes
until a known string appears. Run with ``make bench`` or
``.venv/bin/python benchmarks/startup.py [--runs N] [--answers N]``.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time
from collections.abc import Sequence
from datetime import date
from fcntl import ioctl

COLUMNS, ROWS = 100, 30
READY = "输入职业名称".encode()
BARE_READY = b"BARE-APP-READY"
BARE_APP = f"""
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static({BARE_READY.decode()!r})

Bare().run()
"""


class Terminal:
    """A program running in a pseudo-terminal of ``COLUMNS``×``ROWS``."""

    def __init__(self, argv: Sequence[str]) -> None:
        """Start ``argv`` in a new pty."""
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(ROWS))
        env.pop("TEXTUAL", None)
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child
            os.execvpe(argv[0], list(argv), env)
        ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.pid, self.fd = pid, fd
        self.buffer = b""

    def wait_for(self, needle: bytes, timeout: float = 20.0) -> float:
        """Read output until ``needle`` appears; return the time it appeared.

        Raises:
            TimeoutError: when it does not appear in time.
        """
        deadline = time.perf_counter() + timeout
        while needle not in self.buffer:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{needle.decode(errors='replace')!r} did not appear")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise TimeoutError("the program ended")
                self.buffer += chunk
        return time.perf_counter()

    def drain(self, seconds: float = 0.3) -> None:
        """Read whatever comes for ``seconds`` (the cursor blinks, so never wait for
        silence), then forget it."""
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            if select.select([self.fd], [], [], left)[0]:
                try:
                    if not os.read(self.fd, 65536):
                        break
                except OSError:
                    break
        self.buffer = b""

    def send(self, keys: bytes) -> float:
        """Type ``keys``; return the time they were sent."""
        os.write(self.fd, keys)
        return time.perf_counter()

    def close(self) -> None:
        """End the program."""
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def time_to(argv: Sequence[str], needle: bytes) -> float:
    """Seconds from launch until ``needle`` is on the terminal."""
    term = Terminal(argv)
    try:
        return term.wait_for(needle) - term.started
    finally:
        term.close()


UI_ONLY = "from baokao.tui.app import run; run()"


def startup(runs: int) -> tuple[list[float], list[float], list[float]]:
    """Launch the bare app, ``baokao`` and the UI alone in turn; return their times.

    "The UI alone" starts :func:`baokao.tui.app.run` without the command line module,
    whose imports (the ``check`` machinery) are not the UI's.
    """
    bare_argv = [sys.executable, "-c", BARE_APP]
    ours_argv = [sys.executable, "-m", "baokao.cli"]
    ui_argv = [sys.executable, "-c", UI_ONLY]
    time_to(bare_argv, BARE_READY)  # warm the file cache for all three
    time_to(ours_argv, READY)
    bare, ours, ui = [], [], []
    for _ in range(runs):
        bare.append(time_to(bare_argv, BARE_READY))
        ours.append(time_to(ours_argv, READY))
        ui.append(time_to(ui_argv, READY))
    return bare, ours, ui


def plan_answers() -> list[tuple[bytes, int, bytes]]:
    """Keys that walk 美容师 四级 question by question, with what is drawn after each.

    Each step is the keys, the number of questions answered after them (the progress
    line says so), and the start of the next question's help (the side panel says so).

    Years are answered with 0 and choices with the first one, which keeps the interview
    going for as long as possible; the walk is planned with the session itself.
    """
    from baokao.rulebook import load_rulebook
    from baokao.session import Session
    from baokao.tui.widgets.answer_form import choice_keys

    session = Session.start(load_rulebook().find("美容师"), 4, date(2025, 3, 1))
    steps: list[tuple[bytes, int, bytes]] = []
    while session.question is not None:
        q = session.question
        if q.kind == "years":
            keys, value = f"{q.min_years:g}\r".encode(), str(q.min_years)
        elif q.kind == "yesno":
            keys, value = b"n", "no"
        else:
            keys, value = choice_keys(q)[0][0].encode(), q.choices[0].value
        session = session.answer(value)
        if session.question is None:
            break
        steps.append((keys, session.progress[0], session.question.help[:6].encode()))
    return steps


def progress_text(done: int) -> bytes:
    """The progress line's start once ``done`` questions are answered."""
    return f"已回答 {done} 题".encode()


def answer_latency(answers: int) -> tuple[list[float], list[float]]:
    """Answer questions again and again (Esc goes back).

    Returns:
        For each answer, the time until the next question was drawn, and the time
        until the side panel was drawn too.
    """
    steps = plan_answers()
    if not steps:
        raise SystemExit("美容师 四级 asks no question to time")
    term = Terminal([sys.executable, "-m", "baokao.cli"])
    times: list[float] = []
    panels: list[float] = []
    try:
        term.wait_for(READY)
        term.drain(0.8)  # the rules load in the background after the first paint
        term.send(b"meirongshi")
        term.drain()
        term.send(b"\r")
        term.drain()
        term.send(b"4")
        term.wait_for(progress_text(0))
        term.drain()
        while len(times) < answers:
            for keys, done, help_start in steps:
                if keys.endswith(b"\r"):
                    term.send(keys[:-1])
                    term.drain(0.05)
                    keys = b"\r"
                sent = term.send(keys)
                times.append(term.wait_for(progress_text(done)) - sent)
                panels.append(term.wait_for(help_start) - sent)
                term.drain(0.05)
            for _ in steps:  # back to the first question (a lone Esc needs a pause)
                term.send(b"\x1b")
                term.drain(0.4)
    finally:
        term.close()
    return times[:answers], panels[:answers]


BARE_ECHO_APP = """
from textual.app import App
from textual.widgets import Input, Static

class Bare(App):
    def compose(self):
        yield Static("BARE-APP-READY")
        yield Input()
        yield Static("", id="out")

    def on_input_changed(self, event):
        self.query_one("#out").update(f"GOT{len(event.value)}END")

Bare().run()
"""


def bare_echo_latency(keys: int) -> list[float]:
    """The floor on this machine: a bare app redrawing a line after each key typed.

    Its line is updated from the ``Input.Changed`` message, which is handled after the
    frame that echoes the key has been drawn; Textual draws at most 60 frames a
    second, so the line waits for the next frame and this figure sits near two frame
    periods (about 33 ms). An app that redraws everything for a key in one frame can
    be quicker than this "floor".
    """
    term = Terminal([sys.executable, "-c", BARE_ECHO_APP])
    times = []
    try:
        term.wait_for(BARE_READY)
        term.drain(0.5)
        for i in range(1, keys + 1):
            sent = term.send(b"x")
            times.append(term.wait_for(f"GOT{i}END".encode()) - sent)
            term.drain(0.05)
    finally:
        term.close()
    return times


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="launches of each app")
    parser.add_argument("--answers", type=int, default=100, help="answers to time")
    parser.add_argument("--level-runs", type=int, default=5, help="fresh runs picking each level")
    args = parser.parse_args()

    bare, ours, ui = startup(args.runs)
    mb, mo, mu = statistics.median(bare), statistics.median(ours), statistics.median(ui)
    print(f"startup to the first usable screen, median of {args.runs} in a {COLUMNS}x{ROWS} pty:")
    print(f"  bare Textual app        {mb * 1000:7.0f} ms")
    print(f"  baokao (the command)    {mo * 1000:7.0f} ms   {mo / mb:5.2f}x  (target <= 1.50x)")
    print(f"  baokao.tui.app.run      {mu * 1000:7.0f} ms   {mu / mb:5.2f}x")

    floor = bare_echo_latency(args.answers)
    print(f"key -> redraw in a bare Textual app (the floor here), {len(floor)} keys:")
    print(f"  median {statistics.median(floor) * 1000:6.1f} ms")
    print(f"  p95    {p95(floor) * 1000:6.1f} ms")

    lat, panel = answer_latency(args.answers)
    print(f"answer -> next question drawn, {len(lat)} answers (美容师 四级):")
    print(f"  median {statistics.median(lat) * 1000:6.1f} ms")
    print(f"  p95    {p95(lat) * 1000:6.1f} ms  (target <= 50 ms)")
    print(f"  max    {max(lat) * 1000:6.1f} ms")
    print("answer -> side panel drawn too (in the frame after the question's):")
    print(f"  median {statistics.median(panel) * 1000:6.1f} ms")
    print(f"  p95    {p95(panel) * 1000:6.1f} ms")

    # Picking a level -> first question, and compile times (benchmarks/first_question.py).
    from first_question import report

    report(args.level_runs)


if __name__ == "__main__":
    main()
