"""The slip on disk: Markdown, plain text and PDF, written all or not at all.

A counsellor files the text, prints the PDF and may edit the Markdown. The three are
written under one free name (``2025-03-01-张三-美容师-四级``, then ``…-2``): each to a
temporary file first, then renamed into place, and if any of them fails every file
already written is removed, so a full disk never leaves an orphan slip behind.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from baokao.slip import Slip, to_markdown, to_text

_UNSAFE = re.compile(r'[\\/:*?"<>|\s·]+')


@dataclass(frozen=True)
class SavedSlip:
    """The files a slip was written to."""

    markdown: Path
    text: Path
    pdf: Path


def default_folder() -> Path:
    """Where slips go unless the user picks another folder: ``Documents/baokao``."""
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "baokao"


def file_stem(slip: Slip) -> str:
    """A readable file name stem: date, name, subject and level, safe on every system."""
    level = "全部等级" if slip.all_levels else slip.verdicts[0].level.label.split("/")[0]
    parts = [slip.day.isoformat(), slip.name, slip.subject.title, level]
    return _UNSAFE.sub("-", "-".join(p for p in parts if p)).strip("-")


def _free_stem(folder: Path, stem: str) -> str:
    n = 1
    while True:
        name = stem if n == 1 else f"{stem}-{n}"
        if not any((folder / f"{name}{ext}").exists() for ext in (".md", ".txt", ".pdf")):
            return name
        n += 1


def write_slip(slip: Slip, folder: Path) -> SavedSlip:
    """Write the slip as ``<stem>.md``, ``.txt`` and ``.pdf`` in ``folder`` (created if needed).

    An existing slip is never overwritten: a second one the same day gets ``-2``, and so
    on. Either all three files are written or none is left.

    Raises:
        OSError: when the folder cannot be created or written.
    """
    from baokao.slip_pdf import to_pdf

    folder = folder.expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    name = _free_stem(folder, file_stem(slip))
    saved = SavedSlip(folder / f"{name}.md", folder / f"{name}.txt", folder / f"{name}.pdf")
    contents = (
        (saved.markdown, to_markdown(slip).encode("utf-8")),
        (saved.text, to_text(slip).encode("utf-8")),
        (saved.pdf, to_pdf(slip)),
    )
    done: list[Path] = []
    try:
        for path, data in contents:
            _write_new(path, data)
            done.append(path)
    except BaseException:
        for path in done:
            path.unlink(missing_ok=True)
        raise
    return saved


def _write_new(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        with temporary.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
