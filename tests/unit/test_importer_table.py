"""The enrolment-table importer on the real source, and on broken layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from baokao.importer import import_texts, load_overrides
from baokao.importer.overrides import Overrides
from baokao.importer.table import LayoutError, read_table
from baokao.model.conditions import leaves
from baokao.rulebook import dump_occupation, file_name, load_rulebook

ROOT = Path(__file__).parents[2]
SOURCE = ROOT / "trees" / "source" / "source-table.txt"
OVERRIDES = ROOT / "trees" / "source" / "overrides.yaml"


@pytest.fixture(scope="module")
def imported():  # type: ignore[no-untyped-def]
    return import_texts(
        [(str(SOURCE), SOURCE.read_text(encoding="utf-8"))], load_overrides(OVERRIDES)
    )


def test_source_copy_matches_shared_seed() -> None:
    shared = ROOT.parent / "shared" / "seeds" / "source-table.txt"
    if shared.exists():
        assert shared.read_bytes() == SOURCE.read_bytes()


def test_import_reproduces_checked_in_trees_byte_for_byte(imported) -> None:  # type: ignore[no-untyped-def]
    occupations, _ = imported
    checked_in = sorted(p.name for p in (ROOT / "trees").glob("*.yaml"))
    assert sorted(file_name(o) for o in occupations) == checked_in
    for occupation in occupations:
        path = ROOT / "trees" / file_name(occupation)
        assert dump_occupation(occupation) == path.read_text(encoding="utf-8"), path.name


def test_counts_and_nothing_unparsed(imported) -> None:  # type: ignore[no-untyped-def]
    occupations, report = imported
    subjects = [s for o in occupations for s in o.subjects()]
    levels = [lv for s in subjects for lv in s.levels]
    routes = [r for lv in levels for r in lv.routes]
    assert (len(subjects), len(levels), len(routes)) == (13, 42, 145)
    assert not [leaf for r in routes for leaf in leaves(r.conditions) if leaf.kind == "unparsed"]
    assert report.unparsed == [] and report.warnings == []
    assert len(report.decisions) == 6


def test_subjects_and_levels_as_printed() -> None:
    book = load_rulebook()
    titles = {s.title: [lv.label for lv in s.levels] for s in book.subjects()}
    assert titles["电子商务师"] == ["四级/中级", "三级/高级"]
    assert titles["电子商务师 · 网商"] == ["五级/初级", "四级/中级", "三级/高级"]
    assert titles["保育员"] == ["五级/初级", "四级/中级", "三级/高级"]  # 保/育员 joined
    assert titles["企业人力资源管理师"] == ["四级/中级", "三级/高级", "二级/技师", "一级/高级技师"]
    assert "保健按摩师 · 反射治疗师" in titles and "保健按摩师 · 足部按摩师" in titles


def test_level_continued_across_a_page_keeps_every_route() -> None:
    book = load_rulebook()
    level = book.find("美容师").level(3)
    assert [r.number for r in level.routes] == [1, 2, 3]
    assert level.routes[0].text.startswith("1、取得本职业四级/中级工职业资格证书")
    assert "<p>" not in level.routes[0].text and "</p>" not in level.routes[0].text
    营养 = book.find("公共营养师").level(3)
    assert [r.number for r in 营养.routes] == [1, 2, 3, 4, 5, 6]


def test_codes_and_notes_split_across_pages() -> None:
    book = load_rulebook()
    assert book.find("4-10-04-02", "脊柱按摩师").occupation.name == "保健按摩师"
    assert book.find("保健按摩师").occupation.code == "4-10-04-02"
    hr = book.find("企业人力资源管理师").occupation
    assert [n[0] for n in hr.notes] == ["①", "②", "③"]
    assert hr.notes[1].endswith("劳动经济、劳动关系等。")
    ldgx = book.find("劳动关系协调员").occupation
    assert "劳动保障协理员" in ldgx.notes[2]


def test_unreviewed_placement_is_reported() -> None:
    _, report = import_texts([(str(SOURCE), SOURCE.read_text(encoding="utf-8"))], Overrides())
    assert len(report.warnings) == 6
    assert any("网商" in w and "no reviewed placement" in w for w in report.warnings)


def test_reading_override_marks_the_route_for_review() -> None:
    route = load_rulebook().find("劳动关系协调员").level(3).route(4)
    # The note a counsellor reads (the reading's `note`), not the developers' reason.
    assert route.review and "请核对考生所持证书的职业和等级" in route.review
    assert "Read literally" not in route.review


HEADER = "职业技能等级证书报考条件\n\n职业编码\t职业\t工种\t职业等级\t报考条件\t价格\t备注\n"


def test_numbering_that_continues_nothing_names_the_line() -> None:
    text = (
        HEADER
        + "4-10-03-01\t美容师\t\t五级/初级\t1、累计从事本职业工作1年（含）以上\n\t\t\t\t3、本职业学徒期满\n"
    )
    with pytest.raises(LayoutError, match="line 5"):
        read_table(text)


def test_piece_without_label_that_nothing_continues_names_the_line() -> None:
    text = (
        HEADER
        + "4-10-03-01\t美容师\t\t五级/初级\t1、累计从事本职业工作1年（含）以上\n\t\t\t\t1、本职业学徒期满\n"
    )
    with pytest.raises(LayoutError, match=r"line 5.*no level label"):
        read_table(text)
