"""The 申报条件 reader for national occupational skill standards (importer/standard.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from baokao.importer.grammar import parse_conditions
from baokao.importer.raw import RawSubject
from baokao.importer.standard import Section, StandardLayoutError, read_section, read_standard
from baokao.model.conditions import leaves
from baokao.model.levels import LEVEL_LABELS

FIXTURES = Path(__file__).parent.parent / "fixtures" / "standards"
ALL_LABELS = [LEVEL_LABELS[n] for n in (5, 4, 3, 2, 1)]

VOCATIONAL_ROUTE = (
    "取得技工学校本专业或相关专业毕业证书（含尚未取得毕业证书的在校应届毕业生）；"
    "或取得经评估论证、以中级技能为培养目标的中等及以上职业学校本专业或相关专业毕业证书"
    "（含尚未取得毕业证书的在校应届毕业生）。"
)
ADVANCED_DIPLOMA = (
    "2、取得本职业{s}四级/中级工职业资格证书（技能等级证书），并具有高级技工学校、技师学院"
    "毕业证书（含尚未取得毕业证书的在校应届毕业生）；或取得本职业{s}四级/中级工职业资格证书"
    "（技能等级证书），并具有经评估论证、以高级技能为培养目标的高等职业学校本专业或相关专业"
    "毕业证书（含尚未取得毕业证书的在校应届毕业生）。"
)


def _read(name: str) -> RawSubject:
    return read_standard((FIXTURES / name).read_text(encoding="utf-8"))


def _routes(subject: RawSubject, label: str) -> list[str]:
    level = next(lv for lv in subject.levels if lv.label == label)
    assert [r.number for r in level.routes] == list(range(1, len(level.routes) + 1))
    return [r.text for r in level.routes]


def _error(text: str, **kwargs: str) -> str:
    with pytest.raises(StandardLayoutError) as info:
        read_standard(text, **kwargs)
    return str(info.value)


# --- 美容师: "——X（具备以下条件之一者）" headings, （1） items, ①②③ notes --------------


def test_meirongshi_subject_and_levels() -> None:
    subject = _read("meirongshi.txt")
    assert (subject.name, subject.code, subject.work_type) == ("美容师", "4-10-03-01", None)
    assert [lv.label for lv in subject.levels] == ALL_LABELS
    assert [lv.line for lv in subject.levels] == [20, 23, 30, 39, 45]
    assert subject.line == 20
    assert all(lv.page == 0 for lv in subject.levels)
    assert [len(lv.routes) for lv in subject.levels] == [2, 3, 3, 2, 1]


def test_meirongshi_route_texts_join_wraps_and_drop_footnote_marks() -> None:
    subject = _read("meirongshi.txt")
    assert _routes(subject, "五级/初级") == [
        "1、累计从事本职业或相关职业工作1年（含）以上。",
        "2、本职业或相关职业学徒期满。",
    ]
    intermediate = _routes(subject, "四级/中级")
    assert intermediate[0] == (
        "1、取得本职业或相关职业五级/初级工职业资格证书（技能等级证书）后，"
        "累计从事本职业或相关职业工作4年（含）以上。"
    )
    assert intermediate[2] == "3、" + VOCATIONAL_ROUTE
    assert _routes(subject, "三级/高级")[1] == ADVANCED_DIPLOMA.format(s="或相关职业")
    assert _routes(subject, "一级/高级技师") == [
        "1、取得本职业或相关职业二级/技师职业资格证书（技能等级证书）后，"
        "累计从事本职业或相关职业工作4年（含）以上。"
    ]


def test_meirongshi_notes_and_surrounding_sections_ignored() -> None:
    subject = _read("meirongshi.txt")
    assert subject.notes == [
        "相关职业：美发师、美甲师、美体师、化妆师、形象设计师等，下同。",
        "本专业：美容美体艺术、美容美体、人物形象设计、化妆品技术、美容美体护理等专业。",
        "相关专业：医学美容技术、中医养生保健、化妆品经营与管理、皮肤医学等专业。",
    ]
    texts = [r.text for lv in subject.levels for r in lv.routes]
    assert not any("培训" in t or "考核" in t or "理论知识" in t for t in texts)


# --- 美发师: "具备以下条件之一者，可申报X：" headings, 1、 items, split pieces, 注 ----------


def test_meifashi_subject_and_levels() -> None:
    subject = _read("meifashi.txt")
    assert (subject.name, subject.code) == ("美发师", "4-10-03-02")
    assert [lv.label for lv in subject.levels] == ALL_LABELS
    assert [lv.line for lv in subject.levels] == [6, 9, 15, 20, 23]
    assert _routes(subject, "五级/初级") == [
        "1、累计从事本职业工作1年（含）以上。",
        "2、本职业学徒期满。",
    ]


def test_meifashi_split_pieces_form_one_route() -> None:
    subject = _read("meifashi.txt")
    intermediate = _routes(subject, "四级/中级")
    assert len(intermediate) == 3
    # (3-1) ended in "。": replaced by "；", the (3-2) 或 piece follows.
    assert intermediate[2] == "3、" + VOCATIONAL_ROUTE
    # (2-1) already ended in "；": not doubled.
    advanced = _routes(subject, "三级/高级")
    assert advanced[1] == ADVANCED_DIPLOMA.format(s="")
    assert advanced[2].startswith("3、具有大专及以上学历本专业或相关专业毕业证书")


def test_meifashi_unnumbered_single_condition_is_route_1() -> None:
    subject = _read("meifashi.txt")
    assert _routes(subject, "一级/高级技师") == [
        "1、取得本职业二级/技师职业资格证书（技能等级证书）后，累计从事本职业工作4年（含）以上。"
    ]


def test_meifashi_numbered_notes() -> None:
    assert _read("meifashi.txt").notes == [
        "相关职业：美容师、美甲师、化妆师、形象设计师等。",
        "本专业：美发与形象设计、人物形象设计。",
        "相关专业：美容美体艺术、化妆品技术、服装与服饰设计、戏剧影视化妆造型等专业。",
    ]


# --- 育婴员: messy copy (reversed level words, full-width digits, spaces, page lines) ----


def test_messy_name_from_title_and_no_code() -> None:
    subject = _read("yuyingyuan.txt")
    assert (subject.name, subject.code) == ("育婴员", None)
    assert [lv.label for lv in subject.levels] == ALL_LABELS[:3]
    assert [lv.line for lv in subject.levels] == [4, 7, 16]


def test_messy_routes_are_normalised() -> None:
    subject = _read("yuyingyuan.txt")
    assert _routes(subject, "五级/初级") == [
        "1、累计从事本职业或相关职业工作1年（含）以上。",
        "2、本职业或相关职业学徒期满。",
    ]
    assert _routes(subject, "四级/中级") == [
        "1、取得本职业或相关职业五级/初级工职业资格证书（技能等级证书）后，"
        "累计从事本职业或相关职业工作4年（含）以上。",
        "2、累计从事本职业或相关职业工作6年（含）以上。",
        # The page footer and running title between (2) and (3) are skipped.
        "3、" + VOCATIONAL_ROUTE,
    ]
    advanced = _routes(subject, "三级/高级")
    # A lone page number between (1) and (2) is not glued onto route 1.
    assert advanced[0] == (
        "1、取得本职业或相关职业四级/中级工职业资格证书（技能等级证书）后，"
        "累计从事本职业或相关职业工作5年（含）以上。"
    )
    assert advanced[1] == ADVANCED_DIPLOMA.format(s="或相关职业")
    assert advanced[2].endswith("累计从事本职业或相关职业工作2年（含）以上。")


def test_messy_sentence_notes_with_half_width_colon() -> None:
    assert _read("yuyingyuan.txt").notes == [
        "相关职业指保育员、家政服务员、健康照护师、婴幼儿发展引导员等。",
        "本专业指早期教育、学前教育专业。",
        "相关专业指护理、幼儿保育、家政服务与管理、婴幼儿托育服务与管理等专业。",
    ]


# --- the grammar reads every route of the fixtures ----------------------------------------


@pytest.mark.parametrize("fixture", ["meirongshi.txt", "meifashi.txt", "yuyingyuan.txt"])
def test_every_route_parses_without_unparsed(fixture: str) -> None:
    subject = _read(fixture)
    for level in subject.levels:
        for route in level.routes:
            conditions = parse_conditions(route.text)
            kinds = [leaf.kind for leaf in leaves(conditions)]
            assert kinds, route.text
            assert "unparsed" not in kinds, (level.label, route.text)


def test_split_route_parses_as_two_alternatives() -> None:
    route = _routes(_read("meifashi.txt"), "四级/中级")[2]
    (condition,) = parse_conditions(route)
    assert condition.kind == "any"
    assert [leaf.kind for leaf in leaves([condition])] == ["education", "education"]


# --- heading and item forms ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        ("——四级/中级工（具备以下条件之一者）", "四级/中级"),
        ("具备以下条件之一者，可申报四级/中级工：", "四级/中级"),
        ("中级/四级 ( 具备以下条件之一者 )", "四级/中级"),
        ("——五级/初级工（具备以下条件之一者）", "五级/初级"),
        ("——二级/技师（具备以下条件之一者）", "二级/技师"),
        ("——一级/高级技师（具备以下条件之一者）", "一级/高级技师"),
        ("高级技师/一级（具备以下条件之一者）", "一级/高级技师"),
        ("—— 三级 / 高级工 （具备以下条件之一者）", "三级/高级"),
        ("——具备以下条件之一者，可申报二级/技师:", "二级/技师"),
        ("——初级（具备以下条件之一者）", "五级/初级"),
        ("初级化妆师:(满足下列条件之一者即可报名)", "五级/初级"),
    ],
)
def test_heading_forms(heading: str, label: str) -> None:
    subject = read_standard(f"{heading}\n（1）本职业学徒期满。", name="测试员")
    assert [lv.label for lv in subject.levels] == [label]
    assert subject.levels[0].line == 1


@pytest.mark.parametrize(
    "item",
    [
        "（1）",
        "(1)",
        "1、",
        "（１）",
        "( 1 )",
        "１、",
        " （ 1 ） ",
        "1 、",
        "（一）",
        "(一)",
        "一)",
    ],
)
def test_item_number_forms(item: str) -> None:
    text = f"——四级/中级工（具备以下条件之一者）\n{item}累计从事本职业工作 6 年（含）以上。"
    subject = read_standard(text, name="测试员")
    assert subject.levels[0].routes[0].number == 1
    assert subject.levels[0].routes[0].text == "1、累计从事本职业工作6年（含）以上。"


def test_full_width_split_pieces_and_heading_text_on_same_line() -> None:
    text = (
        "具备以下条件之一者，可申报四级/中级工：（1）累计从事本职业工作6年（含）以上。\n"
        "（2－1）取得技工学校本专业毕业证书\n"
        "（2－2）或取得中等职业学校本专业毕业证书。\n"
    )
    routes = read_standard(text, name="测试员").levels[0].routes
    assert [r.text for r in routes] == [
        "1、累计从事本职业工作6年（含）以上。",
        "2、取得技工学校本专业毕业证书；或取得中等职业学校本专业毕业证书。",
    ]


def test_ascii_words_keep_their_space_across_a_wrap() -> None:
    text = "——四级/中级工（具备以下条件之一者）\n（1）取得 ISO\n9001 内审员证书。"
    routes = read_standard(text, name="测试员").levels[0].routes
    assert routes[0].text == "1、取得ISO 9001内审员证书。"


def test_explicit_name_code_and_work_type_win() -> None:
    subject = read_standard(
        (FIXTURES / "meirongshi.txt").read_text(encoding="utf-8"),
        name="美容师",
        code="4-10-03-01",
        work_type="美甲",
    )
    assert subject.title == "美容师 / 美甲"
    assert subject.code == "4-10-03-01"


def test_name_after_numbered_label_line() -> None:
    text = (
        "1.1 职业名称\n\n 保育师 \n1.2 职业编码\n4-10-01-03\n"
        "——五级/初级工（具备以下条件之一者）\n（1）本职业学徒期满。"
    )
    subject = read_standard(text)
    assert (subject.name, subject.code) == ("保育师", "4-10-01-03")


# --- anomalies are review flags with their line, never refusals ---------------------------

_HEAD = "——四级/中级工（具备以下条件之一者）\n"


def _flags(text: str) -> tuple[list[tuple[int, str]], Section]:
    section = read_section(text, name="x")
    return [(f.line, f.message) for f in section.flags], section


def _texts(section: Section) -> list[tuple[str, list[str]]]:
    return [(lv.label, [r.text for r in lv.routes]) for lv in section.subjects[0].levels]


def test_gap_in_numbering_is_kept_and_flagged() -> None:
    flags, section = _flags(_HEAD + "（1）本职业学徒期满。\n（3）累计从事本职业工作6年（含）以上。")
    assert flags == [(3, "四级/中级：第3项接在第1项之后，缺第2项")]
    (route_1, route_3) = section.subjects[0].levels[0].routes
    assert (route_1.number, route_3.number) == (1, 3)
    assert route_3.review == ["第3项接在第1项之后，缺第2项"] and route_1.review == []


def test_numbering_not_starting_at_1() -> None:
    flags, _ = _flags(_HEAD + "（2）本职业学徒期满。")
    assert flags == [(2, "四级/中级：第2项接在第0项之后，缺第1项")]


def test_repeated_number_is_read_as_the_next() -> None:
    flags, section = _flags(_HEAD + "（1）本职业学徒期满。\n（1）累计从事本职业工作6年（含）以上。")
    assert flags == [(3, "四级/中级：编号1重复，按第2项读")]
    assert _texts(section)[0][1][1] == "2、累计从事本职业工作6年（含）以上。"


def test_level_without_routes_is_kept_and_flagged() -> None:
    flags, section = _flags(_HEAD + "——三级/高级工（具备以下条件之一者）\n（1）本职业学徒期满。")
    assert flags == [(1, "四级/中级：标题下没有条件")]
    assert _texts(section) == [("四级/中级", []), ("三级/高级", ["1、本职业学徒期满。"])]


def test_level_twice_adds_its_items() -> None:
    again = "具备以下条件之一者，可申报四级/中级工："
    flags, section = _flags(_HEAD + f"（1）本职业学徒期满。\n{again}\n（1）本职业学徒期满。")
    assert flags == [(3, "四级/中级再次出现，其条目并入该级")]
    assert [r.number for r in section.subjects[0].levels[0].routes] == [1, 2]


def test_conflicting_level_words() -> None:
    flags, section = _flags("——四级/高级工（具备以下条件之一者）\n（1）本职业学徒期满。")
    assert flags == [(1, "四级/中级：等级用词四级与高级不一致，按四级读")]
    assert section.subjects[0].levels[0].routes[0].review


def test_second_piece_without_huo() -> None:
    text = _HEAD + "（1-1）取得技工学校本专业毕业证书。\n（1-2）取得中等职业学校本专业毕业证书。"
    flags, _ = _flags(text)
    assert flags == [(3, "四级/中级：第(1-2)项不以“或”开头，按另一种途径读")]


def test_second_piece_without_first() -> None:
    text = _HEAD + "（1）本职业学徒期满。\n（1-2）或累计从事本职业工作6年（含）以上。"
    assert _flags(text)[0] == [(3, "四级/中级：第(1-2)项前面没有(1-1)")]


def test_first_piece_without_second() -> None:
    text = _HEAD + "（1-1）本职业学徒期满。\n（2）累计从事本职业工作6年（含）以上。"
    assert _flags(text)[0] == [(3, "四级/中级：第(1-1)项没有第二部分")]


def test_item_without_text() -> None:
    flags, section = _flags(_HEAD + "（1）\n（2）本职业学徒期满。")
    assert (2, "四级/中级：有一项没有文字") in flags
    assert _texts(section) == [("四级/中级", ["2、本职业学徒期满。"])]
    assert section.incomplete is None


def test_a_copy_ending_at_a_bare_number_is_cut_inside_that_item() -> None:
    """``(2)`` and nothing after it (a page number at most): item 2 is cut, item 1 whole."""
    text = _HEAD + "（1）本职业学徒期满。\n（2）\n5"
    flags, section = _flags(text)
    assert (3, "四级/中级：有一项没有文字") in flags
    assert section.incomplete == "文本在四级/中级第2项中间中断（原文不完整）"
    first, second = section.subjects[0].levels[0].routes
    assert (first.text, first.cut_off) == ("1、本职业学徒期满。", False)
    assert (second.text, second.cut_off) == ("2、", True)
    alone = read_section(_HEAD + "（1）\n5", name="x")
    assert alone.incomplete == "文本在四级/中级第1项中间中断（原文不完整）"


def test_unnumbered_text_before_item_1_is_reported_not_read() -> None:
    flags, section = _flags(_HEAD + "以下人员可以申报：\n（1）本职业学徒期满。")
    assert flags == [(2, "未作为条件读入的文字：以下人员可以申报：")]
    assert _texts(section) == [("四级/中级", ["1、本职业学徒期满。"])]


def test_restart_without_heading_is_a_level_of_its_own() -> None:
    text = _HEAD + (
        "（1）本职业学徒期满。\n（2）累计从事本职业工作6年（含）以上。\n"
        "（1）本职业学徒期满。\n（2）累计从事本职业工作8年（含）以上。"
    )
    flags, section = _flags(text)
    assert flags == [(4, "三级/高级：没有找到等级标题；因为它在四级/中级之后，按三级/高级读")]
    assert [(label, len(texts)) for label, texts in _texts(section)] == [
        ("四级/中级", 2),
        ("三级/高级", 2),
    ]


def test_bare_top_level_heading_is_not_glued_onto_the_level_above() -> None:
    text = (
        "具备以下条件之一者，可申报二级/技师：\n（1）取得本职业三级/高级工职业资格证书后，累计从事本职业工作4年（含）以上。\n"
        "（2）累计从事本职业工作10年（含）以上。\n一级/高级技师\n"
        "（1）取得本职业二级/技师职业资格证书后，累计从事本职业工作4年（含）以上。"
    )
    _, section = _flags(text)
    assert [(label, len(texts)) for label, texts in _texts(section)] == [
        ("二级/技师", 2),
        ("一级/高级技师", 1),
    ]


def test_cut_off_text_is_incomplete() -> None:
    _, section = _flags(_HEAD + "（1）本职业学徒期满。\n（2）取得本职业五级/初级工职业资")
    assert section.incomplete == "文本在四级/中级第2项中间中断（原文不完整）"
    assert section.subjects[0].levels[0].routes[1].review
    whole = read_section(_HEAD + "（1）本职业学徒期满。", name="x")
    assert whole.incomplete is None


def test_no_heading() -> None:
    message = _error("2.8 申报条件\n（1）本职业学徒期满。", name="x")
    assert message.startswith("第2行：没有找到等级标题")


def test_no_name() -> None:
    message = _error(_HEAD + "（1）本职业学徒期满。")
    assert message.startswith("第1行：文本中没有职业名称")


def test_sentence_in_text_is_not_taken_for_a_title() -> None:
    text = "本标准依据美容师国家职业技能标准编写。\n" + _HEAD + "（1）本职业学徒期满。"
    assert _error(text).startswith("第2行：文本中没有职业名称")


def test_section_after_last_level_ends_reading() -> None:
    text = _HEAD + "（1）本职业学徒期满。\n2.9 考核方式\n（2）理论知识考试。\n3 基本要求\n"
    subject = read_standard(text, name="x")
    assert [r.text for r in subject.levels[0].routes] == ["1、本职业学徒期满。"]
    assert subject.notes == []


def test_a_note_before_the_first_level_is_kept() -> None:
    text = "注：目前开考等级：三级。\n" + _HEAD + "（1）本职业学徒期满。\n注：相关职业：美发师。"
    assert read_section(text, name="x").subjects[0].notes == [
        "目前开考等级：三级。",
        "相关职业：美发师。",
    ]


def test_a_footnote_mark_printed_twice_is_not_an_item() -> None:
    """PDF copies print a footnote mark as itself and its digit: ``相关职业 ①1工作``."""
    text = _HEAD + (
        "（1）累计从事本职业或相关职业 ①1工作 4 年（含）以上。\n"
        "（2）取得技工学校本专业或相关专业 ②2毕业证书。\n"
        "①1 相关职业是指企业管理等职业，下同。\n②2 相关专业是指工商企业管理等，下同。"
    )
    flags, section = _flags(text)
    assert _texts(section) == [
        (
            "四级/中级",
            [
                "1、累计从事本职业或相关职业工作4年（含）以上。",
                "2、取得技工学校本专业或相关专业毕业证书。",
            ],
        )
    ]
    assert not [f for f in flags if "没有找到等级标题" in f[1]]  # the notes are no level
    assert section.subjects[0].notes == [
        "相关职业是指企业管理等职业，下同。",
        "相关专业是指工商企业管理等，下同。",
    ]
    assert section.incomplete is None


def test_a_copy_cut_inside_the_note_after_the_items_is_incomplete() -> None:
    text = _HEAD + "（1）本职业学徒期满。\n注：相关职业是指企业管理、行政管"
    assert read_section(text, name="x").incomplete == "文本在四级/中级的条目之后中断（原文不完整）"


def test_declared_titles_are_the_levels_and_the_occupation_name_is_not() -> None:
    """The 职业等级 line runs its titles into the sentence (…三个等级程序员(国家职业资格
    四级)…), and the occupation's name 计算机程序设计员 stands alone on lines above."""
    text = (
        "计算机程序设计员\n职业名称\n计算机程序设计员\n职业等级\n"
        "本职业共分三个等级程序员(国家职业资格四级)高级程序员(国家职业资格三级)。\n"
        "----程序员(具备以下条件之一者)\n(1)连续从事本职业工作2年以上。\n"
        "----高级程序员(具备以下条件之一者)\n(1)连续从事本职业工作5年以上。\n"
    )
    section = read_section(text, name="计算机程序设计员")
    assert _texts(section) == [
        ("四级/中级", ["1、连续从事本职业工作2年以上。"]),
        ("三级/高级", ["1、连续从事本职业工作5年以上。"]),
    ]
    assert not [f for f in section.flags if f.review]


def test_chinese_numeral_items_keep_their_numbers_out_of_the_text() -> None:
    text = (
        _HEAD
        + "（一）本职业学徒期满。\n二）累计从事本职业工作6年以上。\n（十）累计从事本职业工作8年以上。"
    )
    flags, section = _flags(text)
    assert _texts(section) == [
        (
            "四级/中级",
            [
                "1、本职业学徒期满。",
                "2、累计从事本职业工作6年以上。",
                "10、累计从事本职业工作8年以上。",
            ],
        )
    ]
    assert flags == [(4, "四级/中级：第10项接在第2项之后，缺第3、4、5、6、7、8、9项")]


def test_bulleted_lines_are_unnumbered_items_without_their_bullets() -> None:
    text = (
        "四级\n- 累计从事本职业工作满5年。\n- 本职业学徒期满。\n三级\n• 累计从事本职业工作满10年。"
    )
    _, section = _flags(text)
    assert _texts(section) == [
        ("四级/中级", ["1、累计从事本职业工作满5年。", "2、本职业学徒期满。"]),
        ("三级/高级", ["1、累计从事本职业工作满10年。"]),
    ]


def test_a_copy_cut_inside_a_sentence_after_the_last_item_is_incomplete() -> None:
    """The sentence after the items may hold one more way to apply (经审核批准…)."""
    text = _HEAD + "（1）本职业学徒期满。\n对于长期从事本职业者，经审核批"
    section = read_section(text, name="x")
    assert section.incomplete == "文本在四级/中级的条目之后中断（原文不完整）"
    closing = read_section(_HEAD + "（1）本职业学徒期满。\n具备以上条件之一者，均可申报", name="x")
    assert closing.incomplete is None
