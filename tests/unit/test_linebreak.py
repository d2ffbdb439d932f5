"""避头尾: wrapped Chinese never starts a line with closing punctuation, nor ends one with
opening punctuation, and no line grows past the width."""

from __future__ import annotations

import pytest
from rich._wrap import divide_line
from rich.cells import cell_len

from baokao.linebreak import NO_END, NO_START, kinsoku

TEXTS = [
    "取得本职业三级公共营养师职业资格证书（技能等级证书）后，连续从事本职业工作5年以上。",
    "具有大专及以上学历证书（含在读应届毕业生），并取得本职业四级证书；或累计从事本职业工作6年（含）以上。",
    "“取得证书后，连续从事…N年”要求取得证书后的工作没有中断；中断过的，需重新连续工作满N年。",
    "（技能等级证书）《国家职业技能标准》「申报条件」：一级、二级、三级！？",
]


def lines_of(text: str, width: int) -> list[str]:
    cuts = kinsoku(divide_line, text, width)
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


@pytest.mark.parametrize("text", TEXTS)
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(text: str) -> None:
    for width in range(6, 90):
        lines = lines_of(text, width)
        assert "".join(lines) == text
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        assert not [line for line in lines[1:] if line[0] in NO_START], (width, lines)
        assert not [line for line in lines[:-1] if line[-1] in NO_END], (width, lines)


def test_plain_wrapping_did_break_the_rule() -> None:
    """The texts above do put punctuation at a line's start with a plain wrapper."""
    broken = 0
    for text in TEXTS:
        for width in range(6, 90):
            cuts = divide_line(text, width)
            broken += sum(text[c] in NO_START for c in cuts)
    assert broken > 0
