"""Under ``--lang en`` every screen, and the ``check`` report, is English: the only Chinese
left is official text quoted from the rules (occupation and 工种 names, route texts and
their conditions, the table's title), which stays verbatim.

The walk visits the start screen (before a search, with results, with none), the level
picker, every question of several candidates, their results, the answers list, the
change dialog, the save dialog, the all-levels table and the command palette.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList

from baokao import i18n
from baokao.bundled import bundled_trees
from baokao.cli import main
from baokao.coverage import source_titles
from baokao.evaluator import evaluate
from baokao.model.conditions import AllOf, AnyOf, Condition
from baokao.model.profile import Profile
from baokao.rulebook import load_rulebook
from baokao.slip import Slip, to_markdown, to_text
from baokao.tui.app import BaokaoApp
from baokao.tui.screenshots import (
    BEAUTY_QUALIFIED,
    BEAUTY_SHORT,
    HR_ALL,
    NUTRITION_SHORT,
    SPINE,
    Candidate,
    choose,
    default_answer,
    keys_for,
    make_app,
    search,
    wait_ready,
)

from .helpers import screen_text

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _condition_texts(conditions: Iterable[Condition]) -> Iterator[str]:
    for c in conditions:
        text = getattr(c, "text", None)
        if isinstance(text, str):
            yield text
        if isinstance(c, AllOf | AnyOf):
            yield from _condition_texts(c.conditions)


def official_texts() -> list[str]:
    """Every text quoted from the rules (names, level labels, route texts and their
    conditions, the table's title), longest first (so that parts go after wholes)."""
    book = load_rulebook(bundled_trees())
    found = set(source_titles(bundled_trees()))
    for occupation in book.occupations:
        found |= {occupation.name, *occupation.notes}
        for subject in occupation.subjects():
            found |= {subject.title, subject.work_type or ""}
            for level in subject.levels:
                found.add(level.label)
                for route in level.routes:
                    found |= {route.text, route.review or ""}
                    found |= set(_condition_texts(route.conditions))
    return sorted((t for t in found if t), key=len, reverse=True)


OFFICIAL = official_texts()


def chinese_left(text: str) -> list[str]:
    """The Chinese in ``text`` that is not quoted from the official text."""
    for quoted in OFFICIAL:
        text = text.replace(quoted, "")
    return [run for run in HAN.findall(text) if not any(run in o for o in OFFICIAL)]


def everything_shown(app: BaokaoApp) -> str:
    texts = [screen_text(app), str(app.title)]
    for options in app.screen.query(OptionList):
        texts += [str(o.prompt) for o in options.options]
    for table in app.screen.query(DataTable):
        texts += [str(c.label) for c in table.columns.values()]
        texts += [str(cell) for i in range(table.row_count) for cell in table.get_row_at(i)]
    texts += [str(b.binding.description) for b in app.screen.active_bindings.values()]
    return "\n".join(texts)


@pytest.fixture
def english(tmp_path: Path) -> Iterator[BaokaoApp]:
    app = make_app(lang="en", slip_dir=tmp_path)
    yield app
    i18n.set_lang("zh")


async def walk(app: BaokaoApp, who: Candidate, seen: list[str]) -> None:
    """One candidate from the search to the result, noting every screen on the way."""
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        seen.append(everything_shown(app))
        await search(pilot, "no-such-occupation")
        seen.append(everything_shown(app))
        await pilot.press(*["backspace"] * 20)
        await choose(pilot, who.query, who.level, who.down)
        for _ in range(60):
            seen.append(everything_shown(app))
            session = app.session
            if session is None or session.question is None:
                break
            value = who.answers.get(session.question.id) or default_answer(app)
            await pilot.press(*keys_for(app, value))
            await pilot.pause()
        seen.append(everything_shown(app))
        for keys in (["f2"], ["1"], ["escape"], ["escape"], ["s"], ["escape"], ["ctrl+p"]):
            await pilot.press(*keys)
            await pilot.pause(0.2)
            seen.append(everything_shown(app))


@pytest.mark.parametrize(
    "who", [BEAUTY_QUALIFIED, BEAUTY_SHORT, NUTRITION_SHORT, HR_ALL, SPINE], ids=str
)
async def test_every_screen_is_english_but_the_official_text(
    english: BaokaoApp, who: Candidate
) -> None:
    seen: list[str] = []
    await walk(english, who, seen)
    assert len(seen) > 5
    left = sorted({c for text in seen for c in chinese_left(text)})
    assert not left, left


def test_the_check_report_is_english_but_the_official_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = [
        {"id": "a", "occupation": "美容师", "level": "四级", "profile": {"years_this": 6}},
        {"id": "b", "occupation": "公共营养师", "level": "二级", "profile": {"years_this": 3}},
        {"id": "c", "occupation": "企业人力资源管理师", "profile": {}},
    ]
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    try:
        assert main(["check", "--lang", "en", str(path)]) == 0
    finally:
        i18n.set_lang("zh")
    out = capsys.readouterr().out
    assert "May apply" in out or "may apply" in out.lower()
    left = sorted(set(chinese_left(out)))
    assert not left, left


@pytest.mark.parametrize(
    ("name", "level", "profile"),
    [
        ("美容师", 4, {"years_this": 6}),
        ("公共营养师", 2, {"years_this": 10, "certificates": []}),
        ("公共营养师", 2, {}),
    ],
)
def test_the_slip_is_english_but_the_official_text(
    name: str, level: int, profile: dict[str, object]
) -> None:
    book = load_rulebook(bundled_trees())
    subject = book.find(name)
    answers = Profile.model_validate(profile)
    verdict = evaluate(subject.level(level), answers)
    slip = Slip(subject, date(2026, 3, 1), (verdict,), False, answers)
    i18n.set_lang("en")
    try:
        texts = [to_text(slip), to_markdown(slip).replace("\\", "")]
    finally:
        i18n.set_lang("zh")
    assert "Certificate eligibility result" in texts[0]
    left = sorted({c for text in texts for c in chinese_left(text)})
    assert not left, left
