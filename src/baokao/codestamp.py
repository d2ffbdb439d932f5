"""What stands for the code that made a kept file, so that a file kept by other code is
never used.

Files kept between runs (validated rule files, a folder's prepared search index) are
worth keeping only while the code that made them is the same. Hashing that code costs
milliseconds of every start; its sources' names, sizes and mtimes, with the version and
the file's form, stand for it at the cost of one ``stat`` each. The caches that pickle
what they keep with its stamp read it back through :func:`read_kept`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: A stamp: plain values only (it is written with the file, by pickle or marshal).
Stamp = tuple[int | str | tuple[str, int, int], ...]


def code_stamp(form: int, sources: Iterable[str | Path], *versions: str) -> Stamp:
    """The stamp of the code that made a kept file.

    Args:
        form: the kept file's form (bumped when what is kept changes shape).
        sources: the modules that make what is kept.
        versions: versions of other packages it depends on.

    Returns:
        The stamp, to write with the file and compare when it is read.
    """
    from baokao import __version__

    stamp: list[int | str | tuple[str, int, int]] = [form, __version__, *versions]
    for source in sources:
        with contextlib.suppress(OSError):  # no source beside it: the version stands
            st = os.stat(source)
            stamp.append((os.path.basename(source), st.st_size, st.st_mtime_ns))
    return tuple(stamp)


def read_kept(path: Path, code: Stamp, kind: type[T]) -> T | None:
    """The value kept at ``path`` (pickled with its stamp), when it is a ``kind`` made by
    the code ``code`` stands for; ``None`` when the file is missing, damaged, of other
    code or of another kind (the caller then makes it again)."""
    import pickle

    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        kept_code, value = pickle.loads(raw)
    except Exception:  # damaged, or of other code (a class gone)
        return None
    if kept_code != code or not isinstance(value, kind):
        return None
    return value
