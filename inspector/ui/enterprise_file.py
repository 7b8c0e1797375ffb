"""一企一档: one enterprise's file — key facts, hazard counts by state, visits, hazards, documents,
and its checklist history per item (failed last time? fixed since?).

Double-clicking a visit or a hazard emits its id; the main window opens it (so the same detail
windows serve every page). The hazard tab shows the latest ``HAZARD_ROWS`` only: an enterprise
with more is sent to the tracker page, which pages through any number. Everything the window
shows is read by one op (the header, the counts, the three lists), so a reload is one trip.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.checklists import HistoryEntry, ItemHistory
from inspector.core.context import Services
from inspector.core.documents import DocumentRow
from inspector.core.enterprises import LABELS, EnterpriseInput
from inspector.core.enums import CategoryKind, DocumentKind, HazardLevel, HazardState
from inspector.core.hazards import HazardCounts, HazardFilter, HazardRow
from inspector.core.inspections import InspectionRow
from inspector.ui.ops import Op
from inspector.ui.style import (
    BOLD_TEXT_STYLE,
    CATEGORY_CHIP_COLOURS,
    CHIP_TEXT_COLOUR,
    EMPTY_HINT_STYLE,
    FILE_HEADER_STYLE,
    FILE_NAME_STYLE,
    HAZARD_STATE_COLOURS,
    MAJOR_COLOUR,
    MUTED_COLOUR,
    MUTED_TEXT_STYLE,
    NEUTRAL_CHIP_COLOUR,
    OVERDUE_COLOUR,
    PLANT_IN_PLANT_CHIP_COLOURS,
    RISK_COLOURS,
    RISK_TEXT_COLOURS,
    STATUS_COLOURS,
    file_chip_style,
    icon,
)
from inspector.ui.terms import term

HAZARD_ROWS = 500

# Column headers, translated where the tables are built (EnterpriseFileDialog.tr).
INSPECTION_HEADERS = (
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "检查日期"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "检查类型"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "检查人员"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "发现隐患"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "未销号"),
)
HAZARD_HEADERS = (
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "隐患编号"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "发现日期"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "隐患部位"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "隐患描述"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "隐患等级"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "整改状态"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "整改时限"),
)
DOCUMENT_HEADERS = (
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "文书"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "文号"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "日期"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "送达"),
)

CHECKLIST_HEADERS = (
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "检查表"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "条款"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "检查内容"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "检查次数"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "不合格次数"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "最近一次"),
    QT_TRANSLATE_NOOP("EnterpriseFileDialog", "历次结果"),
)


def chip(text: str, background: str, foreground: str = CHIP_TEXT_COLOUR) -> QLabel:
    """A small rounded tag for categories, status and risk grade."""
    label = QLabel(text)
    label.setStyleSheet(file_chip_style(background, foreground))
    return label


@dataclass(frozen=True)
class EnterpriseFile:
    """Everything the window shows, read in one op."""

    data: EnterpriseInput
    counts: HazardCounts
    visits: list[InspectionRow]
    hazards: list[HazardRow]
    documents: list[DocumentRow]
    checklists: list[ItemHistory]


def read_file(s: Services, enterprise_id: int) -> EnterpriseFile:
    data, _version = s.enterprises.get(enterprise_id)
    return EnterpriseFile(
        data,
        s.hazards.counts_by_state(enterprise_id),
        s.inspections.for_enterprise(enterprise_id),
        s.hazards.page(HazardFilter(enterprise_id=enterprise_id), 0, HAZARD_ROWS),
        s.documents.of_enterprise(enterprise_id),
        s.checklists.history(enterprise_id),
    )


class RowsTable(QWidget):
    """A table that shows an honest hint instead of an empty grid when it has no rows.

    ``activated(id)`` fires on double-click or Enter with the id given for that row.
    """

    activated = Signal(int)

    def __init__(self, headers: list[str], empty_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.hint = QLabel(empty_hint)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet(EMPTY_HINT_STYLE)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # activated = double-click or Enter (platform style); doubleClicked as well would fire twice
        self.table.activated.connect(lambda index: self._activate(index.row()))
        self._ids: list[int | None] = []
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

    def set_rows(
        self,
        rows: Sequence[Sequence[object]],
        ids: Sequence[int | None] | None = None,
        colours: Sequence[str | None] | None = None,
    ) -> None:
        """Display strings per row; ``ids`` for activation; ``colours`` a text colour per row."""
        self._ids = list(ids) if ids is not None else [None] * len(rows)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            colour = colours[r] if colours is not None else None
            for c, value in enumerate(row):
                item = QTableWidgetItem("" if value is None else str(value))
                if colour:
                    item.setForeground(QBrush(QColor(colour)))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 360))
        self.stack.setCurrentWidget(self.table if rows else self.hint)

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self._ids) and self._ids[row] is not None:
            self.activated.emit(self._ids[row])

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.hint


class EnterpriseFileDialog(QDialog):
    """The 一企一档 window; ``edit_requested`` asks the registry page to open the edit form.

    ``loaded`` is False when the enterprise could not be read (the reason was already shown).
    """

    edit_requested = Signal(int)
    inspection_activated = Signal(int)
    hazard_activated = Signal(int)
    new_visit_requested = Signal(int)  # enterprise id
    show_hazards_requested = Signal(int)  # enterprise id: open the tracker filtered to it
    document_activated = Signal(int, str)  # document id and kind: print it again

    def __init__(self, services: Services, enterprise_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.enterprise_id = enterprise_id
        self.setWindowTitle(self.tr("一企一档"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        root = QVBoxLayout(self)
        root.setSpacing(10)

        self.header = QFrame()
        self.header.setObjectName("FileHeader")
        self.header.setStyleSheet(FILE_HEADER_STYLE)
        self._header_layout_box = QVBoxLayout(self.header)
        self._header_layout_box.setContentsMargins(0, 0, 0, 0)
        self._header_content: QWidget | None = None
        root.addWidget(self.header)

        self.summary = QHBoxLayout()
        self.summary.setSpacing(6)
        root.addLayout(self.summary)

        self.inspections = RowsTable(self._headers(INSPECTION_HEADERS), self.tr("暂无检查记录"))
        self.hazards = RowsTable(self._headers(HAZARD_HEADERS), self.tr("暂无隐患记录"))
        self.documents = RowsTable(self._headers(DOCUMENT_HEADERS), self.tr("尚未开具文书"))
        self.checklists = RowsTable(self._headers(CHECKLIST_HEADERS), self.tr("历次检查未使用检查表"))
        self.checklists.setToolTip(self.tr("双击检查项可打开最近一次检查"))
        self.checklists.activated.connect(self.inspection_activated)
        self.inspections.activated.connect(self.inspection_activated)
        self.hazards.activated.connect(self.hazard_activated)
        self._document_kinds: dict[int, str] = {}
        self.documents.activated.connect(
            lambda i: self.document_activated.emit(i, self._document_kinds.get(i, ""))
        )
        self.documents.setToolTip(self.tr("双击文书可再次打印（编号、日期和内容不变）"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.inspections, icon("inspection"), self.tr("检查记录"))
        self.tabs.addTab(self.hazards, icon("hazard"), self.tr("隐患"))
        self.tabs.addTab(self.documents, icon("ledger"), self.tr("执法文书"))
        self.tabs.addTab(self.checklists, icon("inspection"), self.tr("检查表"))
        root.addWidget(self.tabs, 1)
        self.more_hint = QLabel()
        self.more_hint.setStyleSheet(MUTED_TEXT_STYLE)
        self.more_hint.hide()
        root.addWidget(self.more_hint)

        buttons = QDialogButtonBox()
        self.visit_button = buttons.addButton(self.tr("登记检查…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.visit_button.setIcon(icon("add"))
        self.visit_button.clicked.connect(lambda: self.new_visit_requested.emit(self.enterprise_id))
        self.all_hazards_button = buttons.addButton(
            self.tr("在隐患整改中查看"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.all_hazards_button.setIcon(icon("hazard"))
        self.all_hazards_button.clicked.connect(lambda: self.show_hazards_requested.emit(self.enterprise_id))
        self.edit_button = buttons.addButton(self.tr("编辑企业信息"), QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.setIcon(icon("edit"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.enterprise_id))
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        root.addWidget(buttons)

        self.loaded = self.reload()
        self.resize(1040, 760)

    def _headers(self, texts: Sequence[object]) -> list[str]:
        """Marked headers, translated now (QT_TRANSLATE_NOOP is typed object; its value is the text)."""
        return [self.tr(str(text)) for text in texts]

    # -- activity ---------------------------------------------------------------------------------
    def _show_activity(self, file: EnterpriseFile) -> None:
        """Counts by state, visits, the latest hazards and the documents."""
        counts = file.counts
        self._set_summary(counts)

        visits = file.visits
        self.inspections.set_rows(
            [
                (
                    f"{v.inspected_on:%Y-%m-%d}",
                    term(v.kind),
                    v.inspectors,
                    self.tr("{n} 条").format(n=v.hazard_count),
                    self.tr("{n} 条").format(n=v.open_hazard_count) if v.open_hazard_count else "—",
                )
                for v in visits
            ],
            ids=[v.id for v in visits],
        )

        hazards = file.hazards
        self.hazards.set_rows(
            [
                (
                    h.number,
                    f"{h.found_on:%Y-%m-%d}",
                    h.location,
                    h.description,
                    h.level,
                    self.tr("{state}（逾期）").format(state=h.state) if h.is_overdue else h.state,
                    f"{h.deadline:%Y-%m-%d}" if h.deadline else "—",
                )
                for h in hazards
            ],
            ids=[h.id for h in hazards],
            colours=[
                OVERDUE_COLOUR
                if h.is_overdue
                else MAJOR_COLOUR
                if h.level == HazardLevel.MAJOR.value
                else MUTED_COLOUR
                if h.state == HazardState.CLOSED.value
                else None
                for h in hazards
            ],
        )
        if counts.total > len(hazards):
            self.more_hint.setText(
                self.tr("隐患共 {total} 条，这里列出最近 {n} 条；全部请点“在隐患整改中查看”。").format(
                    total=counts.total, n=len(hazards)
                )
            )
            self.more_hint.show()
        else:
            self.more_hint.hide()

        docs = file.documents
        receipt = DocumentKind.DELIVERY_RECEIPT.value
        self._document_kinds = {d.id: d.kind for d in docs}
        self.documents.set_rows(
            [
                (
                    term(d.kind),
                    d.number,
                    f"{d.issued_on:%Y-%m-%d}",
                    "—"
                    if d.kind == receipt
                    else f"{d.delivered_on:%Y-%m-%d} {term(d.delivery_method)}"
                    if d.delivered_on
                    else self.tr("未送达"),
                )
                for d in docs
            ],
            ids=[d.id for d in docs],
            colours=[OVERDUE_COLOUR if d.delivered_on is None and d.kind != receipt else None for d in docs],
        )
        self.tabs.setTabText(0, self.tr("检查记录（{n}）").format(n=len(visits)))
        self.tabs.setTabText(1, self.tr("隐患（{n}）").format(n=counts.total))
        self.tabs.setTabText(2, self.tr("执法文书（{n}）").format(n=len(docs)))
        self._show_checklists(file.checklists)

    def _entry_text(self, e: HistoryEntry) -> str:
        """2026-11-06 不合格（YH2026-000001 已销号）: one visit's answer and what became of it."""
        text = f"{e.inspected_on:%Y-%m-%d} {term(e.result)}"
        if e.hazard_number:
            state = self.tr("已销号") if e.hazard_closed else self.tr("未销号")
            text += self.tr("（{number} {state}）").format(number=e.hazard_number, state=state)
        return text

    def _show_checklists(self, items: list[ItemHistory]) -> None:
        """One row per item checked here: how often, how often failed, the latest answer and every
        visit's; an item whose failure is still open is red, double-click opens its latest visit."""
        self.checklists.set_rows(
            [
                (
                    h.title,
                    h.number,
                    h.content,
                    len(h.entries),
                    h.failures,
                    self._entry_text(h.last),
                    self.tr("；").join(self._entry_text(e) for e in reversed(h.entries)),
                )
                for h in items
            ],
            ids=[h.last.inspection_id for h in items],
            colours=[OVERDUE_COLOUR if h.open_failures else None for h in items],
        )
        table = self.checklists.table
        for r in range(table.rowCount()):
            for c in (2, 6):  # the long texts, elided in the cell: whole in the tooltip
                cell = table.item(r, c)
                if cell is not None:
                    cell.setToolTip(cell.text())
        failing = sum(1 for h in items if h.open_failures)
        self.tabs.setTabText(
            3,
            self.tr("检查表（{n}项，{open}项待整改）").format(n=len(items), open=failing)
            if failing
            else self.tr("检查表（{n}项）").format(n=len(items)),
        )

    def _set_summary(self, counts: HazardCounts) -> None:
        while self.summary.count():
            item = self.summary.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        title = QLabel(self.tr("隐患整改情况："))
        title.setStyleSheet(BOLD_TEXT_STYLE)
        self.summary.addWidget(title)
        if counts.total == 0:
            self.summary.addWidget(QLabel(self.tr("尚无隐患记录")))
        else:
            for state in HazardState:
                n = counts.by_state.get(state.value, 0)
                self.summary.addWidget(
                    chip(
                        self.tr("{state} {n}").format(state=state.value, n=n),
                        HAZARD_STATE_COLOURS[state.value],
                    )
                )
            if counts.overdue:
                self.summary.addWidget(chip(self.tr("逾期 {n}").format(n=counts.overdue), OVERDUE_COLOUR))
            if counts.supervised:
                self.summary.addWidget(
                    chip(self.tr("挂牌督办 {n}").format(n=counts.supervised), MAJOR_COLOUR)
                )
        self.summary.addStretch(1)

    # -- header -----------------------------------------------------------------------------------
    def reload(self) -> bool:
        """Header and activity again (after an edit, a new visit or a lifecycle step); False when
        the enterprise could not be read (the op has said why)."""
        eid = self.enterprise_id
        outcome = Op(self, self.services, lambda s: read_file(s, eid), title=self.tr("一企一档")).run()
        if outcome.value is None:
            return False
        self._show(outcome.value)
        return True

    def _show(self, file: EnterpriseFile) -> None:
        data = file.data
        self.data = data
        self.setWindowTitle(self.tr("一企一档 — {name}").format(name=data.name))
        content = QWidget()
        content.setLayout(self._header_layout(data))
        if self._header_content is not None:
            self._header_layout_box.removeWidget(self._header_content)
            self._header_content.deleteLater()
        self._header_layout_box.addWidget(content)
        self._header_content = content
        self._show_activity(file)

    def _header_layout(self, d: EnterpriseInput) -> QVBoxLayout:
        lay = QVBoxLayout()
        lay.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        name = QLabel(d.name)
        name.setObjectName("FileName")
        name.setStyleSheet(FILE_NAME_STYLE)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(name)
        top.addSpacing(8)
        top.addWidget(chip(d.status, STATUS_COLOURS.get(d.status, NEUTRAL_CHIP_COLOUR)))
        if d.risk_grade:
            top.addWidget(
                chip(
                    self.tr("{grade}色风险").format(grade=d.risk_grade),
                    RISK_COLOURS.get(d.risk_grade, NEUTRAL_CHIP_COLOUR),
                    RISK_TEXT_COLOURS.get(d.risk_grade, CHIP_TEXT_COLOUR),
                )
            )
        top.addStretch(1)
        lay.addLayout(top)

        cats = QHBoxLayout()
        cats.setSpacing(6)
        cats.addWidget(QLabel(self.tr("{label}：").format(label=term(LABELS["categories"]))))
        for kind in d.categories:
            cats.addWidget(chip(kind, *CATEGORY_CHIP_COLOURS))
        if not d.categories:
            cats.addWidget(QLabel(self.tr("无")))
        if d.plant_in_plant:
            cats.addWidget(chip(term(LABELS["plant_in_plant"]), *PLANT_IN_PLANT_CHIP_COLOURS))
        cats.addStretch(1)
        lay.addLayout(cats)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(5)
        facts: list[tuple[str, str]] = [
            ("credit_code", d.credit_code),
            ("jurisdiction", d.jurisdiction),
            ("industry", d.industry),
            ("address", d.address),
            ("legal_representative", d.legal_representative),
            ("principal", d.principal),
            ("safety_director", d.safety_director),
            ("phone", d.phone),
        ]
        if CategoryKind.DUST.value in d.categories:
            facts.append(("dust_kind", d.dust_kind or ""))
            facts.append(
                ("dust_workers", "" if d.dust_workers is None else self.tr("{n} 人").format(n=d.dust_workers))
            )
        if d.major_hazard_grade:
            facts.append(("major_hazard_grade", d.major_hazard_grade))
        if d.hazardous_processes:
            facts.append(("hazardous_processes", "、".join(d.hazardous_processes)))
        if d.notes:
            facts.append(("notes", d.notes))
        for i, (key, value) in enumerate(facts):
            r, c = divmod(i, 2)
            label = QLabel(self.tr("{label}：").format(label=term(LABELS[key])))
            label.setStyleSheet(MUTED_TEXT_STYLE)
            text = QLabel(value or "—")
            text.setObjectName(f"fact_{key}")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, r, c * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, r, c * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        lay.addLayout(grid)
        return lay
