"""What a layout reader hands to the builder: subjects, levels and route pieces as text.

Both layouts (the enrolment table and a standard's 申报条件 section) are read into these
plain records first; :mod:`baokao.importer.build` then parses conditions and applies the
reviewed overrides. Keeping layout apart from grammar lets each be tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROUTE_START = re.compile(r"(?:^|(?<=\s))(\d{1,2})、")


@dataclass
class RawRoute:
    """A numbered route as printed (tags removed, otherwise verbatim)."""

    number: int
    text: str
    #: The source line the route starts on (0 when not known), and why it needs review.
    line: int = 0
    review: list[str] = field(default_factory=list)
    #: The copy ends inside this route: what follows in the standard is missing.
    cut_off: bool = False


@dataclass
class RawLevel:
    """A level and its routes; ``label`` is ``None`` while a piece still waits for it."""

    label: str | None
    routes: list[RawRoute]
    line: int
    page: int = 0
    #: Conditions the heading sets for every route (持有…驾驶证,并具备以下条件之一者).
    prerequisite: str | None = None

    @property
    def last(self) -> int:
        """The last route number seen."""
        return self.routes[-1].number if self.routes else 0


@dataclass
class RawSubject:
    """An occupation or 工种 as read from the layout."""

    name: str | None = None
    work_type: str | None = None
    code: str | None = None
    levels: list[RawLevel] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    line: int = 0
    page: int = 0
    #: Where the name came from when it was not on the subject's first row.
    placed_by: str | None = None
    #: The source file, for citing routes as ``file:line`` (standards only).
    source: str | None = None
    #: Title names of the standard's levels (助理理财规划师 -> 3), for reading certificates.
    titles: dict[str, int] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """``name`` or ``name / 工种`` for messages."""
        base = self.name or "(unnamed)"
        return f"{base} / {self.work_type}" if self.work_type else base


def split_routes(text: str) -> list[RawRoute]:
    """Split a cell of numbered conditions (``1、… 2、…``) into routes.

    Text before the first number (or text with no number at all) is route 1.
    """
    starts = list(_ROUTE_START.finditer(text))
    if not starts or text[: starts[0].start()].strip():
        head_end = starts[0].start() if starts else len(text)
        head = text[:head_end].strip()
        routes = [RawRoute(1, head)] if head else []
    else:
        routes = []
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        routes.append(RawRoute(int(match.group(1)), text[match.start() : end].strip()))
    return routes
