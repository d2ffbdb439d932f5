"""The condition grammar: a route's text -> typed conditions, read with lark.

The grammar itself is ``route_grammar.lark`` beside this module: a route is alternatives
joined by 或; an alternative is items joined by ，/；/并/且; an item is one phrase shape
(years worked, a certificate and the years after it, a diploma, studies, training, an
apprenticeship), composed from small rules for scope, duration, certificate level and
school words, or ``unknown``: the text up to the next separator. Earley parsing with
rule priorities prefers a known shape; what no shape reads whole becomes an ``unparsed``
condition holding the fragment, so a misreading can never pass as a reading.

This module turns the parse tree into conditions. Interpretation lives in the
vocabulary (:mod:`baokao.importer.phrases`) and in :mod:`baokao.importer.education`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedInput

from baokao.i18n import _
from baokao.importer.education import parse_diploma_list, parse_student_body
from baokao.importer.kinds import KindRules
from baokao.importer.mojibake import mend
from baokao.importer.normalize import normalize
from baokao.importer.own import own_names
from baokao.importer.phrases import (
    NUMERAL_LEVELS,
    OLD_LEVELS,
    OLD_TITLES,
    SCOPE_WORDS,
    SPECIALTY_NOTES,
)
from baokao.importer.repair import correct_misprints, read_past_noise
from baokao.importer.shapes import CompoundRules, related_only, work_scope
from baokao.importer.training import OLD_WORD, TrainingRules, named_level
from baokao.model.conditions import (
    Age,
    AllOf,
    AnyOf,
    Apprenticeship,
    Certificate,
    Condition,
    PreparatoryTechnician,
    Unparsed,
    WorkYears,
    YearsAfter,
)

# The authority, by its names before and after 2008 (人力资源和社会保障 is the same ministry).
_QUALIFIER = re.compile(
    r"经(?:劳动(?:和社会)?保障|人力资源和?社会保障)(?:行政)?部门审核认[定证]的?[,、]?"
)
_GOAL_LEVEL = re.compile(r"(?<=以[中高]级)\([四三]级\)")
_NUMBER = re.compile(r"^\d{1,2}、")
_GRADUATING = re.compile(r"\(含(?:尚未取得毕业证书的)?在(?:校|读)应届(?:研究生)?毕业生\)")
_EDU = re.compile(
    r"^(?:具有|取得)?(?P<body>.+?)(?:(?:毕业证书|毕\(结\)业证书|学历证书|学位证书|学历|学位|毕业生|毕业以上|毕业)"
    rf"(?P<grad>{_GRADUATING.pattern})?|(?P<grad2>{_GRADUATING.pattern}))"
    r"(?:\(或(?:同等|等同)学历\))?(?:者|后)?$"
)
# A list of diplomas (本专业大专以上毕(结)业证书、高级技工学校或…), of graduates (…毕业生和…).
_DIPLOMAS = re.compile(r"(?:毕\(结\)业证书|毕业证书)(?=、|或)[、]?")
_GRADUATES = re.compile(r"毕业生(?=和|或|、)[和、]?")
# Either list: 高级技工学校本职业(专业)毕业生和大专以上本专业或相关专业毕业生 is a diploma too.
_LISTED = re.compile(f"{_DIPLOMAS.pattern}|{_GRADUATES.pattern}")
# Where a copy lost characters: question marks or replacement characters inside the text.
_GARBLED = re.compile(r"[\u4e00-\u9fff]\?|\?[\u4e00-\u9fff;]|\ufffd")
# A graduate phrase run into what the graduate did next (…毕业生取得…, …毕业生从事…).
_GRADUATE_THEN = re.compile(r"(?<=毕业生)(?=取得|从事|连续从事|累计从事)")


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = (files("baokao.importer") / "route_grammar.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="earley", lexer="dynamic", propagate_positions=True)


def _qualifier(m: re.Match[str]) -> str:
    """One spelling of the authority phrase; a comma after it is not a clause break."""
    return "经劳动保障行政部门审核认定的" + ("、" if m.group(0).endswith((",", "、")) else "")


@v_args(meta=True)
class _Build(CompoundRules, KindRules, TrainingRules, Transformer[Token, Any]):
    """Parse tree -> conditions; ``text`` is the normalised route the tree was read from."""

    def __init__(
        self, text: str, level: int | None, titles: dict[str, int], occupation: str | None
    ) -> None:
        super().__init__()
        self.text, self.route_level, self.titles = text, level, titles
        self.occupation = occupation
        self.notes: list[str] = []

    def _span(self, meta: Any) -> str:
        return self.text[meta.start_pos : meta.end_pos]

    def start(self, meta: Any, children: list[Any]) -> tuple[Condition, ...]:
        sides = [c for c in children if isinstance(c, list)]
        if len(sides) == 1:
            return tuple(sides[0])
        options: list[Condition] = [
            s[0] if len(s) == 1 else AllOf(conditions=tuple(s)) for s in sides
        ]
        return (AnyOf(conditions=tuple(options)),)

    def alt(self, meta: Any, children: list[Any]) -> list[Condition]:
        if not children:  # separators alone: nothing to read, and never "no condition"
            return [Unparsed(text=self._span(meta) or ",")]
        out: list[Condition] = []
        for child in children:
            if isinstance(child, AllOf):
                out.extend(child.conditions)
            elif not isinstance(child, Token):
                out.append(child)
        return out

    def years(self, meta: Any, children: list[Token]) -> float:
        """N年 as N years, N个月 as N/12."""
        number = float(next(c for c in children if c.type == "NUM"))
        return number / 12 if any(c.type == "MONTHS" for c in children) else number

    def scope(self, meta: Any, children: list[Token]) -> str:
        return str(children[0])

    def level(self, meta: Any, children: list[Token]) -> tuple[int | None, str | None]:
        token = children[0]
        word = str(token)
        if token.type == "LEVEL_TITLE":
            return OLD_TITLES[word], word
        if token.type == "LEVEL_NUM":
            return NUMERAL_LEVELS[word[:2]], None
        if token.type == "LEVEL_NOCC":
            return NUMERAL_LEVELS[word[:2]], word
        if token.type == "LEVEL_OLD":
            return OLD_LEVELS[OLD_WORD.match(word).group(0)], None  # type: ignore[union-attr]
        if OLD_WORD.fullmatch(word):  # 高级技师 read as a name: the old word it is
            return OLD_LEVELS[word], None
        return named_level(word, self.titles), word

    def cert_head(self, meta: Any, children: list[Any]) -> Certificate | Unparsed:
        words = [c for c in children if isinstance(c, str) and not isinstance(c, Token)]
        number, title = next(c for c in children if isinstance(c, tuple))
        if number is None:
            return Unparsed(text=self._span(meta))
        scope = SCOPE_WORDS.get(words[0].removesuffix("中") if words else "", "this")
        return Certificate(level=number, scope=scope, title=title, text=self._span(meta))

    def cert(self, meta: Any, children: list[Any]) -> Condition:
        text = self._span(meta)
        if isinstance(children[0], Unparsed):
            return Unparsed(text=text)
        held = [c for c in children[1:] if isinstance(c, Token) and c.type == "NUM"]
        after = YearsAfter(years=float(held[0]), mode="cumulative") if held else None
        return children[0].model_copy(update={"text": text, "after": after})  # type: ignore[no-any-return]

    def bound(self, meta: Any, children: list[Any]) -> Condition:
        cert: Certificate | Unparsed = children[0]
        work: WorkYears = children[-1]
        cert_text = self.text[meta.start_pos : children[1].end_pos]
        if isinstance(cert, Unparsed) or work.mode == "trainee":
            first = Unparsed(text=cert_text) if isinstance(cert, Unparsed) else cert
            return AllOf(conditions=(first.model_copy(update={"text": cert_text}), work))
        after = YearsAfter(years=work.years, mode=work.mode, scope=work.scope)
        return cert.model_copy(update={"after": after, "text": f"{cert_text},{work.text}"})

    def work(self, meta: Any, children: list[Any]) -> WorkYears:
        tokens = {c.type: str(c) for c in children if isinstance(c, Token)}
        word = tokens.get("WORK_SCOPE") or tokens.get("DUTY") or tokens.get("ANY_WORK", "")
        scope, note = work_scope(word)
        if note:
            self.notes.append(note)
        return WorkYears(
            years=next(c for c in children if isinstance(c, float)),
            mode="continuous" if tokens.get("MODE") == "连续" else "cumulative",
            scope=scope,
            text=self._span(meta),
        )

    def work_in(self, meta: Any, children: list[Any]) -> WorkYears:
        trainee = any(isinstance(c, Token) and c.type == "TRAINEE" for c in children)
        return WorkYears(
            years=next(c for c in children if isinstance(c, float)),
            mode="trainee" if trainee else "continuous",
            scope="this",
            text=self._span(meta),
        )

    def apprentice(self, meta: Any, children: list[Token]) -> Apprenticeship:
        word = next(str(c) for c in children if c.type == "APPRENTICE_SCOPE")
        scope = "this" if word == "本职业" else "this_or_related"
        if note := related_only(word):
            self.notes.append(note)
        return Apprenticeship(scope=scope, text=self._span(meta))

    def _graduate(self, meta: Any, children: list[Any], held: Condition) -> Condition:
        """``…证书的<schools>毕业生``: the certificate and the diploma, or unparsed whole."""
        text = self._span(meta)
        body = str(children[-1]).removesuffix("毕业生")
        edu = parse_diploma_list(body, _GRADUATES, graduating_ok=False, text=text)
        if edu is None or isinstance(held, Unparsed):
            return Unparsed(text=text)
        return AllOf(conditions=(held.model_copy(update={"text": text}), edu))

    def cert_grad(self, meta: Any, children: list[Any]) -> Condition:
        if any(isinstance(c, Token) and c.type == "AFTER" for c in children):
            self.notes.append(_("“证书后的…毕业生”按“证书的…毕业生”读：其后的年限按总年限读"))
        return self._graduate(meta, children, children[0])

    def prep_grad(self, meta: Any, children: list[Any]) -> Condition:
        return self._graduate(meta, children, PreparatoryTechnician(text=self._span(meta)))

    def edu(self, meta: Any, children: list[Token]) -> Condition:
        text = self._span(meta)
        m = _EDU.match(text)
        edu = None
        if m is not None:
            grad = bool(m.group("grad") or m.group("grad2"))
            edu = parse_diploma_list(m.group("body"), _LISTED, graduating_ok=grad, text=text)
            self.notes.extend(_(n) for w, n in SPECIALTY_NOTES.items() if edu and w in text)
            if edu is not None and "以技能为培养目标" in text:
                self.notes.append(_("“以技能为培养目标”没有写等级：按以中级或高级技能为培养目标读"))
            if edu is not None and m.group("grad2"):
                self.notes.append(
                    _("“{school}”后没有“毕业证书”，按该校毕业证书读").format(school=m.group("body"))
                )
        return edu if edu is not None else Unparsed(text=text)

    def student(self, meta: Any, children: list[Token]) -> Condition:
        text = self._span(meta)
        found = parse_student_body(text.removesuffix("在校生"), text=text)
        return found if found is not None else Unparsed(text=text)

    def unknown(self, meta: Any, children: list[Token]) -> Unparsed:
        return Unparsed(text=self._span(meta))

    def age(self, meta: Any, children: list[Token]) -> Age:
        years = next(int(t) for t in children if isinstance(t, Token) and t.type == "NUM")
        return Age(years=years, text=self._span(meta))

    def title(self, meta: Any, children: list[Token]) -> Unparsed:
        why = _("职称条件：这种写法规则库还读不懂，需人工核实")
        return Unparsed(text=self._span(meta), reason=why)

    def licence(self, meta: Any, children: list[Token]) -> Unparsed:
        why = _("证照条件：规则库只认机动车驾驶证，这一种证照需人工核实")
        return Unparsed(text=self._span(meta), reason=why)


def _prepare(route_text: str, readings: tuple[tuple[str, str], ...]) -> str:
    """The route as the grammar reads it: normalised, number off, spellings made one."""
    text = _NUMBER.sub("", normalize(route_text)).rstrip(";")
    text = _QUALIFIER.sub(_qualifier, text.replace("。", ","))
    text = _GOAL_LEVEL.sub("", text).replace("(含),以上", "(含)以上")
    text = _GRADUATE_THEN.sub(",", text).replace("具有取得", "取得")  # one verb said twice
    for phrase, read_as in readings:
        text = text.replace(normalize(phrase), normalize(read_as))
    return text


@dataclass(frozen=True)
class RouteReading:
    """A route's conditions, and what a reviewer must know about how they were read."""

    conditions: tuple[Condition, ...]
    #: Misprints read as the word they stand for, noise read past (each 需人工核实).
    notes: tuple[str, ...] = ()


def read_route(
    route_text: str,
    readings: tuple[tuple[str, str], ...] = (),
    *,
    level: int | None = None,
    titles: dict[str, int] | None = None,
    occupation: str | None = None,
) -> RouteReading:
    """Parse a route's text into conditions (implicitly all required), with notes.

    Args:
        route_text: the route as printed, with or without its ``N、`` number.
        readings: reviewed ``(phrase, read_as)`` replacements from the overrides file,
            for phrases whose reading the text does not settle.
        level: the level the route belongs to, for 经本职业本等级正规培训.
        titles: the standard's title names of its levels (助理理财规划师 -> 3).
        occupation: the occupation's name, for a specialty or a training named after it
            (营销专业, 经营销师正规培训: :mod:`baokao.importer.own`).

    Returns:
        The conditions (text that could not be read appears as ``Unparsed`` entries) and
        a note for each misprint corrected or run of noise read past
        (:mod:`baokao.importer.repair`), run of mojibake mended
        (:mod:`baokao.importer.mojibake`), or own name read as 本专业/本等级.
    """
    key = tuple(sorted((titles or {}).items()))
    # A mended run must read as it is: noise is never read past inside it.
    whole = lambda t: _read(t, readings, level, key, occupation, noise=False)[0]  # noqa: E731
    printed, mended = mend(route_text, whole)
    conditions, notes = _read(printed, readings, level, key, occupation)
    return RouteReading(conditions, mended + notes)


def _read(
    route_text: str,
    readings: tuple[tuple[str, str], ...],
    level: int | None,
    key: tuple[tuple[str, int], ...],
    occupation: str | None,
    *,
    noise: bool = True,
) -> tuple[tuple[Condition, ...], tuple[str, ...]]:
    """:func:`read_route` of printed text that needs no mending of mojibake (``noise``:
    whether runs of noise may be read past)."""
    text, notes = correct_misprints(_prepare(route_text, readings))
    text, own = own_names(text, occupation)
    notes += own
    if not text.strip(",;"):
        return (Unparsed(text=text or route_text),), notes
    skipped: tuple[str, ...] = ()
    if noise:
        text, skipped = read_past_noise(
            text, lambda t: _parse(t, level, key, occupation).conditions
        )
    read = _parse(text, level, key, occupation)
    return read.conditions, notes + skipped + read.notes


def parse_conditions(
    route_text: str,
    readings: tuple[tuple[str, str], ...] = (),
    *,
    level: int | None = None,
    titles: dict[str, int] | None = None,
) -> tuple[Condition, ...]:
    """The conditions of :func:`read_route`, for callers that need no notes."""
    return read_route(route_text, readings, level=level, titles=titles).conditions


@lru_cache(maxsize=4096)
def _parse(
    text: str, level: int | None, titles: tuple[tuple[str, int], ...], occupation: str | None
) -> RouteReading:
    """Parse prepared text (cached: the same wording recurs across standards)."""
    parser = _parser()  # outside the try: a grammar that cannot be built is a bug, not text
    try:
        tree: Tree[Token] = parser.parse(text)
    except UnexpectedInput:
        return RouteReading((Unparsed(text=text),))
    build = _Build(text, level, dict(titles), occupation)
    conditions: tuple[Condition, ...] = build.transform(tree)
    return RouteReading(_say_garbled(conditions), tuple(dict.fromkeys(build.notes)))


def _say_garbled(conditions: tuple[Condition, ...]) -> tuple[Condition, ...]:
    """Give fragments where the copy lost characters (``院?;蛑械``) that reason."""
    out: list[Condition] = []
    for c in conditions:
        if isinstance(c, AllOf | AnyOf):
            c = c.model_copy(update={"conditions": _say_garbled(c.conditions)})
        elif isinstance(c, Unparsed) and c.reason is None and _GARBLED.search(c.text):
            c = c.model_copy(update={"reason": _("原文此处是乱码（字符已丢失），需对照原件")})
        out.append(c)
    return tuple(out)
