"""The search index and listing kept on disk: used only for the files as they are now."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from baokao.listing import INDEX_FILE, read_listing
from baokao.rulebook import BUNDLED_TREES
from baokao.tui import search_cache
from baokao.tui.search import SearchIndex
from baokao.tui.search_cache import index_then_listing, load_prepared


@pytest.fixture
def trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled rules, with a cache of its own."""
    monkeypatch.setenv("BAOKAO_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "trees"
    folder.mkdir()
    for path in [*BUNDLED_TREES.glob("*.yaml"), BUNDLED_TREES / INDEX_FILE]:
        shutil.copy(path, folder)
    return folder


@pytest.fixture(autouse=True)
def settle_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Count files as a while old at once (the ctime of a fresh copy cannot be dated back)."""
    monkeypatch.setattr("baokao.listing.SETTLED_NS", -(10**12))


def shown_by(folder: Path) -> list[SearchIndex]:
    shown: list[SearchIndex] = []
    index_then_listing(folder, shown.append, lambda: None)
    return shown


def test_the_kept_index_and_listing_are_those_of_the_files(trees: Path) -> None:
    assert load_prepared(trees) is None  # nothing kept yet
    built = shown_by(trees)[-1]
    kept = load_prepared(trees)
    assert kept is not None
    assert kept.listing == read_listing(trees, use_cache=False)
    assert kept.search.plain() == built.plain()
    assert kept.search.search("mrs")[0].occupation == "美容师"
    again = shown_by(trees)
    assert len(again) == 1 and again[0].plain() == built.plain()


def test_an_edited_file_is_never_found_stale(trees: Path) -> None:
    shown_by(trees)
    path = trees / "美容师.yaml"
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    path.write_text(text.replace("美容师", "美牙师"), encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same mtime
    assert load_prepared(trees) is None
    index = shown_by(trees)[-1]
    assert index.search("美牙师")[0].occupation == "美牙师"
    assert index.search("美容师") == []


def test_added_and_removed_files_are_seen(trees: Path) -> None:
    shown_by(trees)
    (trees / "美发师.yaml").unlink()
    assert load_prepared(trees) is None
    assert shown_by(trees)[-1].search("美发师") == []
    shutil.copy(trees / "美容师.yaml", trees / "美容师2.yaml")
    assert load_prepared(trees) is None


def test_files_changed_a_moment_ago_are_not_kept(
    trees: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("baokao.listing.SETTLED_NS", 3_600 * 10**9)  # nothing settled
    shown_by(trees)
    assert load_prepared(trees) is None


def test_a_damaged_or_foreign_file_is_ignored_and_written_again(trees: Path) -> None:
    shown_by(trees)
    kept, _ = search_cache._file(trees)
    for junk in (b"", b"\x00garbage", kept.read_bytes()[:100]):
        kept.write_bytes(junk)
        assert load_prepared(trees) is None
    kept.write_bytes(marshal.dumps(("x", "y", (), (), (), ())))
    assert load_prepared(trees) is None
    shown_by(trees)
    assert load_prepared(trees) is not None


def test_other_code_makes_it_stale(trees: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown_by(trees)
    monkeypatch.setattr(search_cache, "FORMAT", search_cache.FORMAT + 1)
    assert load_prepared(trees) is None


def test_what_is_kept_reads_back_equal_and_of_the_same_types() -> None:
    value = ((1, "一级"), (True, "一级"), (1.0, "一级"), {"a": 1}, ("x", "x"), (), None)
    shared = search_cache._shared(value, {})
    assert marshal.loads(marshal.dumps(shared)) == value
    assert [type(item[0]) for item in shared[:3]] == [int, bool, float]
    assert shared[4][0] is shared[4][1]  # one string, written once


def test_a_preload_gives_what_is_kept_for_the_files_as_they_are(trees: Path) -> None:
    from baokao.tui.search_cache import Preload

    assert Preload(trees).result() is None  # nothing kept yet
    built = shown_by(trees)[-1]
    early = Preload(trees).result()
    assert early is not None and early.search.plain() == built.plain()
    shown: list[SearchIndex] = []
    listing = index_then_listing(trees, shown.append, lambda: None, Preload(trees))()
    assert listing == read_listing(trees, use_cache=False)
    assert [index.plain() for index in shown] == [built.plain()]


def test_a_preload_never_gives_an_index_gone_stale(trees: Path) -> None:
    from baokao.tui.search_cache import Preload

    shown_by(trees)
    path = trees / "美容师.yaml"
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("美容师", "美牙师"), "utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert Preload(trees).result() is None
    shown: list[SearchIndex] = []
    index_then_listing(trees, shown.append, lambda: None, Preload(trees))
    assert shown[-1].search("美牙师")[0].occupation == "美牙师"
    assert shown[-1].search("美容师") == []


def test_a_preload_of_another_folder_is_not_used(trees: Path, tmp_path: Path) -> None:
    from baokao.tui.search_cache import Preload

    other = tmp_path / "other"
    shutil.copytree(trees, other)
    (other / "美容师.yaml").unlink()
    shown_by(other)
    shown: list[SearchIndex] = []
    index_then_listing(trees, shown.append, lambda: None, Preload(other))
    assert shown[-1].search("美容师")[0].occupation == "美容师"


def test_a_folder_that_cannot_be_read_fails_where_the_preload_is_taken(trees: Path) -> None:
    from baokao.tui.search_cache import Preload

    shown_by(trees)  # an index is kept, and its folder is gone when it is checked
    shutil.rmtree(trees)
    preload = Preload(trees)
    with pytest.raises(FileNotFoundError):
        index_then_listing(trees, lambda index: None, lambda: None, preload)


def test_a_damaged_kept_listing_is_read_from_the_files_again(trees: Path) -> None:
    shown_by(trees)
    path, _ = search_cache._file(trees)
    code, where, stamp, index, _listing = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((code, where, stamp, index, b"\x00damaged")))
    kept = load_prepared(trees)
    assert kept is not None and kept.listing is None
    shown: list[SearchIndex] = []
    listing = index_then_listing(trees, shown.append, lambda: None)()
    assert len(shown) == 1
    assert listing == read_listing(trees, use_cache=False)


def test_baokao_in_a_terminal_reads_the_kept_index_from_its_start(
    trees: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from baokao import cli
    from baokao.tui import launch

    shown_by(trees)
    given: dict[str, object] = {}

    def run(**kwargs: object) -> int:
        given.update(kwargs)
        return 0

    monkeypatch.setattr(launch, "run", run)
    assert cli.main(["--trees", str(trees)]) == 0
    preload = given["preload"]
    assert isinstance(preload, search_cache.Preload) and preload.folder == trees
    kept = preload.result()
    assert kept is not None and kept.search.search("mrs")[0].occupation == "美容师"


CHILD_STAMP = """
import os, sys
from pathlib import Path
from baokao.listing import folder_stamp
from baokao.tui.search_cache import _ChildStamp

folder = Path(sys.argv[1])
child = _ChildStamp(folder)
forked = child._pid != 0
try:
    same = child.stamp() == folder_stamp(folder)
except OSError as exc:
    same = type(exc).__name__
try:
    os.waitpid(-1, os.WNOHANG)
    left = "a child left"
except ChildProcessError:
    left = "no child left"
print(forked, same, left)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the check is made in a child only on Linux")
@pytest.mark.parametrize(("folder", "printed"), [("trees", "True"), ("gone", "FileNotFoundError")])
def test_the_rule_files_are_checked_in_a_child_process(
    trees: Path, folder: str, printed: str
) -> None:
    """At start (one thread) the stamp of the rule files is worked out by a child
    process, the same as here; a folder that cannot be read is an error where the stamp
    is asked for, as without a child; either way the child is gone afterwards."""
    where = trees.parent / folder
    done = subprocess.run(
        [sys.executable, "-c", CHILD_STAMP, str(where)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["True", printed, "no", "child", "left"]


NO_FORK = """
import os, sys
from pathlib import Path
from baokao.listing import folder_stamp
from baokao.tui.search_cache import _ChildStamp

def refuse():
    raise BlockingIOError(11, "Resource temporarily unavailable")

os.fork = refuse
folder = Path(sys.argv[1])
child = _ChildStamp(folder)
print(child._pid, child.stamp() == folder_stamp(folder))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the check is made in a child only on Linux")
def test_when_no_child_can_be_made_the_start_goes_on(trees: Path) -> None:
    """A machine out of processes still starts: the stamp is worked out in the thread."""
    done = subprocess.run(
        [sys.executable, "-c", NO_FORK, str(trees)], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["0", "True"]


def test_without_a_child_the_stamp_is_worked_out_where_it_is_asked_for(trees: Path) -> None:
    """With another thread running (as in a test, or the web kiosk), there is no fork."""
    import threading

    from baokao.listing import folder_stamp

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        child = search_cache._ChildStamp(trees)
        assert child.close() == -1  # (no child was made)
        assert child.stamp() == folder_stamp(trees)
    finally:
        stop.set()
        other.join()
