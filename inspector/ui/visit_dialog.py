"""登记检查: one inspection visit and the hazards found on it, saved in one transaction.

Built for speed on the laptop after a visit: the date, times, the current inspector and the
deadline have defaults; the enterprise is found by typing; each hazard is edited inline (no
sub-dialog), with its photos pasted or picked right there. Saving calls
``InspectionService.check`` first (warnings are confirmed, errors shown next to their field or
as "第N条隐患：…"), then ``record`` once — all or nothing. A refused save keeps every character
and photo in place.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QDate, QSignalBlocker, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import HAZARD_SUBCATEGORIES, HazardLevel, InspectionKind, OnsiteMeasure, PhotoPhase
from inspector.core.errors import DomainError, ValidationError
from inspector.core.hazards import HazardInput
from inspector.core.inspections import LABELS, InspectionInput, RecordedInspection
from inspector.core.lifecycle import DETAIL_LABELS, PLAN_LABELS, may_rectify_on_spot
from inspector.ui.enterprise_picker import EnterprisePicker
from inspector.ui.photo_strip import PhotoStrip
from inspector.ui.style import ERROR_COLOUR, MUTED_COLOUR, icon

DEFAULT_DEADLINE_DAYS = 15
DEADLINE_CHOICES = (7, 15, 30)
REQUIRED = ("enterprise_id", "inspected_on", "kind", "inspector_ids", "start_time", "end_time")
# A hazard's error field (the HazardInput attribute the core names) -> the editor's message line.
HAZARD_ERROR_LINE = {
    "location": "location",
    "description": "description",
    "category": "category",
    "subcategory": "category",
    "level": "level",
    "legal_basis": "legal_basis",
    "deadline": "deadline",
    "rectified_on_spot": "on_spot",
    "on_spot_measures": "on_spot",
    "onsite_measures": "onsite",
    "photos": "photos",
}
# Short check-box texts for the 现场处理措施 (the full wording prints on the 决定书).
ONSITE_SHORT: dict[str, str] = {
    OnsiteMeasure.WITHDRAW.value: "撤出作业人员",
    OnsiteMeasure.SUSPEND.value: "暂时停产停业",
    OnsiteMeasure.STOP_EQUIPMENT.value: "停止使用设施设备",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("VisitDialog", text)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> date:
    return date(d.year(), d.month(), d.day())


def _pytime(t: QTime) -> time:
    return time(t.hour(), t.minute())


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"error_{name}")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def _field_label(text: str, required: bool = False) -> QLabel:
    star = f"<span style='color:{ERROR_COLOUR}'>*</span> " if required else ""
    label = QLabel(star + text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setContentsMargins(0, 5, 0, 0)
    return label


def _cell(widget: QWidget | None, error: QLabel, extra: QWidget | None = None) -> QWidget:
    """A field with its (hidden) error line underneath, so a message sits next to its field."""
    cell = QWidget()
    lay = QVBoxLayout(cell)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    if widget is not None:
        lay.addWidget(widget)
    if extra is not None:
        lay.addWidget(extra)
    lay.addWidget(error)
    return cell


class HazardEditor(QWidget):
    """One hazard of the visit, edited in place; ``changed`` keeps the list row up to date."""

    changed = Signal()

    def __init__(self, found_on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._found_on = found_on
        self._deadline_touched = False
        self.errors: dict[str, QLabel] = {}

        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)

        self.location = QLineEdit()
        self.location.setObjectName("hazard_location")
        self.location.setPlaceholderText(self.tr("如：2号车间配电室、甲类仓库"))
        self.location.setMaxLength(200)
        self.description = QPlainTextEdit()
        self.description.setObjectName("hazard_description")
        self.description.setPlaceholderText(self.tr("存在的问题，如：配电箱前堆放杂物，未保持0.8米操作通道"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

        self.category = QComboBox()
        self.category.setObjectName("hazard_category")
        self.category.addItem(self.tr("（请选择）"), None)
        for cat, subs in HAZARD_SUBCATEGORIES.items():
            for sub in subs:
                self.category.addItem(f"{cat.value} › {sub}", (cat.value, sub))
            self.category.insertSeparator(self.category.count())
        self.category.removeItem(self.category.count() - 1)
        self.category.setMaxVisibleItems(24)

        self.general = QRadioButton(HazardLevel.GENERAL.value)
        self.general.setObjectName("level_general")
        self.major = QRadioButton(HazardLevel.MAJOR.value)
        self.major.setObjectName("level_major")
        self.major.setStyleSheet(f"QRadioButton:checked {{ color: {ERROR_COLOUR}; font-weight: bold; }}")
        self.general.setChecked(True)
        self._levels = QButtonGroup(self)
        self._levels.addButton(self.general)
        self._levels.addButton(self.major)
        levels = QWidget()
        lv = QHBoxLayout(levels)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.general)
        lv.addWidget(self.major)
        lv.addStretch(1)

        self.legal_basis = QLineEdit()
        self.legal_basis.setObjectName("hazard_legal_basis")
        self.legal_basis.setPlaceholderText(self.tr("如：《安全生产法》第四十一条；GB 50016-2014 第3.3.1条"))

        self.deadline = QDateEdit()
        self.deadline.setObjectName("hazard_deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.setMinimumDate(_qdate(found_on))
        self.deadline.setDate(_qdate(found_on + timedelta(days=DEFAULT_DEADLINE_DAYS)))
        self.deadline.userDateChanged.connect(self._deadline_edited)
        deadline_row = QWidget()
        dr = QHBoxLayout(deadline_row)
        dr.setContentsMargins(0, 0, 0, 0)
        dr.setSpacing(4)
        dr.addWidget(self.deadline)
        self.deadline_buttons: list[QToolButton] = []
        for days in DEADLINE_CHOICES:
            b = QToolButton()
            b.setText(self.tr("{n}天").format(n=days))
            b.setToolTip(self.tr("整改时限设为检查日期后{n}天").format(n=days))
            b.clicked.connect(lambda _c=False, n=days: self._set_deadline_days(n))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.deadline_buttons.append(b)
            dr.addWidget(b)

        self.on_spot = QCheckBox(self.tr("立查立改"))
        self.on_spot.setObjectName("hazard_on_spot")
        self.on_spot.setToolTip(self.tr("一般隐患当场整改完毕，登记后直接销号；重大隐患不能立查立改"))
        self.on_spot_measures = QLineEdit()
        self.on_spot_measures.setObjectName("hazard_on_spot_measures")
        self.on_spot_measures.setPlaceholderText(self.tr("现场整改措施，如：当场清理杂物"))
        on_spot_row = QWidget()
        osr = QHBoxLayout(on_spot_row)
        osr.setContentsMargins(0, 0, 0, 0)
        osr.addWidget(self.on_spot)
        osr.addWidget(self.on_spot_measures, 1)

        self.onsite_boxes: dict[str, QCheckBox] = {}
        onsite_row = QWidget()
        onr = QHBoxLayout(onsite_row)
        onr.setContentsMargins(0, 0, 0, 0)
        for measure, short in ONSITE_SHORT.items():
            box = QCheckBox(self.tr(short))
            box.setObjectName(f"onsite_{OnsiteMeasure(measure).name.lower()}")
            box.setToolTip(measure)
            box.toggled.connect(self.changed)
            onr.addWidget(box)
            self.onsite_boxes[measure] = box
        onr.addStretch(1)
        onsite_row.setToolTip(
            self.tr("重大事故隐患排除前无法保证安全时当场作出的处理决定，打印现场处理措施决定书")
        )

        self.before_photos = PhotoStrip(PhotoPhase.BEFORE.value)
        self.before_photos.setObjectName("before_photos")
        self.after_photos = PhotoStrip(PhotoPhase.AFTER.value)
        self.after_photos.setObjectName("after_photos")

        for name in (
            "location",
            "description",
            "category",
            "level",
            "legal_basis",
            "deadline",
            "on_spot",
            "onsite",
        ):
            self.errors[name] = _error_label(f"hazard_{name}")

        def row(
            r: int, text: str, buddy: QWidget, field: QWidget, *errors: str, required: bool = False
        ) -> None:
            label = _field_label(text, required)
            label.setBuddy(buddy)
            cell = QWidget()
            cl = QVBoxLayout(cell)
            cl.setContentsMargins(0, 0, 0, 0)
            cl.setSpacing(2)
            cl.addWidget(field)
            for e in errors:
                cl.addWidget(self.errors[e])
            grid.addWidget(label, r, 0)
            grid.addWidget(cell, r, 1)

        row(0, DETAIL_LABELS["location"], self.location, self.location, "location", required=True)
        row(1, DETAIL_LABELS["description"], self.description, self.description, "description", required=True)
        kind_row = QWidget()
        kr = QHBoxLayout(kind_row)
        kr.setContentsMargins(0, 0, 0, 0)
        kr.setSpacing(6)
        kr.addWidget(self.category, 1)
        kr.addSpacing(14)
        level_label = _field_label(DETAIL_LABELS["level"], True)
        level_label.setContentsMargins(0, 0, 0, 0)
        level_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        kr.addWidget(level_label)
        kr.addWidget(levels)
        row(2, DETAIL_LABELS["category"], self.category, kind_row, "category", "level", required=True)
        row(3, self.tr("依据条款"), self.legal_basis, self.legal_basis, "legal_basis")
        dr.addSpacing(14)
        dr.addWidget(on_spot_row, 1)
        row(4, PLAN_LABELS["deadline"], self.deadline, deadline_row, "deadline", "on_spot")
        row(5, self.tr("现场处理措施"), onsite_row, onsite_row, "onsite")

        photos = QWidget()
        pl = QGridLayout(photos)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.setHorizontalSpacing(10)
        pl.setVerticalSpacing(2)
        self.before_label = QLabel(self.tr("整改前照片"))
        self.after_label = QLabel(self.tr("整改后照片"))
        for lbl in (self.before_label, self.after_label):
            lbl.setStyleSheet("font-weight: bold; color: #374151;")
        pl.addWidget(self.before_label, 0, 0)
        pl.addWidget(self.before_photos, 1, 0)
        pl.addWidget(self.after_label, 0, 1)
        pl.addWidget(self.after_photos, 1, 1)
        self.errors["photos"] = _error_label("hazard_photos")
        pl.addWidget(self.errors["photos"], 2, 0, 1, 2)
        grid.addWidget(photos, 6, 0, 1, 2)
        grid.setRowStretch(7, 1)

        self.on_spot_measures.textChanged.connect(self.changed)
        self.general.toggled.connect(self._level_changed)
        self.on_spot.toggled.connect(self._on_spot_changed)
        for signal, names in (
            (self.location.textChanged, ("location",)),
            (self.description.textChanged, ("description",)),
            (self.category.currentIndexChanged, ("category",)),
            (self.legal_basis.textChanged, ("legal_basis",)),
            (self.deadline.dateChanged, ("deadline",)),
            (self.general.toggled, ("level", "on_spot")),
            (self.on_spot.toggled, ("on_spot", "deadline")),
            (self.before_photos.changed, ("photos",)),
            (self.after_photos.changed, ("photos",)),
        ):
            signal.connect(lambda *_a, n=names: self._clear_error(*n))
            signal.connect(self.changed)  # after the clearing, so the list row loses its mark
        self._update_enabled()

    # -- data ---------------------------------------------------------------------------------
    def level(self) -> str:
        return HazardLevel.MAJOR.value if self.major.isChecked() else HazardLevel.GENERAL.value

    def data(self) -> HazardInput:
        cat = self.category.currentData()
        category, sub = cat if cat else ("", "")
        on_spot = self.on_spot.isChecked() and self.level() == HazardLevel.GENERAL.value
        photos = self.before_photos.pending() + (self.after_photos.pending() if on_spot else [])
        return HazardInput(
            location=self.location.text(),
            description=self.description.toPlainText(),
            category=category,
            subcategory=sub,
            level=self.level(),
            legal_basis=self.legal_basis.text(),
            deadline=None if on_spot else _pydate(self.deadline.date()),
            rectified_on_spot=on_spot,
            on_spot_measures=self.on_spot_measures.text() if on_spot else "",
            onsite_measures=() if on_spot else self.onsite_measures(),
            photos=photos,
        )

    def onsite_measures(self) -> tuple[str, ...]:
        return tuple(m for m, box in self.onsite_boxes.items() if box.isChecked())

    def is_empty(self) -> bool:
        d = self.data()
        return not (d.location.strip() or d.description.strip() or d.legal_basis.strip() or d.photos)

    def set_found_on(self, found_on: date) -> None:
        """Follow a changed 检查日期: the default deadline moves along unless the user set one."""
        shift = (_pydate(self.deadline.date()) - self._found_on).days
        self._found_on = found_on
        self.deadline.setMinimumDate(_qdate(found_on))
        if not self._deadline_touched:
            shift = DEFAULT_DEADLINE_DAYS
        with QSignalBlocker(self.deadline):
            self.deadline.setDate(_qdate(found_on + timedelta(days=max(shift, 0))))
        self.changed.emit()

    def has_errors(self) -> bool:
        return any(label.text() for label in self.errors.values())

    def _clear_error(self, *names: str) -> None:
        """The user is fixing it: the message goes as soon as the field changes."""
        for name in names:
            self.errors[name].clear()
            self.errors[name].hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            message = errors.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))

    def focus_first(self) -> None:
        self.location.setFocus()

    def focus_error(self) -> None:
        """Put the cursor in the first field that shows a message."""
        widgets = {
            "location": self.location,
            "description": self.description,
            "category": self.category,
            "level": self.general,
            "legal_basis": self.legal_basis,
            "deadline": self.deadline,
            "on_spot": self.on_spot,
        }
        for name, widget in widgets.items():
            if self.errors[name].text():
                widget.setFocus()
                return

    # -- reactions ------------------------------------------------------------------------------
    def _deadline_edited(self, _d: QDate) -> None:
        self._deadline_touched = True

    def _set_deadline_days(self, days: int) -> None:
        self._deadline_touched = True
        self.deadline.setDate(_qdate(self._found_on + timedelta(days=days)))

    def _level_changed(self, _checked: bool) -> None:
        self._update_enabled()
        self.changed.emit()

    def _on_spot_changed(self, _checked: bool) -> None:
        self._update_enabled()
        if self.on_spot.isChecked():
            self.on_spot_measures.setFocus()
        self.changed.emit()

    def _update_enabled(self) -> None:
        """立查立改 only for general hazards; then no deadline, and 整改后 photos are wanted."""
        general = may_rectify_on_spot(self.level())  # the core's rule
        self.on_spot.setEnabled(general)
        if not general:
            self.on_spot.setToolTip(self.tr("重大隐患不能立查立改，须制定整改方案并挂牌督办"))
        else:
            self.on_spot.setToolTip(self.tr("一般隐患当场整改完毕，登记后直接销号"))
        on_spot = general and self.on_spot.isChecked()
        self.on_spot_measures.setEnabled(on_spot)
        self.deadline.setEnabled(not on_spot)
        for b in self.deadline_buttons:
            b.setEnabled(not on_spot)
        self.after_photos.setVisible(on_spot)
        self.after_label.setVisible(on_spot)
        for box in self.onsite_boxes.values():
            box.setEnabled(not on_spot)


class VisitDialog(QDialog):
    """登记检查. After ``accepted``: ``recorded`` (the inspection id, hazard numbers, warnings)
    and ``result_message()`` — a one-line summary for the status bar."""

    HAZARD_COLUMNS = ("序号", "隐患部位", "隐患描述", "等级", "整改时限", "照片")

    saved = Signal(object)  # RecordedInspection, emitted once the transaction committed

    def __init__(
        self,
        services: Services,
        actor: Actor,
        enterprise_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.recorded: RecordedInspection | None = None
        self.errors: dict[str, QLabel] = {}
        self.editors: list[HazardEditor] = []
        self._place_auto = ""  # the place we filled in ourselves (replaced when the enterprise changes)
        self._build()
        if enterprise_id is not None:
            self.picker.set_enterprise(enterprise_id)
        self._initial = self._snapshot()
        self.setWindowTitle(self.tr("登记检查"))

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("VisitDialog")
        self.setModal(True)
        self.setSizeGripEnabled(True)
        root = QVBoxLayout(self)
        root.setSpacing(8)
        root.addWidget(self._visit_group())
        root.addWidget(self._hazard_group(), 1)

        bottom = QHBoxLayout()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(self.summary_label, 1)
        hint = QLabel(self.tr("Ctrl+Enter 保存"))
        hint.setStyleSheet(f"color: {MUTED_COLOUR};")
        bottom.addWidget(hint)
        # Plain buttons, not a QDialogButtonBox: the box makes 保存 the default button when shown,
        # and then Enter in any field would save a half-typed visit.
        self.save_button = QPushButton(icon("inspection"), self.tr("保存检查记录"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(self.tr("检查记录和全部隐患一次保存（Ctrl+Enter）"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("cancel_button")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)
        root.addLayout(bottom)

        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(self.save)
        add = QShortcut(QKeySequence("Ctrl+N"), self)
        add.activated.connect(self.add_hazard)
        self._no_enter_buttons()
        self._set_tab_order()
        self.resize(1180, 800)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(1180, screen.width() - 40), min(820, screen.height() - 60))

    def _no_enter_buttons(self) -> None:
        """Enter in a field must never save half a form: no button is a default button."""
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
            b.setDefault(False)

    def _visit_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("检查信息"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        def err(name: str) -> QLabel:
            self.errors[name] = _error_label(name)
            return self.errors[name]

        def label(name: str, buddy: QWidget) -> QLabel:
            lbl = _field_label(LABELS[name], name in REQUIRED)
            lbl.setBuddy(buddy)
            return lbl

        self.picker = EnterprisePicker(self.services)
        self.picker.setObjectName("enterprise_picker")
        self.picker.enterprise_changed.connect(self._enterprise_changed)
        grid.addWidget(label("enterprise_id", self.picker.edit), 0, 0)
        grid.addWidget(_cell(self.picker, err("enterprise_id")), 0, 1, 1, 3)

        self.kind = QComboBox()
        self.kind.setObjectName("field_kind")
        for k in InspectionKind:
            self.kind.addItem(k.value, k.value)
        grid.addWidget(label("kind", self.kind), 1, 0)
        self.kind.setMinimumWidth(self.kind.sizeHint().width() + 40)
        self.kind.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        grid.addWidget(_cell(self.kind, err("kind")), 1, 1)

        today = date.today()
        self.inspected_on = QDateEdit()
        self.inspected_on.setObjectName("field_inspected_on")
        self.inspected_on.setCalendarPopup(True)
        self.inspected_on.setDisplayFormat("yyyy-MM-dd")
        self.inspected_on.setMaximumDate(_qdate(today))
        self.inspected_on.setDate(_qdate(today))
        self.inspected_on.dateChanged.connect(self._date_changed)
        now = datetime.now()
        end = QTime(now.hour, now.minute - now.minute % 5)
        start = end.addSecs(-3600) if now.hour >= 1 else QTime(0, 0)
        if start >= end:
            end = start.addSecs(300)
        self.start_time = QTimeEdit(start)
        self.start_time.setObjectName("field_start_time")
        self.end_time = QTimeEdit(end)
        self.end_time.setObjectName("field_end_time")
        for t in (self.start_time, self.end_time):
            t.setDisplayFormat("HH:mm")
        when = QWidget()
        wl = QHBoxLayout(when)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.setSpacing(6)
        wl.addWidget(self.inspected_on)
        wl.addSpacing(10)
        wl.addWidget(QLabel(self.tr("时间")))
        wl.addWidget(self.start_time)
        wl.addWidget(QLabel(self.tr("至")))
        wl.addWidget(self.end_time)
        wl.addStretch(1)
        times_error = err("start_time")
        self.errors["end_time"] = times_error  # one line under both times
        date_error = err("inspected_on")
        grid.addWidget(label("inspected_on", self.inspected_on), 2, 0)
        grid.addWidget(_cell(when, date_error, times_error), 2, 1)

        self.representative = QLineEdit()
        self.representative.setObjectName("field_representative")
        self.representative.setMaxLength(50)
        self.representative.setMaximumWidth(420)
        self.representative.setPlaceholderText(self.tr("企业在场人员姓名、职务"))
        self._people = QCompleter([], self)
        self._people.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.representative.setCompleter(self._people)
        grid.addWidget(label("representative", self.representative), 3, 0)
        grid.addWidget(_cell(self.representative, err("representative")), 3, 1)

        # Check boxes (not a checkable list) so a click on the name ticks it, as people expect.
        self.inspector_boxes: dict[int, QCheckBox] = {}
        people = QWidget()
        people.setObjectName("inspector_boxes")
        pl = QVBoxLayout(people)
        pl.setContentsMargins(6, 4, 6, 4)
        pl.setSpacing(2)
        for ins in self.services.inspectors.list():
            cert = ins.certificate_no or self.tr("无执法证号")
            cb = QCheckBox(f"{ins.name}　{cert}")
            cb.setObjectName(f"inspector_{ins.id}")
            cb.setToolTip(f"{ins.name}\n{self.tr('执法证号')}：{cert}\n{ins.unit}\n{ins.role}")
            cb.setChecked(ins.id == self.actor.id)
            cb.toggled.connect(self._inspectors_changed)
            self.inspector_boxes[ins.id] = cb
            pl.addWidget(cb, 0, Qt.AlignmentFlag.AlignLeft)
        if not self.inspector_boxes:
            none = QLabel(self.tr("尚未登记检查人员，请先在“检查人员”中添加"))
            none.setStyleSheet(f"color: {MUTED_COLOUR};")
            pl.addWidget(none)
        pl.addStretch(1)
        self.inspectors = QScrollArea()
        self.inspectors.setObjectName("field_inspector_ids")
        self.inspectors.setWidgetResizable(True)
        self.inspectors.setWidget(people)
        self.inspectors.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row_h = max(self.fontMetrics().height() + 6, 22)
        self.inspectors.setFixedHeight(row_h * 4 + 12)
        self.inspector_count = QLabel()
        self.inspector_count.setStyleSheet(f"color: {MUTED_COLOUR};")
        grid.addWidget(label("inspector_ids", self.inspectors), 1, 2)
        grid.addWidget(_cell(self.inspectors, err("inspector_ids"), self.inspector_count), 1, 3, 3, 1)

        self.place = QLineEdit()
        self.place.setObjectName("field_place")
        self.place.setMaxLength(200)
        self.place.setPlaceholderText(self.tr("默认为企业地址，可改为具体车间、仓库"))
        grid.addWidget(label("place", self.place), 4, 0)
        grid.addWidget(_cell(self.place, err("place")), 4, 1, 1, 3)

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("field_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("检查了哪些场所、资料和作业，总体情况如何"))
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        grid.addWidget(label("notes", self.notes), 5, 0)
        grid.addWidget(_cell(self.notes, err("notes")), 5, 1, 1, 3)
        self._inspectors_changed()
        for signal, names in (
            (self.kind.currentIndexChanged, ("kind", "inspector_ids")),
            (self.inspected_on.dateChanged, ("inspected_on",)),
            (self.start_time.timeChanged, ("start_time",)),
            (self.end_time.timeChanged, ("start_time",)),
            (self.representative.textChanged, ("representative",)),
            (self.place.textChanged, ("place",)),
            *((cb.toggled, ("inspector_ids",)) for cb in self.inspector_boxes.values()),
        ):
            signal.connect(lambda *_a, n=names: self._clear_top_errors(*n))
        return box

    def _hazard_group(self) -> QGroupBox:
        self.hazard_box = QGroupBox()
        lay = QHBoxLayout(self.hazard_box)
        lay.setSpacing(10)

        left = QVBoxLayout()
        self.hazard_table = QTableWidget(0, len(self.HAZARD_COLUMNS))
        self.hazard_table.setObjectName("hazard_table")
        self.hazard_table.setHorizontalHeaderLabels([self.tr(c) for c in self.HAZARD_COLUMNS])
        self.hazard_table.verticalHeader().hide()
        self.hazard_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hazard_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hazard_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hazard_table.setWordWrap(False)
        header = self.hazard_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.hazard_table.setMinimumWidth(400)
        self.hazard_table.currentCellChanged.connect(lambda row, *_: self._show_editor(row))
        left.addWidget(self.hazard_table, 1)
        buttons = QHBoxLayout()
        self.add_hazard_button = QPushButton(icon("add"), self.tr("添加隐患"))
        self.add_hazard_button.setObjectName("add_hazard_button")
        self.add_hazard_button.setToolTip(self.tr("添加一条隐患（Ctrl+N）"))
        self.add_hazard_button.clicked.connect(self.add_hazard)
        self.edit_hazard_button = QPushButton(icon("edit"), self.tr("编辑"))
        self.edit_hazard_button.setObjectName("edit_hazard_button")
        self.edit_hazard_button.clicked.connect(self.edit_hazard)
        self.delete_hazard_button = QPushButton(icon("photo_remove"), self.tr("删除"))
        self.delete_hazard_button.setObjectName("delete_hazard_button")
        self.delete_hazard_button.clicked.connect(self.delete_hazard)
        buttons.addWidget(self.add_hazard_button)
        buttons.addWidget(self.edit_hazard_button)
        buttons.addWidget(self.delete_hazard_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        lay.addLayout(left, 4)

        self.editor_stack = QStackedWidget()
        self.editor_stack.setObjectName("hazard_editors")
        empty = QLabel(
            self.tr("本次检查尚未登记隐患。\n\n未发现隐患可直接保存；发现隐患请点击“添加隐患”（Ctrl+N）。")
        )
        empty.setObjectName("PlaceholderText")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self.editor_stack.addWidget(empty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.editor_stack)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        lay.addWidget(scroll, 7)
        self._update_hazard_title()
        return self.hazard_box

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.picker.edit,
            self.kind,
            self.inspected_on,
            self.start_time,
            self.end_time,
            self.representative,
            *self.inspector_boxes.values(),
            self.place,
            self.notes,
            self.hazard_table,
            self.add_hazard_button,
            self.edit_hazard_button,
            self.delete_hazard_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- hazards --------------------------------------------------------------------------------
    def add_hazard(self) -> HazardEditor:
        """A new hazard row with its editor shown and 隐患部位 focused (ready to type)."""
        editor = HazardEditor(_pydate(self.inspected_on.date()))
        editor.setObjectName(f"hazard_editor_{len(self.editors) + 1}")
        editor.changed.connect(lambda e=editor: self._refresh_row(e))
        for b in editor.findChildren(QPushButton):
            b.setAutoDefault(False)
        self.editors.append(editor)
        self.editor_stack.addWidget(editor)
        row = self.hazard_table.rowCount()
        self.hazard_table.insertRow(row)
        self._refresh_row(editor)
        self.hazard_table.setCurrentCell(row, 0)
        self._show_editor(row)
        self._update_hazard_title()
        editor.focus_first()
        return editor

    def edit_hazard(self) -> None:
        row = self.hazard_table.currentRow()
        if 0 <= row < len(self.editors):
            self._show_editor(row)
            self.editors[row].focus_first()

    def delete_hazard(self) -> None:
        row = self.hazard_table.currentRow()
        if not 0 <= row < len(self.editors):
            return
        editor = self.editors[row]
        if not editor.is_empty():
            answer = QMessageBox.question(
                self,
                self.tr("删除隐患"),
                self.tr("删除第{n}条隐患（{loc}）？已填写的内容和照片将丢失。").format(
                    n=row + 1, loc=editor.location.text().strip() or self.tr("未填写部位")
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        del self.editors[row]
        self.editor_stack.removeWidget(editor)
        editor.deleteLater()
        self.hazard_table.removeRow(row)
        for i, e in enumerate(self.editors):
            self._refresh_row(e)
            e.setObjectName(f"hazard_editor_{i + 1}")
        if self.editors:
            self.hazard_table.setCurrentCell(min(row, len(self.editors) - 1), 0)
        self._show_editor(self.hazard_table.currentRow())
        self._update_hazard_title()

    def _show_editor(self, row: int) -> None:
        if 0 <= row < len(self.editors):
            self.editor_stack.setCurrentWidget(self.editors[row])
        else:
            self.editor_stack.setCurrentIndex(0)
        has = 0 <= row < len(self.editors)
        self.edit_hazard_button.setEnabled(has)
        self.delete_hazard_button.setEnabled(has)

    def _refresh_row(self, editor: HazardEditor) -> None:
        row = self.editors.index(editor)
        error = editor.has_errors()
        d = editor.data()
        if d.rectified_on_spot:
            when = self.tr("立查立改")
        else:
            when = d.deadline.isoformat() if isinstance(d.deadline, date) else ""
        n_photos = len(d.photos)
        values = [
            str(row + 1),
            d.location.strip() or self.tr("（未填写部位）"),
            " ".join(d.description.split()) or self.tr("（未填写描述）"),
            self.tr("重大") if d.level == HazardLevel.MAJOR.value else self.tr("一般"),
            when,
            self.tr("{n}张").format(n=n_photos) if n_photos else "",
        ]
        for col, text in enumerate(values):
            item = self.hazard_table.item(row, col)
            if item is None:
                item = QTableWidgetItem()
                self.hazard_table.setItem(row, col, item)
            item.setText(text)
            if col == 0:
                item.setIcon(self._error_icon() if error else QIcon())
                item.setToolTip(self.tr("这条隐患有内容需要修改") if error else "")
            if col in (1, 2):
                item.setToolTip(text)
            if col in (0, 3, 4, 5):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            red = error or (col == 3 and d.level == HazardLevel.MAJOR.value)
            muted = col in (1, 2) and text.startswith("（")
            colour = ERROR_COLOUR if red else (MUTED_COLOUR if muted else None)
            item.setForeground(QBrush(QColor(colour)) if colour else QBrush())

    def _error_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)

    def _update_hazard_title(self) -> None:
        n = len(self.editors)
        self.hazard_box.setTitle(self.tr("发现隐患（{n}条）").format(n=n) if n else self.tr("发现隐患"))

    # -- visit fields ---------------------------------------------------------------------------
    def _enterprise_changed(self, enterprise_id: int | None) -> None:
        d = self.picker.details
        if d is not None:
            if not self.place.text().strip() or self.place.text() == self._place_auto:
                self._place_auto = d.address
                self.place.setText(d.address)
            people = []
            for name, role in (
                (d.safety_director, self.tr("安全总监")),
                (d.principal, self.tr("主要负责人")),
                (d.legal_representative, self.tr("法定代表人")),
            ):
                if name.strip():
                    people.append(f"{name.strip()}（{role}）")
            self._people.model().setStringList(people)  # type: ignore[attr-defined]
        elif self.place.text() == self._place_auto:
            self.place.clear()
            self._place_auto = ""
        self._set_error("enterprise_id", "")

    def _date_changed(self, d: QDate) -> None:
        for e in self.editors:
            e.set_found_on(_pydate(d))

    def _inspectors_changed(self, *_args: object) -> None:
        n = len(self.inspector_ids())
        text = self.tr("已选 {n} 人").format(n=n)
        if n == 1:
            text += self.tr("（现场检查一般应有2人以上）")
        self.inspector_count.setText(text)

    def inspector_ids(self) -> list[int]:
        return [iid for iid, cb in self.inspector_boxes.items() if cb.isChecked()]

    def data(self) -> InspectionInput:
        return InspectionInput(
            enterprise_id=self.picker.enterprise_id(),
            inspected_on=_pydate(self.inspected_on.date()),
            kind=self.kind.currentData(),
            inspector_ids=self.inspector_ids(),
            start_time=_pytime(self.start_time.time()),
            end_time=_pytime(self.end_time.time()),
            representative=self.representative.text(),
            place=self.place.text(),
            notes=self.notes.toPlainText(),
            hazards=[e.data() for e in self.editors],
        )

    # -- saving -----------------------------------------------------------------------------------
    def save(self) -> bool:
        """check → (confirm warnings) → record; on any refusal the dialog stays as typed."""
        if not self.save_button.isEnabled():
            return False
        data = self.data()
        self._clear_errors()
        try:
            warnings = self.services.inspections.check(data)
        except ValidationError as e:
            self._show_validation(e)
            return False
        except DomainError as e:
            self._refused(e.message)
            return False
        if warnings:
            answer = QMessageBox.question(
                self,
                self.tr("请确认"),
                "\n".join(warnings) + "\n\n" + self.tr("仍要保存这条检查记录吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.save_button.setEnabled(False)
        try:
            self.recorded = self.services.inspections.record(self.actor, data)
        except ValidationError as e:
            self._show_validation(e)
            return False
        except DomainError as e:
            self._refused(e.message)
            return False
        finally:
            self.save_button.setEnabled(True)
        for e in self.editors:
            e.before_photos.clear_pending()
            e.after_photos.clear_pending()
        self.saved.emit(self.recorded)
        self.accept()
        return True

    def result_message(self) -> str:
        """E.g. "已登记检查记录：某公司，发现隐患3条（2026-0001、…）"."""
        r = self.recorded
        if r is None:
            return ""
        name = self.picker.enterprise_name()
        if not r.hazards:
            return _t("已登记检查记录：{name}，未发现隐患").format(name=name)
        numbers = "、".join(h.number for h in r.hazards)
        return _t("已登记检查记录：{name}，发现隐患{n}条（{numbers}）").format(
            name=name, n=len(r.hazards), numbers=numbers
        )

    def _refused(self, message: str) -> None:
        self.summary_label.setText(message)
        QMessageBox.warning(self, self.tr("未能保存"), message)

    def _clear_errors(self) -> None:
        for name in self.errors:
            self._set_error(name, "")
        for e in self.editors:
            e.show_errors({})
            self._refresh_row(e)
        self.summary_label.clear()

    def _clear_top_errors(self, *names: str) -> None:
        """A field the user changes loses its message at once (the rest wait for the next save)."""
        for name in names:
            self._set_error(name, "")

    def _set_error(self, name: str, message: str) -> None:
        label = self.errors[name]
        label.setText(message)
        label.setVisible(bool(message))

    def _show_validation(self, error: ValidationError) -> None:
        """Top-form messages under their fields; hazard ones in that hazard's editor, its row red,
        and all of them listed at the bottom as "第N条隐患：…"."""
        top: dict[str, list[str]] = {}
        per_hazard: dict[int, dict[str, list[str]]] = {}
        lines: list[str] = []
        for fe in error.errors:
            n = fe.item
            if n is None:
                if fe.field in self.errors:
                    top.setdefault(fe.field, []).append(fe.message)
                lines.append(fe.message)
            else:
                prefix = HazardInput.ITEM_PREFIX.format(n=n)  # the editor shows its hazard's own words
                message = fe.message.removeprefix(prefix)
                key = HAZARD_ERROR_LINE.get(fe.field, "description")
                per_hazard.setdefault(n, {}).setdefault(key, []).append(message)
                lines.append(_t("第{n}条隐患：{message}").format(n=n, message=message))
        for name, messages in top.items():
            self._set_error(name, "；".join(messages))
        first_bad: int | None = None
        for n, fields in sorted(per_hazard.items()):
            if 1 <= n <= len(self.editors):
                editor = self.editors[n - 1]
                editor.show_errors({k: "；".join(v) for k, v in fields.items()})
                self._refresh_row(editor)
                first_bad = n - 1 if first_bad is None else first_bad
        self.summary_label.setText(
            self.tr("未保存，请修改：") + "；".join(lines[:6]) + ("……" if len(lines) > 6 else "")
        )
        if first_bad is not None and not top:
            self.hazard_table.setCurrentCell(first_bad, 0)
            self._show_editor(first_bad)
            self.editors[first_bad].focus_error()
        elif top:
            first = next((n for n in LABELS if n in top), next(iter(top)))
            self._focus_field(first)

    def _focus_field(self, name: str) -> None:
        widgets: dict[str, QWidget] = {
            "enterprise_id": self.picker.edit,
            "inspected_on": self.inspected_on,
            "kind": self.kind,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "representative": self.representative,
            "place": self.place,
            "notes": self.notes,
        }
        if name == "inspector_ids":
            boxes = list(self.inspector_boxes.values())
            if boxes:
                boxes[0].setFocus()
        elif name in widgets:
            widgets[name].setFocus()

    # -- discarding -------------------------------------------------------------------------------
    def _snapshot(self) -> tuple[object, ...]:
        d = self.data()
        return (d.enterprise_id, d.representative, d.place, d.notes, d.kind, tuple(d.inspector_ids))

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial or any(not e.is_empty() for e in self.editors)

    def reject(self) -> None:
        """Esc / 取消 / closing the window: ask before throwing typed work away."""
        if self.recorded is None and self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("放弃检查记录"),
                self.tr("本次检查记录尚未保存，关闭后已填写的内容和照片将丢失。确定放弃吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
