"""Find an occupation or 工种 by name, code or pinyin, fuzzily and ranked.

The start screen must answer the first key press at once, so this module works from a
light index read straight from the YAML files (names, codes, 工种 and level labels;
no pydantic validation) and adds pinyin keys later, when :mod:`pypinyin` (slow to
import) has loaded in the background. Searching before the pinyin is ready still
matches names and codes.

Pinyin matching treats a query as a run of syllable prefixes, so ``mrs``,
``meirongshi``, ``meirs`` and ``rongshi`` all find 美容师. Nothing here imports textual.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

#: Score of each kind of match; higher ranks first.
EXACT, PREFIX, CODE, SYLLABLES, SUBSTRING, SUBSEQUENCE = 100, 90, 88, 80, 70, 40

_SPACES = re.compile(r"[\s·・]+")
_CODE_CHARS = re.compile(r"[-.\s]")


@dataclass(frozen=True)
class Entry:
    """One thing a candidate can apply under: an occupation, or one 工种 of it."""

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


@dataclass(frozen=True)
class Group:
    """An occupation with the entries of it that matched, in file order."""

    occupation: str
    code: str | None
    #: The occupation itself, when it has levels of its own (it can then be picked).
    head: Entry | None
    work_types: tuple[Entry, ...]
    score: int


@dataclass(frozen=True)
class SearchIndex:
    """Every entry of a rule folder, grouped by occupation in file order."""

    entries: tuple[Entry, ...]
    has_pinyin: bool = False
    _position: dict[str, int] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_position", {e.key: i for i, e in enumerate(self.entries)})

    def with_pinyin(self, to_syllables: Callable[[str], Sequence[str]]) -> SearchIndex:
        """A copy whose entries carry pinyin syllables.

        Args:
            to_syllables: Turns a Chinese name into its syllables (``pypinyin.lazy_pinyin``).
        """
        entries = tuple(
            replace(e, syllables=tuple(s.lower() for s in to_syllables(e.name)))
            for e in self.entries
        )
        return SearchIndex(entries, has_pinyin=True)

    def search(self, query: str) -> list[Group]:
        """The groups matching ``query``, best first; all of them for an empty query."""
        q = normalize(query)
        if not q:
            return _groups([(e, 0) for e in self.entries], self._position)
        scored = [(e, score(e, q)) for e in self.entries]
        hits = [(e, s) for e, s in scored if s > 0]
        # An occupation found by its own name shows every one of its 工种.
        full = {e.occupation for e, s in hits if e.work_type is None or _occupation_hit(e, q)}
        extra = [(e, 0) for e in self.entries if e.occupation in full and e not in dict(hits)]
        return _groups(hits + extra, self._position)


def normalize(text: str) -> str:
    """Lower case, without spaces or middle dots."""
    return _SPACES.sub("", text).lower()


def _occupation_hit(entry: Entry, q: str) -> bool:
    return q in entry.occupation.lower() or _code_score(entry.code, q) > 0


def _code_score(code: str | None, q: str) -> int:
    if not code:
        return 0
    digits, want = _CODE_CHARS.sub("", code), _CODE_CHARS.sub("", q)
    if not want or not want.isdigit():
        return 0
    if digits == want:
        return EXACT
    return CODE if digits.startswith(want) else 0


def _text_score(text: str, q: str) -> int:
    text = text.lower()
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


def _pinyin_score(syllables: Sequence[str], q: str) -> int:
    if not syllables or not q.isascii() or not q.isalpha():
        return 0
    if q in ("".join(syllables), "".join(s[0] for s in syllables)):
        return EXACT
    if _syllable_match(syllables, q, 0):
        return SYLLABLES + 5
    if any(_syllable_match(syllables, q, i) for i in range(1, len(syllables))):
        return SYLLABLES - 10
    full = "".join(syllables)
    if _is_subsequence(q, full):
        return SUBSEQUENCE - _spread(full, q)
    return 0


def score(entry: Entry, q: str) -> int:
    """How well the normalized query ``q`` matches ``entry`` (0: not at all)."""
    best = max(
        _text_score(entry.name, q), _code_score(entry.code, q), _pinyin_score(entry.syllables, q)
    )
    if entry.work_type is not None:
        # A 工种 also answers to its occupation's name, a little below the occupation.
        best = max(best, _text_score(entry.occupation, q) - 5)
    return best


def _groups(scored: Iterable[tuple[Entry, int]], position: dict[str, int]) -> list[Group]:
    by_occ: dict[str, list[tuple[Entry, int]]] = {}
    for entry, s in scored:
        by_occ.setdefault(entry.occupation, []).append((entry, s))
    groups = []
    for occ, items in by_occ.items():
        items.sort(key=lambda pair: position[pair[0].key])
        head = next((e for e, _ in items if e.work_type is None), None)
        groups.append(
            Group(
                occupation=occ,
                code=items[0][0].code,
                head=head,
                work_types=tuple(e for e, _ in items if e.work_type is not None),
                score=max(s for _, s in items),
            )
        )
    first = {occ: min(position[e.key] for e, _ in items) for occ, items in by_occ.items()}
    groups.sort(key=lambda g: (-g.score, first[g.occupation]))
    return groups


def _levels(raw: Any) -> tuple[tuple[int, str], ...]:
    if not isinstance(raw, list):
        return ()
    found = []
    for level in raw:
        if isinstance(level, dict) and isinstance(level.get("number"), int):
            found.append((int(level["number"]), str(level.get("label", level["number"]))))
    return tuple(found)


def _entries(data: Any) -> list[Entry]:
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        return []
    name, code = data["name"], data.get("code")
    code = str(code) if code else None
    found = []
    levels = _levels(data.get("levels"))
    if levels:
        found.append(Entry(name, code, None, levels))
    for wt in data.get("work_types") or ():
        if isinstance(wt, dict) and isinstance(wt.get("name"), str):
            found.append(Entry(name, code, wt["name"], _levels(wt.get("levels"))))
    return found


def light_index(folder: Path) -> SearchIndex:
    """Read the names, codes, 工种 and level labels of every rule file in ``folder``.

    Uses the C YAML loader when available and skips validation (the rule book proper is
    validated when it loads); a file that is not a rule file contributes nothing.
    Entries are ordered as :func:`baokao.rulebook.load_rulebook` orders occupations.

    Raises:
        OSError: when the folder cannot be read.
    """
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    occupations: list[list[Entry]] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        found = _entries(data)
        if found:
            occupations.append(found)
    occupations.sort(key=lambda es: (es[0].code or "9", es[0].occupation))
    return SearchIndex(tuple(e for es in occupations for e in es))


def pinyin_syllables(text: str) -> list[str]:
    """The pinyin syllables of ``text`` (imports :mod:`pypinyin`, which takes a while)."""
    from pypinyin import lazy_pinyin

    return [s for s in lazy_pinyin(text) if s.strip()]
