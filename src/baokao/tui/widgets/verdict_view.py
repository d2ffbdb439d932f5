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

from textual.content import Content
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


def _heading(text: str) -> Content:
    return Content.styled(text, "bold $accent")


def verdict_content(verdict: Verdict, profile: Profile, qualify_date: date | None) -> Content:
    """The body of a verdict (without its status line)."""
    parts: list[Content | str] = []
    if verdict.status == "qualified":
        routes = met_routes(verdict)
        first = routes[0]
        parts += [_heading(t("r.route", number=first.number)), "\n", first.text, "\n"]
        if first.review:
            parts += [Content.styled(t("r.review"), "bold $warning"), first.review, "\n"]
        if len(routes) > 1:
            numbers = "、".join(str(r.number) for r in routes[1:])
            parts += [Content.styled(t("r.also", numbers=numbers), "dim"), "\n"]
        parts += ["\n", _heading(t("r.documents")), "\n"]
        for i, doc in enumerate(documents(first, profile), 1):
            parts += [f"  {i}. ", doc, "\n"]
    elif verdict.closest is not None:
        route = verdict.closest.route
        parts += [_heading(t("r.closest", number=route.number)), "\n", route.text, "\n\n"]
        parts += [_heading(t("r.unmet")), "\n"]
        for line in verdict.unmet:
            parts += ["  • ", line, "\n"]
        if qualify_date is not None:
            parts += ["\n", Content.styled(t("r.date", date=format_date(qualify_date)), "bold")]
    else:
        parts += [_heading(t("r.unknown")), "\n"]
        for fact in verdict.unknown:
            parts += ["  • ", fact_zh(fact), "\n"]
    return Content.assemble(*parts).rstrip()


class VerdictView(Static):
    """Shows one verdict; set it with :meth:`show`."""

    DEFAULT_CSS = """
    VerdictView {
        height: auto;
        padding: 0 1;
    }
    """

    def show(self, verdict: Verdict, profile: Profile, qualify_date: date | None) -> None:
        """Display ``verdict`` (with the documents implied by ``profile``)."""
        self.update(verdict_content(verdict, profile, qualify_date))
