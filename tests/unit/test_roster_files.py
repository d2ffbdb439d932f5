"""Rosters as schools keep them: real GBK, Excel-UTF-8 and XLSX files in, results files out.

Every test writes a real file the way the clerk's software does, runs ``baokao check``
through the real entry point, and reads the results file back.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from baokao.cli import main
from baokao.evaluator.when import after
from baokao.roster.columns import template_headers
from baokao.roster.output import read_results

HEADERS = [
    *("学号", "姓名", "身份证号", "职业", "申报等级", "本职业累计年限"),
    *("证书等级", "证书职业", "取得证书后年限", "学历"),
]
ROWS = [
    ["s1", "张三", "110101200001011234", "美容师", "四级", "6", "", "", "", ""],
    ["s2", "李四", "110101200001012345", "美容师", "四级", "5", "五级", "本职业", "4", ""],
    ["s3", "王五", "", "美容师", "四级", "4.5", "无", "", "", "无"],
    ["s4", "赵六", "", "美容师", "四级", "", "", "", "", ""],
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check_results(rows: list[dict[str, str]]) -> None:
    """The four candidates above, as every results file must show them."""
    today = dt.date.today()
    assert [r["学号"] for r in rows] == ["s1", "s2", "s3", "s4"]
    assert [r["结论"] for r in rows] == [
        "符合报考条件",
        "符合报考条件",
        "暂不符合报考条件",
        "尚无法判定（缺少信息）",
    ]
    assert [r["符合的途径"] for r in rows] == ["2", "1", "", ""]
    assert rows[0]["身份证号"] == "110101200001011234"
    assert rows[0]["预计可报考日期"] == today.isoformat()
    # s3: 4.5 years of 6, no certificate: route 2 lacks 1.5 years -> 18 months from today.
    assert rows[2]["最接近的途径"] == "2" and "还差 1 年 6 个月" in rows[2]["差距"]
    assert rows[2]["预计可报考日期"] == after(today, 1.5).isoformat()
    assert rows[3]["差距"].startswith("还需了解：") and rows[3]["预计可报考日期"] == ""


def test_gbk_csv_with_chinese_headers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "班级.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows([HEADERS, *ROWS])
    out_csv = tmp_path / "结果.csv"
    code, out, err = run(capsys, "check", str(path), "--out", str(out_csv))
    assert (code, err) == (0, "")
    assert out.strip() == f"{path}：共 4 行，已核对 4 行，0 行有误，结果见 {out_csv}"
    rows = read_results(out_csv)
    check_results(rows)
    assert rows[0]["姓名"] == "张三"


def test_excel_utf8_bom_crlf_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Excel's "CSV UTF-8": a BOM, CRLF, quotes around a cell holding a line break (Alt+Enter).
    path = tmp_path / "class.csv"
    rows = [[*r] for r in ROWS]
    rows[0][1] = "张三\n(转专业)"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows([HEADERS, *rows])
    assert (
        path.read_bytes().startswith(b"\xef\xbb\xbf\xe5\xad\xa6") and b"\r\n" in path.read_bytes()
    )
    code, out, _ = run(capsys, "check", str(path), "--json")
    results = json.loads(out)
    assert code == 0 and [r["id"] for r in results] == ["s1", "s2", "s3", "s4"]
    assert [r["status"] for r in results] == [
        "qualified",
        "qualified",
        "not_qualified",
        "undetermined",
    ]
    # A bad row after the two-line cell is named by its spreadsheet row, not its line.
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerow(
            ["s5", "钱七", "", "美容师", "四级", "6_0"]
        )
    code, _, err = run(capsys, "check", str(path), "--out", str(tmp_path / "r.xlsx"))
    assert code == 2
    assert err.strip() == (
        f"baokao: {path} row 6, column 本职业累计年限: field profile.years_this: "
        "'6_0' is not a number of years (write 6 or 2.5)"
    )
    results_rows = read_results(tmp_path / "r.xlsx")
    check_results(results_rows[:4])
    assert results_rows[0]["姓名"] == "张三\n(转专业)"
    assert results_rows[4]["结论"] == "输入有误" and "row 6" in results_rows[4]["输入错误"]


def test_template_xlsx_filled_in_with_openpyxl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "名单.xlsx"
    code, out, _ = run(capsys, "template", str(template))
    assert code == 0 and "空白名单" in out
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["名单", "选项", "填写说明"]
    sheet = book["名单"]
    header = [c.value for c in sheet[1]]
    assert header == template_headers()
    # Drop-downs: occupations from the rule book, levels, yes/no, school kinds.
    lists = book["选项"]
    options = {
        header[col - 1]: [lists.cell(r, col).value for r in range(1, lists.max_row + 1)]
        for col in range(1, len(header) + 1)
    }
    assert "美容师" in options["职业"] and "足部按摩师" in options["工种"]
    assert options["申报等级"][:2] == ["五级/初级", "四级/中级"]
    assert options["证书后是否连续"][:2] == ["是", "否"]
    assert "大学专科" in options["学历"]
    assert len(sheet.data_validations.dataValidation) >= 10
    notes = [row[0].value for row in book["填写说明"].iter_rows()]
    assert any("空白单元格表示“不知道”" in (n or "") for n in notes)
    # The clerk fills it in: numbers and TRUE/FALSE as Excel stores them.
    col = {name: i + 1 for i, name in enumerate(header)}
    for r, values in enumerate(ROWS, start=2):
        for name, value in zip(HEADERS, values, strict=True):
            if value:
                cell_value: object = float(value) if name == "本职业累计年限" else value
                sheet.cell(r, col[name], cell_value)
    sheet.cell(3, col["证书后是否连续"], True)
    book.save(template)
    out_xlsx = tmp_path / "结果.xlsx"
    code, out, err = run(capsys, "check", str(template), "--out", str(out_xlsx))
    assert (code, err) == (0, "")
    check_results(read_results(out_xlsx))
    summary = [
        [c for c in row if c is not None]
        for row in openpyxl.load_workbook(out_xlsx)["汇总"].iter_rows(values_only=True)
    ]
    assert ["已核对", 4] in summary and ["输入有误", 0] in summary
    assert ["美容师", "四级/中级", "符合报考条件", 2] in summary


def test_template_csv_is_the_header_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "名单.csv"
    code, _, _ = run(capsys, "template", str(path))
    assert code == 0
    text = path.read_bytes().decode("utf-8-sig")
    assert text == ",".join(template_headers()) + "\r\n"
    code, _, err = run(capsys, "check", str(path))
    assert code == 0 and err == ""


def test_english_headers_and_json_cells_still_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "class.csv"
    path.write_text(
        "id,occupation,level,years_this,certificates,education.school\n"
        's1,美容师,四级,5,"[{""level"": 5, ""occupation"": ""this"", ""years_after"": 4}]",\n'
        "s2,美容师,四级,,,大学专科\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", str(path), "--json")
    rows = json.loads(out)
    assert code == 0 and [(r["id"], r["qualifying_routes"]) for r in rows] == [
        ("s1", [1]),
        ("s2", []),
    ]


def test_a_title_row_above_the_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "班级.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2025级美容班报名表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["学号", "职业", "申报等级", "本职业累计年限"])
    sheet.append(["s1", "美容师", "四级", 6])
    sheet.append(["s2", "美容师", "四级", "六年"])
    book.save(path)
    code, out, err = run(capsys, "check", str(path), "--json")
    assert code == 2 and [r["id"] for r in json.loads(out)] == ["s1"]
    assert err.startswith(f"baokao: {path} row 4, column 本职业累计年限: ")
    empty = tmp_path / "empty.csv"
    empty.write_text("标题\n\n说明\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(empty))
    assert code == 2 and out == "" and "no header row with an occupation column" in err
