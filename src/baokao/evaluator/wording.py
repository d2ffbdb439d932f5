"""Readable Chinese lines for conditions, kept apart from the logic that judges them
(as GOV.UK smart-answers keep wording apart from policy)."""

from __future__ import annotations

from baokao.i18n import N_, T_
from baokao.model.conditions import Certificate
from baokao.model.levels import LEVEL_LABELS
from baokao.model.years import fmt_years

__all__ = ["certificate_line", "fmt_years", "years_after_line"]

_SCOPES = {
    "this": N_("本职业"),
    "related": N_("相关职业"),
    "this_or_related": N_("本职业或相关职业"),
}
_MODES = {"cumulative": N_("累计"), "continuous": N_("连续")}
_CERTIFICATE = T_("缺少{scope}{name}及以上职业资格证书（技能等级证书）", scope=_SCOPES.values())
_YEARS_AFTER = T_(
    "取得证书后{mode}从事{scope}工作{years}年以上", mode=_MODES.values(), scope=_SCOPES.values()
)


def certificate_line(c: Certificate) -> str:
    """The line for a certificate the candidate does not hold."""
    what = c.title if c.title and not c.title.endswith(("初级", "中级", "高级")) else None
    level = LEVEL_LABELS[c.level]
    name = f"{what}（{level}）" if what else f"{level}"
    return _CERTIFICATE.format(scope=_SCOPES[c.scope], name=name)


def years_after_line(c: Certificate) -> str:
    """The phrase for the years a certificate route asks after the certificate."""
    assert c.after is not None
    a = c.after
    return _YEARS_AFTER.format(
        mode=_MODES[a.mode], scope=_SCOPES[a.scope], years=fmt_years(a.years)
    )
