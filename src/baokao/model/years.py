"""The one reader of typed years, for every front end: the interview, the TUI's years box.

People type years as ``3``, ``1.5``, ``３`` (a Chinese input method's full-width digit),
``3年`` or ``3年以上`` (the rule text's own words). Anything else — ``1e1``, ``inf``,
``6_0``, ``三年半`` — is refused with a message saying what to type, in the UI's
language (:mod:`baokao.i18n`), never read as something the person did not mean.
"""

from __future__ import annotations

import math
import re
import unicodedata

from baokao.i18n import _
from baokao.model.facts import AnswerError
from baokao.model.numbers import fmt_years

__all__ = ["check_years", "fmt_years", "read_years"]  # fmt_years lives in model.numbers

#: Plain decimal digits only: no exponent, sign, separator or other script's digits.
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?", re.ASCII)
#: Words the rule texts put after a number of years, stripped from the end in turn.
_SUFFIXES = ("以上", "(含)", "年")


def read_years(raw: str | float) -> float:
    """A number of years from what was typed (or given as a number).

    Raises:
        AnswerError: not a number of years (with what to type instead), or negative.
    """
    if isinstance(raw, bool):
        raise AnswerError(_("请输入年数（数字），例如 3 或 1.5。"))
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = unicodedata.normalize("NFKC", raw).strip().replace(" ", "")
        for suffix in _SUFFIXES:
            text = text.removesuffix(suffix)
        negative = text.startswith("-")
        if not _NUMBER.fullmatch(text.removeprefix("-")):
            raise AnswerError(_("请输入年数（数字），例如 3 或 1.5。"))
        value = -float(text[1:]) if negative else float(text)
    if not math.isfinite(value):
        raise AnswerError(_("请输入年数（数字），例如 3 或 1.5。"))
    if value < 0:
        raise AnswerError(_("年数不能是负数。"))
    return value


def check_years(
    raw: str | float, low: float = 0.0, high: float | None = None, why: tuple[str, str] = ("", "")
) -> float:
    """:func:`read_years`, within the bounds earlier answers set.

    Args:
        raw: What was typed.
        low: The least acceptable value.
        high: The most acceptable value, if any.
        why: Why those bounds (shown after the bound).

    Raises:
        AnswerError: what is wrong, in the UI's language.
    """
    value = read_years(raw)
    if value < low:
        reason = _("：{why}").format(why=why[0]) if why[0] else ""
        raise AnswerError(
            _("不能少于 {min} 年{reason}。").format(min=fmt_years(low), reason=reason)
        )
    if high is not None and value > high:
        reason = _("（{why}）").format(why=why[1]) if why[1] else ""
        message = _("不能超过 {max} 年{reason}。")
        raise AnswerError(message.format(max=fmt_years(high), reason=reason))
    return value
