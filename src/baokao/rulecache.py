"""Validated occupations kept on disk, under the SHA-256 of their rule file's bytes.

Why: ``baokao check`` of one case spent more on the YAML parser (its import, then the
rule file) and on validating the occupation than on judging the case; a desk picking
occupations in the UI pays the same at each pick. A rule file that validated is kept
in the per-user cache as its validated :class:`~baokao.model.rules.Occupation`
(pickled), and read back in a fraction of that.

It is never used stale. It is found by the digest of the file's exact bytes, read
again at every lookup (a file edited since has another digest, and is parsed and
validated again), and it is stamped with what stands for the code that reads and
validates it: the version of baokao and of pydantic, and the size and mtime of the
model modules, :mod:`baokao.rulebook` and :mod:`baokao.rulefile`. A broken file is
never kept: it is read, and reported, every time. A kept file that is missing,
damaged or of other code is ignored and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
from pathlib import Path

import pydantic

import baokao
from baokao.codestamp import Stamp, code_stamp, read_kept
from baokao.limits import MAX_RULE_FILE_BYTES
from baokao.listing import cache_dir, write_whole
from baokao.model.rules import Occupation

#: Bumped when what is kept changes form.
FORMAT = 1


def read_rule_bytes(path: Path) -> bytes:
    """A rule file's bytes, at most one past :data:`MAX_RULE_FILE_BYTES`.

    Raises:
        OSError: when the file cannot be read.
    """
    with path.open("rb") as stream:
        return stream.read(MAX_RULE_FILE_BYTES + 1)


def digest(data: bytes) -> str:
    """The key of a rule file's bytes."""
    return hashlib.sha256(data).hexdigest()


def _file(key: str) -> Path:
    return cache_dir() / "rules" / f"{key}.pickle"


def _code() -> Stamp:
    """What stands for the code that reads and validates a rule file."""
    here = Path(baokao.__path__[0])
    sources = [here / "rulebook.py", here / "rulefile.py", *sorted((here / "model").glob("*.py"))]
    return code_stamp(FORMAT, sources, pydantic.VERSION)


def kept(key: str) -> Occupation | None:
    """The occupation validated from the bytes of digest ``key``; ``None`` when none
    is kept for this code."""
    return read_kept(_file(key), _code(), Occupation)


def keep(key: str, occupation: Occupation) -> None:
    """Keep ``occupation``, validated from the bytes of digest ``key`` (quietly nothing
    when the cache cannot be written)."""
    with contextlib.suppress(OSError):
        kept = pickle.dumps((_code(), occupation), protocol=pickle.HIGHEST_PROTOCOL)
        write_whole(_file(key), kept)
