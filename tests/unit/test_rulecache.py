"""Validated occupations kept by the digest of their rule file's bytes: never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from baokao import rulecache
from baokao.rulebook import BUNDLED_TREES, RulebookError, load_file, load_kept, open_rulebook


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BAOKAO_CACHE", str(tmp_path / "cache"))


def kept_for(path: Path) -> Path:
    return rulecache._file(rulecache.digest(path.read_bytes()))


def test_every_kept_occupation_is_the_one_validated_from_its_file() -> None:
    for path in sorted(BUNDLED_TREES.glob("*.yaml")):
        validated = load_file(path)
        assert load_kept(path) == validated  # validated, then kept
        assert kept_for(path).exists(), path.name
        again = load_kept(path)  # read back
        assert again == validated, path.name
        assert again.subjects() == validated.subjects()


def test_an_edited_file_is_read_and_validated_again(tmp_path: Path) -> None:
    path = tmp_path / "美容师.yaml"
    shutil.copy(BUNDLED_TREES / "美容师.yaml", path)
    assert load_kept(path).name == "美容师"
    path.write_text(path.read_text(encoding="utf-8").replace("美容师", "美甲师"), "utf-8")
    assert load_kept(path).name == "美甲师"
    path.write_text("name: 美甲师\nlevels: [{number: 9}]\n", encoding="utf-8")
    with pytest.raises(RulebookError) as kept_error:
        load_kept(path)
    with pytest.raises(RulebookError) as direct_error:
        load_file(path)
    assert str(kept_error.value) == str(direct_error.value)  # the same one line
    assert not kept_for(path).exists()  # a broken file is never kept


def test_a_damaged_kept_file_is_ignored_and_written_again() -> None:
    path = BUNDLED_TREES / "美发师.yaml"
    validated = load_kept(path)
    kept = kept_for(path)
    for junk in (b"", b"\x80\x05garbage", kept.read_bytes()[:50]):
        kept.write_bytes(junk)
        assert load_kept(path) == validated
    assert rulecache.kept(rulecache.digest(path.read_bytes())) == validated


def test_what_other_code_kept_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    path = BUNDLED_TREES / "美发师.yaml"
    load_kept(path)
    key = rulecache.digest(path.read_bytes())
    assert rulecache.kept(key) is not None
    monkeypatch.setattr(rulecache, "FORMAT", rulecache.FORMAT + 1)
    assert rulecache.kept(key) is None


def test_the_rule_book_reads_through_the_cache() -> None:
    book = open_rulebook(BUNDLED_TREES)
    subject = book.find("美容师")
    assert subject.occupation == load_file(BUNDLED_TREES / "美容师.yaml")
    assert kept_for(BUNDLED_TREES / "美容师.yaml").exists()
