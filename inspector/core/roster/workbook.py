"""Reading the first visible sheet of a roster: file checks, the header row, merged cells.

Read-only openpyxl streams the rows, so 100,000 rows stay cheap; what it does not report (merged
ranges) is read from the sheet XML.
"""

from __future__ import annotations

import logging
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from inspector.core.enterprises import LABELS
from inspector.core.errors import Cancelled, DomainError
from inspector.core.roster.cells import is_blank
from inspector.core.roster.headers import Header, match_header, normalize_header
from inspector.i18n import QT_TRANSLATE_NOOP, say

log = logging.getLogger(__name__)

# Rosters saved by WPS or older tools make openpyxl warn about features it skips on reading
# (extensions, missing default style); they do not affect the cell values we read.
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.(reader|worksheet|styles)")

Progress = Callable[[int, int], bool]
"""``progress(done, total)``; returning False cancels (nothing is written)."""

HEADER_SEARCH_ROWS = 10
EXCEL_CELL_LIMIT = 32_767  # Excel keeps no more in a cell; a file at the limit was probably cut
PROGRESS_EVERY = 200


class ImportCancelled(Cancelled):
    """The user pressed 取消 while the file was being read."""

    def __init__(self) -> None:
        super().__init__(say(QT_TRANSLATE_NOOP("core", "已取消")))


_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]+[0-9]+(?::[A-Za-z]+[0-9]+)?)\"")


def _merged_ranges(archive: zipfile.ZipFile, member: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges (min_col, min_row, max_col, max_row) of a sheet.

    Read-only openpyxl does not report merges, so the <mergeCells> block, which follows the cell
    data, is found by streaming the sheet XML: cheap even for 100,000 rows.
    """
    tail = b""
    found = b""
    with archive.open(member) as f:
        while chunk := f.read(1 << 20):
            buf = tail + chunk
            at = buf.find(b"mergeCell")
            if at >= 0:
                found = buf[max(0, at - 16) :] + f.read()
                break
            tail = buf[-64:]
    ranges = []
    for m in _MERGE_REF.finditer(found):
        ref = m.group(1).decode().upper()
        ranges.append(range_boundaries(ref if ":" in ref else f"{ref}:{ref}"))
    return [r for r in ranges if None not in r]  # type: ignore[misc]  # the filter drops the Nones mypy cannot see


@dataclass
class SheetRows:
    title: str
    header: Header
    rows: list[tuple[int, tuple[object, ...]]]  # (Excel row number, values) of non-empty rows
    notices: list[str]


def _open_bytes(path: Path) -> BinaryIO:
    try:
        f = path.open("rb")
    except FileNotFoundError:
        raise DomainError(say(QT_TRANSLATE_NOOP("core", "找不到文件：{path}"), path=path)) from None
    except IsADirectoryError:
        raise DomainError(
            say(QT_TRANSLATE_NOOP("core", "这是一个文件夹，不是 Excel 文件：{path}"), path=path)
        ) from None
    except PermissionError:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "无法打开文件（没有权限，或文件正被其他程序占用）：{path}"),
                path=path,
            )
        ) from None
    except OSError as e:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "无法打开文件：{path}（{reason}）"),
                path=path,
                reason=str(e.strerror or e),
            )
        ) from None
    magic = f.read(8)
    f.seek(0)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        f.close()
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP(
                    "core",
                    "“{name}”是旧版 Excel 97-2003（.xls）文件或受密码保护的文件，"
                    "请在 Excel 中另存为“Excel 工作簿（.xlsx）”后再导入",
                ),
                name=path.name,
            )
        )
    if not magic.startswith(b"PK"):
        f.close()
        if path.suffix.lower() in (".csv", ".txt", ".et", ".wps"):
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP(
                        "core", "“{name}”不是 Excel（.xlsx）文件，请在 Excel 中另存为 .xlsx 后再导入"
                    ),
                    name=path.name,
                )
            )
        raise DomainError(say(QT_TRANSLATE_NOOP("core", "“{name}”不是 Excel（.xlsx）文件"), name=path.name))
    return f


def read_sheet(path: Path, progress: Progress | None) -> SheetRows:
    path = Path(path)
    f = _open_bytes(path)
    wb = None
    try:
        try:
            wb = load_workbook(f, read_only=True, data_only=True)
            sheets = wb.worksheets
            if not sheets:
                raise DomainError(say(QT_TRANSLATE_NOOP("core", "“{name}”中没有工作表"), name=path.name))
            visible = [w for w in sheets if getattr(w, "sheet_state", "visible") == "visible"]
            if not visible:
                raise DomainError(
                    say(QT_TRANSLATE_NOOP("core", "“{name}”中没有可见的工作表"), name=path.name)
                )
            ws = visible[0]  # what the user sees first when opening the file, not a hidden sheet
            member = str(getattr(ws, "_worksheet_path", "")).lstrip("/")
            merges = _merged_ranges(wb._archive, member) if member else []  # type: ignore[attr-defined]  # openpyxl keeps the zip only privately
            estimate = ws.max_row or 0
            ws.reset_dimensions()  # some programs write a wrong <dimension>; read what is there
            found = _scan_rows(ws.title, ws.iter_rows(values_only=True), merges, estimate, progress)
            hidden = [w.title for w in sheets[: sheets.index(ws)]]
            if hidden:
                found.notices.insert(
                    0,
                    say(
                        QT_TRANSLATE_NOOP("core", "已跳过隐藏的工作表“{hidden}”，导入的是“{sheet}”"),
                        hidden="、".join(hidden),
                        sheet=ws.title,
                    ),
                )
            return found
        except (DomainError, ImportCancelled):
            raise
        except Exception as e:  # openpyxl/zip/XML errors of a broken file: the user needs a message
            log.info("cannot read %s", path, exc_info=True)  # the details for -v, not a traceback
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP(
                        "core", "无法读取“{name}”：文件已损坏或不是有效的 Excel（.xlsx）文件（{error}）"
                    ),
                    name=path.name,
                    error=type(e).__name__,
                )
            ) from None
    finally:
        if wb is not None:
            wb.close()
        f.close()


def _scan_rows(
    title: str,
    rows: Iterator[tuple[object, ...]],
    merges: list[tuple[int, int, int, int]],
    estimate: int,
    progress: Progress | None,
) -> SheetRows:
    header: Header | None = None
    seen_any = False
    for number, values in enumerate(rows, start=1):
        if any(not is_blank(v) for v in values):
            seen_any = True
        if any(normalize_header(v) == normalize_header(LABELS["name"]) for v in values):
            header = _check_header(number, values, merges)
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        if not seen_any:
            raise DomainError(
                say(QT_TRANSLATE_NOOP("core", "工作表“{sheet}”是空的，没有可导入的内容"), sheet=title)
            )
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "未找到表头：第1–{last}行中没有“{label}”列"),
                last=HEADER_SEARCH_ROWS,
                label=LABELS["name"],
            )
        )

    # Vertically merged cells below the header (a 属地 spanning several rows) mean the same value
    # for each row; read-only mode gives only the top cell, so fill the others in.
    fills: dict[int, list[tuple[int, int]]] = {}
    for min_col, min_row, _max_col, max_row in merges:
        if min_row > header.row and max_row > min_row:
            for r in range(min_row + 1, max_row + 1):
                fills.setdefault(r, []).append((min_col - 1, min_row))
    tops = {min_row for _c, min_row, _x, max_row in merges if min_row > header.row and max_row > min_row}
    top_values: dict[tuple[int, int], object] = {}

    data: list[tuple[int, tuple[object, ...]]] = []
    notices: list[str] = []
    used = sorted(header.columns.values())
    total = max(estimate - header.row, 0)  # 0: unknown (no <dimension> in the file), shown as busy
    done = 0
    for number, values in enumerate(rows, start=header.row + 1):
        done += 1
        if number in tops:
            for col in range(len(values)):
                top_values[(number, col)] = values[col]
        if number in fills:
            filled = list(values)
            for col, src in fills[number]:
                while len(filled) <= col:
                    filled.append(None)
                if is_blank(filled[col]):
                    filled[col] = top_values.get((src, col))
            values = tuple(filled)
        # Only the imported columns count: rosters often number (序号) rows that are still empty.
        if any(col < len(values) and not is_blank(values[col]) for col in used):
            data.append((number, values))
            for col in used:
                cell = values[col] if col < len(values) else None
                if isinstance(cell, str) and len(cell) >= EXCEL_CELL_LIMIT:
                    notices.append(
                        say(
                            QT_TRANSLATE_NOOP(
                                "core",
                                "第{row}行{column}列的内容达到 Excel 单元格上限"
                                "（{limit}个字符），可能已被截断，请核对原始资料",
                            ),
                            row=number,
                            column=get_column_letter(col + 1),
                            limit=EXCEL_CELL_LIMIT,
                        )
                    )
        if (
            progress is not None
            and done % PROGRESS_EVERY == 0
            and not progress(done, max(total, done) if total else 0)
        ):
            raise ImportCancelled()
    if progress is not None and not progress(done, done):
        raise ImportCancelled()
    if not data:
        raise DomainError(say(QT_TRANSLATE_NOOP("core", "表头（第{row}行）下面没有企业数据"), row=header.row))
    return SheetRows(title, header, data, notices)


def _check_header(row: int, values: tuple[object, ...], merges: list[tuple[int, int, int, int]]) -> Header:
    touching = [
        f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        for c1, r1, c2, r2 in sorted(merges, key=lambda m: (m[1], m[0]))
        if r1 <= row <= r2 and (c1, r1) != (c2, r2)
    ]
    if touching:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "表头含合并单元格：{ranges}，请取消合并，每列只留一个列名"),
                ranges="、".join(touching),
            )
        )
    return match_header(values, row)
