"""The start screen says what the rules in use cover and where they come from; a search
that finds nothing says what is covered and how to add an occupation. The README says the
same of the bundled rules."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.geometry import Region

from baokao import i18n
from baokao.bundled import bundled_trees
from baokao.coverage import source_titles
from baokao.tui.app import BaokaoApp
from baokao.tui.screenshots import make_app, search, wait_ready
from baokao.tui.widgets.result_list import ResultList

from .helpers import screen_text

BUNDLED = [
    yaml.safe_load(p.read_text(encoding="utf-8"))["name"]
    for p in sorted(bundled_trees().glob("*.yaml"))
]


async def test_start_screen_names_the_coverage_and_the_source(app: BaokaoApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        text = screen_text(app)
        assert f"现有规则涵盖 {len(BUNDLED)} 个职业（来源：《职业技能等级证书报考条件》）" in text
        listed = " ".join(app.screen.query_one("#results", ResultList).texts())
        assert all(name in listed for name in BUNDLED)  # the list shows them all


async def test_a_search_that_finds_nothing_says_what_is_covered(app: BaokaoApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await search(pilot, "育婴员")
        text = screen_text(app)
        assert "没有匹配“育婴员”的职业或工种。现有规则只涵盖：" in text
        assert all(name in text for name in BUNDLED)
        assert "baokao import" in text and "申报条件" in text
        count = app.screen.query_one("#start-count")
        drawn = count.render_lines(Region(0, 0, count.size.width, count.size.height))
        shown = "".join(strip.text.strip() for strip in drawn)
        assert "baokaoimport" in shown.replace(" ", "")  # drawn whole, not cut to one line


async def test_coverage_in_english(tmp_path: Path) -> None:
    app = make_app(lang="en", slip_dir=tmp_path)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_ready(pilot)
            assert f"The rules in use cover {len(BUNDLED)} occupations" in screen_text(app)
            await search(pilot, "zzz")
            assert "The rules in use cover only:" in screen_text(app)
    finally:
        i18n.set_lang("zh")


def test_readme_names_the_bundled_occupations_and_the_table() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What the bundled rules cover", 1)[1].split("\n## ", 1)[0]
    assert all(name in section for name in BUNDLED)
    assert all(title in section for title in source_titles(bundled_trees()))
