"""Save the result slip: choose the folder, write Markdown and plain text.

The folder box starts on the default folder (or the one used last), so saving is S
then Enter. Writing happens here, so a folder that cannot be written shows its error
in the dialog and the counsellor can correct it; the dialog returns the files written.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from baokao.i18n import N_, _
from baokao.slip import SavedSlip, Slip, write_slip
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.dialog import Dialog


class SaveScreen(Dialog[SavedSlip | None]):
    """Ask for a folder and write the slip there."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("取消"), key_display="Esc"),
    ]

    def __init__(self, slip: Slip, folder: Path) -> None:
        """Offer to save ``slip`` into ``folder`` (editable)."""
        super().__init__()
        localize_bindings(self)
        self.slip = slip
        self.folder = folder

    def compose(self) -> ComposeResult:
        """Title, folder box, error line."""
        with Vertical(id="save-box", classes="dialog"):
            yield Static(Content(_("保存结果单")), classes="dialog-title")
            yield Static(Content(_("保存到文件夹（回车保存，Esc 取消）：")))
            yield Input(value=str(self.folder), id="save-folder")
            yield Static("", id="save-error")

    def on_mount(self) -> None:
        """Focus the folder box, ready for Enter."""
        self.query_one("#save-folder", Input).focus()

    @on(Input.Submitted, "#save-folder")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        try:
            saved = write_slip(self.slip, Path(text))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.query_one("#save-error", Static).update(
                Content(_("无法保存：{error}").format(error=reason))
            )
            return
        self.close(saved)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.close(None)
