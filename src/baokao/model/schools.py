"""Kinds of school and degree named by the contract, and the degree ladder.

The contract fixes the school kinds a profile may name. Conditions name schools in many
ways (大专, 职业技术学院, 中等及以上职业学校); the importer expands those into these kinds,
and the ladder here decides "that degree or a higher one" (contract rule 5).
"""

from __future__ import annotations

from typing import Literal, get_args

SchoolKind = Literal[
    "中等职业学校",
    "技工学校",
    "高级技工学校",
    "技师学院",
    "高等职业学校",
    "大学专科",
    "大学本科",
    "硕士研究生",
    "博士研究生",
    "高中",
    "初中",
]

SCHOOL_KINDS: tuple[SchoolKind, ...] = get_args(SchoolKind)

DegreeKind = Literal["初中", "高中", "中专", "大学专科", "大学本科", "硕士研究生", "博士研究生"]

#: Rank on the academic ladder; a degree requirement is met by any rank at or above it.
#: 技工院校 (技工学校, 高级技工学校, 技师学院) stand on it only at 高中 (they are schools
#: of the 高中 stage): they meet a 高中 or 初中 requirement, never 中专 or above. 高中
#: and 初中 are the general schools below them (docs/interpretation.md).
DEGREE_RANK: dict[str, int] = {
    "初中": -1,
    "高中": 0,
    "技工学校": 0,
    "高级技工学校": 0,
    "技师学院": 0,
    "中专": 1,
    "中等职业学校": 1,
    "大学专科": 2,
    "高等职业学校": 2,
    "大学本科": 3,
    "硕士研究生": 4,
    "博士研究生": 5,
}


def meets_degree(school: str, minimum: str) -> bool:
    """Whether a school kind reaches a minimum degree on the ladder."""
    have = DEGREE_RANK.get(school)
    need = DEGREE_RANK[minimum]
    return have is not None and have >= need
