"""Load and save the rule files in ``trees/``, and find subjects in them.

Rule files are data: YAML, safe-loaded, validated by the frozen pydantic models. A
broken file is reported with its path and the place inside it, never a traceback.
``--trees DIR`` or ``BAOKAO_TREES`` points every command at another folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from baokao.bundled import bundled_trees
from baokao.model.conditions import AllOf, AnyOf, Condition
from baokao.model.levels import parse_level
from baokao.model.rules import Level, Occupation, Route, Subject
from baokao.rulefile import RuleFileLimit, check_structure, read_text, schema_problem

BUNDLED_TREES = bundled_trees()


class RulebookError(ValueError):
    """A rule file is missing or broken, or a lookup failed; the message says where."""


def trees_dir(explicit: str | Path | None = None) -> Path:
    """The rule folder: ``explicit``, else ``$BAOKAO_TREES``, else the bundled ``trees/``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("BAOKAO_TREES")
    return Path(env) if env else BUNDLED_TREES


def _condition_data(condition: Condition) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": condition.kind}
    if isinstance(condition, AllOf | AnyOf):
        data["conditions"] = [_condition_data(c) for c in condition.conditions]
        return data
    data.update(condition.model_dump(mode="json", exclude_defaults=True))
    return data


def _route_data(route: Route) -> dict[str, Any]:
    data: dict[str, Any] = {"number": route.number, "text": route.text}
    if route.review:
        data["review"] = route.review
    if route.source:
        data["source"] = route.source
    data["conditions"] = [_condition_data(c) for c in route.conditions]
    return data


def _level_data(level: Level) -> dict[str, Any]:
    return {
        "number": level.number,
        "label": level.label,
        "routes": [_route_data(r) for r in level.routes],
    }


def dump_occupation(occupation: Occupation) -> str:
    """The YAML text of one occupation's rule file (deterministic)."""
    data: dict[str, Any] = {"code": occupation.code, "name": occupation.name}
    if occupation.notes:
        data["notes"] = list(occupation.notes)
    if occupation.levels:
        data["levels"] = [_level_data(lv) for lv in occupation.levels]
    if occupation.work_types:
        data["work_types"] = [
            {"name": wt.name, "levels": [_level_data(lv) for lv in wt.levels]}
            for wt in occupation.work_types
        ]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def file_name(occupation: Occupation) -> str:
    """The rule file name of an occupation."""
    return f"{occupation.name}.yaml"


def write_trees(occupations: Iterable[Occupation], out: Path) -> list[Path]:
    """Write one YAML file per occupation into ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for occupation in occupations:
        path = out / file_name(occupation)
        path.write_text(dump_occupation(occupation), encoding="utf-8")
        written.append(path)
    return written


def load_file(path: Path) -> Occupation:
    """Load one rule file.

    Raises:
        RulebookError: naming the file and the place of the first problem.
    """
    try:
        text = read_text(path)
        check_structure(text)
        data = yaml.safe_load(text)
    except OSError as exc:
        raise RulebookError(f"{path}: cannot be read: {exc.strerror}") from None
    except RuleFileLimit as exc:
        raise RulebookError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise RulebookError(f"{path}: {where}{problem}") from None
    if not isinstance(data, dict):
        raise RulebookError(f"{path}: expected a mapping with code, name and levels")
    try:
        return Occupation.model_validate(data)
    except ValidationError as exc:
        raise RulebookError(f"{path}: {schema_problem(exc, data, text)}") from None


@dataclass(frozen=True)
class Rulebook:
    """Every occupation of a rule folder."""

    occupations: tuple[Occupation, ...]
    folder: Path

    def subjects(self) -> list[Subject]:
        """Every occupation and 工种, in file order."""
        return [s for occ in self.occupations for s in occ.subjects()]

    def find(self, occupation: str, work_type: str | None = None) -> Subject:
        """Find a subject by occupation name or code, and 工种 name.

        A 工种 name given as the occupation is accepted too (``脊柱按摩师``).

        Raises:
            RulebookError: for an unknown occupation or 工种.
        """
        key = occupation.replace(" ", "").strip()
        for occ in self.occupations:
            if key in (occ.name, occ.code):
                if work_type is None:
                    if occ.levels:
                        return Subject(occ, None)
                    names = "、".join(wt.name for wt in occ.work_types)
                    raise RulebookError(f"occupation {occupation!r} needs a work_type: {names}")
                for wt in occ.work_types:
                    if wt.name == work_type.strip():
                        return Subject(occ, wt.name)
                raise RulebookError(f"unknown work_type {work_type!r} for {occ.name}")
        if work_type is None:
            for occ in self.occupations:
                for wt in occ.work_types:
                    if wt.name == key:
                        return Subject(occ, wt.name)
        raise RulebookError(f"unknown occupation {occupation!r}")


def find_level(subject: Subject, level: object) -> Level:
    """The level of ``subject`` named by ``level`` (``四级``, ``中级``, ``4`` …).

    Raises:
        RulebookError: for a level that is not a level, or that the subject lacks.
    """
    number = parse_level(level)
    if number is None:
        raise RulebookError(f"unknown level {level!r}")
    try:
        return subject.level(number)
    except KeyError:
        have = "、".join(lv.label for lv in subject.levels)
        raise RulebookError(f"{subject.title} has no level {level!r} (it has {have})") from None


def load_rulebook(folder: str | Path | None = None) -> Rulebook:
    """Load every ``*.yaml`` rule file of a folder (sub-folders such as ``source/`` aside).

    Raises:
        RulebookError: for a missing folder, or the first broken file.
    """
    path = trees_dir(folder)
    if not path.is_dir():
        raise RulebookError(f"{path}: no such rule folder")
    files = sorted(path.glob("*.yaml"))
    if not files:
        raise RulebookError(f"{path}: holds no rule files (*.yaml)")
    occupations = [load_file(f) for f in files]
    refuse_twins(files, occupations)
    return Rulebook(tuple(sorted(occupations, key=_order)), path)


def refuse_twins(files: list[Path], occupations: list[Occupation]) -> None:
    """Refuse two rule files for one occupation (by name or by code).

    Otherwise one would silently hide the other, depending on the order of the files.

    Raises:
        RulebookError: naming both files.
    """
    seen: dict[str, Path] = {}
    for path, occupation in zip(files, occupations, strict=True):
        for key in dict.fromkeys((occupation.name, occupation.code)):
            if key is None:
                continue
            if key in seen:
                raise RulebookError(
                    f"{path}: occupation {key} is also in {seen[key]}; "
                    "keep one rule file per occupation"
                )
            seen[key] = path


def _order(occupation: Occupation) -> tuple[str, str]:
    return (occupation.code or "9", occupation.name)
