"""The start screen's search index and the listing under it, kept on disk ready to use.

Why: with a national catalogue (1,600 occupations) reading the listing and building
the search index from it took about 100 ms after the search box was drawn, and the
first answer to a typed name waited for them. Both are kept in the per-user cache as
one :mod:`marshal` file of plain tuples (the index with its normalised keys and each
character's bit mask, :meth:`SearchIndex.plain`), read in a few milliseconds.

It is never used stale. It is stamped with the name, size, mtime and ctime of every
rule file of the folder as they were when the listing was read (it is kept only when
every file was a while old then, see :func:`baokao.listing.folder_stamp`), and with the
version, size and mtime of the code that builds listings and indexes; it is used only
when the folder shows the same stamp now, which costs one ``stat`` of each file. A file that is
missing, damaged or of another form is ignored, and written again.

Nothing here imports textual.
"""

from __future__ import annotations

import contextlib
import marshal
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from baokao import listing as listing_module
from baokao.codestamp import Stamp, code_stamp
from baokao.listing import (
    Listed,
    Listing,
    cache_dir,
    folder_stamp,
    pinyin_syllables,
    read_listing,
    save_cache,
    write_whole,
)
from baokao.tui import search as search_module
from baokao.tui.search import SearchIndex

#: Bumped when the file's form changes.
FORMAT = 1


class Prepared(NamedTuple):
    """A folder's listing and the search index built from it."""

    listing: Listing
    search: SearchIndex


def _file(folder: Path) -> tuple[Path, str]:
    """Where the folder's index is kept, and the folder as it is written in the file.

    (A checksum of the folder's path names the file, not a digest: hashlib's import
    was milliseconds of every start. Two folders that share a name are told apart by
    the folder written inside.)
    """
    where = str(folder.resolve())
    return cache_dir() / f"search-{zlib.crc32(where.encode()):08x}.marshal", where


def _code() -> Stamp:
    """What stands for the code that makes a listing and an index from a folder."""
    return code_stamp(FORMAT, (str(listing_module.__file__), str(search_module.__file__)))


def load_prepared(folder: Path) -> Prepared | None:
    """The kept listing and index of ``folder``; ``None`` when none is kept for its
    files as they are now.

    Raises:
        OSError: when the folder cannot be read.
    """
    path, where = _file(folder)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        code, kept_for, stamp, files, broken, plain = marshal.loads(raw)
        if code != _code() or kept_for != where or stamp != folder_stamp(folder):
            return None
        listing = Listing(folder, tuple(map(Listed._make, files)), tuple(broken), stamp)
        return Prepared(listing, SearchIndex.from_plain(plain))
    except (EOFError, TypeError, ValueError):  # damaged, or of another form
        return None


def save_prepared(listing: Listing, index: SearchIndex) -> None:
    """Keep ``listing`` and ``index`` (built from it) for the next start, when the
    listing's files were all a while old; quietly nothing when it cannot be written."""
    if listing.stamp is None or not index.has_pinyin:
        return
    path, where = _file(listing.folder)
    files = tuple(tuple(f) for f in listing.files)
    kept = (_code(), where, listing.stamp, files, listing.broken, index.plain())
    with contextlib.suppress(OSError):
        write_whole(path, marshal.dumps(kept))


def index_then_listing(
    folder: Path, show: Callable[[SearchIndex], None], drawn: Callable[[], object]
) -> Listing:
    """Show the search index of ``folder`` as soon as it can be had; then its listing.

    What is kept for the folder's files as they are now is shown at once; otherwise
    the index is built from the listing (and shown again once pinyin is known), and
    both are kept for the next start.

    Args:
        folder: The rule folder.
        show: Called with each index to show (the latest is the one to search).
        drawn: Waits until the first results have been drawn (the work after it would
            otherwise hold the interpreter while the user waits for that frame).

    Returns:
        The folder's listing, with pinyin.

    Raises:
        OSError: when the folder cannot be read.
    """

    def ready(index: SearchIndex) -> None:
        index.search("")  # the first results are worked out here, off the event loop
        show(index)

    prepared = load_prepared(folder)
    if prepared is not None:
        ready(prepared.search)
        drawn()
        return prepared.listing
    listing = read_listing(folder)
    index = SearchIndex.from_listing(listing)
    ready(index)
    drawn()
    if not listing.has_pinyin:
        listing = listing.with_pinyin(pinyin_syllables)
        save_cache(listing)
        index = SearchIndex.from_listing(listing)
        show(index)
    save_prepared(listing, index)
    return listing
