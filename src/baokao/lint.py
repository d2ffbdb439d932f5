"""``baokao lint``: what a maintainer must look at in a rule folder.

Findings: text the importer could not read (``unparsed``, with the rule file, the route
and, for a route read from a standard's text, the source file and line), text the copy
read does not have (``missing_text``: labelled cut off, with the same place), review flags the
import left on such routes (需人工核实, with the same place), and routes that another route
of the same level implies (anyone meeting the stronger route also meets the weaker, so the
stronger adds nothing). What cannot be meant at all (a level with no route, an empty
``all``, a route number twice …) is refused when the file is read (see
:mod:`baokao.model.rules`), so lint never sees it.
The implication check is structural and conservative: it only reports what it can prove.
"""

from __future__ import annotations

from baokao.model.conditions import (
    Certificate,
    Condition,
    MissingText,
    Unparsed,
    WorkYears,
    leaves,
)
from baokao.model.rules import Level, Route
from baokao.rulebook import Rulebook, file_name


def _cut_off(leaf: MissingText) -> str:
    """How lint labels text the copy does not have: cut off, with what the cut left."""
    if leaf.case == "empty_level":
        return "cut off: the copy has nothing under this level; check the original"
    after = f', after "{leaf.text}"' if leaf.text else ""
    return (
        f"cut off: the copy ends inside this route{after}; the rest is missing, check the original"
    )


_CERT_SCOPES = {"this": {"this"}, "related": {"related"}, "this_or_related": {"this", "related"}}


def _at_least(strong: Condition, weak: Condition) -> bool:
    """Whether meeting ``strong`` always meets ``weak`` (provable cases only)."""
    if strong == weak:
        return True
    if isinstance(strong, WorkYears) and isinstance(weak, WorkYears):
        same = (strong.mode, strong.scope) == (weak.mode, weak.scope)
        return same and strong.years >= weak.years
    if isinstance(strong, Certificate) and isinstance(weak, Certificate):
        if not _CERT_SCOPES[strong.scope] <= _CERT_SCOPES[weak.scope] or strong.level > weak.level:
            return False
        if weak.after is None:
            return True
        s, w = strong.after, weak.after
        return (
            s is not None
            and (s.mode == w.mode or s.mode == "continuous")
            and (s.scope == w.scope or s.scope == "this")
            and s.work == w.work
            and s.years >= w.years
        )
    return False


def implies(strong: Route, weak: Route) -> bool:
    """Whether every condition of ``weak`` is provably met by some condition of ``strong``."""
    return all(any(_at_least(s, w) for s in strong.conditions) for w in weak.conditions)


def lint_level(where: str, level: Level) -> list[str]:
    """Findings for one level; ``where`` names the file and subject."""
    found: list[str] = []
    for route in level.routes:
        at = f" ({route.source})" if route.source else ""
        named = f"{where} {level.label} route {route.number}{at}"
        for leaf in leaves(route.conditions):
            if isinstance(leaf, Unparsed):
                why = f" ({leaf.reason})" if leaf.reason else ""
                found.append(f"{named}: unparsed: {leaf.text}{why}")
            elif isinstance(leaf, MissingText):
                found.append(f"{named}: {_cut_off(leaf)}")
        if route.review and route.source:
            found.append(f"{where} {level.label} route {route.number}{at}: {route.review}")
    for a in level.routes:
        for b in level.routes:
            if (
                a.number != b.number
                and implies(a, b)
                and not (implies(b, a) and a.number > b.number)
            ):
                found.append(
                    f"{where} {level.label}: route {a.number} is implied by route {b.number}'s "
                    f"weaker conditions (whoever meets route {a.number} meets route {b.number})"
                )
    return found


def lint(book: Rulebook) -> list[str]:
    """Every finding in a rule book, file by file."""
    found: list[str] = []
    for occupation in book.occupations:
        path = book.folder / file_name(occupation)
        for subject in occupation.subjects():
            for level in subject.levels:
                found += lint_level(f"{path}: {subject.title}", level)
    return found
