"""今日 / 历史: every candidate seen, today's first, to reopen, resume, reprint or delete.

The list reads the records through the store (attributes down) and asks the app to
do what needs the rule book (messages up): reopening a result or resuming an
unfinished interview rebuilds its session, and reprinting writes its slip. Deleting
asks first. The search box filters by name or ID number as one types; the table has
the focus otherwise, so the action keys work without a mouse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from baokao.i18n import N_, _, get_lang
from baokao.records import Record, RecordsError, RecordStore
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.confirm import ConfirmScreen
from baokao.tui.screens.too_small import report_resize
from baokao.tui.widgets.key_footer import KeyFooter

#: The list's columns.
#: The verdict comes before the ID number: in 80 columns the last column is cut.
COLUMNS = (N_("时间"), N_("姓名"), N_("职业（工种）"), N_("等级"), N_("结论"), N_("身份证号"))
#: A finished level's verdict, short (the list is narrow; the record keeps the long form).
_STATUS = {
    "qualified": N_("符合"),
    "not_qualified": N_("暂不符合"),
    "undetermined": N_("无法判定"),
}


def masked(id_number: str) -> str:
    """An ID number with its date of birth hidden (the list is on a screen others see)."""
    return f"{id_number[:6]}********{id_number[14:]}" if len(id_number) == 18 else id_number


def verdict_text(record: Record) -> str:
    """The record's verdict as the list shows it."""
    if not record.finished:
        return _("未完成（已答 {count} 题）").format(count=len(record.answers))
    if record.level is None:  # all levels: the highest open, as kept
        return record.verdict if get_lang() == "zh" else _(_STATUS[record.status])
    if record.status == "qualified" and record.route is not None:
        return _("符合（第 {route} 条）").format(route=record.route)
    return _(_STATUS[record.status])


def _day(day: date, today: date) -> str:
    """A past day, short within this year (``02-28``), else in full."""
    return day.strftime("%m-%d") if day.year == today.year else day.isoformat()


class HistoryScreen(Screen[None]):
    """The records, newest first with today's on top, and what can be done with them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: shown in the footer, and ahead of the table's own Enter.
        Binding("enter", "open", N_("打开/继续"), key_display="Enter", priority=True),
        Binding("p", "reprint", N_("重印"), key_display="P"),
        Binding("d,delete", "delete", N_("删除"), key_display="D"),
        Binding("e", "export", N_("导出"), key_display="E"),
        Binding("slash", "search", N_("搜索"), key_display="/"),
        Binding("escape", "leave", N_("返回"), key_display="Esc"),
    ]

    @dataclass
    class Open(Message):
        """Reopen a result, or resume an unfinished interview."""

        record: Record

    @dataclass
    class Reprint(Message):
        """Write and print the slip of a finished interview again."""

        record: Record

    @dataclass
    class Export(Message):
        """Export the records listed."""

        records: list[Record]

    def __init__(self, store: RecordStore, today: date) -> None:
        """List the records of ``store``; ``today`` decides which are today's."""
        super().__init__()
        localize_bindings(self)
        self.store = store
        self.today = today
        self.records: list[Record] = []

    def on_resize(self, event: events.Resize) -> None:
        """Let the app check the terminal is still large enough."""
        report_resize(self)

    def compose(self) -> ComposeResult:
        """Title and counts, search box, table, empty line, footer."""
        yield Static("", id="h-title")
        yield Input(placeholder=_("按姓名或身份证号搜索……（/）"), id="h-search")
        table: DataTable[str] = DataTable(id="h-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(*(_(c) for c in COLUMNS))
        yield table
        yield Static("", id="h-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the list and focus it."""
        self.reload()
        self.query_one("#h-table", DataTable).focus()

    def reload(self) -> None:
        """Read the records matching the search box again."""
        query = self.query_one("#h-search", Input).value
        try:
            found = self.store.find(query)
            total, today = self.store.count(), len(self.store.find(since=self.today))
        except RecordsError as exc:
            self.query_one("#h-empty", Static).update(
                Content(_("记录已关闭：{reason}").format(reason=str(exc)))
            )
            return
        found.sort(key=lambda r: r.day != self.today)  # stable: newest first within each
        self.records = found
        counts = _("今日 {today} 位 · 共 {total} 条").format(today=today, total=total)
        heading = _("考生记录")
        title = f"{heading} · {counts}"
        self.query_one("#h-title", Static).update(Content(title))
        table = self.query_one("#h-table", DataTable)
        table.clear()
        for r in found:
            when = r.updated.astimezone()
            shown = when.strftime("%H:%M") if r.day == self.today else _day(r.day, self.today)
            table.add_row(
                shown,
                r.name or _("（未填）"),
                r.title,
                r.level_label.split("/")[0],
                verdict_text(r),
                masked(r.id_number),
                key=r.id,
            )
        empty = (
            ""
            if found
            else _("没有匹配“{query}”的记录。").format(query=query)
            if query
            else _("还没有记录。")
        )
        self.query_one("#h-empty", Static).update(Content(empty))

    @on(Input.Changed, "#h-search")
    def _searched(self, event: Input.Changed) -> None:
        event.stop()
        self.reload()

    @on(Input.Submitted, "#h-search")
    def _search_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#h-table", DataTable).focus()

    @on(DataTable.RowSelected, "#h-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def _current(self) -> Record | None:
        table = self.query_one("#h-table", DataTable)
        if not self.records or not 0 <= table.cursor_row < len(self.records):
            return None
        return self.records[table.cursor_row]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Record keys only while the list has the focus (letters type into the search)."""
        if action in ("open", "reprint", "delete", "export"):
            return not isinstance(self.focused, Input)
        return True

    def action_open(self) -> None:
        """Reopen the highlighted record."""
        record = self._current()
        if record is not None:
            self.post_message(self.Open(record))

    def action_reprint(self) -> None:
        """Print the highlighted record's slip again."""
        record = self._current()
        if record is None:
            return
        if not record.finished:
            self.notify(_("这条记录还没有结论，无法重印。按回车继续问答。"), markup=False)
            return
        self.post_message(self.Reprint(record))

    def action_delete(self) -> None:
        """Delete the highlighted record, after asking."""
        record = self._current()
        if record is None:
            return
        who = " · ".join(
            x for x in (record.name, record.title, record.level_label, verdict_text(record)) if x
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.delete(record.id)
            except RecordsError as exc:
                self.notify(
                    _("记录已关闭：{reason}").format(reason=str(exc)),
                    severity="error",
                    markup=False,
                )
                return
            self.notify(_("记录已删除。"), markup=False)
            self.reload()

        title = _("删除")
        self.app.push_screen(
            ConfirmScreen(title, _("删除这条记录吗？此操作不能撤销。\n{who}").format(who=who)),
            answered,
        )

    def action_export(self) -> None:
        """Export the records listed."""
        self.post_message(self.Export(list(self.records)))

    def action_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#h-search", Input).focus()

    def action_leave(self) -> None:
        """Esc: from the search box back to the list; from the list, close."""
        if isinstance(self.focused, Input):
            self.query_one("#h-table", DataTable).focus()
        else:
            self.dismiss(None)
