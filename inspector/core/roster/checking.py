"""The preview phase: read and check every row against the database, write nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.core.enterprises import LABELS, EnterpriseInput
from inspector.core.errors import DomainError
from inspector.core.roster.cells import CellError, is_blank, parse_cell
from inspector.core.roster.rows import (
    LABEL_ORDER,
    ImportPreview,
    PreviewRow,
    RowError,
    RowStatus,
    changed_labels,
    check_row,
    keep_process_order,
    load_existing,
    merge_row,
)
from inspector.core.roster.template import TEMPLATE_EXAMPLE
from inspector.core.roster.workbook import Progress, read_sheet
from inspector.core.validation import normalize_credit_code
from inspector.db.models import Enterprise
from inspector.i18n import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:
    from inspector.core.context import Services


def _parse_row(number: int, values: tuple[object, ...], columns: dict[str, int]) -> PreviewRow:
    parsed: dict[str, Any] = {}
    errors: list[RowError] = []
    for key, col in columns.items():
        raw = values[col] if col < len(values) else None
        if is_blank(raw):
            continue
        try:
            parsed[key] = parse_cell(key, raw)
        except CellError as e:
            errors.append(RowError(number, LABELS[key], str(e)))
    phone_col = columns.get("phone")
    phone_number = (
        phone_col is not None and phone_col < len(values) and isinstance(values[phone_col], int | float)
    )
    name = str(parsed.get("name", "")).strip()
    code = normalize_credit_code(str(parsed.get("credit_code", "")))
    return PreviewRow(
        number,
        name,
        code,
        str(parsed.get("jurisdiction", "")),
        parsed,
        errors=errors,
        phone_was_number=phone_number,
    )


def _evaluate(row: PreviewRow, existing: Enterprise | None) -> None:
    """Decide 新增/更新/无变化/错误 for one row against what the database holds."""
    base = EnterpriseInput.from_model(existing) if existing is not None else None
    data = merge_row(row.values, base)
    keep_process_order(data, base)
    skip = {e.field for e in row.errors}
    row.errors.extend(check_row(data, row.row, skip))
    if row.phone_was_number:
        row.errors = [
            RowError(
                e.row,
                e.field,
                say(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{message}（该单元格是数字，区号开头的0可能已被 Excel 去掉，请把该列设为文本格式）",
                    ),
                    message=e.message,
                ),
            )
            if e.field == LABELS["phone"]
            else e
            for e in row.errors
        ]
    row.errors.sort(key=lambda e: LABEL_ORDER.get(e.field, len(LABEL_ORDER)))
    row.existing_id = existing.id if existing is not None else None
    if row.errors:
        row.status = RowStatus.ERROR
    elif base is None:
        row.status = RowStatus.NEW
    else:
        row.changes = changed_labels(base, data)
        row.status = RowStatus.UPDATE if row.changes else RowStatus.UNCHANGED


def _flag_duplicates(rows: list[PreviewRow]) -> None:
    """The same credit code on two rows: which one is right is the user's call, so both are errors."""
    by_code: dict[str, list[PreviewRow]] = {}
    for r in rows:
        if r.credit_code:
            by_code.setdefault(r.credit_code, []).append(r)
    label = LABELS["credit_code"]
    for group in by_code.values():
        if len(group) < 2:
            continue
        for r in group:
            others = "、".join(
                say(QT_TRANSLATE_NOOP("core", "第{row}行"), row=o.row) for o in group if o is not r
            )
            message = say(
                QT_TRANSLATE_NOOP("core", "{label} {code} 与{others}重复（同一企业出现多次）"),
                label=label,
                code=r.credit_code,
                others=others,
            )
            r.errors.append(RowError(r.row, label, message))
            r.status = RowStatus.ERROR


def _is_template_example(row: PreviewRow) -> bool:
    return row.credit_code == TEMPLATE_EXAMPLE["credit_code"] and row.name == TEMPLATE_EXAMPLE["name"]


def preview(services: Services, path: Path | str, progress: Progress | None = None) -> ImportPreview:
    """Read and check the first sheet; nothing is written. Raises DomainError for unusable files."""
    sheet = read_sheet(Path(path), progress)
    header = sheet.header
    rows = [_parse_row(n, v, header.columns) for n, v in sheet.rows]
    notices = list(sheet.notices)
    examples = [r for r in rows if _is_template_example(r)]
    if examples:
        rows = [r for r in rows if not _is_template_example(r)]
        notices.append(
            say(
                QT_TRANSLATE_NOOP("core", "第{rows}行是模板中的示例企业，已忽略"),
                rows="、".join(str(r.row) for r in examples),
            )
        )
        if not rows:
            raise DomainError(say(QT_TRANSLATE_NOOP("core", "表格中只有模板的示例行，请填写要导入的企业")))
    with services.db.reading() as s:
        existing = load_existing(s, (r.credit_code for r in rows))
        for r in rows:
            _evaluate(r, existing.get(r.credit_code))
    _flag_duplicates(rows)
    order = sorted(header.columns.items(), key=lambda kv: kv[1])
    return ImportPreview(
        path=Path(path),
        sheet=sheet.title,
        header_row=header.row,
        columns=[LABELS[k] for k, _ in order],
        ignored_columns=header.ignored,
        rows=rows,
        notices=notices,
    )
