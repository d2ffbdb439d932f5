"""How fast the UI is, measured as a person would feel it: in a real pseudo-terminal.

Every figure is printed beside a baseline measured in the same run, on this machine,
with the runs of the two interleaved (the machine is shared, so only ratios compare):

1. **Start to an answer**: from exec until typing ``mrs`` shows 美容师, the keys sent as
   soon as the search box is on the screen; baseline: a bare Textual app with one Input
   that echoes the key into a label. Median and p95 over ``--runs`` launches (>= 20),
   with the bundled rules and with the national catalogue (``benchmarks/catalogue.py``:
   1,600 generated occupations x 5 levels). Target: <= 1.3x the bare app. The
   processor time each program had taken by the answer is printed too: on a machine
   shared with other work it moves far less than the wall time.
2. **Keystroke -> results drawn**, with the catalogue; baseline: the bare app's key ->
   label redrawn. Target: p95 <= 1.2x.
3. **Typing 4,000 characters** into the search box; baseline: into the bare Input.
   Target: <= 2x.
4. **Picking an occupation and level -> first question drawn**, with the catalogue
   (each pick a different occupation, whose rules are read then), beside the floor of
   a bare app pushing a screen (``benchmarks/first_question.py``). Target: p95 <= 50 ms.
5. **Peak memory** of the UI after one interview, catalogue against bundled rules.
   Target: <= 1.5x.
6. **``baokao check`` of one case**; baseline: ``python -c 'import pydantic, yaml'``.
   Target: <= 2.5x.
7. **Answer -> next question drawn** (美容师 四级): target p95 <= 50 ms; the side panel
   is drawn in a frame of its own right after the question, and timed too.

8. **Picking a level -> first question**, and compile times, per bundled level
   (``benchmarks/first_question.py``).

Each program runs in its own pty (``pty.fork``), and the script reads what it writes
until a known string appears. Run with ``make bench`` or
``.venv/bin/python benchmarks/startup.py [--runs N] [--answers N] [--only NAME ...]``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from datetime import date
from fcntl import ioctl
from pathlib import Path
from typing import Any

COLUMNS, ROWS = 100, 30
READY = "输入职业名称".encode()
#: The search box's placeholder: once it is drawn, keys can be typed into the box. (Its
#: first character is drawn apart, under the cursor, until the cursor first blinks.)
SEARCH_BOX = "索职业".encode()
BARE_READY = b"BARE-APP-READY"
BAOKAO = [sys.executable, "-m", "baokao.cli"]
#: The benchmark's own records folder, removed when it ends.
_RECORDS_DIR = tempfile.TemporaryDirectory(prefix="baokao-bench-records-")
_RECORDS = Path(_RECORDS_DIR.name)


def user_env(**extra: str) -> dict[str, str]:
    """The environment of a program under test, as on a user's machine.

    Without ``PYTHONDONTWRITEBYTECODE``: an installed package has its bytecode written
    (pip compiles it), and a checkout writes it on the first run, which the warm-up run
    of each figure is; a development shell that turns it off would otherwise time
    baokao compiling its own source at every launch, which no user waits for.

    The interviews a benchmark walks are saved as a counsellor's are, but into a records
    file of the benchmark's own (``BAOKAO_DB``), never into the records of the machine's
    user, whose history they would otherwise fill with made-up candidates.
    """
    env = dict(os.environ, BAOKAO_DB=str(_RECORDS / "records.sqlite3"), **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class Terminal:
    """A program running in a pseudo-terminal of ``COLUMNS``×``ROWS``."""

    def __init__(self, argv: Sequence[str], trees: Path | None = None) -> None:
        """Start ``argv`` in a new pty (on the rule folder ``trees``, if given)."""
        env = user_env(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(ROWS))
        env.pop("TEXTUAL", None)
        env.pop("BAOKAO_TREES", None)
        if trees is not None:
            env["BAOKAO_TREES"] = str(trees)
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

    def wait_for_all(self, needles: Sequence[bytes], timeout: float = 20.0) -> float:
        """Read output until every one of ``needles`` has appeared; return when.

        Raises:
            TimeoutError: when they do not all appear in time.
        """
        deadline = time.perf_counter() + timeout
        for needle in needles:
            self.wait_for(needle, max(0.001, deadline - time.perf_counter()))
        return time.perf_counter()

    def peak_memory_kib(self) -> int:
        """The program's peak resident memory so far (``VmHWM``), in KiB."""
        with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmHWM")

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


def walk() -> list[tuple[bytes, Any]]:
    """Keys that walk 美容师 四级 to its outcome, each with the session after it.

    Years are answered with 0 and choices with the first one, which keeps the interview
    going for as long as possible; the walk is planned with the session itself.
    """
    from baokao.rulebook import load_rulebook
    from baokao.session import Session
    from baokao.tui.widgets.answer_form import choice_keys

    session = Session.start(load_rulebook().find("美容师"), 4, date(2025, 3, 1))
    steps: list[tuple[bytes, Any]] = []
    while session.question is not None:
        q = session.question
        if q.kind == "years":
            keys, value = f"{q.min_years:g}\r".encode(), str(q.min_years)
        elif q.kind == "yesno":
            keys, value = b"n", "no"
        else:
            keys, value = choice_keys(q)[0][0].encode(), q.choices[0].value
        session = session.answer(value)
        steps.append((keys, session))
    return steps


def plan_answers() -> list[tuple[bytes, int, bytes]]:
    """Keys that walk 美容师 四级 question by question, with what is drawn after each.

    Each step is the keys, the number of questions answered after them (the progress
    line says so), and the start of the next question's help (the side panel says so).
    """
    return [
        (keys, s.progress[0], s.question.help[:6].encode())
        for keys, s in walk()
        if s.question is not None
    ]


def final_keys() -> bytes:
    """The keys of the answer that ends the walk (Enter sent apart, as a person types)."""
    return walk()[-1][0]


def progress_text(done: int) -> bytes:
    """The progress line's start once ``done`` questions are answered."""
    return f"已回答 {done} 题".encode()


def open_beauty_four(term: Terminal) -> None:
    """Search 美容师 by its pinyin, pick it and its 四级, and wait for the first question."""
    term.send(b"meirongshi")
    term.drain()
    term.send(b"\r")
    term.drain()
    term.send(b"4")
    term.wait_for(progress_text(0))


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
        open_beauty_four(term)
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


def expected_count(folder: Path | None, query: str) -> bytes:
    """What the count line says once ``query`` is answered, as drawn: ``1 个结果`` after
    a style's closing ``m`` (or after ``· `` behind the coverage, for no query), so that
    it is not found inside ``11 个结果``; ``没有匹配“…”`` when nothing matches."""
    from baokao.listing import trees_dir
    from baokao.tui.screens.start import shortened
    from baokao.tui.search import light_index

    groups = light_index(trees_dir(folder)).search(query)
    if not groups:
        return f"没有匹配“{shortened(query.strip())}”".encode()
    picks = sum((g.head is not None) + len(g.work_types) for g in groups)
    return ("· " if not query.strip() else "m").encode() + f"{picks} 个结果".encode()


def cpu_seconds(pid: int) -> float:
    """The processor time ``pid`` has had so far, all its threads together.

    (From ``/proc/PID/task/*/schedstat``, in nanoseconds. On a machine shared with other
    work, the wall time of a start mostly measures that work; the processor time a
    start took does not, so it is printed beside it.)
    """
    total = 0
    for path in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            total += int(path.read_text().split()[0])
    return total / 1e9


def start_to_answer(
    trees: Path | None, needles: Sequence[bytes], settle: float = 0
) -> tuple[float, float]:
    """Seconds from exec until typing ``mrs`` (sent once the box is drawn) shows ``needles``,
    and the processor time the program had taken by then (:func:`cpu_seconds`).

    ``settle``: seconds the app is left running after the answer (a first start, which
    writes what later starts read: the listing and search index kept in the cache).
    """
    term = Terminal(BAOKAO, trees)
    try:
        term.wait_for(SEARCH_BOX)
        term.buffer = b""  # only what is drawn after the keys counts
        term.send(b"mrs")
        answered = term.wait_for_all(needles) - term.started
        cpu = cpu_seconds(term.pid)
        term.drain(settle)
        return answered, cpu
    finally:
        term.close()


def bare_start_to_answer() -> tuple[float, float]:
    """The same for the bare app: exec until ``mrs`` typed at once is echoed."""
    term = Terminal([sys.executable, "-c", BARE_ECHO_APP])
    try:
        term.wait_for(BARE_READY)
        term.buffer = b""
        term.send(b"mrs")
        answered = term.wait_for(b"GOT3END") - term.started
        return answered, cpu_seconds(term.pid)
    finally:
        term.close()


def start_figures(runs: int, catalogue: Path) -> dict[str, list[tuple[float, float]]]:
    """Launch the bare app, baokao on the bundled rules and on the catalogue, in turn;
    each start's wall time and processor time to the answer."""
    answers = {
        "bundled": [b"mrs", "美容师".encode(), expected_count(None, "mrs")],
        "catalogue": [b"mrs", "美容师".encode(), expected_count(catalogue, "mrs")],
    }
    folders = {"bundled": None, "catalogue": catalogue}
    # Warm the file cache, and let one start of each run long enough to keep its listing
    # and search index (a user's first start does; the timed ones are killed at once).
    bare_start_to_answer()
    for name, folder in folders.items():
        start_to_answer(folder, answers[name], settle=2.0)
    times: dict[str, list[tuple[float, float]]] = {"bare": [], "bundled": [], "catalogue": []}
    for _ in range(runs):
        times["bare"].append(bare_start_to_answer())
        for name, folder in folders.items():
            times[name].append(start_to_answer(folder, answers[name]))
    return times


def keystroke_steps(folder: Path, queries: Sequence[str]) -> list[tuple[bytes, bytes | None]]:
    """Type each query key by key and delete it again; for each key, what shows that its
    results are drawn (``None`` when the count line stays as it was)."""
    steps: list[tuple[bytes, bytes | None]] = []
    last = expected_count(folder, "")
    for query in queries:
        states = [query[:n] for n in range(1, len(query) + 1)]
        states += [query[:n] for n in range(len(query) - 1, -1, -1)]
        keys = [ch.encode() for ch in query] + [b"\x7f"] * len(query)
        for key, state in zip(keys, states, strict=True):
            now = expected_count(folder, state)
            steps.append((key, None if now == last else now))
            last = now
    return steps


KEY_QUERIES = ["机械装配工", "meirongshi", "4-10-03", "bjams", "dqwxy", "保健按摩", "hbjcy"]


def keystroke_latency(folder: Path, keys: int) -> list[float]:
    """Key -> results drawn in baokao on ``folder``, for ``keys`` keys that change them."""
    steps = keystroke_steps(folder, KEY_QUERIES)
    term = Terminal(BAOKAO, folder)
    times: list[float] = []
    try:
        term.wait_for(expected_count(folder, ""))
        term.drain(1.5)  # the background imports after the first results
        while len(times) < keys:
            for key, needle in steps:
                sent = term.send(key)
                if needle is None:
                    term.drain(0.06)
                    continue
                times.append(term.wait_for(needle) - sent)
                term.drain(0.05)
    finally:
        term.close()
    return times[:keys]


TAIL = b"QZXQZXQZXQ"


def typing_time(argv: Sequence[str], ready: bytes, trees: Path | None, count: int) -> float:
    """Seconds to type ``count`` characters into a search box until its end is drawn."""
    text = (b"abcdefghij" * (count // 10 + 1))[: count - len(TAIL)] + TAIL
    term = Terminal(argv, trees)
    try:
        term.wait_for(ready)
        term.drain(1.0)
        started = time.perf_counter()
        for at in range(0, len(text), 256):
            term.send(text[at : at + 256])
        return term.wait_for(TAIL, timeout=300) - started
    finally:
        term.close()


def load_by_need(folder: Path, picks: int) -> list[float]:
    """In process: reading and validating one occupation's rules when it is picked.

    The part of a pick that grows with the catalogue if anything does (the rest is
    compiling the level, which depends on the level alone).
    """
    sys.path.insert(0, str(Path(__file__).parent))
    from baokao.rulebook import open_rulebook
    from catalogue import names

    book = open_rulebook(folder)
    times = []
    for name in names(1600)[:: max(1, 1600 // picks)][:picks]:
        started = time.perf_counter()
        book.find(name)
        times.append(time.perf_counter() - started)
    return times


def memory_after_interview(trees: Path | None) -> int:
    """Peak memory (KiB) of the UI once one interview (美容师 四级) has been answered."""
    steps, last = plan_answers(), final_keys()
    term = Terminal(BAOKAO, trees)
    try:
        term.wait_for(SEARCH_BOX)
        term.drain(1.0)
        open_beauty_four(term)
        for keys, done, _ in steps:
            if keys.endswith(b"\r"):
                term.send(keys[:-1])
                term.drain(0.05)
                keys = b"\r"
            term.send(keys)
            term.wait_for(progress_text(done))
            term.drain(0.05)
        if last.endswith(b"\r"):
            term.send(last[:-1])
            term.drain(0.05)
            last = b"\r"
        term.send(last)
        term.drain(1.0)
        return term.peak_memory_kib()
    finally:
        term.close()


def check_start(runs: int) -> tuple[list[float], list[float]]:
    """``baokao check`` of one case, and ``import pydantic, yaml``, interleaved."""
    import subprocess
    import tempfile

    case = {"id": 1, "occupation": "美容师", "level": "四级", "profile": {"years_this": 6}}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.json"
        path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
        argvs = [
            [sys.executable, "-c", "import pydantic, yaml"],
            [sys.executable, "-m", "baokao.cli", "check", str(path)],
        ]
        times: tuple[list[float], list[float]] = ([], [])
        for i in range(runs + 1):
            for argv, found in zip(argvs, times, strict=True):
                started = time.perf_counter()
                subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=user_env())
                if i:  # the first round warms the file cache
                    found.append(time.perf_counter() - started)
    return times


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def line(label: str, values: list[float], base: list[float] | None = None, target: str = "") -> str:
    """``label  median  p95  (ratio of medians, and of p95s, to the baseline)``."""
    med, top = statistics.median(values), p95(values)
    text = f"  {label:<34} median {med * 1000:7.1f} ms  p95 {top * 1000:7.1f} ms"
    if base:
        text += f"  {med / statistics.median(base):5.2f}x / {top / p95(base):5.2f}x"
    return text + (f"  ({target})" if target else "")


SECTIONS = ("start", "keys", "typing", "pick", "memory", "check", "answers", "levels")


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="launches of each app")
    parser.add_argument("--answers", type=int, default=100, help="answers/keys to time")
    parser.add_argument("--level-runs", type=int, default=5, help="fresh runs picking each level")
    parser.add_argument("--only", nargs="*", choices=SECTIONS, default=SECTIONS)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from catalogue import catalogue

    folder = catalogue()
    size = f"{COLUMNS}x{ROWS} pty; ratios: median / p95 against the baseline"
    print(f"national catalogue: {len(list(folder.glob('*.yaml')))} rule files ({size})")

    if "start" in args.only:
        t = start_figures(args.runs, folder)
        wall = {name: [w for w, _ in runs] for name, runs in t.items()}
        cpu = {name: [c for _, c in runs] for name, runs in t.items()}
        print(f"exec -> typing 'mrs' shows 美容师, {args.runs} interleaved launches each:")
        print(line("bare app, Input echoing the keys", wall["bare"]))
        print(line("baokao, bundled rules", wall["bundled"], wall["bare"], "target <= 1.3x"))
        big = wall["catalogue"]
        print(line("baokao, 1,600-occupation catalogue", big, wall["bare"], "<= 1.3x"))
        print("  processor time taken by then (all threads; unlike the above, not load):")
        print(line("bare app", cpu["bare"]))
        print(line("baokao, bundled rules", cpu["bundled"], cpu["bare"]))
        print(line("baokao, 1,600-occupation catalogue", cpu["catalogue"], cpu["bare"]))
        print(f"  (load average at the end: {os.getloadavg()[0]:.2f})")

    if "keys" in args.only:
        floor = bare_echo_latency(args.answers)
        ours = keystroke_latency(folder, args.answers)
        print(f"key -> results drawn, {args.answers} keys:")
        print(line("bare app, key -> label redrawn", floor))
        print(line("baokao, 1,600-occupation catalogue", ours, floor, "target p95 <= 1.2x"))

    if "typing" in args.only:
        bare_argv = [sys.executable, "-c", BARE_ECHO_APP]
        for count in (1000, 2000, 4000):
            bare = typing_time(bare_argv, BARE_READY, None, count)
            ours = typing_time(BAOKAO, SEARCH_BOX, None, count)
            print(
                f"typing {count:,} characters: bare Input {bare:6.2f} s, "
                f"baokao search box {ours:6.2f} s  {ours / bare:5.2f}x  (target <= 2x at 4,000)"
            )

    if "pick" in args.only:
        loads = load_by_need(folder, 50)
        print("an occupation's rules read and validated when picked (in process), 50 picks:")
        print(line("1,600-occupation catalogue", loads))
        # Level key -> first question, an occupation of the catalogue each time
        # (benchmarks/first_question.py).
        from first_question import report

        report(args.level_runs, folder, ("catalogue",))

    if "memory" in args.only:
        small, large = memory_after_interview(None), memory_after_interview(folder)
        print("peak memory of the UI after one interview (美容师 四级):")
        print(f"  bundled rules                      {small / 1024:7.1f} MiB")
        print(
            f"  1,600-occupation catalogue         {large / 1024:7.1f} MiB  "
            f"{large / small:5.2f}x  (target <= 1.5x)"
        )

    if "check" in args.only:
        base, ours = check_start(args.runs)
        print(f"baokao check of one case, {args.runs} interleaved runs each:")
        print(line("python -c 'import pydantic, yaml'", base))
        print(line("baokao check one.json", ours, base, "target <= 2.5x"))

    if "answers" in args.only:
        lat, panel = answer_latency(args.answers)
        print(f"answer -> next question drawn, {len(lat)} answers (美容师 四级):")
        print(line("question drawn", lat, None, "target p95 <= 50 ms"))
        print(line("side panel drawn too", panel))

    if "levels" in args.only:
        # Picking a level -> first question, and compile times (benchmarks/first_question.py).
        from first_question import report

        report(args.level_runs, None, ("levels", "compile"))


if __name__ == "__main__":
    main()
