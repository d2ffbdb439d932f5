"""How much of the real 申报条件 corpus the importer reads: the unparsed rate.

Imports every text of the project's copy of ``shared/corpus/standards`` and of
``tests/fixtures/corpus``, counts every condition node of every route (leaves, and the
``all``/``any`` that join them), the ``unparsed`` leaves among them (text the grammar
could not read) and the ``missing_text`` leaves (text a cut-off copy does not have, or
a level printed with nothing under it), and prints the unparsed rate against the target
of 3%, the count of missing-text leaves and of files cut off, and the rate of both
together. The time the import took is printed beside the time of reading the same
files' bytes (the baseline measured in the same run).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from baokao.importer import import_texts, read_source
from baokao.importer.overrides import Overrides
from baokao.model.conditions import AllOf, AnyOf, Condition, MissingText, Unparsed

ROOT = Path(__file__).resolve().parents[1]
DIRS = (ROOT / "tests" / "fixtures" / "corpus-shared", ROOT / "tests" / "fixtures" / "corpus")
TARGET = 0.03


def _nodes(conditions: tuple[Condition, ...], counts: Counter[str]) -> None:
    """Count condition nodes, unparsed leaves (by whether a kind was recognised) and
    missing-text leaves."""
    for c in conditions:
        counts["nodes"] += 1
        if isinstance(c, AllOf | AnyOf):
            _nodes(c.conditions, counts)
        elif isinstance(c, Unparsed):
            counts["unparsed"] += 1
            if c.reason is not None:
                counts["no kind"] += 1
        elif isinstance(c, MissingText):
            counts["missing"] += 1


def main() -> int:
    """Print the unparsed rate over the corpus (exit status 0: a benchmark reports)."""
    files = sorted(p for d in DIRS for p in d.glob("*.txt"))
    if not files:
        print("no corpus found")
        return 1
    start = time.perf_counter()
    for path in files:
        path.read_bytes()
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    levels = routes = cut_off = 0
    counts: Counter[str] = Counter()
    for path in files:
        occupations, report = import_texts([(str(path), read_source(path))], Overrides())
        cut_off += sum(1 for review in report.files if review.incomplete)
        subject = occupations[0].subjects()[0]
        levels += len(subject.levels)
        for level in subject.levels:
            routes += len(level.routes)
            for route in level.routes:
                _nodes(route.conditions, counts)
    took = time.perf_counter() - start
    total, unparsed, missing = counts["nodes"], counts["unparsed"], counts["missing"]
    rate = unparsed / total if total else 1.0
    both = (unparsed + missing) / total if total else 1.0
    verdict = {True: "within", False: "above"}
    print(f"files {len(files)}, levels {levels}, routes {routes}, condition nodes {total}")
    print(
        f"unparsed (text the grammar could not read) {unparsed} of {total} = {rate:.1%}, "
        f"{verdict[rate <= TARGET]} the target <= {TARGET:.0%}"
    )
    print(
        f"  of which: {counts['no kind']} are recognised with no condition kind yet, "
        f"{unparsed - counts['no kind']} are not understood"
    )
    print(
        f"missing text (not in the copy: cut off, or a level with nothing under it, "
        f"never met) {missing} leaves, in {cut_off} of {len(files)} files reported incomplete"
    )
    print(f"unparsed and missing text together {unparsed + missing} of {total} = {both:.1%}")
    print(f"import {took * 1000:.0f} ms vs reading the bytes {baseline * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
