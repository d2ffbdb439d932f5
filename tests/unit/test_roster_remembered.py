"""A roster judges a candidate it has seen before once: what it remembers is the verdict
the evaluator gives.

Checked row by row against the evaluator itself, on a roster whose candidates repeat as
a class's do (same school, same whole years, a few certificates), with a memory large
enough to keep them all and with one so small that verdicts are forgotten and judged
again.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from baokao.checking import result_json
from baokao.evaluator import evaluate
from baokao.inputs import Source
from baokao.roster.check import Judgements, check_rows, open_roster
from baokao.rulebook import load_rulebook

HEADERS = ["姓名", "职业", "申报等级", "本职业累计年限", "证书等级", "证书职业", "取得证书后年限"]
HEADERS += ["学历", "专业", "毕业状态"]


def _roster(path: Path) -> int:
    """A class of 美容师 candidates, each kind several times under different names."""
    kinds = itertools.product(
        ["", "四级", "三级"],  # every level, or one
        ["", "0", "2", "6", "6.0", "11"],
        [("", "", ""), ("五级", "本职业", "4"), ("四级", "本职业", ""), ("无", "", "")],
        [("", "", ""), ("技工学校", "本专业", "应届毕业生"), ("大学本科", "相关专业", "已毕业")],
    )
    rows = [
        [f"学生{n}", "美容师", level, years, *cert, *school]
        for n, (level, years, cert, school) in enumerate(list(kinds) * 3)
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEADERS, *rows[::2], *rows[1::2]])
    return len(rows)


@pytest.mark.parametrize("size", [3, Judgements.SIZE])
def test_every_row_gets_the_verdict_the_evaluator_gives_its_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    monkeypatch.setattr(Judgements, "SIZE", size)
    path = tmp_path / "class.csv"
    count = _roster(path)
    book = load_rulebook()
    source = Source.open(path)
    try:
        results = list(check_rows(open_roster(source), book))
    finally:
        source.close()
    # 4 years after a certificate with 0 or 2 years in all: bad rows, each said as such
    bad = [r for r in results if r.error is not None]
    assert len(results) == count and 0 < len(bad) < count // 4
    assert all("years_after exceeds years_this" in r.error for r in bad if r.error)
    judged = 0
    for row in results:
        for checked, verdict in row.results:
            fresh = evaluate(verdict.level, checked.case.profile)
            assert result_json(checked, verdict) == result_json(checked, fresh)
            assert [(r.route, r.outcome) for r in verdict.routes] == [
                (r.route, r.outcome) for r in fresh.routes
            ]
            closest = verdict.closest
            assert (closest and closest.route) == (fresh.closest and fresh.closest.route)
            judged += 1
    assert judged > count  # the rows asking no level were judged at every level
