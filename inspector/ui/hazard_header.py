"""The head of the hazard pane: 隐患编号, state and level tags, the deadline line, who and where.

A module of its own because it is read-only and self-contained: it shows one ``HazardDetail``
(and the words of the visit that found it) and owns no service call, so it can be tested and
restyled without the pane's actions.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from inspector.core.enums import HazardLevel, HazardState
from inspector.core.hazards import HazardDetail as HazardDetailData
from inspector.core.lifecycle import Due, due
from inspector.ui.style import (
    BODY_COLOUR,
    CHIP_TEXT_COLOUR,
    DUE_SOON_COLOUR,
    ERROR_COLOUR,
    GENERAL_LEVEL_COLOUR,
    GENERAL_LEVEL_TINT,
    HAZARD_HEADER_STYLE,
    HAZARD_NUMBER_STYLE,
    HAZARD_STATE_COLOURS,
    MAJOR_COLOUR,
    MUTED_COLOUR,
    NEUTRAL_COLOUR,
    OK_COLOUR,
    SUPERVISED_TINT,
    TITLE_COLOUR,
    chip_style,
    text_style,
)
from inspector.ui.terms import term
from inspector.ui.widgets import FlowLayout

DUE_SOON_DAYS = 3  # "剩余 3 天" and less shows amber


def chip(text: str, background: str, foreground: str = CHIP_TEXT_COLOUR, name: str = "") -> QLabel:
    """A small rounded tag (state, level, 挂牌督办)."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setStyleSheet(chip_style(background, foreground))
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return label


def due_text(d: HazardDetailData) -> tuple[str, str]:
    """(text, colour) of the deadline line: 逾期 N 天 / 今天到期 / 剩余 N 天 / 已销号."""
    if d.state == HazardState.CLOSED:
        how = QCoreApplication.translate("HazardHeader", "立查立改，") if d.rectified_on_spot else ""
        day = d.closed_on.isoformat() if d.closed_on else ""
        return QCoreApplication.translate("HazardHeader", "{how}已于 {day} 销号").format(
            how=how, day=day
        ), OK_COLOUR
    if d.deadline is None:
        return QCoreApplication.translate("HazardHeader", "尚未确定整改时限"), MUTED_COLOUR
    deadline = d.deadline.isoformat()
    left = d.days_left if d.days_left is not None else 0
    kind = due(d.days_left)
    if kind == Due.OVERDUE:
        text = QCoreApplication.translate("HazardHeader", "已逾期 {n} 天（整改时限 {day}）")
        return text.format(n=-left, day=deadline), ERROR_COLOUR
    if kind == Due.TODAY:
        return QCoreApplication.translate("HazardHeader", "今天到期（整改时限 {day}）").format(
            day=deadline
        ), DUE_SOON_COLOUR
    colour = DUE_SOON_COLOUR if left <= DUE_SOON_DAYS else BODY_COLOUR
    return QCoreApplication.translate("HazardHeader", "剩余 {n} 天（整改时限 {day}）").format(
        n=left, day=deadline
    ), colour


class HazardHeader(QFrame):
    """Number, tags and the lines under them; ``show_hazard(d, found_by)`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hazard_header")
        self.setStyleSheet(HAZARD_HEADER_STYLE)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(4)
        top = FlowLayout(spacing=6)  # the tags go under the number when the pane is too narrow
        self.number_label = QLabel()
        self.number_label.setObjectName("number_label")
        self.number_label.setStyleSheet(HAZARD_NUMBER_STYLE)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.number_label)
        self.state_chip = chip("", NEUTRAL_COLOUR, name="state_chip")
        self.level_chip = chip("", GENERAL_LEVEL_COLOUR, name="level_chip")
        self.supervised_chip = chip(
            self.tr("挂牌督办"), SUPERVISED_TINT, MAJOR_COLOUR, name="supervised_chip"
        )
        self.supervised_chip.setStyleSheet(chip_style(SUPERVISED_TINT, MAJOR_COLOUR, border=MAJOR_COLOUR))
        for c in (self.state_chip, self.level_chip, self.supervised_chip):
            top.addWidget(c)
        lay.addLayout(top)
        self.due_label = self._line("due_label", lay)
        self.due_label.setWordWrap(False)
        self.enterprise_label = self._line("enterprise_label", lay, text_style(TITLE_COLOUR, bold=True))
        self.found_label = self._line("found_label", lay, text_style(MUTED_COLOUR))
        self.supervision_label = self._line("supervision_label", lay, text_style(MAJOR_COLOUR))

    @staticmethod
    def _line(name: str, layout: QVBoxLayout, style: str = "") -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        if style:
            label.setStyleSheet(style)
        layout.addWidget(label)
        return label

    def show_hazard(self, d: HazardDetailData, found_by: str = "") -> None:
        """Fill from ``d``; ``found_by`` is the 检查：… line of the visit that found it, if any."""
        self.number_label.setText(d.number)
        self.state_chip.setText(term(d.state))
        self.state_chip.setStyleSheet(chip_style(HAZARD_STATE_COLOURS.get(d.state, NEUTRAL_COLOUR)))
        major = d.level == HazardLevel.MAJOR
        self.level_chip.setText(term(d.level))
        background, foreground = (MAJOR_COLOUR, CHIP_TEXT_COLOUR) if major else GENERAL_LEVEL_TINT
        self.level_chip.setStyleSheet(chip_style(background, foreground))
        listed = d.supervision is not None and d.supervision.delisted_on is None
        self.supervised_chip.setVisible(listed)
        text, colour = due_text(d)
        self.due_label.setText(text)
        self.due_label.setStyleSheet(text_style(colour, bold=True))
        self.enterprise_label.setText(
            self.tr("{name}（{place}）").format(name=d.enterprise_name, place=d.jurisdiction)
            if d.jurisdiction
            else d.enterprise_name
        )
        parts = [self.tr("发现日期 {day}").format(day=d.found_on.isoformat()), term(d.source), found_by]
        self.found_label.setText(" · ".join(p for p in parts if p))
        sup = d.supervision
        if sup is None:
            self.supervision_label.hide()
            return
        text = self.tr("督办单位：{unit}，{listed} 挂牌").format(
            unit=sup.unit, listed=sup.listed_on.isoformat()
        )
        if sup.delisted_on is not None:
            text += self.tr("，{day} 摘牌").format(day=sup.delisted_on.isoformat())
        self.supervision_label.setText(text)
        self.supervision_label.show()
