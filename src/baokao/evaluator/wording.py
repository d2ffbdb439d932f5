"""Readable Chinese lines for conditions, kept apart from the logic that judges them
(as GOV.UK smart-answers keep wording apart from policy)."""

from __future__ import annotations

from baokao.i18n import N_, T_
from baokao.model.conditions import Certificate, Condition, MissingText, PreparatoryTechnician
from baokao.model.levels import LEVEL_LABELS
from baokao.model.years import fmt_years

__all__ = [
    "certificate_line",
    "certificate_missing",
    "fmt_years",
    "missing_line",
    "missing_text_line",
    "years_after_line",
]

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
_WORK_AFTER = T_("取得证书后累计{work}{years}年以上")

#: A route the copy ends inside (with the fragment the cut left, or at its number), and a
#: level printed with nothing under it: the text is not in the copy, not unread.
_CUT_AT = T_("原文在“{text}”处截断，后文缺失，需对照原件")
_CUT = T_("原文在此截断，后文缺失，需对照原件")
_EMPTY_LEVEL = T_("这份副本在此级别下没有条件，需对照原件")


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
    if a.work is not None:  # years in the work the text names (从事推销工作)
        return _WORK_AFTER.format(work=a.work, years=fmt_years(a.years))
    return _YEARS_AFTER.format(
        mode=_MODES[a.mode], scope=_SCOPES[a.scope], years=fmt_years(a.years)
    )


def certificate_missing(c: Certificate) -> tuple[str, ...]:
    """The lines for a certificate condition none held meets: the certificate, and the
    years after it (they count as two conditions)."""
    if c.after is None:
        return (certificate_line(c),)
    need = T_("{line}：需在取得证书后满 {years} 年")
    after = need.format(line=years_after_line(c), years=fmt_years(c.after.years))
    return (certificate_line(c), after)


def missing_line(c: Condition) -> str:
    """The line for a condition of a diploma, a training, an apprenticeship or a 预备技师
    certificate the candidate does not have."""
    if isinstance(c, PreparatoryTechnician):
        return T_("缺少：{text}（预备技师证书）").format(text=c.text)
    return T_("缺少：{text}").format(text=getattr(c, "text", ""))


def missing_text_line(c: MissingText) -> str:
    """The line for text the copy of the standard does not have: it says where the copy
    is cut off and that the full text must be checked against the original."""
    if c.case == "empty_level":
        return _EMPTY_LEVEL
    return _CUT_AT.format(text=c.text) if c.text else _CUT
