"""The tracker's model on its own: the 剩余/逾期 words and headers translated when shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from inspector.core.context import Services
from inspector.core.hazards import HazardFilter
from inspector.ui.hazard_table import COLUMNS, HazardSource, HazardTableModel, days_text


class _English(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        known = (
            {"隐患编号": "Hazard no.", "逾期{n}天": "{n} days overdue"} if context == "HazardTable" else {}
        )
        return known.get(source, source)  # "" would count as a translation to nothing


@pytest.fixture
def english() -> Iterator[None]:
    translator = _English()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_days_in_the_inspectors_words() -> None:
    assert [days_text(d) for d in (None, -3, 0, 5)] == ["", "逾期3天", "今日到期", "剩5天"]


def test_headers_are_translated_when_shown_not_when_declared(
    qapp: object, ui_services: Services, english: None
) -> None:
    model = HazardTableModel(COLUMNS, HazardSource(ui_services, HazardFilter()))
    number = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert (COLUMNS[0].header, number) == ("隐患编号", "Hazard no.")
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "企业名称"
    assert days_text(-2) == "2 days overdue"
    assert model.rowCount() == 0  # the source reads through read_now: an empty district, no rows
