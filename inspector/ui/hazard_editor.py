"""One hazard of a visit, edited in place in 登记检查 (no sub-dialog): where, what, which kind and
level, the legal basis, the deadline or 立查立改, the 现场处理措施, and its photos."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.enums import HAZARD_SUBCATEGORIES, HazardLevel, OnsiteMeasure, PhotoPhase
from inspector.core.hazards import HazardInput
from inspector.core.lifecycle import DETAIL_LABELS, PLAN_LABELS, may_rectify_on_spot
from inspector.ui.date_field import DateField
from inspector.ui.photo_strip import PhotoStrip
from inspector.ui.style import MAJOR_CHOICE, PROPOSAL_TEXT, SUBHEADING_TEXT
from inspector.ui.terms import term
from inspector.ui.visit_fields import field_label
from inspector.ui.widgets import error_label

DEFAULT_DEADLINE_DAYS = 15
DEADLINE_CHOICES = (7, 15, 30)
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
    OnsiteMeasure.WITHDRAW.value: str(QT_TRANSLATE_NOOP("HazardEditor", "撤出作业人员")),
    OnsiteMeasure.SUSPEND.value: str(QT_TRANSLATE_NOOP("HazardEditor", "暂时停产停业")),
    OnsiteMeasure.STOP_EQUIPMENT.value: str(QT_TRANSLATE_NOOP("HazardEditor", "停止使用设施设备")),
}


class HazardEditor(QWidget):
    """One hazard of the visit, edited in place; ``changed`` keeps the list row up to date."""

    changed = Signal()

    def __init__(self, found_on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._found_on = found_on
        self._deadline_touched = False
        self._draft: tuple[str, str] | None = None  # what prefill put in (description, basis)
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
                self.category.addItem(f"{term(cat.value)} › {term(sub)}", (cat.value, sub))
            self.category.insertSeparator(self.category.count())
        self.category.removeItem(self.category.count() - 1)
        self.category.setMaxVisibleItems(24)

        self.general = QRadioButton(term(HazardLevel.GENERAL.value))
        self.general.setObjectName("level_general")
        self.major = QRadioButton(term(HazardLevel.MAJOR.value))
        self.major.setObjectName("level_major")
        self.major.setStyleSheet(MAJOR_CHOICE)
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

        self.deadline = DateField(found_on + timedelta(days=DEFAULT_DEADLINE_DAYS), allow_empty=False)
        self.deadline.setObjectName("hazard_deadline")
        self.deadline.changed.connect(self._deadline_edited)  # blocked while the visit date moves it
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
            box.setToolTip(term(measure))
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
            self.errors[name] = error_label(f"hazard_{name}")

        def row(
            r: int, text: str, buddy: QWidget, field: QWidget, *errors: str, required: bool = False
        ) -> None:
            label = field_label(text, required)
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

        row(0, term(DETAIL_LABELS["location"]), self.location, self.location, "location", required=True)
        row(
            1,
            term(DETAIL_LABELS["description"]),
            self.description,
            self.description,
            "description",
            required=True,
        )
        kind_row = QWidget()
        kr = QHBoxLayout(kind_row)
        kr.setContentsMargins(0, 0, 0, 0)
        kr.setSpacing(6)
        kr.addWidget(self.category, 1)
        kr.addSpacing(14)
        level_label = field_label(term(DETAIL_LABELS["level"]), True)
        level_label.setContentsMargins(0, 0, 0, 0)
        level_label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        kr.addWidget(level_label)
        kr.addWidget(levels)
        # A failed checklist item's 重大 proposal, beside the choice it is about (see prefill).
        self.proposal = QLabel()
        self.proposal.setObjectName("major_proposal")
        self.proposal.setWordWrap(True)
        self.proposal.setStyleSheet(PROPOSAL_TEXT)
        self.confirm_major = QPushButton(self.tr("判定为重大隐患"))
        self.confirm_major.setObjectName("confirm_major_button")
        self.confirm_major.setAutoDefault(False)
        self.confirm_major.clicked.connect(lambda: self.major.setChecked(True))
        proposal_row = QWidget()
        prl = QHBoxLayout(proposal_row)
        prl.setContentsMargins(0, 0, 0, 0)
        prl.addWidget(self.proposal, 1)
        prl.addWidget(self.confirm_major)
        self.proposal.hide()
        self.confirm_major.hide()
        kind_cell = QWidget()
        kc = QVBoxLayout(kind_cell)
        kc.setContentsMargins(0, 0, 0, 0)
        kc.setSpacing(2)
        kc.addWidget(kind_row)
        kc.addWidget(proposal_row)
        row(2, term(DETAIL_LABELS["category"]), self.category, kind_cell, "category", "level", required=True)
        row(3, self.tr("依据条款"), self.legal_basis, self.legal_basis, "legal_basis")
        dr.addSpacing(14)
        dr.addWidget(on_spot_row, 1)
        row(4, term(PLAN_LABELS["deadline"]), self.deadline, deadline_row, "deadline", "on_spot")
        row(5, self.tr("现场处理措施"), onsite_row, onsite_row, "onsite")

        photos = QWidget()
        pl = QGridLayout(photos)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.setHorizontalSpacing(10)
        pl.setVerticalSpacing(2)
        self.before_label = QLabel(self.tr("整改前照片"))
        self.after_label = QLabel(self.tr("整改后照片"))
        for lbl in (self.before_label, self.after_label):
            lbl.setStyleSheet(SUBHEADING_TEXT)
        pl.addWidget(self.before_label, 0, 0)
        pl.addWidget(self.before_photos, 1, 0)
        pl.addWidget(self.after_label, 0, 1)
        pl.addWidget(self.after_photos, 1, 1)
        self.errors["photos"] = error_label("hazard_photos")
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
            (self.deadline.changed, ("deadline",)),
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
            deadline=None if on_spot else self.deadline.value(),
            rectified_on_spot=on_spot,
            on_spot_measures=self.on_spot_measures.text() if on_spot else "",
            onsite_measures=() if on_spot else self.onsite_measures(),
            photos=photos,
        )

    def onsite_measures(self) -> tuple[str, ...]:
        return tuple(m for m, box in self.onsite_boxes.items() if box.isChecked())

    def prefill(self, draft: HazardInput, proposed_major: bool = False, unverified: bool = False) -> None:
        """Start from a failed checklist item: its finding and basis; 部位 and 类别 are the
        inspector's. A 重大 criterion is proposed, never decided here (判定 is a person's)."""
        self.description.setPlainText(draft.description)
        self.legal_basis.setText(draft.legal_basis)
        self._draft = (draft.description, draft.legal_basis)
        notes = []
        if proposed_major:
            notes.append(self.tr("该检查项为重大事故隐患判定项，建议判定为重大隐患（请检查人员确认）。"))
        if unverified:
            notes.append(self.tr("该条文待核实：打印前请核对检查依据。"))
        self.proposal.setText("".join(notes))
        self.proposal.setVisible(bool(notes))
        self.confirm_major.setVisible(proposed_major)

    def is_untouched_draft(self) -> bool:
        """Still exactly what ``prefill`` put in (so taking the 不合格 back may drop it)."""
        d = self.data()
        return (
            self._draft is not None
            and (d.description, d.legal_basis) == self._draft
            and not d.location.strip()
            and not d.photos
            and d.level == HazardLevel.GENERAL.value
        )

    def is_empty(self) -> bool:
        d = self.data()
        return not (d.location.strip() or d.description.strip() or d.legal_basis.strip() or d.photos)

    def set_found_on(self, found_on: date) -> None:
        """Follow a changed 检查日期: the default deadline moves along unless the user set one."""
        typed = self.deadline.value()
        if typed is None:  # empty or no day: the user's text stays for its message
            self._found_on = found_on
            return
        shift = (typed - self._found_on).days
        self._found_on = found_on
        if not self._deadline_touched:
            shift = DEFAULT_DEADLINE_DAYS
        with QSignalBlocker(self.deadline):
            self.deadline.set_value(found_on + timedelta(days=max(shift, 0)))
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
    def _deadline_edited(self) -> None:
        self._deadline_touched = True

    def _set_deadline_days(self, days: int) -> None:
        self._deadline_touched = True
        self.deadline.set_value(self._found_on + timedelta(days=days))

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
