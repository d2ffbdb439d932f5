"""The search index and listing kept on disk: used only for the files as they are now."""

from __future__ import annotations

import marshal
import os
import shutil
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
