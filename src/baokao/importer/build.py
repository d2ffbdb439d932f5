"""Raw subjects + overrides -> the typed rule book, with a report of every decision.

This is where layout output meets the grammar: each route's text is parsed into
conditions, placements and readings from the overrides file are applied, and anything
the importer could not read or had to decide is written into the report, so that
nothing is dropped or decided silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from baokao.i18n import _
from baokao.importer.grammar import RouteReading, parse_conditions, read_route
from baokao.importer.kinds import own_work
from baokao.importer.overrides import Overrides, Reading
from baokao.importer.raw import RawLevel, RawRoute, RawSubject
from baokao.model.conditions import (
    AllOf,
    AnyOf,
    Condition,
    MissingText,
    Unparsed,
    leaves,
    missing_text,
)
from baokao.model.levels import LEVEL_LABELS, level_number
from baokao.model.rules import Level, Occupation, Route, WorkType

_NOTE_MARK = re.compile(r"(?=[①②③④⑤⑥⑦⑧⑨])")
_NUMBER_ONLY = re.compile(r"^\s*\d{1,2}、\s*$")


class BuildError(ValueError):
    """The raw records cannot form a rule book; the message says where."""


@dataclass
class FileReview:
    """What a counsellor must check in one standard's text before using its rules."""

    source: str
    subjects: list[RawSubject]
    flags: list[tuple[int, str, bool]]
    incomplete: str | None
    #: The levels the standard's own 职业等级 line lists (empty when it has none).
    listed: frozenset[int] = frozenset()

    def lines(
        self, unparsed: list[str], readings: Sequence[str] = (), missing: Sequence[str] = ()
    ) -> list[str]:
        """The review as printable lines; ``unparsed``, ``readings`` and ``missing`` are
        the import's whole lists (each entry names its ``(file:line)``)."""
        first = self.subjects[0]
        names = "、".join(s.title for s in self.subjects)
        routes = sum(len(lv.routes) for lv in first.levels)
        head = _("== {source}：{names}：等级 {levels} 个，途径 {routes} 条")
        out = [
            head.format(source=self.source, names=names, levels=len(first.levels), routes=routes)
        ]
        absent = self._absent()
        # The flag the cut raised is said in the INCOMPLETE lines, with its line.
        flags = [f for f in self.flags if f[1] != self._flagged()]
        if self.incomplete:
            out += self._incomplete(absent)
        elif absent:
            at = first.levels[0].line if first.levels else 1
            message = _("职业等级中列出、文本中没有的等级：{levels}").format(levels=absent)
            flags.append((at, message, False))
        for level in first.levels:
            line = (
                _("  {label}（第{line}行）：途径 {routes} 条")
                if level.routes
                else _("  {label}（第{line}行）：此级别下没有条件，需对照原件")
            )
            out.append(line.format(label=level.label, line=level.line, routes=len(level.routes)))
        # A flag raised for each of several routes of one line is said once.
        for at, message, review in dict.fromkeys(flags):
            mark = (
                _("  需人工核实 第{line}行：{message}")
                if review
                else _("  提示 第{line}行：{message}")
            )
            out.append(mark.format(line=at, message=message))
        tag = f"({self.source}:"
        out += [_("  需人工核实：{text}").format(text=r) for r in readings if tag in r]
        out += [_("  原文缺失：{text}").format(text=m) for m in missing if tag in m]
        out += [_("  未读懂：{text}").format(text=u) for u in unparsed if tag in u]
        return out

    def _flagged(self) -> str | None:
        """The message of the flag the reader raised where the copy ends, if it does."""
        return _("不完整：{what}").format(what=self.incomplete) if self.incomplete else None

    def _absent(self) -> str:
        """The levels the standard's 职业等级 line lists that are not in the text."""
        found = {level_number(lv.label or "") for lv in self.subjects[0].levels}
        return "、".join(LEVEL_LABELS[n] for n in sorted(self.listed - found, reverse=True))

    def _incomplete(self, absent: str) -> list[str]:
        """The lines that say the copy is INCOMPLETE: how, where it ends, and the levels
        its 职业等级 line leads one to expect that are not in it."""
        out = [_("  不完整：{what}").format(what=self.incomplete)]
        first = self.subjects[0]
        cut = [(lv, r) for lv in first.levels for r in lv.routes if r.cut_off]
        at = next((line for line, message, _review in self.flags if message == self._flagged()), 0)
        if cut:
            level, route = cut[-1]
            where = _("  原文止于{label}第{number}条（第{line}行），其后的文字这份副本没有")
            out.append(where.format(label=level.label, number=route.number, line=route.line))
        elif at:
            out.append(_("  原文止于第{line}行，其后的文字这份副本没有").format(line=at))
        if absent:
            out.append(_("  职业等级中列出、这份副本没有的等级：{levels}").format(levels=absent))
        elif not self.listed and all(level_number(lv.label or "") != 1 for lv in first.levels):
            out.append(_("  原文没有职业等级一行：其后是否还有等级，需对照原件"))
        return out


@dataclass
class ImportReport:
    """What the import decided or could not read."""

    decisions: list[str] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    #: Text a copy does not have (cut off; a level with nothing under it), never met.
    missing: list[str] = field(default_factory=list)
    #: How a misprint, noise or a word was read (the route is marked 需人工核实).
    readings: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: One review per standard's text read (the enrolment table has none).
    files: list[FileReview] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as printable lines: each standard's review, then the rest."""
        out = [
            line
            for review in self.files
            for line in review.lines(self.unparsed, self.readings, self.missing)
        ]
        out += [f"decision: {d}" for d in self.decisions]
        tags = tuple(f"({review.source}:" for review in self.files)
        out += [
            f"unparsed: {u}" for u in self.unparsed if not tags or not any(t in u for t in tags)
        ]
        out += [f"missing: {m}" for m in self.missing if not any(t in m for t in tags)]
        out += [f"reading: {r}" for r in self.readings if not any(t in r for t in tags)]
        out += [f"warning: {w}" for w in self.warnings]
        return out


def _place(subjects: list[RawSubject], overrides: Overrides, report: ImportReport) -> None:
    used: set[str] = set()
    by_after = {p.after: p for p in overrides.placements}
    previous = ""
    for subject in subjects:
        if subject.placed_by is not None:
            placement = by_after.get(previous)
            if placement is None:
                report.warnings.append(
                    f"rows from line {subject.line} (after {previous}) were placed under "
                    f"{subject.title} by the name at {subject.placed_by}; no reviewed "
                    "placement in the overrides file covers this"
                )
            else:
                used.add(placement.after)
                subject.name, subject.work_type = placement.occupation, placement.work_type
                report.decisions.append(
                    f"rows from line {subject.line} (after {previous}) belong to "
                    f"{subject.title}: {placement.reason}"
                )
        if subject.levels:
            previous = f"{subject.title.replace(' / ', ' / ')} {subject.levels[-1].label}"
    for after in by_after.keys() - used:
        report.warnings.append(f"overrides: placement after {after!r} matched nothing")


def _readings(overrides: Overrides, subject: RawSubject, level: int, route: int) -> list[Reading]:
    return [
        r
        for r in overrides.readings
        if (r.occupation, r.work_type, r.level, r.route)
        == (subject.name, subject.work_type, level, route)
    ]


def _levels(
    subject: RawSubject, overrides: Overrides, report: ImportReport, used: set[Reading]
) -> tuple[Level, ...]:
    levels: list[Level] = []
    for raw in subject.levels:
        number = level_number(raw.label or "")
        if number is None or raw.label is None:
            raise BuildError(f"line {raw.line}: {subject.title}: a level without a label")
        if any(lv.number == number for lv in levels):
            raise BuildError(f"line {raw.line}: {subject.title}: {raw.label} appears twice")
        numbers = [r.number for r in raw.routes]
        if subject.source is None and numbers != list(range(1, len(numbers) + 1)):
            raise BuildError(
                f"line {raw.line}: {subject.title} {raw.label}: routes numbered {numbers}"
            )
        titles = subject.titles
        prerequisite = (
            parse_conditions(raw.prerequisite, level=number, titles=titles)
            if raw.prerequisite
            else ()
        )
        routes = []
        for r in raw.routes or [_missing(raw)]:
            readings = _readings(overrides, subject, number, r.number)
            used.update(readings)
            phrases = tuple((x.phrase, x.read_as) for x in readings)
            read = (
                read_route(r.text, phrases, level=number, titles=titles, occupation=subject.name)
                if raw.routes
                else RouteReading((MissingText(case="empty_level"),))
            )
            conditions = prerequisite + own_work(read.conditions, subject.name or "")
            if r.cut_off:
                conditions = _cut_off(conditions)
            where = f"{subject.source}:{r.line}" if subject.source and r.line else None
            at = f" ({where})" if where else ""
            report.readings += [
                f"{subject.title} {raw.label} route {r.number}{at}: {note}" for note in read.notes
            ]
            named = f"{subject.title} {raw.label} route {r.number}{at}"
            for leaf in leaves(conditions):
                if isinstance(leaf, Unparsed):
                    why = f" ({leaf.reason})" if leaf.reason else ""
                    report.unparsed.append(f"{named}: {leaf.text}{why}")
            if lost := _lost(conditions):
                report.missing.append(f"{named}: {lost}")
            reasons = [x.note or x.reason for x in readings] + r.review + list(read.notes)
            review = " ".join(dict.fromkeys(reasons)) or None
            routes.append(
                Route(
                    number=r.number,
                    text=r.text,
                    conditions=conditions,
                    review=review,
                    source=where,
                )
            )
        levels.append(Level(number=number, label=raw.label, routes=tuple(routes)))
    return tuple(levels)


def _cut_off(conditions: tuple[Condition, ...]) -> tuple[Condition, ...]:
    """A route the copy ends inside: its last unread fragment is what the cut left
    (``取得本职``), kept as text the copy does not have; unless that leaf alone blocks the
    route (it sits inside an ``any``, or there is none), an empty one is added, which can
    never be met either.
    """
    last = conditions[-1] if conditions else None
    if isinstance(last, Unparsed) and last.reason is None:
        return (*conditions[:-1], _left(last))
    return (*_tag_last(conditions), MissingText(case="cut_off"))


def _left(fragment: Unparsed) -> MissingText:
    """The fragment a cut left, as text the copy lacks; a copy that ends at the route's
    number (``2、``) left nothing of it."""
    return MissingText(case="cut_off", text=_NUMBER_ONLY.sub("", fragment.text))


def _tag_last(conditions: tuple[Condition, ...]) -> tuple[Condition, ...]:
    """``conditions`` with their last leaf, if it is an unread fragment, made the text the
    cut left."""
    *head, last = conditions
    if isinstance(last, AllOf | AnyOf):
        return (*head, last.model_copy(update={"conditions": _tag_last(last.conditions)}))
    if isinstance(last, Unparsed) and last.reason is None:
        return (*head, _left(last))
    return conditions


def _lost(conditions: tuple[Condition, ...]) -> str | None:
    """What a route lacks because its copy does not have the text, said once per route,
    or ``None`` when it lacks nothing."""
    lost = missing_text(conditions)
    if lost is None:
        return None
    if lost.case == "empty_level":
        return _("这份副本在此级别下没有条件")
    if lost.text:
        return _("原文在“{text}”处截断，后文缺失").format(text=lost.text)
    return _("原文在此截断，后文缺失")


def _missing(level: RawLevel) -> RawRoute:
    """A level printed with no conditions under it: one route that can never be met."""
    return RawRoute(1, "（原文此级别下没有条件）", level.line, [_("标题下没有条件")])


def split_notes(fragments: list[str]) -> tuple[str, ...]:
    """Join note fragments cut by page breaks and split them at ①②③.

    Fragments without circled numbers are already whole notes and are kept as given.
    """
    joined = "".join(f.strip() for f in fragments)
    if not _NOTE_MARK.search(joined):
        return tuple(f.strip() for f in fragments if f.strip())
    return tuple(part.strip() for part in _NOTE_MARK.split(joined) if part.strip())


def build(
    subjects: list[RawSubject], overrides: Overrides
) -> tuple[list[Occupation], ImportReport]:
    """Build occupations from raw subjects, applying the reviewed overrides.

    Returns:
        The occupations in source order, and the import report.

    Raises:
        BuildError: when levels or routes cannot be formed.
    """
    report = ImportReport()
    _place(subjects, overrides, report)
    used: set[Reading] = set()
    order: list[str] = []
    grouped: dict[str, list[RawSubject]] = {}
    for subject in subjects:
        assert subject.name is not None
        if subject.name not in grouped:
            order.append(subject.name)
        grouped.setdefault(subject.name, []).append(subject)
    occupations = []
    for name in order:
        members = grouped[name]
        own = [s for s in members if s.work_type is None]
        if len(own) > 1:
            raise BuildError(f"line {own[1].line}: {name} appears twice without a 工种")
        work_types = []
        for s in members:
            if s.work_type is not None:
                work_types.append(
                    WorkType(name=s.work_type, levels=_levels(s, overrides, report, used))
                )
        occupations.append(
            Occupation(
                code=next((s.code for s in members if s.code), None),
                name=name,
                notes=split_notes([n for s in members for n in s.notes]),
                levels=_levels(own[0], overrides, report, used) if own else (),
                work_types=tuple(work_types),
            )
        )
    for reading in set(overrides.readings) - used:
        report.warnings.append(
            f"overrides: reading for {reading.occupation} level {reading.level} "
            f"route {reading.route} matched nothing"
        )
    return occupations, report
