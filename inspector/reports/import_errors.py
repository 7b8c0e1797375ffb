"""The refused rows of a roster import as an Excel table: 行号, 企业名称, 字段, 错误说明.

An inspector fixes the source file from this list, or sends it back to whoever filled it in;
the row numbers are the Excel rows of the imported sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from inspector.core.roster import ImportPreview
from inspector.core.roster.rows import RowError
from inspector.reports.excel import Column, attr, write_table

ERROR_COLUMNS = (
    Column("行号", 6, "int", attr("row")),
    Column("企业名称", 30, "wrap", attr("name")),
    Column("字段", 16, "wrap", attr("field")),
    Column("错误说明", 60, "wrap", attr("message")),
)


def error_lines(preview: ImportPreview) -> list[dict[str, object]]:
    """One line per refused field, in row order: row, the row's 企业名称, field, message."""
    lines: list[dict[str, object]] = []
    for r in sorted(preview.rows, key=lambda r: r.row):
        errors: Sequence[RowError] = r.errors
        for e in errors:
            lines.append({"row": e.row, "name": r.name, "field": e.field, "message": e.message})
    return lines


def error_text(preview: ImportPreview) -> str:
    """The same lines as tab-separated text (pastes into Excel or a message) with a header."""
    head = "\t".join(c.header for c in ERROR_COLUMNS)
    body = [
        "\t".join(
            str(line[k]).replace("\t", " ").replace("\n", " ") for k in ("row", "name", "field", "message")
        )
        for line in error_lines(preview)
    ]
    return "\n".join([head, *body])


def export_import_errors(preview: ImportPreview, output: Path) -> int:
    """Write the refused rows to ``output`` (atomically); returns the number of lines."""
    lines = error_lines(preview)
    return write_table(
        Path(output),
        sheet_title="导入错误",
        title="企业名录导入错误清单",
        info=f"文件：{preview.path.name}；工作表：{preview.sheet}；共 {len(lines)} 处错误",
        columns=ERROR_COLUMNS,
        rows=lines,
        total=len(lines),
    )


__all__ = ["ERROR_COLUMNS", "error_lines", "error_text", "export_import_errors"]
