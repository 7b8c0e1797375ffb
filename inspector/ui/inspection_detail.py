"""One inspection visit at a glance: the facts, the hazards found, the checklist results (with
each item's photos), and the documents of its chain.

Opened from the 检查记录 page. Everything comes from ``InspectionService.get`` and
``DocumentService.chain`` (the visit's documents, the opinions of its order and the receipts,
each with its 送达), read in one op; the print buttons issue or reprint through ``print_actions``, so the numbers
shown here are the numbers printed. 登记送达 records a delivery and prints its 文书送达回执;
double-clicking a document prints it again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.checklists import ChecklistPhotoMeta, ItemResult, VisitChecklist
from inspector.core.context import Services
from inspector.core.documents import DocumentRow
from inspector.core.enums import DocumentKind, HazardLevel, HazardState
from inspector.core.hazards import HazardRow
from inspector.core.inspections import InspectionDetail
from inspector.core.photos import PhotoMeta
from inspector.ui import print_actions
from inspector.ui.delivery_dialog import DeliveryDialog
from inspector.ui.ops import Op
from inspector.ui.photo_strip import PhotoStrip
from inspector.ui.style import (
    BOLD_TEXT,
    ERROR_COLOUR,
    FACTS_FRAME,
    HAZARD_STATE_COLOURS,
    MAJOR_COLOUR,
    MUTED_COLOUR,
    MUTED_TEXT,
    OK_COLOUR,
    OVERDUE_COLOUR,
    icon,
)
from inspector.ui.terms import term

# str(): the stubs type QT_TRANSLATE_NOOP as returning object; shown through self.tr.
HAZARD_COLUMNS = (
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "隐患编号")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "隐患部位")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "隐患描述")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "隐患等级")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "整改期限")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "整改状态")),
)
CHECKLIST_COLUMNS = (
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "条款")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "检查内容")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "结果")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "说明")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "照片")),
)
RESULT_COLOURS = {ItemResult.PASSED.value: OK_COLOUR, ItemResult.FAILED.value: ERROR_COLOUR}
DOCUMENT_COLUMNS = (
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "文书名称")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "文书编号")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "文书日期")),
    str(QT_TRANSLATE_NOOP("InspectionDetailDialog", "送达")),
)


def _ymd(d: date | None) -> str:
    return d.strftime("%Y-%m-%d") if d else ""


def _hm(t: time | None) -> str:
    return t.strftime("%H:%M") if t else ""


def _item(text: str, *, align: Qt.AlignmentFlag | None = None, colour: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align is not None:
        item.setTextAlignment(align)
    if colour is not None:
        item.setForeground(QColor(colour))
    return item


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(28)
    table.horizontalHeader().setHighlightSections(False)
    return table


class InspectionDetailDialog(QDialog):
    """The visit's facts, hazards and documents; ``hazard_activated(id)`` on a hazard double-click.

    ``loaded`` is False when the visit could not be read (the user was told why).
    """

    hazard_activated = Signal(int)
    documents_changed = Signal()

    def __init__(
        self,
        services: Services,
        actor: Callable[[], Actor],
        inspection_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.inspection_id = inspection_id
        self.detail: InspectionDetail | None = None
        self._documents: list[DocumentRow] = []
        self._results: list[
            tuple[str, tuple[ChecklistPhotoMeta, ...]]
        ] = []  # per checklist row: (number, photos)
        self.setWindowTitle(self.tr("检查详情"))
        self.setMinimumSize(820, 620)
        self._build()
        self.loaded = self.reload()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(18, 14, 18, 12)
        root.setSpacing(10)

        self.title_label = QLabel()
        self.title_label.setObjectName("PageTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.title_label)
        self.address_label = QLabel()
        self.address_label.setStyleSheet(MUTED_TEXT)
        root.addWidget(self.address_label)

        facts = QFrame()
        facts.setObjectName("facts")
        facts.setStyleSheet(FACTS_FRAME)
        grid = QGridLayout(facts)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        self.fact_labels: dict[str, QLabel] = {}
        layout = [
            ("time", self.tr("检查时间"), 0, 0),
            ("kind", self.tr("检查类型"), 0, 2),
            ("place", self.tr("检查场所"), 1, 0),
            ("representative", self.tr("企业陪同人员"), 1, 2),
            ("inspectors", self.tr("检查人员"), 2, 0),
            ("notes", self.tr("检查情况"), 3, 0),
        ]
        for key, label, row, col in layout:
            name = QLabel(self.tr("{label}：").format(label=label))
            name.setStyleSheet(MUTED_TEXT)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = value
            grid.addWidget(name, row, col)
            span = 3 if key in ("inspectors", "notes") else 1
            grid.addWidget(value, row, col + 1, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        root.addWidget(facts)

        self.hazards_heading = QLabel()
        self.hazards_heading.setStyleSheet(BOLD_TEXT)
        root.addWidget(self.hazards_heading)
        self.hazard_table = _table(
            [self.tr(c) for c in HAZARD_COLUMNS],
            "hazard_table",
        )
        hh = self.hazard_table.horizontalHeader()
        for i, w in enumerate((120, 110, 300, 76, 92, 92)):
            hh.resizeSection(i, w)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.hazard_table.setToolTip(self.tr("双击隐患可打开其整改详情"))
        self.hazard_table.cellDoubleClicked.connect(self._hazard_double_clicked)
        root.addWidget(self.hazard_table, 3)

        self.checklist_heading = QLabel()
        self.checklist_heading.setObjectName("checklist_heading")
        self.checklist_heading.setStyleSheet(BOLD_TEXT)
        self.checklist_heading.setWordWrap(True)
        root.addWidget(self.checklist_heading)
        self.checklist_table = _table([self.tr(c) for c in CHECKLIST_COLUMNS], "checklist_table")
        ch = self.checklist_table.horizontalHeader()
        for i, w in enumerate((120, 300, 70, 180, 56)):
            ch.resizeSection(i, w)
        ch.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.checklist_table.setToolTip(self.tr("选中有照片的检查项，可在下方查看其照片"))
        self.checklist_table.currentCellChanged.connect(lambda *_a: self._show_item_photos())
        root.addWidget(self.checklist_table, 2)
        self.item_photos = PhotoStrip(editable=False)
        self.item_photos.setObjectName("item_photos")
        self.item_photos.read_content = lambda s, photo_id: s.checklists.photo_content(photo_id)
        self.item_photos.list.empty_text = self.tr("该检查项没有照片")
        root.addWidget(self.item_photos)

        self.documents_heading = QLabel(self.tr("已出具文书"))
        self.documents_heading.setStyleSheet(BOLD_TEXT)
        root.addWidget(self.documents_heading)
        self.document_table = _table([self.tr(c) for c in DOCUMENT_COLUMNS], "document_table")
        dh = self.document_table.horizontalHeader()
        dh.resizeSection(0, 150)
        dh.resizeSection(2, 96)
        dh.resizeSection(3, 150)
        dh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.document_table.setMaximumHeight(150)
        self.document_table.setToolTip(self.tr("双击文书可再次打印（编号、日期和内容不变）"))
        self.document_table.cellDoubleClicked.connect(self._document_double_clicked)
        root.addWidget(self.document_table, 1)
        self.no_documents_label = QLabel(
            self.tr("尚未出具文书。可用下方按钮打印现场检查记录、现场处理措施决定书和责令限期整改指令书。")
        )
        self.no_documents_label.setStyleSheet(MUTED_TEXT)
        root.addWidget(self.no_documents_label)

        self.status_label = QLabel()
        self.status_label.setObjectName("CountLabel")
        self.status_label.setWordWrap(True)
        root.addWidget(self.status_label)

        buttons = QHBoxLayout()
        self.record_button = QPushButton(icon("print"), self.tr("打印检查记录"))
        self.decision_button = QPushButton(icon("print"), self.tr("打印现场处理措施决定书"))
        self.order_button = QPushButton(icon("print"), self.tr("打印整改指令书"))
        self.deliver_button = QPushButton(self.tr("登记送达…"))
        self.deliver_button.setObjectName("deliver_button")
        self.record_button.clicked.connect(lambda: self.print_document(DocumentKind.INSPECTION_RECORD))
        self.decision_button.clicked.connect(lambda: self.print_document(DocumentKind.ONSITE_DECISION))
        self.order_button.clicked.connect(lambda: self.print_document(DocumentKind.RECTIFICATION_ORDER))
        self.deliver_button.clicked.connect(self.record_delivery)
        for button in (self.record_button, self.decision_button, self.order_button, self.deliver_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        box.rejected.connect(self.reject)
        buttons.addWidget(box)
        root.addLayout(buttons)

    # -- loading ----------------------------------------------------------------------------------
    def reload(self) -> bool:
        """Read the visit again (after printing, or after a hazard changed elsewhere)."""
        iid = self.inspection_id
        outcome = Op(
            self.parentWidget(),
            self.services,
            lambda s: (s.inspections.get(iid), s.documents.chain(iid), s.checklists.results(iid)),
            title=self.tr("无法打开检查记录"),
        ).run()
        if outcome.value is None:
            return False
        detail, documents, checklists = outcome.value
        self.detail = detail
        self.setWindowTitle(self.tr("检查详情 — {name}").format(name=detail.enterprise_name))
        self.title_label.setText(detail.enterprise_name)
        self.address_label.setText(
            "  ".join(x for x in (detail.jurisdiction, detail.enterprise_address) if x)
        )
        span = "–".join(x for x in (_hm(detail.start_time), _hm(detail.end_time)) if x)
        f = self.fact_labels
        f["time"].setText(f"{_ymd(detail.inspected_on)} {span}".strip())
        f["kind"].setText(term(detail.kind))
        f["place"].setText(detail.place or "—")
        f["representative"].setText(detail.representative or "—")
        f["inspectors"].setText(
            "、".join(
                self.tr("{name}（执法证号 {number}）").format(name=i.name, number=i.certificate_no)
                if i.certificate_no
                else i.name
                for i in detail.inspectors
            )
            or "—"
        )
        f["notes"].setText(detail.notes or "—")
        self._fill_hazards(detail.hazards)
        self._fill_checklists(checklists)
        self._fill_documents(documents)
        open_count = sum(1 for h in detail.hazards if h.state != HazardState.CLOSED.value)
        self.hazards_heading.setText(
            self.tr("发现隐患 {n} 条，未销号 {open} 条").format(n=len(detail.hazards), open=open_count)
            if detail.hazards
            else self.tr("本次检查未发现隐患")
        )
        self.order_button.setEnabled(bool(detail.hazards))
        self.decision_button.setVisible(detail.onsite_measure_hazards > 0)
        return True

    def _fill_hazards(self, hazards: list[HazardRow]) -> None:
        table = self.hazard_table
        table.setRowCount(len(hazards))
        centre = Qt.AlignmentFlag.AlignCenter
        for r, h in enumerate(hazards):
            number = _item(h.number)
            number.setData(Qt.ItemDataRole.UserRole, h.id)
            table.setItem(r, 0, number)
            table.setItem(r, 1, _item(h.location))
            desc = _item(h.description)
            desc.setToolTip(h.description)
            table.setItem(r, 2, desc)
            major = h.level == HazardLevel.MAJOR.value
            table.setItem(r, 3, _item(h.level, align=centre, colour=MAJOR_COLOUR if major else None))
            table.setItem(r, 4, _item(_ymd(h.deadline), align=centre))
            state = h.state + (self.tr("（逾期）") if h.is_overdue else "")
            colour = OVERDUE_COLOUR if h.is_overdue else HAZARD_STATE_COLOURS.get(h.state)
            table.setItem(r, 5, _item(state, align=centre, colour=colour))

    def _fill_checklists(self, visits: list[VisitChecklist]) -> None:
        """Every item the visit answered, list by list; the photos of the selected item below."""
        rows = [(v, r) for v in visits for r in v.results]
        table = self.checklist_table
        table.setRowCount(len(rows))
        centre = Qt.AlignmentFlag.AlignCenter
        self._results = []
        for n, (v, r) in enumerate(rows):
            number = _item(r.item.number)
            number.setToolTip(v.checklist.label)
            table.setItem(n, 0, number)
            content = _item(r.item.content)
            content.setToolTip(r.item.content)
            table.setItem(n, 1, content)
            result = term(r.result)
            if r.hazard_number:
                result = self.tr("{result}（{hazard}）").format(result=result, hazard=r.hazard_number)
            table.setItem(n, 2, _item(result, align=centre, colour=RESULT_COLOURS.get(r.result)))
            table.setItem(n, 3, _item(r.note))
            photos = _item(str(len(r.photos)) if r.photos else "", align=centre)
            if r.photos:
                photos.setIcon(icon("photo_add"))
            table.setItem(n, 4, photos)
            self._results.append((r.item.number, r.photos))
        failed = sum(1 for _v, r in rows if r.result == ItemResult.FAILED.value)
        self.checklist_heading.setText(
            self.tr("检查表：{titles}；检查 {n} 项，不合格 {failed} 项").format(
                titles="、".join(v.checklist.label for v in visits), n=len(rows), failed=failed
            )
        )
        for w in (self.checklist_heading, self.checklist_table):
            w.setVisible(bool(rows))
        first = next((i for i, (_n, p) in enumerate(self._results) if p), None)
        if first is not None:
            table.setCurrentCell(first, 0)
        self._show_item_photos()

    def _show_item_photos(self) -> None:
        row = self.checklist_table.currentRow()
        number, photos = self._results[row] if 0 <= row < len(self._results) else ("", ())
        self.item_photos.setVisible(any(p for _n, p in self._results))
        # The strip's "phase" slot names the item here: its tooltips read 第十一条（三）：file.jpg.
        metas = [
            PhotoMeta(p.id, 0, number, p.filename, p.caption, p.sha256, p.mime, p.size, p.added_at)
            for p in photos
        ]
        self.item_photos.set_saved(metas, self.services)

    def item_photo_count(self) -> int:
        """Photos shown for the selected checklist item."""
        return self.item_photos.saved_count()

    def documents(self) -> list[DocumentRow]:
        """The documents of this visit's chain, in issuing order (as last read)."""
        return list(self._documents)

    def _reload_documents(self) -> None:
        """After printing or a delivery: the chain read again (one op)."""
        iid = self.inspection_id
        Op(self, self.services, lambda s: s.documents.chain(iid)).success(self._fill_documents).run()

    def _fill_documents(self, docs: list[DocumentRow]) -> None:
        self._documents = docs
        table = self.document_table
        table.setRowCount(len(docs))
        centre = Qt.AlignmentFlag.AlignCenter
        for r, d in enumerate(docs):
            kind = _item(term(d.kind))
            kind.setData(Qt.ItemDataRole.UserRole, d.id)
            table.setItem(r, 0, kind)
            table.setItem(r, 1, _item(d.number))
            table.setItem(r, 2, _item(_ymd(d.issued_on), align=centre))
            if d.kind == DocumentKind.DELIVERY_RECEIPT.value:
                delivered = _item("—", align=centre, colour=MUTED_COLOUR)
            elif d.delivered_on is not None:
                delivered = _item(f"{_ymd(d.delivered_on)} {term(d.delivery_method)}", align=centre)
            else:
                delivered = _item(self.tr("未送达"), align=centre, colour=OVERDUE_COLOUR)
            table.setItem(r, 3, delivered)
        table.setVisible(bool(docs))
        self.no_documents_label.setVisible(not docs)
        undelivered = [
            d for d in docs if d.delivered_on is None and d.kind != DocumentKind.DELIVERY_RECEIPT.value
        ]
        self.deliver_button.setEnabled(bool(undelivered))

    # -- actions ----------------------------------------------------------------------------------
    def hazard_ids(self) -> list[int]:
        return [h.id for h in self.detail.hazards] if self.detail else []

    def _hazard_double_clicked(self, row: int, _column: int) -> None:
        item = self.hazard_table.item(row, 0)
        if item is not None:
            self.hazard_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def print_document(self, kind: DocumentKind) -> None:
        path = print_actions.print_document(
            self, self.services, self._actor(), kind, self.inspection_id, status=self.status_label.setText
        )
        if path is not None:
            self._reload_documents()
            self.documents_changed.emit()

    def _document_double_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._documents):
            d = self._documents[row]
            path = print_actions.reprint_document(
                self,
                self.services,
                self._actor(),
                d.id,
                DocumentKind(d.kind),
                status=self.status_label.setText,
            )
            if path is not None:
                self.documents_changed.emit()

    def make_delivery_dialog(self) -> DeliveryDialog | None:
        if self.detail is None:
            return None
        detail = self.detail
        listed = Op(self, self.services, lambda s: s.inspectors.list(active_only=True)).run()
        if listed.value is None:
            return None
        return DeliveryDialog(
            self.services,
            self._actor(),
            self._documents,
            listed.value,
            place=detail.enterprise_address,
            recipient=detail.representative,
            servers=[i.id for i in detail.inspectors][:2],
            parent=self,
        )

    def record_delivery(self) -> None:
        """登记送达, then print the 文书送达回执 for the recipient to sign."""
        dialog = self.make_delivery_dialog()
        if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted or dialog.receipt is None:
            return
        receipt = dialog.receipt
        self._reload_documents()
        self.documents_changed.emit()
        print_actions.reprint_document(
            self,
            self.services,
            self._actor(),
            receipt.id,
            DocumentKind.DELIVERY_RECEIPT,
            status=self.status_label.setText,
        )
