"""一企一档: one enterprise's file — key facts, categories, its inspections and hazards.

Inspections and hazards are not modelled in the UI yet; ``set_inspections`` / ``set_hazards``
take plain rows (one sequence of display strings per line) so the issue that adds them only
has to fetch rows and call these two methods.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.context import Services
from inspector.core.enterprises import LABELS, EnterpriseInput
from inspector.core.enums import CategoryKind
from inspector.ui.style import MUTED_COLOUR, RISK_COLOURS, RISK_TEXT_COLOURS, STATUS_COLOURS, icon


def _t(text: str) -> str:
    return QCoreApplication.translate("EnterpriseFile", text)


def inspection_headers() -> list[str]:
    return [_t("检查日期"), _t("检查类型"), _t("检查人员"), _t("检查情况"), _t("发现隐患")]


def hazard_headers() -> list[str]:
    return [
        _t("隐患编号"),
        _t("发现日期"),
        _t("隐患部位"),
        _t("隐患描述"),
        _t("隐患等级"),
        _t("整改状态"),
        _t("整改时限"),
    ]


def chip(text: str, background: str, foreground: str = "#ffffff") -> QLabel:
    """A small rounded tag for categories, status and risk grade."""
    label = QLabel(text)
    label.setStyleSheet(f"background:{background}; color:{foreground}; border-radius:9px; padding:2px 9px;")
    return label


class RowsTable(QWidget):
    """A titled table that shows an honest hint instead of an empty grid when it has no rows."""

    def __init__(self, headers: list[str], empty_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.hint = QLabel(empty_hint)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet(f"color:{MUTED_COLOUR}; padding:18px;")
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stack)

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.stack.setCurrentWidget(self.table if rows else self.hint)

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.hint


class EnterpriseFileDialog(QDialog):
    """The 一企一档 window; ``edit_requested`` asks the registry page to open the edit form."""

    edit_requested = Signal(int)

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
        self.header.setStyleSheet(
            "QFrame#FileHeader { background:#f7f9fc; border:1px solid #e1e5ea; border-radius:6px; }"
        )
        self._header_layout_box = QVBoxLayout(self.header)
        self._header_layout_box.setContentsMargins(0, 0, 0, 0)
        self._header_content: QWidget | None = None
        root.addWidget(self.header)

        self.inspections = RowsTable(inspection_headers(), self.tr("暂无检查记录"))
        self.hazards = RowsTable(hazard_headers(), self.tr("暂无隐患记录"))
        for title, table in ((self.tr("检查记录"), self.inspections), (self.tr("隐患"), self.hazards)):
            box = QGroupBox(title)
            lay = QVBoxLayout(box)
            lay.addWidget(table)
            root.addWidget(box, 1)

        buttons = QDialogButtonBox()
        self.edit_button = buttons.addButton(self.tr("编辑企业信息"), QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.setIcon(icon("edit"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.enterprise_id))
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        root.addWidget(buttons)

        self.reload()
        self.set_inspections([])
        self.set_hazards([])
        self.resize(960, 720)

    # -- the seam for later issues ----------------------------------------------------------------
    def set_inspections(self, rows: Sequence[Sequence[object]]) -> None:
        """Rows in the order of inspection_headers()."""
        self.inspections.set_rows(rows)

    def set_hazards(self, rows: Sequence[Sequence[object]]) -> None:
        """Rows in the order of hazard_headers()."""
        self.hazards.set_rows(rows)

    # -- header -----------------------------------------------------------------------------------
    def reload(self) -> None:
        data, _version = self.services.enterprises.get(self.enterprise_id)
        self.data = data
        self.setWindowTitle(self.tr("一企一档 — {name}").format(name=data.name))
        content = QWidget()
        content.setLayout(self._header_layout(data))
        if self._header_content is not None:
            self._header_layout_box.removeWidget(self._header_content)
            self._header_content.deleteLater()
        self._header_layout_box.addWidget(content)
        self._header_content = content

    def _header_layout(self, d: EnterpriseInput) -> QVBoxLayout:
        lay = QVBoxLayout()
        lay.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        name = QLabel(d.name)
        name.setObjectName("FileName")
        name.setStyleSheet("font-size:15pt; font-weight:bold; color:#1f2d3d;")
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(name)
        top.addSpacing(8)
        top.addWidget(chip(d.status, STATUS_COLOURS.get(d.status, "#868e96")))
        if d.risk_grade:
            top.addWidget(
                chip(
                    self.tr("{grade}色风险").format(grade=d.risk_grade),
                    RISK_COLOURS.get(d.risk_grade, "#868e96"),
                    RISK_TEXT_COLOURS.get(d.risk_grade, "#ffffff"),
                )
            )
        top.addStretch(1)
        lay.addLayout(top)

        cats = QHBoxLayout()
        cats.setSpacing(6)
        cats.addWidget(QLabel(LABELS["categories"] + "："))
        for kind in d.categories:
            cats.addWidget(chip(kind, "#e7f0fd", "#1553a8"))
        if not d.categories:
            cats.addWidget(QLabel(self.tr("无")))
        if d.plant_in_plant:
            cats.addWidget(chip(LABELS["plant_in_plant"], "#fff0f0", "#c92a2a"))
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
            label = QLabel(LABELS[key] + "：")
            label.setStyleSheet(f"color:{MUTED_COLOUR};")
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
