"""``baokao template FILE.xlsx|FILE.csv``: an empty roster a school fills in.

The header row is :func:`~baokao.roster.columns.template_headers`, the same table the
reader maps, so every column the template offers is one ``check`` reads. The XLSX adds
drop-down lists (occupations and 工种 from the rule book in use, levels, school kinds,
yes/no and the other list columns, from :data:`~baokao.roster.columns.WORDS`) and a
sheet of instructions in Chinese. The CSV is the header alone, UTF-8 with a BOM, which
Excel opens correctly.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from baokao.i18n import N_, _
from baokao.model.levels import LEVEL_LABELS
from baokao.model.quantities import field_label
from baokao.roster.columns import BOOL_WORDS, LEVEL_FIELDS, NONE_WORDS, WORDS, read_header
from baokao.roster.columns import template_headers as headers
from baokao.roster.xlsx import ROSTER_SHEET
from baokao.rulebook import Rulebook

#: What to write in each column (by the column's kind), for the instruction sheet.
NOTES: dict[str, str] = {
    "id": N_("学号或编号，原样写入结果（可空）"),
    "name": N_("考生姓名（结果中保留，不参与判定）"),
    "id_card": N_("身份证号（结果中保留，不参与判定）"),
    "occupation": N_("报考职业名称或职业编码，如 美容师、4-10-03-01（必填）"),
    "work_type": N_("工种（职业方向），没有则留空"),
    "level": N_("申报等级：五级/初级 … 一级/高级技师，也可写 四级、中级 或 4；留空则核对全部等级"),
    "years_this": N_("累计从事本职业工作年限，数字，如 6 或 2.5"),
    "years_related": N_("累计从事相关职业工作年限（不含本职业）"),
    "years_this_continuous": N_("连续从事本职业工作的最长年限，不超过累计年限"),
    "years_continuous_incl_related": N_("连续从事本职业或相关职业工作的最长年限"),
    "years_trainee_continuous": N_("连续见习工作年限"),
    "apprenticeship": N_("学徒期满：本职业、相关职业 或 无"),
    "preparatory_technician": N_("是否持有本职业或相关职业的预备技师证书：是 / 否"),
    "certificates.level": N_("已取得证书的等级；没有证书写 无。第二本证书用 证书2… 各列"),
    "certificates.occupation": N_("证书所属：本职业 或 相关职业"),
    "certificates.years_after": N_("取得该证书后从事本职业工作的年限"),
    "certificates.years_after_related": N_("取得该证书后从事相关职业工作的年限（默认 0）"),
    "certificates.continuous_after": N_("取得证书后是否连续从事本职业工作：是 / 否"),
    "education.school": N_("学历（学校类别）；没有相关学历写 无"),
    "education.specialty": N_("专业：本专业、相关专业 或 非本专业"),
    "education.fields": N_("专业所属学科门类，如 医学、食品（多个用顿号分隔）"),
    "education.status": N_("已毕业、应届毕业生 或 在读"),
    "education.skill_goal": N_("培养目标：中级技能、高级技能 或 无"),
    "trainings.level": N_("参加本职业正规培训的等级；没有写 无"),
    "trainings.credential": N_("培训取得的证书：结业证书 或 合格证书"),
}

GENERAL = (
    N_("每行一名考生；第 1 行是列名，请勿修改。"),
    N_("空白单元格表示“不知道”，不是“没有”：不知道的事实会让结论变为“尚无法判定”。"),
    N_("确实没有证书、学历或培训时，在该组第一列（证书等级、学历、培训等级）写 无。"),
    N_("多本证书：再填 证书2等级、证书2职业 … 各列（可照此增加 证书3…）。"),
    N_("也可用英文列名（合同字段名，如 occupation、years_this）。"),
    N_("填好后运行：baokao check 名单.xlsx --out 结果.xlsx"),
)


def _choices(kind: str, book: Rulebook) -> list[str]:
    """The drop-down of a column kind, or nothing for free text."""
    if kind == "occupation":
        return list(dict.fromkeys(s.occupation.name for s in book.subjects()))
    if kind == "work_type":
        return list(dict.fromkeys(s.work_type for s in book.subjects() if s.work_type))
    if kind == "level" or kind in LEVEL_FIELDS:
        labels = [LEVEL_LABELS[n] for n in sorted(LEVEL_LABELS, reverse=True)]
        return labels + ([NONE_WORDS[0]] if kind in LEVEL_FIELDS else [])
    if kind in ("preparatory_technician", "certificates.continuous_after"):
        return [BOOL_WORDS[True][0], BOOL_WORDS[False][0]]
    if kind in WORDS:
        options = [words[0] for words in WORDS[kind].values()]
        return options + ([NONE_WORDS[0]] if kind == "education.school" else [])
    return []


def write_template(path: Path, book: Rulebook) -> list[str]:
    """Write an empty roster to ``path`` (``.xlsx`` or ``.csv``); returns its headers.

    Raises:
        ValueError: for another suffix.
    """
    row = headers()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerow(row)
        return row
    if suffix != ".xlsx":
        raise ValueError(f"{path}: a template is a .xlsx or .csv file")
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = ROSTER_SHEET
    sheet.append(row)
    sheet.freeze_panes = "A2"
    lists = workbook.create_sheet(_("选项"))
    notes = workbook.create_sheet(_("填写说明"))
    for index, header in enumerate(row, start=1):
        letter = get_column_letter(index)
        sheet.cell(1, index).font = Font(bold=True)
        sheet.column_dimensions[letter].width = max(10, 2 * len(header) + 2)
        column = read_header(header)
        assert column is not None
        options = _choices(column.kind, book)
        if options:
            for n, option in enumerate(options, start=1):
                lists.cell(n, index, option)
            ref = f"{quote_sheetname(lists.title)}!${letter}$1:${letter}${len(options)}"
            check = DataValidation(type="list", formula1=ref, allow_blank=True)
            check.error = _("请从下拉列表中选择")
            sheet.add_data_validation(check)
            check.add(f"{letter}2:{letter}5000")
    lists.sheet_state = "hidden"
    notes.append([_("填写说明")])
    notes.cell(1, 1).font = Font(bold=True)
    for line in GENERAL:
        notes.append([_(line)])
    notes.append([])
    notes.append([_("列名"), _("填写内容")])
    for header in row:
        column = read_header(header)
        assert column is not None
        note = _(NOTES[column.kind]) if column.kind in NOTES else field_label(column.kind)
        notes.append([header, note])
    notes.column_dimensions["A"].width = 24
    notes.column_dimensions["B"].width = 80
    workbook.save(path)
    return row
