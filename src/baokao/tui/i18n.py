"""The UI's side of translation: key binding descriptions in the user's language.

Texts are translated by :mod:`baokao.i18n` (gettext). Bindings are declared on the class,
before the language is known, with descriptions marked by ``N_``; each screen (and the
app) translates its own bindings once it is created.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from baokao.i18n import _


def localize_bindings(node: Any) -> None:
    """Translate the descriptions of one screen's (or the app's) key bindings.

    Args:
        node: A textual ``DOMNode`` (duck-typed: this module needs nothing of textual).
    """
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=_(b.description)) for b in bindings]
