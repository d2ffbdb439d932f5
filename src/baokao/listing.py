"""The light listing of a rule folder: which occupation, 工种 and levels each file holds.

Why it exists: the start screen and ``check`` of one case need the names, codes, 工种,
level labels and pinyin of every occupation, but the rules of only one. Parsing and
validating every rule file for that took seconds at national scale (1,600
occupations); this listing is read in milliseconds and needs neither pydantic nor the
YAML parser, so the search box answers at once and the rules of an occupation are
loaded when it is picked (:mod:`baokao.rulebook`).

Where it comes from: ``baokao import`` writes ``index.json`` beside the rule files, and
a per-user cache keeps what was read since (records and each file's size, mtime and
ctime). A record is keyed by the SHA-256 of the file's bytes, so it is used only for
exactly the content it was made from: an edited file is read again, never listed
stale. A file whose size or times changed is hashed again; one that no record matches
is parsed (with the C YAML loader when PyYAML has it) and its pinyin added later.

This module imports neither pydantic nor textual.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from baokao.bundled import bundled_trees

#: The index written by ``baokao import`` in the rule folder.
INDEX_FILE = "index.json"
#: Bumped when the records' form changes (older caches are then ignored).
FORMAT = 2

#: A file's size and times stand for its content only once its ctime is this old (ns).
SETTLED_NS = 2_000_000_000

Levels = tuple[tuple[int, str], ...]
#: The name, size, mtime and ctime (ns) of each ``*.yaml`` file of a folder, in name order.
Stamp = tuple[tuple[str, int, int, int], ...]

#: The rule files that ship with baokao.
BUNDLED_TREES = bundled_trees()


def trees_dir(explicit: str | Path | None = None) -> Path:
    """The rule folder: ``explicit``, else ``$BAOKAO_TREES``, else the bundled ``trees/``."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("BAOKAO_TREES")
    return Path(env) if env else BUNDLED_TREES


def cache_dir() -> Path:
    """Where baokao keeps what it can work out again: ``$BAOKAO_CACHE`` or the user cache."""
    env = os.environ.get("BAOKAO_CACHE")
    if env:
        return Path(env)
    if sys.platform == "linux":  # what platformdirs says there, without its import time
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return (Path(xdg) if xdg else Path.home() / ".cache") / "baokao"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("baokao"))


class Listed(NamedTuple):
    """What one rule file holds, as far as finding it goes.

    (A named tuple: a national catalogue lists 1,600 of them while the user waits.)
    """

    file: str
    sha256: str
    name: str
    code: str | None
    levels: Levels
    #: Each 工种 with its levels, in file order.
    work_types: tuple[tuple[str, Levels], ...] = ()
    #: Pinyin syllables of the name, then of each 工种; ``None`` until worked out.
    pinyin: tuple[tuple[str, ...], ...] | None = None

    def names(self) -> list[str]:
        """The occupation's name, then each 工种's (the order of :attr:`pinyin`)."""
        return [self.name, *(name for name, _ in self.work_types)]


@dataclass(frozen=True)
class Listing:
    """Every rule file of a folder that could be listed, in the rule book's order."""

    folder: Path
    files: tuple[Listed, ...]
    #: ``(file name, problem)`` of each ``*.yaml`` file that is not a readable rule file.
    broken: tuple[tuple[str, str], ...] = ()
    #: What the folder's files looked like when they were read (:func:`folder_stamp`);
    #: ``None`` when one had changed too recently for its size and times to count.
    stamp: Stamp | None = None

    @property
    def has_pinyin(self) -> bool:
        """Whether every file's pinyin is known."""
        return all(f.pinyin is not None for f in self.files)

    def with_pinyin(self, to_syllables: Callable[[str], Sequence[str]]) -> Listing:
        """A copy in which every file's pinyin is known (``to_syllables``: a name's)."""
        files = tuple(
            f
            if f.pinyin is not None
            else f._replace(pinyin=tuple(_syllables(to_syllables, n) for n in f.names()))
            for f in self.files
        )
        return replace(self, files=files)


def _syllables(to_syllables: Callable[[str], Sequence[str]], name: str) -> tuple[str, ...]:
    return tuple(s.lower() for s in to_syllables(name) if s.strip())


def pinyin_syllables(text: str) -> list[str]:
    """The pinyin syllables of ``text`` (imports :mod:`pypinyin`, which takes a while)."""
    from pypinyin import lazy_pinyin

    return [s for s in lazy_pinyin(text) if s.strip()]


def yaml_loader() -> Any:
    """PyYAML's C safe loader when it was built with libyaml, else the Python one.

    Both build the same data from a rule file; the C one is several times faster.
    """
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _levels(raw: Any) -> Levels:
    if not isinstance(raw, list):
        return ()
    found: dict[int, str] = {}  # a number listed twice is refused when the file is read
    for level in raw:
        if isinstance(level, dict) and isinstance(level.get("number"), int):
            found.setdefault(int(level["number"]), str(level.get("label", level["number"])))
    return tuple(found.items())


def listed_from_data(data: Any, file: str, sha256: str) -> Listed | None:
    """The record of a parsed rule file; ``None`` when it is not a rule mapping."""
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        return None
    code = data.get("code")
    work_types = tuple(
        (wt["name"], _levels(wt.get("levels")))
        for wt in data.get("work_types") or ()
        if isinstance(wt, dict) and isinstance(wt.get("name"), str)
    )
    return Listed(
        file,
        sha256,
        data["name"],
        str(code) if code else None,
        _levels(data.get("levels")),
        work_types,
    )


def _parse(raw: bytes, file: str, sha256: str) -> Listed | str:
    """The record of a file's bytes, or why there is none."""
    import yaml

    try:
        data = yaml.load(raw.decode("utf-8"), Loader=yaml_loader())
    except UnicodeDecodeError:
        return "not UTF-8 text"
    except yaml.YAMLError as exc:
        return str(getattr(exc, "problem", None) or "not valid YAML")
    except RecursionError:  # the rule book's reader says where (rulefile.check_structure)
        return "nested too deep"
    return listed_from_data(data, file, sha256) or "not a rule file (no name)"


# Records as JSON ------------------------------------------------------------------------
#
# json and hashlib are imported when first needed: a start that finds its search index
# kept ready (baokao.tui.search_cache) needs neither, and they were milliseconds of it.


def _sha256(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()


def _to_json(f: Listed) -> list[Any]:
    """A record as JSON: its fields in order (compact, and quick to read back)."""
    return list(f)


def _levels_json(raw: Any) -> Levels:
    return tuple(map(tuple, raw))


def _from_json(raw: list[Any]) -> Listed:
    file, sha256, name, code, levels, work_types, pinyin = raw
    return Listed(
        str(file),
        str(sha256),
        str(name),
        None if code is None else str(code),
        _levels_json(levels),
        tuple((str(n), _levels_json(lv)) for n, lv in work_types),
        None if pinyin is None else tuple(map(tuple, pinyin)),
    )


def _read_json(path: Path) -> dict[str, Any]:
    """A JSON object written by this module, or ``{}`` when absent, foreign or damaged."""
    import json

    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("format") == FORMAT else {}


def _records(data: dict[str, Any]) -> dict[str, Listed]:
    found = {}
    for raw in data.get("files", ()):
        try:
            record = _from_json(raw)
        except (TypeError, ValueError):
            continue
        found[record.sha256] = record
    return found


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a reader never sees half a file;
    every file kept in the cache is written so).

    Raises:
        OSError: when it cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` whole or not at all (:func:`write_whole`)."""
    import json

    files = data.pop("files", [])
    head = json.dumps(data, ensure_ascii=False)[:-1]
    rows = ",\n".join(json.dumps(f, ensure_ascii=False) for f in files)
    write_whole(path, f'{head}, "files": [\n{rows}\n]}}\n'.encode())


# Reading a folder -----------------------------------------------------------------------


def _cache_file(folder: Path) -> Path:
    import hashlib

    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:20]
    return cache_dir() / f"listing-{key}.json"


def _order(f: Listed) -> tuple[str, str]:
    return (f.code or "9", f.name)


def _rule_files(folder: Path) -> list[os.DirEntry[str]]:
    """The ``*.yaml`` files of ``folder``, in name order."""
    with os.scandir(folder) as it:
        return sorted(
            (e for e in it if e.name.endswith(".yaml") and e.is_file()), key=lambda e: e.name
        )


def _stamp_row(entry: os.DirEntry[str]) -> tuple[str, int, int, int]:
    st = entry.stat()
    return (entry.name, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def folder_stamp(folder: Path) -> Stamp:
    """The name, size, mtime and ctime of each rule file of ``folder`` now.

    A listing whose :attr:`Listing.stamp` equals it was read from these very files: a
    file written since, or given its old mtime back, has another ctime (the kernel sets
    it at every change and no program can set it back; a stamp is only kept once every
    ctime in it is a while old, so a change cannot fall within the same tick), and one
    added, removed or renamed changes the names.

    Raises:
        OSError: when the folder cannot be read.
    """
    return tuple(_stamp_row(entry) for entry in _rule_files(folder))


def read_listing(folder: Path, use_cache: bool = True) -> Listing:
    """List every ``*.yaml`` rule file of ``folder`` (sub-folders aside).

    Args:
        folder: The rule folder.
        use_cache: Read and update the per-user cache (off to list from the files alone).

    Raises:
        OSError: when the folder cannot be read.
    """
    cache = _read_json(_cache_file(folder)) if use_cache else {}
    known = _records(cache)
    index_read = dirty = False
    stats: dict[str, list[Any]] = cache.get("stats", {}) if use_cache else {}
    new_stats: dict[str, list[Any]] = {}
    files: list[Listed] = []
    broken: list[tuple[str, str]] = []
    settled = time.time_ns() - SETTLED_NS
    found = _rule_files(folder)
    stamp = [_stamp_row(entry) for entry in found]
    for entry in found:
        st = entry.stat()
        seen = stats.get(entry.name)
        raw: bytes | None = None
        if seen and seen[:3] == [st.st_size, st.st_mtime_ns, st.st_ctime_ns]:
            sha = str(seen[-1])
        else:
            try:
                raw = Path(entry.path).read_bytes()
            except OSError as exc:
                broken.append((entry.name, f"cannot be read: {exc.strerror}"))
                continue
            sha = _sha256(raw)
        # A file changed again within its ctime's tick would look the same; a program
        # can set an mtime back, but not a ctime.
        if st.st_ctime_ns < settled:
            new_stats[entry.name] = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, sha]
        record = known.get(sha)
        if (record is None or record.pinyin is None) and not index_read:
            index_read = dirty = True  # the cache lacks it: the index may have it
            for sha_, indexed in _records(_read_json(folder / INDEX_FILE)).items():
                if known.get(sha_) is None or known[sha_].pinyin is None:
                    known[sha_] = indexed
            record = known.get(sha)
        if record is None:
            if raw is None:
                raw = Path(entry.path).read_bytes()
            parsed = _parse(raw, entry.name, sha)
            if isinstance(parsed, str):
                broken.append((entry.name, parsed))
                continue
            record, dirty = parsed, True
        files.append(record if record.file == entry.name else record._replace(file=entry.name))
    whole = all(ctime < settled for _, _, _, ctime in stamp)
    listing = Listing(
        folder, tuple(sorted(files, key=_order)), tuple(broken), tuple(stamp) if whole else None
    )
    if use_cache and (dirty or new_stats != stats):
        save_cache(listing, new_stats)
    return listing


def save_cache(listing: Listing, stats: dict[str, list[Any]] | None = None) -> None:
    """Keep ``listing`` in the per-user cache (quietly does nothing when it cannot)."""
    path = _cache_file(listing.folder)
    if stats is None:
        stats = _read_json(path).get("stats", {})
    data = {"format": FORMAT, "stats": stats, "files": [_to_json(f) for f in listing.files]}
    with contextlib.suppress(OSError):
        _write_json(path, data)


def write_index(folder: Path) -> Path:
    """Write ``index.json`` for the rule files of ``folder``, with pinyin (``baokao import``).

    Returns:
        The index's path.
    """
    listing = read_listing(folder, use_cache=False).with_pinyin(pinyin_syllables)
    files = sorted(listing.files, key=lambda f: f.file)
    path = folder / INDEX_FILE
    _write_json(path, {"format": FORMAT, "files": [_to_json(f) for f in files]})
    return path


if __name__ == "__main__":  # python -m baokao.listing [FOLDER]: write a folder's index again
    import sys

    print(write_index(trees_dir(sys.argv[1] if len(sys.argv) > 1 else None)))
