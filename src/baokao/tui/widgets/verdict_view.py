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
from baokao.model.profile import Profile
from baokao.report import fact_zh
from baokao.slip import documents, met_routes
from baokao.tui.i18n import get_lang, t

STATUS_KEYS = {
    "qualified": "r.qualified",
    "not_qualified": "r.not_qualified",
    "undetermined": "r.undetermined",
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
    text = f"{STATUS_MARKS[verdict.status]} {t(STATUS_KEYS[verdict.status])}"
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
        parts += [heading(t("r.route", number=first.number), True), Static(Content(first.text))]
        if first.review:
            parts.append(Static(Content.assemble((t("r.review"), "bold $warning"), first.review)))
        if len(routes) > 1:
            numbers = "、".join(str(r.number) for r in routes[1:])
            parts.append(Static(Content.styled(t("r.also", numbers=numbers), "dim")))
        parts.append(heading(t("r.documents")))
        parts += [bullet(f"{i}.", d) for i, d in enumerate(documents(first, profile), 1)]
    elif verdict.closest is not None:
        route = verdict.closest.route
        parts += [heading(t("r.closest", number=route.number), True), Static(Content(route.text))]
        parts.append(heading(t("r.unmet")))
        parts += [bullet("•", line) for line in verdict.unmet]
        if qualify_date is not None:
            when = t("r.date", date=format_date(qualify_date))
            parts.append(Static(Content.styled(when, "bold"), classes="when"))
    else:
        parts.append(heading(t("r.unknown"), True))
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
