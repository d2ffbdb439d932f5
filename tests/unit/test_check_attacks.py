"""Hostile and broken input to ``baokao check`` (issue 16, the case side): one line, no traceback.

Each input the attack found is kept here as a regression case: it must end in one clear
line naming the file, case or row and the field, with the conventional exit status.
The output and signal cases run the real program in a subprocess.
"""

from __future__ import annotations

import csv
import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from baokao.cli import main
from baokao.limits import MAX_CELL_CHARS, MAX_INPUT_BYTES, MAX_JSON_DEPTH, MAX_NUMBER_CHARS

PROGRAM = "import sys; from baokao.cli import main; sys.exit(main(sys.argv[1:]))"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def case(**fields: Any) -> dict[str, Any]:
    return {"id": "c", "occupation": "美容师", "level": "四级", "profile": {}, **fields}


def write_json(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.json"
    path.write_text(text, encoding="utf-8")
    return path


def write_csv(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "class.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[" * 1000 + "]" * 1000,
            f"cases.json: JSON nested deeper than the limit of {MAX_JSON_DEPTH}",
        ),
        (
            json.dumps(case(profile={"certificates": json.loads("[" * 30 + "]" * 30)})),
            "case 1 (id 'c'): field profile.certificates",
        ),
        (json.dumps(case(level=True)), "case 1 (id 'c'): field level: true is not a level"),
        (
            json.dumps(case(level="四级/xyz")),
            "case 1 (id 'c'): field level: unknown level '四级/xyz'",
        ),
        (json.dumps(case(level="²")), "case 1 (id 'c'): field level: unknown level '²'"),
        (
            '{"occupation": "美容师", "level": "四级", "profile": {"years_this": '
            + "9" * 5000
            + "}}",
            f"case 1: field profile.years_this: a number longer than the limit of {MAX_NUMBER_CHARS}",
        ),
        (
            '{"occupation": "美容师", "level": ' + "4" * 5000 + "}",
            "case 1: field level: a number longer",
        ),
        (
            '{"occupation": "美容师", "level": "四级", "profile": {"years_this": 1, "years_this": 9}}',
            "case 1: field profile.years_this: given twice",
        ),
        (
            '{"occupation": "美容师", "occupation": "美发师"}',
            "case 1: field occupation: given twice",
        ),
    ],
)
def test_hostile_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    code, out, err = run(capsys, "check", str(write_json(tmp_path, text)), "--json")
    assert (code, out) == (2, "")
    assert message in one_line(err)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [["occupation", "level", "certificates"], ["美容师", "四级", "[" * 1000 + "]" * 1000]],
            f"class.csv row 2, column certificates: field profile.certificates: JSON nested deeper than the limit of {MAX_JSON_DEPTH}",
        ),
        (
            [["occupation", "level", "id"], ["美容师", "四级", "x" * 131_073]],
            f"class.csv row 2, column id: longer than the limit of {MAX_CELL_CHARS:,} characters",
        ),
        (
            [["occupation", "level", "years_this"], ["美容师", "四级", "6_0"]],
            "class.csv row 2, column years_this: field profile.years_this: '6_0' is not a number",
        ),
        (
            [["occupation", "level", "years_this"], ["美容师", "四级", "9" * 5000]],
            "class.csv row 2, column years_this: field profile.years_this: '999",
        ),
        (
            [["occupation", "level"], ["美容师", "²"]],
            "class.csv row 2, column level: field level: unknown level '²'",
        ),
        (
            [["occupation", "years_this", "本职业累计年限"], ["美容师", "1", "9"]],
            "class.csv row 1: columns 'years_this' and '本职业累计年限' both give profile.years_this",
        ),
        (
            [["职业", "职业"], ["美容师", "美发师"]],
            "class.csv row 1: columns '职业' and '职业' both give occupation",
        ),
    ],
)
def test_hostile_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: list[list[str]], message: str
) -> None:
    code, out, err = run(capsys, "check", str(write_csv(tmp_path, rows)), "--json")
    # A bad row leaves an empty list of verdicts; a bad header row, no output at all.
    assert code == 2 and out in ("", "[]\n")
    assert one_line(err) == f"baokao: {tmp_path}/{message}" or message in one_line(err)


def test_good_rows_after_a_huge_cell_are_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [["id", "occupation", "level", "years_this"], ["a", "美容师", "四级", "6" * 200_000]]
    rows.append(["b", "美容师", "四级", "6"])
    code, out, err = run(capsys, "check", str(write_csv(tmp_path, rows)), "--json")
    assert code == 2 and [r["id"] for r in json.loads(out)] == ["b"]
    assert "row 2, column years_this: longer than the limit" in one_line(err)


def _hear_ctrl_c() -> None:
    """In the child: Ctrl-C as a terminal delivers it. A suite started in the background
    of a shell without job control inherits SIGINT ignored, and a program that ignores it
    is right to go on, so the test of Ctrl-C must not depend on how pytest was started."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def program(
    *argv: str, stdin: Any = subprocess.DEVNULL, stdout: Any = subprocess.PIPE
) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", PROGRAM, *argv],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=_hear_ctrl_c,
    )


def many_cases(tmp_path: Path) -> Path:
    cases = [case(id=str(i), profile={"years_this": i % 9}) for i in range(2000)]
    return write_json(tmp_path, json.dumps(cases, ensure_ascii=False))


def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    proc = program("check", str(many_cases(tmp_path)))
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait() == 141 and err == ""


def test_full_disk_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        proc = program("check", str(many_cases(tmp_path)), stdout=full)
        _, err = proc.communicate()
    assert proc.returncode == 1
    assert one_line(err.decode()) == "baokao: cannot write the output: No space left on device"


def test_ctrl_c_during_check(tmp_path: Path) -> None:
    proc = program("check", "-", stdin=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write("id,occupation,level,years_this\na,美容师,四级,6\n".encode())
    proc.stdin.flush()
    ready, _, _ = select.select([proc.stdout], [], [], 120)
    assert ready and proc.stdout.readline().decode().startswith("[a] 美容师")  # it is reading on
    proc.send_signal(signal.SIGINT)
    err = proc.stderr.read().decode()
    proc.stdin.close()
    assert proc.wait() == 130
    assert one_line(err) == "baokao: interrupted"


def test_endless_device_stops_at_the_limit() -> None:
    proc = program("check", "/dev/zero")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    size = MAX_INPUT_BYTES // (1024 * 1024)
    assert (
        one_line(err.decode())
        == f"baokao: /dev/zero: larger than the limit of {size} MiB; not read further"
    )


def test_stdin_json_and_csv(tmp_path: Path) -> None:
    for text in (
        json.dumps(case(profile={"years_this": 6})),
        "id,职业,申报等级,本职业累计年限\nc,美容师,四级,6\n",
    ):
        proc = program("check", "-", "--json", stdin=subprocess.PIPE)
        out, err = proc.communicate(text.encode())
        assert (proc.returncode, err) == (0, b"")
        assert [(r["id"], r["status"]) for r in json.loads(out)] == [("c", "qualified")]
