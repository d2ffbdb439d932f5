"""The grammar's part for the kinds of condition declared in the fact registry.

The rules are in ``route_grammar.lark``, in the section marked for them; this module
turns what they match into conditions (a driving licence: the classes that meet it, from
:mod:`baokao.model.licences`; a professional title: its level, fields and the years after
it, :mod:`baokao.model.titles`). Kept apart from :mod:`baokao.importer.grammar` so that the
phrases of the common kinds and these new kinds grow without stepping on each other.
"""

from __future__ import annotations

import re
from typing import Any, cast

from lark import Token, v_args

from baokao.i18n import _
from baokao.model.conditions import (
    AllOf,
    AnyOf,
    Certificate,
    Condition,
    DrivingLicence,
    Engagement,
    Internship,
    NamedWork,
    ProfessionalTitle,
    TitleYears,
    Unparsed,
    WorkYears,
    YearsAfter,
)
from baokao.model.held import engagement_accepts
from baokao.model.licences import LicenceClass, accepting
from baokao.model.named_work import is_own_work, spelling
from baokao.model.titles import TitleLevel, field_answers

#: A licence class as printed; an OCR'd copy reads C1 as CI or Cl (documented in
#: docs/interpretation.md).
_LICENCE_CLASS = re.compile(r"([ABC])([1-6Il])|([DEFMNP])")


def driving_licence(text: str) -> DrivingLicence:
    """持有…C1照以上 -> the classes that meet it: those named and every class covering one.

    "以上" or not, a class that covers the one named lets its holder drive that vehicle,
    so it meets the requirement (docs/interpretation.md).
    """
    head = text.split("驾驶证》", 1)[-1]
    named: list[LicenceClass] = []
    for m in _LICENCE_CLASS.finditer(head):
        code = m.group(3) or m.group(1) + m.group(2).replace("I", "1").replace("l", "1")
        named.append(cast(LicenceClass, code))
    return DrivingLicence(accepts=accepting(named), text=text)


#: 取得/具有 [符合专业对应关系的] [<fields>专业] <level>[及以上] [专业技术职业/职务] 职称/任职资格
#: [(专业技术人员职业资格)] [后]: the parts of a title requirement.
_TITLE = re.compile(
    r"^(?:具有|取得)(?P<corr>符合专业[\"”“]?对应关系的)?(?P<fields>[\u4e00-\u9fff、]+?)?(?:专业)?"
    r"(?P<level>正高级|副高级|中级|初级)(?:及以上)?(?:专业技术(?:职业|职务))?(?:职称|任职资格)"
    r"(?:\(专业技术人员职业资格\))?后?$"
)


def professional_title(text: str) -> ProfessionalTitle | Unparsed:
    """A title requirement: its level (及以上 or not: a higher title meets a lower one),
    the title fields its field words accept, whether it must correspond to the occupation."""
    m = _TITLE.match(text)
    words = m.group("fields") if m else None
    fields = field_answers(words.split("、")) if words else None
    if m is None or (words and fields is None):
        why = _("职称条件：这种写法规则库还读不懂，需人工核实")
        return Unparsed(text=text, reason=why)
    level = cast(TitleLevel, m.group("level"))
    return ProfessionalTitle(
        level=level, fields=fields, corresponding=bool(m.group("corr")), text=text
    )


def _own(work: str, occupation: str | None) -> bool:
    """:func:`baokao.model.named_work.is_own_work`, for an occupation named with a copy's
    tag (化妆师_繁体: the corpus names a copy so)."""
    return is_own_work(work, (occupation or "").split("_")[0])


def own_work(conditions: tuple[Condition, ...], occupation: str) -> tuple[Condition, ...]:
    """Years in work a text names that is the occupation's own (从事心理咨询工作 for
    心理咨询师, :func:`baokao.model.named_work.is_own_work`), read as 本职业 years; the
    condition keeps the text's words."""
    out: list[Condition] = []
    for c in conditions:
        if isinstance(c, AllOf | AnyOf):
            c = c.model_copy(update={"conditions": own_work(c.conditions, occupation)})
        elif isinstance(c, NamedWork) and _own(c.work, occupation):
            c = WorkYears(years=c.years, mode=c.mode, scope="this", text=c.text)
        out.append(c)
    return tuple(out)


class KindRules:
    """The parse-tree rules of the registry's kinds (mixed into the grammar's transformer)."""

    text: str
    occupation: str | None

    def _span(self, meta: Any) -> str:
        return self.text[meta.start_pos : meta.end_pos]

    @v_args(meta=True)
    def title_kind(self, meta: Any, children: list[Token]) -> Condition:
        return professional_title(self._span(meta))

    @v_args(meta=True)
    def title_after(self, meta: Any, children: list[Any]) -> AllOf:
        """取得…职称后，累计从事本职业或相关职业工作满N年: the title, and the years after it."""
        title = professional_title(str(children[0]))
        work: WorkYears = children[-1]
        if work.mode == "cumulative" and work.scope == "this_or_related":
            return AllOf(conditions=(title, TitleYears(years=work.years, text=work.text)))
        why = _("职称后的年限：规则库只认“累计从事本职业或相关职业”，需人工核实")
        return AllOf(conditions=(title, Unparsed(text=work.text, reason=why)))

    @v_args(meta=True)
    def named_work(self, meta: Any, children: list[Any]) -> NamedWork:
        tokens = {c.type: str(c) for c in children if isinstance(c, Token)}
        return NamedWork(
            work=spelling(tokens["NAMED_VERB"], tokens["NAMED_WHAT"]),
            years=next(c for c in children if isinstance(c, float)),
            mode="continuous" if tokens.get("MODE") == "连续" else "cumulative",
            text=self._span(meta),
        )

    @v_args(meta=True)
    def cert_named(self, meta: Any, children: list[Any]) -> Condition:
        """A certificate, then years in named work after it: the certificate with its
        years in that work since (取得初级推销员职业资格证书后，从事推销工作2年以上); years
        in the occupation's own work (从事化妆工作 for 化妆师) are its years after the
        certificate. An unbroken stretch of named work after it stays unparsed with the
        reason (the rule book keeps a total of those years only)."""
        cert: Condition = children[0]
        named: NamedWork = children[-1]
        after = None
        if isinstance(cert, Certificate) and _own(named.work, self.occupation):
            after = YearsAfter(years=named.years, mode=named.mode, scope="this")
        elif isinstance(cert, Certificate) and named.mode == "cumulative":
            after = YearsAfter(years=named.years, mode="cumulative", work=named.work)
        if after is not None:
            return cert.model_copy(update={"after": after, "text": self._span(meta)})
        after_word = next(c for c in children if isinstance(c, Token) and c.type == "AFTER")
        cert = cert.model_copy(update={"text": self.text[meta.start_pos : after_word.end_pos]})
        why = _("取得证书后连续从事这项工作的年限：规则库只记证书后这项工作的累计年限，需人工核实")
        return AllOf(conditions=(cert, Unparsed(text=named.text, reason=why)))

    @v_args(meta=True)
    def engagement(self, meta: Any, children: list[Token]) -> Engagement:
        text = self._span(meta)
        # 愿意从事 (willing to) is the intention 拟从事 says.
        accepts = engagement_accepts(text.startswith(("拟", "愿意")), "相关职业" in text)
        return Engagement(accepts=accepts, text=text)

    @v_args(meta=True)
    def internship(self, meta: Any, children: list[Token]) -> Internship:
        years = next(float(t) for t in children if isinstance(t, Token) and t.type == "NUM")
        return Internship(years=years, text=self._span(meta))

    @v_args(meta=True)
    def driving(self, meta: Any, children: list[Token]) -> DrivingLicence:
        return driving_licence(self._span(meta))

    @v_args(meta=True)
    def driving_and(self, meta: Any, children: list[Any]) -> AllOf:
        own = driving_licence(str(children[0]))
        rest = [c for c in children[1:] if not isinstance(c, Token)]
        return AllOf(conditions=(own, *rest))
