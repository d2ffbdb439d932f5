"""Misprints and injected noise the importer reads past, always with a note for review."""

from __future__ import annotations

from baokao.importer import import_texts
from baokao.importer.grammar import read_route
from baokao.importer.overrides import Overrides
from baokao.model.conditions import (
    Certificate,
    Education,
    MissingText,
    Training,
    Unparsed,
    leaves,
)


def test_a_known_misprint_is_read_as_its_word_and_noted() -> None:
    read = read_route("取得本职业初级职业资格征书后,连续从事本职业工作3年以上")
    (cert,) = read.conditions
    assert isinstance(cert, Certificate) and cert.level == 5 and cert.after is not None
    assert cert.after.years == 3
    (note,) = read.notes
    assert "资格征书" in note and "资格证书" in note


def test_ocr_misprints_of_the_corpus() -> None:
    (cert,) = read_route("取得本职业高级职讪资格证书后,连续从事本职业工作5年以上").conditions
    assert isinstance(cert, Certificate) and cert.level == 3
    (edu,) = read_route(
        "取得经劳动保障行政部门审核认定的、以终极技能为培养目标的中等以上职业学校本职业(专业)毕业证书"
    ).conditions
    assert isinstance(edu, Education) and edu.skill_goal == "intermediate"
    read = read_route("取的技工学校本专业毕业证书")
    assert isinstance(read.conditions[0], Education) and "取的" in read.notes[0]


def test_de_is_read_as_de_only_where_it_opens_a_phrase() -> None:
    read = read_route("取得本职业五级/初级工职业资格证书后,累计从事本职业工作4年(含)以上")
    assert read.notes == ()


def test_noise_inside_a_phrase_is_read_past_only_when_the_phrase_then_reads() -> None:
    read = read_route("经心理咨询师三级正规培训达规定标准学时数,并取得结来自业证书")
    (training,) = read.conditions
    assert isinstance(training, Training) and training.credential == "结业证书"
    (note,) = read.notes
    assert "来自" in note
    trailing = read_route("经心理咨询师二级正规培训达规定标准学时数,并取得结业证书被白剂")
    assert isinstance(trailing.conditions[0], Training) and "被白剂" in trailing.notes[0]


def test_noise_holding_a_word_of_meaning_is_never_skipped() -> None:
    # 或 inside the run could be an alternative: the fragment stays unparsed, no note.
    read = read_route("连续从事本职业工居情医促称或客待长作满3年")
    assert any(isinstance(leaf, Unparsed) for leaf in leaves(read.conditions))
    assert read.notes == ()


def test_unknown_text_without_noise_stays_unparsed_and_unnoted() -> None:
    read = read_route("能够管理一般复杂项目")
    assert read.conditions == (Unparsed(text="能够管理一般复杂项目"),)
    assert read.notes == ()


SECTION = """职业名称：测试员
五级/初级工
具备以下条件之一者，可申报五级/初级工：
（1）累计从事本职业工作1年（含）以上。
（2）取得本职业初级职业资格征书后，连续从事本职业工作1年以上。
（3）取得本职
"""


def test_a_route_notes_its_misprint_and_a_cut_route_says_the_text_is_missing() -> None:
    (occupation,), report = import_texts([("测试员.txt", SECTION)], Overrides())
    (level,) = occupation.levels
    one, two, three = level.routes
    assert one.review is None
    assert two.review is not None and "资格征书" in two.review
    assert three.conditions == (MissingText(case="cut_off", text="取得本职"),)
    assert report.unparsed == []
    assert report.missing == [
        "测试员 五级/初级 route 3 (测试员.txt:6): 原文在“取得本职”处截断，后文缺失"
    ]
    assert report.files[0].incomplete is not None
    listed = [line for line in report.lines() if "资格征书" in line]
    assert listed == [
        "  需人工核实：测试员 五级/初级 route 2 (测试员.txt:5): "
        "按常见错字读：“资格征书”读作“资格证书”（征/证 同音）"
    ]


def test_noise_inside_the_occupations_name_in_a_training_title_is_taken_out() -> None:
    read = read_route(
        "经心理木紧常咨询师二级正规培训达规定标准学时数,并取得结业证书者",
        occupation="心理咨询师_旧版",
    )
    (training,) = read.conditions
    assert isinstance(training, Training) and training.level == 2
    assert training.title == "心理咨询师二级"
    assert read.notes and "木紧常" in read.notes[0]
    clean = read_route(
        "经心理咨询师二级正规培训达规定标准学时数,并取得结业证书", occupation="心理咨询师"
    )
    assert clean.notes == ()


def test_noise_with_huo_inside_a_named_work_stays_unparsed() -> None:
    # Without 居情 the run still holds 或: no name of work is read out of it.
    read = read_route("连续从事心理咨询工居情医促称或客待长作满3年", occupation="心理咨询师")
    (leaf,) = read.conditions
    assert isinstance(leaf, Unparsed) and read.notes == ()


def test_a_copy_that_shortens_the_certificate_and_renames_the_training_certificate() -> None:
    read = read_route(
        "取得本职业初级职业书后,并且连续从事本职业工作2年以上,"
        "经本职业中级正规培训达规定标准学时数,且取得学业证书"
    )
    cert, training = read.conditions
    assert isinstance(cert, Certificate) and cert.level == 5 and cert.after is not None
    assert isinstance(training, Training) and training.credential == "结业证书"
    assert len(read.notes) == 2 and "职业书" in read.notes[0] and "学业证书" in read.notes[1]
    # 职业书 is read so only after a level word, 学业证书 only where a training ends.
    assert read_route("取得学业证书").notes == ()


def test_a_link_text_in_lenticular_brackets_inside_a_sentence_is_read_past() -> None:
    read = read_route(
        "經四級公共營養師正規培訓達規定標準學時數,并【二級營養師證書領取】取得結業證書。"
    )
    (training,) = read.conditions
    assert isinstance(training, Training) and training.credential == "结业证书"
    assert training.level == 4
