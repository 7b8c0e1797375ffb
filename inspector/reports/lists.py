"""Excel exports of what a list shows: the hazard tracker and the enterprise registry.

The seam is a *page source*: anything with ``count()`` and ``page(offset, limit)``, which is exactly
what the windowed list models use (``HazardService`` and ``EnterpriseService`` bound to a filter by
``FilteredPages``). A plain iterable of rows works too, so a caller can export any selection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from inspector.core.context import Services
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.enums import HazardLevel
from inspector.core.hazards import HazardFilter
from inspector.core.lifecycle import due_text
from inspector.reports.excel import Column, Progress, write_table

PAGE_SIZE = 500


@runtime_checkable
class PageSource(Protocol):
    """A filtered list the exporter can page through."""

    def count(self) -> int: ...

    def page(self, offset: int, limit: int) -> Sequence[Any]: ...


@dataclass(frozen=True)
class FilteredPages:
    """Binds a service with ``count(filter)`` / ``page(filter, offset, limit, sort, descending)`` to one filter."""

    service: Any
    filter: Any
    sort: str | None = None
    descending: bool = False

    def count(self) -> int:
        return int(self.service.count(self.filter))

    def page(self, offset: int, limit: int) -> Sequence[Any]:
        if self.sort is None:
            return self.service.page(self.filter, offset, limit)  # type: ignore[no-any-return]  # service is typed Any: hazards or inspections
        return self.service.page(self.filter, offset, limit, self.sort, self.descending)  # type: ignore[no-any-return]  # likewise


@dataclass(frozen=True)
class WithInspectors:
    """A hazard row plus its 检查人员 (looked up per page, as the tracker does)."""

    row: Any
    inspectors: str

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


@dataclass(frozen=True)
class HazardPagesWithInspectors:
    """A hazard page source whose rows also carry the inspectors of the visit that found them."""

    source: PageSource
    names: Callable[[Sequence[int]], dict[int, str]]  # HazardService.inspector_names

    def count(self) -> int:
        return self.source.count()

    def page(self, offset: int, limit: int) -> Sequence[Any]:
        rows = self.source.page(offset, limit)
        names = self.names([r.id for r in rows])
        return [WithInspectors(r, names.get(r.id, "")) for r in rows]


def iterate_pages(source: PageSource, page_size: int = PAGE_SIZE) -> Iterator[Any]:
    """Every row of the source, one page at a time (a short page ends it)."""
    offset = 0
    while True:
        rows = source.page(offset, page_size)
        yield from rows
        if len(rows) < page_size:
            return
        offset += len(rows)


@dataclass(frozen=True)
class Numbered:
    """A row with its 序号 in the export."""

    seq: int
    row: Any


def _read(row: Any, name: str) -> Any:
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


def field(header: str, width: float, kind: str, name: str | Callable[[Any], Any]) -> Column:
    """A column reading attribute ``name`` (or calling a function) of the numbered row's data."""
    if callable(name):
        fn = name
        return Column(header, width, kind, lambda n: fn(n.row))
    return Column(header, width, kind, lambda n: _read(n.row, name))


SEQ = Column("序号", 5, "int", lambda n: n.seq)


def _hazard_category(row: Any) -> str:
    return "／".join(x for x in (_read(row, "category"), _read(row, "subcategory")) if x)


def _days_left(row: Any) -> Any:
    days = _read(row, "days_left")
    return due_text(days) if days is not None else None


# Matches inspector.core.hazards.HazardRow; rows lacking a field leave the cell blank.
HAZARD_LIST_COLUMNS: tuple[Column, ...] = (
    SEQ,
    field("隐患编号", 13.5, "center", "number"),
    field("属地", 9, "center", "jurisdiction"),
    field("企业名称", 22, "wrap", "enterprise_name"),
    field("隐患部位", 12, "wrap", "location"),
    field("隐患描述", 36, "wrap", "description"),
    field("隐患类别", 12, "wrap", _hazard_category),
    field("隐患等级", 8, "center", "level"),
    field("发现日期", 10.5, "date", "found_on"),
    field("检查人员", 12, "wrap", "inspectors"),
    field("整改时限", 10.5, "date", "deadline"),
    field("整改状态", 8, "center", "state"),
    field(
        "是否逾期",
        7,
        "center",
        lambda r: None if _read(r, "is_overdue") is None else bool(_read(r, "is_overdue")),
    ),
    field("剩余天数", 9, "center", _days_left),
    field("挂牌督办", 7, "center", lambda r: "是" if _read(r, "supervised") else ""),
)

ENTERPRISE_COLUMNS: tuple[Column, ...] = (
    SEQ,
    field("企业名称", 26, "wrap", "name"),
    field("统一社会信用代码", 20, "center", "credit_code"),
    field("属地", 10, "center", "jurisdiction"),
    field("地址", 30, "wrap", "address"),
    field("行业", 16, "wrap", "industry"),
    field("监管类别", 16, "wrap", "categories"),
    field("主要负责人", 9, "center", "principal"),
    field("联系电话", 14, "center", "phone"),
    field("经营状态", 8, "center", "status"),
    field("风险等级", 8, "center", "risk_grade"),
)


def _hazard_fill(n: Numbered) -> str:
    if _read(n.row, "is_overdue"):
        return "overdue"
    return "major" if _read(n.row, "level") == HazardLevel.MAJOR.value else ""


def _rows_and_total(source: PageSource | Iterable[Any], total: int | None) -> tuple[Iterable[Any], int]:
    if isinstance(source, PageSource):
        return iterate_pages(source), source.count() if total is None else total
    if total is None:
        if isinstance(source, Sequence):
            return source, len(source)
        rows = list(source)  # a one-off iterable: it must be counted for the progress bar
        return rows, len(rows)
    return source, total


def export_hazard_list(
    source: PageSource | Iterable[Any],
    output: Path,
    *,
    title: str = "隐患清单",
    description: str = "",
    columns: Sequence[Column] = HAZARD_LIST_COLUMNS,
    total: int | None = None,
    progress: Progress | None = None,
) -> int:
    """Export whatever the hazard tracker shows; returns the number of rows written.

    ``source`` is a page source (e.g. ``FilteredPages(services.hazards, hazard_filter, sort)``)
    or any iterable of rows; ``description`` says which filter produced it.
    """
    rows, count = _rows_and_total(source, total)
    info = "；".join(
        x for x in (description, f"共 {count} 条", f"导出时间：{datetime.now():%Y-%m-%d %H:%M}") if x
    )
    return write_table(
        Path(output),
        sheet_title="隐患清单",
        title=title,
        info=info,
        columns=columns,
        rows=(Numbered(i, r) for i, r in enumerate(rows, 1)),
        total=count,
        progress=progress,
        freeze="C4",
        row_fill=_hazard_fill,
    )


def export_enterprises(
    services: Services,
    filter: EnterpriseFilter,
    output: Path,
    *,
    progress: Progress | None = None,
    sort: str = "name",
    descending: bool = False,
) -> int:
    """Export the enterprise registry as filtered in the list (企业台账)."""
    source = FilteredPages(services.enterprises, filter, sort, descending)
    total = source.count()
    scope = "；".join(
        x
        for x in (
            f"属地：{filter.jurisdiction}" if filter.jurisdiction else "",
            f"监管类别：{filter.category}" if filter.category else "",
            f"经营状态：{filter.status}" if filter.status else "",
            f"关键词：{filter.text.strip()}" if filter.text.strip() else "",
            f"共 {total} 家",
            f"导出时间：{datetime.now():%Y-%m-%d %H:%M}",
        )
        if x
    )
    return write_table(
        Path(output),
        sheet_title="企业台账",
        title="企业台账",
        info=scope,
        columns=ENTERPRISE_COLUMNS,
        rows=(Numbered(i, r) for i, r in enumerate(iterate_pages(source), 1)),
        total=total,
        progress=progress,
        freeze="C4",
    )


def export_hazards(
    services: Services,
    filter: HazardFilter,
    output: Path,
    *,
    sort: str = "found_on",
    descending: bool = True,
    title: str = "隐患清单",
    description: str = "",
    progress: Progress | None = None,
) -> int:
    """Export the hazard tracker's current filter and sort order."""
    return export_hazard_list(
        HazardPagesWithInspectors(
            FilteredPages(services.hazards, filter, sort, descending), services.hazards.inspector_names
        ),
        output,
        title=title,
        description=description,
        progress=progress,
    )
