"""The start screen's search index and the listing under it, kept on disk ready to use.

Why: with a national catalogue (1,600 occupations) reading the listing and building
the search index from it took about 100 ms after the search box was drawn, and the
first answer to a typed name waited for them. Both are kept in the per-user cache as
one :mod:`marshal` file of plain tuples (the index with its normalised keys and each
character's bit mask, :meth:`SearchIndex.plain`), read in a few milliseconds. Equal
values are written once (:func:`_shared`: the level labels, names and codes that recur
across 1,600 occupations), which halves the objects made when it is read, and the
listing is read only after the first results are drawn (the rule book needs it; the
search does not).

At start (``baokao`` in a terminal) it is read by :class:`Preload`, in a thread begun
before the UI's code is imported, and the rule files are checked in a child process
(:class:`_ChildStamp`): both overlap those imports, so the search box answers as soon
as it is drawn.

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
import os
import sys
import threading
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

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
from baokao.listing import Stamp as FilesStamp
from baokao.tui import search as search_module
from baokao.tui.search import SearchIndex

#: Bumped when the file's form changes.
FORMAT = 2


class Prepared:
    """A folder's search index, and its listing as kept (read when first asked for)."""

    def __init__(
        self, search: SearchIndex, folder: Path, stamp: FilesStamp, listing: bytes
    ) -> None:
        """The index of ``folder``'s files as ``stamp`` shows them; ``listing`` as kept."""
        self.search = search
        self._folder = folder
        self._stamp = stamp
        self._listing = listing

    @property
    def listing(self) -> Listing | None:
        """The folder's listing, as kept with the index; ``None`` when it is damaged."""
        try:
            files, broken = marshal.loads(self._listing)
            listed = tuple(map(Listed._make, files))
            return Listing(self._folder, listed, tuple(broken), self._stamp)
        except (EOFError, TypeError, ValueError):
            return None


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


def load_prepared(
    folder: Path, stamp_now: Callable[[], FilesStamp] | None = None
) -> Prepared | None:
    """The kept listing and index of ``folder``; ``None`` when none is kept for its
    files as they are now.

    Args:
        folder: The rule folder.
        stamp_now: Gives :func:`~baokao.listing.folder_stamp` of the folder, as it is
            now (by default worked out here).

    Raises:
        OSError: when the folder cannot be read.
    """
    path, where = _file(folder)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        code, kept_for, stamp, index, listing = marshal.loads(raw)
        if code != _code() or kept_for != where:
            return None
        if stamp != (stamp_now() if stamp_now else folder_stamp(folder)):
            return None
        if not isinstance(listing, bytes):
            raise ValueError("no listing kept")
        return Prepared(SearchIndex.from_plain(marshal.loads(index)), folder, stamp, listing)
    except (EOFError, TypeError, ValueError):  # damaged, or of another form
        return None


def save_prepared(listing: Listing, index: SearchIndex) -> None:
    """Keep ``listing`` and ``index`` (built from it) for the next start, when the
    listing's files were all a while old; quietly nothing when it cannot be written."""
    if listing.stamp is None or not index.has_pinyin:
        return
    path, where = _file(listing.folder)
    files = tuple(tuple(f) for f in listing.files)
    index_kept = marshal.dumps(_shared(index.plain(), {}))
    listing_kept = marshal.dumps(_shared((files, listing.broken), {}))
    kept = (_code(), where, listing.stamp, index_kept, listing_kept)
    with contextlib.suppress(OSError):
        write_whole(path, marshal.dumps(kept))


def _shared(value: Any, seen: dict[tuple[Any, ...], Any]) -> Any:
    """``value`` with each string, int and tuple that occurs more than once in it made
    one object, so that :mod:`marshal` writes it once and reading makes it once.

    Values are told apart by type as well (``1``, ``True`` and ``1.0`` are equal in
    Python, but not the same thing kept); a tuple is keyed by its items' identities
    once they are shared.
    """
    kind = type(value)
    if kind is tuple:
        items = tuple(_shared(item, seen) for item in value)
        return seen.setdefault((tuple, *map(id, items)), items)
    if kind is dict:
        return {_shared(k, seen): _shared(v, seen) for k, v in value.items()}
    if kind is str or kind is int:
        return seen.setdefault((kind, value), value)
    return value


class _ChildStamp:
    """:func:`~baokao.listing.folder_stamp` of a folder, worked out in a child process.

    Why: the check of a national catalogue is a ``stat`` of 1,609 files. A thread of
    this process gives up the interpreter at each one and then waits for it to be
    given back, which the thread importing the UI's code does only at its switch
    interval: the check made no progress until the imports were done, and the user
    waited for all of it afterwards. A child process made by ``fork`` checks the files
    on another processor meanwhile and sends the stamp back through a pipe.

    It is made only where ``fork`` is sound: on Linux, in a process with no other
    thread (``baokao`` starting). Otherwise, or when no child can be made or it fails,
    the stamp is worked out where it is asked for, as without it.
    """

    def __init__(self, folder: Path) -> None:
        """Start working out the stamp of ``folder``."""
        self._folder = folder
        self._pid = 0
        self._fd = -1
        if sys.platform != "linux" or threading.active_count() != 1:
            return
        try:
            self._fd, write_end = os.pipe()
        except OSError:  # (no file descriptor left: checked here, without a child)
            return
        try:
            self._pid = os.fork()
        except OSError:  # (no process left)
            os.close(self._fd)
            os.close(write_end)
            return
        if self._pid == 0:  # the child: never returns
            self._child(write_end)
        os.close(write_end)

    def _child(self, write_end: int) -> NoReturn:
        status = 1
        try:
            os.close(self._fd)
            data = memoryview(marshal.dumps(folder_stamp(self._folder)))
            while data:
                data = data[os.write(write_end, data) :]
            status = 0
        finally:
            os._exit(status)  # nothing of the parent's (exit handlers, buffers) runs here

    def stamp(self) -> FilesStamp:
        """The folder's stamp (waiting for the child if need be).

        Raises:
            OSError: when the folder cannot be read.
        """
        if self._pid:
            chunks: list[bytes] = []
            with contextlib.suppress(OSError):
                while chunk := os.read(self._fd, 1 << 20):
                    chunks.append(chunk)
            if self.close() == 0:
                with contextlib.suppress(EOFError, TypeError, ValueError):
                    stamp: FilesStamp = marshal.loads(b"".join(chunks))
                    return stamp
        return folder_stamp(self._folder)  # (the reason of a failure is raised here)

    def close(self) -> int:
        """Let the child go (once done) and say how it ended (0: it sent the stamp)."""
        if not self._pid:
            return -1
        os.close(self._fd)
        pid, self._pid = self._pid, 0
        return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


class Preload:
    """The kept search index of a folder, read in a thread of its own.

    Begun before the UI's code is imported (``baokao`` in a terminal), so that the
    reading, the check of the rule files (in a child process, :class:`_ChildStamp`)
    and the first (empty) search overlap those imports instead of following them.
    """

    def __init__(self, folder: Path) -> None:
        """Start reading what is kept for ``folder``."""
        self.folder = folder
        self._found: Prepared | None = None
        self._error: Exception | None = None
        self._stamp = _ChildStamp(folder)
        self._thread = threading.Thread(target=self._read, name="baokao-preload", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._found = load_prepared(self.folder, self._stamp.stamp)
            if self._found is not None:
                self._found.search.search("")  # the first results, worked out here too
        except Exception as exc:  # raised again where the result is taken, and shown there
            self._error = exc
        finally:
            self._stamp.close()

    def result(self) -> Prepared | None:
        """What :func:`load_prepared` gave (waiting for it if need be), handed over once:
        the preload then forgets it, so that it lives only as long as its user keeps it.

        Raises:
            Exception: what reading raised (an :class:`OSError` when the folder cannot
                be read).
        """
        self._thread.join()
        if self._error is not None:
            raise self._error
        found, self._found = self._found, None
        return found


def index_then_listing(
    folder: Path,
    show: Callable[[SearchIndex], None],
    drawn: Callable[[], object],
    preload: Preload | None = None,
) -> Callable[[], Listing]:
    """Show the search index of ``folder`` as soon as it can be had; then its listing.

    What is kept for the folder's files as they are now is shown at once; otherwise
    the index is built from the listing (and shown again once pinyin is known), and
    both are kept for the next start.

    Args:
        folder: The rule folder.
        show: Called with each index to show (the latest is the one to search).
        drawn: Waits until the first results have been drawn (the work after it would
            otherwise hold the interpreter while the user waits for that frame).
        preload: What was kept for the folder, being read since the program started
            (used when it is for ``folder``).

    Returns:
        What gives the folder's listing, with pinyin: a kept one is read only when it
        is asked for (the rule book needs it, the search does not), so the caller can
        leave that until typing pauses.

    Raises:
        OSError: when the folder cannot be read (then or when the listing is asked for).
    """

    def ready(index: SearchIndex) -> None:
        index.search("")  # the first results are worked out here, off the event loop
        show(index)

    if preload is not None and preload.folder == folder:
        prepared = preload.result()
    else:
        prepared = load_prepared(folder)
    if prepared is not None:
        ready(prepared.search)
        drawn()
        kept = prepared

        def kept_listing() -> Listing:  # (damaged: read from the files again)
            return kept.listing or read_listing(folder)

        return kept_listing
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
    return lambda: listing
