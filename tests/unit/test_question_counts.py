"""Today's question counts, held: every bundled level's expected and worst-case questions.

These are the counts of the exact optimum as measured before the compiler was rewritten
(issue 10): the fact registry, the one judgement and the one solver must keep every tree
exactly as short. Each level is held as ``benchmarks/questions.py`` compiles it (its own
questions) and as the app compiles it (questions shared with the subject's other
levels). Expected counts weigh each answer branch equally.
"""

from __future__ import annotations

import pytest

from baokao.compiler import compile_level
from baokao.rulebook import load_rulebook

#: (subject, level, shared questions?) -> (expected questions, worst case).
FIGURES: dict[tuple[str, int, bool], tuple[float, int]] = {
    ("电子商务师", 4, False): (1.96875, 6),
    ("电子商务师", 4, True): (1.96875, 6),
    ("电子商务师", 3, False): (3.574652777777777, 9),
    ("电子商务师", 3, True): (3.574652777777777, 9),
    ("电子商务师 · 网商", 5, False): (1.75, 3),
    ("电子商务师 · 网商", 5, True): (1.75, 3),
    ("电子商务师 · 网商", 4, False): (1.96875, 6),
    ("电子商务师 · 网商", 4, True): (1.96875, 6),
    ("电子商务师 · 网商", 3, False): (3.574652777777777, 9),
    ("电子商务师 · 网商", 3, True): (3.574652777777777, 9),
    ("保育员", 5, False): (1.75, 3),
    ("保育员", 5, True): (1.75, 3),
    ("保育员", 4, False): (2.571759259259259, 9),
    ("保育员", 4, True): (2.7918595679012346, 12),
    ("保育员", 3, False): (3.2410300925925926, 10),
    ("保育员", 3, True): (3.2410300925925926, 10),
    ("美容师", 5, False): (1.5, 2),
    ("美容师", 5, True): (1.5, 2),
    ("美容师", 4, False): (3.092592592592592, 7),
    ("美容师", 4, True): (3.092592592592592, 7),
    ("美容师", 3, False): (2.1736111111111107, 6),
    ("美容师", 3, True): (2.1736111111111107, 6),
    ("美发师", 5, False): (1.5, 2),
    ("美发师", 5, True): (1.5, 2),
    ("美发师", 4, False): (3.092592592592592, 7),
    ("美发师", 4, True): (3.092592592592592, 7),
    ("美发师", 3, False): (2.1736111111111107, 6),
    ("美发师", 3, True): (2.1736111111111107, 6),
    ("保健按摩师", 5, False): (1.5, 2),
    ("保健按摩师", 5, True): (1.5, 2),
    ("保健按摩师", 4, False): (2.8932291666666665, 9),
    ("保健按摩师", 4, True): (2.8932291666666665, 9),
    ("保健按摩师", 3, False): (3.9453125, 9),
    ("保健按摩师", 3, True): (3.9453125, 9),
    ("保健按摩师 · 脊柱按摩师", 5, False): (1.75, 3),
    ("保健按摩师 · 脊柱按摩师", 5, True): (1.75, 3),
    ("保健按摩师 · 脊柱按摩师", 4, False): (3.0653935185185177, 9),
    ("保健按摩师 · 脊柱按摩师", 4, True): (3.0653935185185177, 9),
    ("保健按摩师 · 脊柱按摩师", 3, False): (2.9997685185185183, 8),
    ("保健按摩师 · 脊柱按摩师", 3, True): (2.9997685185185183, 8),
    ("保健按摩师 · 反射治疗师", 5, False): (1.5, 2),
    ("保健按摩师 · 反射治疗师", 5, True): (1.5, 2),
    ("保健按摩师 · 反射治疗师", 4, False): (2.6979166666666665, 8),
    ("保健按摩师 · 反射治疗师", 4, True): (2.6979166666666665, 8),
    ("保健按摩师 · 反射治疗师", 3, False): (4.239583333333333, 8),
    ("保健按摩师 · 反射治疗师", 3, True): (4.239583333333333, 8),
    ("保健按摩师 · 足部按摩师", 5, False): (1.5, 2),
    ("保健按摩师 · 足部按摩师", 5, True): (1.5, 2),
    ("保健按摩师 · 足部按摩师", 4, False): (2.8932291666666665, 9),
    ("保健按摩师 · 足部按摩师", 4, True): (2.8932291666666665, 9),
    ("保健按摩师 · 足部按摩师", 3, False): (3.9453125, 9),
    ("保健按摩师 · 足部按摩师", 3, True): (3.9453125, 9),
    ("企业人力资源管理师", 4, False): (2.0708333333333333, 6),
    ("企业人力资源管理师", 4, True): (2.0708333333333333, 6),
    ("企业人力资源管理师", 3, False): (3.015335648148148, 7),
    ("企业人力资源管理师", 3, True): (3.015335648148148, 7),
    ("企业人力资源管理师", 2, False): (3.312972222222222, 8),
    ("企业人力资源管理师", 2, True): (3.312972222222222, 8),
    ("企业人力资源管理师", 1, False): (1.75, 3),
    ("企业人力资源管理师", 1, True): (1.75, 3),
    ("公共营养师", 4, False): (1.9375, 5),
    ("公共营养师", 4, True): (1.9375, 5),
    ("公共营养师", 3, False): (3.328125, 8),
    ("公共营养师", 3, True): (3.328125, 8),
    ("公共营养师", 2, False): (3.479166666666666, 8),
    ("公共营养师", 2, True): (3.479166666666666, 8),
    ("公共营养师", 1, False): (4.071952160493827, 9),
    ("公共营养师", 1, True): (4.071952160493827, 9),
    ("劳动关系协调员", 4, False): (2.0708333333333333, 6),
    ("劳动关系协调员", 4, True): (2.0708333333333333, 6),
    ("劳动关系协调员", 3, False): (3.015335648148148, 7),
    ("劳动关系协调员", 3, True): (3.015335648148148, 7),
    ("劳动关系协调员", 2, False): (3.312972222222222, 8),
    ("劳动关系协调员", 2, True): (3.312972222222222, 8),
    ("劳动关系协调员", 1, False): (1.75, 3),
    ("劳动关系协调员", 1, True): (1.75, 3),
    ("物流师", 4, False): (2.81640625, 9),
    ("物流师", 4, True): (2.81640625, 9),
    ("物流师", 3, False): (4.1104166666666675, 10),
    ("物流师", 3, True): (4.1104166666666675, 10),
    ("物流师", 2, False): (4.411458333333333, 9),
    ("物流师", 2, True): (4.411458333333333, 9),
    ("物流师", 1, False): (4.442708333333333, 8),
    ("物流师", 1, True): (4.442708333333333, 8),
}

BOOK = load_rulebook()


def test_every_bundled_level_is_held() -> None:
    held = {(s.title, lv.number) for s in BOOK.subjects() for lv in s.levels}
    assert held == {(title, number) for title, number, _ in FIGURES}
    assert len(held) == 42


@pytest.mark.parametrize(
    ("title", "number", "shared"), list(FIGURES), ids=[f"{t}-{n}-{s}" for t, n, s in FIGURES]
)
def test_question_counts_equal_todays(title: str, number: int, shared: bool) -> None:
    subject = next(s for s in BOOK.subjects() if s.title == title)
    level = subject.level(number)
    context = subject.levels if shared else ()
    tree = compile_level(level, subject.occupation.notes, context=context)
    expected, worst = FIGURES[(title, number, shared)]
    assert tree.method == "exact"
    assert tree.expected == pytest.approx(expected, abs=1e-9)
    assert tree.worst == worst
