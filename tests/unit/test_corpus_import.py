"""Every real 申报条件 text imports, and bad input ends in one clear line with exit 2.

The corpus is the project's copy of ``shared/corpus/standards`` (37 texts copied from
public pages, damage kept; ``tests/fixtures/corpus-shared``) plus the texts this project
added under ``tests/fixtures/corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from baokao.cli import main
from baokao.importer import import_texts, is_table, read_source
from baokao.importer.overrides import Overrides

ROOT = Path(__file__).parents[2]
SHARED = ROOT / "tests" / "fixtures" / "corpus-shared"
OWN = ROOT / "tests" / "fixtures" / "corpus"
CORPUS = sorted([*SHARED.glob("*.txt"), *OWN.glob("*.txt")])


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) >= 36


def test_the_copy_of_the_shared_corpus_matches_it() -> None:
    """The project keeps its own copy of ``shared/corpus/standards`` (so that a clone
    anywhere runs every corpus test); beside the shared folder, the copy must match it."""
    shared = ROOT.parent / "shared" / "corpus" / "standards"
    if shared.is_dir():
        theirs = {p.name: p.read_bytes() for p in shared.iterdir() if p.is_file()}
        ours = {p.name: p.read_bytes() for p in SHARED.iterdir() if p.is_file()}
        assert ours == theirs


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_every_corpus_file_imports(path: Path) -> None:
    occupations, report = import_texts([(str(path), read_source(path))], Overrides())
    assert occupations
    assert all(s.levels for o in occupations for s in o.subjects())
    (review,) = report.files
    assert review.lines(report.unparsed)[0].startswith(f"== {path.name}：")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件是空的"),
        (b"  \n\n", "文件是空的"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "是二进制文件，不是文本"),
        ("申报条件\n本职业的人员都可以申报。\n".encode(), "没有找到等级标题"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    source = tmp_path / "某职业.txt"
    source.write_bytes(content)
    code, out, err = _run(capsys, "import", "--out", str(tmp_path / "out"), str(source))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err and str(source) in err
    assert "Traceback" not in err + out


def test_gbk_text_is_decoded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "——四级/中级工（具备以下条件之一者）\n（1）累计从事本职业工作6年（含）以上。\n"
    for encoding in ("gbk", "gb18030"):
        source = tmp_path / f"测试员_{encoding}.txt"
        source.write_bytes(text.encode(encoding))
        code, out, _ = _run(capsys, "import", "--out", str(tmp_path / "out"), str(source))
        assert code == 0
        assert f"== {source.name}：测试员_{encoding}：等级 1 个，途径 1 条" in out
        written = (tmp_path / "out" / f"测试员_{encoding}.yaml").read_text(encoding="utf-8")
        assert "累计从事本职业工作6年（含）以上" in written


def test_big5_text_is_decoded_not_read_as_gb18030(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GB18030 decodes these bytes too, into other characters: the decoding that reads as a
    # 申报条件 text wins.
    text = "中級(具備以下條件之一者)\n(1)取得本職業初級職業資格證書後,連續從事本職業工作3年以上。\n"
    source = tmp_path / "測試員.txt"
    source.write_bytes(text.encode("big5"))
    code, out, _ = _run(capsys, "import", "--out", str(tmp_path / "out"), str(source))
    assert code == 0
    assert f"== {source.name}：測試員：等级 1 个，途径 1 条" in out
    written = (tmp_path / "out" / "測試員.yaml").read_text(encoding="utf-8")
    assert "連續從事本職業工作3年以上" in written


def test_review_report_names_levels_flags_and_unparsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = SHARED / "未知职业_iaiso.txt"
    code, out, _ = _run(capsys, "import", "--out", str(tmp_path), str(source))
    assert code == 0
    assert "== 未知职业_iaiso.txt：未知职业_iaiso：等级 5 个，途径 9 条" in out
    assert "  四级/中级（第8行）：途径 2 条" in out
    assert "需人工核实 第12行：四级/中级：第3项接在第1项之后，缺第2项" in out


def test_review_report_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = SHARED / "未知职业_iaiso.txt"
    try:
        code, out, _ = _run(capsys, "--lang", "en", "import", "--out", str(tmp_path), str(source))
    finally:
        from baokao.i18n import set_lang

        set_lang("zh")
    assert code == 0
    assert "== 未知职业_iaiso.txt: 未知职业_iaiso: levels 5, routes 9" in out
    assert "  check by hand, line 12: 四级/中级: item 3 follows item 1: 2 missing" in out


def test_a_flag_raised_for_several_routes_of_one_line_is_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "无编号.txt"
    source.write_text(
        "五级/初级(具备以下条件之一者)\n累计从事本职业工作1年以上。本职业学徒期满。\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "import", "--out", str(tmp_path / "out"), str(source))
    assert code == 0
    flag = "需人工核实 第2行：五级/初级：条目没有编号，按每行或每句一条读"
    assert out.count(flag) == 1, out


def test_a_page_naming_the_table_s_title_in_a_sentence_is_read_as_a_standard() -> None:
    """``公共营养师职业技能等级证书报考条件:`` above a section is not the enrolment table."""
    text = (
        "公共营养师职业技能等级证书报考条件:\n1.具备以下条件之一者,可申报五级/初级工:\n"
        "(1)年满16周岁,拟从事本职业或相关职业工作。\n"
    )
    assert not is_table(text)
    assert is_table("职业技能等级证书报考条件\n\n职业编码\t职业\t工种\n")
    occupations, _ = import_texts([("公共营养师.txt", text)], Overrides())
    assert [lv.number for lv in occupations[0].subjects()[0].levels] == [5]
