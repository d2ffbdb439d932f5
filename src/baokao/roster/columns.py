"""The one table from a school's column headers to the contract's fields, and cell words.

A clerk's sheet says 本职业累计年限 where the contract says ``years_this``; every header
baokao understands is listed here once, next to the contract field it fills, with the
contract's own English name accepted too. The template writes the first header of each
entry, so what the template offers and what the reader accepts cannot drift apart.

Entries (certificates, diplomas, trainings) take flat columns; a digit in the header
numbers the entry (证书等级 / 证书2等级 / 证书3等级, ``certificate2.level``). Cells that
pick from a list (本职业 / 相关职业, 是 / 否 …) are read through :data:`WORDS`, whose
first word of each value is what the template's drop-down offers. Every fact of the
registry (:data:`baokao.model.facts.FACTS`, by its contract field) has a column here; a
test holds the two together. Years cells are read by the registry's one years reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baokao.model.held import HELD_KINDS
from baokao.model.quantities import THRESHOLDS
from baokao.model.schools import SCHOOL_KINDS
from baokao.model.titles import TITLE_LEVELS

_TITLES = "professional_titles"

#: A case's own fields: contract name -> headers accepted (first: the template's).
CASE_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("学号", "id", "编号", "考生编号", "序号"),
    "name": ("姓名", "name"),
    "id_card": ("身份证号", "id_card", "身份证号码", "身份证"),
    "occupation": ("职业", "occupation", "职业名称", "报考职业", "申报职业"),
    "work_type": ("工种", "work_type", "职业方向"),
    "level": ("申报等级", "level", "报考等级"),
}

#: Fields of the roster that are not part of a case: carried to the results only.
IDENTITY_FIELDS = ("name", "id_card")

#: Profile fields held in one cell: contract name -> headers (list fields take JSON).
PROFILE_HEADERS: dict[str, tuple[str, ...]] = {
    "years_this": ("本职业累计年限", "years_this", "本职业工作年限"),
    "years_related": ("相关职业累计年限", "years_related", "相关职业工作年限"),
    "years_this_continuous": ("本职业连续年限", "years_this_continuous"),
    "years_continuous_incl_related": (
        "本职业或相关职业连续年限",
        "years_continuous_incl_related",
    ),
    "years_trainee_continuous": ("连续见习年限", "years_trainee_continuous"),
    "apprenticeship": ("学徒期满", "apprenticeship"),
    "preparatory_technician": ("预备技师证书", "preparatory_technician"),
    "certificates": ("证书JSON", "certificates"),
    "education": ("学历JSON", "education"),
    "trainings": ("培训JSON", "trainings"),
}

# A kind of condition the registry declares as a threshold on one field (an age) has its
# column under the quantity's label, read as years.
PROFILE_HEADERS |= {q.field: (q.label, q.field) for q in THRESHOLDS.values() if q.field}
# A kind the registry declares as held (a driving licence) has its column under its label.
PROFILE_HEADERS |= {h.field: (h.label, h.field) for h in HELD_KINDS if h.field != _TITLES}
# Professional titles are entries, as certificates are: a JSON cell, or flat columns.
PROFILE_HEADERS[_TITLES] = ("职称JSON", _TITLES)
PROFILE_HEADERS["named_work"] = ("指定工作年限JSON", "named_work")

#: Entry fields in flat columns: list field -> entry field -> headers (numbered by a digit).
ENTRY_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "certificates": {
        "level": ("证书等级", "certificate.level"),
        "occupation": ("证书职业", "certificate.occupation"),
        "years_after": ("取得证书后年限", "certificate.years_after"),
        "years_after_related": ("取得证书后相关职业年限", "certificate.years_after_related"),
        "continuous_after": ("证书后是否连续", "certificate.continuous_after"),
    },
    "education": {
        "school": ("学历", "education.school"),
        "specialty": ("专业", "education.specialty"),
        "fields": ("学科门类", "education.fields"),
        "status": ("毕业状态", "education.status"),
        "skill_goal": ("培养目标", "education.skill_goal"),
    },
    _TITLES: {
        "level": ("职称等级", "professional_title.level"),
        "fields": ("职称专业", "professional_title.fields"),
        "corresponding": ("职称是否符合专业对应关系", "professional_title.corresponding"),
    },
    "named_work": {
        "work": ("指定工作内容", "named_work.work"),
        "years": ("指定工作累计年限", "named_work.years"),
        "continuous_years": ("指定工作连续年限", "named_work.continuous_years"),
    },
    "trainings": {
        "level": ("培训等级", "training.level"),
        "credential": ("培训证书", "training.credential"),
    },
}

#: Years, in any column that holds a count of years.
YEAR_FIELDS = frozenset(
    {
        "years_this",
        "years_related",
        "years_this_continuous",
        "years_continuous_incl_related",
        "years_trainee_continuous",
        "certificates.years_after",
        "certificates.years_after_related",
        "named_work.years",
        "named_work.continuous_years",
        *(q.field for q in THRESHOLDS.values() if q.field),
    }
)

#: Yes/no columns.
BOOL_FIELDS = frozenset(
    {"preparatory_technician", "certificates.continuous_after", f"{_TITLES}.corresponding"}
)
BOOL_WORDS: dict[bool, tuple[str, ...]] = {
    True: ("是", "有", "yes", "true", "1", "y"),
    False: ("否", "无", "没有", "no", "false", "0", "n"),
}

#: Level columns (a certificate's or a training's): 四级, 四级/中级, 中级, 4.
LEVEL_FIELDS = frozenset({"certificates.level", "trainings.level"})

#: Words a list column accepts: field -> contract value -> words (first: the drop-down's).
WORDS: dict[str, dict[str | None, tuple[str, ...]]] = {
    "apprenticeship": {
        "this": ("本职业", "this"),
        "related": ("相关职业", "related"),
        "none": ("无", "none", "否", "没有"),
    },
    "certificates.occupation": {"this": ("本职业", "this"), "related": ("相关职业", "related")},
    "education.school": {
        **{kind: (kind,) for kind in SCHOOL_KINDS},
        "中等职业学校": ("中等职业学校", "中专", "职高"),
        "技工学校": ("技工学校", "技校"),
        "大学专科": ("大学专科", "大专", "专科"),
        "大学本科": ("大学本科", "本科"),
        "硕士研究生": ("硕士研究生", "硕士"),
        "博士研究生": ("博士研究生", "博士"),
        "高中": ("高中", "普通高中"),
    },
    "education.specialty": {
        "this": ("本专业", "this"),
        "related": ("相关专业", "related"),
        "other": ("非本专业", "other", "其他专业"),
    },
    "education.status": {
        "graduated": ("已毕业", "graduated", "毕业"),
        "graduating": ("应届毕业生", "graduating", "应届"),
        "enrolled": ("在读", "enrolled", "在校"),
    },
    "education.skill_goal": {
        "intermediate": ("中级技能", "intermediate", "中级"),
        "advanced": ("高级技能", "advanced", "高级"),
        None: ("无", "none"),
    },
    f"{_TITLES}.level": {level: (level,) for level in TITLE_LEVELS},
    "trainings.credential": {"结业证书": ("结业证书", "结业"), "合格证书": ("合格证书", "合格")},
}

#: A cell in the first column of an entry saying the candidate has none (a known fact).
NONE_WORDS = ("无", "没有", "none")

# A held kind asked by one choice (a driving licence): its answers, by value or label.
WORDS |= {
    h.field: {
        c.value: (c.value, c.label, *(NONE_WORDS if c.value == "none" else ())) for c in f.choices
    }
    for h in HELD_KINDS
    for f in h.facts
    if f.field == h.field
}

#: The columns of an entry a cell of :data:`NONE_WORDS` may stand in.
FIRST_ENTRY_FIELD = {
    "certificates": "level",
    "education": "school",
    "trainings": "level",
    _TITLES: "level",
    "named_work": "work",
}

_NUMBERED = re.compile(r"(\D*?)([0-9]+)(\D.*|)$")


@dataclass(frozen=True)
class Column:
    """What one header means: a case field, a profile field, or a field of an entry."""

    header: str
    field: str
    entry: str | None = None
    index: int = 0

    @property
    def path(self) -> str:
        """The contract path the column fills (``profile.certificates[1].level``)."""
        if self.entry is not None:
            return f"profile.{self.entry}[{self.index}].{self.field}"
        return self.field if self.field in CASE_HEADERS else f"profile.{self.field}"

    @property
    def kind(self) -> str:
        """The key of the cell tables (``certificates.level``, ``years_this``)."""
        return f"{self.entry}.{self.field}" if self.entry else self.field


def _lookup() -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for field, headers in (CASE_HEADERS | PROFILE_HEADERS).items():
        table.update({h.lower(): (field, None) for h in headers})
    for entry, fields in ENTRY_HEADERS.items():
        for field, headers in fields.items():
            table.update({h.lower(): (field, entry) for h in headers})
    return table


_HEADERS = _lookup()


def read_header(header: str) -> Column | None:
    """The column a header names, or ``None`` for a header baokao does not read."""
    text = header.strip().replace(" ", "").replace("\u3000", "")
    found = _HEADERS.get(text.lower())
    if found is not None:
        return Column(header, found[0], found[1], 0)
    numbered = _NUMBERED.match(text)
    if numbered is None:
        return None
    base, digits, rest = numbered.groups()
    found = _HEADERS.get((base + rest).lower())
    if found is None or found[1] is None or len(digits) > 3 or int(digits) < 1:
        return None
    return Column(header, found[0], found[1], int(digits) - 1)


def template_headers(certificates: int = 2) -> list[str]:
    """The header row of an empty roster: the first header of every field."""
    headers = [names[0] for names in CASE_HEADERS.values()]
    headers += [names[0] for f, names in PROFILE_HEADERS.items() if f not in ENTRY_HEADERS]
    for entry, fields in ENTRY_HEADERS.items():
        for number in range(1, (certificates if entry == "certificates" else 1) + 1):
            for names in fields.values():
                first = names[0]
                headers.append(numbered_header(first, number))
    return headers


def numbered_header(header: str, number: int) -> str:
    """证书等级 -> 证书2等级; 取得证书后年限 -> 取得证书2后年限 (number 1: unchanged)."""
    if number == 1:
        return header
    for word in ("证书", "学历", "培训"):
        if word in header:
            return header.replace(word, f"{word}{number}", 1)
    return f"{header}{number}"
