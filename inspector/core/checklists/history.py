"""What the visits' checklist results add up to: the items failed most often (per period, per 属地)
and one enterprise's history per item (failed last time? fixed since?).

An item is the same item across versions when its checklist code and its number are: 第十一条（三）
of GM-2023 stays itself through a new edition, 第2项 of JG-1 through an office edit. It is shown
with the text of the latest version a visit used.

- 检查次数 (``checked``): visits that answered the item 合格 or 不合格; a 不适用 answer does not
  count, the item was not checked there;
- 不合格次数 (``failures``): visits that answered it 不合格;
- 不合格率 (``share``): failures / checked.

No Qt, no clock: the caller passes the period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from inspector.core.checklists.model import ItemResult
from inspector.core.enums import HazardState
from inspector.db import models as m

ALL_JURISDICTIONS = ""  # the key of a row counted over every 属地


@dataclass(frozen=True)
class FailedItemRow:
    """One item in the ranking of failed items."""

    jurisdiction: str  # 属地, or ALL_JURISDICTIONS
    code: str  # the checklist's code (GM-2023, JG-1)
    title: str  # the checklist's title in the latest version used
    number: str  # 第十一条（三）
    content: str  # 检查内容 in the latest version used
    major: bool  # 是否重大隐患判定项 (latest version used)
    failures: int
    checked: int

    @property
    def share(self) -> float | None:
        """不合格率; None when the item was never checked (only 不适用)."""
        return self.failures / self.checked if self.checked else None


@dataclass(frozen=True)
class HistoryEntry:
    """One visit's answer on the item, with the hazard a failure produced."""

    inspection_id: int
    inspected_on: date
    result: str  # 合格/不合格/不适用
    note: str
    hazard_id: int | None
    hazard_number: str | None
    hazard_closed: bool | None  # None when no hazard is linked
    photos: int = 0  # photos taken of the item on that visit (seen in the visit's detail)

    @property
    def failed(self) -> bool:
        return self.result == ItemResult.FAILED.value


@dataclass(frozen=True)
class ItemHistory:
    """One item's answers at one enterprise, oldest visit first."""

    code: str
    title: str
    number: str
    content: str
    entries: tuple[HistoryEntry, ...]

    @property
    def last(self) -> HistoryEntry:
        return self.entries[-1]

    @property
    def failures(self) -> int:
        return sum(1 for e in self.entries if e.failed)

    @property
    def open_failures(self) -> int:
        """Failures whose hazard is not closed yet: what still needs following up."""
        return sum(1 for e in self.entries if e.failed and not e.hazard_closed)


def _checked(column: Any) -> Any:
    return func.count(
        func.distinct(
            case((m.ChecklistResult.result.in_([ItemResult.PASSED.value, ItemResult.FAILED.value]), column))
        )
    )


def failed_items(
    s: Session,
    start: date,
    end: date,
    *,
    jurisdiction: str | None = None,
    per_jurisdiction: bool = False,
    limit: int = 20,
) -> list[FailedItemRow]:
    """The items failed most often in visits from ``start`` to ``end`` (inclusive), most failures
    first (then the higher share, then code and number); only items failed at least once.

    ``jurisdiction`` keeps the visits to enterprises of that 属地; ``per_jurisdiction`` ranks each
    属地 separately (rows ordered by 属地, ``limit`` rows each)."""
    visit = m.ChecklistResult.inspection_id
    failed = func.count(func.distinct(case((m.ChecklistResult.result == ItemResult.FAILED.value, visit))))
    place = m.Enterprise.jurisdiction if per_jurisdiction else None
    keys: list[Any] = [m.Checklist.code, m.ChecklistItem.number, *([place] if place is not None else [])]
    stmt = (
        select(*keys, failed, _checked(visit), func.max(m.ChecklistItem.id))
        .join(m.ChecklistItem, m.ChecklistItem.id == m.ChecklistResult.item_id)
        .join(m.ChecklistVersion, m.ChecklistVersion.id == m.ChecklistItem.version_id)
        .join(m.Checklist, m.Checklist.id == m.ChecklistVersion.checklist_id)
        .join(m.Inspection, m.Inspection.id == visit)
        .join(m.Enterprise, m.Enterprise.id == m.Inspection.enterprise_id)
        .where(m.Inspection.inspected_on >= start, m.Inspection.inspected_on <= end)
        .group_by(*keys)
        .having(failed > 0)
    )
    if jurisdiction is not None:
        stmt = stmt.where(m.Enterprise.jurisdiction == jurisdiction)
    raw = []
    for row in s.execute(stmt):
        code, number, *rest = row
        where = str(rest.pop(0)) if place is not None else (jurisdiction or ALL_JURISDICTIONS)
        n_failed, n_checked, item_id = rest
        raw.append((where, str(code), str(number), int(n_failed), int(n_checked), int(item_id)))
    items = _latest_items(s, [r[5] for r in raw])
    rows = [
        FailedItemRow(
            where, code, items[i][0], number, items[i][1].content, items[i][1].major, n_failed, n_checked
        )
        for where, code, number, n_failed, n_checked, i in raw
    ]
    rows.sort(key=lambda r: (r.jurisdiction, -r.failures, -(r.share or 0), r.code, r.number))
    out: list[FailedItemRow] = []
    taken: dict[str, int] = {}
    for r in rows:
        if taken.get(r.jurisdiction, 0) < limit:
            taken[r.jurisdiction] = taken.get(r.jurisdiction, 0) + 1
            out.append(r)
    return out


def _latest_items(s: Session, item_ids: list[int]) -> dict[int, tuple[str, m.ChecklistItem]]:
    """item id → (its checklist version's title, the item row)."""
    if not item_ids:
        return {}
    found = s.execute(
        select(m.ChecklistItem, m.ChecklistVersion.title)
        .join(m.ChecklistVersion, m.ChecklistVersion.id == m.ChecklistItem.version_id)
        .where(m.ChecklistItem.id.in_(item_ids))
    )
    return {item.id: (str(title), item) for item, title in found}


def enterprise_history(s: Session, enterprise_id: int) -> list[ItemHistory]:
    """Every item checked at the enterprise with each visit's answer, the items in the order of
    their checklist (code) and number as first met; the visits oldest first."""
    rows = s.execute(
        select(
            m.Checklist.code,
            m.ChecklistItem.number,
            m.ChecklistItem.id,
            m.ChecklistItem.position,
            m.Inspection.id,
            m.Inspection.inspected_on,
            m.ChecklistResult.result,
            m.ChecklistResult.note,
            m.Hazard.id,
            m.Hazard.number,
            m.Hazard.state,
            select(func.count())
            .select_from(m.ChecklistPhoto)
            .where(m.ChecklistPhoto.result_id == m.ChecklistResult.id)
            .correlate(m.ChecklistResult)
            .scalar_subquery(),
        )
        .join(m.ChecklistItem, m.ChecklistItem.id == m.ChecklistResult.item_id)
        .join(m.ChecklistVersion, m.ChecklistVersion.id == m.ChecklistItem.version_id)
        .join(m.Checklist, m.Checklist.id == m.ChecklistVersion.checklist_id)
        .join(m.Inspection, m.Inspection.id == m.ChecklistResult.inspection_id)
        .outerjoin(m.Hazard, m.Hazard.id == m.ChecklistResult.hazard_id)
        .where(m.Inspection.enterprise_id == enterprise_id)
        .order_by(m.Inspection.inspected_on, m.Inspection.id)
    ).all()
    grouped: dict[tuple[str, str], list[HistoryEntry]] = {}
    latest: dict[tuple[str, str], tuple[int, int]] = {}  # key → (item id of the latest use, position)
    for code, number, item_id, position, iid, on, result, note, hid, hnumber, hstate, n_photos in rows:
        key = (str(code), str(number))
        grouped.setdefault(key, []).append(
            HistoryEntry(
                iid,
                on,
                result,
                note,
                hid,
                hnumber,
                None if hid is None else hstate == HazardState.CLOSED.value,
                int(n_photos or 0),
            )
        )
        if key not in latest or item_id > latest[key][0]:
            latest[key] = (item_id, position)
    items = _latest_items(s, [i for i, _p in latest.values()])
    order = sorted(grouped, key=lambda k: (k[0], latest[k][1]))
    return [
        ItemHistory(
            code,
            items[latest[(code, number)][0]][0],
            number,
            items[latest[(code, number)][0]][1].content,
            tuple(grouped[(code, number)]),
        )
        for code, number in order
    ]
