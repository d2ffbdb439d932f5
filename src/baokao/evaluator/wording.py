"""Readable Chinese lines for conditions, kept apart from the logic that judges them
(as GOV.UK smart-answers keep wording apart from policy)."""

from __future__ import annotations

from baokao.model.conditions import Certificate
from baokao.model.levels import LEVEL_LABELS
from baokao.model.years import fmt_years

__all__ = ["certificate_line", "fmt_years", "years_after_line"]

_SCOPES = {"this": "本职业", "related": "相关职业", "this_or_related": "本职业或相关职业"}
_MODES = {"cumulative": "累计", "continuous": "连续"}


def certificate_line(c: Certificate) -> str:
    """The line for a certificate the candidate does not hold."""
    what = c.title if c.title and not c.title.endswith(("初级", "中级", "高级")) else None
    level = LEVEL_LABELS[c.level]
    name = f"{what}（{level}）" if what else f"{level}"
    return f"缺少{_SCOPES[c.scope]}{name}及以上职业资格证书（技能等级证书）"


def years_after_line(c: Certificate) -> str:
    """The phrase for the years a certificate route asks after the certificate."""
    assert c.after is not None
    a = c.after
    return f"取得证书后{_MODES[a.mode]}从事{_SCOPES[a.scope]}工作{fmt_years(a.years)}年以上"
