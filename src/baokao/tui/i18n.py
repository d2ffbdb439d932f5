"""The words of the interface, in Chinese (the default) and English.

Only the interface is translated: rule texts, questions, choices and the evaluator's
lines about unmet conditions come from the rule book and stay in Chinese, because they
are what the candidate will be held to. Every string the screens show comes from
here, so a missing translation is one dictionary away and easy to review.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

Lang = Literal["zh", "en"]

_TEXTS: dict[str, tuple[str, str]] = {
    # App shell
    "app.title": ("报考条件查询", "Certificate eligibility check"),
    "app.too_small": (
        "窗口太小，请把终端放大到至少 {w}×{h}（当前 {cw}×{ch}）。",
        "The terminal is too small: please enlarge it to at least {w}×{h} (now {cw}×{ch}).",
    ),
    "app.loading": ("正在载入规则……", "Loading the rules…"),
    "app.load_failed": ("规则载入失败：{error}", "The rules could not be loaded: {error}"),
    # Bindings and commands
    "key.quit": ("退出", "Quit"),
    "palette": ("命令", "Commands"),
    "key.back": ("上一题", "Back"),
    "key.answers": ("我的回答", "Your answers"),
    "key.save": ("保存结果单", "Save slip"),
    "key.next": ("下一位", "Next candidate"),
    "key.pick": ("选择", "Pick"),
    "key.cancel": ("取消", "Cancel"),
    "key.all_levels": ("全部等级", "All levels"),
    "key.scroll": ("滚动条件", "Scroll routes"),
    "cmd.next": ("下一位考生", "Next candidate"),
    "cmd.next.help": ("清空当前查询，回到职业搜索", "Clear everything and search again"),
    "cmd.save": ("保存结果单", "Save slip"),
    "cmd.save.help": (
        "把结论、回答和条文存为 Markdown 和文本文件",
        "Write the result as Markdown and text",
    ),
    "cmd.answers": ("我的回答", "Your answers"),
    "cmd.answers.help": ("查看并修改已回答的问题", "List the answers given and change one"),
    "cmd.back": ("返回上一题", "Back"),
    "cmd.back.help": ("撤销最后一个回答", "Undo the last answer"),
    "cmd.quit.help": ("关闭程序", "Close the program"),
    # Start screen
    "start.heading": (
        "输入职业名称、代码或拼音（如 美容师、4-10-03-01、mrs、meirongshi）",
        "Type an occupation's name, code or pinyin (美容师, 4-10-03-01, mrs, meirongshi)",
    ),
    "start.placeholder": ("搜索职业……", "Search occupations…"),
    "start.none": ("没有匹配“{query}”的职业或工种。", "No occupation or 工种 matches “{query}”."),
    "start.count": (
        "{count} 个结果 · ↑↓ 选择 · 回车确认",
        "{count} results · ↑↓ to move · Enter to pick",
    ),
    "start.work_type": ("工种", "工种"),
    "start.preparing": ("正在准备“{case}”的问题……", "Preparing the questions for {case}…"),
    "start.no_levels": ("（仅含工种）", "(工种 only)"),
    # Level picker
    "level.title": ("{subject}：报考哪个等级？", "{subject}: which level?"),
    "level.all": ("全部等级（我能报考哪一级？）", "All levels (what can I apply for?)"),
    "level.all_short": ("全部等级", "All levels"),
    "level.hint": (
        "按数字键选等级，A 查全部等级，Esc 返回",
        "Press a level's number, A for all levels, Esc to go back",
    ),
    # Question screen
    "q.progress": (
        "已回答 {done} 题 · 最多还有 {left} 题",
        "{done} answered · at most {left} to go",
    ),
    "q.alive": ("仍可能满足的条件", "Routes still possible"),
    "q.route": ("第 {number} 条", "Route {number}"),
    "q.why": ("为什么问这个", "Why this is asked"),
    "q.years.placeholder": ("输入年数，如 3 或 2.5", "Type a number of years, e.g. 3 or 2.5"),
    "q.years.hint": ("输入年数后按回车", "Type the years and press Enter"),
    "q.years.not_number": ("请输入数字，如 3 或 2.5", "Please type a number, such as 3 or 2.5"),
    "q.years.too_small": ("不能少于 {min} 年", "It cannot be less than {min} years"),
    "q.years.too_large": ("不能多于 {max} 年", "It cannot be more than {max} years"),
    "q.choice.hint": ("按数字键选择，或用 ↑↓ 和回车", "Press a number, or use ↑↓ and Enter"),
    "q.cert.hint": (
        "按证书等级的数字选择（4 = 四级），0 = 没有；或用 ↑↓ 和回车",
        "Press the level's number (4 = 四级), 0 for none; or use ↑↓ and Enter",
    ),
    "q.yesno.hint": ("按 Y 表示是，按 N 表示否", "Press Y for yes, N for no"),
    "q.change.title": ("修改回答", "Change an answer"),
    "q.change.was": ("原回答：{answer}", "Was: {answer}"),
    "answers.title": (
        "我的回答（回车修改，Esc 关闭）",
        "Your answers (Enter to change, Esc to close)",
    ),
    "answers.none": ("还没有回答任何问题。", "No answers yet."),
    # Results
    "r.qualified": ("符合报考条件", "May apply"),
    "r.not_qualified": ("暂不符合报考条件", "Not yet eligible"),
    "r.undetermined": ("尚无法判定", "Cannot be decided yet"),
    "r.route": ("依据第 {number} 条：", "Route {number}:"),
    "r.also": ("也符合：第 {numbers} 条", "Also met: routes {numbers}"),
    "r.documents": ("报名请携带", "Documents to bring"),
    "r.closest": ("最接近的条件：第 {number} 条", "Closest route: route {number}"),
    "r.unmet": ("还差", "Still missing"),
    "r.date": (
        "若继续工作，预计 {date} 起满足年限要求。",
        "Working on, the years will be met on {date}.",
    ),
    "r.unknown": ("还需人工核实或补充：", "To be checked by hand or asked:"),
    "r.review": ("需人工核实：", "Check by hand:"),
    "r.saved": ("结果单已保存：{path}（及同名 .txt）", "Slip saved: {path} (and a .txt beside it)"),
    "r.hint": (
        "S 保存结果单 · N 下一位 · A 修改回答 · Esc 上一题",
        "S save slip · N next candidate · A change answers · Esc back",
    ),
    "all.title": ("各等级报考条件", "Every level"),
    "all.level": ("等级", "Level"),
    "all.status": ("结论", "Verdict"),
    "all.detail": ("符合的条目 / 差距", "Route met / gap"),
    "all.met": ("第 {numbers} 条", "route {numbers}"),
    "all.gap_years": ("第 {number} 条 · 还差 {years} 年", "route {number} · {years} more years"),
    "all.gap_count": ("第 {number} 条 · 差 {count} 项", "route {number} · {count} missing"),
    "all.highest": ("目前可报考的最高等级：{level}", "Highest level open now: {level}"),
    "all.none": ("目前还没有可报考的等级。", "No level is open yet."),
    "all.next": ("再上一级 {level}：", "The level above, {level}:"),
    "all.top": ("已可报考本职业最高等级。", "The top level of this occupation is open."),
    # Save slip
    "save.title": ("保存结果单", "Save the slip"),
    "save.folder": (
        "保存到文件夹（回车保存，Esc 取消）：",
        "Folder (Enter to save, Esc to cancel):",
    ),
    "save.failed": ("无法保存：{error}", "Could not save: {error}"),
}

_current: Lang = "zh"


def set_lang(lang: Lang) -> None:
    """Choose the interface language for every later call of :func:`t`."""
    global _current
    _current = lang


def get_lang() -> Lang:
    """The interface language in use."""
    return _current


def t(key: str, **values: object) -> str:
    """The interface text for ``key`` in the current language, filled with ``values``.

    Args:
        key: A key of the table above.
        **values: Values for the ``{name}`` fields of the text.

    Returns:
        The text; an unknown key is returned as is, so a typo shows rather than crashes.
    """
    pair = _TEXTS.get(key)
    if pair is None:
        return key
    text = pair[1] if _current == "en" else pair[0]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether ``key`` has a text (used by tests to check both languages are complete)."""
    return key in _TEXTS


def all_keys() -> tuple[str, ...]:
    """Every key of the table."""
    return tuple(_TEXTS)


def localize_bindings(node: Any) -> None:
    """Translate the descriptions of one screen's (or app's) key bindings.

    Bindings are declared on the class with i18n keys as descriptions (``"key.back"``);
    the language is only known when the app is created, so each instance replaces the
    keys with the text of the current language. Descriptions that are not keys stay
    as they are.

    Args:
        node: A textual ``DOMNode`` (duck-typed, so that this module needs no textual).
    """
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [replace(b, description=t(b.description)) for b in bindings]
