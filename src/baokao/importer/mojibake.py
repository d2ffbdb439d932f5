"""Mend a run of mojibake that a copy made by losing one byte of GBK text.

Web copies of the standards went through GBK on their way, and a converter on the way
sometimes replaced a single byte it did not accept by ``?``, or dropped it. Every
character after that byte is then read from the wrong pair of bytes (the trail of one
character with the lead of the next: A3 and a lead make a full-width ？ or ；, which a
copy prints as ASCII) until a one-byte character puts the pairs back in step. The copy
of 营销师 prints 大學專科營銷 as ``大學??茽I銷``; a 2024 page prints 技工院校或中等及以上
职业院校 as ``技工院?;蛑械燃耙陨现耙翟盒?``; 公共营养师 prints 大學專科及以上學歷 as
``大學?萍耙陨蠈W歷`` (the byte dropped). The bytes of such a run are all still there but the
lost one, so reading them again one byte over gives the words back, and only the
character that shared the lost byte is unknown: of it, one byte is known.

A mended run is kept only when it is certain: the bytes must pair into valid GBK all the
way; the character of the lost byte is filled only from the importer's own vocabulary
(in simplified or traditional script) and only by characters that have the byte that
survived; and of all the fillings, exactly one may make the route read with fewer
fragments not understood (and none new, but one still garbled: a second run of the
same damage, mended in turn). Each mending is a note
for review (需人工核实), and the route's quoted text stays as printed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import zhconv  # type: ignore[import-untyped]

from baokao.i18n import _
from baokao.importer.clean import fold_text
from baokao.importer.repair import vocabulary, vocabulary_words
from baokao.model.conditions import Condition, Unparsed, leaves

# A byte the copy lost, standing in the stream of bytes while it is read again.
_LOST = -1
# How a copy prints a byte it lost: ``?``, or the replacement character.
_LOST_MARKS = frozenset("?\ufffd")
# The printed characters a run may take before it must be back in step.
_LONGEST = 40
# Runs of damage mended in one route, at most.
_RUNS = 3
# Readings of a route's candidates tried, at most (a page of ? must not stall the import).
_READS = 40


@dataclass(frozen=True)
class _Unknown:
    """A character of which one byte survived: ``lead`` or ``trail`` (the other is lost)."""

    lead: int | None
    trail: int | None


def _gbk(char: str) -> bytes | None:
    try:
        return char.encode("gbk")
    except UnicodeEncodeError:
        return None


def _byte_readings(char: str) -> list[list[int]]:
    """The bytes a printed character may have stood for in the damaged stream.

    ``?`` is the lost byte itself, or the full-width ？ a copy folded to ASCII (U+FFFD is
    only the lost byte); other ASCII
    punctuation may also be a folded full-width form (``;`` for ； is A3 BB in GBK).
    """
    if char == "\ufffd":
        return [[_LOST]]
    if char == "?":
        return [[_LOST], [0xA3, 0xBF]]
    if "!" <= char <= "~":
        readings = [[ord(char)]]
        if not char.isalnum():
            readings.append([0xA3, ord(char) | 0x80])
        return readings
    encoded = _gbk(char)
    return [list(encoded)] if encoded is not None and len(encoded) == 2 else []


def _pair(lead: int, trail: int) -> str | _Unknown | None:
    """The character of a lead and a trail byte; ``None`` if they are not one."""
    if lead == _LOST and trail == _LOST:
        return None
    if lead == _LOST:
        return _Unknown(None, trail) if 0x40 <= trail <= 0xFE and trail != 0x7F else None
    if not 0x81 <= lead <= 0xFE:
        return None
    if trail == _LOST:
        return _Unknown(lead, None)
    try:
        return bytes((lead, trail)).decode("gbk")
    except UnicodeDecodeError:
        return None


#: How many printed characters a run took, and the characters they stand for.
_Read = tuple[int, list[str | _Unknown]]


def _realign(run: str) -> Iterator[_Read]:
    """Read ``run`` again from its first character, a ``?``, one byte over.

    The ``?`` is the lost byte itself, or, where the copy dropped the byte instead, the
    full-width ？ (A3 BF) that the orphaned trail A3 made with the next lead byte.

    Yields, for each way of reading the printed characters as bytes, how many characters
    of ``run`` were read when the pairs came back in step, and what they stand for.
    """

    def step(at: int, pending: int | None, chars: list[str | _Unknown]) -> Iterator[_Read]:
        if at > min(len(run) - 1, _LONGEST):
            return
        for reading in _byte_readings(run[at]):
            now, out = pending, list(chars)
            for byte in reading:
                if now is None:
                    now = byte
                    continue
                char = _pair(now, byte)
                if char is None:
                    break
                out.append(char)
                now = None
            else:
                if now is None:
                    yield at + 1, out
                else:
                    yield from step(at + 1, now, out)

    if run[:1] in _LOST_MARKS:
        yield from step(1, _LOST, [])  # the ? is the lost byte
        yield from step(0, _LOST, [])  # the byte was dropped: the ? is ？, its trail and a lead


@lru_cache(maxsize=1)
def _fillers() -> tuple[tuple[str, bytes], ...]:
    """Characters that may fill a lost one: the vocabulary, simplified and traditional."""
    forms: set[str] = set()
    for char in vocabulary():
        forms |= {char, zhconv.convert(char, "zh-hant"), zhconv.convert(char, "zh-tw")}
    out = [(f, b) for f in sorted(forms) if len(f) == 1 and (b := _gbk(f)) and len(b) == 2]
    return tuple(out)


def _fills(unknown: _Unknown) -> list[str]:
    return [
        f
        for f, b in _fillers()
        if (unknown.lead is None or b[0] == unknown.lead)
        and (unknown.trail is None or b[1] == unknown.trail)
    ]


def _reads_as_words(chars: list[str | _Unknown]) -> bool:
    """Whether a run read again is words of the vocabulary, not other mojibake: at least
    half of the characters read whole are (a byte pair of random text seldom is)."""
    whole = [c for c in chars if isinstance(c, str)]
    known = vocabulary()
    return bool(whole) and 2 * sum(fold_text(c) in known for c in whole) >= len(whole)


def _in_a_word(char: str, before: str | _Unknown, after: str | _Unknown) -> bool:
    """Whether ``char`` makes a word of the vocabulary with a character read beside it."""
    pairs = [b + char for b in (before,) if isinstance(b, str) and b]
    pairs += [char + a for a in (after,) if isinstance(a, str) and a]
    return any(fold_text(pair) in _words() for pair in pairs)


@lru_cache(maxsize=1)
def _words() -> str:
    """The vocabulary's words in one text, one a line (a pair is in a word when in it)."""
    return "\n".join(vocabulary_words())


def _candidates(text: str) -> Iterator[tuple[str, str, str]]:
    """Each way of mending one run of ``text``: (mended text, run as printed, run mended)."""
    for start, char in enumerate(text):
        if char not in _LOST_MARKS:
            continue
        for end, chars in _realign(text[start:]):
            if not _reads_as_words(chars):
                continue
            around = [text[start - 1 : start], *chars, text[start + end : start + end + 1]]
            options = [
                [f for f in _fills(c) if _in_a_word(f, around[k], around[k + 2])]
                if isinstance(c, _Unknown)
                else [c]
                for k, c in enumerate(chars)
            ]
            for filled in itertools.product(*options):
                mended = "".join(filled)
                yield text[:start] + mended + text[start + end :], text[start : start + end], mended


def _unread(conditions: tuple[Condition, ...]) -> list[str]:
    return [leaf.text for leaf in leaves(conditions) if isinstance(leaf, Unparsed)]


def mend(text: str, read: Callable[[str], tuple[Condition, ...]]) -> tuple[str, tuple[str, ...]]:
    """Mend runs of one-byte-lost mojibake in a route's printed text, where certain.

    Every way of mending the runs one after another is tried (each step must leave fewer
    fragments not understood, and none new but one still garbled); the text is mended
    only if exactly one result leaves the fewest.

    Args:
        text: the route as printed.
        read: the route's reading (text as printed -> conditions).

    Returns:
        The text to read, and a note for each run mended.
    """
    if not _LOST_MARKS.intersection(text):
        return text, ()
    budget = [_READS]

    def counted(candidate: str) -> tuple[Condition, ...]:
        if budget[0] <= 0:
            raise _OutOfReads
        budget[0] -= 1
        return read(candidate)

    unread = _unread(read(text))
    try:
        ways = _ways(text, counted, unread, _RUNS)
    except _OutOfReads:  # too many ways to be sure of one: leave the text as printed
        return text, ()
    fewest = min(n for n, _text, _notes in ways)
    best = {mended: notes for n, mended, notes in ways if n == fewest}
    if fewest == len(unread) or len(best) != 1:
        return text, ()
    ((mended, notes),) = best.items()
    return mended, notes


class _OutOfReads(Exception):
    """More ways of mending a route than :data:`_READS` readings can try."""


def _ways(
    text: str, read: Callable[[str], tuple[Condition, ...]], unread: list[str], depth: int
) -> list[tuple[int, str, tuple[str, ...]]]:
    """``text`` and each mending of it that reads better: (fragments unread, text, notes)."""
    out: list[tuple[int, str, tuple[str, ...]]] = [(len(unread), text, ())]
    if depth == 0:
        return out
    for candidate, printed, mended in _candidates(text):
        left = _unread(read(candidate))
        fresh = [u for u in left if u not in unread]
        if len(left) < len(unread) and all(_LOST_MARKS.intersection(u) for u in fresh):
            note = _("原文乱码“{printed}”（GBK 丢了一个字节，其后错位），按字节重读为“{mended}”")
            note = note.format(printed=printed, mended=mended)
            further = _ways(candidate, read, left, depth - 1)
            out += [(n, t, (note, *notes)) for n, t, notes in further]
    return out
