"""``baokao check``: cases in (JSON or CSV), verdicts out, as the public contract fixes.

Input problems (a wrong type, negative years, an unknown field, an unknown occupation
or level, contradictory years) are collected as :class:`CaseError` lines that name the
case and the field; the CLI prints them and exits 2. No verdict is given for a batch
that holds a bad case, so a typo can never pass as an answer.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from baokao.evaluator import Verdict, evaluate
from baokao.model.base import Frozen, first_error
from baokao.model.profile import Profile
from baokao.model.rules import Level, Subject
from baokao.rulebook import Rulebook, RulebookError, find_level

_LIST_FIELDS = ("certificates", "education", "trainings")
_NUMBER_FIELDS = (
    "years_this",
    "years_related",
    "years_this_continuous",
    "years_continuous_incl_related",
    "years_trainee_continuous",
)
_BOOLS = {
    "true": True,
    "1": True,
    "是": True,
    "yes": True,
    "false": False,
    "0": False,
    "否": False,
    "no": False,
}


class CaseError(ValueError):
    """Bad input; the message names the case and the field."""


class Case(Frozen):
    """One case of the contract's input."""

    id: str | int | None = None
    occupation: str | int
    work_type: str | None = None
    level: str | int | None = None
    profile: Profile = Field(default_factory=Profile)


@dataclass(frozen=True)
class Checked:
    """A case resolved to its subject and the levels to check."""

    case: Case
    subject: Subject
    levels: tuple[Level, ...]


def _where(index: int, raw: Any) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    return f"case {index + 1}" + (f" (id {ident!r})" if ident is not None else "")


def _message(exc: ValidationError) -> str:
    field, message = first_error(exc)
    return f"field {field}: {message}" if field else message


def resolve(raw: Any, index: int, book: Rulebook) -> Checked:
    """Validate one raw case and find what it asks about.

    Raises:
        CaseError: naming the case and the field.
    """
    where = _where(index, raw)
    if not isinstance(raw, dict):
        raise CaseError(f"{where}: expected an object with occupation, level and profile")
    try:
        case = Case.model_validate(raw)
    except ValidationError as exc:
        raise CaseError(f"{where}: {_message(exc)}") from None
    try:
        subject = book.find(str(case.occupation), case.work_type)
        levels = (
            (find_level(subject, case.level),)
            if case.level is not None
            else tuple(sorted(subject.levels, key=lambda lv: -lv.number))
        )
    except RulebookError as exc:
        raise CaseError(f"{where}: {exc}") from None
    return Checked(case, subject, levels)


def load_cases(path: Path) -> list[Any]:
    """Read raw cases from a JSON file (one case or a list) or a CSV file.

    Raises:
        CaseError: when the file cannot be read or parsed.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CaseError(f"{path}: cannot be read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise CaseError(f"{path}: not UTF-8 text") from None
    if path.suffix.lower() == ".csv":
        return cases_from_csv(text, str(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return data if isinstance(data, list) else [data]


def _csv_value(column: str, cell: str, where: str) -> Any:
    if column in _LIST_FIELDS:
        try:
            return json.loads(cell)
        except json.JSONDecodeError:
            raise CaseError(f"{where}: field profile.{column}: not a JSON list") from None
    if column in _NUMBER_FIELDS:
        try:
            return float(cell)
        except ValueError:
            raise CaseError(f"{where}: field profile.{column}: {cell!r} is not a number") from None
    if column == "preparatory_technician":
        if cell.lower() not in _BOOLS:
            raise CaseError(f"{where}: field profile.{column}: {cell!r} is not yes/no")
        return _BOOLS[cell.lower()]
    return cell


def cases_from_csv(text: str, name: str = "CSV") -> list[Any]:
    """Turn a CSV (one candidate per row) into raw cases.

    Columns ``id``, ``occupation``, ``work_type``, ``level``, and any profile field;
    list fields hold JSON; an empty cell is an unknown fact.
    """
    reader = csv.DictReader(io.StringIO(text))
    cases: list[Any] = []
    for row_no, row in enumerate(reader, start=2):
        where = f"{name} row {row_no}"
        case: dict[str, Any] = {}
        profile: dict[str, Any] = {}
        for column, value in row.items():
            if column is None:
                raise CaseError(f"{where}: more cells than columns")
            cell = (value or "").strip()
            if not cell:
                continue
            key = column.strip()
            if key in ("id", "occupation", "work_type", "level"):
                case[key] = cell
            else:
                profile[key] = _csv_value(key, cell, where)
        case["profile"] = profile
        cases.append(case)
    return cases


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
