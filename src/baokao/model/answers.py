"""From typed answers to facts: parsing, the bounds earlier answers imply, the profile.

Every front end reads answers here: a question's wording and help come from the fact
registry, and its answer is checked against what the candidate already said by the
registry's consistency rules, so that an interview can never hold a contradiction the
contract rejects (an unbroken stretch longer than the total, years after a certificate
longer than the years worked). The answers of any path then build a contract
:class:`~baokao.model.Profile` for the evaluator to judge; unasked facts stay unknown, or
take the value that can only make fewer routes met (no certificate, no training, no
培养目标).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from baokao.i18n import N_, T_
from baokao.model.facts import (
    FACT_BY_ID,
    FACTS,
    Answer,
    AnswerError,
    FactSpec,
    Question,
    cert_level,
    cert_occupation,
)
from baokao.model.held import HELD_KINDS
from baokao.model.keys import NONE_KEY, choice_keys
from baokao.model.levels import LEVEL_LABELS
from baokao.model.named_work import FIELD as NAMED_FIELD
from baokao.model.named_work import after_entries, named_work_entries
from baokao.model.profile import (
    CertificateHeld,
    EducationEntry,
    Profile,
    TrainingDone,
    WorkAfter,
)
from baokao.model.quantities import limits
from baokao.model.years import check_years, fmt_years

Answers = Mapping[str, Answer]
CERT_BLOCKS = ("cert_this", "cert_related", "cert_any")
_YES = {"y", "yes", "是", "对", "有"}
_NO = {"n", "no", "否", "不是", "没有", "无"}


def _get(answers: Answers, fact: str) -> float | None:
    value = answers.get(fact)
    return float(value) if isinstance(value, int | float) else None


def years_bounds(fact: str, answers: Answers) -> tuple[float, float | None, str, str]:
    """``(min, max, why_min, why_max)`` for a years answer, from the answers so far, by
    the registry's consistency rules."""
    known: dict[str, list[float]] = {}
    for spec in _YEARS:
        value = _get(answers, spec.id)
        if value is not None:
            known.setdefault(spec.field, []).append(value)
    return limits(FACT_BY_ID[fact].field if fact in FACT_BY_ID else fact, known)


def parse_answer(q: Question, raw: Answer | str, why: tuple[str, str] = ("", "")) -> Answer:
    """Read a typed answer to ``q`` (``"3"``, ``"３年"``, ``"2"`` as a choice key, ``"是"``).

    Raises:
        AnswerError: with a Chinese message saying what is expected.
    """
    if q.kind == "years":
        return _years(q, raw, why)
    text = unicodedata.normalize("NFKC", str(raw)).strip().lower()
    if q.kind == "yesno":
        if text in _YES or text == "1":
            return "yes"
        if text in _NO or text == "2":
            return "no"
        raise AnswerError("请回答“是”或“否”（也可以输入 y 或 n）。")
    for c in q.choices:
        if text in (c.value.lower(), c.label.lower()):
            return c.value
    keys = choice_keys(q.choices)
    for key, c in zip(keys, q.choices, strict=True):
        if key and text == key:
            return c.value
    none = "，0 表示没有" if NONE_KEY in keys else ""
    raise AnswerError(f"请从选项中选择一项（输入选项前的序号{none}）。")


def _years(q: Question, raw: Answer | str, why: tuple[str, str]) -> float:
    return check_years(raw, q.min_years, q.max_years, why)


def describe(spec: FactSpec, value: Answer) -> str:
    """An answer in Chinese: ``3 年``, a choice's label, ``是``/``否``."""
    if spec.kind == "years":
        return T_("{years} 年").format(years=fmt_years(float(value)))
    for c in spec.choices:
        if c.value == value:
            return c.label
    return str(value)


@dataclass(frozen=True)
class RouteRef:
    """Where a fact is used: level, route number and the condition's text."""

    level: int
    route: int
    text: str


def question(
    spec: FactSpec, refs: Sequence[RouteRef], notes: Sequence[str], answers: Answers
) -> Question:
    """The question of ``spec`` as the candidate sees it, bounded by earlier answers;
    its help says why it is asked (``refs``, the conditions that use it) and quotes the
    occupation's ``notes`` (备注) that define its words."""
    help_text = "\n".join(_help(spec, tuple(refs), notes))
    if spec.kind != "years":
        return Question(spec.id, spec.kind, spec.text, help_text, spec.choices)
    low, high, _, _ = years_bounds(spec.id, answers)
    return Question(spec.id, "years", spec.text, help_text, (), low, high)


def _help(spec: FactSpec, refs: tuple[RouteRef, ...], notes: Sequence[str]) -> list[str]:
    lines = [spec.why]
    lines += _notes(notes, spec.id)
    if refs:
        lines.append(N_("为什么问：以下条件要用到它——"))
        lines += [_ref(r) for r in _unique(refs)]
    return lines


_REF = T_("· {level} 第{route}条：{text}", level=LEVEL_LABELS.values())


def _ref(r: RouteRef) -> str:
    return _REF.format(level=LEVEL_LABELS[r.level], route=r.route, text=r.text)


def _unique(refs: tuple[RouteRef, ...]) -> list[RouteRef]:
    return list(dict.fromkeys(refs))


def _notes(notes: Sequence[str], fact: str) -> list[str]:
    """The occupation's 备注 that define the words this question uses."""
    wanted = []
    if "related" in fact or fact == "years_continuous_incl_related" or fact == "apprenticeship":
        wanted.append("相关职业是指")
    if fact in ("cert_related", "cert_any"):
        wanted.append("相关职业资格证书")
    if fact == "specialty":
        wanted.append("相关专业是指")
    found = [n for n in notes if any(w in n for w in wanted)]
    if wanted and not found and "相关专业是指" not in wanted:
        found = [N_("（本职业标准未列出哪些算相关职业，请向鉴定机构确认。）")]
    return found


def build_profile(answers: Answers, status: str = "graduated") -> Profile:
    """The contract profile of exact answers; unasked facts stay unknown where they can.

    ``status`` fills a study status that was not asked (the profile cannot leave it
    unknown); sessions pass the value that makes the fewest routes met.
    """
    certs = _certificates(answers)
    education: tuple[EducationEntry, ...] | None = None
    school = answers.get("school")
    if school == "none":
        education = ()
    elif isinstance(school, str):
        tag = answers.get("fields")
        goal = answers.get("skill_goal")
        education = (
            EducationEntry.model_validate(
                {
                    "school": school,
                    "specialty": answers.get("specialty"),
                    "fields": None if tag is None else (() if tag == "other" else (tag,)),
                    "status": answers.get("status", status),
                    "skill_goal": None if goal in (None, "none") else goal,
                }
            ),
        )
    trainings = _trainings(answers)
    apprenticeship = answers.get("apprenticeship")
    prep = answers.get("preparatory_technician")
    return Profile.model_validate(
        {
            **{f.field: _get(answers, f.id) for f in _NUMBERS},
            "apprenticeship": apprenticeship,
            "certificates": certs,
            "preparatory_technician": None if prep is None else prep == "yes",
            "education": education,
            "trainings": trainings,
            **{h.field: h.fill(answers) for h in HELD_KINDS},
            NAMED_FIELD: named_work_entries(answers),
        }
    )


#: The years facts, and those whose answer is a profile field as it is (not a part of a
#: certificate).
_YEARS = tuple(f for f in FACTS if f.kind == "years" and f.field)
_NUMBERS = tuple(f for f in _YEARS if "[" not in f.field)


def _certificates(answers: Answers) -> tuple[CertificateHeld, ...] | None:
    asked = [b for b in CERT_BLOCKS if isinstance(answers.get(b), str)]
    if not asked:
        return None
    held = []
    for block in asked:
        value = str(answers[block])
        level = cert_level(value)
        if level is None:
            continue
        held.append(
            CertificateHeld(
                level=level,
                occupation="this" if cert_occupation(block, value) == "this" else "related",
                years_after=_get(answers, f"{block}_years_after"),
                years_after_related=_get(answers, f"{block}_years_after_related") or 0.0,
                continuous_after=answers.get(f"{block}_continuous") == "yes",
                named_work_after=_work_after(answers, block),
            )
        )
    return tuple(held)


def _work_after(answers: Answers, block: str) -> tuple[WorkAfter, ...] | None:
    """The certificate's years in named work after it (``None``: none asked)."""
    entries = after_entries(answers, block.removeprefix("cert_"))
    return None if entries is None else tuple(WorkAfter.model_validate(e) for e in entries)


def _trainings(answers: Answers) -> tuple[TrainingDone, ...] | None:
    asked = [(k, v) for k, v in answers.items() if k.startswith("training_")]
    if not asked:
        return None
    done = []
    for key, value in asked:
        if value == "yes":
            _, level, credential = key.split("_")
            name = "结业证书" if credential == "completion" else "合格证书"
            done.append(TrainingDone.model_validate({"level": int(level), "credential": name}))
    return tuple(done)
