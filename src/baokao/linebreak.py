"""Chinese line breaking (避头尾): closing punctuation never starts a line, opening
punctuation never ends one.

Terminal libraries wrap Chinese by cutting at the last character that fits, so a line can
start with ``）`` or ``。``. :func:`kinsoku` takes the cuts of any such wrapper and moves
each cut that breaks the rule earlier (the character before a closing mark goes to the
next line with it), re-wrapping the rest from there so that no line grows past the
width. The rule lives here once; the UI installs it into the wrappers it uses.
"""

from __future__ import annotations

from collections.abc import Callable

#: May not start a line: closing brackets and quotes, sentence and clause marks.
NO_START = frozenset("）)］]｝}〕〉》」』】〗〙〛’”｠»、。，．,.：:；;！!？?…‥・～〜ー々")
#: May not end a line: opening brackets and quotes.
NO_END = frozenset("（([［{｛〔〈《「『【〖〘〚‘“｟«")

Divide = Callable[[str, int, bool], list[int]]


def _bad_cut(text: str, cut: int) -> bool:
    return text[cut] in NO_START or text[cut - 1] in NO_END


def kinsoku(divide: Divide, text: str, width: int, fold: bool = True) -> list[int]:
    """The cuts of ``divide(text, width, fold)``, moved so that no line breaks 避头尾.

    Args:
        divide: A wrapper returning the offsets at which ``text`` is cut into lines.
        text: One line of text (no newlines).
        width: The width in cells.
        fold: Whether words longer than the width are folded (passed on).

    Returns:
        The offsets of the line starts after the first, as ``divide`` returns them. A cut
        is kept as it was when moving it would leave a line empty.
    """
    cuts: list[int] = []
    start = 0
    while True:
        rest = divide(text[start:], width, fold)
        if not rest:
            return cuts
        cut = start + rest[0]
        moved = cut
        while moved - 1 > start and _bad_cut(text, moved):
            moved -= 1
        if not _bad_cut(text, moved):
            cut = moved
        cuts.append(cut)
        start = cut
