"""Source text -> rule book: layout readers (enrolment table, standard section), the
condition grammar, and the builder that applies reviewed overrides and reports."""

from __future__ import annotations

from pathlib import Path

from baokao.bundled import bundled_sources
from baokao.importer.build import BuildError, ImportReport, build
from baokao.importer.overrides import Overrides, OverridesError, load_overrides
from baokao.importer.raw import RawSubject
from baokao.importer.table import LayoutError, read_table
from baokao.model.rules import Occupation

DEFAULT_SOURCE = bundled_sources()

__all__ = [
    "BuildError",
    "ImportReport",
    "LayoutError",
    "Overrides",
    "OverridesError",
    "import_texts",
    "is_table",
    "load_overrides",
]


def is_table(text: str) -> bool:
    """Whether a source text is in the enrolment-table layout."""
    return "职业编码\t" in text or "职业技能等级证书报考条件" in text


def import_texts(
    texts: list[tuple[str, str]], overrides: Overrides
) -> tuple[list[Occupation], ImportReport]:
    """Import source texts (``(name, text)`` pairs) into occupations.

    Table-layout texts are read by the table reader; others as a standard's 申报条件
    section, whose occupation name is taken from the text or from the file name.

    Raises:
        LayoutError, BuildError: naming the source and the line.
    """
    subjects: list[RawSubject] = []
    for name, text in texts:
        try:
            if is_table(text):
                subjects.extend(read_table(text))
            else:
                from baokao.importer.standard import read_standard

                subjects.append(read_standard(text, name=_stem_name(name)))
        except ValueError as exc:
            raise LayoutError(f"{name}: {exc}") from None
    return build(subjects, overrides)


def _stem_name(name: str) -> str | None:
    stem = Path(name).stem
    return stem if stem and not stem.isascii() else None
