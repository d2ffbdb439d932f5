"""How long a clerk waits for a whole roster, against merely reading it, and its memory.

Generates a CSV roster the way a school keeps one (Chinese headers, GBK, flat certificate
and diploma columns, some cells left empty, a few bad rows), then, each in a fresh
process so that peak memory is the run's own:

- ``check``: read, validate and judge every row (``baokao.roster.check.check_rows``);
- ``floor``: read and validate the same rows without judging them (``judge=False``).

Times are the process's CPU seconds, which a machine busy with other work disturbs far
less than the wall clock (printed beside them); on an idle machine they are what the
clerk waits. Each side is run ``--repeat`` times (3), floor and check in turn, and its
least time is the figure: other work on the machine only ever adds time, to either
side, so the least is the nearest to what the code itself costs.

The ratio check/floor is what judging adds to the time the clerk waits anyway. The same
is run at a tenth of the rows to show that memory does not grow with the roster (rows
are streamed). Output, one line per size, the first being the figure of record:

``roster: rows=N check=X s floor=Y s ratio=Z peak_rss=M MiB``

Usage: ``python benchmarks/roster.py [--rows 100000] [--seed 7] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from baokao.model.levels import LEVEL_LABELS
from baokao.roster.columns import template_headers
from baokao.rulebook import load_rulebook

SCHOOLS = ("技工学校", "中等职业学校", "大学专科", "大学本科", "无", "")


def generate(path: Path, rows: int, seed: int) -> None:
    """Write a roster of ``rows`` candidates (GBK, CRLF, as Chinese Excel saves CSV).

    Candidates come in classes of 40, as schools send them: one occupation and level (or
    none: check every level) per class. Half the classes are a school's own students (one
    kind of school, 应届 or graduated, this or a related specialty, rarely any years of
    work); half are adults in training (whole years of work from 0 to 15, a certificate
    for three in ten with its own years, some cells left empty). One row in a hundred is
    bad, as in real sheets.
    """
    rng = random.Random(seed)
    subjects = load_rulebook().subjects()
    header = template_headers()
    with path.open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for n in range(rows):
            if n % 40 == 0:
                subject = rng.choice(subjects)
                level = rng.choice(subject.levels)
                asked = rng.choice([LEVEL_LABELS[level.number], str(level.number), ""])
                students = rng.random() < 0.5
                school = rng.choice(SCHOOLS[:4])
                status = rng.choice(["已毕业", "应届毕业生"])
            cells = {
                "学号": f"2025{n:07}",
                "姓名": f"学生{n}",
                "职业": subject.occupation.name,
                "工种": subject.work_type or "",
                "申报等级": asked,
            }
            if students:
                cells |= {
                    "本职业累计年限": rng.choice(["", "", "", "0", "1"]),
                    "证书等级": "无",
                    "学历": school,
                    "专业": rng.choice(["本专业", "本专业", "相关专业"]),
                    "毕业状态": status,
                }
            else:
                years = rng.choice(["", *(str(y) for y in range(16))])
                cells |= {"本职业累计年限": years, "学历": rng.choice(SCHOOLS)}
                if cells["学历"] not in ("", "无"):
                    cells |= {"专业": "非本专业", "毕业状态": "已毕业"}
                if rng.random() < 0.3:
                    after = rng.randint(0, int(years)) if years else rng.randint(0, 6)
                    cells |= {
                        "证书等级": str(min(5, level.number + 1)),
                        "证书职业": "本职业",
                        "取得证书后年限": str(after),
                    }
            if rng.random() < 0.01:
                cells["本职业累计年限"] = "六年半"
            writer.writerow([cells.get(h, "") for h in header])


def measure(path: Path, judge: bool) -> tuple[float, float, int, int]:
    """In this process: (wall seconds, CPU seconds, rows, peak RSS in KiB) of a check."""
    from baokao.inputs import Source
    from baokao.roster.check import check_rows, open_roster, settle_loaded

    book = load_rulebook()
    start, cpu = time.perf_counter(), time.process_time()
    source = Source.open(path)
    opened = open_roster(source)
    settle_loaded()  # as the check command does
    rows = sum(1 for _ in check_rows(opened, book, judge=judge))
    source.close()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return elapsed, cpu, rows, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_child(path: Path, judge: bool) -> tuple[float, float, int, int]:
    """``measure`` in a fresh process."""
    code = (
        "import sys; sys.path.insert(0, 'benchmarks'); import roster; "
        f"print(*roster.measure(__import__('pathlib').Path({str(path)!r}), {judge}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def main() -> None:
    """Generate, measure, print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    peaks = {}
    with tempfile.TemporaryDirectory() as tmp:
        for rows in (args.rows, args.rows // 10):
            path = Path(tmp) / f"roster-{rows}.csv"
            generate(path, rows, args.seed)
            runs = [(run_child(path, False), run_child(path, True)) for _ in range(args.repeat)]
            floor_wall, floor, _, _ = min((f for f, _ in runs), key=lambda r: r[1])
            check_wall, check, read, _ = min((c for _, c in runs), key=lambda r: r[1])
            peaks[rows] = max(max(f[3], c[3]) for f, c in runs)
            print(
                f"roster: rows={read} check={check:.2f} s floor={floor:.2f} s "
                f"ratio={check / floor:.2f} peak_rss={peaks[rows] / 1024:.0f} MiB",
                flush=True,
            )
            print(f"  (wall clock: check={check_wall:.2f} s floor={floor_wall:.2f} s)", flush=True)
            every = "  ".join(f"{c[1]:.2f}/{f[1]:.2f}" for f, c in runs)
            print(f"  (every run, check/floor CPU s: {every})", flush=True)
    big, small = args.rows, args.rows // 10
    print(f"roster: peak_rss rows={big} / rows={small} = {peaks[big] / peaks[small]:.2f}")


if __name__ == "__main__":
    main()
