"""All levels at once: "what can this candidate apply for?"

A table with one row per level (the route met, or the closest route and its gap), the
highest level open now above it, and under it the full detail of the highlighted
level: ↑↓ in the table change the detail, PgUp/PgDn scroll it. The detail starts on
the level above the highest one open, since that is the next thing the candidate will
ask about.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from baokao.evaluator import Verdict
from baokao.i18n import _, listing, ngettext, translate
from baokao.model.numbers import shortfall_months
from baokao.session import AllLevelsOutcome, Session
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.question import case_title
from baokao.tui.screens.result import RESULT_BINDINGS, SlipScreen
from baokao.tui.screens.too_small import report_resize
from baokao.tui.widgets.answers_view import AnswersView
from baokao.tui.widgets.key_footer import KeyFooter
from baokao.tui.widgets.verdict_view import (
    STATUS_KEYS,
    STATUS_MARKS,
    VerdictView,
    format_date,
    status_content,
)

#: Theme colour of each status in the table (DataTable cells are Rich text).
STATUS_COLOURS = {"qualified": "success", "not_qualified": "error", "undetermined": "warning"}


def span_text(shortfall: float) -> str:
    """A shortfall in the interface's language, rounded up to a month (never 0)."""
    years, months = shortfall_months(shortfall)
    parts = [ngettext("{n} 年", "{n} 年", years).format(n=years)] if years else []
    if months or not years:
        parts.append(ngettext("{n} 个月", "{n} 个月", months).format(n=months))
    return " ".join(parts)


def gap_cell(verdict: Verdict) -> str:
    """The short text of the table's last column."""
    if verdict.status == "qualified":
        met = ngettext("第 {numbers} 条", "第 {numbers} 条", len(verdict.qualifying))
        return met.format(numbers=listing(verdict.qualifying))
    closest = verdict.closest
    if closest is None:
        return _("尚无法判定")
    if closest.outcome.years_only:
        gap = _("第 {number} 条 · 还差 {span}")
        return gap.format(number=closest.number, span=span_text(closest.outcome.shortfall))
    return _("第 {number} 条 · 差 {count} 项").format(
        number=closest.number, count=closest.outcome.unmet
    )


def summary_content(outcome: AllLevelsOutcome) -> Content:
    """The highest level open now, and when the next one opens (if only years are missing)."""
    parts: list[Content | str] = []
    if outcome.highest is not None:
        parts.append(
            Content.styled(
                _("目前可报考的最高等级：{level}").format(
                    level=translate(outcome.highest.level.label)
                ),
                "bold",
            )
        )
    else:
        parts.append(Content.styled(_("目前还没有可报考的等级。"), "bold"))
    if outcome.next_level is None and outcome.highest is not None:
        parts += ["\n", _("已可报考本职业最高等级。")]
    elif outcome.next_level is not None and outcome.qualify_date is not None:
        parts += [
            "\n",
            _("再上一级 {level}：").format(level=translate(outcome.next_level.level.label)),
        ]
        parts.append(
            _("若继续工作，预计 {date} 起满足年限要求。").format(
                date=format_date(outcome.qualify_date)
            )
        )
    return Content.assemble(*parts)


class AllLevelsScreen(SlipScreen):
    """The outcome of an all-levels interview."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *RESULT_BINDINGS,
        Binding("pagedown", "scroll_detail(1)", show=False, priority=True),
        Binding("pageup", "scroll_detail(-1)", show=False, priority=True),
    ]

    def __init__(self, session: Session) -> None:
        """Show the outcome of ``session`` (which must be finished, for all levels)."""
        super().__init__()
        localize_bindings(self)
        self.session = session
        outcome = session.outcome
        assert isinstance(outcome, AllLevelsOutcome)
        self.outcome = outcome

    def on_resize(self, event: events.Resize) -> None:
        """Let the app check the terminal is still large enough."""
        report_resize(self)

    def compose(self) -> ComposeResult:
        """Title, summary, table, detail of the highlighted level, saved line, footer."""
        with Horizontal(id="r-top"):
            yield Static(Content(case_title(self.session)), id="r-case")
        yield Static(summary_content(self.outcome), id="all-summary")
        yield DataTable(id="all-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="all-detail", can_focus=False):
            yield Static("", id="all-detail-status")
            yield VerdictView(id="all-verdict")
            yield AnswersView(id="r-answers")
        yield Static("", id="r-saved")
        yield Static(Content(self.candidate), id="r-candidate")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the table, highlight the most useful row, focus the table."""
        table = self.query_one("#all-table", DataTable)
        table.add_column(_("等级"), key="level")
        table.add_column(_("结论"), key="status")
        table.add_column(_("符合的条目 / 差距"), key="detail")
        colours = self.app.theme_variables
        for verdict in self.outcome.verdicts:
            status = f"{STATUS_MARKS[verdict.status]} {_(STATUS_KEYS[verdict.status])}"
            colour = colours.get(STATUS_COLOURS[verdict.status], "")
            table.add_row(
                Text(translate(verdict.level.label)),
                Text(status, style=f"bold {colour}".strip()),
                Text(gap_cell(verdict)),
                key=str(verdict.level.number),
            )
        start = self.outcome.next_level or self.outcome.highest or self.outcome.verdicts[0]
        numbers = [v.level.number for v in self.outcome.verdicts]
        table.move_cursor(row=numbers.index(start.level.number), animate=False)
        self._show_level(start)
        self.query_one(AnswersView).show(self.session)
        table.focus()

    @on(DataTable.RowHighlighted, "#all-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        number = int(event.row_key.value or 0)
        for verdict in self.outcome.verdicts:
            if verdict.level.number == number:
                self._show_level(verdict)

    def _show_level(self, verdict: Verdict) -> None:
        nxt = self.outcome.next_level
        is_next = nxt is not None and nxt.level.number == verdict.level.number
        when = self.outcome.qualify_date if is_next else None
        title = Content.assemble(
            (translate(verdict.level.label), "bold"), "  ", status_content(verdict)
        )
        self.query_one("#all-detail-status", Static).update(title)
        self.query_one(VerdictView).show(verdict, self.session.profile, when)
        self.query_one("#all-detail", VerticalScroll).scroll_home(animate=False)

    def action_scroll_detail(self, direction: int) -> None:
        """Scroll the detail by a page, the table keeping the focus."""
        detail = self.query_one("#all-detail", VerticalScroll)
        if direction > 0:
            detail.scroll_page_down()
        else:
            detail.scroll_page_up()
