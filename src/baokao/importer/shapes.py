"""Compound shapes of the route grammar, built from the conditions the common rules make.

Some items of the corpus join two readings inside one phrase, without the ；或 that
separates routes: ``累计从事本职业工作3年(含)或相关职业工作4年(含)以上`` (two durations
sharing one 累计从事 and one 以上), the same after a certificate, ``连续从事本职业工作3年或
安全行车100000km以上`` (a duration or a mileage), and a diploma followed by the students
the text also admits, in brackets. Each becomes an ``any`` of what it offers, so a
candidate who meets one side qualifies and the side the rule book cannot judge stays
``unparsed`` with its reason, never dropped and never met.

The rules are in ``route_grammar.lark``; this mix-in of the grammar's transformer turns
their matches into conditions. Kept apart from :mod:`baokao.importer.grammar` so that each
module stays small.
"""

from __future__ import annotations

from typing import Any

from lark import Token, v_args

from baokao.i18n import _
from baokao.model.conditions import (
    AllOf,
    AnyOf,
    Certificate,
    Condition,
    Scope,
    Unparsed,
    WorkYears,
    YearsAfter,
)


def related_only(scope_word: str) -> str | None:
    """The review note for years or an apprenticeship the text asks in 相关职业 alone.

    The rule book keeps a candidate's years (and apprenticeship) in this occupation and in
    this or a related one; it has no count of related years alone. Such a phrase is read as
    本职业或相关职业 (what the national template of these copies says; a registration form
    that splits it into two options prints 相关职业 alone), and the route says so.
    """
    if scope_word != "相关职业":
        return None
    return _("“相关职业”的年限或学徒期按“本职业或相关职业”读（规则库不单独记相关职业）")


def work_scope(word: str) -> tuple[Scope, str | None]:
    """The scope of years worked, as the text names it, and a note where it is a reading.

    本岗位(技能水平) is the post a 岗位证书 is for, 本职务 and 履行职务 (an old standard's
    "the post's duties") the occupation's own post: read as 本职业, and noted.
    """
    if word in ("本职业", "本职"):
        return "this", None
    if word.startswith("本岗位") or word in ("本职务", "履行职务"):
        return "this", _("“{word}”按本职业读").format(word=word)
    if word == "工作":
        return "this_or_related", _(
            "工作年限没有写从事哪一职业：按本职业或相关职业读（统一模板的写法），"
            "从事其他工作的年限需人工核实"
        )
    return "this_or_related", related_only(word)


class CompoundRules:
    """The parse-tree rules of compound items (mixed into the grammar's transformer)."""

    text: str
    notes: list[str]

    def _span(self, meta: Any) -> str:
        return self.text[meta.start_pos : meta.end_pos]

    @v_args(meta=True)
    def work_part(self, meta: Any, children: list[Any]) -> tuple[str, float]:
        scope = next(str(c) for c in children if isinstance(c, Token))
        return scope, next(c for c in children if isinstance(c, float))

    @v_args(meta=True)
    def mileage(self, meta: Any, children: list[Token]) -> Unparsed:
        why = _("安全行车里程：规则库没有这一类条件，需人工核实")
        return Unparsed(text=self._span(meta), reason=why)

    @v_args(meta=True)
    def work_either(self, meta: Any, children: list[Any]) -> AnyOf:
        tokens = {c.type: str(c) for c in children if isinstance(c, Token)}
        mode = "continuous" if tokens.get("MODE") == "连续" else "cumulative"
        options: list[Condition] = []
        text = self._span(meta)
        for part in children:
            if isinstance(part, Unparsed):
                options.append(part)
            elif isinstance(part, tuple):
                word, years = part
                scope, note = work_scope(word)
                if note:
                    self.notes.append(note)
                options.append(WorkYears(years=years, mode=mode, scope=scope, text=text))
        return AnyOf(conditions=tuple(options))

    @v_args(meta=True)
    def bound_either(self, meta: Any, children: list[Any]) -> Condition:
        """取得…证书后，<years> 或 <years>: the certificate with either count after it."""
        cert, either = children[0], children[-1]
        if isinstance(cert, Unparsed):
            return Unparsed(text=self._span(meta))
        assert isinstance(cert, Certificate) and isinstance(either, AnyOf)
        options: list[Condition] = []
        for side in either.conditions:
            if isinstance(side, WorkYears) and side.mode != "trainee":
                after = YearsAfter(years=side.years, mode=side.mode, scope=side.scope)
                update = {"after": after, "text": self._span(meta)}
                options.append(cert.model_copy(update=update))
            else:
                options.append(AllOf(conditions=(cert, side)))
        return AnyOf(conditions=tuple(options))

    @v_args(meta=True)
    def edu_widened(self, meta: Any, children: list[Any]) -> Condition:
        """A diploma, ``(…在校…学生)``: the diploma, or the students the brackets admit.

        The rule book knows students by school and specialty only, not by term
        (毕业班前一学期), so that side stays unparsed with its reason.
        """
        diploma = children[0]
        students = str(children[-1])
        why = _("在校生的学期条件：规则库只按学校和专业记在校生，需人工核实")
        return AnyOf(conditions=(diploma, Unparsed(text=students, reason=why)))
