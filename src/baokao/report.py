"""Readable reports of verdicts: the ``check`` text output and the result slip.

Wording only: the verdicts come from the evaluator. Every answer cites the route's
verbatim text, so a counsellor can check it against the official table.
"""

from __future__ import annotations

from baokao.evaluator import Verdict
from baokao.evaluator.outcome import Truth
from baokao.i18n import N_, _, translate
from baokao.model.quantities import field_label
from baokao.model.rules import Route, Subject

STATUS_ZH = {
    "qualified": N_("符合报考条件"),
    "not_qualified": N_("暂不符合报考条件"),
    "undetermined": N_("尚无法判定（缺少信息）"),
}


def fact_zh(fact: str) -> str:
    """A readable name for a fact of the profile (``certificates[0].years_after`` too), in
    the language in use."""
    return translate(field_label(fact))


def rests_on(verdict: Verdict) -> tuple[Route, ...]:
    """The routes a verdict rests on: those met, else the closest one, else none."""
    if verdict.qualifying:
        return tuple(r.route for r in verdict.routes if r.truth is Truth.MET)
    return (verdict.closest.route,) if verdict.closest is not None else ()


def review_readings(verdict: Verdict) -> list[dict[str, object]]:
    """The 需人工核实 readings a verdict rests on (``check --json``'s ``review``).

    Empty when the verdict rests only on routes read literally.
    """
    return [{"route": r.number, "reading": r.review} for r in rests_on(verdict) if r.review]


def route_block(route: Route) -> list[str]:
    """The route's number and verbatim text, and its review note if it has one."""
    lines = ["  " + _("第 {number} 条：{text}").format(number=route.number, text=route.text)]
    if route.review:
        lines.append("  " + _("需人工核实：{text}").format(text=route.review))
    return lines


def verdict_lines(subject: Subject, verdict: Verdict, case_id: object = None) -> list[str]:
    """A plain-text account of one verdict."""
    head = _("{subject} {level}：{status}").format(
        subject=subject.title,
        level=translate(verdict.level.label),
        status=_(STATUS_ZH[verdict.status]),
    )
    if case_id is not None:
        head = f"[{case_id}] {head}"
    lines = [head]
    if verdict.status == "qualified":
        for result in verdict.routes:
            if result.truth is Truth.MET:
                lines += route_block(result.route)
    elif verdict.closest is not None:
        lines.append("  " + _("最接近的条件："))
        lines += route_block(verdict.closest.route)
        lines += [f"    - {translate(line)}" for line in verdict.unmet]
    else:
        lines.append("  " + _("还需了解："))
        lines += [f"    - {fact_zh(f)}" for f in verdict.unknown]
    return lines
