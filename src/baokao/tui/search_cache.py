"""The start screen's search index and the listing under it, kept on disk ready to use.

Why: with a national catalogue (1,600 occupations) reading the listing and building
the search index from it took about 100 ms after the search box was drawn, and the
first answer to a typed name waited for them. Both are kept in the per-user cache as
one :mod:`marshal` file of plain tuples (the index with its normalised keys and each
character's bit mask, :meth:`SearchIndex.plain`), read in a few milliseconds.

It is never used stale. It is stamped with the name, size, mtime and ctime of every
rule file of the folder as they were when the listing was read (it is kept only when
every file was a while old then, see :func:`baokao.listing.folder_stamp`), and with a
digest of the code that builds listings and indexes; it is used only when the folder
shows the same stamp now, which costs one ``stat`` of each file. A file that is
missing, damaged or of another form is ignored, and written again.

Nothing here imports textual.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from baokao import listing as listing_module
from baokao.listing import (
    Listed,
    Listing,
    cache_dir,
    folder_stamp,
    pinyin_syllables,
    read_listing,
    save_cache,
)
from baokao.tui import search as search_module
from baokao.tui.search import SearchIndex

#: Bumped when the file's form changes.
FORMAT = 1


class Prepared(NamedTuple):
    """A folder's listing and the search index built from it."""

    listing: Listing
    search: SearchIndex


def _file(folder: Path) -> Path:
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:20]
    return cache_dir() / f"search-{key}.marshal"


def _code() -> str:
    """A digest of the code that makes a listing and an index from a folder."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for module in (listing_module, search_module):
        try:
            digest.update(Path(str(module.__file__)).read_bytes())
        except OSError:  # (no source beside it: the version stands for it)
            from baokao import __version__

            digest.update(__version__.encode())
    return digest.hexdigest()


def load_prepared(folder: Path) -> Prepared | None:
    """The kept listing and index of ``folder``; ``None`` when none is kept for its
    files as they are now.

    Raises:
        OSError: when the folder cannot be read.
    """
    try:
        raw = _file(folder).read_bytes()
    except OSError:
        return None
    try:
        code, stamp, files, broken, plain = marshal.loads(raw)
        if code != _code() or stamp != folder_stamp(folder):
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
    path = _file(listing.folder)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    files = tuple(tuple(f) for f in listing.files)
    kept = (_code(), listing.stamp, files, listing.broken, index.plain())
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(kept))
        os.replace(tmp, path)


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
    prepared = load_prepared(folder)
    if prepared is not None:
        show(prepared.search)
        drawn()
        return prepared.listing
    listing = read_listing(folder)
    index = SearchIndex.from_listing(listing)
    show(index)
    drawn()
    if not listing.has_pinyin:
        listing = listing.with_pinyin(pinyin_syllables)
        save_cache(listing)
        index = SearchIndex.from_listing(listing)
        show(index)
    save_prepared(listing, index)
    return listing
