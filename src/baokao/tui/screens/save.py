"""Save the result slip: choose the folder, write Markdown, plain text and PDF.

The folder box starts on the default folder (or the one used last), so saving is S
then Enter. Writing happens here, so a folder that cannot be written shows its error
in the dialog and the counsellor can correct it; the dialog returns the files written.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from baokao.i18n import N_, _
from baokao.slip import Slip
from baokao.slip_files import SavedSlip, write_slip
from baokao.tui.i18n import localize_bindings
from baokao.tui.screens.dialog import Dialog

#: Why a write failed, by errno, in the interface's language (the system's own message
#: would be in English whatever the interface's language).
_WRITE_ERRORS = {
    "ENOSPC": N_("磁盘已满"),
    "EDQUOT": N_("磁盘配额已满"),
    "EFBIG": N_("文件太大，超出了允许的大小"),
    "EACCES": N_("没有写入这个文件夹的权限"),
    "EPERM": N_("没有写入这个文件夹的权限"),
    "EROFS": N_("这个磁盘是只读的"),
    "ENOENT": N_("路径不存在"),
    "ENOTDIR": N_("路径中有一项是文件，不是文件夹"),
    "EEXIST": N_("路径中有一项是文件，不是文件夹"),
    "EISDIR": N_("同名的文件夹已存在"),
    "ENAMETOOLONG": N_("文件夹名太长"),
    "EIO": N_("磁盘读写出错"),
}


def oserror_text(exc: OSError) -> str:
    """Why a file could not be written, in the interface's language (not the system's)."""
    code = errno.errorcode.get(exc.errno or 0, "")
    if code in _WRITE_ERRORS:
        return _(_WRITE_ERRORS[code])
    return _("写入出错（{detail}）").format(detail=code or type(exc).__name__)


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
            error = _("无法保存：{error}").format(error=oserror_text(exc))
            self.query_one("#save-error", Static).update(Content(error))
            return
        self.close(saved)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.close(None)
