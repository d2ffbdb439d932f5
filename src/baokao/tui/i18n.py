"""The UI's side of translation: key bindings in the user's language and either case.

Texts are translated by :mod:`baokao.i18n` (gettext). Bindings are declared on the class,
before the language is known, with descriptions marked by ``N_``; each screen (and the
app) translates its own bindings once it is created.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from baokao.i18n import _


def localize_bindings(node: Any) -> None:
    """Make one screen's (or the app's) key bindings fit the user's keyboard and language.

    Descriptions are translated, and every letter key also answers in capitals (Shift or
    Caps Lock: Textual names that key ``S``, not ``s``), by a hidden twin binding, so the
    footer still shows each key once.

    Args:
        node: A textual ``DOMNode`` (duck-typed: this module needs nothing of textual).
    """
    table = node._bindings.key_to_bindings
    for key, bindings in list(table.items()):
        table[key] = [replace(b, description=_(b.description)) for b in bindings]
        capital = key.upper()
        if len(key) == 1 and key.isalpha() and key != capital and capital not in table:
            table[capital] = [replace(b, key=capital, show=False) for b in table[key]]
