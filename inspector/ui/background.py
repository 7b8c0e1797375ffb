"""Long work off the GUI thread: a QThreadPool job with a modal, cancellable progress dialog.

Every long action (roster import, ledger and list exports, printing) goes through
``run_in_background``; the job gets a ``progress(done, total) -> bool`` callback that answers
False once the user pressed 取消, and the core/report code then raises ``Cancelled``.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from inspector.core.errors import Cancelled, DomainError

log = logging.getLogger("inspector.ui.background")

Progress = Callable[[int, int], bool]


def tr(text: str) -> str:
    return QCoreApplication.translate("Background", text)


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception: DomainError for the user, anything else is a bug


class _Job(QRunnable):
    """Runs ``fn(progress)`` on a pool thread; ``progress`` answers False once cancel is set."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side owns it until the outcome arrives
        self.fn = fn
        self.signals = _Signals()
        self.cancel = threading.Event()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(done, total)
        return not self.cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except BaseException as e:  # handed to the GUI thread: a worker must never swallow a bug
            self.signals.failed.emit(e)
        else:
            self.signals.succeeded.emit(result)


@dataclass
class Outcome:
    result: Any = None
    error: BaseException | None = None

    @property
    def cancelled(self) -> bool:
        return isinstance(self.error, Cancelled)


class BackgroundTask(QObject):
    """One cancellable job with a modal progress dialog; ``run`` returns when the job has ended.

    A nested event loop keeps the window painting and the 取消 button live while the worker runs.
    """

    def __init__(self, parent: QWidget | None, title: str, label: Callable[[int, int], str]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self._label = label
        self._loop = QEventLoop(self)
        self._outcome = Outcome()
        self.job: _Job | None = None
        self.dialog: QProgressDialog | None = None

    def run(self, fn: Callable[[Progress], Any]) -> Outcome:
        dialog = QProgressDialog(self._label(0, 0), tr("取消"), 0, 0, self._parent)
        dialog.setWindowTitle(self._title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        self.dialog = dialog
        job = _Job(fn)
        self.job = job
        dialog.canceled.connect(self._cancel)
        job.signals.progressed.connect(self._on_progress)
        job.signals.succeeded.connect(self._on_succeeded)
        job.signals.failed.connect(self._on_failed)
        QThreadPool.globalInstance().start(job)
        self._loop.exec()
        dialog.canceled.disconnect(self._cancel)
        dialog.close()
        dialog.deleteLater()
        self.dialog = None
        return self._outcome

    @Slot()
    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel.set()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is None or self.dialog.wasCanceled():
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        self.dialog.setLabelText(self._label(done, total))

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._outcome = Outcome(result=result)
        self._loop.quit()

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._outcome = Outcome(error=error)
        self._loop.quit()


def run_in_background(
    parent: QWidget | None,
    title: str,
    label: Callable[[int, int], str],
    fn: Callable[[Progress], Any],
) -> Outcome:
    return BackgroundTask(parent, title, label).run(fn)


def export_result(parent: QWidget | None, title: str, outcome: Outcome) -> Any | None:
    """The result of an export run by ``run_in_background``, or None once the user was told why
    not: a refusal as a warning, a file that cannot be written with the usual reason, a bug to the
    crash dialog. A cancel returns None silently (the caller says so where it wants)."""
    error = outcome.error
    if outcome.cancelled:
        return None
    if isinstance(error, DomainError):
        QMessageBox.warning(parent, title, error.message)
        return None
    if isinstance(error, OSError):
        QMessageBox.warning(
            parent,
            title,
            tr("无法写入文件：{error}\n如果该文件正在 Excel 或 WPS 中打开，请先关闭后再导出。").format(
                error=error.strerror or str(error)
            ),
        )
        return None
    if error is not None:
        report_bug(error)
        return None
    return outcome.result


def report_bug(error: BaseException) -> None:
    """Not a DomainError: a defect. The app's excepthook shows the crash dialog with details."""
    log.error("background job failed", exc_info=(type(error), error, error.__traceback__))
    sys.excepthook(type(error), error, error.__traceback__)
