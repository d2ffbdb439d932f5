"""Property test: any text through the standards reader gives a section or one clean error.

Random arrangements of real heading, item, note and noise fragments (and random
characters) either read into subjects whose every route parses, or raise
``StandardLayoutError`` with a line number; nothing else escapes.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baokao.importer.grammar import parse_conditions
from baokao.importer.standard import StandardLayoutError, read_section

FRAGMENTS = [
    "——四级/中级工（具备以下条件之一者）",
    "具备以下条件之一者，可申报五级/初级工：",
    "高级(具備以下條件之一者",
    "一级/高级技师",
    "五级",
    "(初级)",
    "助理理财规划师(具备以下条件之一者)",
    "(1)",
    "（2）",
    "3、",
    "1.",
    "①",
    "(2-1)",
    "(2-2)或",
    "累计从事本职业工作4年（含）以上。",
    "取得本职业初级职业资格证书后,连续从事本职业工作3年以上",
    "经本职业中级正规培训达规定标准学时数,",
    "并取得毕(结)业证书。",
    "注：相关职业：美发师。",
    "相关职业",
    "2.9 考核方式",
    "— 5 —",
    '+ r* ?" A/ `# `(',
    "十五年",
    "\n",
    " ",
    "|",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)),
        max_size=30,
    )
)
def test_any_text_reads_or_fails_cleanly(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        section = read_section(text, name="测试员")
    except StandardLayoutError as exc:
        assert re.match(r"^第\d+行：", str(exc)), str(exc)
        return
    assert section.subjects
    for subject in section.subjects:
        for level in subject.levels:
            numbers = [r.number for r in level.routes]
            assert numbers == sorted(set(numbers)), numbers
            for route in level.routes:
                assert route.number >= 1 and route.line >= 1
                assert parse_conditions(route.text)
    for flag in section.flags:
        assert flag.line >= 1 and flag.message
