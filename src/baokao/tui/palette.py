"""Textual's own palette commands (Theme, Keys, Screenshot …) in the user's language.

The app lists its own commands first and keeps Textual's after them. Textual names its
commands in English; each one it offers is mapped here to a text of our catalogue, so the
palette is in one language. A command Textual adds in a later version and that is not
listed here is shown as Textual names it, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import SystemCommand

from baokao.i18n import N_, _

#: Textual's titles and help texts -> the texts of our catalogue (written in Chinese).
TEXTUAL_TEXTS = {
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


def textual_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands with their titles and help in the user's language."""
    for command in commands:
        title = _(TEXTUAL_TEXTS.get(command.title, command.title))
        help_text = _(TEXTUAL_TEXTS.get(command.help, command.help))
        yield SystemCommand(title, help_text, command.callback, command.discover)
