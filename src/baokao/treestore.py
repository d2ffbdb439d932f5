"""Compiled trees kept on disk, so that picking a level never waits on the solver.

A tree depends only on what it is compiled from (the level, the subject's levels whose
questions it shares, the occupation's 备注) and on the code that compiles it. Its key is
a SHA-256 of both: the rules' content as JSON and a fingerprint of the compiler's own
sources (and the evaluator's and the model's, whose readings it encodes). A tree whose
rules or code changed has another key, so a stale tree is never used.

Trees are looked for in ``compiled/`` beside the rule files (``baokao import`` writes
them there, and the bundled rules ship theirs: ``make compiled``), then in the user's
cache folder (platformdirs), where a tree compiled on first use is kept. Files are
pickles written by this program into folders it owns; one that cannot be read is
compiled again.

This is not the compiler, which is a pure function from rules to a tree: where trees
are kept, found and trusted is loading, done for the session through the compiler's
public API only (an import-linter contract holds it to that).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path

from platformdirs import user_cache_dir

from baokao import __version__
from baokao.bundled import bundled_trees
from baokao.compiler import Progress, QuestionTree, compile_level
from baokao.model.rules import Level, Subject

#: The folder, beside the rule files, that holds their compiled trees.
COMPILED = "compiled"
#: Where trees compiled on first use are kept (``BAOKAO_CACHE`` overrides it).
CACHE_ENV = "BAOKAO_CACHE"
#: The packages whose code decides what a tree is.
_CODE = ("compiler", "evaluator", "model")

_folders: list[Path] = []


@cache
def fingerprint() -> str:
    """A hash of the code that compiles trees (its sources, and the version)."""
    digest = hashlib.sha256(__version__.encode())
    for package in _CODE:
        folder = files("baokao") / package
        for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".py")):
            digest.update(name.encode())
            digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def tree_key(level: Level, context: Sequence[Level], notes: Sequence[str]) -> str:
    """The key of a level's tree: its rules' content and the compiler's fingerprint."""
    digest = hashlib.sha256(fingerprint().encode())
    digest.update(level.model_dump_json().encode())
    for other in context:
        digest.update(b"\x00" + other.model_dump_json().encode())
    for note in notes:
        digest.update(b"\x01" + note.encode())
    return digest.hexdigest()


def cache_folder() -> Path:
    """The user's cache of compiled trees."""
    explicit = os.environ.get(CACHE_ENV)
    return Path(explicit) if explicit else Path(user_cache_dir("baokao")) / "trees"


def use_folder(rules: Path) -> None:
    """Look for compiled trees beside the rule files of ``rules`` too (first)."""
    folder = rules / COMPILED
    if folder not in _folders:
        _folders.insert(0, folder)


def _read(path: Path) -> QuestionTree | None:
    try:
        with path.open("rb") as f:
            tree = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return tree if isinstance(tree, QuestionTree) else None


def _write(folder: Path, key: str, tree: QuestionTree) -> None:
    """Write atomically (a reader never sees half a file); a cache that cannot be
    written is only a slower start, never an error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(tree, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{key}.pickle")
    except OSError:
        pass


def stored_tree(subject: Subject, level: Level, progress: Progress | None = None) -> QuestionTree:
    """The tree of ``level`` with questions shared across ``subject``'s levels: read from
    disk when compiled before, else compiled (``progress`` as in compiling) and kept."""
    notes = subject.occupation.notes
    key = tree_key(level, subject.levels, notes)
    for folder in (*_folders, bundled_trees() / COMPILED, cache_folder()):
        path = folder / f"{key}.pickle"
        if path.is_file():
            tree = _read(path)
            if tree is not None:
                return tree
    tree = compile_level(level, notes, context=subject.levels, progress=progress)
    _write(cache_folder(), key, tree)
    return tree


def precompile(subjects: Iterable[Subject], rules: Path) -> int:
    """Compile every level of ``subjects`` (every subject of the rule folder ``rules``)
    into ``compiled/`` beside the rule files, and remove the trees no longer current;
    returns how many trees the folder holds."""
    folder = rules / COMPILED
    keep: set[str] = set()
    for subject in subjects:
        for level in subject.levels:
            key = tree_key(level, subject.levels, subject.occupation.notes)
            keep.add(f"{key}.pickle")
            if not (folder / f"{key}.pickle").is_file():
                notes = subject.occupation.notes
                _write(folder, key, compile_level(level, notes, context=subject.levels))
    if folder.is_dir():
        for path in folder.glob("*.pickle"):
            if path.name not in keep:  # another import of this folder may be removing it too
                path.unlink(missing_ok=True)
    return len(keep)


def main() -> int:
    """``python -m baokao.treestore [FOLDER]``: precompile a rule folder's trees (the
    bundled ones by default: ``make compiled``)."""
    import sys

    from baokao.rulebook import load_rulebook, trees_dir

    folder = trees_dir(sys.argv[1] if len(sys.argv) > 1 else None)
    count = precompile(load_rulebook(folder).subjects(), folder)
    print(f"{count} compiled trees in {folder / COMPILED}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
