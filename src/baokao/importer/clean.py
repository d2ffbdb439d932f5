"""Fold a copied text into one canonical form, remembering where each character came from.

Copies of a standard arrive in many spellings of the same words: full-width digits and
punctuation, traditional characters (經、證書), Chinese numerals for years (十五年), a
dozen kinds of dash and bracket, and noise that a web page or an OCR pass added (pinyin
after each character, anti-copy ASCII runs, censor stars, OCR's ``- -`` for 一). Layout
and grammar are written once, against the folded form.

Citation must stay as printed, so folding keeps an *origin map*: for each folded
character, the index of the original character it came from. A reader finds structure
in the folded text and cuts the quoted text out of the original through the map, so a
route read from a traditional copy is quoted in traditional characters, minus the noise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import cn2an  # type: ignore[import-untyped]
import zhconv  # type: ignore[import-untyped]

# Dashes and brackets with one canonical form each; NFKC already makes （）；：，ASCII.
_CANON = str.maketrans(
    {
        "【": "(",
        "】": ")",
        "〔": "(",
        "〕": ")",
        "［": "(",
        "］": ")",
        "—": "-",
        "―": "-",
        "─": "-",
        "–": "-",
        "－": "-",
        "﹑": "、",
        "•": " ",
        "·": "·",
        "…": "…",
    }
)
# Noise added by the copy, removed from the folded text and from quotations alike.
_NOISE = re.compile(
    # pinyin after a character: 業(yè)
    r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)"
    # censor stars and OCR footnote marks
    r"|[*◎]"
    # a lone single quote between two characters (本专业’的): a copy's stray mark
    r"|(?<=[\u4e00-\u9fff])[‘’](?=[\u4e00-\u9fff])"
    # a web page's link text in 【】 inside a sentence (并【二級營養師證書領取】取得)
    r"|(?<=[\u4e00-\u9fff])【[^【】\n]{1,20}】(?=[\u4e00-\u9fff])"
)
# Anti-copy runs: four or more short ASCII tokens between spaces, two of them with letters.
_ASCII_RUN = re.compile(r"(?:(?<=\s)|^)(?:[!-~]{1,3}[ \t]+){3,}[!-~]{0,3}(?=\s|$)", re.MULTILINE)
# OCR reads 一 as a dash pair: 之- -者, - -级.
_OCR_ONE = re.compile(r"(?<=之)\s*-\s*-\s*(?=者)|-\s*-\s*(?=级)")
# Chinese numerals before a unit of time or age (not 五级, which is a level).
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百]+(?=\s*(?:年|个月|周岁|岁))")


# Circled numbers are enumerators or footnote marks, not digits; … and — stay themselves.
_KEEP = frozenset("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳…")


def _ascii_noise(m: re.Match[str]) -> str:
    run = m.group(0)
    tokens = run.split()
    lettered = sum(1 for t in tokens if re.search("[A-Za-z]", t))
    return "" if len(tokens) >= 4 and lettered >= 2 else run


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    if char in _KEEP:
        return char
    folded = unicodedata.normalize("NFKC", char)
    simplified: str = zhconv.convert(folded, "zh-cn")
    return simplified.translate(_CANON)


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the index it came from."""

    text: str
    origin: tuple[int, ...]
    original: str
    #: Original indexes of noise removed by folding (never quoted).
    removed: frozenset[int] = frozenset()

    def quote(self, start: int, end: int) -> str:
        """The original characters behind ``text[start:end]``, without removed noise."""
        return self.quote_at(range(start, end))

    def quote_at(self, positions: Iterable[int], skip: frozenset[int] = frozenset()) -> str:
        """The original characters behind some folded positions, in order.

        A folded character that stands for several original ones (``15`` for 十五) quotes
        all of them: gaps between the original indexes are filled, except where noise was
        removed (or the original index is in ``skip``).
        """
        kept = sorted({self.origin[i] for i in positions})
        out: list[int] = []
        for index in kept:
            if out:
                gap = range(out[-1] + 1, index)
                out += [i for i in gap if i not in self.removed and i not in skip]
            out.append(index)
        return "".join(self.original[i] for i in out)

    def line_of(self, position: int) -> int:
        """The 1-based line number, in the original, of a folded position."""
        if not self.origin:
            return 1
        index = self.origin[min(position, len(self.origin) - 1)]
        return self.original.count("\n", 0, index) + 1


def _replace(
    text: str, origin: list[int], pattern: re.Pattern[str], by: object
) -> tuple[str, list[int]]:
    """Replace matches of ``pattern`` (by a string or a function of the match)."""
    out: list[str] = []
    where: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(text[last : m.start()])
        where.extend(origin[last : m.start()])
        new = by(m) if callable(by) else str(by)
        out.append(new)
        where.extend([origin[m.start()] if m.start() < len(origin) else 0] * len(new))
        last = m.end()
    out.append(text[last:])
    where.extend(origin[last:])
    return "".join(out), where


def _numeral(m: re.Match[str]) -> str:
    try:
        return str(cn2an.cn2an(m.group(0), "smart"))
    except ValueError:
        return m.group(0)


def fold(original: str) -> Folded:
    """Fold ``original``: noise out, NFKC, simplified, canonical dashes, digit years."""
    text, origin = _replace(original, list(range(len(original))), _NOISE, "")
    text, origin = _replace(text, origin, _ASCII_RUN, _ascii_noise)
    removed = frozenset(range(len(original))) - frozenset(origin)
    chars: list[str] = []
    where: list[int] = []
    for char, index in zip(text, origin, strict=True):
        folded = _fold_char(char)
        chars.append(folded)
        where.extend([index] * len(folded))
    text = "".join(chars)
    text, where = _replace(text, where, _OCR_ONE, "一")
    text, where = _replace(text, where, _CN_NUMBER, _numeral)
    return Folded(text, tuple(where), original, removed)


def fold_text(text: str) -> str:
    """Only the folded text (for the grammar, which needs no quotation)."""
    return fold(text).text
