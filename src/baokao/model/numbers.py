"""How numbers of years are written: one home for the ``check`` report, the UI and the slip.

Two rules (issue 16), so that a number shown never changes a verdict in the reader's eyes:

- Years someone gave (an answer, a profile, a rule file) are written as given: 5.999 is
  not "6", 0.0001 is not "0". Only the noise of float arithmetic (0.30000000000000004)
  is rounded away, to two decimals.
- A shortfall is never written as 0: it is rounded *up* to the next whole month, so
  5.999 years against 6 is "还差 1 个月", and 2.5 short is "2 年 6 个月".
"""

from __future__ import annotations

import math
from decimal import Decimal

from baokao.i18n import T_

#: Differences below this are float noise, not something anyone typed.
_NOISE = 1e-9


def fmt_years(value: float) -> str:
    """Years as given: ``2.0`` -> ``2``, ``1.5`` -> ``1.5``, ``5.999`` -> ``5.999``.

    Never rounds a given value (``0.0001`` stays ``0.0001``); a value within float
    noise of two decimals is written with at most two (``0.30000000000000004`` -> ``0.3``).
    Never uses an exponent.
    """
    two = round(value, 2)
    if abs(value - two) < _NOISE:
        text = f"{two:.2f}".rstrip("0").rstrip(".")
    else:
        text = format(Decimal(repr(value)), "f")
    return "0" if text in ("", "-0") else text


def shortfall_months(years: float) -> tuple[int, int]:
    """A shortfall as whole ``(years, months)``, rounded up to the next month.

    Anything above zero is at least one month: ``0.0001`` -> ``(0, 1)``.
    """
    if years <= 0:
        return (0, 0)
    months = max(1, math.ceil(round(years * 12, 6)))
    return divmod(months, 12)


def fmt_shortfall(years: float) -> str:
    """A shortfall in Chinese: ``3 年``, ``1 年 6 个月``, ``1 个月`` (never ``0``)."""
    whole, months = shortfall_months(years)
    if whole and months:
        return T_("{years} 年 {months} 个月").format(years=whole, months=months)
    if months:
        return T_("{months} 个月").format(months=months)
    return T_("{years} 年").format(years=whole)
