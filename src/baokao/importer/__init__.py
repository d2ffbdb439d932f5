"""Source text -> rule book: layout readers (enrolment table, standard section), the
condition grammar, and the builder that applies reviewed overrides and reports."""

from __future__ import annotations

from pathlib import Path

import zhconv  # type: ignore[import-untyped]

from baokao.bundled import bundled_sources
from baokao.i18n import _
from baokao.importer.build import BuildError, FileReview, ImportReport, build
from baokao.importer.overrides import Overrides, OverridesError, load_overrides
from baokao.importer.raw import RawSubject
from baokao.importer.table import LayoutError, read_table
from baokao.model.rules import Occupation, RuleSource

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
    "read_source",
]


# Words every 申报条件 text uses, to tell a right decoding from a wrong one.
_TELLING = ("职业", "证书", "从事", "以上", "取得", "申报", "条件", "等级", "工作", "毕业", "级")


def _telling(text: str) -> int:
    """How many telling words a decoding holds, once simplified (Big5 copies are 繁體)."""
    simple: str = zhconv.convert(text, "zh-cn")
    return sum(simple.count(word) for word in _TELLING)


def read_source(path: Path) -> str:
    """The text of a source file: UTF-8, else GB18030 (which covers GBK and GB2312) or
    Big5, whichever decoding reads as a 申报条件 text (GB18030 decodes nearly any bytes,
    so a Big5 copy would otherwise come out as strange characters).

    Raises:
        LayoutError: naming the file, when it is empty, binary, or not text at all.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise LayoutError(_("{path}：无法读取：{why}").format(path=path, why=why)) from None
    if not data.strip():
        raise LayoutError(_("{path}：文件是空的").format(path=path))
    if b"\x00" in data:
        raise LayoutError(_("{path}：是二进制文件，不是文本").format(path=path))
    decoded: list[str] = []
    for encoding in ("utf-8-sig", "gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum(1 for c in text if c < " " and c not in "\r\n\t\f") <= len(text) // 100:
            if encoding == "utf-8-sig":
                return text
            decoded.append(text)
    if decoded:
        return max(decoded, key=_telling)  # the first (GB18030) on a tie
    raise LayoutError(_("{path}：不是文本（既非 UTF-8，也非 GB18030/GBK）").format(path=path))


def is_table(text: str) -> bool:
    """Whether a source text is in the enrolment-table layout: its tab-separated header,
    or its title alone on a line (a page saying ``公共营养师职业技能等级证书报考条件:``
    above a standard's 申报条件 section is not the table)."""
    lines = (line.strip() for line in text.splitlines())
    return "职业编码\t" in text or "职业技能等级证书报考条件" in lines


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
    reviews: list[FileReview] = []
    sources: dict[str, RuleSource] = {}
    for name, text in texts:
        try:
            if is_table(text):
                read = read_table(text)
                subjects.extend(read)
                heading = next((line.strip() for line in text.splitlines() if line.strip()), "")
                sources.update((s.name, RuleSource(title=heading)) for s in read if s.name)
            else:
                from baokao.importer.standard import read_section

                source = Path(name).name
                section = read_section(text, name=_stem_name(name), source=source)
                subjects.extend(section.subjects)
                flags = [(f.line, f.message, f.review) for f in section.flags]
                reviews.append(
                    FileReview(source, section.subjects, flags, section.incomplete, section.listed)
                )
        except ValueError as exc:
            raise LayoutError(f"{name}: {exc}") from None
    occupations, report = build(subjects, overrides)
    report.files = reviews
    # The source is the heading the rows were printed under (the rule file cites it).
    cited = [o.model_copy(update={"source": sources.get(o.name, o.source)}) for o in occupations]
    return cited, report


def _stem_name(name: str) -> str | None:
    stem = Path(name).stem
    return stem if stem and not stem.isascii() else None
