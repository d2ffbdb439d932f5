"""Records as a table a school office opens: CSV (UTF-8 with BOM, for Excel) or xlsx.

One row per record with the columns a clerk reads; the answers themselves stay in the
database (they only mean something to baokao). Used by ``baokao records`` and by the
history screen's export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from baokao.records.record import Record

STATUS_LABELS = {
    "unfinished": "未完成",
    "qualified": "符合",
    "not_qualified": "暂不符合",
    "undetermined": "无法判定",
}

HEADER = (
    "日期",
    "更新时间",
    "姓名",
    "身份证号",
    "职业编码",
    "职业",
    "工种",
    "等级",
    "状态",
    "结论",
    "条目",
    "还差",
    "预计满足日期",
    "规则来源",
    "规则版本",
    "窗口",
    "记录编号",
)


def row_of(r: Record) -> tuple[str, ...]:
    """One record as the export's cells."""
    return (
        r.day.isoformat(),
        r.updated.astimezone().strftime("%Y-%m-%d %H:%M"),
        r.name,
        r.id_number,
        r.code or "",
        r.occupation,
        r.work_type or "",
        r.level_label,
        STATUS_LABELS[r.status],
        r.verdict,
        "" if r.route is None else str(r.route),
        "；".join(r.gaps),
        r.qualify_date.isoformat() if r.qualify_date else "",
        r.rules_source,
        r.rules_hash,
        r.desk,
        r.id,
    )


def to_csv(records: Iterable[Record]) -> str:
    """The records as CSV text (header first)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(row_of(r) for r in records)
    return out.getvalue()


def to_xlsx(records: Iterable[Record]) -> bytes:
    """The records as an xlsx workbook (one sheet, header frozen)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "考生记录"
    sheet.append(HEADER)
    for r in records:
        sheet.append(row_of(r))
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_export(records: list[Record], path: Path, fmt: str) -> None:
    """Write ``records`` to ``path`` as ``csv`` or ``xlsx``.

    Raises:
        OSError: when the file cannot be written.
    """
    if fmt == "xlsx":
        path.write_bytes(to_xlsx(records))
    else:
        path.write_text(to_csv(records), encoding="utf-8-sig")
