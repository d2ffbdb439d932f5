"""Words that name the occupation itself, read as 本专业 / 本等级, with a note.

Old standards often name their own occupation where the template says 本专业 or 本等级:
a specialty (营销专业 in 营销师's text), a training (经营销师正规培训 under the level the
route is for, when the standard declares no level for that title). Only the occupation's
own name counts: its name less 师/员/工 (and less a copy's ``_旧版``-style tag), never a
word that merely shares characters with it, so 经济管理专业 in 物业管理员's text stays as
printed. Every such reading is noted for review.
"""

from __future__ import annotations

import re

from baokao.i18n import _

_WIDENED = re.compile(r"本专业\(含(?P<other>[\u4e00-\u9fff、]{2,16}?)专业\)")


def stem(occupation: str | None) -> str:
    """The occupation's own name less 师/员/工 and a copy tag: 营销师_繁体 -> 营销."""
    return re.sub(r"[师员工]$", "", (occupation or "").split("_")[0])


def own_training(title: str, occupation: str | None) -> str | None:
    """The note for a training named after the occupation (营销师), read at the route's
    level; ``None`` when ``title`` is not the occupation's own name."""
    name = (occupation or "").split("_")[0]
    if len(stem(occupation)) < 2 or title != name:
        return None
    note = _("“经{name}正规培训”按本职业本等级的正规培训读（培训名即本职业名）")
    return note.format(name=name)


def own_names(text: str, occupation: str | None) -> tuple[str, tuple[str, ...]]:
    """Read the occupation's own name in a specialty as 本专业.

    A specialty the text adds in brackets (``本专业(含经济管理专业)``) is not one the rule
    book can name, so the route reads 本专业 alone, stricter than the text, and says so.

    Returns:
        The text to read, and a note for each reading made.
    """
    notes: list[str] = []
    name = stem(occupation)
    if len(name) >= 2 and f"{name}专业" in text:
        text = text.replace(f"{name}专业", "本专业")
        notes.append(_("“{name}专业”按本专业读（专业名即本职业名）").format(name=name))
    for m in _WIDENED.finditer(text):
        note = _("“（含{other}专业）”未读入，只按本专业读；{other}专业的考生需人工核实")
        notes.append(note.format(other=m.group("other")))
    return _WIDENED.sub("本专业", text), tuple(notes)
