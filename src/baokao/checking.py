"""``baokao check``: cases in, verdicts out, as the public contract fixes.

One path validates every case, whatever it came from: a JSON case and a spreadsheet row
(:mod:`baokao.roster`) both become the contract's raw case and go through
:func:`validate_case`, which raises a :class:`FieldError` naming the field. JSON input is
all or nothing, as the contract has always been: a batch with a bad case gives no
verdict, so a typo can never pass as an answer (a roster reports its good rows; see
:mod:`baokao.roster.check`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator

from baokao.evaluator import Verdict, evaluate
from baokao.inputs import CaseError, Source, first_problem, parse_json
from baokao.keptvalidator import validator
from baokao.model.base import Frozen, first_error
from baokao.model.profile import Profile
from baokao.model.rules import Level, Subject
from baokao.report import review_readings
from baokao.rulebook import Rulebook, RulebookError, RuleFileError, find_level

__all__ = ["CaseError", "Checked", "FieldError", "check_all", "load_cases", "resolve"]


class FieldError(ValueError):
    """One bad field of one case: ``field`` is its path (``profile.years_this``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"field {field}: {message}" if field else message)
        self.field = field
        self.message = message


class Case(Frozen):
    """One case of the contract's input."""

    id: str | int | None = None
    occupation: str | int
    work_type: str | None = None
    level: str | int | None = None
    profile: Profile = Field(default_factory=Profile)

    @field_validator("id", "occupation", "level", mode="before")
    @classmethod
    def _text_or_number(cls, value: Any, info: Any) -> Any:
        """Refuse ``true`` and the like, which pydantic would read as 1 (一级)."""
        if value is None or (isinstance(value, str | int) and not isinstance(value, bool)):
            return value
        shown = json.dumps(value, ensure_ascii=False, default=str)[:40]
        if info.field_name == "level":
            raise ValueError(f"{shown} is not a level (write 四级, 四级/中级, 中级 or 4)")
        raise ValueError(f"{shown} is neither text nor a whole number")


@dataclass(frozen=True)
class Checked:
    """A case resolved to its subject and the levels to check."""

    case: Case
    subject: Subject
    levels: tuple[Level, ...]


def _where(index: int, raw: Any) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(ident, str | int) or isinstance(ident, bool) or len(str(ident)) > 64:
        ident = None
    return f"case {index + 1}" + (f" (id {ident!r})" if ident is not None else "")


@cache
def _case_validator() -> Callable[[Any], Case]:
    """``Case.model_validate``, by the validator kept between runs (:mod:`baokao.keptvalidator`)."""
    return validator(Case)


def validate_case(raw: dict[str, Any], book: Rulebook) -> Checked:
    """Validate one raw case (a JSON object or a spreadsheet row) and find its subject.

    Raises:
        FieldError: naming the field that is wrong.
    """
    problem = first_problem(raw, depth=2)
    if problem is not None:
        raise FieldError(*problem)
    try:
        case = _case_validator()(raw)
    except ValidationError as exc:
        raise FieldError(*first_error(exc)) from None
    try:
        subject = book.find(str(case.occupation), case.work_type)
    except RuleFileError:  # the rule file is broken, not the case: said as it is
        raise
    except RulebookError as exc:
        field = "work_type" if "work_type" in str(exc) else "occupation"
        raise FieldError(field, str(exc)) from None
    try:
        levels = (
            (find_level(subject, case.level),)
            if case.level is not None
            else tuple(sorted(subject.levels, key=lambda lv: -lv.number))
        )
    except RulebookError as exc:
        raise FieldError("level", str(exc)) from None
    return Checked(case, subject, levels)


def resolve(raw: Any, index: int, book: Rulebook) -> Checked:
    """Validate the ``index``-th case of a JSON input.

    Raises:
        CaseError: naming the case and the field.
    """
    where = _where(index, raw)
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: expected an object with occupation, level and profile")
    try:
        return validate_case(raw, book)
    except FieldError as exc:
        raise CaseError(f"{where}: {exc}") from None


def load_cases(source: str | Path | Source) -> list[Any]:
    """Read raw cases from JSON (a file, or standard input for ``-``): one case or a list.

    Raises:
        CaseError: when the input cannot be read or parsed, or breaks a limit.
    """
    opened = source if isinstance(source, Source) else Source.open(source)
    try:
        data = opened.read_all()
    finally:
        opened.close()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CaseError(f"{opened.name}: not UTF-8 text") from None
    parsed = parse_json(text, opened.name)
    return parsed if isinstance(parsed, list) else [parsed]


def result_json(checked: Checked, verdict: Verdict) -> dict[str, Any]:
    """One output object of the contract."""
    return {
        "id": checked.case.id,
        "occupation": checked.subject.occupation.name,
        "code": checked.subject.occupation.code,
        "work_type": checked.subject.work_type,
        "level": verdict.level.label,
        "status": verdict.status,
        "qualifying_routes": list(verdict.qualifying),
        "closest_route": verdict.closest.number if verdict.closest else None,
        "unmet": list(verdict.unmet),
        "unknown": list(verdict.unknown),
        "review": review_readings(verdict),  # an addition (issue 12): see the contract
    }


def check_all(raw_cases: list[Any], book: Rulebook) -> list[tuple[Checked, Verdict]]:
    """Validate every case first, then judge each level.

    Raises:
        CaseError: one line per bad case (nothing is judged then).
    """
    resolved: list[Checked] = []
    errors: list[str] = []
    for i, raw in enumerate(raw_cases):
        try:
            resolved.append(resolve(raw, i, book))
        except CaseError as exc:
            errors.append(str(exc))
    if errors:
        raise CaseError("\n".join(errors))
    return [(c, evaluate(level, c.case.profile)) for c in resolved for level in c.levels]
