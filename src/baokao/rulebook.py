"""Load and save the rule files in ``trees/``, and find subjects in them.

Rule files are data: YAML, safe-loaded, validated by the frozen pydantic models. A
broken file is reported with its path and the place inside it, never a traceback.
A rule book is found through the folder's light listing (:mod:`baokao.listing`), and
each occupation is read and validated only when it is needed: one case of ``check``,
or one occupation picked in the UI, reads one file, even in a national catalogue.
``--trees DIR`` or ``BAOKAO_TREES`` points every command at another folder.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from baokao import rulecache
from baokao.listing import BUNDLED_TREES as _BUNDLED
from baokao.listing import Listed, Listing, read_listing, write_index, yaml_loader
from baokao.listing import trees_dir as trees_dir
from baokao.model.conditions import AllOf, AnyOf, Condition
from baokao.model.levels import parse_level
from baokao.model.rules import Level, Occupation, Route, Subject

BUNDLED_TREES = _BUNDLED


class RulebookError(ValueError):
    """A rule file is missing or broken, or a lookup failed; the message says where."""


class RuleFileError(RulebookError):
    """A rule file cannot be read or breaks the rule schema (not the asker's mistake)."""


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
    if occupation.source is not None:
        data["source"] = occupation.source.model_dump(exclude_none=True)
    if occupation.notes:
        data["notes"] = list(occupation.notes)
    if occupation.levels:
        data["levels"] = [_level_data(lv) for lv in occupation.levels]
    if occupation.work_types:
        data["work_types"] = [
            {"name": wt.name, "levels": [_level_data(lv) for lv in wt.levels]}
            for wt in occupation.work_types
        ]
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def file_name(occupation: Occupation) -> str:
    """The rule file name of an occupation."""
    return f"{occupation.name}.yaml"


def write_trees(occupations: Iterable[Occupation], out: Path) -> list[Path]:
    """Write one YAML file per occupation into ``out``, and the folder's index.

    Returns:
        The rule files written.
    """
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for occupation in occupations:
        path = out / file_name(occupation)
        path.write_text(dump_occupation(occupation), encoding="utf-8")
        written.append(path)
    write_index(out)
    return written


def load_file(path: Path, data: bytes | None = None) -> Occupation:
    """Load one rule file (``data``: its bytes, when they have been read already).

    Raises:
        RuleFileError: naming the file and the place of the first problem.
    """
    # (The YAML parser is imported here, not with the module: a file already validated
    # is read back from the cache without it, see load_kept.)
    import yaml

    from baokao.rulefile import (
        RuleFileLimit,
        check_structure,
        read_text,
        schema_problem,
        text_of,
    )

    try:
        text = read_text(path) if data is None else text_of(data)
        check_structure(text)
        data = yaml.load(text, Loader=yaml_loader())
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot be read: {exc.strerror}") from None
    except RuleFileLimit as exc:
        raise RuleFileError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise RuleFileError(f"{path}: {where}{problem}") from None
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}: expected a mapping with code, name and levels")
    try:
        return Occupation.model_validate(data)
    except ValidationError as exc:
        raise RuleFileError(f"{path}: {schema_problem(exc, data, text)}") from None


def load_kept(path: Path) -> Occupation:
    """Load one rule file, or the occupation validated from the same bytes before
    (:mod:`baokao.rulecache`).

    Raises:
        RuleFileError: naming the file and the place of the first problem.
    """
    try:
        data = rulecache.read_rule_bytes(path)
    except OSError:
        return load_file(path)  # (which says why it cannot be read)
    key = rulecache.digest(data)
    found = rulecache.kept(key)
    if found is None:
        found = load_file(path, data)
        rulecache.keep(key, found)
    return found


class Rulebook:
    """The rule files of a folder, found through its :class:`~baokao.listing.Listing`.

    Each occupation is read and validated when it is first needed (a lookup, or
    :attr:`occupations`) and kept; a broken file is reported when it is reached.
    """

    def __init__(self, listing: Listing, loaded: Iterable[tuple[str, Occupation]] = ()) -> None:
        """A rule book over ``listing``, with any occupations already loaded by file name."""
        self.listing = listing
        self.folder = listing.folder
        self._loaded: dict[str, Occupation] = dict(loaded)
        self._lock = threading.Lock()

    def occupation(self, listed: Listed) -> Occupation:
        """The validated occupation of one listed file (read on first use).

        Raises:
            RulebookError: naming the file and the place of the first problem.
        """
        with self._lock:
            found = self._loaded.get(listed.file)
            if found is None:
                found = self._loaded[listed.file] = load_kept(self.folder / listed.file)
            return found

    @property
    def occupations(self) -> tuple[Occupation, ...]:
        """Every occupation, in the rule book's order (reads any not read yet)."""
        return tuple(self.occupation(f) for f in self.listing.files)

    def subjects(self) -> list[Subject]:
        """Every occupation and 工种, in file order."""
        return [s for occ in self.occupations for s in occ.subjects()]

    def find(self, occupation: str, work_type: str | None = None) -> Subject:
        """Find a subject by occupation name or code, and 工种 name.

        A 工种 name given as the occupation is accepted too (``脊柱按摩师``).

        Raises:
            RulebookError: for an unknown occupation or 工种, or a broken rule file.
        """
        key = occupation.replace(" ", "").strip()
        for listed in self.listing.files:
            if key in (listed.name, listed.code):
                occ = self.occupation(listed)  # validated first: a broken file says so
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
            for listed in self.listing.files:
                if any(name == key for name, _ in listed.work_types):
                    occ = self.occupation(listed)
                    for wt in occ.work_types:
                        if wt.name == key:
                            return Subject(occ, wt.name)
        for file, _ in self.listing.broken:  # it may be the one asked for
            load_file(self.folder / file)
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


def open_rulebook(folder: str | Path | None = None) -> Rulebook:
    """The rule book of a folder, read from its listing; rules are loaded when needed.

    Raises:
        RulebookError: for a missing folder, or one without rule files.
    """
    path = trees_dir(folder)
    if not path.is_dir():
        raise RulebookError(f"{path}: no such rule folder")
    try:
        listing = read_listing(path)
    except OSError as exc:
        raise RulebookError(f"{path}: cannot be read: {exc.strerror}") from None
    if not listing.files and not listing.broken:
        raise RulebookError(f"{path}: holds no rule files (*.yaml)")
    refuse_twins([(path / f.file, f.name, f.code) for f in listing.files])
    return Rulebook(listing)


def refuse_twins(files: Iterable[tuple[Path, str, str | None]]) -> None:
    """Refuse two rule files for one occupation (by name or by code).

    Otherwise one would silently hide the other, depending on the order of the files.

    Args:
        files: Each rule file with the name and code of its occupation.

    Raises:
        RulebookError: naming both files.
    """
    seen: dict[str, Path] = {}
    for path, name, code in sorted(files):
        for key in dict.fromkeys((name, code)):
            if key is None:
                continue
            if key in seen:
                raise RulebookError(
                    f"{path}: occupation {key} is also in {seen[key]}; "
                    "keep one rule file per occupation"
                )
            seen[key] = path


def load_rulebook(folder: str | Path | None = None) -> Rulebook:
    """The rule book of a folder with every file read and validated now.

    Raises:
        RulebookError: for a missing folder, or the first broken file.
    """
    book = open_rulebook(folder)
    for file, _ in book.listing.broken:
        load_file(book.folder / file)
    _ = book.occupations
    return book
