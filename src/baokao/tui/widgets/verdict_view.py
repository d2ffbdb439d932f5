"""One level's verdict, as the candidate should read it.

Qualified: the route relied on (number and verbatim text) and the documents to bring.
Not qualified: the closest route, each unmet condition with its shortfall, and the date
it will be met when only years are missing. Undetermined (a route that needs checking
by hand): what is still to be checked. The same view serves the single-level result
and the detail pane of the all-levels table.

Rule text and the evaluator's lines are Chinese and shown without markup parsing.
"""

from __future__ import annotations

from datetime import date

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from baokao.evaluator import Verdict
from baokao.i18n import N_, _, get_lang, listing, ngettext, translate
from baokao.model.profile import Profile
from baokao.report import fact_zh
from baokao.slip import documents, met_routes

STATUS_KEYS = {
    "qualified": N_("符合报考条件"),
    "not_qualified": N_("暂不符合报考条件"),
    "undetermined": N_("尚无法判定"),
}
STATUS_MARKS = {"qualified": "✔", "not_qualified": "✘", "undetermined": "?"}
STATUS_STYLES = {
    "qualified": "bold $success",
    "not_qualified": "bold $error",
    "undetermined": "bold $warning",
}


def format_date(day: date) -> str:
    """``2027年3月1日`` in Chinese, ``2027-03-01`` in English."""
    if get_lang() == "en":
        return day.isoformat()
    return f"{day.year}年{day.month}月{day.day}日"


def status_content(verdict: Verdict) -> Content:
    """``✔ 符合报考条件`` in the colour of the verdict."""
    text = f"{STATUS_MARKS[verdict.status]} {_(STATUS_KEYS[verdict.status])}"
    return Content.styled(text, STATUS_STYLES[verdict.status])


def bullet(marker: str, body: Content | str) -> Horizontal:
    """A list item with a hanging indent: long CJK lines wrap under the text, not the marker."""
    text = body if isinstance(body, Content) else Content(body)
    return Horizontal(
        Static(Content(marker), classes="marker"), Static(text, classes="item"), classes="bullet"
    )


def heading(text: str, first: bool = False) -> Static:
    """A small heading inside a result."""
    return Static(Content(text), classes="heading -first" if first else "heading")


def verdict_widgets(verdict: Verdict, profile: Profile, qualify_date: date | None) -> list[Widget]:
    """The body of a verdict (without its status line), as widgets."""
    parts: list[Widget] = []
    if verdict.status == "qualified":
        routes = met_routes(verdict)
        first = routes[0]
        parts += [
            heading(_("依据第 {number} 条：").format(number=first.number), True),
            Static(Content(first.text)),
        ]
        if first.review:
            parts.append(
                Static(Content.assemble((_("需人工核实："), "bold $warning"), first.review))
            )
        if len(routes) > 1:
            also = ngettext("也符合：第 {numbers} 条", "也符合：第 {numbers} 条", len(routes) - 1)
            numbers = listing(r.number for r in routes[1:])
            parts.append(Static(Content.styled(also.format(numbers=numbers), "dim")))
        parts.append(heading(_("报名请携带")))
        parts += [bullet(f"{i}.", translate(d)) for i, d in enumerate(documents(first, profile), 1)]
    elif verdict.closest is not None:
        route = verdict.closest.route
        parts += [
            heading(_("最接近的条件：第 {number} 条").format(number=route.number), True),
            Static(Content(route.text)),
        ]
        parts.append(heading(_("还差")))
        parts += [bullet("•", translate(line)) for line in verdict.unmet]
        if qualify_date is not None:
            when = _("若继续工作，预计 {date} 起满足年限要求。").format(
                date=format_date(qualify_date)
            )
            parts.append(Static(Content.styled(when, "bold"), classes="when"))
    else:
        parts.append(heading(_("还需人工核实或补充："), True))
        parts += [bullet("•", fact_zh(fact)) for fact in verdict.unknown]
    return parts


class VerdictView(Vertical):
    """Shows one verdict; set it with :meth:`show`."""

    DEFAULT_CSS = """
    VerdictView {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, verdict: Verdict, profile: Profile, qualify_date: date | None) -> None:
        """Display ``verdict`` (with the documents implied by ``profile``)."""
        self.remove_children()
        self.mount_all(verdict_widgets(verdict, profile, qualify_date))
