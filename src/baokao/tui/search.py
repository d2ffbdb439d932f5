"""Find an occupation or 工种 by name, code or pinyin, fuzzily and ranked.

The start screen must answer the first key press at once, with 13 occupations as with
the 1,600 of a national catalogue, so this module works from the rule folder's light
listing (:mod:`baokao.listing`: names, codes, 工种, level labels and pinyin, with no
pydantic and no rule parsing), and each key press scores only the entries that could
match (see :class:`SearchIndex`). A listing without pinyin (a rule file edited since
the index was written) still matches names and codes; the app adds the pinyin in the
background.

Pinyin matching treats a query as a run of syllable prefixes, so ``mrs``,
``meirongshi``, ``meirs`` and ``rongshi`` all find 美容师. Nothing here imports textual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from baokao.listing import Listing, read_listing
from baokao.listing import pinyin_syllables as pinyin_syllables

#: Score of each kind of match; higher ranks first.
EXACT, PREFIX, CODE, SYLLABLES, SUBSTRING, SUBSEQUENCE = 100, 90, 88, 80, 70, 40

_SPACES = re.compile(r"[\s·・]+")
_CODE_CHARS = re.compile(r"[-.\s]")


class Entry(NamedTuple):
    """One thing a candidate can apply under: an occupation, or one 工种 of it.

    (Named tuples here, not frozen dataclasses: a national catalogue makes thousands
    of them while the user waits for the first results, and they are several times
    quicker to make.)
    """

    occupation: str
    code: str | None
    work_type: str | None
    levels: tuple[tuple[int, str], ...]
    #: Pinyin syllables of the entry's own name (occupation or 工种); empty until known.
    syllables: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The entry's own name: the 工种 for a 工种, else the occupation."""
        return self.work_type or self.occupation

    @property
    def title(self) -> str:
        """``保健按摩师`` or ``保健按摩师 · 脊柱按摩师``."""
        return (
            self.occupation if self.work_type is None else f"{self.occupation} · {self.work_type}"
        )

    @property
    def key(self) -> str:
        """A stable id, unique within a rule folder."""
        return self.title


#: A :class:`SearchIndex` as plain tuples: entries, whether they have pinyin, their
#: normalised keys, and each character's bit mask (see :meth:`SearchIndex.plain`).
Plain = tuple[tuple[tuple[Any, ...], ...], bool, tuple[tuple[Any, ...], ...], dict[str, int]]


class Group(NamedTuple):
    """An occupation with the entries of it that matched, in file order."""

    occupation: str
    code: str | None
    #: The occupation itself, when it has levels of its own (it can then be picked).
    head: Entry | None
    work_types: tuple[Entry, ...]
    score: int


class SearchIndex:
    """Every entry of a rule folder, grouped by occupation in file order.

    Built once per listing: each entry's keys are normalised ahead (lower-case names,
    code digits, pinyin in full and as initials), and each character maps to the set of
    entries whose keys contain it, as the bits of an int. A query is scored only
    against the entries that hold every one of its characters, which for a typed name
    or pinyin is a handful even among thousands; nothing is allocated per entry while
    matching. Recent answers are kept, so that Backspace costs nothing.
    """

    def __init__(
        self, entries: Sequence[Entry], has_pinyin: bool = False, prepared: Plain | None = None
    ) -> None:
        """Index ``entries`` (in file order); ``has_pinyin``: their syllables are known.

        ``prepared``: what :meth:`plain` gave for these entries (it is then not worked
        out again).
        """
        self.entries = tuple(entries)
        self.has_pinyin = has_pinyin
        if prepared is None:
            self._keys = [_Keys.of(e) for e in self.entries]
            self._masks = _masks(k.every for k in self._keys)
        else:
            self._keys = list(map(_Keys._make, prepared[2]))
            self._masks = prepared[3]
        self._all = (1 << len(self.entries)) - 1
        self._longest = max((len(k.every) for k in self._keys), default=0)
        self._of_occupation: dict[str, list[int]] = {}
        for i, e in enumerate(self.entries):
            self._of_occupation.setdefault(e.occupation, []).append(i)
        self._recent: dict[str, list[Group]] = {}

    @classmethod
    def from_listing(cls, listing: Listing) -> SearchIndex:
        """The entries of a rule folder's listing (with pinyin when the listing has it)."""
        entries: list[Entry] = []
        for f in listing.files:
            pinyin = f.pinyin or ()
            if f.levels:
                entries.append(Entry(f.name, f.code, None, f.levels, _at(pinyin, 0)))
            for n, (name, levels) in enumerate(f.work_types, start=1):
                entries.append(Entry(f.name, f.code, name, levels, _at(pinyin, n)))
        return cls(entries, has_pinyin=listing.has_pinyin)

    def plain(self) -> Plain:
        """The index as plain tuples, to keep (:mod:`baokao.tui.search_cache`)."""
        entries = tuple(tuple(e) for e in self.entries)
        return (entries, self.has_pinyin, tuple(tuple(k) for k in self._keys), self._masks)

    @classmethod
    def from_plain(cls, plain: Plain) -> SearchIndex:
        """The index :meth:`plain` gave, with nothing worked out again.

        Raises:
            TypeError, ValueError: when ``plain`` is not of that form.
        """
        entries, has_pinyin, keys, masks = plain
        if len(keys) != len(entries) or not isinstance(masks, dict):
            raise ValueError("not a prepared search index")
        return cls(list(map(Entry._make, entries)), bool(has_pinyin), plain)

    def with_pinyin(self, to_syllables: Callable[[str], Sequence[str]]) -> SearchIndex:
        """A copy whose entries carry pinyin syllables.

        Args:
            to_syllables: Turns a Chinese name into its syllables (``pypinyin.lazy_pinyin``).
        """
        entries = tuple(
            e._replace(syllables=tuple(s.lower() for s in to_syllables(e.name)))
            for e in self.entries
        )
        return SearchIndex(entries, has_pinyin=True)

    def search(self, query: str) -> list[Group]:
        """The groups matching ``query``, best first; all of them for an empty query."""
        q = normalize(query)
        found = self._recent.get(q)
        if found is None:
            found = self._search(q)
            if len(self._recent) >= RECENT:
                del self._recent[next(iter(self._recent))]
            self._recent[q] = found
        return found

    def _search(self, q: str) -> list[Group]:
        if not q:
            return self._groups({i: 0 for i in range(len(self.entries))})
        if len(q) > self._longest:
            return []
        candidates = self._all
        for ch in set(q) - _CODE_SEPARATORS:
            candidates &= self._masks.get(ch, 0)
            if not candidates:
                return []
        hits: dict[int, int] = {}
        while candidates:
            low = candidates & -candidates
            i = low.bit_length() - 1
            candidates ^= low
            s = self._keys[i].score(q)
            if s > 0:
                hits[i] = s
        # An occupation found by its own name shows every one of its 工种.
        for i in list(hits):
            e = self.entries[i]
            if e.work_type is None or self._keys[i].occupation_hit(q):
                for j in self._of_occupation[e.occupation]:
                    hits.setdefault(j, 0)
        return self._groups(hits)

    def _groups(self, hits: dict[int, int]) -> list[Group]:
        """The hit entries (index → score) grouped by occupation, best group first."""
        by_occ: dict[str, list[int]] = {}
        for i in sorted(hits):
            by_occ.setdefault(self.entries[i].occupation, []).append(i)
        entries = self.entries
        groups = []
        for occ, found in by_occ.items():
            best = max(hits[i] for i in found)
            head = None
            work_types = []
            for i in found:
                if entries[i].work_type is None:
                    head = head or entries[i]
                else:
                    work_types.append(entries[i])
            group = Group(occ, entries[found[0]].code, head, tuple(work_types), best)
            groups.append((-best, found[0], group))
        groups.sort(key=lambda g: (g[0], g[1]))
        return [g for _, _, g in groups]


def _masks(keys: Iterable[str]) -> dict[str, int]:
    """For each character, the entries whose keys hold it, as the bits of an int."""
    holders: dict[str, list[int]] = {}
    count = 0
    for i, key in enumerate(keys):
        count = i + 1
        for ch in set(key):
            holders.setdefault(ch, []).append(i)
    masks = {}
    for ch, found in holders.items():
        bits = bytearray((count + 7) // 8)
        for i in found:
            bits[i >> 3] |= 1 << (i & 7)
        masks[ch] = int.from_bytes(bits, "little")
    return masks


#: How many recent queries' answers a :class:`SearchIndex` keeps.
RECENT = 64

_CODE_SEPARATORS = frozenset("-.")


def _at(pinyin: Sequence[tuple[str, ...]], n: int) -> tuple[str, ...]:
    return pinyin[n] if n < len(pinyin) else ()


class _Keys(NamedTuple):
    """An entry's keys, normalised once."""

    name: str
    occupation: str | None  # of a 工种: its occupation's name
    code: str
    syllables: tuple[str, ...]
    full: str
    initials: str
    #: Every key run together (the characters the entry can match).
    every: str

    @classmethod
    def of(cls, entry: Entry) -> _Keys:
        syllables = entry.syllables
        full = "".join(syllables)
        code = entry.code or ""
        occupation = entry.occupation.lower() if entry.work_type is not None else None
        name = entry.name.lower()
        return cls(
            name,
            occupation,
            _CODE_CHARS.sub("", code) if code else "",
            syllables,
            full,
            "".join(s[0] for s in syllables),
            f"{name}{occupation or ''}{code.lower()}{full}",
        )

    def score(self, q: str) -> int:
        """How well the normalized query ``q`` matches (0: not at all)."""
        best = max(_text_score(self.name, q), _code_score(self.code, q), self._pinyin(q))
        if self.occupation is not None:
            # A 工种 also answers to its occupation's name, a little below the occupation.
            best = max(best, _text_score(self.occupation, q) - 5)
        return best

    def occupation_hit(self, q: str) -> bool:
        """Whether a 工种 was found by its occupation's name or code."""
        return q in (self.occupation or "") or _code_score(self.code, q) > 0

    def _pinyin(self, q: str) -> int:
        syllables = self.syllables
        if not syllables or not q.isascii() or not q.isalpha():
            return 0
        if q in (self.full, self.initials):
            return EXACT
        if _syllable_match(syllables, q, 0):
            return SYLLABLES + 5
        if any(_syllable_match(syllables, q, i) for i in range(1, len(syllables))):
            return SYLLABLES - 10
        if _is_subsequence(q, self.full):
            return SUBSEQUENCE - _spread(self.full, q)
        return 0


def normalize(text: str) -> str:
    """Lower case, without spaces or middle dots."""
    return _SPACES.sub("", text).lower()


def _code_score(digits: str, q: str) -> int:
    """``digits``: the code without its separators."""
    if not digits:
        return 0
    want = _CODE_CHARS.sub("", q) if not q.isdigit() else q
    if not want or not want.isdigit():
        return 0
    if digits == want:
        return EXACT
    return CODE if digits.startswith(want) else 0


def _text_score(text: str, q: str) -> int:
    """``text``: already lower-case."""
    if text == q:
        return EXACT
    if text.startswith(q):
        return PREFIX
    if q in text:
        return SUBSTRING
    return SUBSEQUENCE - _spread(text, q) if _is_subsequence(q, text) else 0


def _is_subsequence(q: str, text: str) -> bool:
    it = iter(text)
    return all(ch in it for ch in q)


def _spread(text: str, q: str) -> int:
    """How scattered the matched characters are (0 when together); at most 30."""
    pos, start, last = 0, -1, 0
    for ch in q:
        pos = text.index(ch, pos)
        start = pos if start < 0 else start
        last = pos
        pos += 1
    return min(30, (last - start + 1) - len(q))


def _syllable_match(syllables: Sequence[str], q: str, start: int) -> bool:
    """Whether ``q`` is a run of non-empty prefixes of the syllables from ``start``."""
    if not q:
        return True
    if start >= len(syllables):
        return False
    syl = syllables[start]
    for n in range(min(len(syl), len(q)), 0, -1):
        if q[:n] == syl[:n] and _syllable_match(syllables, q[n:], start + 1):
            return True
    return False


def light_index(folder: Path) -> SearchIndex:
    """The search index of a rule folder, from its listing (:mod:`baokao.listing`).

    A file that is not a rule file contributes nothing.

    Raises:
        OSError: when the folder cannot be read.
    """
    return SearchIndex.from_listing(read_listing(folder))
