"""Professional titles (职称, 专业技术职务任职资格): their levels, fields and questions.

A route may ask for a title of a level or higher (初级 < 中级 < 副高级 < 正高级: "中级及以上
任职资格"), of a field the text names (医药卫生专业; 心理学、教育学、医学), or one
"符合专业对应关系" with this occupation (the 2024 wording), and years of work after it.
The title is a held kind (:mod:`baokao.model.held`): three choice facts; the years after
it are a threshold of their own (:data:`baokao.model.quantities.QUANTITIES`, ``TY``).
``docs/interpretation.md`` writes the readings down.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, get_args

from baokao.i18n import N_
from baokao.model.factspec import YES_NO, Answer, Choice, FactSpec

TitleLevel = Literal["初级", "中级", "副高级", "正高级"]
#: Title levels, lowest first: a title meets a requirement at its level or below.
TITLE_LEVELS: tuple[TitleLevel, ...] = get_args(TitleLevel)

TitleField = Literal["医学", "药学", "心理学", "教育学"]
#: The fields a title question offers (and ``other``).
TITLE_FIELDS: tuple[TitleField, ...] = get_args(TitleField)

#: Field words of the text -> the answers that meet them. 医药卫生 is 医学 or 药学 (and the
#: other health professions the 药学 choice names); 医学 alone is not 药学.
FIELD_WORDS: dict[str, tuple[TitleField, ...]] = {
    "医药卫生": ("医学", "药学"),
    "医学": ("医学",),
    "心理学": ("心理学",),
    "教育学": ("教育学",),
}

TITLE = "title"
TITLE_FIELD = "title_field"
TITLE_CORRESPONDS = "title_corresponds"
TITLE_YEARS = "years_after_title"


def at_or_above(level: TitleLevel) -> tuple[TitleLevel, ...]:
    """The title levels that meet a requirement of ``level`` (及以上)."""
    return TITLE_LEVELS[TITLE_LEVELS.index(level) :]


def field_answers(words: Iterable[str]) -> tuple[TitleField, ...] | None:
    """The field answers that meet the field words of a text, ``None`` if one is unknown."""
    out: dict[TitleField, None] = {}
    for word in words:
        if word not in FIELD_WORDS:
            return None
        out.update(dict.fromkeys(FIELD_WORDS[word]))
    return tuple(f for f in TITLE_FIELDS if f in out)


def title_accepts(
    level: TitleLevel, fields: tuple[str, ...] | None, corresponding: bool
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per fact, the answers that meet a title condition."""
    out: list[tuple[str, tuple[str, ...]]] = [(TITLE, at_or_above(level))]
    if fields is not None:
        out.append((TITLE_FIELD, fields))
    if corresponding:
        out.append((TITLE_CORRESPONDS, ("yes",)))
    return tuple(out)


def title_fill(answers: Mapping[str, Answer]) -> list[dict[str, object]] | None:
    """The profile's titles from the interview's answers (the highest title held)."""
    level = answers.get(TITLE)
    if level is None:
        return None
    if level == "none":
        return []
    field = answers.get(TITLE_FIELD)
    corresponds = answers.get(TITLE_CORRESPONDS)
    return [
        {
            "level": level,
            "fields": None if field is None else [] if field == "other" else [field],
            "corresponding": None if corresponds is None else corresponds == "yes",
        }
    ]


def title_answers(title: Any) -> dict[str, frozenset[str]]:
    """The answers one title of the profile stands for (unknown parts left out)."""
    out = {TITLE: frozenset((title.level,))}
    if title.fields is not None:
        out[TITLE_FIELD] = frozenset(title.fields) or frozenset(("other",))
    if title.corresponding is not None:
        out[TITLE_CORRESPONDS] = frozenset(("yes" if title.corresponding else "no",))
    return out


TITLE_FACTS = (
    FactSpec(
        TITLE,
        "choice",
        N_("您取得的专业技术职称（专业技术职务任职资格），最高是哪一级？"),
        N_(
            "职称分初级（含员级、助理级）、中级、副高级、正高级；高一级的职称满足“…及以上”。"
            "条文写“职称（专业技术人员职业资格）”的，同一级别的专业技术人员职业资格也算。"
        ),
        (
            Choice("none", N_("没有职称")),
            Choice("初级", N_("初级（含员级、助理级）")),
            Choice("中级", N_("中级")),
            Choice("副高级", N_("副高级")),
            Choice("正高级", N_("正高级")),
        ),
        field="professional_titles[].level",
    ),
    FactSpec(
        TITLE_FIELD,
        "choice",
        N_("您的职称属于哪个专业？"),
        N_("“医药卫生专业”包括医学（医师、护理、医技等）和药学等其他卫生专业；“医学”只认医学。"),
        (
            Choice("医学", N_("医学（医师、护理、医技等）")),
            Choice("药学", N_("药学等其他医药卫生专业")),
            Choice("心理学", N_("心理学")),
            Choice("教育学", N_("教育学（教师等）")),
            Choice("other", N_("以上都不是")),
        ),
        held=TITLE,
        field="professional_titles[].fields",
    ),
    FactSpec(
        TITLE_CORRESPONDS,
        "yesno",
        N_("您的职称与本职业是否符合专业对应关系？"),
        N_(
            "“符合专业对应关系的职称”以当地人力资源社会保障部门公布的职称与职业技能等级"
            "对应目录为准；不确定的，请先向评价机构确认。"
        ),
        YES_NO,
        held=TITLE,
        field="professional_titles[].corresponding",
    ),
)

TITLE_YEARS_FACT = FactSpec(
    TITLE_YEARS,
    "years",
    N_("取得这个职称后，您累计从事本职业或相关职业工作多少年？"),
    N_("“取得…职称后，累计从事本职业或相关职业工作满N年”只算取得职称之后的年限。"),
    var="TY",
    held=TITLE,
    field=TITLE_YEARS,
)
