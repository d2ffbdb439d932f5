"""The candidate's name and 身份证 number: both optional, typed at the desk.

F3 opens it at any point of an interview or on its result (counsellors ask for the
name when the candidate sits down, or only when a slip is wanted). An ID number is
checked by its check digit here, and a wrong one is refused with the reason, so no
record or slip carries a mistyped number. Returns the details, or ``None`` on Esc.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from baokao.i18n import N_, _
from baokao.records import IdNumberError, normalize_id_number
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.dialog import Dialog

#: Why an ID number is refused, by :attr:`IdNumberError.reason`.
_BAD_ID = {
    "length": N_("身份证号应为 18 位（现为 {count} 位）。"),
    "characters": N_("身份证号前 17 位应为数字，最后一位为数字或 X。"),
    "birth": N_("身份证号第 7–14 位的出生日期不是有效日期。"),
    "check": N_("身份证号校验位不符，请逐位核对。"),
}


@dataclass(frozen=True)
class Candidate:
    """What was entered: a name and a checked ID number (either may be empty)."""

    name: str
    id_number: str


class CandidateScreen(Dialog[Candidate | None]):
    """Ask for the candidate's name and ID number."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("取消"), key_display="Esc"),
    ]

    def __init__(self, name: str = "", id_number: str = "") -> None:
        """Start from what was entered before."""
        super().__init__()
        localize_bindings(self)
        self.typed_name = name
        self.id_number = id_number

    def compose(self) -> ComposeResult:
        """Title, the two fields, the error line."""
        with Vertical(id="cand-box", classes="dialog"):
            yield Static(Content(_("考生信息（均可不填）")), classes="dialog-title")
            yield Static(Content(_("姓名：")))
            yield Input(value=self.typed_name, id="cand-name", max_length=40)
            yield Static(Content(_("身份证号：")))
            yield Input(value=self.id_number, id="cand-id", max_length=24)
            yield Static("", id="cand-error")
            yield Static(Content(_("Tab 换栏 · 回车 确定 · Esc 取消")), classes="dialog-hint")

    def on_mount(self) -> None:
        """Focus the name."""
        self.query_one("#cand-name", Input).focus()

    @on(Input.Submitted, "#cand-name")
    def _name_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#cand-id", Input).focus()

    @on(Input.Submitted, "#cand-id")
    def _id_done(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(self.query_one("#cand-name", Input).value.split())
        typed = event.value.strip()
        try:
            number = normalize_id_number(typed) if typed else ""
        except IdNumberError as exc:
            error = _(_BAD_ID[exc.reason]).format(count=len(exc.number))
            self.query_one("#cand-error", Static).update(Content(error))
            return
        self.close(Candidate(name, number))

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.close(None)
