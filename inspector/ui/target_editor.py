"""目标企业: edit a target set (core.targets) — a filter over the registry or a hand-picked list.

The filter is what a 科室负责人 says aloud ("涉爆粉尘，罗溪镇和春江街道，在产"): 监管类别, 属地, 风险等级
(any ticked value matches; none ticked: no restriction), three yes/no/不限 flags, and whether
停产 enterprises count. A hand-picked list is built with the registry's search picker. Under it
the editor says live how many enterprises match: one COUNT on the database worker after a short
pause (``Op.start``, typing and ticking are never held); an answer for a set edited since is
dropped. Nothing here loads the set itself, so it stays quick at 100,000 enterprises.

The 属地 choices are handed in by the dialog (read once with the rest of its start data).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.context import Services
from inspector.core.enums import CategoryKind, OperatingStatus, RiskGrade
from inspector.core.targets import HAND_PICKED_LIMIT, TargetSet
from inspector.ui.enterprise_picker import EnterprisePicker
from inspector.ui.ops import Op
from inspector.ui.style import MUTED_TEXT, TARGET_COUNT_TEXT, icon
from inspector.ui.terms import term
from inspector.ui.widgets import error_label

COUNT_DELAY_MS = 250
FLAGS = (  # (TargetSet attribute, label)
    ("major_hazard", QT_TRANSLATE_NOOP("TargetEditor", "重大危险源")),
    ("hazardous_process", QT_TRANSLATE_NOOP("TargetEditor", "危险化工工艺")),
    ("plant_in_plant", QT_TRANSLATE_NOOP("TargetEditor", "厂中厂")),
)


def _ticks(boxes: dict[str, QCheckBox]) -> tuple[str, ...]:
    return tuple(v for v, b in boxes.items() if b.isChecked())


class TargetEditor(QWidget):
    """Edits one ``TargetSet``; ``changed`` on every edit, ``counted(int)`` when the count arrived."""

    changed = Signal()
    counted = Signal(int)

    def __init__(self, services: Services, jurisdictions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._jurisdictions = list(jurisdictions)
        self._picked: dict[int, str] = {}  # id -> label, in the order picked
        self._asked = 0  # the number of the last count asked for (older answers are dropped)
        self.last_count: int | None = None
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.count_now)
        self.set_target(TargetSet())

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(4)
        choice = QHBoxLayout()
        self.by_filter = QRadioButton(self.tr("按条件选定"))
        self.by_filter.setObjectName("target_by_filter")
        self.by_hand = QRadioButton(self.tr("指定企业"))
        self.by_hand.setObjectName("target_by_hand")
        group = QButtonGroup(self)
        group.addButton(self.by_filter)
        group.addButton(self.by_hand)
        self.by_filter.setChecked(True)
        choice.addWidget(self.by_filter)
        choice.addWidget(self.by_hand)
        choice.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("target_count")
        self.count_label.setStyleSheet(TARGET_COUNT_TEXT)
        choice.addWidget(self.count_label)
        root.addLayout(choice)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._filter_page())
        self.stack.addWidget(self._picked_page())
        root.addWidget(self.stack)
        self.error = error_label("target")
        root.addWidget(self.error)
        self.by_filter.toggled.connect(self._mode_changed)

    def _filter_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel(self.tr("监管类别")), 0, 0, Qt.AlignmentFlag.AlignTop)
        cats = QGridLayout()
        cats.setHorizontalSpacing(12)
        self.categories: dict[str, QCheckBox] = {}
        for n, kind in enumerate(CategoryKind):
            box = QCheckBox(term(kind.value))
            box.setObjectName(f"category_{n}")
            box.toggled.connect(self._edited)
            self.categories[kind.value] = box
            cats.addWidget(box, n // 4, n % 4)
        grid.addLayout(cats, 0, 1)

        grid.addWidget(QLabel(self.tr("属地")), 1, 0, Qt.AlignmentFlag.AlignTop)
        self.places = QListWidget()
        self.places.setObjectName("target_places")
        self.places.setFlow(QListWidget.Flow.LeftToRight)
        self.places.setWrapping(True)
        self.places.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.places.setSpacing(2)
        self.places.setFixedHeight(self.fontMetrics().height() * 3 + 22)
        self.places.setToolTip(self.tr("不勾选即不限属地"))
        self.places.itemChanged.connect(lambda _i: self._edited())
        grid.addWidget(self.places, 1, 1)

        grid.addWidget(QLabel(self.tr("风险等级")), 2, 0)
        grades = QHBoxLayout()
        self.grades: dict[str, QCheckBox] = {}
        for grade in RiskGrade:
            box = QCheckBox(term(grade.value))
            box.toggled.connect(self._edited)
            self.grades[grade.value] = box
            grades.addWidget(box)
        grades.addStretch(1)
        grid.addLayout(grades, 2, 1)

        flags = QHBoxLayout()
        self.flags: dict[str, QComboBox] = {}
        for name, label in FLAGS:
            flags.addWidget(QLabel(QCoreApplication.translate("TargetEditor", str(label))))
            flags.addSpacing(4)
            combo = QComboBox()
            combo.setObjectName(f"flag_{name}")
            combo.addItem(self.tr("不限"), None)
            combo.addItem(self.tr("有"), True)
            combo.addItem(self.tr("无"), False)
            combo.currentIndexChanged.connect(lambda _i: self._edited())
            self.flags[name] = combo
            flags.addWidget(combo)
            flags.addSpacing(8)
        self.suspended = QCheckBox(self.tr("含停产企业"))
        self.suspended.setObjectName("target_suspended")
        self.suspended.toggled.connect(self._edited)
        flags.addWidget(self.suspended)
        flags.addStretch(1)
        grid.addWidget(QLabel(self.tr("其他")), 3, 0)
        grid.addLayout(flags, 3, 1)
        grid.setColumnStretch(1, 1)
        return page

    def _picked_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        row = QHBoxLayout()
        self.picker = EnterprisePicker(self.services)
        self.picker.enterprise_changed.connect(self._picked_one)
        row.addWidget(self.picker, 1)
        self.remove_button = QPushButton(icon("photo_remove"), self.tr("移除"))
        self.remove_button.setObjectName("target_remove")
        self.remove_button.clicked.connect(self._remove_selected)
        row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)
        self.picked_list = QListWidget()
        self.picked_list.setObjectName("target_picked")
        self.picked_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.picked_list.setFixedHeight(self.fontMetrics().height() * 5 + 20)
        lay.addWidget(self.picked_list)
        hint = QLabel(
            self.tr("搜索并选择企业即加入名单（最多{n}家）；停产、关闭的企业仍列出，关闭的不计入。").format(
                n=HAND_PICKED_LIMIT
            )
        )
        hint.setStyleSheet(MUTED_TEXT)
        hint.setWordWrap(True)
        lay.addWidget(hint)
        return page

    # -- the set --------------------------------------------------------------------------------
    def set_target(self, target: TargetSet, names: dict[int, tuple[str, str]] | None = None) -> None:
        """Show ``target``; ``names`` (id -> (name, status)) labels a hand-picked list."""
        self._loading = True
        try:
            for value, box in self.categories.items():
                box.setChecked(value in target.categories)
            for value, box in self.grades.items():
                box.setChecked(value in target.risk_grades)
            for name, combo in self.flags.items():
                combo.setCurrentIndex(combo.findData(getattr(target, name)))
            self.suspended.setChecked(target.include_suspended)
            self._fill_places(target.jurisdictions)
            self._picked = {}
            for eid in target.enterprise_ids:
                name, status = (names or {}).get(eid, (self.tr("企业（编号 {id}）").format(id=eid), ""))
                self._picked[eid] = self._label(name, status)
            self._fill_picked()
            (self.by_hand if target.hand_picked else self.by_filter).setChecked(True)
            self.stack.setCurrentIndex(1 if target.hand_picked else 0)
        finally:
            self._loading = False
        self.show_error("")
        self.count_now()

    def _label(self, name: str, status: str) -> str:
        if status and status != OperatingStatus.PRODUCING.value:
            return self.tr("{name}（{status}）").format(name=name, status=term(status))
        return name

    def _fill_places(self, chosen: tuple[str, ...]) -> None:
        self.places.blockSignals(True)
        self.places.clear()
        for place in [*self._jurisdictions, *(j for j in chosen if j not in self._jurisdictions)]:
            item = QListWidgetItem(place)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if place in chosen else Qt.CheckState.Unchecked)
            self.places.addItem(item)
        self.places.blockSignals(False)

    def _fill_picked(self) -> None:
        self.picked_list.clear()
        for eid, label in self._picked.items():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, eid)
            self.picked_list.addItem(item)

    def target(self) -> TargetSet:
        if self.by_hand.isChecked():
            return TargetSet(enterprise_ids=tuple(self._picked))
        places = tuple(
            self.places.item(i).text()
            for i in range(self.places.count())
            if self.places.item(i).checkState() == Qt.CheckState.Checked
        )
        flags = {name: combo.currentData() for name, combo in self.flags.items()}
        return TargetSet(
            categories=_ticks(self.categories),
            jurisdictions=places,
            risk_grades=_ticks(self.grades),
            include_suspended=self.suspended.isChecked(),
            **flags,
        )

    def empty_pick(self) -> bool:
        """指定企业 chosen but nobody picked: not "every enterprise" (what an empty set means)."""
        return self.by_hand.isChecked() and not self._picked

    def pick(self, enterprise_id: int, label: str) -> None:
        """Add one enterprise to the hand-picked list (also what choosing it in the picker does)."""
        if enterprise_id in self._picked:
            return
        self._picked[enterprise_id] = label
        self._fill_picked()
        self._edited()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    # -- reacting -------------------------------------------------------------------------------
    def _mode_changed(self, by_filter: bool) -> None:
        self.stack.setCurrentIndex(0 if by_filter else 1)
        self._edited()

    def _picked_one(self, enterprise_id: object) -> None:
        if not isinstance(enterprise_id, int):
            return
        details = self.picker.details
        self.pick(
            enterprise_id, self._label(self.picker.enterprise_name(), details.status if details else "")
        )
        self.picker.set_enterprise(None)

    def _remove_selected(self) -> None:
        for item in self.picked_list.selectedItems():
            self._picked.pop(int(item.data(Qt.ItemDataRole.UserRole)), None)
        self._fill_picked()
        self._edited()

    def _edited(self, *_args: object) -> None:
        if getattr(self, "_loading", False):
            return
        self.count_label.setText(self.tr("正在计算…"))
        self._timer.start()
        self.changed.emit()

    def count_now(self) -> None:
        """Ask the database how many enterprises the set holds (the answer arrives later)."""
        self._timer.stop()
        if self.empty_pick():
            self._show_count(self._asked, 0)
            return
        target = self.target()
        self._asked += 1
        asked = self._asked
        Op(self, self.services, lambda s: s.plans.count(target)).success(
            lambda n: self._show_count(asked, n)
        ).start()

    def _show_count(self, asked: int, n: int) -> None:
        if asked != self._asked:
            return  # edited since: a newer count is on its way
        self.last_count = n
        self.count_label.setText(self.tr("目标企业 {n} 家").format(n=n))
        self.counted.emit(n)
