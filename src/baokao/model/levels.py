"""The five skill levels and every way people write them.

The contract accepts ``四级``, ``四级/中级``, ``中级`` and ``4`` as the same level; the
source also uses old names (初级 … 高级技师). One table here keeps every spelling in
one place so the importer, ``check`` and the UI agree.
"""

from __future__ import annotations

from baokao.i18n import N_

LEVEL_LABELS: dict[int, str] = {  # the table's labels; shown translated (N_)
    5: N_("五级/初级"),
    4: N_("四级/中级"),
    3: N_("三级/高级"),
    2: N_("二级/技师"),
    1: N_("一级/高级技师"),
}

_NUMERALS = {"五": 5, "四": 4, "三": 3, "二": 2, "一": 1}
_OLD_NAMES = {"初级": 5, "中级": 4, "高级": 3, "技师": 2, "高级技师": 1}


def level_number(word: str) -> int | None:
    """Return the level (1–5) a single word names, or ``None``.

    Args:
        word: ``四级``, ``中级``, ``高级技师``, ``4`` or a full label like ``四级/中级``.

    Returns:
        The level number, or ``None`` when the word names no level.
    """
    text = word.strip().replace(" ", "")
    if text.endswith("工") and len(text) > 2:
        text = text[:-1]
    if text.isascii() and text.isdigit():  # not "²" or "４"; never int() of 5,000 digits
        return int(text) if len(text) == 1 and 1 <= int(text) <= 5 else None
    if text in _OLD_NAMES:
        return _OLD_NAMES[text]
    if len(text) == 2 and text[1] == "级" and text[0] in _NUMERALS:
        return _NUMERALS[text[0]]
    if "/" in text:
        left, _, right = text.partition("/")
        a, b = level_number(left), level_number(right)
        if a is not None and (b is None or a == b):
            return a
    return None


def parse_level(value: object) -> int | None:
    """Read a level given as text or as an integer (``4``, ``"4"``, ``"四级/中级"``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 1 <= value <= 5 else None
    if isinstance(value, str):
        _, slash, right = value.partition("/")
        if slash and level_number(right) is None:  # "四级/xyz" names no level
            return None
        return level_number(value)
    return None
