"""The hazard tracker's filter bar: every HazardFilter criterion as a compact two-row form.

The bar owns no query of the list: it turns its widgets into a ``HazardFilter``
(``current_filter``), sets them from one (``set_filter``, used by the home tiles) and says when the
filter changed (``changed``; typing is debounced so a million-row count runs once per pause, not
per key). Its own reads — the 属地 and 检查人员 choices, enterprise names as they are typed — are
ops: at a refresh and while typing they do not hold the window (``start``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from inspector.core.context import Services
from inspector.core.enums import HazardCategory, HazardLevel, HazardState
from inspector.core.errors import DomainError
from inspector.core.hazards import HazardFilter
from inspector.core.inspectors import InspectorRow
from inspector.ui.date_field import DateField
from inspector.ui.ops import Op
from inspector.ui.terms import term
from inspector.ui.widgets import refill_choices

SEARCH_DELAY_MS = 250
DUE_CHOICES = (3, 7, 15, 30)
ENTERPRISE_SUGGESTIONS = 30

# 状态 combo values: "open" = 未销号 (the default view), None = 全部, otherwise one stored state.
OPEN = "open"
EARLIEST = date(2000, 1, 1)


def default_filter() -> HazardFilter:
    """What the tracker shows when opened: every hazard not yet closed (未销号)."""
    return HazardFilter(open_only=True)


_DATE_FIELDS = frozenset({"found_from", "found_to"})
_FILTER_FIELDS = {f.name: f for f in fields(HazardFilter)}


def filter_to_json(f: HazardFilter) -> dict[str, Any]:
    """The criteria that differ from an empty filter, dates as ISO text (for Settings)."""
    empty = asdict(HazardFilter())
    out: dict[str, Any] = {}
    for name, value in asdict(f).items():
        if value != empty[name]:
            out[name] = value.isoformat() if isinstance(value, date) else value
    return out


def _accepts(name: str, value: object) -> bool:
    """Whether a stored value has the field's type (a hand-edited file must not reach a query)."""
    default = _FILTER_FIELDS[name].default
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, str):
        return isinstance(value, str)
    if value is None:
        return True
    if name in _DATE_FIELDS:
        return isinstance(value, date)
    if name in _INT_FIELDS:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)


_INT_FIELDS = frozenset({"enterprise_id", "inspection_id", "due_within_days", "inspector_id"})


def filter_from_json(data: object) -> HazardFilter | None:
    """A remembered filter back; None when it cannot be read (then the default view opens).
    Unknown keys (an older or newer version's) are ignored."""
    if not isinstance(data, dict):
        return None
    values: dict[str, Any] = {}
    try:
        for name, value in data.items():
            if name not in _FILTER_FIELDS:
                continue
            if name in _DATE_FIELDS and isinstance(value, str):
                value = date.fromisoformat(value)
            if not _accepts(name, value):
                return None
            values[name] = value
        return HazardFilter(**values)
    except (TypeError, ValueError):
        return None


def describe_filter(f: HazardFilter, enterprise_name: str = "", inspector_name: str = "") -> str:
    """The filter in words, for the export's info line (the reader must know what was left out)."""
    parts: list[str] = []
    if f.state:
        parts.append(QCoreApplication.translate("HazardFilterBar", "状态：{v}").format(v=f.state))
    elif f.open_only:
        parts.append(QCoreApplication.translate("HazardFilterBar", "状态：未销号"))
    else:
        parts.append(QCoreApplication.translate("HazardFilterBar", "状态：全部"))
    if f.overdue_only:
        parts.append(QCoreApplication.translate("HazardFilterBar", "仅逾期"))
    if f.due_within_days is not None:
        parts.append(QCoreApplication.translate("HazardFilterBar", "{n}日内到期").format(n=f.due_within_days))
    if f.supervised_only:
        parts.append(QCoreApplication.translate("HazardFilterBar", "挂牌督办中"))
    if f.jurisdiction:
        parts.append(QCoreApplication.translate("HazardFilterBar", "属地：{v}").format(v=f.jurisdiction))
    if f.enterprise_id is not None:
        parts.append(
            QCoreApplication.translate("HazardFilterBar", "企业：{v}").format(
                v=enterprise_name or f.enterprise_id
            )
        )
    if f.inspection_id is not None:
        parts.append(QCoreApplication.translate("HazardFilterBar", "检查记录：{v}").format(v=f.inspection_id))
    if f.category:
        parts.append(
            QCoreApplication.translate("HazardFilterBar", "类别：{v}").format(
                v=f.category + (f"／{f.subcategory}" if f.subcategory else "")
            )
        )
    elif f.subcategory:
        parts.append(QCoreApplication.translate("HazardFilterBar", "类别：{v}").format(v=f.subcategory))
    if f.level:
        parts.append(QCoreApplication.translate("HazardFilterBar", "等级：{v}").format(v=f.level))
    if f.inspector_id is not None:
        parts.append(
            QCoreApplication.translate("HazardFilterBar", "检查人员：{v}").format(
                v=inspector_name or f.inspector_id
            )
        )
    if f.found_from is not None or f.found_to is not None:
        start = f.found_from.isoformat() if f.found_from else "…"
        end = f.found_to.isoformat() if f.found_to else "…"
        parts.append(
            QCoreApplication.translate("HazardFilterBar", "发现日期：{a} 至 {b}").format(a=start, b=end)
        )
    if f.text.strip():
        parts.append(QCoreApplication.translate("HazardFilterBar", "关键词：{v}").format(v=f.text.strip()))
    return "；".join(parts)


class HazardFilterBar(QWidget):
    """Search text, 属地, 企业, 类别, 等级, 状态, 逾期, 到期, 督办, 检查人员, 发现日期, 清除筛选.

    ``changed`` fires once per real change of ``current_filter()`` (never for set_filter itself,
    whose caller reloads anyway).
    """

    changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._enterprise_id: int | None = None
        self._enterprise_name = ""
        self._suggestions: dict[str, int] = {}
        # Criteria the bar has no widget for (a tile or another page may still ask for them).
        self._inspection_id: int | None = None
        self._subcategory: str | None = None
        self._last = default_filter()
        self._build()
        self.reload_choices(wait=True)
        self._last = self.current_filter()

    # -- building -------------------------------------------------------------------------------
    def _combo(self, name: str, items: Sequence[tuple[str, object]], min_chars: int = 6) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(min_chars)
        combo.currentIndexChanged.connect(lambda _i: self._emit_if_changed())
        return combo

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("hazard_search")
        self.search_edit.setPlaceholderText(self.tr("搜索隐患编号、部位、描述或企业名称"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)

        self.jurisdiction_combo = self._combo("filter_jurisdiction", [(self.tr("全部"), None)])
        self.enterprise_edit = QLineEdit()
        self.enterprise_edit.setObjectName("filter_enterprise")
        self.enterprise_edit.setPlaceholderText(self.tr("输入名称选择企业"))
        self.enterprise_edit.setClearButtonEnabled(True)
        self.enterprise_edit.setMinimumWidth(150)
        self._completer_model = QStringListModel(self)
        self.completer = QCompleter(self._completer_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.enterprise_edit.setCompleter(self.completer)

        self.category_combo = self._combo(
            "filter_category",
            [(self.tr("全部"), None)] + [(term(c.value), c.value) for c in HazardCategory],
            4,
        )
        self.level_combo = self._combo(
            "filter_level", [(self.tr("全部"), None)] + [(term(v.value), v.value) for v in HazardLevel], 4
        )
        self.state_combo = self._combo(
            "filter_state",
            [(self.tr("未销号"), OPEN), (self.tr("全部"), None)]
            + [(term(s.value), s.value) for s in HazardState],
            4,
        )

        row1 = QHBoxLayout()
        row1.setSpacing(6)
        row1.addWidget(self.search_edit, 4)
        for label, widget, stretch in (
            (self.tr("属地"), self.jurisdiction_combo, 1),
            (self.tr("企业"), self.enterprise_edit, 2),
            (self.tr("类别"), self.category_combo, 1),
            (self.tr("等级"), self.level_combo, 1),
            (self.tr("状态"), self.state_combo, 1),
        ):
            row1.addSpacing(8)
            row1.addWidget(QLabel(label))
            row1.addWidget(widget, stretch)
        grid.addLayout(row1, 0, 0)

        self.overdue_box = QCheckBox(self.tr("仅逾期"))
        self.overdue_box.setObjectName("filter_overdue")
        self.due_combo = self._combo(
            "filter_due",
            [(self.tr("不限"), None)] + [(self.tr("{n}日内").format(n=n), n) for n in DUE_CHOICES],
            5,
        )
        self.supervised_box = QCheckBox(self.tr("挂牌督办中"))
        self.supervised_box.setObjectName("filter_supervised")
        self.inspector_combo = self._combo("filter_inspector", [(self.tr("全部"), None)])
        self.date_box = QCheckBox(self.tr("发现日期"))
        self.date_box.setObjectName("filter_dates")
        today = date.today()
        self.from_edit = self._date_edit("filter_from", date(today.year, 1, 1))
        self.to_edit = self._date_edit("filter_to", today)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.setToolTip(self.tr("恢复默认：显示全部未销号隐患"))

        row2 = QHBoxLayout()
        row2.setSpacing(6)
        row2.addWidget(self.overdue_box)
        row2.addSpacing(10)
        row2.addWidget(QLabel(self.tr("到期")))
        row2.addWidget(self.due_combo)
        row2.addSpacing(10)
        row2.addWidget(self.supervised_box)
        row2.addSpacing(10)
        row2.addWidget(QLabel(self.tr("检查人员")))
        row2.addWidget(self.inspector_combo)
        row2.addSpacing(10)
        row2.addWidget(self.date_box)
        row2.addWidget(self.from_edit)
        row2.addWidget(QLabel(self.tr("至")))
        row2.addWidget(self.to_edit)
        row2.addStretch(1)
        row2.addWidget(self.clear_button)
        grid.addLayout(row2, 1, 0)
        self._sync_dates_enabled()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_if_changed)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._emit_if_changed)

        self.enterprise_edit.textEdited.connect(self._enterprise_typed)
        self.enterprise_edit.textChanged.connect(self._enterprise_text_changed)
        self.completer.activated[str].connect(self._enterprise_chosen)  # type: ignore[index]  # PySide stubs: overloaded signal
        self.enterprise_edit.returnPressed.connect(self._enterprise_return)

        self.overdue_box.toggled.connect(self._overdue_toggled)
        self.due_combo.currentIndexChanged.connect(self._due_changed)
        self.supervised_box.toggled.connect(lambda _c: self._emit_if_changed())
        self.date_box.toggled.connect(self._dates_toggled)
        self.from_edit.changed.connect(self._search_timer.start)  # typed: wait for the whole day
        self.to_edit.changed.connect(self._search_timer.start)
        self.clear_button.clicked.connect(self.clear)

    def _date_edit(self, name: str, value: date) -> DateField:
        edit = DateField(value)  # empty: that end is open
        edit.setObjectName(name)
        edit.edit.setPlaceholderText(self.tr("不限"))
        edit.make_compact()
        return edit

    # -- choices --------------------------------------------------------------------------------
    def reload_choices(self, wait: bool = False) -> None:
        """Refill 属地 and 检查人员 from the database, keeping the current choices.

        A refresh does not wait (the choices follow a moment later); ``wait`` is for the bar's
        first fill, so it never shows empty boxes.
        """
        op = Op(
            self,
            self.services,
            lambda s: (s.enterprises.jurisdictions(), s.inspectors.list(active_only=False)),
        ).success(lambda found: self._fill_choices(*found))
        if wait:
            op.run()
        else:
            op.start()

    def _fill_choices(self, jurisdictions: Sequence[str], inspectors: Sequence[InspectorRow]) -> None:
        refill_choices(self.jurisdiction_combo, jurisdictions, self.tr("全部"))
        with QSignalBlocker(self.inspector_combo):
            current = self.inspector_combo.currentData()
            self.inspector_combo.clear()
            self.inspector_combo.addItem(self.tr("全部"), None)
            for i in inspectors:
                label = i.name if i.active else self.tr("{name}（已离岗）").format(name=i.name)
                self.inspector_combo.addItem(label, i.id)
            self._select_data(self.inspector_combo, current)

    @staticmethod
    def _select_data(combo: QComboBox, value: object, missing_label: str | None = None) -> None:
        if value is None:  # 全部 (not always the first item: 状态 starts with 未销号)
            i = next((k for k in range(combo.count()) if combo.itemData(k) is None), 0)
            combo.setCurrentIndex(i)
            return
        i = combo.findData(value)
        if i < 0 and missing_label is not None:
            combo.addItem(missing_label, value)
            i = combo.count() - 1
        combo.setCurrentIndex(max(i, 0))

    # -- enterprise picker ----------------------------------------------------------------------
    def _enterprise_typed(self, text: str, wait: bool = False) -> None:
        """Suggest matching enterprise names from the database (a registry can be 10,000 long)."""
        text = text.strip()
        if not text:
            self._suggest(text, [])
            return
        op = Op(self, self.services, lambda s: s.enterprises.search_names(text, ENTERPRISE_SUGGESTIONS))
        op.success(lambda found: self._suggest(text, found))
        if wait:
            op.run()
        else:
            op.start()  # typing is never held; the one worker keeps the answers in order

    def _suggest(self, text: str, found: Sequence[tuple[int, str, str]]) -> None:
        if text != self.enterprise_edit.text().strip():
            return  # an answer for what was typed before: the user has moved on
        self._suggestions = {name: eid for eid, name, _code in found}
        self._completer_model.setStringList(list(self._suggestions))

    def _enterprise_chosen(self, name: str) -> None:
        eid = self._suggestions.get(name)
        if eid is not None:
            self._enterprise_id, self._enterprise_name = eid, name
            self._emit_if_changed()

    def _enterprise_return(self) -> None:
        """Enter picks the typed name when it names one enterprise (or exactly one matches)."""
        text = self.enterprise_edit.text().strip()
        if not text:
            return
        if text not in self._suggestions:
            self._enterprise_typed(text, wait=True)
        if text in self._suggestions:
            self._enterprise_chosen(text)
        elif len(self._suggestions) == 1:
            name = next(iter(self._suggestions))
            with QSignalBlocker(self.enterprise_edit):
                self.enterprise_edit.setText(name)
            self._enterprise_chosen(name)

    def _enterprise_text_changed(self, text: str) -> None:
        # Editing the chosen name (or clearing it) drops the enterprise criterion.
        if self._enterprise_id is not None and text.strip() != self._enterprise_name:
            self._enterprise_id, self._enterprise_name = None, ""
            self._emit_if_changed()

    def set_enterprise(self, enterprise_id: int | None, name: str | None = None) -> None:
        """Choose an enterprise by id (the name is looked up when not given)."""
        if enterprise_id is None:
            self._enterprise_id, self._enterprise_name = None, ""
            with QSignalBlocker(self.enterprise_edit):
                self.enterprise_edit.clear()
        else:
            if name is None:
                name = self._enterprise_name_of(enterprise_id)
            self._enterprise_id, self._enterprise_name = enterprise_id, name
            with QSignalBlocker(self.enterprise_edit):
                self.enterprise_edit.setText(name)
        self._emit_if_changed()

    def _enterprise_name_of(self, enterprise_id: int) -> str:
        """The name for the box; an enterprise that cannot be read shows as 企业 N, without a box."""
        found = (
            Op(self, self.services, lambda s: s.enterprises.get(enterprise_id)[0].name)
            .failure(lambda error: isinstance(error, DomainError))
            .run()
        )
        return found.value if found.value is not None else self.tr("企业 {id}").format(id=enterprise_id)

    @property
    def enterprise_name(self) -> str:
        return self._enterprise_name

    @property
    def inspector_name(self) -> str:
        return self.inspector_combo.currentText() if self.inspector_combo.currentData() is not None else ""

    # -- exclusive choices ----------------------------------------------------------------------
    def _overdue_toggled(self, checked: bool) -> None:
        if checked and self.due_combo.currentData() is not None:
            with QSignalBlocker(self.due_combo):  # 到期 within N days excludes the overdue ones
                self.due_combo.setCurrentIndex(0)
        self._emit_if_changed()

    def _due_changed(self, _index: int) -> None:
        if self.due_combo.currentData() is not None and self.overdue_box.isChecked():
            with QSignalBlocker(self.overdue_box):
                self.overdue_box.setChecked(False)
        self._emit_if_changed()

    def _dates_toggled(self, _checked: bool) -> None:
        self._sync_dates_enabled()
        self._emit_if_changed()

    def _sync_dates_enabled(self) -> None:
        on = self.date_box.isChecked()
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)

    # -- the filter -----------------------------------------------------------------------------
    def current_filter(self) -> HazardFilter:
        state = self.state_combo.currentData()
        dates = self.date_box.isChecked()
        return HazardFilter(
            text=" ".join(self.search_edit.text().split()),
            jurisdiction=self.jurisdiction_combo.currentData(),
            enterprise_id=self._enterprise_id,
            inspection_id=self._inspection_id,
            category=self.category_combo.currentData(),
            subcategory=self._subcategory,
            level=self.level_combo.currentData(),
            state=state if state not in (None, OPEN) else None,
            open_only=state == OPEN,
            overdue_only=self.overdue_box.isChecked(),
            due_within_days=self.due_combo.currentData(),
            supervised_only=self.supervised_box.isChecked(),
            inspector_id=self.inspector_combo.currentData(),
            found_from=self.from_edit.value() if dates else None,  # no day typed: no bound
            found_to=self.to_edit.value() if dates else None,
        )

    def set_filter(self, f: HazardFilter) -> None:
        """Show exactly ``f`` (no ``changed`` signal: the caller reloads the list itself)."""
        self._search_timer.stop()
        widgets = (
            self.search_edit,
            self.jurisdiction_combo,
            self.category_combo,
            self.level_combo,
            self.state_combo,
            self.overdue_box,
            self.due_combo,
            self.supervised_box,
            self.inspector_combo,
            self.date_box,
            self.from_edit,
            self.to_edit,
            self.enterprise_edit,
        )
        blockers = [QSignalBlocker(w) for w in widgets]
        try:
            self.search_edit.setText(f.text)
            self._select_data(self.jurisdiction_combo, f.jurisdiction, f.jurisdiction)
            self._select_data(self.category_combo, f.category, f.category)
            self._select_data(self.level_combo, f.level, f.level)
            if f.state:
                self._select_data(self.state_combo, f.state, f.state)
            else:
                self._select_data(self.state_combo, OPEN if f.open_only else None)
            self.overdue_box.setChecked(f.overdue_only)
            due = f.due_within_days
            self._select_data(self.due_combo, due, None if due is None else self.tr("{n}日内").format(n=due))
            self.supervised_box.setChecked(f.supervised_only)
            self._select_data(
                self.inspector_combo,
                f.inspector_id,
                None if f.inspector_id is None else self.tr("检查人员 {id}").format(id=f.inspector_id),
            )
            self.date_box.setChecked(f.found_from is not None or f.found_to is not None)
            if f.found_from is not None or f.found_to is not None:  # an open end shows empty
                self.from_edit.set_value(f.found_from)
                self.to_edit.set_value(f.found_to)
            self._sync_dates_enabled()
            self._inspection_id = f.inspection_id
            self._subcategory = f.subcategory
        finally:
            del blockers
        self.set_enterprise(f.enterprise_id)  # after the blockers: it may look the name up
        self._last = self.current_filter()

    def clear(self) -> None:
        """清除筛选: back to the default view (未销号, nothing else)."""
        before = self._last
        self.set_filter(default_filter())
        if self._last != before:
            self.changed.emit()

    def filter(self) -> HazardFilter:
        """The filter in force (what the list shows)."""
        return self._last

    def _emit_if_changed(self) -> None:
        self._search_timer.stop()
        new = self.current_filter()
        if new != self._last:
            self._last = new
            self.changed.emit()
