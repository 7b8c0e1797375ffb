"""Pick one enterprise by typing part of its name, its pinyin initials (czhk), credit code or address.

A district registers up to ~100,000 enterprises, so nothing is preloaded: after a short pause in
typing, ``EnterpriseService.search_names`` fetches at most ``MAX_RESULTS`` matches on the database
worker (``Op.start``: typing is never held) and a popup lists them (keyboard: ↓ / Enter, or click);
an answer for a text the user has typed on from is dropped. Picking loads that one enterprise's details, which the
visit dialog uses for defaults (检查场所 = address, 陪同人员 suggestions).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.context import Services
from inspector.core.enterprises import EnterpriseInput, cannot_match
from inspector.ui.ops import Op
from inspector.ui.style import MUTED_COLOUR, MUTED_TEXT

SEARCH_DELAY_MS = 200
MAX_RESULTS = 30
ROLE_ID = Qt.ItemDataRole.UserRole + 1
ROLE_NAME = Qt.ItemDataRole.UserRole + 2


class EnterprisePicker(QWidget):
    """A search box that resolves to one enterprise id; ``enterprise_changed`` carries it (or None
    when the user edits the text away from the picked name)."""

    enterprise_changed = Signal(object)  # int | None

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._id: int | None = None
        self._name = ""
        self.details: EnterpriseInput | None = None
        self._misses: set[str] = set()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setObjectName("enterprise_search")
        self.edit.setPlaceholderText(
            self.tr("输入企业名称、拼音首字母、统一社会信用代码或地址的一部分，然后从列表中选择")
        )
        self.edit.setClearButtonEnabled(True)
        lay.addWidget(self.edit)
        self.info = QLabel()
        self.info.setObjectName("enterprise_info")
        self.info.setStyleSheet(MUTED_TEXT)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.info)
        self.setFocusProxy(self.edit)

        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        # Results are already filtered by the database; the completer must show them as they are.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(ROLE_NAME)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.edit)  # not setCompleter: we decide when the popup opens
        popup = QTreeView()  # two aligned columns: name, credit code
        popup.setHeaderHidden(True)
        popup.setRootIsDecorated(False)
        popup.setUniformRowHeights(True)
        popup.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        popup.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        popup.setObjectName("enterprise_popup")
        self.completer.setPopup(popup)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]  # the stubs type a Signal's overload subscript as not indexable

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._edited)
        self._show_info()

    # -- public -------------------------------------------------------------------------------
    def enterprise_id(self) -> int | None:
        return self._id

    def enterprise_name(self) -> str:
        return self._name

    def set_enterprise(self, enterprise_id: int | None) -> None:
        """Pre-select (e.g. when logging a visit from an enterprise's file)."""
        if enterprise_id is None:
            self._choose(None, "")
            self.edit.clear()
            return
        outcome = Op(self, self.services, lambda s: s.enterprises.get(enterprise_id)).run()
        if outcome.value is None:  # gone meanwhile: the default message said so
            self._choose(None, "")
            return
        details, _version = outcome.value
        self.edit.setText(details.name)
        self._choose(enterprise_id, details.name, details)

    def search_now(self) -> None:
        """Query the database for the current text; the popup opens with the matches."""
        self._timer.stop()
        text = self.edit.text().strip()
        if not text or (self._id is not None and text == self._name):
            self.model.clear()
            self._popup().hide()
            return
        # A text that contains one which found nothing (or, for pinyin, starts with it) cannot find
        # anything either: skip the query (a no-match Chinese search scans the whole table).
        if any(cannot_match(text, miss) for miss in self._misses):
            self._show_matches(text, [])
            return
        Op(self, self.services, lambda s: s.enterprises.search_names(text, MAX_RESULTS)).success(
            lambda rows: self._answered(text, rows)
        ).start()

    def _answered(self, text: str, rows: list[tuple[int, str, str]]) -> None:
        if not rows:
            self._misses.add(text)
        if text != self.edit.text().strip() or (self._id is not None and text == self._name):
            return  # typed on (a newer search is on its way) or picked meanwhile
        self._show_matches(text, rows)

    def _show_matches(self, text: str, rows: list[tuple[int, str, str]]) -> None:
        self.model.clear()
        muted = QBrush(QColor(MUTED_COLOUR))
        for eid, name, code in rows:
            item = QStandardItem(name)
            item.setData(eid, ROLE_ID)
            item.setData(name, ROLE_NAME)
            item.setToolTip(f"{name}\n{code}")
            code_item = QStandardItem(code)
            code_item.setForeground(muted)
            code_item.setData(eid, ROLE_ID)
            code_item.setData(name, ROLE_NAME)
            self.model.appendRow([item, code_item])
        if not rows:
            item = QStandardItem(self.tr("未找到匹配“{text}”的企业").format(text=text))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setData(text, ROLE_NAME)
            self.model.appendRow(item)
        elif len(rows) == MAX_RESULTS:
            item = QStandardItem(self.tr("仅显示前{n}个，请输入更多文字缩小范围").format(n=MAX_RESULTS))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setData(text, ROLE_NAME)
            self.model.appendRow(item)
        self.completer.setCompletionPrefix("")
        popup = self._popup()
        if isinstance(popup, QTreeView):
            popup.header().setStretchLastSection(True)
            popup.resizeColumnToContents(0)
            popup.setColumnWidth(0, popup.columnWidth(0) + 24)
        popup.setMinimumWidth(max(self.edit.width(), 420))
        self.completer.complete()
        if rows:
            popup.setCurrentIndex(self.completer.completionModel().index(0, 0))

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # set in __init__
        return popup

    # -- internals ------------------------------------------------------------------------------
    def _edited(self, text: str) -> None:
        if self._id is not None and text != self._name:
            self._choose(None, "")
        self._timer.start()

    def _activated(self, index: QModelIndex) -> None:
        eid = index.data(ROLE_ID)
        if eid is None:
            return
        name = str(index.data(ROLE_NAME))
        self.edit.setText(name)
        outcome = Op(self, self.services, lambda s: s.enterprises.get(int(eid))).run()
        if outcome.value is None:  # deleted since the search: the default message said so
            self._choose(None, "")
            return
        self._choose(int(eid), name, outcome.value[0])

    def _choose(self, eid: int | None, name: str, details: EnterpriseInput | None = None) -> None:
        changed = eid != self._id
        self._id, self._name, self.details = eid, name, details if eid is not None else None
        self._show_info()
        if changed:
            self.enterprise_changed.emit(eid)

    def _show_info(self) -> None:
        d = self.details
        if d is None:
            self.info.setText(self.tr("未选择企业"))
            return
        parts = [d.credit_code, d.jurisdiction, d.address, d.status]
        if d.risk_grade:
            parts.append(self.tr("风险等级：{g}").format(g=d.risk_grade))
        self.info.setText("  ·  ".join(p for p in parts if p))
