"""The visit's own fields in 登记检查 (检查信息): the enterprise, kind, date and times, who was
there, the inspectors, the place and notes — each with its error line underneath.

Its own module so the dialog holds only the hazard list and the saving; it reads nothing itself
(the registered inspectors come in, the picker runs its searches through ``ui.ops``)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QStringListModel, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import InspectionKind
from inspector.core.hazards import HazardInput
from inspector.core.inspections import LABELS, InspectionInput
from inspector.core.inspectors import InspectorRow
from inspector.ui.date_field import DateField
from inspector.ui.enterprise_picker import EnterprisePicker
from inspector.ui.style import MUTED_TEXT
from inspector.ui.terms import term
from inspector.ui.visit_fields import field_label, pytime
from inspector.ui.widgets import error_label, field_cell

REQUIRED = ("enterprise_id", "inspected_on", "kind", "inspector_ids", "start_time", "end_time")


class VisitHeader(QGroupBox):
    """检查信息. ``errors`` maps an ``InspectionInput`` attribute to its message line;
    ``date_changed`` tells the hazards their 检查日期 moved."""

    date_changed = Signal(object)  # date

    def __init__(
        self,
        services: Services,
        actor: Actor,
        inspectors: list[InspectorRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("检查信息"))
        self.services = services
        self.actor = actor
        self.errors: dict[str, QLabel] = {}
        self._place_auto = ""  # the place we filled in ourselves (replaced when the enterprise changes)
        self._build(inspectors)

    def _build(self, inspectors: list[InspectorRow]) -> None:
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        def err(name: str) -> QLabel:
            self.errors[name] = error_label(name)
            return self.errors[name]

        def label(name: str, buddy: QWidget) -> QLabel:
            lbl = field_label(term(LABELS[name]), name in REQUIRED)
            lbl.setBuddy(buddy)
            return lbl

        self.picker = EnterprisePicker(self.services)
        self.picker.setObjectName("enterprise_picker")
        self.picker.enterprise_changed.connect(self._enterprise_changed)
        grid.addWidget(label("enterprise_id", self.picker.edit), 0, 0)
        grid.addWidget(field_cell(self.picker, err("enterprise_id")), 0, 1, 1, 3)

        self.kind = QComboBox()
        self.kind.setObjectName("field_kind")
        for k in InspectionKind:
            self.kind.addItem(term(k.value), k.value)
        grid.addWidget(label("kind", self.kind), 1, 0)
        self.kind.setMinimumWidth(self.kind.sizeHint().width() + 40)
        self.kind.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        grid.addWidget(field_cell(self.kind, err("kind")), 1, 1)

        today = date.today()
        self.inspected_on = DateField(today, allow_empty=False)
        self.inspected_on.setObjectName("field_inspected_on")
        self.inspected_on.changed.connect(self._date_edited)
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
        grid.addWidget(field_cell(when, date_error, times_error), 2, 1)

        self.representative = QLineEdit()
        self.representative.setObjectName("field_representative")
        self.representative.setMaxLength(50)
        self.representative.setMaximumWidth(420)
        self.representative.setPlaceholderText(self.tr("企业在场人员姓名、职务"))
        self._people_model = QStringListModel(self)  # the picked enterprise's people
        self._people = QCompleter(self._people_model, self)
        self._people.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.representative.setCompleter(self._people)
        grid.addWidget(label("representative", self.representative), 3, 0)
        grid.addWidget(field_cell(self.representative, err("representative")), 3, 1)

        # Check boxes (not a checkable list) so a click on the name ticks it, as people expect.
        self.inspector_boxes: dict[int, QCheckBox] = {}
        people = QWidget()
        people.setObjectName("inspector_boxes")
        pl = QVBoxLayout(people)
        pl.setContentsMargins(6, 4, 6, 4)
        pl.setSpacing(2)
        for ins in inspectors:
            cert = ins.certificate_no or self.tr("无执法证号")
            cb = QCheckBox(f"{ins.name}　{cert}")
            cb.setObjectName(f"inspector_{ins.id}")
            cb.setToolTip(
                self.tr("{name}\n执法证号：{cert}\n{unit}\n{role}").format(
                    name=ins.name, cert=cert, unit=ins.unit, role=ins.role
                )
            )
            cb.setChecked(ins.id == self.actor.id)
            cb.toggled.connect(self._inspectors_changed)
            self.inspector_boxes[ins.id] = cb
            pl.addWidget(cb, 0, Qt.AlignmentFlag.AlignLeft)
        if not self.inspector_boxes:
            none = QLabel(self.tr("尚未登记检查人员，请先在“检查人员”中添加"))
            none.setStyleSheet(MUTED_TEXT)
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
        self.inspector_count.setStyleSheet(MUTED_TEXT)
        grid.addWidget(label("inspector_ids", self.inspectors), 1, 2)
        grid.addWidget(field_cell(self.inspectors, err("inspector_ids"), self.inspector_count), 1, 3, 3, 1)

        self.place = QLineEdit()
        self.place.setObjectName("field_place")
        self.place.setMaxLength(200)
        self.place.setPlaceholderText(self.tr("默认为企业地址，可改为具体车间、仓库"))
        grid.addWidget(label("place", self.place), 4, 0)
        grid.addWidget(field_cell(self.place, err("place")), 4, 1, 1, 3)

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("field_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("检查了哪些场所、资料和作业，总体情况如何"))
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        grid.addWidget(label("notes", self.notes), 5, 0)
        grid.addWidget(field_cell(self.notes, err("notes")), 5, 1, 1, 3)
        self._inspectors_changed()
        for signal, names in (
            (self.kind.currentIndexChanged, ("kind", "inspector_ids")),
            (self.inspected_on.changed, ("inspected_on",)),
            (self.start_time.timeChanged, ("start_time",)),
            (self.end_time.timeChanged, ("start_time",)),
            (self.representative.textChanged, ("representative",)),
            (self.place.textChanged, ("place",)),
            *((cb.toggled, ("inspector_ids",)) for cb in self.inspector_boxes.values()),
        ):
            signal.connect(lambda *_a, n=names: self.clear_errors(*n))

    # -- reactions ----------------------------------------------------------------------------
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
                    people.append(self.tr("{name}（{role}）").format(name=name.strip(), role=role))
            self._people_model.setStringList(people)
        elif self.place.text() == self._place_auto:
            self.place.clear()
            self._place_auto = ""
        self.set_error("enterprise_id", "")

    def _inspectors_changed(self, *_args: object) -> None:
        n = len(self.inspector_ids())
        text = self.tr("已选 {n} 人").format(n=n)
        if n == 1:
            text += self.tr("（现场检查一般应有2人以上）")
        self.inspector_count.setText(text)

    def inspector_ids(self) -> list[int]:
        return [iid for iid, cb in self.inspector_boxes.items() if cb.isChecked()]

    # -- data -----------------------------------------------------------------------------------
    def found_on(self) -> date | None:
        """The 检查日期 typed (None while it is empty or no day: ``date_errors`` says why)."""
        return self.inspected_on.value()

    def _date_edited(self) -> None:
        day = self.inspected_on.value()
        if day is not None:
            self.date_changed.emit(day)

    def data(self, hazards: list[HazardInput]) -> InspectionInput:
        return InspectionInput(
            enterprise_id=self.picker.enterprise_id(),
            inspected_on=self.found_on(),
            kind=self.kind.currentData(),
            inspector_ids=self.inspector_ids(),
            start_time=pytime(self.start_time.time()),
            end_time=pytime(self.end_time.time()),
            representative=self.representative.text(),
            place=self.place.text(),
            notes=self.notes.toPlainText(),
            hazards=hazards,
        )

    def snapshot(self) -> tuple[object, ...]:
        """What the user typed here, to tell whether closing would throw work away."""
        return (
            self.picker.enterprise_id(),
            self.representative.text(),
            self.place.text(),
            self.notes.toPlainText(),
            self.kind.currentData(),
            tuple(self.inspector_ids()),
        )

    def tab_chain(self) -> list[QWidget]:
        return [
            self.picker.edit,
            self.kind,
            self.inspected_on,
            self.start_time,
            self.end_time,
            self.representative,
            *self.inspector_boxes.values(),
            self.place,
            self.notes,
        ]

    # -- errors -------------------------------------------------------------------------------
    def clear_errors(self, *names: str) -> None:
        """A field the user changes loses its message at once (the rest wait for the next save);
        no names: every message goes."""
        for name in names or tuple(self.errors):
            self.set_error(name, "")

    def set_error(self, name: str, message: str) -> None:
        label = self.errors[name]
        label.setText(message)
        label.setVisible(bool(message))

    def focus_field(self, name: str) -> None:
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
