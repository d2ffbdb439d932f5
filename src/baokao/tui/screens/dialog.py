"""The base of every modal dialog: it closes exactly once.

Keys typed quickly queue up: a second Enter or digit can reach a dialog after it has
already asked to close, and a second ``dismiss`` would pop whatever screen is under
it. :meth:`Dialog.close` ignores every request after the first, and any request while
the dialog is not the screen on top.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A modal screen with a typed result and a safe :meth:`close`."""

    _dismissed = False

    @property
    def closing(self) -> bool:
        """Whether the dialog has asked to close (it is then never drawn again)."""
        return self._dismissed

    def close(self, result: ResultT) -> None:
        """Dismiss with ``result``, once, and only while this dialog is on top."""
        if self._dismissed or not self.is_current:
            return
        self._dismissed = True
        self.dismiss(result)
