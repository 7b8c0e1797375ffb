"""Printing 执法文书 from the GUI: issue (or reprint) on the database worker, save the PDF, open it.

One user action is one ``DocumentService.issue`` call (inside
``inspector.reports.documents.print_document``); issuing again returns the very same number, so
"打印" is safe to press twice. The PDF goes to ``<data dir>/文书/<number>.pdf`` by default, so an
inspector finds every printed document in one folder; ``save_document_as`` asks for a place.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.documents import IssuedDocument
from inspector.core.enums import DocumentKind
from inspector.core.errors import Cancelled
from inspector.paths import data_dir
from inspector.reports import documents as pdf_documents
from inspector.ui.ops import LongOp, Op, Progress
from inspector.ui.save_dialog import ask_save_path

StatusFn = Callable[[str], None]

# Characters Windows (and some Linux file managers) refuse in a file name; 〔〕（） are fine.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def documents_folder() -> Path:
    """Where printed documents are kept unless the user chose another place."""
    return data_dir() / "文书"


def safe_file_name(text: str, fallback: str = "文书") -> str:
    """A file name that every desktop accepts: no path separators or reserved characters."""
    name = _UNSAFE.sub("_", text).strip().strip(".")
    return name or fallback


def default_file_name(kind: DocumentKind, target_id: int, number: str | None) -> str:
    """``（新北）应急责改〔2026〕12号.pdf`` once numbered, else ``责令限期整改指令书_12.pdf``."""
    stem = f"{number}" if number else f"{kind.value}_{target_id}"
    return safe_file_name(stem) + ".pdf"


def open_file(path: Path) -> bool:
    """Open a file in the system's viewer (a module function so tests can replace it)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_status(parent: QWidget | None, text: str, timeout_ms: int = 10000) -> None:
    """Put a message in the main window's status bar, if the parent lives in one."""
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout_ms)


def _first_free(path: Path) -> Path:
    """``path`` or ``name (2).pdf`` … when the old file is held open by a PDF viewer (Windows)."""
    candidate = path
    n = 2
    while candidate.exists():
        try:
            with candidate.open("r+b"):
                return candidate  # writable: replacing it is fine
        except OSError:
            candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
            n += 1
    return candidate


def existing_number(s: Services, kind: DocumentKind, target_id: int) -> str | None:
    """The number already issued for a visit's document of ``kind`` (for a default file name).

    A read: it runs on the database worker (inside an op)."""
    if kind not in (
        DocumentKind.INSPECTION_RECORD,
        DocumentKind.ONSITE_DECISION,
        DocumentKind.RECTIFICATION_ORDER,
    ):
        return None
    for row in s.documents.chain(target_id):
        if row.inspection_id == target_id and row.kind == kind.value:
            return row.number
    return None


IssueFn = Callable[[Services], IssuedDocument]


def _issue_and_write(
    services: Services, issue: IssueFn, kind: DocumentKind, target_id: int, output: Path | None
) -> tuple[IssuedDocument, Path]:
    """Runs on the worker: one issue (or reprint) call, the PDF rendered and moved to its name."""
    documents = services.documents
    if output is not None:
        return pdf_documents.write_document(documents, issue(services), output), output
    folder = documents_folder()
    folder.mkdir(parents=True, exist_ok=True)
    draft = folder / f".正在打印_{safe_file_name(kind.value)}_{target_id}_{os.getpid()}.pdf"
    try:
        issued = pdf_documents.write_document(documents, issue(services), draft)
        final = _first_free(folder / default_file_name(issued.kind, target_id, issued.number))
        os.replace(draft, final)
    finally:
        draft.unlink(missing_ok=True)
    return issued, final


def _issuer(actor: Actor, kind: DocumentKind, target_id: int, reinspection_id: int | None = None) -> IssueFn:
    if kind == DocumentKind.REVIEW_OPINION:
        return lambda s: s.documents.issue_review_opinion(actor, target_id, reinspection_id)
    return lambda s: s.documents.issue(actor, kind, target_id)


def _run(
    parent: QWidget | None,
    services: Services,
    issue: IssueFn,
    kind: DocumentKind,
    target_id: int,
    output: Path | None,
    open_after: bool,
    status: StatusFn | None,
) -> Path | None:
    """Issue and write on the database worker (a LongOp: its 取消 stops it before it issues);
    refusals and file errors take the ops' default routing."""

    def job(s: Services, progress: Progress) -> tuple[IssuedDocument, Path]:
        if not progress(0, 0):
            raise Cancelled(QCoreApplication.translate("PrintActions", "已取消打印"))
        return _issue_and_write(s, issue, kind, target_id, output)

    outcome = LongOp(
        parent,
        services,
        job,
        title=QCoreApplication.translate("PrintActions", "打印{kind}").format(kind=kind.value),
        label=lambda _done, _total: QCoreApplication.translate("PrintActions", "正在生成{kind}……").format(
            kind=kind.value
        ),
    ).run()
    if outcome.value is None:
        return None
    issued, path = outcome.value
    verb = (
        QCoreApplication.translate("PrintActions", "已重印")
        if issued.reprint
        else QCoreApplication.translate("PrintActions", "已出具")
    )
    message = QCoreApplication.translate("PrintActions", "{verb}{kind} {number}，已保存到 {path}").format(
        verb=verb, kind=issued.kind.value, number=issued.number, path=path
    )
    if status is not None:
        status(message)
    show_status(parent, message)
    if open_after and not open_file(path):
        QMessageBox.information(
            parent,
            QCoreApplication.translate("PrintActions", "文书已保存"),
            QCoreApplication.translate(
                "PrintActions", "{message}\n\n未能自动打开 PDF，请用 PDF 阅读器打开该文件后打印。"
            ).format(message=message),
        )
    return path


def print_document(
    parent: QWidget | None,
    services: Services,
    actor: Actor,
    kind: DocumentKind,
    target_id: int,
    *,
    open_after: bool = True,
    status: StatusFn | None = None,
    reinspection_id: int | None = None,
) -> Path | None:
    """Issue (or reprint) a document, save it in the documents folder and open it for printing.

    ``target_id`` is an inspection id for the 现场检查记录, the 现场处理措施决定书 and the
    责令限期整改指令书, a hazard id for the 整改复查意见书 (its latest 复查, or ``reinspection_id``).
    Returns the PDF's path, or None when refused (the user saw why) or cancelled.
    """
    issue = _issuer(actor, kind, target_id, reinspection_id)
    return _run(parent, services, issue, kind, target_id, None, open_after, status)


def reprint_document(
    parent: QWidget | None,
    services: Services,
    actor: Actor,
    document_id: int,
    kind: DocumentKind,
    *,
    open_after: bool = True,
    status: StatusFn | None = None,
) -> Path | None:
    """Print an issued document again by its id (a 送达回执, an earlier 复查意见书): same number, text."""

    def issue(s: Services) -> IssuedDocument:
        return s.documents.reprint(actor, document_id)

    return _run(parent, services, issue, kind, document_id, None, open_after, status)


def save_document_as(
    parent: QWidget | None,
    services: Services,
    actor: Actor,
    kind: DocumentKind,
    target_id: int,
    *,
    open_after: bool = False,
    status: StatusFn | None = None,
) -> Path | None:
    """Like ``print_document`` but the user picks the file (e.g. a USB stick to print elsewhere)."""
    numbered = Op(parent, services, lambda s: existing_number(s, kind, target_id)).run()
    if not numbered.ok:
        return None
    output = ask_save_path(
        parent,
        "documents",
        QCoreApplication.translate("PrintActions", "{kind}另存为").format(kind=kind.value),
        default_file_name(kind, target_id, numbered.value),
        QCoreApplication.translate("PrintActions", "PDF 文件 (*.pdf)"),
        ".pdf",
    )
    if output is None:
        return None
    issue = _issuer(actor, kind, target_id)
    return _run(parent, services, issue, kind, target_id, output, open_after, status)


__all__ = [
    "default_file_name",
    "documents_folder",
    "existing_number",
    "open_file",
    "print_document",
    "reprint_document",
    "safe_file_name",
    "save_document_as",
    "show_status",
]
