"""Small dialogs for the hazard lifecycle actions (登记整改完成, 复查, 延期, 立查立改 …).

Each dialog only collects input and builds the core's Command dataclass; the caller passes a
``submit(command, photos, fields)`` that runs the one service call as an ``Op`` and answers
whether the core accepted it. Field errors come back through ``fields`` (the dialog's
``show_field_errors``, keyed by the command's attribute names) and show under their fields; any
other refusal is the op's message box — and the dialog stays open with everything typed, so
nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.enums import (
    HAZARD_SUBCATEGORIES,
    HazardCategory,
    HazardSource,
    OnsiteMeasure,
    PhotoPhase,
    ReviewResult,
)
from inspector.core.errors import FieldError
from inspector.core.hazards import DEFAULT_SUPERVISING_UNIT
from inspector.core.inspectors import InspectorRow
from inspector.core.lifecycle import (
    ACTION_LABELS,
    DETAIL_LABELS,
    MAJOR_CLOSE_REFUSAL,
    Action,
    AddNote,
    Command,
    EditDetails,
    ExtendDeadline,
    HazardDetails,
    RaiseToMajor,
    RectifyOnSpot,
    ReportDone,
    Review,
    SetOnsiteMeasures,
)
from inspector.core.photos import PhotoInput
from inspector.i18n import say
from inspector.ui.date_field import DateField, date_errors
from inspector.ui.photo_strip import PhotoStrip
from inspector.ui.style import ERROR_COLOUR, MUTED_COLOUR, text_style
from inspector.ui.terms import term
from inspector.ui.widgets import place_field_errors, text_edit

ShowFields = Callable[[list[FieldError]], object]
Submit = Callable[[Command, Sequence[PhotoInput], ShowFields], bool]
"""Runs the one service call (an Op) with the dialog's field-error handler; True when accepted."""


class ActionDialog(QDialog):
    """Base: a form of labelled fields, each with its own error line, and 确定/取消.

    Subclasses add fields with ``add_field(label, widget, field=…)`` (field = the command's
    attribute, which the core's field errors name) and
    implement ``command()``; ``photos()`` returns photos to save with the action.
    """

    action: Action

    # A base class names its translation context itself: PySide's ``self.tr`` would look its
    # strings up under the subclass's name, where lupdate never put them.

    def __init__(
        self, title: str, submit: Submit, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.today = today if today is not None else _today()  # the services' clock when given
        self.setWindowTitle(title)
        self.setModal(True)
        self.submit = submit
        self.error_labels: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}
        self.date_fields: dict[str, DateField] = {}
        root = QVBoxLayout(self)
        root.setSpacing(10)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(text_style(MUTED_COLOUR))
        self.intro.hide()
        root.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self.form.setHorizontalSpacing(10)
        root.addLayout(self.form)
        root.addStretch(1)
        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(text_style(ERROR_COLOUR))
        self.message_label.hide()
        root.addWidget(self.message_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(QCoreApplication.translate("ActionDialog", "确定"))
        self.ok_button.setObjectName("ok_button")
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ActionDialog", "取消")
        )
        self.ok_button.clicked.connect(self.try_submit)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(
        self, label: str, widget: QWidget, required: bool = False, hint: str = "", *, field: str = ""
    ) -> None:
        """One labelled row with a hidden error line under the field; ``field`` is the command
        attribute whose errors the line shows (none: the row shows no field errors)."""
        text = f"<span style='color:{ERROR_COLOUR}'>*</span> {label}" if required else label
        caption = QLabel(text)
        caption.setTextFormat(Qt.TextFormat.RichText)
        caption.setBuddy(widget)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cell = QWidget()
        lay = QVBoxLayout(cell)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(text_style(MUTED_COLOUR))
            lay.addWidget(note)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(text_style(ERROR_COLOUR))
        error.hide()
        lay.addWidget(error)
        self.inputs[label] = widget
        self.error_labels[field or label] = error
        if isinstance(widget, DateField) and field:
            self.date_fields[field] = widget
        _on_edit(widget, error.hide)
        self.form.addRow(caption, cell)

    # -- to override ----------------------------------------------------------------------------
    def command(self) -> Command:
        raise NotImplementedError

    def photos(self) -> list[PhotoInput]:
        return []

    # -- submitting -------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.clear()
            label.hide()
        self.message_label.clear()
        self.message_label.hide()

    def show_field_errors(self, errors: Sequence[FieldError]) -> None:
        """Each error under the field it names; errors about no field of this form as one message."""
        self.show_message("\n".join(place_field_errors(errors, self.error_labels)))

    def show_message(self, text: str) -> None:
        """A refusal about the whole form, above the buttons (hidden when empty)."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def try_submit(self) -> bool:
        """Build the command and submit it; close only when the service accepted it."""
        self.clear_errors()
        unreadable = date_errors(self.date_fields)
        if unreadable:  # never send the core an empty date for a text it could not read
            self.show_field_errors(unreadable)
            return False
        if not self.submit(self.command(), self.photos(), self.show_field_errors):
            return False
        self.accept()
        return True


def _today() -> date:
    today: date = QDate.currentDate().toPython()  # type: ignore[assignment]  # the stub says object
    return today


def _on_edit(widget: QWidget, hide_error: Callable[[], None]) -> None:
    """A field's red message goes as soon as the user changes the field (it may be right now)."""
    if isinstance(widget, DateField):
        widget.changed.connect(hide_error)
    elif isinstance(widget, QLineEdit):
        widget.textEdited.connect(lambda _t: hide_error())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(hide_error)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: hide_error())
    elif isinstance(widget, QListWidget):
        widget.itemChanged.connect(lambda _i: hide_error())


def _date_field(today: date, value: date | None = None, allow_empty: bool = False) -> DateField:
    """A dated action's day: today unless given; ``allow_empty`` ones start empty and clear."""
    return DateField(value if value is not None or allow_empty else today, allow_empty, today=today)


class ReportDoneDialog(ActionDialog):
    """整改中 → 待复查: the enterprise reports the work finished, with 整改后 photos."""

    action = Action.REPORT_DONE

    def __init__(
        self, number: str, submit: Submit, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(self.tr("登记整改完成 — {number}").format(number=number), submit, parent, today)
        self.set_intro(self.tr("企业报告整改完成后登记，隐患转为“待复查”，等待复查确认后销号。"))
        self.done_on = _date_field(self.today)
        self.add_field(self.tr("整改完成日期"), self.done_on, required=True, field="on")
        self.note = text_edit(3, self.tr("整改完成情况，如：已更换防爆灯具并检测合格"))
        self.add_field(self.tr("整改情况说明"), self.note, field="note")
        self.after_photos = PhotoStrip(PhotoPhase.AFTER.value, editable=True)
        self.add_field(self.tr("整改后照片"), self.after_photos, field="photos")
        self.resize(640, self.sizeHint().height())

    def command(self) -> Command:
        return ReportDone(on=self.done_on.value(), note=self.note.toPlainText())

    def photos(self) -> list[PhotoInput]:
        return self.after_photos.pending()


class ReviewDialog(ActionDialog):
    """复查: 合格 closes (销号, and 摘牌 for a listed hazard); 不合格 needs an opinion and a new deadline.

    ``may_close`` is the core's rule for this actor: when False (a major hazard and no supervisor)
    合格 is disabled and the reason shown; the core refuses it anyway.
    """

    action = Action.REVIEW

    def __init__(
        self,
        number: str,
        inspectors: Sequence[InspectorRow],
        actor_id: int | None,
        may_close: bool,
        submit: Submit,
        reported_done_on: date | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(self.tr("复查 — {number}").format(number=number), submit, parent, today)
        if reported_done_on is not None:
            self.set_intro(self.tr("企业报告整改完成日期：{day}").format(day=reported_done_on.isoformat()))
        result_box = QWidget()
        row = QHBoxLayout(result_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.passed = QRadioButton(self.tr("合格（销号）"))
        self.passed.setObjectName("passed_radio")
        self.failed = QRadioButton(self.tr("不合格（退回整改）"))
        self.failed.setObjectName("failed_radio")
        self.result_group = QButtonGroup(self)
        self.result_group.addButton(self.passed)
        self.result_group.addButton(self.failed)
        row.addWidget(self.passed)
        row.addWidget(self.failed)
        row.addStretch(1)
        hint = ""
        if not may_close:
            self.passed.setEnabled(False)
            self.passed.setToolTip(say(MAJOR_CLOSE_REFUSAL))
            self.failed.setChecked(True)
            hint = say(MAJOR_CLOSE_REFUSAL)
        self.add_field(self.tr("复查结果"), result_box, required=True, hint=hint, field="result")
        self.reviewed_on = _date_field(self.today)
        self.add_field(self.tr("复查日期"), self.reviewed_on, required=True, field="reviewed_on")
        self.inspector_list = QListWidget()
        self.inspector_list.setObjectName("inspector_list")
        for i in inspectors:
            text = f"{i.name}（{i.certificate_no}）" if i.certificate_no else i.name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, i.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if i.id == actor_id else Qt.CheckState.Unchecked)
            self.inspector_list.addItem(item)
        rows = min(max(len(inspectors), 2), 5)
        self.inspector_list.setFixedHeight(self.inspector_list.fontMetrics().height() * rows + rows * 8 + 6)
        self.add_field(self.tr("复查人员"), self.inspector_list, required=True, field="inspector_ids")
        self.opinion = text_edit(3, self.tr("不合格时须写明未整改到位的情况"))
        self.add_field(self.tr("复查意见"), self.opinion, field="opinion")
        self.new_deadline = _date_field(self.today, allow_empty=True)
        self.add_field(
            self.tr("新整改时限"),
            self.new_deadline,
            hint=self.tr("复查不合格时必填，须晚于复查日期"),
            field="new_deadline",
        )
        self.result_group.buttonToggled.connect(lambda *_: self._update())
        self._update()
        self.resize(520, self.sizeHint().height())

    def _update(self) -> None:
        self.new_deadline.setEnabled(not self.passed.isChecked())

    def chosen_result(self) -> str:
        if self.passed.isChecked():
            return ReviewResult.PASSED.value
        if self.failed.isChecked():
            return ReviewResult.FAILED.value
        return ""

    def inspector_ids(self) -> list[int]:
        ids = []
        for row in range(self.inspector_list.count()):
            item = self.inspector_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def set_inspectors(self, ids: Sequence[int]) -> None:
        for row in range(self.inspector_list.count()):
            item = self.inspector_list.item(row)
            checked = int(item.data(Qt.ItemDataRole.UserRole)) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def command(self) -> Command:
        failed = self.chosen_result() == ReviewResult.FAILED.value
        return Review(
            result=self.chosen_result(),
            inspector_ids=self.inspector_ids(),
            reviewed_on=self.reviewed_on.value(),
            opinion=self.opinion.toPlainText(),
            new_deadline=self.new_deadline.value() if failed else None,
        )


class ExtendDialog(ActionDialog):
    """延期: a later deadline and a reason; the old deadline stays in the record."""

    action = Action.EXTEND

    def __init__(
        self,
        number: str,
        deadline: date | None,
        submit: Submit,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(self.tr("延期 — {number}").format(number=number), submit, parent, today)
        old = QLabel(deadline.isoformat() if deadline else self.tr("未确定"))
        old.setObjectName("old_deadline")
        self.add_field(self.tr("原整改时限"), old)
        self.new_deadline = _date_field(self.today, allow_empty=True)
        self.add_field(self.tr("新整改时限"), self.new_deadline, required=True, field="new_deadline")
        self.reason = text_edit(3, self.tr("如：防爆设备采购周期长，供货需30天"))
        self.add_field(self.tr("延期理由"), self.reason, required=True, field="reason")
        self.resize(480, self.sizeHint().height())

    def command(self) -> Command:
        return ExtendDeadline(new_deadline=self.new_deadline.value(), reason=self.reason.toPlainText())


class RectifyOnSpotDialog(ActionDialog):
    """立查立改: a general hazard fixed during the visit is closed at once, with 整改后 photos."""

    action = Action.RECTIFY_ON_SPOT

    def __init__(
        self, number: str, submit: Submit, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(self.tr("立查立改 — {number}").format(number=number), submit, parent, today)
        self.set_intro(self.tr("一般隐患在检查现场当即整改完毕的，登记后直接销号。"))
        self.on = _date_field(self.today)
        self.add_field(self.tr("整改日期"), self.on, required=True, field="on")
        self.measures = text_edit(3, self.tr("当场采取的整改措施"))
        self.add_field(self.tr("整改措施"), self.measures, field="measures")
        self.after_photos = PhotoStrip(PhotoPhase.AFTER.value, editable=True)
        self.add_field(self.tr("整改后照片"), self.after_photos, field="photos")
        self.resize(640, self.sizeHint().height())

    def command(self) -> Command:
        return RectifyOnSpot(on=self.on.value(), measures=self.measures.toPlainText())

    def photos(self) -> list[PhotoInput]:
        return self.after_photos.pending()


class RaiseToMajorDialog(ActionDialog):
    """一般隐患 → 重大隐患, listed for supervision (挂牌督办) at once."""

    action = Action.RAISE_TO_MAJOR

    def __init__(
        self, number: str, submit: Submit, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(self.tr("升级为重大隐患 — {number}").format(number=number), submit, parent, today)
        self.set_intro(self.tr("升级后隐患挂牌督办，只能由科室负责人复查销号，不能立查立改。"))
        self.unit = QLineEdit(DEFAULT_SUPERVISING_UNIT)
        self.unit.setMaxLength(100)
        self.add_field(self.tr("督办单位"), self.unit, required=True, field="unit")
        self.on = _date_field(self.today)
        self.add_field(self.tr("挂牌日期"), self.on, required=True, field="on")
        self.reason = text_edit(3, self.tr("判定为重大事故隐患的依据"))
        self.add_field(self.tr("升级理由"), self.reason, field="reason")
        self.resize(480, self.sizeHint().height())

    def command(self) -> Command:
        return RaiseToMajor(unit=self.unit.text(), on=self.on.value(), reason=self.reason.toPlainText())


class AddNoteDialog(ActionDialog):
    """追加说明: the one change a closed hazard still accepts (a correction is a new event)."""

    action = Action.ADD_NOTE

    def __init__(self, number: str, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("追加说明 — {number}").format(number=number), submit, parent)
        self.text = text_edit(5, self.tr("说明内容将连同日期和您的姓名记入备注"))
        self.add_field(self.tr("说明"), self.text, required=True, field="text")
        self.resize(480, self.sizeHint().height())

    def command(self) -> Command:
        return AddNote(text=self.text.toPlainText())


class EditDetailsDialog(ActionDialog):
    """修改隐患信息: correct 部位, 描述, 类别, 依据, 来源 while the hazard is open."""

    action = Action.EDIT

    def __init__(
        self, number: str, details: HazardDetails, submit: Submit, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("修改隐患信息 — {number}").format(number=number), submit, parent)
        L = DETAIL_LABELS
        self.location = QLineEdit(details.location)
        self.location.setMaxLength(200)
        self.add_field(term(L["location"]), self.location, required=True, field="location")
        self.description = text_edit(4)
        self.description.setPlainText(details.description)
        self.add_field(term(L["description"]), self.description, required=True, field="description")
        self.category = QComboBox()
        for c in HazardCategory:
            self.category.addItem(term(c.value), c.value)
        self.category.setCurrentIndex(max(self.category.findData(details.category), 0))
        self.add_field(term(L["category"]), self.category, required=True, field="category")
        self.subcategory = QComboBox()
        self._fill_subcategories(details.subcategory)
        self.category.currentIndexChanged.connect(lambda _i: self._fill_subcategories(""))
        self.add_field(term(L["subcategory"]), self.subcategory, field="subcategory")
        self.legal_basis = text_edit(2, self.tr("法律法规条款或标准条款"))
        self.legal_basis.setPlainText(details.legal_basis)
        self.add_field(term(L["legal_basis"]), self.legal_basis, field="legal_basis")
        self.source = QComboBox()
        for s in HazardSource:
            self.source.addItem(term(s.value), s.value)
        self.source.setCurrentIndex(max(self.source.findData(details.source), 0))
        self.add_field(term(L["source"]), self.source, required=True, field="source")
        self.resize(520, self.sizeHint().height())

    def _fill_subcategories(self, current: str) -> None:
        self.subcategory.clear()
        self.subcategory.addItem(self.tr("（不细分）"), "")
        category = self.category.currentData()
        for sub in HAZARD_SUBCATEGORIES.get(HazardCategory(category), ()) if category else ():
            self.subcategory.addItem(term(sub), sub)
        self.subcategory.setCurrentIndex(max(self.subcategory.findData(current), 0))

    def command(self) -> Command:
        return EditDetails(
            HazardDetails(
                location=self.location.text(),
                description=self.description.toPlainText(),
                category=str(self.category.currentData() or ""),
                subcategory=str(self.subcategory.currentData() or ""),
                legal_basis=self.legal_basis.toPlainText(),
                source=str(self.source.currentData() or ""),
            )
        )


class OnsiteMeasuresWidget(QWidget):
    """The 现场处理措施 as check boxes (used in this dialog and in the visit's hazard editor)."""

    def __init__(self, chosen: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for m in OnsiteMeasure:
            box = QCheckBox(term(m.value))
            box.setChecked(m.value in chosen)
            lay.addWidget(box)
            self.boxes[m.value] = box

    def measures(self) -> tuple[str, ...]:
        return tuple(m for m, box in self.boxes.items() if box.isChecked())

    def set_measures(self, chosen: Sequence[str]) -> None:
        for m, box in self.boxes.items():
            box.setChecked(m in chosen)


class OnsiteMeasuresDialog(ActionDialog):
    """现场处理措施: measures that cannot wait for the deadline, printed on the 现场处理措施决定书."""

    action = Action.ONSITE_MEASURES

    def __init__(
        self, number: str, chosen: Sequence[str], submit: Submit, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("现场处理措施 — {number}").format(number=number), submit, parent)
        self.set_intro(
            self.tr(
                "重大事故隐患排除前或者排除过程中无法保证安全的，可当场作出以下处理决定，"
                "并出具现场处理措施决定书（决定书出具后不能再修改）。"
            )
        )
        self.measures = OnsiteMeasuresWidget(chosen)
        self.add_field(self.tr("现场处理措施"), self.measures, field="measures")
        self.resize(480, self.sizeHint().height())

    def command(self) -> Command:
        return SetOnsiteMeasures(self.measures.measures())


def action_label(action: Action) -> str:
    """The Chinese button text of an action (the core's words)."""
    return term(ACTION_LABELS[action])
