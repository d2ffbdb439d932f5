"""How many questions each interview asks, against asking route by route, and how fast.

One row per level of the rule book: expected and worst-case questions for the naive
order (every condition of route 1, then route 2 …, known facts skipped, stopping at the
first route met), for the compiled tree, and for the exact optimum, and the compile
time. The optimum is the exact search's value (expected) and its min-max twin (worst
case), run here without a budget, so a tree that fell back to the greedy order would show.
All 42 levels are compiled first, one after another, and timed (the compile column and
total); the other figures are worked out afterwards, so that their work does not run
between the timings. Two more rounds of the same 42 compiles are timed to show the
spread (this VM's speed wanders by a third or more from one minute to the next). Then
the all-levels interview of each occupation/工种, and a synthetic catalogue of 1,600
occupations × 5 levels whose routes are written in the source's own phrases (real
route texts with their numbers of years redrawn) and read by the importer's grammar.
Last, the hostile 40-route level of issue 16 (``tests/fixtures/forty``), compiled in a
fresh process under the default budget: its method, time and peak memory, beside a
fresh process compiling the largest bundled level (the ratio) and beside the budget;
the fallback alone (no time left for the exact search); the whole ``baokao tree``
command on it; and every path of its tree held against the evaluator. ``--forty``
runs this part only.

The last line is machine-readable:
``summary: compiled/optimal=X.XX compiled/naive=Y.YY levels=N`` (means over all levels).

Usage: ``python benchmarks/questions.py [--synthetic-occupations N] [--seed S] [--jobs J]
[--forty]``
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import mean

from baokao.compiler import compile_level
from baokao.compiler.analysis import Analyser
from baokao.compiler.build import DEFAULT_SECONDS, policy_tree
from baokao.compiler.catalogue import build_catalogue
from baokao.compiler.search import Search
from baokao.compiler.tree import Ask, Node, QuestionTree
from baokao.compiler.walk import advance, state_of
from baokao.evaluator import evaluate
from baokao.importer.grammar import parse_conditions
from baokao.model.answers import build_profile, years_bounds
from baokao.model.conditions import Unparsed, leaves
from baokao.model.facts import Answer
from baokao.model.quantities import first_part, quantity_value
from baokao.model.rules import Level, Route, Subject
from baokao.rulebook import Rulebook, load_rulebook
from baokao.session import compiled

# The naive order, the least worst case and the paths through a tree are the tests' own
# (tests/support), shared with this benchmark: the repository root makes them importable.
sys.path.insert(0, str(Path(__file__).parents[1]))
from tests.support.orders import least_worst, naive_policy
from tests.support.paths import paths


def _cost(node: Node) -> tuple[float, int]:
    return (node.expected, node.depth) if isinstance(node, Ask) else (0.0, 0)


def level_row(tree: QuestionTree, seconds: float) -> dict[str, float]:
    """Naive, compiled and optimal question counts for one compiled level."""
    an = Analyser(tree.catalogue)
    naive = _cost(policy_tree(an, naive_policy(an)))
    search = Search(an, budget=10**7)
    root = (None,) * len(an.ids)
    return {
        "naive_e": naive[0],
        "naive_w": naive[1],
        "tree_e": tree.expected,
        "tree_w": tree.worst,
        "opt_e": search.solve(root),
        "opt_w": least_worst(search, root),
        "ms": seconds * 1000,
        "exact": 1.0 if tree.method == "exact" else 0.0,
    }


def all_levels_row(subject: Subject) -> tuple[float, int, int]:
    """Expected and worst questions of the all-levels interview, and its leaves.

    The interview walks each level's tree in turn with shared answers; its branches are
    those of the subject-wide catalogue (each equally likely), each entered with the
    least years its interval and the earlier answers allow.
    """
    levels = sorted(subject.levels, key=lambda lv: -lv.number)
    trees = [compiled(subject, lv) for lv in levels]
    an = Analyser(build_catalogue(levels, subject.occupation.notes, levels))
    leaves_seen = 0

    def walk(answers: dict[str, Answer]) -> tuple[float, int]:
        nonlocal leaves_seen
        pos = advance(trees, tuple(answers.items()))
        if pos.current is None:
            leaves_seen += 1
            return 0.0, 0
        node = pos.nodes[pos.current]
        assert isinstance(node, Ask)
        i = an.ids.index(node.fact)
        vals = an.values(state_of(an, answers))
        results = []
        for b in an.branches(i, vals):
            value = _enter(an, i, b, answers)
            if value is not None:
                results.append(walk({**answers, node.fact: value}))
        return 1 + mean(r[0] for r in results), 1 + max(r[1] for r in results)

    expected, worst = walk({})
    return expected, worst, leaves_seen


def _enter(an: Analyser, i: int, b: int, answers: dict[str, Answer]) -> Answer | None:
    spec = an.cat.facts[i]
    if spec.var is None:
        mask = an.classes[i][b]
        return next(c.value for k, c in enumerate(spec.choices) if mask >> k & 1)
    lo, hi = an.intervals[spec.var][b]
    first = first_part(spec.var)
    offset = quantity_value(first, answers) if first else 0.0
    low, high, _, _ = years_bounds(spec.id, answers)
    value = max(lo - offset, low)
    if value + offset >= hi or (high is not None and value > high):
        return None
    return value


_YEARS = re.compile(r"(\d+)年")


def _readable(text: str) -> bool:
    return not any(isinstance(c, Unparsed) for c in leaves(parse_conditions(text)))


def synthetic_levels(subjects: Sequence[Subject], count: int, rng: random.Random) -> list[Level]:
    """``count`` occupations × 5 levels in the source's own phrases.

    Each synthetic occupation is modelled on a real one: per level, that subject's route
    texts (another subject's, for a level it does not have), with every number of years
    redrawn within ±2 and now and then a route left out; the importer's grammar reads
    the texts, exactly as it reads the source table.
    """
    by_number: dict[int, list[list[str]]] = {}
    for subject in subjects:
        for lv in subject.levels:
            texts = [r.text.split("、", 1)[-1] for r in lv.routes]
            # Texts settled by a reviewed override are left out.
            by_number.setdefault(lv.number, []).append([t for t in texts if _readable(t)])
    out = []
    for _ in range(count):
        model = rng.choice(subjects)
        own = {lv.number: [r.text.split("、", 1)[-1] for r in lv.routes] for lv in model.levels}
        for number in (5, 4, 3, 2, 1):
            texts = [t for t in own.get(number, []) if _readable(t)]
            if not texts:
                texts = rng.choice(by_number[number])
            kept = [t for t in texts if len(texts) == 1 or rng.random() > 0.15] or texts[:1]
            routes = []
            for n, text in enumerate(kept, start=1):
                redrawn = _YEARS.sub(lambda m: f"{max(1, int(m[1]) + rng.randint(-2, 2))}年", text)
                assert _readable(redrawn), redrawn
                conditions = parse_conditions(redrawn)
                routes.append(Route(number=n, text=f"{n}、{redrawn}", conditions=conditions))
            out.append(Level(number=number, label=f"{number}", routes=tuple(routes)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Print the benchmark; the last line is the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic-occupations", type=int, default=1600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--forty", action="store_true", help="the 40-route level only")
    args = parser.parse_args(argv)
    if args.forty:
        forty_routes()
        return 0
    book = load_rulebook()
    header = "level                          naive e/w   tree e/w    optimal e/w   compile"
    print(header)
    compiled_levels = []
    for subject in book.subjects():
        for level in subject.levels:
            start = time.perf_counter()
            tree = compile_level(level, subject.occupation.notes)
            compiled_levels.append((subject, level, tree, time.perf_counter() - start))
    rounds = [sum(c[3] for c in compiled_levels)]
    for _ in range(2):
        start = time.perf_counter()
        for subject, level, _tree, _s in compiled_levels:
            compile_level(level, subject.occupation.notes)
        rounds.append(time.perf_counter() - start)
    rows = []
    for subject, level, tree, seconds in compiled_levels:
        row = level_row(tree, seconds)
        rows.append(row)
        name = f"{subject.title} {level.label}"
        print(
            f"{name:<28} {row['naive_e']:5.2f}/{row['naive_w']:<3.0f} "
            f"{row['tree_e']:5.2f}/{row['tree_w']:<3.0f} "
            f"{row['opt_e']:6.2f}/{row['opt_w']:<3.0f} {row['ms']:8.1f} ms"
        )
    total_ms = sum(r["ms"] for r in rows)
    ratio = mean(r["tree_e"] / r["naive_e"] for r in rows)
    print(
        f"compile all {len(rows)} levels: {total_ms / 1000:.3f} s "
        f"({sum(r['exact'] for r in rows):.0f} exact); mean of per-level tree/naive {ratio:.3f}"
    )
    print(
        f"  first round (above, in a fresh process) {rounds[0]:.3f} s; again: "
        + ", ".join(f"{r:.3f} s" for r in rounds[1:])
    )
    print()
    print("all-levels interview per occupation/工种: expected / worst questions (leaves)")
    for subject in book.subjects():
        expected, worst, count = all_levels_row(subject)
        print(f"  {subject.title:<24} {expected:5.2f} / {worst:<3d} ({count} leaves)")
    print()
    synthetic(book, args.synthetic_occupations, args.seed, max(1, args.jobs))
    print()
    forty_routes()
    print()
    tree_mean = mean(r["tree_e"] for r in rows)
    print(
        f"summary: compiled/optimal={tree_mean / mean(r['opt_e'] for r in rows):.2f} "
        f"compiled/naive={tree_mean / mean(r['naive_e'] for r in rows):.2f} levels={len(rows)}"
    )
    return 0


def _compile_batch(levels: list[Level]) -> list[tuple[float, bool, int]]:
    """Compile levels in a worker: (seconds, exact?, peak RSS in KiB) each."""
    out = []
    for level in levels:
        start = time.perf_counter()
        tree = compile_level(level)
        seconds = time.perf_counter() - start
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out.append((seconds, tree.method == "exact", rss))
    return out


def synthetic(book: Rulebook, count: int, seed: int, jobs: int) -> None:
    """Compile the synthetic catalogue; print time per level, in total, and memory."""
    levels = synthetic_levels(book.subjects(), count, random.Random(seed))
    batches = [levels[k :: jobs * 8] for k in range(jobs * 8)]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = [r for batch in pool.map(_compile_batch, batches) for r in batch]
    wall = time.perf_counter() - start
    times = sorted(r[0] for r in results)
    exact = sum(1 for r in results if r[1])
    peak = max(r[2] for r in results)
    print(
        f"synthetic catalogue: {count} occupations × 5 levels = {len(levels)} levels "
        f"({exact} exact, {len(levels) - exact} greedy fallback)"
    )
    print(
        f"  compile per level: mean {mean(times) * 1000:.1f} ms, median "
        f"{times[len(times) // 2] * 1000:.1f} ms, 99th percentile "
        f"{times[int(len(times) * 0.99)] * 1000:.0f} ms, slowest {times[-1] * 1000:.0f} ms"
    )
    print(f"  total: {sum(times):.1f} s of compiling, {wall:.1f} s wall time on {jobs} processes")
    print(f"  memory: peak RSS of a compiling process {peak / 1024:.0f} MiB")


FORTY = Path(__file__).parents[1] / "tests" / "fixtures" / "forty"
_CHILD = """
import resource, sys, time
from baokao.compiler import compile_level
from baokao.rulebook import load_rulebook
book = load_rulebook(sys.argv[1] or None)
subject = book.find(sys.argv[2])
level = subject.level(int(sys.argv[3]))
start = time.perf_counter()
tree = compile_level(level, subject.occupation.notes, seconds=float(sys.argv[4]))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(tree.method, f"{seconds:.2f}", f"{peak:.0f}", f"{tree.expected:.4f}", tree.worst)
"""


def _compile_fresh(folder: str, occupation: str, level: int, seconds: float) -> list[str]:
    """Compile one level in a fresh process: method, seconds, peak MiB, expected, worst."""
    run = [sys.executable, "-c", _CHILD, folder, occupation, str(level), str(seconds)]
    return subprocess.run(run, capture_output=True, text=True, check=True).stdout.split()


def forty_routes() -> None:
    """The hostile 40-route level under the budget, beside the largest bundled level."""
    budget = DEFAULT_SECONDS
    base = _compile_fresh("", "公共营养师", 1, budget)
    hostile = _compile_fresh(str(FORTY), "四十条途径测试职业", 3, budget)
    alone = _compile_fresh(str(FORTY), "四十条途径测试职业", 3, 0.0)
    print(f"40-route level (issue 16), each compiled in a fresh process; budget {budget:g} s:")
    rows = (
        ("公共营养师 一级 (baseline)", base),
        ("四十条途径测试职业 三级", hostile),
        ("  its fallback alone", alone),
    )
    for name, row in rows:
        print(
            f"  {name:<28} method {row[0]:<6} {row[1]:>7} s  peak RSS {row[2]:>5} MiB"
            f"  e/w {row[3]}/{row[4]}"
        )
    print(
        f"  ratio hostile/baseline: time {float(hostile[1]) / float(base[1]):.1f}x, "
        f"peak memory {float(hostile[2]) / float(base[2]):.1f}x; "
        f"hostile/budget {float(hostile[1]) / budget:.2f}, "
        f"fallback alone/budget {float(alone[1]) / budget:.2f}"
    )
    command = [sys.executable, "-m", "baokao", "tree", "四十条途径测试职业", "3"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(
        [*command, "--trees", str(FORTY)], capture_output=True, text=True, check=True
    ).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(
        f"  `baokao tree` on it, whole command: {wall:.2f} s = {wall / budget:.2f} of the "
        f"budget ({cpu:.2f} s of CPU: the machine's load made up the rest); "
        f"{len(out) / 1e6:.1f} MB of text; it says: {out.splitlines()[1]}"
    )
    _prove_forty()


def _prove_forty() -> None:
    """Hold every path of the hostile level's tree against the evaluator."""
    subject = load_rulebook(FORTY).find("四十条途径测试职业")
    level = subject.level(3)
    tree = compile_level(level, subject.occupation.notes)
    start = time.perf_counter()
    checked, wrong = 0, 0
    for answers, leaf, _ in paths(tree.root):
        verdict = evaluate(level, build_profile(answers))
        outcome = leaf.outcomes[0]
        if verdict.status == "qualified":
            right = outcome.status == "qualified" and outcome.route in verdict.qualifying
        else:
            closest = verdict.closest.number if verdict.closest else None
            right = verdict.status == outcome.status and closest in outcome.closest
        checked, wrong = checked + 1, wrong + (not right)
    print(
        f"  every path of its {tree.method} tree against the evaluator: {checked} paths, "
        f"{wrong} disagree ({time.perf_counter() - start:.1f} s)"
    )


if __name__ == "__main__":
    sys.exit(main())
