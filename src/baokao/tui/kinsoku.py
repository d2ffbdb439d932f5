"""Installs Chinese line breaking (:mod:`baokao.linebreak`) into the wrappers the UI uses.

Textual wraps :class:`~textual.content.Content` and Rich wraps ``Text`` with
``rich._wrap.divide_line``, which cuts Chinese anywhere; both modules look the function
up by name when they wrap, so replacing that name makes every wrapped text on every
screen follow 避头尾, with no change to the widgets.
"""

from __future__ import annotations

import rich.text
import textual.content

from baokao.linebreak import Divide, kinsoku

_NAME = "divide_line"  # the name both modules call the wrapper by
_installed: set[str] = set()


def _following_kinsoku(wrap: Divide) -> Divide:
    def divide(text: str, width: int, fold: bool = True) -> list[int]:
        return kinsoku(wrap, text, width, fold)

    return divide


def install() -> None:
    """Make Textual's and Rich's wrapping keep closing punctuation off a line's start."""
    for module in (textual.content, rich.text):
        if module.__name__ not in _installed:
            wrap: Divide = getattr(module, _NAME)
            setattr(module, _NAME, _following_kinsoku(wrap))
            _installed.add(module.__name__)
