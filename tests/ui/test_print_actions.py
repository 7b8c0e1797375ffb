"""Printing 执法文书 from the GUI: the PDF written and opened, reprints keep the number, refusals shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from inspector.core.context import Services
from inspector.core.enums import DocumentKind
from inspector.db.models import Document
from inspector.paths import data_dir
from inspector.ui import print_actions
from inspector.ui.inspection_page import InspectionPage
from tests.ui.test_inspection_page import ACTOR, Visits, seed_visits


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Files the code asked the system viewer to open (none is really opened)."""
    paths: list[Path] = []

    def fake_open(path: Path) -> bool:
        paths.append(Path(path))
        return True

    monkeypatch.setattr(print_actions, "open_file", fake_open)
    return paths


@pytest.fixture
def visits(ui_services: Services) -> Visits:
    return seed_visits(ui_services)


@pytest.fixture
def page(qtbot, ui_services: Services, visits: Visits) -> InspectionPage:
    p = InspectionPage(ui_services, lambda: ACTOR)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def pdf_text(path: Path) -> str:
    """All the text of a PDF with line breaks and spaces removed (wrapping must not matter)."""
    text = "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", "", text)


def documents_in_db(services: Services, kind: DocumentKind) -> list[str]:
    with services.db.reading() as s:
        return list(s.scalars(select(Document.number).where(Document.kind == kind.value)))


def test_order_button_prints_the_order_with_every_hazard(
    qtbot, page: InspectionPage, visits: Visits, ui_services: Services, opened: list[Path], messages
) -> None:
    assert page.select_id(visits.first)
    qtbot.mouseClick(page.order_button, Qt.MouseButton.LeftButton)

    [number] = documents_in_db(ui_services, DocumentKind.RECTIFICATION_ORDER)
    assert re.fullmatch(r"（新北）应急责改〔\d{4}〕1号", number)
    [path] = opened
    assert path.parent == data_dir() / "文书"
    assert path.name == f"{number}.pdf"
    assert path.is_file()
    text = pdf_text(path)
    assert "责令限期整改指令书" in text
    assert number in text
    for description in visits.hazard_descriptions:
        assert description in text
    assert f"已出具责令限期整改指令书 {number}" in page.status_label.text()
    # The list shows the number at once and the same visit stays selected.
    assert page.selected_id() == visits.first
    row = page.table.currentIndex().row()
    assert page.model.index(row, page.model.column_index("documents")).data() == number.removeprefix(
        "（新北）"
    )
    assert messages.shown == []
    assert not list(path.parent.glob(".正在打印*"))  # the draft was renamed, not left behind


def test_printing_twice_gives_the_same_number_and_one_document(
    qtbot, page: InspectionPage, visits: Visits, ui_services: Services, opened: list[Path], messages
) -> None:
    assert page.select_id(visits.first)
    qtbot.mouseClick(page.order_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.order_button, Qt.MouseButton.LeftButton)

    numbers = documents_in_db(ui_services, DocumentKind.RECTIFICATION_ORDER)
    assert len(numbers) == 1
    assert opened[0] == opened[1]
    assert numbers[0] in pdf_text(opened[1])
    assert page.status_label.text().startswith(f"已重印责令限期整改指令书 {numbers[0]}")
    assert messages.shown == []


def test_record_from_the_detail_dialog_is_listed_there(
    qtbot, page: InspectionPage, visits: Visits, ui_services: Services, opened: list[Path], messages
) -> None:
    dialog = page.open_detail(visits.second)
    assert dialog is not None
    assert dialog.document_table.isHidden()
    with qtbot.waitSignal(page.documents_changed, timeout=5000):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)

    [number] = documents_in_db(ui_services, DocumentKind.INSPECTION_RECORD)
    assert dialog.document_table.rowCount() == 1
    assert dialog.document_table.item(0, 0).text() == "现场检查记录"
    assert dialog.document_table.item(0, 1).text() == number
    assert not dialog.document_table.isHidden() and dialog.no_documents_label.isHidden()
    documents_column = page.model.column_index("documents")
    shown_numbers = [page.model.index(r, documents_column).data() for r in range(page.model.rowCount())]
    assert number.removeprefix("（新北）") in shown_numbers
    text = pdf_text(opened[0])
    assert "现场检查记录" in text and "常州博远木业有限公司" in text
    assert messages.shown == []


def test_a_refusal_shows_the_core_message_and_writes_nothing(
    qtbot, page: InspectionPage, visits: Visits, ui_services: Services, opened: list[Path], messages
) -> None:
    # The visit without hazards: the order button is off, but the function still refuses cleanly.
    result = print_actions.print_document(
        page, ui_services, ACTOR, DocumentKind.RECTIFICATION_ORDER, visits.third
    )
    assert result is None
    assert opened == []
    assert messages.texts("warning") == [
        "本次检查没有需要限期整改的隐患（立查立改的隐患不列入指令书），无需出具责令限期整改指令书"
    ]
    assert documents_in_db(ui_services, DocumentKind.RECTIFICATION_ORDER) == []
    folder = data_dir() / "文书"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_save_as_writes_where_the_user_chose(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    page: InspectionPage,
    visits: Visits,
    ui_services: Services,
    opened: list[Path],
    messages,
    tmp_path: Path,
) -> None:
    asked: list[str] = []
    target = tmp_path / "U盘" / "指令书"  # no suffix typed: .pdf is added

    def fake_dialog(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(target), "PDF 文件 (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    target.parent.mkdir()
    path = print_actions.save_document_as(
        page, ui_services, ACTOR, DocumentKind.RECTIFICATION_ORDER, visits.first
    )

    assert path == target.with_name("指令书.pdf")
    assert Path(asked[0]).name == f"{DocumentKind.RECTIFICATION_ORDER.value}_{visits.first}.pdf"
    [number] = documents_in_db(ui_services, DocumentKind.RECTIFICATION_ORDER)
    assert number in pdf_text(path)
    assert opened == []  # save-as does not open the viewer unless asked

    # Once issued, the suggested name is the document number (without characters Windows refuses).
    print_actions.save_document_as(page, ui_services, ACTOR, DocumentKind.RECTIFICATION_ORDER, visits.first)
    assert Path(asked[1]).name == f"{number}.pdf"
    assert Path(asked[1]).parent == target.parent  # the next 另存为 opens on the U盘 folder again
    assert messages.shown == []


def test_cancelled_file_dialog_issues_nothing(
    monkeypatch: pytest.MonkeyPatch, page: InspectionPage, visits: Visits, ui_services: Services, messages
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert (
        print_actions.save_document_as(page, ui_services, ACTOR, DocumentKind.INSPECTION_RECORD, visits.first)
        is None
    )
    with ui_services.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_safe_file_names() -> None:
    assert print_actions.safe_file_name("（新北）应急责改〔2026〕12号") == "（新北）应急责改〔2026〕12号"
    assert print_actions.safe_file_name('a/b\\c:d*e?f"g<h>i|j') == "a_b_c_d_e_f_g_h_i_j"
    assert print_actions.safe_file_name(" .. ") == "文书"


def test_review_opinion_before_any_reinspection_is_refused(
    page: InspectionPage, visits: Visits, ui_services: Services, opened: list[Path], messages
) -> None:
    hazard_id = ui_services.inspections.get(visits.first).hazards[0].id
    number = ui_services.inspections.get(visits.first).hazards[0].number
    assert (
        print_actions.print_document(page, ui_services, ACTOR, DocumentKind.REVIEW_OPINION, hazard_id) is None
    )
    assert messages.texts("warning") == [
        f"隐患 {number} 还没有复查记录，请先登记复查结果再出具整改复查意见书"
    ]
    assert opened == []
