"""The result slip: what a counsellor prints or files after seeing a candidate.

A slip records the date, the occupation and level(s), the verdict, the route relied on
(or the closest one and what is missing) with its verbatim text, the documents to
bring, and every answer given, so that anyone can check the answer against the
official table later. It is written as Markdown and as plain text, side by side.

This is core code: it must not import textual or rich, so that the CLI, tests and any
other front end can write the same slip. Wording of verdicts is shared with
:mod:`baokao.report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from baokao.evaluator import Verdict
from baokao.evaluator.outcome import Truth
from baokao.evaluator.verdict import evaluate_condition
from baokao.evaluator.years import YearBounds, year_bounds
from baokao.i18n import N_, T_, _, listing, translate
from baokao.model.conditions import (
    AllOf,
    AnyOf,
    Apprenticeship,
    Certificate,
    Condition,
    Education,
    NamedWork,
    PreparatoryTechnician,
    Student,
    Training,
    WorkYears,
)
from baokao.model.held import HELD
from baokao.model.levels import LEVEL_LABELS
from baokao.model.profile import Profile
from baokao.model.quantities import THRESHOLDS
from baokao.model.rules import Route, Subject
from baokao.report import STATUS_ZH, fact_zh, verdict_lines

if TYPE_CHECKING:
    from baokao.session import Session

ID_DOCUMENT = N_("本人有效身份证件原件及复印件")
_SCOPE = {
    "this": N_("本职业"),
    "related": N_("相关职业"),
    "this_or_related": N_("本职业或相关职业"),
}
# Documents are written in Chinese and translated where shown (i18n.translate).
_WORK_PROOF = T_("工作年限证明（注明从事{scope}工作的起止时间）", scope=_SCOPE.values())
_NAMED_PROOF = T_("工作年限证明（注明{work}的起止时间）")
_CERT_COPY = T_(
    "{scope}{level}及以上职业资格证书（技能等级证书）原件及复印件",
    scope=_SCOPE.values(),
    level=LEVEL_LABELS.values(),
)
_WORK_AFTER_PROOF = T_(
    "工作年限证明（注明取得证书后从事{scope}工作的起止时间）", scope=_SCOPE.values()
)
_NAMED_AFTER_PROOF = T_("工作年限证明（注明取得证书后{work}的起止时间）")
_TRAINING = T_("本职业{level}正规培训{credential}", level=LEVEL_LABELS.values())
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


@dataclass(frozen=True)
class Slip:
    """Everything a slip shows, independent of how it was obtained."""

    subject: Subject
    day: date
    #: One verdict for a single level; every level (五级 first) for "all levels".
    verdicts: tuple[Verdict, ...]
    all_levels: bool
    profile: Profile
    #: (question text, answer as shown) in the order asked.
    answers: tuple[tuple[str, str], ...] = ()
    #: Level number -> the date its closest route will be met, where only years are missing.
    qualify_dates: Mapping[int, date] = field(default_factory=dict)
    #: The candidate's name and 身份证 number, when given at the desk.
    name: str = ""
    id_number: str = ""

    @property
    def source(self) -> str:
        """The rules applied, as cited on the slip."""
        cited = self.subject.occupation.source
        return cited.cite() if cited else _("本程序所附规则文件（未注明来源）")

    def header(self) -> list[str]:
        """The slip's opening lines (candidate, date, subject, level, source)."""
        code = f"（{self.subject.occupation.code}）" if self.subject.occupation.code else ""
        lines = []
        if self.name:
            lines.append(_("考生：{name}").format(name=self.name))
        if self.id_number:
            lines.append(_("身份证号：{number}").format(number=self.id_number))
        return [
            *lines,
            _("日期：{date}").format(date=self.day.isoformat()),
            _("职业（工种）：{subject}").format(subject=self.subject.title + code),
            _("申报等级：{level}").format(level=translate(self.level_text)),
            _("依据：{source}").format(source=self.source),
        ]

    @property
    def level_text(self) -> str:
        """The level(s) asked about, as printed on the slip."""
        return "全部等级" if self.all_levels else self.verdicts[0].level.label

    @property
    def highest(self) -> Verdict | None:
        """The highest level the candidate may apply for now (level 1 is highest)."""
        open_ = [v for v in self.verdicts if v.status == "qualified"]
        return min(open_, key=lambda v: v.level.number) if open_ else None

    @classmethod
    def from_session(cls, session: Session, name: str = "", id_number: str = "") -> Slip:
        """The slip of a finished interview (of the candidate named, if given).

        Raises:
            ValueError: while the interview still has questions.
        """
        from baokao.session import AllLevelsOutcome

        outcome = session.outcome
        if outcome is None:
            raise ValueError("the interview is not finished")
        answers = tuple((q.text, session.describe(q.id, a)) for q, a in session.answered)
        if isinstance(outcome, AllLevelsOutcome):
            verdicts = outcome.verdicts
            dates = {}
            if outcome.next_level is not None and outcome.qualify_date is not None:
                dates[outcome.next_level.level.number] = outcome.qualify_date
            all_levels = True
        else:
            verdicts = (outcome.verdict,)
            dates = {}
            if outcome.qualify_date is not None:
                dates[outcome.verdict.level.number] = outcome.qualify_date
            all_levels = False
        return cls(
            session.subject,
            session.today,
            verdicts,
            all_levels,
            session.profile,
            answers,
            dates,
            name,
            id_number,
        )


#: The last word of every slip: the table is applied by the assessment body, not by us.
REVIEW_NOTE = N_("本结果单依据上述报考条件自动生成，仅供参考；能否报考，以评价机构审核为准。")


def met_routes(verdict: Verdict) -> tuple[Route, ...]:
    """The routes of a verdict that are met, in number order."""
    return tuple(r.route for r in verdict.routes if r.truth is Truth.MET)


def _education_document(c: Education | Student, profile: Profile) -> str:
    entries = profile.education or ()
    graduated = any(e.status == "graduated" for e in entries)
    studying = any(e.status in ("graduating", "enrolled") for e in entries)
    if isinstance(c, Student) or (studying and not graduated):
        return N_("学生证或学校出具的在校（应届毕业生）证明")
    return N_("毕业证书原件及复印件")


def _leaf_documents(c: Condition, profile: Profile) -> Iterator[str]:
    own = THRESHOLDS.get(c.kind)
    if own is not None and own.document:
        yield own.document
    elif c.kind in HELD:
        yield HELD[c.kind].document
    elif isinstance(c, NamedWork):
        yield _NAMED_PROOF.format(work=c.work)
    elif isinstance(c, WorkYears):
        if c.mode == "trainee":
            yield N_("见习工作证明（注明连续见习起止时间）")
        else:
            yield _WORK_PROOF.format(scope=_SCOPE[c.scope])
    elif isinstance(c, Certificate):
        level = LEVEL_LABELS[c.level]
        yield _CERT_COPY.format(scope=_SCOPE[c.scope], level=level)
        if c.after is not None and c.after.work is not None:
            yield _NAMED_AFTER_PROOF.format(work=c.after.work)
        elif c.after is not None:
            yield _WORK_AFTER_PROOF.format(scope=_SCOPE[c.after.scope])
    elif isinstance(c, Education | Student):
        yield _education_document(c, profile)
    elif isinstance(c, Training):
        yield _TRAINING.format(level=LEVEL_LABELS[c.level], credential=c.credential)
    elif isinstance(c, Apprenticeship):
        yield N_("学徒期满证明")
    elif isinstance(c, PreparatoryTechnician):
        yield N_("预备技师证书原件及复印件")


def _documents(c: Condition, profile: Profile, bounds: YearBounds) -> Iterator[str]:
    if isinstance(c, AllOf):
        for part in c.conditions:
            yield from _documents(part, profile, bounds)
    elif isinstance(c, AnyOf):
        met = [p for p in c.conditions if evaluate_condition(p, profile, bounds).truth is Truth.MET]
        for part in met[:1] or c.conditions[:1]:
            yield from _documents(part, profile, bounds)
    else:
        yield from _leaf_documents(c, profile)


def documents(route: Route, profile: Profile) -> tuple[str, ...]:
    """The documents to bring when applying by ``route``, derived from its conditions.

    For an "either … or …" part, the documents of the alternative the candidate meets.

    Args:
        route: The route relied on.
        profile: The candidate's answers (they decide diploma or student certificate).

    Returns:
        The identity document first, then one line per document, without repeats.
    """
    bounds = year_bounds(profile)
    found = [ID_DOCUMENT]
    for c in route.conditions:
        found.extend(_documents(c, profile, bounds))
    return tuple(dict.fromkeys(found))


def _md(text: str) -> str:
    """Escape Markdown so that rule text is shown exactly as written."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _verdict_md(v: Verdict, slip: Slip, heading: str) -> list[str]:
    lines = [heading, ""]
    if v.status == "qualified":
        routes = met_routes(v)
        for route in routes:
            lines += [
                _("依据第 {number} 条：").format(number=route.number),
                "",
                f"> {_md(route.text)}",
                "",
            ]
            if route.review:
                lines += [_("需人工核实：{text}").format(text=_md(route.review)), ""]
        lines += [_("报名请携带："), ""]
        lines += [f"- {_md(translate(d))}" for d in documents(routes[0], slip.profile)]
    elif v.closest is not None:
        route = v.closest.route
        lines += [
            _("最接近的条件：第 {number} 条").format(number=route.number),
            "",
            f"> {_md(route.text)}",
            "",
            _("还差："),
            "",
        ]
        lines += [f"- {_md(translate(line))}" for line in v.unmet]
        when = slip.qualify_dates.get(v.level.number)
        if when is not None:
            lines += [
                "",
                _("若继续工作，预计 {date} 起满足年限要求。").format(date=when.isoformat()),
            ]
    else:
        lines += [_("还需人工核实或补充："), ""]
        lines += [f"- {_md(fact_zh(f))}" for f in v.unknown]
    return [*lines, ""]


def gap_summary(v: Verdict) -> str:
    """One short line for a level: the routes met, or the closest route and its gaps."""
    if v.status == "qualified":
        return _("符合第 {numbers} 条").format(numbers=listing(v.qualifying))
    if v.closest is not None:
        return _("第 {number} 条：{text}").format(
            number=v.closest.number, text=_("；").join(translate(u) for u in v.unmet)
        )
    return _("需核实：{facts}").format(facts=_("；").join(fact_zh(f) for f in v.unknown))


def to_markdown(slip: Slip) -> str:
    """The slip as Markdown."""
    lines = ["# " + _("报考条件查询结果单"), "", *[f"- {_md(line)}" for line in slip.header()], ""]
    if slip.all_levels:
        best = slip.highest
        lines += ["## " + _("各等级结论"), ""]
        lines.append(
            _("目前可报考的最高等级：{level}").format(level=translate(best.level.label))
            if best
            else _("目前还没有可报考的等级。")
        )
        lines += [
            "",
            "| {} | {} | {} |".format(_("等级"), _("结论"), _("符合的条目 / 差距")),
            "| --- | --- | --- |",
        ]
        for v in slip.verdicts:
            label, status = _md(translate(v.level.label)), _(STATUS_ZH[v.status])
            lines.append(f"| {label} | {status} | {_md(gap_summary(v))} |")
        lines.append("")
        for v in slip.verdicts:
            lines += _verdict_md(
                v,
                slip,
                "### "
                + _("{level}：{status}").format(
                    level=_md(translate(v.level.label)), status=_(STATUS_ZH[v.status])
                ),
            )
    else:
        only = slip.verdicts[0]
        lines += _verdict_md(
            only, slip, "## " + _("结论：{status}").format(status=_(STATUS_ZH[only.status]))
        )
    lines += ["## " + _("回答记录"), ""]
    lines += [
        f"{i}. {_md(translate(q))} —— {_md(translate(a))}"
        for i, (q, a) in enumerate(slip.answers, 1)
    ]
    if not slip.answers:
        lines.append(_("（无）"))
    lines += ["", f"**{_(REVIEW_NOTE)}**"]
    return "\n".join(lines).rstrip() + "\n"


def to_text(slip: Slip) -> str:
    """The slip as plain text (rule text verbatim, nothing escaped)."""
    lines = [_("报考条件查询结果单"), "=" * 18, *slip.header(), ""]
    if slip.all_levels:
        best = slip.highest
        lines.append(
            _("目前可报考的最高等级：{level}").format(level=translate(best.level.label))
            if best
            else _("目前还没有可报考的等级。")
        )
        lines.append("")
    for v in slip.verdicts:
        lines += verdict_lines(slip.subject, v)
        when = slip.qualify_dates.get(v.level.number)
        if when is not None:
            lines.append(
                "  " + _("若继续工作，预计 {date} 起满足年限要求。").format(date=when.isoformat())
            )
        if v.status == "qualified":
            lines.append("  " + _("报名请携带："))
            lines += [f"    - {translate(d)}" for d in documents(met_routes(v)[0], slip.profile)]
        lines.append("")
    lines += [
        _("回答记录："),
        *[f"  {i}. {translate(q)} —— {translate(a)}" for i, (q, a) in enumerate(slip.answers, 1)],
    ]
    if not slip.answers:
        lines.append("  " + _("（无）"))
    lines += ["", _(REVIEW_NOTE)]
    return "\n".join(lines).rstrip() + "\n"
