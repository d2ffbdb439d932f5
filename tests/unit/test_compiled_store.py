"""Compiled trees on disk: bundled ones ship current, a first compile is kept, stale is never used."""

from __future__ import annotations

from pathlib import Path

import pytest

from baokao import treestore as store
from baokao.bundled import bundled_trees
from baokao.cli import main
from baokao.compiler.tree import QuestionTree
from baokao.rulebook import load_rulebook
from baokao.session import Session

BOOK = load_rulebook()
FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user cache, and a count of the compiles that happen."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(store.CACHE_ENV, str(folder))
    return folder


def count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = store.compile_level

    def counted(*args: object, **kwargs: object) -> QuestionTree:
        seen.append("compiled")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "compile_level", counted)
    return seen


def test_the_bundled_trees_ship_compiled_and_current() -> None:
    folder = bundled_trees() / store.COMPILED
    wanted = {
        f"{store.tree_key(lv, s.levels, s.occupation.notes)}.pickle"
        for s in BOOK.subjects()
        for lv in s.levels
    }
    have = {p.name for p in folder.glob("*.pickle")}
    assert wanted <= have, "trees/compiled is stale: run `make compiled`"
    assert have <= wanted, "trees/compiled holds trees of old rules or code: run `make compiled`"


def test_picking_a_bundled_level_never_compiles(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = count_compiles(monkeypatch)
    subject = BOOK.find("公共营养师")
    tree = store.stored_tree(subject, subject.level(1))
    assert seen == [] and tree.method == "exact"
    assert not cache.exists()  # nothing written either


def test_other_rules_compile_on_first_use_and_are_read_back_after(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = count_compiles(monkeypatch)
    forty = load_rulebook(FIXTURES / "forty")
    subject = forty.find("四十条途径常规职业")
    monkeypatch.setattr(store, "compile_level", _small_budget(store.compile_level))
    first = store.stored_tree(subject, subject.level(3))
    second = store.stored_tree(subject, subject.level(3))
    assert seen == ["compiled"]
    assert len(list(cache.glob("*.pickle"))) == 1
    assert second.root == first.root and second.method == first.method


def _small_budget(compile_level: object) -> object:
    def small(*args: object, **kwargs: object) -> QuestionTree:
        return compile_level(*args, budget=500, **kwargs)  # type: ignore[operator,no-any-return]

    return small


def test_a_stale_or_broken_tree_is_never_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    subject = BOOK.find("美容师")
    level = subject.level(5)
    key = store.tree_key(level, subject.levels, subject.occupation.notes)
    changed = level.model_copy(update={"label": "五级"})
    assert store.tree_key(changed, subject.levels, subject.occupation.notes) != key
    assert store.tree_key(level, subject.levels, ("另一条备注",)) != key
    monkeypatch.setattr(store, "fingerprint", lambda: "other code")
    assert store.tree_key(level, subject.levels, subject.occupation.notes) != key
    # A cache file that cannot be read is compiled again (and replaced).
    seen = count_compiles(monkeypatch)
    cache.mkdir()
    new_key = store.tree_key(level, subject.levels, subject.occupation.notes)
    (cache / f"{new_key}.pickle").write_bytes(b"not a tree")
    tree = store.stored_tree(subject, level)
    assert seen == ["compiled"] and isinstance(tree, QuestionTree)
    assert store.stored_tree(subject, level).root == tree.root and seen == ["compiled"]


def test_import_writes_the_trees_compiled_beside_the_rule_files(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rules"
    source = FIXTURES / "standards" / "meirongshi.txt"
    assert main(["import", str(source), "--out", str(out)]) == 0
    assert "5 question trees compiled ahead" in capsys.readouterr().out
    assert len(list((out / store.COMPILED).glob("*.pickle"))) == 5
    seen = count_compiles(monkeypatch)
    store.use_folder(out)
    subject = load_rulebook(out).find("美容师")
    session = Session.start(subject, 4)
    assert session.question is not None
    assert seen == []
