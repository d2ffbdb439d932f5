"""How much of the real 申报条件 corpus the importer reads: the unparsed rate.

Imports every text of the project's copy of ``shared/corpus/standards`` and of
``tests/fixtures/corpus``, counts every condition node of every route (leaves, and the
``all``/``any`` that join them) and the ``unparsed`` leaves among them, and prints the
rate against the target of 3%: over all unparsed leaves, and without those that stand
for text a cut-off copy does not have (``原文在此截断``, a level with nothing under it).
The time the import took is printed beside the time of reading the same files' bytes
(the baseline measured in the same run).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from baokao.i18n import _
from baokao.importer import import_texts, read_source
from baokao.importer.build import CUT_OFF, NO_CONDITIONS
from baokao.importer.overrides import Overrides
from baokao.model.conditions import AllOf, AnyOf, Condition, Unparsed

ROOT = Path(__file__).resolve().parents[1]
DIRS = (ROOT / "tests" / "fixtures" / "corpus-shared", ROOT / "tests" / "fixtures" / "corpus")
TARGET = 0.03


def _nodes(conditions: tuple[Condition, ...], counts: Counter[str]) -> None:
    """Count condition nodes, and unparsed leaves by why they are unparsed."""
    missing = {_(CUT_OFF), _(NO_CONDITIONS)}
    for c in conditions:
        counts["nodes"] += 1
        if isinstance(c, AllOf | AnyOf):
            _nodes(c.conditions, counts)
        elif isinstance(c, Unparsed):
            counts["unparsed"] += 1
            if c.reason in missing:
                counts["missing"] += 1
            elif c.reason is not None:
                counts["no kind"] += 1


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
    levels = routes = 0
    counts: Counter[str] = Counter()
    for path in files:
        occupations, _report = import_texts([(str(path), read_source(path))], Overrides())
        subject = occupations[0].subjects()[0]
        levels += len(subject.levels)
        for level in subject.levels:
            routes += len(level.routes)
            for route in level.routes:
                _nodes(route.conditions, counts)
    took = time.perf_counter() - start
    total, unparsed, missing = counts["nodes"], counts["unparsed"], counts["missing"]
    rate = unparsed / total if total else 1.0
    print(f"files {len(files)}, levels {levels}, routes {routes}, condition nodes {total}")
    print(f"unparsed {unparsed} of {total} = {rate:.1%} (target <= {TARGET:.0%})")
    print(
        f"  of which: {missing} stand for text missing from a cut-off copy (never met), "
        f"{counts['no kind']} are recognised with no condition kind yet, "
        f"{unparsed - missing - counts['no kind']} are not understood"
    )
    unread = (unparsed - missing) / total if total else 1.0
    print(f"unparsed where the copy has the text: {unparsed - missing} of {total} = {unread:.1%}")
    print(f"import {took * 1000:.0f} ms vs reading the bytes {baseline * 1000:.1f} ms")
    verdict = {True: "within the target", False: "above the target"}
    print(
        f"all unparsed: {verdict[rate <= TARGET]}; "
        f"where the copy has the text: {verdict[unread <= TARGET]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
