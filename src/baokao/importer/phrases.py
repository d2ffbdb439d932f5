"""The vocabulary of the condition grammar: levels, old titles, scopes, schools.

Kept apart from the grammar so that a reading of a word (which school kinds 大专 covers,
which level 助理物流师 names) is decided in one place and documented in
``docs/interpretation.md``.
"""

from __future__ import annotations

from baokao.i18n import N_
from baokao.model.schools import SchoolKind

#: Old certificate and training titles, mapped to levels (contract: 电子商务员=4 …).
OLD_TITLES: dict[str, int] = {
    "电子商务员": 4,
    "助理电子商务师": 3,
    "高级物流师": 1,
    "助理物流师": 3,
    "物流员": 4,
    "物流师": 2,
}

#: Old level names.
OLD_LEVELS: dict[str, int] = {"初级": 5, "中级": 4, "高级": 3, "技师": 2, "高级技师": 1}

NUMERAL_LEVELS: dict[str, int] = {"五级": 5, "四级": 4, "三级": 3, "二级": 2, "一级": 1}

_TECH_TIERS: tuple[SchoolKind, ...] = ("技工学校", "高级技工学校", "技师学院")
_HIGHER: tuple[SchoolKind, ...] = (
    "高等职业学校",
    "大学专科",
    "大学本科",
    "硕士研究生",
    "博士研究生",
)

#: A school word of the text -> (school kinds it accepts, minimum degree on the ladder).
#: 技工院校 tiers accept the same tier or a higher one; academic degrees use the ladder
#: (contract rule 5: a degree requirement is met by that degree or a higher one).
SCHOOL_WORDS: dict[str, tuple[tuple[SchoolKind, ...], str | None]] = {
    "技工院校高级工班及以上": (_TECH_TIERS[1:], None),
    "技工院校高级工班": (_TECH_TIERS[1:], None),
    "技工院校": (_TECH_TIERS, None),
    "中等及以上职业院校": (("中等职业学校", *_TECH_TIERS, "高等职业学校"), None),
    "专科及以上普通高等学校": ((), "大学专科"),
    "高级技工学校": (_TECH_TIERS[1:], None),
    "技工学校": (_TECH_TIERS, None),
    "技师学院": (_TECH_TIERS[2:], None),
    "职业技术学院": (("高等职业学校",), None),
    "中等及以上职业学校": (("中等职业学校", *_TECH_TIERS, "高等职业学校"), None),
    "中等以上职业学校": (("中等职业学校", *_TECH_TIERS, "高等职业学校"), None),
    "中等职业学校": (("中等职业学校",), None),
    # 中等职业教育 (2000s 保育员): the secondary vocational schools, 技工学校 among them.
    "中等职业教育": (("中等职业学校", *_TECH_TIERS), None),
    "高等职业学校": (("高等职业学校",), None),
    "高等以上职业学校": (("高等职业学校",), None),
    # 职业学校 with neither 中等 nor 高等: either of them (its 培养目标 still applies)
    "职业学校": (("中等职业学校", "高等职业学校"), None),
    "普通高等院校": (_HIGHER, None),
    "高等院校": (_HIGHER, None),
    "普通中等专业学校": ((), "中专"),
    # Schools the contract has no kind for (化妆师: 职业技术、艺术院校、普通高等院校…大专以上):
    # they add no kind; the level the text names with them (大专以上) says which diplomas,
    # and without one the phrase is not read.
    "艺术院校": ((), None),
    "职业技术院校": ((), None),
    "职业技术": ((), None),
    "大学硕士研究生": ((), "硕士研究生"),
    "硕士研究生": ((), "硕士研究生"),
    "博士研究生": ((), "博士研究生"),
    "大学专科": ((), "大学专科"),
    "大学本科": ((), "大学本科"),
    "本科": ((), "大学本科"),
    "专科": ((), "大学专科"),
    "研究生": ((), "硕士研究生"),
    "硕士": ((), "硕士研究生"),
    "博士": ((), "博士研究生"),
    "大专": ((), "大学专科"),
    "中专": ((), "中专"),
    "中等专科学校": ((), "中专"),
    "中等专科": ((), "中专"),
    # Schools below 中专 (helper "kinds"): the general schools, met by any school at or
    # above them (model/schools.py DEGREE_RANK).
    "高中": ((), "高中"),
    "初中": ((), "初中"),
}

#: Schools a text names by their speciality, as the 2000s 保育员 standard does: 幼师 is a
#: 幼儿师范学校, a 中等师范学校 and so a 中专; 幼师职业高中 is a 职业高中 (a 中等职业学校) in
#: the 幼师 speciality. Each stands for a 中专 diploma (that degree or a higher one, as 中专
#: reads) in 学前教育 (the 幼师 speciality): the degree and the discipline tags.
SPECIALIST_SCHOOLS: dict[str, tuple[str, tuple[str, ...]]] = {
    "幼师职业高中": ("中专", ("学前教育",)),
    "幼师": ("中专", ("学前教育",)),
}

#: Discipline words of the text -> the contract's field tags.
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "医学或食品": ("医学", "食品"),
    "医药卫生": ("医药卫生",),
    "中医、针灸推拿": ("中医", "针灸推拿"),
    "心理学、教育学、医学": ("心理学", "教育学", "医学"),
    "药学": ("药学",),
}

#: Specialty words -> accepted specialties (非本专业 covers 相关 and other specialties).
SPECIALTY_WORDS: dict[str, tuple[str, ...]] = {
    "本专业或相关专业": ("this", "related"),
    "专业或相关专业": ("this", "related"),
    "本专业(职业)或相关专业": ("this", "related"),
    "本职业或相关专业": ("this", "related"),
    "本专业或相关职业": ("this", "related"),
    "其他专业": ("related", "other"),
    "相关专业": ("related",),
    "本专业及相关专业": ("this", "related"),
    "非本专业": ("related", "other"),
    "本职业相关专业": ("this", "related"),
    "本职业或相关职业": ("this", "related"),
    "本职业(专业)或相关职业(专业)": ("this", "related"),
    "本职业(专业)": ("this",),
    "本专业": ("this",),
    "本职业": ("this",),
}

#: Specialty words whose reading is a judgement (docs/interpretation.md): the note each
#: route that uses one carries, for review.
SPECIALTY_NOTES: dict[str, str] = {
    "本职业相关专业": N_("“本职业相关专业”按本专业或相关专业读（本专业也与本职业相关）"),
    "幼师": N_("“幼师”按幼儿师范学校（中专）读：中专及以上学历、学前教育类专业"),
}

#: Occupation scope words of a certificate or of years.
SCOPE_WORDS: dict[str, str] = {
    "本职业或相关职业": "this_or_related",
    "本职业或相关工作": "this_or_related",
    "本职业": "this",
    "相关职业": "related",
}
