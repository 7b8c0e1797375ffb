"""The apply phase: the previewed rows in one transaction, one audit event per enterprise."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from inspector.core import audit
from inspector.core.actors import acting
from inspector.core.audit import Actor
from inspector.core.enterprises import (
    EnterpriseInput,
    apply_input,  # the service's own field mapping: an import writes exactly what the form writes
    snapshot,
)
from inspector.core.errors import ConcurrentEditError, DomainError
from inspector.core.roster.checking import preview
from inspector.core.roster.rows import (
    ImportPreview,
    PreviewRow,
    RowError,
    RowStatus,
    check_row,
    keep_process_order,
    load_existing,
    merge_row,
)
from inspector.core.roster.workbook import PROGRESS_EVERY, Progress
from inspector.db.models import Enterprise
from inspector.i18n import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:
    from inspector.core.context import Services

log = logging.getLogger(__name__)

_FLUSH_EVERY = 500


@dataclass
class ImportResult:
    """What an import did. ``ok`` is False when it was refused (errors, default mode) or cancelled."""

    ok: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # error rows left out (partial mode)
    errors: list[RowError] = field(default_factory=list)
    cancelled: bool = False
    file_name: str = ""
    notices: list[str] = field(default_factory=list)  # e.g. the template's example row was ignored

    @property
    def written(self) -> bool:
        return self.created + self.updated > 0

    def summary(self, limit: int | None = None) -> str:
        """Chinese text for the CLI and the result dialog; ``limit`` caps the listed errors."""
        if self.cancelled:
            return say(QT_TRANSLATE_NOOP("core", "已取消导入，未写入任何数据。"))
        if not self.ok:
            head = say(
                QT_TRANSLATE_NOOP(
                    "core",
                    "未导入：有{rows}行存在错误，未写入任何数据。"
                    "请修正后重新导入，或选择“跳过错误行，只导入正确的行”（命令行：加 --partial）。",
                ),
                rows=len({e.row for e in self.errors}),
            )
        else:
            more = []
            if self.unchanged:
                more.append(say(QT_TRANSLATE_NOOP("core", "，无变化{count}家"), count=self.unchanged))
            if self.skipped:
                more.append(say(QT_TRANSLATE_NOOP("core", "，跳过错误行{count}行"), count=self.skipped))
            head = say(
                QT_TRANSLATE_NOOP("core", "导入完成：新增{created}家，更新{updated}家{more}。"),
                created=self.created,
                updated=self.updated,
                more="".join(more),
            )
        lines = [str(e) for e in self.errors]
        if limit is not None and len(lines) > limit:
            lines = [
                *lines[:limit],
                say(QT_TRANSLATE_NOOP("core", "……另有{count}条错误未列出"), count=len(lines) - limit),
            ]
        return "\n".join([head, *self.notices, *lines])


class _Cancelled(Exception):
    pass


class _Refused(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors


def apply(
    services: Services,
    actor: Actor,
    preview: ImportPreview,
    partial: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the previewed rows in ONE transaction, with one audit event per enterprise changed.

    Default: nothing is written if any row has an error. ``partial``: error rows are skipped.
    Rows are checked again against the database as it is now, since someone on a team server may
    have changed it since the preview.
    """
    name = preview.path.name
    bad = [r for r in preview.rows if r.status is RowStatus.ERROR]
    if bad and not partial:
        return ImportResult(ok=False, errors=preview.errors, file_name=name, notices=preview.notices)
    todo = [r for r in preview.rows if r.status is not RowStatus.ERROR]
    skipped_errors = [e for r in bad for e in r.errors]
    total = len(todo)
    today = services.clock()
    try:
        with acting(services.db, actor) as (s, actor):
            counts, late = _write(s, actor, todo, partial, progress, total, today)
            if counts[0] + counts[1]:
                audit.record(
                    s,
                    actor,
                    "roster_import",
                    0,
                    "import",
                    f"导入企业名录：新增{counts[0]}家，更新{counts[1]}家",
                    None,
                    {
                        "file": name,
                        "created": counts[0],
                        "updated": counts[1],
                        "skipped": len(bad) + len({e.row for e in late}),
                    },
                    today=today,
                )
    except _Cancelled:
        return ImportResult(ok=False, cancelled=True, file_name=name)
    except _Refused as e:
        return ImportResult(
            ok=False, errors=[*skipped_errors, *e.errors], file_name=name, notices=preview.notices
        )
    except IntegrityError:
        log.warning("roster import hit a constraint", exc_info=True)
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP(
                    "core",
                    "导入未完成：数据库中已有相同统一社会信用代码的企业（可能是其他人刚刚登记的），请重新导入",
                )
            )
        ) from None
    except StaleDataError:
        raise ConcurrentEditError(
            say(QT_TRANSLATE_NOOP("core", "导入未完成：部分企业信息刚被他人修改，请重新导入"))
        ) from None
    late_rows = {e.row for e in late}
    return ImportResult(
        ok=True,
        created=counts[0],
        updated=counts[1],
        unchanged=counts[2],
        skipped=len(bad) + len(late_rows),
        errors=[*skipped_errors, *late],
        file_name=name,
        notices=list(preview.notices),
    )


def _write(
    s: Session,
    actor: Actor,
    todo: list[PreviewRow],
    partial: bool,
    progress: Progress | None,
    total: int,
    today: date,
) -> tuple[tuple[int, int, int], list[RowError]]:
    existing = load_existing(s, (r.credit_code for r in todo))
    created = updated = unchanged = 0
    late: list[RowError] = []
    pending: list[Enterprise] = []

    def flush_new() -> None:
        s.flush()
        for e in pending:
            summary = f"导入登记企业：{e.name}"
            audit.record(s, actor, "enterprise", e.id, "create", summary, None, snapshot(e), today=today)
        pending.clear()

    for done, row in enumerate(todo, start=1):
        current = existing.get(row.credit_code)
        base = EnterpriseInput.from_model(current) if current is not None else None
        data = merge_row(row.values, base)
        keep_process_order(data, base)
        errors = check_row(data, row.row, set())
        if errors:
            late.extend(errors)
            if not partial:
                continue  # collect them all, then refuse below
        elif current is None:
            e = Enterprise()
            apply_input(e, data)
            s.add(e)
            pending.append(e)
            created += 1
        else:
            before = snapshot(current)
            apply_input(current, data)
            old, new = audit.diff(before, snapshot(current))
            if new:  # the UPDATE itself goes out with the next flush, batched
                audit.record(
                    s,
                    actor,
                    "enterprise",
                    current.id,
                    "update",
                    f"导入更新企业信息：{current.name}",
                    old,
                    new,
                    today=today,
                )
                updated += 1
            else:
                unchanged += 1
        if len(pending) >= _FLUSH_EVERY:
            flush_new()
        if (
            progress is not None
            and (done % PROGRESS_EVERY == 0 or done == total)
            and not progress(done, total)
        ):
            raise _Cancelled()
    if late and not partial:
        raise _Refused(late)
    flush_new()
    return (created, updated, unchanged), late


def import_file(
    services: Services,
    actor: Actor,
    path: Path | str,
    partial: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Preview and apply in one call (the CLI)."""
    return apply(services, actor, preview(services, path, progress), partial=partial)
