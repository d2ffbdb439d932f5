"""What the rules in use cover, in the words the user reads: which occupations, taken
from which table, and how to add another.

A user who searches for an occupation the rules do not hold must learn that it is not
covered (rather than that it does not exist) and what to do about it; the start screen
says the same before anyone searches.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from baokao.i18n import _, listing, ngettext

#: At most this many names are listed in a sentence; past it, "… and N more".
NAMES_SHOWN = 12


def source_titles(folder: Path) -> tuple[str, ...]:
    """The titles of the source texts kept with a rule folder (``source/*.txt``).

    A title is the first non-blank line of the text (the table's own heading, e.g.
    职业技能等级证书报考条件); a text that cannot be read is left out.
    """
    titles = []
    for path in sorted((folder / "source").glob("*.txt")):
        try:
            with path.open(encoding="utf-8-sig") as handle:
                title = next((line.strip() for line in handle if line.strip()), "")
        except (OSError, UnicodeDecodeError):
            continue
        if title:
            titles.append(title)
    return tuple(titles)


def _names(occupations: Sequence[str]) -> str:
    shown = listing(occupations[:NAMES_SHOWN])
    left = len(occupations) - NAMES_SHOWN
    if left <= 0:
        return shown
    return ngettext("{names} 等（另有 {count} 个）", "{names} 等（另有 {count} 个）", left).format(
        names=shown, count=left
    )


def covered(occupations: Sequence[str], sources: Sequence[str]) -> str:
    """``现有规则涵盖 9 个职业（来源：《…》）``: what the rules hold, and from where."""
    count = len(occupations)
    if sources:
        text = ngettext(
            "现有规则涵盖 {count} 个职业（来源：{sources}）",
            "现有规则涵盖 {count} 个职业（来源：{sources}）",
            count,
        )
        titles = listing(_("《{title}》").format(title=s) for s in sources)
        return text.format(count=count, sources=titles)
    text = ngettext("现有规则涵盖 {count} 个职业", "现有规则涵盖 {count} 个职业", count)
    return text.format(count=count)


def not_covered(query: str, occupations: Sequence[str]) -> str:
    """What a search that found nothing tells: what is covered, and how to add more."""
    return _(
        "没有匹配“{query}”的职业或工种。现有规则只涵盖：{names}。"
        "要加入其他职业，请用 baokao import 导入该职业国家职业技能标准中的“申报条件”一节。"
    ).format(query=query, names=_names(occupations))
