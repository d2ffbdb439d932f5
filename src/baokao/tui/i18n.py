"""The UI's side of translation: key bindings in the user's language and either case.

Texts are translated by :mod:`baokao.i18n` (gettext). Bindings are declared on the class,
before the language is known, with descriptions marked by ``N_``; each screen (and the
app) translates its own bindings once it is created.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from baokao.i18n import N_, _

#: Textual's own English words (palette commands, the palette key's description) -> the
#: texts of our catalogue (written in Chinese), so that they follow the user's language.
TEXTUAL_TEXTS = {
    "palette": N_("命令"),
    "Theme": N_("主题"),
    "Change the current theme": N_("更换配色主题"),
    "Quit": N_("退出"),
    "Quit the application as soon as possible": N_("关闭程序"),
    "Keys": N_("按键"),
    "Show help for the focused widget and a summary of available keys": N_(
        "显示当前部件的帮助和可用按键一览"
    ),
    "Hide the keys and widget help panel": N_("隐藏按键和帮助面板"),
    "Maximize": N_("最大化"),
    "Maximize the focused widget": N_("把当前部件放大到整个窗口"),
    "Minimize": N_("还原"),
    "Minimize the widget and restore to normal size": N_("把部件还原到原来的大小"),
    "Screenshot": N_("截图"),
    "Save an SVG 'screenshot' of the current screen": N_("把当前屏幕存为 SVG 截图"),
}


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
        table[key] = [
            replace(b, description=_(TEXTUAL_TEXTS.get(b.description, b.description)))
            for b in bindings
        ]
        capital = key.upper()
        if len(key) == 1 and key.isalpha() and key != capital and capital not in table:
            table[capital] = [replace(b, key=capital, show=False) for b in table[key]]
