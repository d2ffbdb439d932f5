"""The light listing of a rule folder, and the rule book that loads by need from it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from baokao.listing import INDEX_FILE, Listed, read_listing, write_index
from baokao.rulebook import BUNDLED_TREES, RulebookError, load_rulebook, open_rulebook


@pytest.fixture
def trees(tmp_path: Path) -> Path:
    """A copy of the bundled rule files and their index."""
    folder = tmp_path / "trees"
    folder.mkdir()
    for path in [*BUNDLED_TREES.glob("*.yaml"), BUNDLED_TREES / INDEX_FILE]:
        shutil.copy(path, folder)
    return folder


def age(path: Path, seconds: float = 60) -> None:
    """Date a file back, as one written a while ago (its size and mtime then count)."""
    then = path.stat().st_mtime - seconds
    os.utime(path, (then, then))


def test_the_bundled_index_lists_every_rule_file_with_pinyin() -> None:
    index = json.loads((BUNDLED_TREES / INDEX_FILE).read_text(encoding="utf-8"))
    listed = {row[0]: Listed(*row) for row in index["files"]}
    rules = sorted(p.name for p in BUNDLED_TREES.glob("*.yaml"))
    # When this fails, a rule file was changed by hand: `python -m baokao.listing`
    # writes the index again (`baokao import` does so itself).
    assert sorted(listed) == rules
    for record in read_listing(BUNDLED_TREES, use_cache=False).files:
        assert listed[record.file].sha256 == record.sha256, record.file
        assert listed[record.file].pinyin, record.file


def test_the_listing_agrees_with_the_rule_book() -> None:
    listing = read_listing(BUNDLED_TREES)
    book = load_rulebook(BUNDLED_TREES)
    assert [f.name for f in listing.files] == [o.name for o in book.occupations]
    for f, occ in zip(listing.files, book.occupations, strict=True):
        assert f.code == occ.code
        assert f.levels == tuple((lv.number, lv.label) for lv in occ.levels)
        assert f.work_types == tuple(
            (wt.name, tuple((lv.number, lv.label) for lv in wt.levels)) for wt in occ.work_types
        )


def test_an_edited_file_is_read_again_not_listed_stale(trees: Path) -> None:
    path = trees / "美容师.yaml"
    age(path)
    assert any(f.name == "美容师" for f in read_listing(trees).files)  # cached now
    path.write_text(path.read_text(encoding="utf-8").replace("美容师", "美甲师"), "utf-8")
    listing = read_listing(trees)
    names = [f.name for f in listing.files]
    assert "美甲师" in names and "美容师" not in names
    assert next(f for f in listing.files if f.name == "美甲师").pinyin is None  # not known yet
    book = open_rulebook(trees)
    assert book.find("美甲师").occupation.name == "美甲师"
    with pytest.raises(RulebookError, match="unknown occupation"):
        book.find("美容师")


def test_a_file_of_the_same_size_and_time_is_still_read_again_when_new(trees: Path) -> None:
    """Sizes and times are trusted only for files older than a moment (racy edits)."""
    path = trees / "美发师.yaml"
    read_listing(trees)
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    path.write_text(text.replace("美发师", "美牙师"), "utf-8")  # same length in bytes
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert "美牙师" in [f.name for f in read_listing(trees).files]


def test_a_damaged_index_or_cache_is_ignored(trees: Path) -> None:
    (trees / INDEX_FILE).write_text("{not json", encoding="utf-8")
    assert len(read_listing(trees).files) == 9
    (trees / INDEX_FILE).write_text(json.dumps({"format": 2, "files": [{"x": 1}, [1]]}), "utf-8")
    assert len(read_listing(trees).files) == 9


def test_write_index_lists_the_folder(trees: Path) -> None:
    (trees / INDEX_FILE).unlink()
    write_index(trees)
    again = read_listing(trees, use_cache=False)
    assert again.has_pinyin
    assert next(f for f in again.files if f.name == "美容师").pinyin == (("mei", "rong", "shi"),)


def test_broken_files_are_listed_as_broken_and_named_when_reached(trees: Path) -> None:
    (trees / "坏.yaml").write_text("name: [unclosed", encoding="utf-8")
    listing = read_listing(trees)
    assert [name for name, _ in listing.broken] == ["坏.yaml"]
    book = open_rulebook(trees)
    assert book.find("美容师").occupation.name == "美容师"  # the others still work
    with pytest.raises(RulebookError, match=r"坏\.yaml"):
        book.find("坏")
    with pytest.raises(RulebookError, match=r"坏\.yaml"):
        load_rulebook(trees)


def test_one_lookup_reads_one_file(trees: Path) -> None:
    book = open_rulebook(trees)
    subject = book.find("保健按摩师", "脊柱按摩师")
    assert subject.title == "保健按摩师 · 脊柱按摩师"
    assert list(book._loaded) == ["保健按摩师.yaml"]
    assert book.find("足部按摩师").work_type == "足部按摩师"
    assert list(book._loaded) == ["保健按摩师.yaml"]


def test_the_c_loader_reads_every_rule_file_as_the_python_one() -> None:
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        pytest.skip("PyYAML without libyaml")
    for path in BUNDLED_TREES.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=loader) == yaml.safe_load(text), path.name
