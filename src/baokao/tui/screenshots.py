"""Screenshots of the real app, driven by Pilot: ``make screenshots``.

``python -m baokao.tui.screenshots FOLDER`` writes one SVG per scene into FOLDER. The
scenes are also what the snapshot tests compare, so the README's pictures and the
tests show the same screens. A scene drives the app as a person would, with keys:
it searches, picks a level and answers each question from a small script of
answers (question id → answer); any question the script does not cover gets the
answer that says "no" or "none".
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from baokao.tui.app import BaokaoApp
from baokao.tui.widgets.answer_form import choice_keys

#: The date every scene runs on, so that qualifying dates never drift.
TODAY = date(2025, 3, 1)
#: The folder every scene offers for slips (nothing is written there by a scene).
SLIP_DIR = Path("/tmp/baokao-slips")

Script = Mapping[str, str]
Scene = Callable[[Pilot[None]], Awaitable[None]]


def make_app(
    lang: str = "zh", slip_dir: Path = SLIP_DIR, db: str | None = None, prefs: Path | None = None
) -> BaokaoApp:
    """The app as the scenes and tests run it: bundled rules, fixed date.

    Records and settings go to a fresh temporary folder unless given, never to the
    user's own.
    """
    folder = Path(tempfile.mkdtemp(prefix="baokao-app-"))
    return BaokaoApp(
        lang="en" if lang == "en" else "zh",
        today=TODAY,
        slip_dir=slip_dir,
        db=db or str(folder / "records.sqlite3"),
        prefs=prefs or folder / "settings.json",
    )


def app_of(pilot: Pilot[None]) -> BaokaoApp:
    """The baokao app a pilot drives."""
    app = pilot.app
    assert isinstance(app, BaokaoApp)
    return app


async def wait_ready(pilot: Pilot[None]) -> None:
    """Wait until the rules are loaded (search index, pinyin and rule book)."""
    await app_of(pilot).rules_loaded()
    await app_of(pilot).records_settled()
    await pilot.pause()


async def search(pilot: Pilot[None], query: str) -> None:
    """Type ``query`` into the search box (once the rules are there)."""
    await wait_ready(pilot)
    await pilot.press(*query)
    await pilot.pause()


async def choose(pilot: Pilot[None], query: str, level: str, down: int = 0) -> None:
    """Search, pick the highlighted entry (after ``down`` ↓ presses) and a level key."""
    await search(pilot, query)
    await pilot.press(*(["down"] * down), "enter")
    await pilot.pause()
    await pilot.press(level)
    await app_of(pilot).workers.wait_for_complete()
    await pilot.pause()


def keys_for(app: BaokaoApp, value: str) -> list[str]:
    """The keys that give ``value`` as the answer to the current question."""
    session = app.session
    assert session is not None and session.question is not None
    question = session.question
    if question.kind == "years":
        return [*value, "enter"]
    if question.kind == "yesno":
        return ["y" if value == "yes" else "n"]
    return [next(k for k, v, _ in choice_keys(question) if v == value)]


def default_answer(app: BaokaoApp) -> str:
    """The answer given to a question the script does not cover: no, none, or least."""
    session = app.session
    assert session is not None and session.question is not None
    question = session.question
    if question.kind == "years":
        return f"{question.min_years:g}"
    if question.kind == "yesno":
        return "no"
    values = [c.value for c in question.choices]
    return "none" if "none" in values else values[0]


async def answer(pilot: Pilot[None], script: Script, stop_at: str | None = None) -> None:
    """Answer questions from ``script`` until the outcome (or question ``stop_at``)."""
    app = app_of(pilot)
    for _ in range(60):
        session = app.session
        if session is None or session.question is None or session.question.id == stop_at:
            return
        value = script.get(session.question.id) or default_answer(app)
        await pilot.press(*keys_for(app, value))
        await pilot.pause()
    raise RuntimeError("the interview did not end")


@dataclass(frozen=True)
class Candidate:
    """A scripted candidate: what to search, which level key, and the answers."""

    query: str
    level: str
    answers: Script
    down: int = 0


BEAUTY_QUALIFIED = Candidate("mrs", "4", {"years_this": "6"})
BEAUTY_SHORT = Candidate("mrs", "4", {"years_this": "3", "cert_this": "none"})
NUTRITION_SHORT = Candidate(
    "公共营养师",
    "2",
    {
        "years_this": "10",
        "years_this_continuous": "10",
        "cert_this": "3",
        "cert_this_years_after": "3",
        "cert_this_continuous": "yes",
    },
)
HR_ALL = Candidate("qyrlzy", "a", {"years_this": "5", "years_related": "1"})
SPINE = Candidate("脊柱", "4", {"years_this": "3", "years_related": "1"})


async def run_candidate(pilot: Pilot[None], who: Candidate, stop_at: str | None = None) -> None:
    """Walk ``who`` from the search to the outcome (or question ``stop_at``)."""
    await choose(pilot, who.query, who.level, who.down)
    await answer(pilot, who.answers, stop_at)
    await pilot.pause()


async def scene_start(pilot: Pilot[None]) -> None:
    """The start screen with a pinyin search."""
    await search(pilot, "bjams")


async def scene_levels(pilot: Pilot[None]) -> None:
    """The level picker of 保健按摩师."""
    await search(pilot, "bjams")
    await pilot.press("enter")
    await pilot.pause()


async def scene_question(pilot: Pilot[None]) -> None:
    """A question of 公共营养师 二级, with the routes still alive beside it."""
    await run_candidate(pilot, NUTRITION_SHORT, stop_at="cert_this")


async def scene_qualified(pilot: Pilot[None]) -> None:
    """美容师 四级: six years of work, qualified."""
    await run_candidate(pilot, BEAUTY_QUALIFIED)


async def scene_not_qualified(pilot: Pilot[None]) -> None:
    """公共营养师 二级: the closest route and the years still missing."""
    await run_candidate(pilot, NUTRITION_SHORT)


async def scene_all_levels(pilot: Pilot[None]) -> None:
    """企业人力资源管理师, every level at once."""
    await run_candidate(pilot, HR_ALL)


async def scene_answers(pilot: Pilot[None]) -> None:
    """ "Your answers" over a not-qualified result."""
    await run_candidate(pilot, NUTRITION_SHORT)
    await pilot.press("f2")
    await pilot.pause()


async def scene_change(pilot: Pilot[None]) -> None:
    """Changing the first answer."""
    await scene_answers(pilot)
    await pilot.press("1")
    await pilot.pause()


async def scene_save(pilot: Pilot[None]) -> None:
    """The save dialog over a qualified result."""
    await run_candidate(pilot, BEAUTY_QUALIFIED)
    await pilot.press("s")
    await pilot.pause()


#: The records the history scene lists: three today (one unfinished), one the day before.
SAMPLE_RECORDS = (
    (
        "张三",
        "11010519491231002X",
        "美容师",
        None,
        4,
        "四级/中级",
        "qualified",
        "符合报考条件（第 2 条）",
        "09:05",
        1,
    ),
    ("李四", "", "美容师", None, 4, "四级/中级", "not_qualified", "暂不符合报考条件", "09:40", 1),
    ("王五", "", "公共营养师", None, 2, "二级/技师", "unfinished", "", "10:15", 1),
    (
        "",
        "",
        "保健按摩师",
        "脊柱按摩师",
        4,
        "四级/中级",
        "not_qualified",
        "暂不符合报考条件",
        "16:20",
        0,
    ),
)


def fill_records(app: BaokaoApp) -> None:
    """Write :data:`SAMPLE_RECORDS` into the app's records (fixed times, so pictures agree)."""
    from datetime import datetime, timedelta

    from baokao.records import Record

    store = app.desk.store
    assert store is not None
    for n, (name, number, occ, wt, level, label, status, verdict, hhmm, on_day) in enumerate(
        SAMPLE_RECORDS
    ):
        day = TODAY - timedelta(days=1 - on_day)
        when = datetime.fromisoformat(f"{day.isoformat()}T{hhmm}:00").astimezone()
        answers = (("years_this", 10.0), ("years_this_continuous", 10.0), ("cert_this", "3"))
        store.save(
            Record(
                id=f"sample-{n}",
                occupation=occ,
                work_type=wt,
                level=level,
                level_label=label,
                day=day,
                answers=answers if status == "unfinished" else (("years_this", 6.0),),
                status=status,  # type: ignore[arg-type]
                verdict=verdict,
                route=2 if status == "qualified" else None,
                name=name,
                id_number=number,
                created=when,
                updated=when,
            )
        )


async def scene_history(pilot: Pilot[None]) -> None:
    """今日 / 历史: three candidates today (one unfinished) and one the day before."""
    await wait_ready(pilot)
    fill_records(app_of(pilot))
    await pilot.press("f4")
    await pilot.pause()


async def scene_candidate(pilot: Pilot[None]) -> None:
    """The candidate's name and ID number, with a wrong check digit refused."""
    await run_candidate(pilot, BEAUTY_QUALIFIED)
    await pilot.press("f3")
    await pilot.pause()
    await pilot.press(*"张三", "enter", *"110105194912310021", "enter")
    await pilot.pause()


async def scene_quit(pilot: Pilot[None]) -> None:
    """Ctrl+Q in the middle of an interview: it is saved as 未完成."""
    await run_candidate(pilot, NUTRITION_SHORT, stop_at="cert_this")
    await pilot.press("ctrl+q")
    await pilot.pause()


async def scene_too_small(pilot: Pilot[None]) -> None:
    """The notice shown in a terminal smaller than 80×24."""
    await wait_ready(pilot)


#: name -> (scene, size) of the pictures ``make screenshots`` writes.
SHOTS: dict[str, tuple[Scene, tuple[int, int]]] = {
    "start": (scene_start, (100, 30)),
    "question": (scene_question, (120, 32)),
    "qualified": (scene_qualified, (100, 30)),
    "not-qualified": (scene_not_qualified, (100, 30)),
    "all-levels": (scene_all_levels, (100, 32)),
    "history": (scene_history, (100, 30)),
}


async def shoot(folder: Path) -> list[Path]:
    """Run every scene on a fresh app and save its SVG into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (scene, size) in SHOTS.items():
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await scene(pilot)
            await pilot.pause()
            path = app.save_screenshot(filename=f"{name}.svg", path=str(folder))
            written.append(Path(path))
    return written


def main(argv: list[str] | None = None) -> int:
    """Write the screenshots into the folder given (default ``screenshots``)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "screenshots")
    for path in asyncio.run(shoot(folder)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
