"""Finding an occupation by name, code, pinyin initials or full pinyin, ranked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from baokao.rulebook import BUNDLED_TREES, load_rulebook
from baokao.tui.search import SearchIndex, light_index, normalize, pinyin_syllables


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return light_index(BUNDLED_TREES).with_pinyin(pinyin_syllables)


def first(index: SearchIndex, query: str) -> str:
    groups = index.search(query)
    assert groups, f"nothing found for {query!r}"
    return groups[0].occupation


@pytest.mark.parametrize(
    "query",
    ["美容师", "美容", "4-10-03-01", "4100301", "mrs", "meirongshi", "MeiRong", "meirs", "rongshi"],
)
def test_finds_meirongshi_every_way(index: SearchIndex, query: str) -> None:
    assert first(index, query) == "美容师"


def test_light_index_agrees_with_the_rule_book(index: SearchIndex) -> None:
    book = load_rulebook(BUNDLED_TREES)
    expected = [(s.occupation.name, s.work_type) for s in book.subjects()]
    assert [(e.occupation, e.work_type) for e in index.entries] == expected
    levels = {
        (s.occupation.name, s.work_type): [lv.number for lv in s.levels] for s in book.subjects()
    }
    for entry in index.entries:
        assert [n for n, _ in entry.levels] == levels[(entry.occupation, entry.work_type)]


def test_empty_query_lists_everything_grouped_in_file_order(index: SearchIndex) -> None:
    groups = index.search("  ")
    assert sum((g.head is not None) + len(g.work_types) for g in groups) == len(index.entries)
    massage = next(g for g in groups if g.occupation == "保健按摩师")
    assert [w.work_type for w in massage.work_types] == ["脊柱按摩师", "反射治疗师", "足部按摩师"]


def test_an_occupation_match_brings_its_work_types(index: SearchIndex) -> None:
    group = index.search("bjams")[0]
    assert group.occupation == "保健按摩师"
    assert group.head is not None
    assert len(group.work_types) == 3


def test_a_work_type_match_shows_under_its_occupation(index: SearchIndex) -> None:
    group = index.search("脊柱")[0]
    assert group.occupation == "保健按摩师"
    assert group.head is None  # only the 工种 matched; the occupation is a heading
    assert [w.work_type for w in group.work_types] == ["脊柱按摩师"]


def test_ranking_puts_exact_and_prefix_before_fuzzy(index: SearchIndex) -> None:
    groups = index.search("4-10")
    assert {g.occupation for g in groups} >= {"保育员", "美容师", "美发师", "保健按摩师"}
    scores = [g.score for g in index.search("gg")]
    assert scores == sorted(scores, reverse=True)


def test_fuzzy_subsequence_still_finds(index: SearchIndex) -> None:
    assert first(index, "美师") in ("美容师", "美发师")
    assert first(index, "gonggongyingyang") == "公共营养师"


def test_names_and_codes_work_before_pinyin_is_loaded(tmp_path: Path) -> None:
    for path in BUNDLED_TREES.glob("*.yaml"):  # rule files without their index
        shutil.copy(path, tmp_path)
    plain = light_index(tmp_path)
    assert not plain.has_pinyin
    assert plain.search("美容")[0].occupation == "美容师"
    assert plain.search("4-10-03-01")[0].occupation == "美容师"
    assert plain.search("mrs") == []


def test_nothing_found_is_an_empty_list(index: SearchIndex) -> None:
    assert index.search("zzzzzz") == []
    assert index.search("9-99") == []


def test_broken_and_foreign_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("name: [unclosed", encoding="utf-8")
    (tmp_path / "list.yaml").write_text("- 1\n- 2\n", encoding="utf-8")
    (tmp_path / "ok.yaml").write_text(
        "name: 测试师\ncode: 1-2\nlevels:\n- number: 5\n  label: 五级/初级\n", encoding="utf-8"
    )
    index = light_index(tmp_path)
    assert [e.occupation for e in index.entries] == ["测试师"]
    assert index.entries[0].levels == ((5, "五级/初级"),)


def test_the_index_answers_as_a_plain_scan_would(index: SearchIndex) -> None:
    """Scoring only the entries holding every character of the query loses nothing."""
    for query in ["m", "s", "师", "4", "4-1", "ms", "bj", "shi", "按摩", "zzz", "4.10", "jzam"]:
        q = normalize(query)
        every = {
            (e.occupation, e.work_type)
            for e, keys in zip(index.entries, index._keys, strict=True)
            if keys.score(q) > 0
        }
        found = {
            (e.occupation, e.work_type)
            for g in index.search(query)
            for e in ((g.head,) if g.head else ()) + g.work_types
        }
        assert every <= found, query
