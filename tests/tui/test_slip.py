"""The result slip (core code, tested without textual): wording, documents, files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from baokao.evaluator import evaluate
from baokao.model.profile import Profile
from baokao.model.rules import Level, Occupation, Route, Subject
from baokao.rulebook import BUNDLED_TREES, Rulebook, load_rulebook
from baokao.slip import ID_DOCUMENT, Slip, documents, to_markdown, to_text
from baokao.slip_files import file_stem, write_slip

DAY = date(2025, 3, 1)


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return load_rulebook(BUNDLED_TREES)


def single(book: Rulebook, name: str, level: int, profile: Profile, **kw: object) -> Slip:
    subject = book.find(name)
    verdict = evaluate(subject.level(level), profile)
    return Slip(subject, DAY, (verdict,), False, profile, **kw)  # type: ignore[arg-type]


def test_qualified_slip_cites_route_documents_and_answers(book: Rulebook) -> None:
    slip = single(
        book,
        "美容师",
        4,
        Profile(years_this=6),
        answers=(("您累计从事本职业工作多少年？", "6 年"),),
    )
    text = to_text(slip)
    md = to_markdown(slip)
    for out in (text, md):
        assert "2025-03-01" in out
        assert "美容师" in out and "4-10-03-01" in out
        assert "四级/中级" in out
        assert "符合报考条件" in out
        assert "第 2 条" in out
        assert "累计从事本职业工作6年（含）以上" in out
        assert "工作年限证明" in out
        assert ID_DOCUMENT in out
        assert "您累计从事本职业工作多少年？" in out and "6 年" in out


def test_not_qualified_slip_gives_closest_route_shortfall_and_date(book: Rulebook) -> None:
    profile = Profile(
        years_this=10,
        years_this_continuous=10,
        education=(),
        trainings=(),
        certificates=(
            {"level": 3, "occupation": "this", "years_after": 3, "continuous_after": True},
        ),  # type: ignore[arg-type]
    )
    slip = single(book, "公共营养师", 2, profile, qualify_dates={2: date(2027, 3, 1)})
    for out in (to_text(slip), to_markdown(slip)):
        assert "暂不符合报考条件" in out
        assert "第 2 条" in out
        assert "取得本职业三级公共营养师职业资格证书后，连续从事本职业工作5年以上" in out
        assert "还差 2 年" in out
        assert "2027-03-01" in out
        assert "报名请携带" not in out


def test_all_levels_slip_has_a_table_and_the_highest_level(book: Rulebook) -> None:
    subject = book.find("企业人力资源管理师")
    profile = Profile(years_this=5, years_related=0, certificates=(), education=(), trainings=())
    verdicts = tuple(evaluate(lv, profile) for lv in subject.levels)
    slip = Slip(subject, DAY, verdicts, True, profile)
    md = to_markdown(slip)
    assert "| 等级 | 结论 | 符合的条目 / 差距 |" in md
    for lv in subject.levels:
        assert lv.label in md
    assert "目前可报考的最高等级：四级/中级" in md
    assert "目前可报考的最高等级：四级/中级" in to_text(slip)
    assert "全部等级" in md


def test_documents_follow_the_route_conditions(book: Rulebook) -> None:
    beauty = book.find("美容师")
    cert_route = beauty.level(4).route(1)  # certificate + years after it
    docs = documents(
        cert_route,
        Profile(years_this=5, certificates=({"level": 5, "occupation": "this", "years_after": 4},)),
    )  # type: ignore[arg-type]
    assert docs[0] == ID_DOCUMENT
    assert any("职业资格证书" in d and "复印件" in d for d in docs)
    assert any("工作年限证明" in d for d in docs)

    school_route = beauty.level(4).route(3)  # diploma or graduating student
    graduate = Profile(education=({"school": "技工学校", "specialty": "this"},))  # type: ignore[arg-type]
    student = Profile(
        education=({"school": "技工学校", "specialty": "this", "status": "graduating"},)
    )  # type: ignore[arg-type]
    assert any("毕业证书" in d for d in documents(school_route, graduate))
    assert any("学生证" in d for d in documents(school_route, student))
    assert not any("工作年限证明" in d for d in documents(school_route, graduate))


def test_training_route_asks_for_the_training_certificate(book: Rulebook) -> None:
    for subject in book.subjects():
        for level in subject.levels:
            for route in level.routes:
                if any(getattr(c, "kind", "") == "training" for c in route.conditions):
                    docs = documents(route, Profile())
                    assert any("培训" in d for d in docs), route.text
                    return
    pytest.skip("no training route in the bundled rules")


def markup_subject() -> Subject:
    route = Route(
        number=1,
        text="1、[b]x[/b] 与 [link=https://example.com]链接[/link] *星*",
        conditions=({"kind": "work_years", "years": 1, "mode": "cumulative"},),
    )  # type: ignore[arg-type]
    level = Level(number=5, label="五级/初级", routes=(route,))
    return Subject(Occupation(name="测试师", levels=(level,)), None)


def test_markup_in_rule_text_is_kept_literally() -> None:
    subject = markup_subject()
    profile = Profile(years_this=2)
    slip = Slip(subject, DAY, (evaluate(subject.level(5), profile),), False, profile)
    assert "1、[b]x[/b] 与 [link=https://example.com]链接[/link] *星*" in to_text(slip)
    md = to_markdown(slip)
    assert r"\[b\]x\[/b\]" in md and r"\*星\*" in md  # escaped, so Markdown shows it as is


def test_files_are_written_side_by_side_and_never_overwritten(
    book: Rulebook, tmp_path: Path
) -> None:
    slip = single(book, "美容师", 4, Profile(years_this=6))
    first = write_slip(slip, tmp_path / "new" / "folder")
    second = write_slip(slip, tmp_path / "new" / "folder")
    assert first.markdown.name == "2025-03-01-美容师-四级.md"
    assert first.text.with_suffix(".md") == first.markdown
    assert second.markdown.name == "2025-03-01-美容师-四级-2.md"
    assert first.markdown.read_text(encoding="utf-8") == to_markdown(slip)
    assert first.text.read_text(encoding="utf-8") == to_text(slip)


def test_file_names_are_safe(book: Rulebook) -> None:
    subject = book.find("保健按摩师", "脊柱按摩师")
    profile = Profile(years_this=1)
    verdicts = tuple(evaluate(lv, profile) for lv in subject.levels)
    stem = file_stem(Slip(subject, DAY, verdicts, True, profile))
    assert stem == "2025-03-01-保健按摩师-脊柱按摩师-全部等级"
    assert not set(stem) & set('/\\:*?"<>| ·')


def test_unwritable_folder_raises_oserror(book: Rulebook, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        write_slip(single(book, "美容师", 4, Profile(years_this=6)), blocker / "sub")


def test_slip_from_a_finished_session(book: Rulebook) -> None:
    from baokao.session import Session

    session = Session.start(book.find("美容师"), 4, DAY)
    for value in ("none", "6"):
        session = session.answer(value)
    assert session.outcome is not None
    slip = Slip.from_session(session)
    assert slip.verdicts[0].status == "qualified"
    assert ("您累计从事本职业工作多少年？", "6 年") in slip.answers
    assert "您累计从事本职业工作多少年？ —— 6 年" in to_text(slip)


def test_slip_of_an_unfinished_session_is_refused(book: Rulebook) -> None:
    from baokao.session import Session

    with pytest.raises(ValueError):
        Slip.from_session(Session.start(book.find("美容师"), 4, DAY))


def test_a_failed_write_leaves_no_file_behind(tmp_path: Path) -> None:
    # A real failure, in a child process: files may not grow past 4 KB there, so the
    # Markdown and text slips are written and the PDF (larger) fails with EFBIG.
    import subprocess
    import sys

    script = f"""
import resource, signal, sys
from pathlib import Path
from baokao.evaluator import evaluate
from baokao.model.profile import Profile
from baokao.rulebook import load_rulebook
from baokao.slip import Slip
from baokao.slip_files import write_slip
from datetime import date
subject = load_rulebook().find("美容师")
profile = Profile(years_this=6)
slip = Slip(subject, date(2025, 3, 1), (evaluate(subject.level(4), profile),), False, profile)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    write_slip(slip, Path({str(tmp_path)!r}))
except OSError as exc:
    print(exc.errno)
    sys.exit(3)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    assert list(tmp_path.iterdir()) == []  # neither the .md nor the .txt was left
