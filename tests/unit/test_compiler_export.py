"""``baokao tree``: the compiled interview printed as text, JSON or a Mermaid flowchart."""

from __future__ import annotations

import json
from typing import Any

import pytest

from baokao.cli import main
from baokao.rulebook import RulebookError, load_rulebook
from baokao.tree_export import export_tree

BOOK = load_rulebook()


def test_text_shows_questions_branches_and_outcomes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tree", "美容师", "五级"]) == 0
    out = capsys.readouterr().out
    assert "美容师 五级/初级 — 2 条途径" in out
    assert "平均 1.50 问，最多 2 问（精确最优）" in out
    assert "[n] 您累计从事本职业工作多少年？ (years_this)" in out
    assert "本职业累计 1 年及以上" in out
    assert "→ 符合报考条件：第 1 条" in out
    assert "→ 暂不符合：最接近 第 1 条；缺：累计从事本职业工作1年(含)以上" in out


def count_leaves(node: dict[str, Any]) -> int:
    if node.get("leaf"):
        return 1
    return sum(count_leaves(b["next"]) for b in node["branches"])


def test_json_is_the_whole_tree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tree", "保健按摩师", "5", "--work-type", "脊柱按摩师", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "保健按摩师 · 脊柱按摩师 五级/初级"
    assert data["method"] == "exact"
    assert data["expected_questions"] == data["optimal_expected"]
    root = data["root"]
    assert root["question"] == "years_this" and root["splits"] == "T"
    assert root["branches"][0] == {**root["branches"][0], "min": 0.0, "max": 1.0}
    related = root["branches"][0]["next"]
    assert related["question"] == "years_related" and related["splits"] == "TT"
    assert count_leaves(root) == 4


def test_mermaid_is_a_flowchart() -> None:
    text = export_tree(BOOK, "公共营养师", None, "四级", "mermaid")
    lines = text.splitlines()
    assert lines[:4] == ["---", "title: 公共营养师 四级/中级", "---", "flowchart TD"]
    assert any("-->|" in line for line in lines)
    assert any(line.strip().startswith("N0{") for line in lines)


def test_lookups_fail_with_the_rule_book_error() -> None:
    with pytest.raises(RulebookError):
        export_tree(BOOK, "不存在的职业", None, "四级", "text")
    with pytest.raises(RulebookError):
        export_tree(BOOK, "美容师", None, "一级", "text")
    with pytest.raises(ValueError, match="unknown format"):
        export_tree(BOOK, "美容师", None, "四级", "yaml")


def test_cli_reports_a_bad_level_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tree", "美容师", "九级"]) == 2
    assert capsys.readouterr().err.strip() == "baokao: unknown level '九级'"
