"""Reader for the 申报条件 section of a national occupational skill standard.

Copies come from PDFs, web pages, forums and OCR, in three generations of wording and
twenty-odd heading forms. The reader finds *anchors* in the folded text, not templates:

* a level starts wherever a level label stands as a heading: with the 'one of' phrase
  (``具备以下条件之一者,可申报五级/初级工``, ``高级(具备以下条件之一者)``), or alone on
  its line (``调酒师初级``, ``申报五级/初级工``, ``一、物业管理员`` in a title ladder).
  Text before the phrase that is a condition (``持有…驾驶证,并具备…``) applies to
  every route of the level;
* items are found by any enumerator (:mod:`baokao.importer.pieces`);
* a 注/备注 (or ``相关职业:``) is a note wherever it stands, owned by every occupation
  the section is for; a section shared by several occupations (a table of names and
  codes above it) gives each the same levels and notes;
* the text stops at the next section heading (``2.9 考核方式``, ``二、鉴定``).
Nothing odd is an error: a gap, a repeat, a missing heading (items restarting at 1), a
cut-off ending are :class:`~baokao.importer.pieces.Flag` s with their line, and mark the
routes they touch for review. A level whose heading was not found is a level of its own,
inferred and flagged, never folded into the level above. Only a text with no level at all
is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baokao.i18n import _
from baokao.importer.anchors import Label, heading_words, label_in, line_heading, read_ladder
from baokao.importer.clean import Folded, fold
from baokao.importer.pieces import Flag, Piece, find_items, is_closing_phrase, routes_of
from baokao.importer.raw import RawLevel, RawRoute, RawSubject
from baokao.importer.sectiontext import (
    CODE,
    CODE_AFTER,
    blank_furniture,
    find,
    find_name,
    occupations,
    prerequisite,
    route_text,
    split_notes,
    split_restarts,
    trim,
    whole,
)
from baokao.model.levels import LEVEL_LABELS, level_number

_ONE_OF = re.compile(r"(?:具备|满足)(?:以下|下列|下述)条件(?:之一)?者?")
_AFTER = re.compile(r"\s*\)?\s*,?\s*(?:可以?|均可)?\s*(?:申报|报考|报名参加)\s*")
_COLON_SOON = re.compile(r"[^:\n。]{0,14}?(?:[::]|(?=\n)|$)")
_CLOSE = re.compile(r"(?:即?可(?:申报|报名|报考))?\s*\)?\s*[::]?")
_SENTENCE_END = re.compile(r"[。\n]|[.;](?=\s)")
_NOTE = re.compile(  # with the footnote mark it stands under (①1 相关职业是指…)
    r"(?:(?<=[\s。.;])|^)(?:[①②③④⑤⑥⑦⑧⑨⑩]\d?\s*)?(?:(?:注|备注)\s*:|(?:[\u4e00-\u9fff]{2,12}的)?相关(?:职业|专业)\s*(?::|是指)"
    r"|相关(?:职业|专业)\s*(?=\n))"
)
_EARLY_NOTE = re.compile(r"(?m)^[ \t]*(?:注|备注)[ \t]*:.*$")
_SECTION = re.compile(
    r"^\s*(?:\d+\.\d+(?:\.\d+)*\s*[\u4e00-\u9fff]{2,16}|[一二三四五六七八九十]+、[\u4e00-\u9fff]{2,10}"
    r"|\d+\.?\s+(?:职业概况|基本要求|工作要求|权重表|附录))\s*$"
)


class StandardLayoutError(ValueError):
    """The 申报条件 section cannot be read at all; the message names the line."""


@dataclass
class _Heading:
    start: int
    end: int
    label: Label
    prerequisite: str | None = None


@dataclass
class Section:
    """What the reader found: subjects, flags for review, whether the text is whole, and
    the levels the standard's own 职业等级 line lists (the review names those not found)."""

    subjects: list[RawSubject]
    flags: list[Flag] = field(default_factory=list)
    incomplete: str | None = None
    listed: frozenset[int] = frozenset()


class _Reader:
    def __init__(self, folded: Folded) -> None:
        self.f = folded
        self.flags: list[Flag] = []
        self.text = blank_furniture(folded.text)
        segments = [heading_words(line) for line in self.text.splitlines()]
        segments += [
            heading_words(self._before(m.start())[1].rstrip(" (\t"))
            for m in _ONE_OF.finditer(self.text)
        ]
        self.ladder = read_ladder(self.text, segments)

    def quote(self, start: int, end: int) -> str:
        """The original text behind ``text[start:end]``, without blanked furniture."""
        span = range(start, end)
        blank = {i for i in span if self.text[i] == " " and self.f.text[i] != " "}
        skip = frozenset(self.f.origin[i] for i in blank)
        return self.f.quote_at((i for i in span if i not in blank), skip)

    def line(self, pos: int) -> int:
        return self.f.line_of(pos)

    def _before(self, at: int) -> tuple[int, str]:
        """The sentence before ``at``: from the last full stop or line break."""
        start = 0
        for m in _SENTENCE_END.finditer(self.text, 0, at):
            start = m.end()
        return start, self.text[start:at]

    def headings(self) -> list[_Heading]:
        found: list[_Heading] = []
        for m in _ONE_OF.finditer(self.text):
            found.extend(self._marker(m, found))
        taken = [(h.start, h.end) for h in found]
        pos = 0
        for line in self.text.splitlines(keepends=True):
            end = pos + len(line)
            if not any(s < end and pos < e for s, e in taken):
                label = line_heading(line, self.ladder)
                if label is not None:
                    found.append(_Heading(pos, end, label))
            pos = end
        return self._merge(sorted(found, key=lambda h: h.start))

    def _marker(self, m: re.Match[str], found: list[_Heading]) -> list[_Heading]:
        start, sentence = self._before(m.start())
        after = _AFTER.match(self.text, m.end())
        if after is not None:
            found_after = label_in(self.text[after.end() : after.end() + 12])
            if found_after is not None and found_after[1] == 0:
                tail = _COLON_SOON.match(self.text, after.end() + found_after[2])
                end = tail.end() if tail else after.end() + found_after[2]
                return [_Heading(start, end, found_after[0], prerequisite(sentence))]
        close = _CLOSE.match(self.text, m.end())
        stop = close.end() if close else m.end()
        words = heading_words(sentence.rstrip(" (\t"))
        found_before = label_in(words)
        label = self.ladder.title(words) or (found_before[0] if found_before else None)
        if label is not None:
            return [_Heading(start, stop, label)]
        previous = found[-1] if found else None
        gap = self.text[previous.end : start] if previous else "x"
        if previous is not None and not gap.strip(" \n:"):
            previous.end, previous.prerequisite = stop, prerequisite(sentence)
            return []
        return [_Heading(start, stop, Label(0), prerequisite(sentence))]

    def _merge(self, headings: list[_Heading]) -> list[_Heading]:
        """Join ``五级`` + ``(初级)`` lines; attach a label-less 'one of' line to the heading
        above it, or infer its level from the order and flag it."""
        out: list[_Heading] = []
        for h in headings:
            prev = out[-1] if out else None
            between = self.text[prev.end : h.start] if prev else "x"
            bare = re.fullmatch(r"\s*\([^()]{1,8}\)\s*", self.text[h.start : h.end])
            joins = h.label.number == 0 or bare is not None
            if prev is not None and not between.strip() and prev.label.number and joins:
                if h.label.number and h.label.number != prev.label.number:
                    self.flags.append(
                        Flag(
                            self.line(h.start),
                            _("等级用词不一致：{a}/{b}，按{label}读").format(
                                a=prev.label.number,
                                b=h.label.number,
                                label=LEVEL_LABELS[prev.label.number],
                            ),
                        )
                    )
                prev.end = h.end
                prev.prerequisite = prev.prerequisite or h.prerequisite
                continue
            out.append(h)
        return out

    def section_end(self, start: int) -> int:
        pos = 0
        for line in self.text.splitlines(keepends=True):
            if pos > start and _SECTION.match(line) and line_heading(line, self.ladder) is None:
                return pos
            pos += len(line)
        return len(self.text)


class _Build:
    """Levels from headings and their items, with every anomaly flagged."""

    def __init__(self, reader: _Reader) -> None:
        self.r = reader
        self.levels: dict[int, RawLevel] = {}
        self.order: list[int] = []
        self.notes: list[str] = []
        self.incomplete: str | None = None

    def flag(self, pos: int, message: str, review: bool = True) -> None:
        self.r.flags.append(Flag(self.r.line(pos), message, review))

    def level(self, label: Label, pos: int, previous: int | None) -> RawLevel | None:
        number, doubt = label.number, label.doubt
        if not number:
            guess = (previous or 6) - 1
            if guess < 1 or guess in self.levels:
                self.flag(pos, _("这些条目前没有等级标题，也推断不出是哪一级，未读入"))
                return None
            number = guess
            after = LEVEL_LABELS[previous] if previous else _("开头")
            doubt = _("没有找到等级标题；因为它在{after}之后，按{label}读").format(
                after=after, label=LEVEL_LABELS[number]
            )
        if doubt:
            self.flag(
                pos, _("{label}：{message}").format(label=LEVEL_LABELS[number], message=doubt)
            )
        if number in self.levels:
            self.flag(pos, _("{label}再次出现，其条目并入该级").format(label=LEVEL_LABELS[number]))
            return self.levels[number]
        level = RawLevel(LEVEL_LABELS[number], [], self.r.line(pos))
        level.doubt = doubt  # type: ignore[attr-defined]
        self.levels[number] = level
        self.order.append(number)
        return level

    def read(self, heads: list[_Heading], end_all: int) -> None:
        text, quote = self.r.text, self.r.quote
        previous: int | None = None
        for i, h in enumerate(heads):
            stop = heads[i + 1].start if i + 1 < len(heads) else end_all
            body_end = stop
            if note := _NOTE.search(text, h.end, stop):
                self.notes += split_notes(quote(note.start(), stop))
                body_end = note.start()
            items = find_items(text, h.end, body_end)
            for s, e in items.stray:
                if not is_closing_phrase(text[s:e]):
                    stray = trim(quote(s, e))
                    self.flag(s, _("未作为条件读入的文字：{text}").format(text=stray), review=False)
            last_piece_end = h.end
            for g, group in enumerate(g for g in split_restarts(items.pieces) if g):
                label = h.label if g == 0 else Label(0)
                level = self.level(label, group[0].start if g else h.start, previous)
                if level is None:
                    continue
                previous = self.order[-1]
                if h.prerequisite:
                    level.prerequisite = h.prerequisite
                pieces = []
                for p in group:
                    body = route_text(quote(p.start, p.end))
                    if body:
                        pieces.append((p, body, self.r.line(p.start)))
                    else:
                        self.flag(p.start, _("{label}：有一项没有文字").format(label=level.label))
                routes = routes_of(pieces, level.label or "", self.r.flags)
                for offset, route in enumerate(routes if level.routes else [], start=1):
                    number = level.routes[-1].number + offset
                    route.text = f"{number}、" + route.text.split("、", 1)[1]
                    route.number = number
                doubt = getattr(level, "doubt", None)
                for route in routes:
                    if doubt:
                        route.review.append(doubt)
                level.routes.extend(routes)
                last_piece_end = group[-1].end if group else last_piece_end
            if not items.pieces:
                level = self.level(h.label, h.start, previous)
                if level is not None:
                    previous = self.order[-1]
                    self.flag(h.start, _("{label}：标题下没有条件").format(label=level.label))
            if i == len(heads) - 1 and end_all == len(text):
                self._cut_off(text, items.pieces, last_piece_end, stop, body_end)

    def _cut_off(self, text: str, pieces: list[Piece], last: int, stop: int, note: int) -> None:
        level = self.levels.get(self.order[-1]) if self.order else None
        tail = text[pieces[-1].start : pieces[-1].end].strip() if pieces else ""
        after = (text[note:] if note < stop else text[last:stop]).strip()
        if level is None or (after and (whole(after) or is_closing_phrase(after))):
            return
        if after:  # the copy ends inside what follows the last item: a note, a sentence
            self.incomplete = _("文本在{label}的条目之后中断（原文不完整）").format(
                label=level.label
            )
        elif not pieces:
            self.incomplete = _("文本停在{label}的标题处，其条件缺失").format(label=level.label)
        elif not tail or (level.routes and not whole(tail)):
            if not tail:  # the copy ends at a bare (2): item 2 is cut, not the one before
                n = level.routes[-1].number + 1 if level.routes else 1
                level.routes.append(RawRoute(n, f"{n}、", self.r.line(pieces[-1].start)))
            route = level.routes[-1]
            route.review.append(_("原文在此项中间中断，后文缺失"))
            route.cut_off = True
            cut = _("文本在{label}第{n}项中间中断（原文不完整）")
            self.incomplete = cut.format(label=level.label, n=route.number)
        if self.incomplete:
            self.flag(stop - 1, _("不完整：{what}").format(what=self.incomplete))


def read_section(
    text: str,
    *,
    name: str | None = None,
    code: str | None = None,
    work_type: str | None = None,
    source: str | None = None,
) -> Section:
    """Read a standard's 申报条件 section: its subjects, review flags and completeness.

    Args:
        text: the section as copied, with whatever came before and after it.
        name: the occupation (or 工种) name; else found in the text (``职业名称：X``).
        code: the occupation code; else found as ``职业编码：4-10-03-01``.
        work_type: the 工种, when the standard covers one.
        source: the file name, kept on each route for citing ``file:line``.

    Raises:
        StandardLayoutError: when no level can be found at all, or no name.
    """
    folded = fold(text)
    reader = _Reader(folded)
    heads = reader.headings()
    if not heads:
        raise StandardLayoutError(
            _(
                "第{line}行：没有找到等级标题（如 五级/初级工、"
                "具备以下条件之一者，可申报四级/中级工、高级(具备以下条件之一者)）"
            ).format(line=max(text.count(chr(10)) + 1, 1))
        )
    end_all = reader.section_end(heads[0].start)
    heads = [h for h in heads if h.start < end_all]
    build = _Build(reader)
    build.read(heads, end_all)
    if not build.levels:
        at = reader.line(heads[0].start)
        raise StandardLayoutError(_("第{line}行：没有能读出的等级").format(line=at))
    if build.order != sorted(build.order, reverse=True):
        order = " → ".join(LEVEL_LABELS[n] for n in build.order)
        reader.flags.append(
            Flag(
                build.levels[build.order[0]].line,
                _("等级的印刷顺序：{order}").format(order=order),
                False,
            )
        )
    levels = [build.levels[n] for n in sorted(build.levels, reverse=True)]
    lines = folded.text.splitlines()
    first = levels[0].line if levels else 1
    rows = occupations(reader.text[: heads[0].start])
    subjects: list[RawSubject] = []
    if rows:
        for row_name, row_code, numbers in rows:
            own = [
                lv for lv in levels if numbers is None or level_number(lv.label or "") in numbers
            ]
            missing = sorted(
                (numbers or set()) - {level_number(lv.label or "") for lv in levels}, reverse=True
            )
            if missing:
                listed = ", ".join(LEVEL_LABELS[n] for n in missing)
                message = _("{name}：列出的等级不在文本中：{listed}")
                reader.flags.append(
                    Flag(first, message.format(name=row_name, listed=listed), False)
                )
            subjects.append(
                RawSubject(row_name, work_type, row_code, own, [], first, source=source)
            )
    else:
        subject_name = name if name is not None else find_name(lines)
        if subject_name is None:
            raise StandardLayoutError(
                _("第{line}行：文本中没有职业名称（职业名称：… 或 …国家职业技能标准 标题）").format(
                    line=first
                )
            )
        if code is None:
            code = find(lines, CODE_AFTER, CODE)
        subjects.append(RawSubject(subject_name, work_type, code, levels, [], first, source=source))
    early = [  # a 注 printed before the first level (注:目前开考等级:三级。) is a note too
        note
        for m in _EARLY_NOTE.finditer(reader.text, 0, heads[0].start)
        for note in split_notes(reader.quote(m.start(), m.end()))
    ]
    titles = {t: lab.number for t in reader.ladder.seen if (lab := reader.ladder.title(t))}
    for subject in subjects:
        subject.notes = early + build.notes
        subject.titles = titles
    return Section(subjects, reader.flags, build.incomplete, frozenset(reader.ladder.numbers))


def read_standard(
    text: str, *, name: str | None = None, code: str | None = None, work_type: str | None = None
) -> RawSubject:
    """Read a one-occupation section into its subject (see :func:`read_section`)."""
    return read_section(text, name=name, code=code, work_type=work_type).subjects[0]
