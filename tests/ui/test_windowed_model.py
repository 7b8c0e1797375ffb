"""The windowed model: Qt-correct, loads pages on demand, never the whole table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from inspector.ui.windowed_model import CENTER, Column, WindowedTableModel


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    grade: str | None


class FakeSource:
    """Generates rows from their position, records every call like a database would see them."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.count_calls = 0
        self.page_calls: list[tuple[int, int, str | None, bool]] = []

    def count(self) -> int:
        self.count_calls += 1
        return self.n

    def page(self, offset: int, limit: int, sort: str | None, descending: bool) -> Sequence[Row]:
        self.page_calls.append((offset, limit, sort, descending))
        ids = range(offset, min(offset + limit, self.n))
        if descending:
            ids = range(self.n - 1 - offset, max(self.n - 1 - offset - limit, -1), -1)
        return [Row(i, f"企业{i:07d}", "红" if i % 2 else None) for i in ids]


COLUMNS = (
    Column("id", "编号", alignment=CENTER, formatter=lambda v: f"#{v}"),
    Column("name", "企业名称", tooltip=True),
    Column("grade", "风险等级", sort_key=None, background=lambda v: "#e03131" if v else None),
)


def text(model: WindowedTableModel, row: int, col: int) -> str:
    return model.data(model.index(row, col))


def test_passes_qt_model_tester(qtmodeltester) -> None:
    model = WindowedTableModel(COLUMNS, FakeSource(450), page_size=50, max_pages=4)
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_rows_come_from_pages_loaded_on_demand() -> None:
    source = FakeSource(1000)
    model = WindowedTableModel(COLUMNS, source, page_size=200, max_pages=3)
    assert model.rowCount() == 1000
    assert source.page_calls == []  # counting does not load rows

    assert text(model, 0, 1) == "企业0000000"
    assert text(model, 199, 0) == "#199"
    assert len(source.page_calls) == 1  # one page served both cells

    assert text(model, 450, 1) == "企业0000450"
    assert source.page_calls[-1][:2] == (400, 200)
    assert len(source.page_calls) == 2

    # LRU of 3 pages: touching pages 3 and 4 evicts page 0, which is then fetched again.
    text(model, 600, 1)
    text(model, 800, 1)
    assert len(source.page_calls) == 4
    text(model, 5, 1)
    assert len(source.page_calls) == 5
    assert source.count_calls == 1  # cached until refresh


def test_refresh_drops_cache_and_recounts() -> None:
    source = FakeSource(10)
    model = WindowedTableModel(COLUMNS, source)
    text(model, 0, 0)
    source.n = 3
    with_signal: list[int] = []
    model.totalChanged.connect(with_signal.append)
    model.refresh()
    assert model.rowCount() == 3
    assert with_signal == [3]
    assert text(model, 2, 1) == "企业0000002"
    assert source.count_calls == 2


def test_sort_is_pushed_to_the_source() -> None:
    source = FakeSource(500)
    model = WindowedTableModel(COLUMNS, source, page_size=100)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert text(model, 0, 1) == "企业0000499"
    assert source.page_calls[-1] == (0, 100, "name", True)

    calls = len(source.page_calls)
    model.sort(2, Qt.SortOrder.AscendingOrder)  # not sortable: nothing changes, nothing reloads
    assert text(model, 0, 1) == "企业0000499"
    assert len(source.page_calls) == calls
    assert model.sort_column == 1


def test_roles_alignment_tooltip_and_colour() -> None:
    model = WindowedTableModel(COLUMNS, FakeSource(3))
    assert model.headerData(1, Qt.Orientation.Horizontal) == "企业名称"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) == CENTER
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole) == "企业0000001"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) is None
    brush = model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color() == QColor("#e03131")
    assert model.data(model.index(0, 2), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(2, 1), Qt.ItemDataRole.UserRole) == Row(2, "企业0000002", None)


def test_a_million_rows_scroll_to_the_end_with_a_few_queries(qtbot) -> None:
    source = FakeSource(1_000_000)
    model = WindowedTableModel(COLUMNS, source)
    view = QTableView()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 2) == 999_999)
    assert text(model, 999_999, 1) == "企业0999999"
    assert source.count_calls == 1
    assert len(source.page_calls) <= 4  # the top page, the last page — not 5,000 pages


@pytest.mark.parametrize("rows", [0, 1])
def test_small_and_empty_sources(qtmodeltester, rows: int) -> None:
    model = WindowedTableModel(COLUMNS, FakeSource(rows))
    qtmodeltester.check(model)
    assert model.rowCount() == rows
    assert model.row_at(rows) is None


class _English(QTranslator):
    """A translator that knows one header, as a compiled .qm would."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return "Name" if (context, source) == ("TestPage", "企业名称") else ""


def test_a_marked_header_is_translated_when_shown_not_when_declared(qtbot) -> None:  # type: ignore[no-untyped-def]
    columns = [
        Column("name", QT_TRANSLATE_NOOP("TestPage", "企业名称"), context="TestPage"),
        Column("grade", "风险等级"),  # no context: shown as given
    ]
    model = WindowedTableModel(columns, FakeSource(3))
    assert model.headerData(0, Qt.Orientation.Horizontal) == "企业名称"
    translator = _English()
    QCoreApplication.installTranslator(translator)
    try:
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"  # the same columns, now English
        assert model.headerData(1, Qt.Orientation.Horizontal) == "风险等级"
    finally:
        QCoreApplication.removeTranslator(translator)
