"""Reading a copy's damage: known misprints, and noise injected inside a known phrase.

Third-party copies of a standard are damaged in ways a person reads past at once: an OCR
or typing slip (``资格征书`` for 资格证书, ``终极技能`` for 中级技能), a footnote digit
glued inside a phrase, or runs of random characters an anti-copy script scattered into
the text (``取得结来自业证书``). The grammar reads the words it knows and nothing else, so
this module gives it two narrow, documented tolerances, and every use of either is
reported as a note that the builder puts on the route (需人工核实): never a silent guess.

* **Known misprints** (:data:`MISPRINTS`): each entry is a whole phrase in which the slip
  can only mean one thing, so ``的`` is read as ``得`` only in ``取的`` at an item's start,
  never on its own. Nothing else is ever corrected.
* **Noise inside a phrase** (:func:`read_past_noise`): a run of characters that belong to
  no word of the grammar is skipped only when, without it, a fragment the grammar could
  not read becomes a known phrase whole, every known part in its order. A run holding a
  digit, a separator or a word that changes meaning (或, 并, 非, 不 …) is never skipped,
  nor a single character.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from baokao.i18n import N_, _
from baokao.importer import education, phrases
from baokao.model.conditions import Condition, Unparsed, leaves


@dataclass(frozen=True)
class Misprint:
    """A slip seen in real copies, the phrase it can only stand for, and why."""

    pattern: re.Pattern[str]
    read_as: str
    why: str


def _misprint(pattern: str, read_as: str, why: str) -> Misprint:
    return Misprint(re.compile(pattern), read_as, why)


#: Misprints of the corpus, each inside the phrase that makes it unambiguous.
MISPRINTS: tuple[Misprint, ...] = (
    _misprint(r"资格征书", "资格证书", N_("征/证 同音")),
    _misprint(r"资格书(?=\(|后|,|;|$)", "资格证书", N_("漏了“证”字")),
    _misprint(r"职讪资格", "职业资格", N_("讪/业 形近（OCR）")),
    _misprint(r"如业资格", "职业资格", N_("如/职 形近（OCR）")),
    _misprint(r"增养目标", "培养目标", N_("增/培 形近")),
    _misprint(r"以终极技能", "以中级技能", N_("终极/中级 同音")),
    _misprint(r"(?:^|(?<=[,;]))取的(?=[\u4e00-\u9fff])", "取得", N_("的/得 同音")),
    _misprint(r"(?<=专业)\d(?=毕业证书)", "", N_("专业与毕业证书之间混入了数字")),
    _misprint(r"(?:^|(?<=[,;]))题计(?=从事)", "累计", N_("题/累 形近（OCR）")),
    _misprint(r"(?<=[初中高]级)职业书(?=后|的)", "职业资格证书", N_("漏了“资格证”三字")),
    _misprint(
        r"(?<=学时数,[且并]取得)学业证书", "毕(结)业证书", N_("培训取得的证书，原文写作学业证书")
    ),
)

# Characters that change what a phrase means: never skipped as noise.
_MEANING = frozenset("或并且及和与非不未无以上下前后满年级")


def correct_misprints(text: str) -> tuple[str, tuple[str, ...]]:
    """Apply :data:`MISPRINTS` to prepared route text; a note for each one applied."""
    notes: list[str] = []
    for slip in MISPRINTS:
        for m in slip.pattern.finditer(text):
            if slip.read_as:
                note = _("按常见错字读：“{slip}”读作“{read}”（{why}）")
            else:
                note = _("读时删去了“{slip}”（{why}）")
            notes.append(note.format(slip=m.group(0), read=slip.read_as, why=_(slip.why)))
        text = slip.pattern.sub(slip.read_as, text)
    return text, tuple(dict.fromkeys(notes))


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every Chinese character some word of the grammar or its vocabulary is made of."""
    chars = (c for w in vocabulary_words() for c in w if "\u4e00" <= c <= "\u9fff")
    return frozenset(chars) | _MEANING


@lru_cache(maxsize=1)
def vocabulary_words() -> tuple[str, ...]:
    """The words of the grammar (its whole text) and of its vocabulary tables."""
    words = [(files("baokao.importer") / "route_grammar.lark").read_text(encoding="utf-8")]
    for table in (
        phrases.OLD_TITLES,
        phrases.OLD_LEVELS,
        phrases.NUMERAL_LEVELS,
        phrases.SCHOOL_WORDS,
        phrases.FIELD_WORDS,
        phrases.SPECIALTY_WORDS,
        phrases.SCOPE_WORDS,
    ):
        words += list(table)
    words += [*education.QUALIFIERS, *education.GOALS, *education.FILLERS]
    words += [m.read_as for m in MISPRINTS]
    return tuple(words)


def _noise_runs(fragment: str) -> list[tuple[int, int]]:
    """Spans of ``fragment`` made only of Chinese characters outside the vocabulary, two or
    more long (a single such character is far more often a word the grammar lacks)."""
    known = vocabulary()
    runs: list[tuple[int, int]] = []
    for i, char in enumerate(fragment):
        if "\u4e00" <= char <= "\u9fff" and char not in known:
            if runs and runs[-1][1] == i:
                runs[-1] = (runs[-1][0], i + 1)
            else:
                runs.append((i, i + 1))
    return [(start, end) for start, end in runs if end - start >= 2]


def _unread(conditions: tuple[Condition, ...]) -> list[str]:
    """Fragments not understood at all (not those recognised with a reason)."""
    found = leaves(conditions)
    return [leaf.text for leaf in found if isinstance(leaf, Unparsed) and leaf.reason is None]


def read_past_noise(
    text: str, parse: Callable[[str], tuple[Condition, ...]]
) -> tuple[str, tuple[str, ...]]:
    """Where ``parse`` leaves a fragment of ``text`` unread, try it without a run of noise.

    A run is skipped only if the route then has fewer fragments not understood and none
    that it did not have before; one run at a time, each reported in a note.

    Returns:
        The text to read (``text`` less the runs skipped) and a note for each run.
    """
    conditions = parse(text)
    notes: list[str] = []
    improved = True
    while improved:
        improved = False
        unread = _unread(conditions)
        for fragment in unread:
            at = text.find(fragment)
            if at < 0:
                continue
            for start, end in _noise_runs(fragment):
                candidate = text[: at + start] + text[at + end :]
                tried = parse(candidate)
                left = _unread(tried)
                if len(left) < len(unread) and all(u in unread for u in left):
                    note = _("读时跳过了混入的文字“{noise}”（不成词），按“{read}”读")
                    read = fragment[:start] + fragment[end:]
                    notes.append(note.format(noise=fragment[start:end], read=read))
                    text, conditions, improved = candidate, tried, True
                    break
            if improved:
                break
    return text, tuple(notes)


def tidy_name(name: str, occupation: str | None) -> tuple[str, str | None]:
    """A name read from a phrase (a training's title) with noise inside the occupation's own
    name (心理木紧常咨询师二级 in 心理咨询师's text): the name without it, and a note.

    Only a run of characters outside the vocabulary, standing between two parts of the
    occupation's name, is taken out; any other name is returned as it is, with no note.
    """
    own = (occupation or "").split("_")[0]
    if len(own) < 2 or own in name:
        return name, None
    known = vocabulary()
    for cut in range(1, len(own)):
        head, tail = own[:cut], own[cut:]
        if not name.startswith(head):
            break
        end = name.find(tail, cut + 1)
        noise = name[cut:end] if end > 0 else ""
        if noise and all("\u4e00" <= c <= "\u9fff" and c not in known for c in noise):
            note = _("读时跳过了混入的文字“{noise}”（不成词），按“{read}”读")
            clean = head + name[end:]
            return clean, note.format(noise=noise, read=clean)
    return name, None
