"""How much of the real 申报条件 corpus the importer reads: the unparsed rate.

Imports every text of ``shared/corpus/standards`` (beside the clone) and of
``tests/fixtures/corpus``, counts every condition node of every route (leaves, and the
``all``/``any`` that join them) and the ``unparsed`` leaves among them, and prints the
rate against the target of 3%, with the time the import took beside the time of reading
the same files' bytes (the baseline measured in the same run).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from baokao.importer import import_texts, read_source
from baokao.importer.overrides import Overrides
from baokao.model.conditions import AllOf, AnyOf, Condition

ROOT = Path(__file__).resolve().parents[1]
DIRS = (ROOT.parent / "shared" / "corpus" / "standards", ROOT / "tests" / "fixtures" / "corpus")
TARGET = 0.03


def _nodes(conditions: tuple[Condition, ...]) -> tuple[int, int]:
    total = unparsed = 0
    for c in conditions:
        total += 1
        if isinstance(c, AllOf | AnyOf):
            t, u = _nodes(c.conditions)
            total, unparsed = total + t, unparsed + u
        elif c.kind == "unparsed":
            unparsed += 1
    return total, unparsed


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
    total = unparsed = levels = routes = 0
    kinds: Counter[str] = Counter()
    for path in files:
        occupations, _ = import_texts([(str(path), read_source(path))], Overrides())
        subject = occupations[0].subjects()[0]
        levels += len(subject.levels)
        for level in subject.levels:
            for route in level.routes:
                routes += 1
                t, u = _nodes(route.conditions)
                total, unparsed = total + t, unparsed + u
                kinds.update(c.kind for c in route.conditions)
    took = time.perf_counter() - start
    rate = unparsed / total if total else 1.0
    print(f"files {len(files)}, levels {levels}, routes {routes}, condition nodes {total}")
    print(f"unparsed {unparsed} of {total} = {rate:.1%} (target <= {TARGET:.0%})")
    print(f"import {took * 1000:.0f} ms vs reading the bytes {baseline * 1000:.1f} ms")
    print("above the target" if rate > TARGET else "within the target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
