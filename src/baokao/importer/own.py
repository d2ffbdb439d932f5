"""Words that name the occupation itself, read as 本职业/本专业/本等级, with a note.

Old standards often name their own occupation where the template says 本职业: a
specialty (营销专业 in 营销师's text), a training (经营销师正规培训 under the level the
route is for). The grammar knows 本专业 and 本等级; this module rewrites the occupation's
own name to them before parsing, and only that name: its name less 师/员/工 (and less a
copy's ``_旧版``-style tag), never a word that merely shares characters with it, so
经济管理专业 in 物业管理员's text stays as printed. Every rewrite is noted for review.
"""

from __future__ import annotations

import re

from baokao.i18n import _

_WIDENED = re.compile(r"本专业\(含(?P<other>[\u4e00-\u9fff、]{2,16}?)专业\)")


def stem(occupation: str | None) -> str:
    """The occupation's own name less 师/员/工 and a copy tag: 营销师_繁体 -> 营销."""
    return re.sub(r"[师员工]$", "", (occupation or "").split("_")[0])


def own_names(text: str, occupation: str | None) -> tuple[str, tuple[str, ...]]:
    """Read the occupation's own name in a specialty or a training as 本专业 / 本等级.

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
    training = re.compile(rf"(?<=经){re.escape(name)}[师员](?=(?:正规)?培训)")
    if len(name) >= 2 and training.search(text):
        text = training.sub("本职业本等级", text)
        note = _("“经{name}正规培训”按本职业本等级的正规培训读（培训名即本职业名）")
        notes.append(note.format(name=occupation and occupation.split("_")[0]))
    for m in _WIDENED.finditer(text):
        note = _("“（含{other}专业）”未读入，只按本专业读；{other}专业的考生需人工核实")
        notes.append(note.format(other=m.group("other")))
    return _WIDENED.sub("本专业", text), tuple(notes)
