"""What a preview says about each row, and the checks preview and apply share.

A row is checked as the enterprise form checks it (``enterprises.validate``) after its values are
laid over what the database holds; apply runs the same checks again inside its transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from inspector.core.enterprises import LABELS, SNAPSHOT_FIELDS, EnterpriseInput, validate
from inspector.db.models import Enterprise
from inspector.i18n import QT_TRANSLATE_NOOP, say, term

_LOOKUP_CHUNK = 500  # codes per IN (...) query: well below SQLite's and PostgreSQL's limits


class RowStatus(StrEnum):
    NEW = "新增"
    UPDATE = "更新"
    UNCHANGED = "无变化"
    ERROR = "错误"


@dataclass(frozen=True)
class RowError:
    row: int  # Excel row number
    field: str  # Chinese label
    message: str

    def __str__(self) -> str:
        return say(
            QT_TRANSLATE_NOOP("core", "第{row}行 {field}：{message}"),
            row=self.row,
            field=self.field,
            message=self.message,
        )

    @property
    def short(self) -> str:
        """Without the row, and without repeating the field when the message already names it."""
        shown_field = term(self.field)  # the column's name as the user reads it
        if self.message.startswith((self.field, shown_field)):
            return self.message
        return say(QT_TRANSLATE_NOOP("core", "{field}：{message}"), field=self.field, message=self.message)


@dataclass
class PreviewRow:
    row: int
    name: str
    credit_code: str
    jurisdiction: str
    values: dict[str, Any]  # the fields this row fills in; blank cells are left out
    status: RowStatus = RowStatus.NEW
    errors: list[RowError] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # labels an update changes
    existing_id: int | None = None
    phone_was_number: bool = False  # Excel drops a landline's leading 0 from numbers

    @property
    def detail(self) -> str:
        """What the preview table's last column says about this row."""
        if self.errors:
            return "；".join(e.short for e in self.errors)
        if self.status is RowStatus.UPDATE:
            return say(QT_TRANSLATE_NOOP("core", "变更：{fields}"), fields="、".join(self.changes))
        if self.status is RowStatus.UNCHANGED:
            return say(QT_TRANSLATE_NOOP("core", "与已登记信息相同"))
        return ""


@dataclass
class ImportPreview:
    path: Path
    sheet: str
    header_row: int
    columns: list[str]  # labels found, in file order
    ignored_columns: list[str]
    rows: list[PreviewRow]
    notices: list[str] = field(default_factory=list)

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def errors(self) -> list[RowError]:
        return [e for r in self.rows for e in r.errors]

    @property
    def has_errors(self) -> bool:
        return any(r.errors for r in self.rows)

    def summary_line(self) -> str:
        counts = {
            "rows": len(self.rows),
            "new": self.count(RowStatus.NEW),
            "updated": self.count(RowStatus.UPDATE),
            "errors": self.count(RowStatus.ERROR),
        }
        unchanged = self.count(RowStatus.UNCHANGED)
        if unchanged:
            return say(
                QT_TRANSLATE_NOOP(
                    "core", "共{rows}行：新增{new}，更新{updated}，错误{errors}，无变化{unchanged}"
                ),
                **counts,
                unchanged=unchanged,
            )
        return say(QT_TRANSLATE_NOOP("core", "共{rows}行：新增{new}，更新{updated}，错误{errors}"), **counts)


LABEL_ORDER = {label: i for i, label in enumerate(LABELS.values())}


def merge_row(values: dict[str, Any], base: EnterpriseInput | None) -> EnterpriseInput:
    """The row's values over the existing enterprise: a blank cell never erases what is stored."""
    data = EnterpriseInput() if base is None else replace(base)
    for key, value in values.items():
        setattr(data, key, value)
    return data.cleaned()


def check_row(data: EnterpriseInput, row: int, skip: set[str]) -> list[RowError]:
    """The form's checks (column sizes included), minus fields already reported as unreadable."""
    found = [RowError(row, LABELS.get(e.field, e.field), e.message) for e in validate(data).errors]
    return [e for e in found if e.field not in skip]


def _comparable(d: EnterpriseInput) -> dict[str, Any]:
    out: dict[str, Any] = {k: getattr(d, k) for k in SNAPSHOT_FIELDS}
    out["categories"] = sorted(d.categories)
    out["hazardous_processes"] = sorted(d.hazardous_processes)
    return out


def changed_labels(before: EnterpriseInput, after: EnterpriseInput) -> list[str]:
    a, b = _comparable(before.cleaned()), _comparable(after)
    return [LABELS[k] for k in LABELS if k in a and a[k] != b[k]]


def keep_process_order(data: EnterpriseInput, base: EnterpriseInput | None) -> None:
    """Same processes in another order is no change: keep the stored order."""
    if base is not None and sorted(base.hazardous_processes) == sorted(data.hazardous_processes):
        data.hazardous_processes = list(base.hazardous_processes)


def load_existing(s: Session, codes: Iterable[str]) -> dict[str, Enterprise]:
    """Enterprises by credit code, in a few IN (...) queries instead of one query per row."""
    wanted = sorted({c for c in codes if c})
    found: dict[str, Enterprise] = {}
    for i in range(0, len(wanted), _LOOKUP_CHUNK):
        chunk = wanted[i : i + _LOOKUP_CHUNK]
        stmt = (
            select(Enterprise)
            .where(Enterprise.credit_code.in_(chunk))
            .options(selectinload(Enterprise.categories))
        )
        found.update((e.credit_code, e) for e in s.scalars(stmt))
    return found
