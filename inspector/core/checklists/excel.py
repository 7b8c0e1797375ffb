"""An office checklist to and from Excel: one row per item (类别, 检查内容, 检查依据, 是否重大隐患判定项).

The sheet starts with two lines for the checklist itself (检查表名称, 适用监管类别), then the header
row and the items. Reading is tolerant like the roster import (header found in the first rows,
columns in any order, 是/否 spelled as people do, blank rows skipped); every bad row is reported with
its Excel row number, and nothing is written while any row is wrong.

Every text cell is written as a string: a 检查内容 that starts with "=" stays text, not a formula.
A shipped standard can be exported too (to start an office list from it); its unverified items
carry （条文待核实） in their basis, so a re-import never turns them into official-looking text.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from inspector.core.audit import Actor
from inspector.core.checklists.model import UNVERIFIED_MARK, Checklist, categories_text
from inspector.core.checklists.service import (
    ChecklistService,
    OfficeChecklistInput,
    OfficeItemInput,
    office_checklist,
)
from inspector.core.errors import DomainError, ValidationError
from inspector.core.roster.cells import CellError, cell_text, parse_category, parse_yes_no, split_values
from inspector.core.roster.rows import RowError
from inspector.i18n import QT_TRANSLATE_NOOP, say

warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.(reader|worksheet|styles)")

SHEET = "检查表"
NAME_LABEL = "检查表名称"
CATEGORIES_LABEL = "适用监管类别"
ALL_WORD = "全部"
NUMBER = "序号"
COLUMNS: dict[str, str] = {  # header → OfficeItemInput field
    "类别": "category",
    "检查内容": "content",
    "检查依据": "basis",
    "是否重大隐患判定项": "major",
}
HEADER_SEARCH_ROWS = 10
_WIDTHS = {NUMBER: 8, "类别": 14, "检查内容": 60, "检查依据": 40, "是否重大隐患判定项": 12}


class ChecklistFileError(DomainError):
    """The file cannot be read as a checklist, or has bad rows; ``errors`` lists each row's."""

    def __init__(self, message: str, errors: list[RowError] | None = None) -> None:
        self.errors = list(errors or [])
        lines = [message, *(str(e) if e.row > 0 else e.message for e in self.errors)]
        super().__init__("\n".join(lines))


@dataclass
class ChecklistSheet:
    """What a file holds, before anything is written."""

    name: str
    applies_to: list[str]
    items: list[OfficeItemInput] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # Excel row of each item
    errors: list[RowError] = field(default_factory=list)

    def input(self, name: str | None = None) -> OfficeChecklistInput:
        return OfficeChecklistInput(
            name=(name or self.name).strip(), applies_to=self.applies_to, items=self.items
        )


def _text_cell(ws: Worksheet, row: int, col: int, value: str) -> None:
    cell = ws.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "s"  # never a formula, whatever was typed


def build_workbook(c: Checklist) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    bold = Font(bold=True)
    _text_cell(ws, 1, 1, NAME_LABEL)
    _text_cell(ws, 1, 2, c.title)
    _text_cell(ws, 2, 1, CATEGORIES_LABEL)
    _text_cell(ws, 2, 2, categories_text(c.applies_to) or ALL_WORD)
    for r in (1, 2):
        ws.cell(row=r, column=1).font = bold
    headers = [NUMBER, *COLUMNS]
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, h in enumerate(headers, start=1):
        _text_cell(ws, 3, col, h)
        cell = ws.cell(row=3, column=col)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = _WIDTHS[h]
    wrap = Alignment(vertical="top", wrap_text=True)
    for n, item in enumerate(c.items, start=1):
        row = 3 + n
        ws.cell(row=row, column=1, value=n)
        basis = item.basis + ("" if item.verified or not item.basis else UNVERIFIED_MARK)
        for col, value in enumerate(
            (item.category, item.content, basis, "是" if item.major else "否"), start=2
        ):
            _text_cell(ws, row, col, value)
            ws.cell(row=row, column=col).alignment = wrap
    ws.freeze_panes = "A4"
    return wb


def export_checklist(c: Checklist, path: Path) -> Path:
    build_workbook(c).save(path)
    return path


def _squash(text: str) -> str:
    return "".join(text.split()).replace("：", "").replace(":", "")


def _find_header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]] | None:
    for r, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {}
        for col, v in enumerate(values):
            label = _squash(cell_text(v))
            if label in COLUMNS:
                found[COLUMNS[label]] = col
        if "content" in found:
            return r, found
    return None


def read_checklist(path: Path) -> ChecklistSheet:
    """The checklist in ``path`` and every row's errors; raises only when the file is unreadable."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # not a zip, not a workbook, a damaged file: the message says which file
        raise ChecklistFileError(
            say(QT_TRANSLATE_NOOP("core", "无法读取 Excel 文件：{path}（{error}）"), path=path, error=str(e))
        ) from e
    try:
        ws = next((s for s in wb.worksheets if getattr(s, "sheet_state", "visible") == "visible"), None)
        if ws is None:
            raise ChecklistFileError(
                say(QT_TRANSLATE_NOOP("core", "文件中没有可见的工作表：{path}"), path=path)
            )
        rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    header = _find_header(rows)
    if header is None:
        raise ChecklistFileError(
            say(
                QT_TRANSLATE_NOOP("core", "前{rows}行中没有找到“检查内容”列：{path}"),
                rows=HEADER_SEARCH_ROWS,
                path=path,
            )
        )
    at, columns = header
    sheet = ChecklistSheet(name="", applies_to=[])
    for values in rows[:at]:
        if len(values) < 2:
            continue
        label = _squash(cell_text(values[0]))
        if label == NAME_LABEL:
            sheet.name = cell_text(values[1])
        elif label == CATEGORIES_LABEL:
            words = split_values(values[1])
            if words != [ALL_WORD]:
                sheet.applies_to = [parse_category(w) for w in words]
    for offset, values in enumerate(rows[at + 1 :], start=at + 2):
        cells = {f: values[c] if c < len(values) else None for f, c in columns.items()}
        if all(cell_text(v) == "" for v in cells.values()):
            continue
        item = OfficeItemInput()
        for f, value in cells.items():
            label = next(h for h, k in COLUMNS.items() if k == f)
            if f == "major":
                try:
                    item.major = cell_text(value) != "" and parse_yes_no(value, label)
                except CellError as e:
                    sheet.errors.append(RowError(offset, label, str(e)))
            else:
                setattr(item, f, cell_text(value))
        if not item.content:
            message = say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label="检查内容")
            sheet.errors.append(RowError(offset, "检查内容", message))
        sheet.items.append(item)
        sheet.rows.append(offset)
    return sheet


def _row_errors(sheet: ChecklistSheet, e: ValidationError) -> list[RowError]:
    """The service's refusals, each on its Excel row (item n is on ``sheet.rows[n - 1]``)."""
    out = []
    labels = {**OfficeChecklistInput.FIELD_LABELS, **OfficeItemInput.FIELD_LABELS}
    for fe in e.errors:
        if fe.item is not None and 1 <= fe.item <= len(sheet.rows):
            message = fe.message.removeprefix(say(OfficeItemInput.ITEM_PREFIX, n=fe.item))
            out.append(RowError(sheet.rows[fe.item - 1], labels.get(fe.field, fe.field), message))
        else:
            row = 1 if fe.field == "name" else 2 if fe.field == "applies_to" else 0
            out.append(RowError(row, labels.get(fe.field, fe.field), fe.message))
    return out


@dataclass(frozen=True)
class VersionPreview:
    """What importing a file as the next version of ``code`` would change, before anything is
    written. ``title`` is the name the new version carries (the file's, else the current one)."""

    code: str
    title: str
    version: int  # the current version
    items_before: int
    items_after: int
    added: int
    removed: int
    changed: int
    renamed: bool
    categories_changed: bool
    unchanged: bool  # same content: importing adds no version
    errors: list[RowError] = field(default_factory=list)  # rows the import would refuse


def preview_version(service: ChecklistService, code: str, path: Path) -> VersionPreview:
    """Compare the file with the current version of office checklist ``code`` (items matched in
    order: an item whose text changed counts as changed, not as one removed and one added)."""
    current = service.current(code)
    sheet = read_checklist(path)
    title = sheet.name.strip() or current.title
    data = sheet.input(title)
    errors = _sheet_errors(service, sheet, data)
    if errors:
        return VersionPreview(
            code,
            title,
            current.version or 1,
            len(current.items),
            len(sheet.items),
            0,
            0,
            0,
            title != current.title,
            False,
            False,
            errors,
        )
    new = office_checklist(data)
    before = [(i.category, i.content, i.basis, i.major) for i in current.items]
    after = [(i.category, i.content, i.basis, i.major) for i in new.items]
    added = removed = changed = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "replace":
            common = min(i2 - i1, j2 - j1)
            changed += common
            removed += i2 - i1 - common
            added += j2 - j1 - common
        elif op == "delete":
            removed += i2 - i1
        elif op == "insert":
            added += j2 - j1
    return VersionPreview(
        code=code,
        title=title,
        version=current.version or 1,
        items_before=len(before),
        items_after=len(after),
        added=added,
        removed=removed,
        changed=changed,
        renamed=title != current.title,
        categories_changed=new.applies_to != current.applies_to,
        unchanged=new.digest == current.digest,
    )


def _sheet_errors(
    service: ChecklistService, sheet: ChecklistSheet, data: OfficeChecklistInput
) -> list[RowError]:
    """The file's own row errors and the service's refusals, each once, in row order."""
    errors = list(sheet.errors)
    try:
        service.check(data)
    except ValidationError as e:
        known = {(x.row, x.field) for x in errors}
        errors += [x for x in _row_errors(sheet, e) if (x.row, x.field) not in known]
    errors.sort(key=lambda x: x.row)
    return errors


def import_checklist(
    service: ChecklistService, actor: Actor, path: Path, *, name: str | None = None, code: str | None = None
) -> Checklist:
    """A new office checklist from ``path`` (or, with ``code``, the next version of that one).

    Any bad row: ``ChecklistFileError`` listing every row's error, and nothing written."""
    sheet = read_checklist(path)
    data = sheet.input(name)
    errors = _sheet_errors(service, sheet, data)
    if errors:
        raise ChecklistFileError(
            say(QT_TRANSLATE_NOOP("core", "检查表文件有{count}处错误，未导入："), count=len(errors)), errors
        )
    return service.edit(actor, code, data) if code else service.create(actor, data)
