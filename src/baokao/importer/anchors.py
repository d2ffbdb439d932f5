"""Level labels in every printed form, found in folded text.

A standard names its levels in several generations of wording: ``五级/初级工``, ``初级``,
``初级(五级)``, ``国家职业资格五级``, ``国家资格四级``, or a title ladder such as 助理X师 /
X师 / 高级X师 whose levels the standard declares in its 职业等级 line (``助理企业培训师
(国家职业资格三级)``). This module turns a short piece of heading text into a level
number, and says when the number is only inferred (a title ladder the text does not
declare, level words that disagree), so the reader can flag it for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baokao.i18n import _

_NUMERALS = {"五": 5, "四": 4, "三": 3, "二": 2, "一": 1}
_OLD = {"高级技师": 1, "技师": 2, "高级": 3, "中级": 4, "初级": 5}
_OLD_WORD = "高级技师|技师|高级|中级|初级"

#: ``国家职业资格五级``, ``国家资格四级``, ``五级/初级工``, ``三级/工``, ``五级初级工``, ``五级``.
_NUMERAL_LABEL = re.compile(
    r"(?:国家(?:职业)?资格)?(?P<n>[五四三二一])级"
    rf"(?:\s*/?\s*(?P<w>{_OLD_WORD})?\s*工?)?(?:\s*\((?P<w2>{_OLD_WORD})\))?"
)
#: ``初级``, ``高级技师``, ``初级工``, ``初级(五级)``, ``中级/四级``.
_OLD_LABEL = re.compile(
    rf"(?P<w>{_OLD_WORD})工?(?:\s*[(/]\s*(?:国家(?:职业)?资格)?(?P<n>[五四三二一])级\s*\)?)?"
)
_TITLE = re.compile(r"^(?P<rank>高级|助理)?(?P<stem>[\u4e00-\u9fff()]{2,12}?)(?P<end>师|员)$")
_DECLARED = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,14})\s*\(国家(?:职业)?资格(?P<n>[五四三二一])级\)"
)
# Words that make a line a sentence rather than a heading.
_NOT_HEADING = re.compile(
    r"取得|从事|具有|经|学徒|毕业|证书|学历|年以上|见习|培训|条件|略|和|、|,|等级|分别"
)


@dataclass(frozen=True)
class Label:
    """A level found in heading text; ``doubt`` says why its number needs a human."""

    number: int
    doubt: str | None = None


@dataclass
class Ladder:
    """Title names of a standard's levels: declared in its 职业等级 line, else inferred."""

    declared: dict[str, int] = field(default_factory=dict)
    conflicts: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    #: Every level number the 职业等级 line declares (国家职业资格N级).
    numbers: set[int] = field(default_factory=set)

    def title(self, text: str) -> Label | None:
        """The level a title (助理企业培训师) names, if ``text`` is one of this ladder's."""
        if text in self.declared:
            return Label(self.declared[text])
        m = _TITLE.match(text)
        if m is None or m.group("stem") not in self.stems or self.closed:
            return None
        rank, end = m.group("rank"), m.group("end")
        if rank == "高级":
            number = 1
        elif rank == "助理":
            number = 3
        elif end == "师":
            number = 2
        else:
            number = 4 if any(f"助理{s}师" in self.seen for s in self.stems) else 3
        why = _("两处说法不一") if text in self.conflicts else _("未声明")
        doubt = _(
            "文本没有说明{title}是哪一级（{why}）；按职称阶梯读作{level}"
            "（高级X师 一级、X师 二级、助理X师 三级）"
        )
        return Label(
            number, doubt.format(title=text, why=why, level="一二三四五"[number - 1] + "级")
        )

    seen: set[str] = field(default_factory=set)
    #: The headings use titles the 职业等级 line declares without contradiction, so no
    #: other title (the occupation's own name, 计算机程序设计员, on a line) is a level.
    closed: bool = False


def read_ladder(text: str, candidates: list[str]) -> Ladder:
    """Collect declared titles (``X(国家职业资格三级)``) and the stems of title headings."""
    ladder = Ladder()
    seen = set(candidates)
    for m in _DECLARED.finditer(text):
        name, number = m.group("name"), _NUMERALS[m.group("n")]
        # 本职业共分三个等级程序员(…四级): the title is the longest tail a heading uses,
        # but not the tail of another title (高级测试师 is not 测试师, with no heading of its own)
        name = next(
            (
                name[i:]
                for i in range(len(name) - 1)
                if name[i:] in seen and not name[:i].endswith(("高级", "助理"))
            ),
            name,
        )
        ladder.numbers.add(number)
        if name in ladder.declared and ladder.declared[name] != number:
            ladder.conflicts.add(name)
        ladder.declared.setdefault(name, number)
    for name in ladder.conflicts:
        del ladder.declared[name]
    stems: dict[str, int] = {}
    for candidate in candidates:
        if (title := _TITLE.match(candidate)) is not None:
            stems[title.group("stem")] = stems.get(title.group("stem"), 0) + 1
    ladder.stems = {s for s, count in stems.items() if count >= 2}
    ladder.seen = seen
    ladder.closed = bool(seen & set(ladder.declared)) and not ladder.conflicts
    return ladder


def _pair(n: str | None, w: str | None) -> Label | None:
    number = _NUMERALS[n] if n else None
    word = _OLD[w] if w else None
    if number is None and word is None:
        return None
    if number is not None and word is not None and number != word:
        return Label(number, _("等级用词{n}级与{w}不一致，按{n}级读").format(n=n, w=w))
    return Label(number if number is not None else word or 0)


def label_in(text: str, ladder: Ladder | None = None) -> tuple[Label, int, int] | None:
    """The first level label in ``text``, with its span; numeral forms win over old words.

    A title of the ladder (the whole text) is tried first, since 高级企业培训师 is 一级
    and not 高级.
    """
    if ladder is not None and (title := ladder.title(text)) is not None:
        return title, 0, len(text)
    m = _NUMERAL_LABEL.search(text)
    if m is not None:
        found = _pair(m.group("n"), m.group("w") or m.group("w2"))
        if found is not None:
            return found, m.start(), m.end()
    m = _OLD_LABEL.search(text)
    if m is not None:
        found = _pair(m.group("n"), m.group("w"))
        if found is not None:
            return found, m.start(), m.end()
    return None


_LEAD = re.compile(
    r"^(?:\s|[-_]|\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十]{1,2}、"
    r"|\d+(?:\.\d+)*[.、]?|[①②③④⑤⑥⑦⑧⑨⑩]|申报资格|申报|报考)+"
)
_TRAIL = re.compile(r"(?:报考条件|申报条件|报名条件|报名须|申报资格|应|\s)*[:。]?\s*$")
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fff()/\s]{0,14}$")


def heading_words(segment: str) -> str:
    """Strip numbering, dashes and 申报条件-like words around a heading's level text."""
    return _TRAIL.sub("", _LEAD.sub("", segment)).strip()


def line_heading(line: str, ladder: Ladder) -> Label | None:
    """The level of a line that is a heading by itself (``调酒师初级``, ``申报五级/初级工``).

    Such a line holds a level label and at most a few name characters, and nothing that
    belongs to a condition.
    """
    words = heading_words(line)
    if not words or _NOT_HEADING.search(words) or not _NAME_CHARS.match(words):
        return None
    if (title := ladder.title(words)) is not None:
        if re.search(r"条件", line):
            return None  # 理财规划师报名条件 is the document's title, not a level
        return title
    found = label_in(words)
    if found is None:
        return None
    rest = words[: found[1]] + words[found[2] :]
    other = label_in(rest)
    if other is not None and other[0].number != found[0].number:
        why = _("一个标题里有两个等级用词（{words}），按第一个读").format(words=words)
        return Label(found[0].number, found[0].doubt or why)
    return found[0]
