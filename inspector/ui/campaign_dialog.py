"""部署 / 修改专项行动: title, 工作要求, the enterprises (a target set), the window, an optional
checklist and the plan item it carries out.

Saved through ``CampaignService.create``/``update`` in one ``Op``; field errors land under their
field, anything else is the default message (a 检查员 once a 科室负责人 is registered).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.campaigns import CampaignInput
from inspector.core.context import Services
from inspector.core.errors import FieldError
from inspector.ui.date_field import DateField, date_errors
from inspector.ui.ops import Op
from inspector.ui.style import ERROR_TEXT, icon
from inspector.ui.target_editor import TargetEditor
from inspector.ui.widgets import error_label, field_cell, place_field_errors, text_edit


@dataclass
class CampaignStart:
    data: CampaignInput
    version: int | None
    jurisdictions: list[str]
    checklists: list[tuple[str, str]]  # (code, title)
    plan_items: list[tuple[int, str]]  # (id, "计划 · 事项")
    names: dict[int, tuple[str, str]] = field(default_factory=dict)


def load_start(s: Services, campaign_id: int | None, today: date) -> CampaignStart:
    if campaign_id is None:
        data, version = CampaignInput(starts_on=today, deadline=today + timedelta(days=30)), None
    else:
        data, version = s.campaigns.get(campaign_id)
    picked = data.target.enterprise_ids
    return CampaignStart(
        data,
        version,
        s.enterprises.jurisdictions(),
        [(c.code, c.title) for c in s.checklists.catalogue()],
        s.plans.items(),
        s.plans.names(picked) if picked else {},
    )


class CampaignDialog(QDialog):
    """After ``accepted``: ``campaign_id``."""

    FIELDS = ("title", "basis", "target", "starts_on", "deadline", "checklist_code", "plan_item_id", "notes")

    def __init__(
        self,
        services: Services,
        actor: Callable[[], Actor],
        start: CampaignStart,
        campaign_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.campaign_id = campaign_id
        self.version = start.version
        self.setObjectName("CampaignDialog")
        self.setWindowTitle(self.tr("修改专项行动") if campaign_id else self.tr("部署专项行动"))
        self.setSizeGripEnabled(True)
        self._build(start)
        self._fill(start.data, start.names)
        self.resize(900, 680)

    @classmethod
    def load(
        cls,
        parent: QWidget,
        services: Services,
        actor: Callable[[], Actor],
        campaign_id: int | None,
        today: date,
    ) -> CampaignDialog | None:
        start = Op(
            parent,
            services,
            lambda s: load_start(s, campaign_id, today),
            title=QCoreApplication.translate("CampaignDialog", "专项行动"),
        ).run()
        if start.value is None:
            return None
        return cls(services, actor, start.value, campaign_id, parent)

    def _build(self, start: CampaignStart) -> None:
        root = QVBoxLayout(self)
        self.errors = {name: error_label(name) for name in self.FIELDS if name != "target"}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title = QLineEdit()
        self.title.setObjectName("campaign_title")
        self.title.setPlaceholderText(self.tr("如：涉爆粉尘企业全覆盖检查"))
        form.addRow(self.tr("专项行动名称"), field_cell(self.title, self.errors["title"]))
        self.basis = text_edit(
            3, self.tr("如：3月底前，对前期排查的涉爆粉尘企业开展全覆盖检查，跟踪问题隐患整改闭环")
        )
        self.basis.setObjectName("campaign_basis")
        form.addRow(self.tr("工作要求"), field_cell(self.basis, self.errors["basis"]))
        self.target = TargetEditor(self.services, start.jurisdictions)
        self.target.setObjectName("campaign_target")
        form.addRow(self.tr("目标企业"), self.target)

        dates = QWidget()
        lay = QHBoxLayout(dates)
        lay.setContentsMargins(0, 0, 0, 0)
        self.starts_on = DateField()
        self.starts_on.setObjectName("campaign_starts_on")
        self.deadline = DateField()
        self.deadline.setObjectName("campaign_deadline")
        lay.addWidget(field_cell(self.starts_on, self.errors["starts_on"]))
        lay.addWidget(QLabel(self.tr("至")))
        lay.addWidget(field_cell(self.deadline, self.errors["deadline"]))
        lay.addStretch(1)
        form.addRow(self.tr("开始 / 截止日期"), dates)

        self.checklist = QComboBox()
        self.checklist.setObjectName("campaign_checklist")
        self.checklist.addItem(self.tr("不指定"), None)
        for code, title in start.checklists:
            self.checklist.addItem(title, code)
        form.addRow(self.tr("检查表"), field_cell(self.checklist, self.errors["checklist_code"]))
        self.plan_item = QComboBox()
        self.plan_item.setObjectName("campaign_plan_item")
        self.plan_item.addItem(self.tr("不关联"), None)
        for item_id, label in start.plan_items:
            self.plan_item.addItem(label, item_id)
        form.addRow(self.tr("计划事项"), field_cell(self.plan_item, self.errors["plan_item_id"]))
        self.notes = QLineEdit()
        self.notes.setObjectName("campaign_notes")
        form.addRow(self.tr("备注"), field_cell(self.notes, self.errors["notes"]))
        root.addLayout(form)
        root.addStretch(1)

        bottom = QHBoxLayout()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(ERROR_TEXT)
        bottom.addWidget(self.summary_label, 1)
        self.save_button = QPushButton(icon("inspection"), self.tr("保存"))
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        bottom.addWidget(self.save_button)
        bottom.addWidget(cancel)
        root.addLayout(bottom)
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)

    def _fill(self, data: CampaignInput, names: dict[int, tuple[str, str]]) -> None:
        self.title.setText(data.title)
        self.basis.setPlainText(data.basis)
        self.target.set_target(data.target, names)
        self.starts_on.set_value(data.starts_on)
        self.deadline.set_value(data.deadline)
        self.checklist.setCurrentIndex(max(self.checklist.findData(data.checklist_code), 0))
        self.plan_item.setCurrentIndex(max(self.plan_item.findData(data.plan_item_id), 0))
        self.notes.setText(data.notes)

    def data(self) -> CampaignInput:
        return CampaignInput(
            title=self.title.text(),
            basis=self.basis.toPlainText(),
            target=self.target.target(),
            starts_on=self.starts_on.value(),
            deadline=self.deadline.value(),
            checklist_code=self.checklist.currentData(),
            plan_item_id=self.plan_item.currentData(),
            notes=self.notes.text(),
        )

    def save(self) -> bool:
        for label in self.errors.values():
            label.hide()
        self.target.show_error("")
        self.summary_label.clear()
        if self.target.empty_pick():
            self._show_field_errors([FieldError("target", self.tr("请至少指定一家企业"))])
            return False
        names = {"starts_on": self.tr("开始日期"), "deadline": self.tr("截止日期")}
        unreadable = date_errors({"starts_on": self.starts_on, "deadline": self.deadline})
        if unreadable:  # a typed text that is no day is not saved as "no date"
            self._show_field_errors(
                [FieldError(e.field, f"{names[e.field]}：{e.message}") for e in unreadable]
            )
            return False
        data = self.data()
        actor = self._actor()
        campaign_id, version = self.campaign_id, self.version
        if campaign_id is None:
            op = Op(
                self, self.services, lambda s: s.campaigns.create(actor, data), title=self.tr("保存专项行动")
            )
        else:
            assert version is not None

            def update(s: Services) -> int:
                s.campaigns.update(actor, campaign_id, data, version)
                return campaign_id

            op = Op(self, self.services, update, title=self.tr("保存专项行动"))
        outcome = op.fields(self._show_field_errors).run()
        if outcome.value is None:
            return False
        self.campaign_id = outcome.value
        self.accept()
        return True

    def _show_field_errors(self, errors: list[FieldError]) -> None:
        target = [e.message for e in errors if e.field == "target"]
        self.target.show_error("；".join(target))
        other = place_field_errors([e for e in errors if e.field != "target"], self.errors)
        self.summary_label.setText(
            self.tr("未保存，请修改：") + "；".join(e.message for e in errors) if errors else ""
        )
        del other
