"""One path from a click to the core: every use case a widget runs is an ``Op`` (or ``LongOp``).

Why one runner:

- **One database worker thread.** The core runs off the GUI thread, on a single worker, so a
  user's actions reach the database in the order they were made (SQLite serialises writers
  anyway; Anki's collection executor does the same).
- **``run()`` reads like a plain call.** It returns once the use case has ended, with its
  ``Outcome``; meanwhile a local event loop keeps the window painting, user input is held (no
  second click on 保存 while the first is saving), and a busy dialog appears after 0.4 s — or, for a
  ``LongOp``, a progress dialog with 取消. ``start()`` is the non-blocking form for refreshes that
  must not hold input (a page's summary): its callbacks arrive later, skipped if the widget is gone.
- **One error routing.** A refusal the user can act on (``DomainError``: validation, not found,
  duplicate, permission, concurrent edit, database unavailable) becomes a message — field errors
  go to the dialog's ``fields`` handler so they show beside their fields; ``Cancelled`` is silent;
  a file that cannot be read or written names the file and the reason; anything else is a defect:
  logged, and the crash dialog (``sys.excepthook``) with the log's path. Widgets never catch
  ``DomainError`` themselves.

``read_now`` is the one exception: a model's ``data()``/``rowCount()`` must answer before it
paints, so a windowed model reads its page (one indexed query) on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from inspector.core.errors import Cancelled, DomainError, FieldError, ValidationError
from inspector.db.errors import is_unavailable

if TYPE_CHECKING:  # the window's shell paints before the services are imported
    from inspector.core.context import Services

log = logging.getLogger("inspector.ui.ops")

T = TypeVar("T")
Progress = Callable[[int, int], bool]
"""``progress(done, total)`` from long work; answers False once the user pressed 取消."""

BUSY_AFTER_MS = 400  # a quick save shows nothing; a slow one (a far server) shows it is working
PROGRESS_AFTER_MS = 300


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How a use case ended: ``value`` when ``ok``, else the ``error`` (already shown to the user)."""

    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def cancelled(self) -> bool:
        return isinstance(self.error, Cancelled)


# --- the worker -------------------------------------------------------------------------------


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)  # an Outcome, delivered on the GUI thread (queued connection)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Op owns it until its outcome has arrived
        self.work = work
        self.signals = _Signals()
        self.cancel = threading.Event()

    def progress(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(done, total)
        return not self.cancel.is_set()

    def run(self) -> None:
        try:
            outcome: Outcome[Any] = Outcome(value=self.work(self.progress))
        except BaseException as e:  # handed to the GUI thread: a worker never swallows a defect
            outcome = Outcome(error=e)
        self.signals.finished.emit(outcome)


_pool: QThreadPool | None = None


def worker() -> QThreadPool:
    """The single database worker (created on first use, drained when the app quits)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)  # one long-lived thread: its SQLite connection stays warm
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: _pool.waitForDone() if _pool is not None else None)
    return _pool


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Block until every queued op has run (tests, and shutdown)."""
    return worker().waitForDone(timeout_ms)


# --- holding user input while a blocking op runs ------------------------------------------------


_USER_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.Wheel,
    QEvent.Type.Shortcut,
    QEvent.Type.Close,
}


class _InputHold(QObject):
    """Swallows the user's clicks and keys (spontaneous events) except inside the op's own dialog."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.allowed: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _USER_INPUT or not event.spontaneous():
            return False
        if isinstance(watched, QWidget):
            top = watched.window()
            if any(shiboken6.isValid(w) and top is w for w in self.allowed):
                return False
        if event.type() == QEvent.Type.Close:
            event.ignore()
        return True


_hold = _InputHold()


def _hold_input(allowed: QWidget | None) -> None:
    app = QCoreApplication.instance()
    if app is None:
        return
    if _hold.depth == 0:
        app.installEventFilter(_hold)
    _hold.depth += 1
    if allowed is not None:
        _hold.allowed.append(allowed)


def _release_input(allowed: QWidget | None) -> None:
    app = QCoreApplication.instance()
    if allowed is not None and allowed in _hold.allowed:
        _hold.allowed.remove(allowed)
    _hold.depth -= 1
    if _hold.depth == 0 and app is not None:
        app.removeEventFilter(_hold)


# --- error routing ----------------------------------------------------------------------------


def file_error_text(error: OSError) -> str:
    """A file that cannot be read or written, in words: which file and why."""
    reason = error.strerror or str(error)
    name = error.filename
    text = (
        QCoreApplication.translate("Ops", "无法读写文件“{file}”：{reason}").format(file=name, reason=reason)
        if name
        else QCoreApplication.translate("Ops", "无法读写文件：{reason}").format(reason=reason)
    )
    if isinstance(error, PermissionError):
        text += "\n" + QCoreApplication.translate(
            "Ops", "如果该文件正在 Excel、WPS 或 PDF 阅读器中打开，请先关闭后再试。"
        )
    return text


def report_bug(error: BaseException) -> None:
    """Not a refusal: a defect. The app's excepthook logs it with its traceback and shows the crash
    dialog naming the log file."""
    sys.excepthook(type(error), error, error.__traceback__)


def route_error(
    parent: QWidget | None,
    title: str,
    error: BaseException,
    fields: Callable[[list[FieldError]], object] | None = None,
) -> None:
    """The one default: what the user is told when a use case did not complete."""
    if isinstance(error, Cancelled):
        return
    if isinstance(error, ValidationError) and fields is not None:
        fields(error.errors)
        return
    if isinstance(error, ValidationError):
        QMessageBox.warning(parent, title, "\n".join(e.message for e in error.errors) or error.message)
    elif isinstance(error, DomainError):
        QMessageBox.warning(parent, title, error.message)
    elif isinstance(error, OSError):
        QMessageBox.warning(parent, title, file_error_text(error))
    elif is_unavailable(error):
        log.warning("database unavailable", exc_info=(type(error), error, error.__traceback__))
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate(
                "Ops",
                "无法访问数据库：可能是网络中断、数据库服务器已关闭或数据库正忙。刚才的操作没有保存，请稍后重试。",
            ),
        )
    else:
        report_bug(error)


# --- the ops ----------------------------------------------------------------------------------


class Op(Generic[T]):
    """One use case from a widget: ``fn(services)`` on the database worker, the outcome back here."""

    def __init__(
        self,
        parent: QWidget | None,
        services: Services,
        fn: Callable[[Services], T],
        *,
        title: str = "",
    ) -> None:
        self.parent = parent
        self.services = services
        self.fn = fn
        self.title = (
            title
            or (parent.window().windowTitle() if parent is not None else "")
            or QCoreApplication.translate("Ops", "提示")
        )
        self._success: list[Callable[[T], object]] = []
        self._failure: list[Callable[[BaseException], bool]] = []
        self._fields: Callable[[list[FieldError]], object] | None = None

    # fluent set-up ----------------------------------------------------------------------------

    def success(self, callback: Callable[[T], object]) -> Op[T]:
        """Called with the result on the GUI thread."""
        self._success.append(callback)
        return self

    def failure(self, callback: Callable[[BaseException], bool]) -> Op[T]:
        """Called with the error first; returning True means handled (no default message)."""
        self._failure.append(callback)
        return self

    def fields(self, callback: Callable[[list[FieldError]], object]) -> Op[T]:
        """Where a ValidationError's field errors go (a dialog shows them beside their fields)."""
        self._fields = callback
        return self

    # running ----------------------------------------------------------------------------------

    def _work(self, progress: Progress) -> T:
        return self.fn(self.services)

    def run(self) -> Outcome[T]:
        """Run and wait (window painting, input held); returns after the callbacks have run."""
        job = _Job(self._work)
        loop = QEventLoop()
        box: list[Outcome[T]] = []

        def finished(outcome: Outcome[T]) -> None:
            box.append(outcome)
            loop.quit()

        job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        dialog = self._dialog(job)
        _hold_input(dialog)
        try:
            worker().start(job)
            if not box:
                loop.exec()
        finally:
            _release_input(dialog)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        outcome = box[0]
        self._deliver(outcome)
        return outcome

    def start(self) -> None:
        """Run without waiting; the callbacks run later, and not at all if the widget is gone."""
        job = _Job(self._work)
        parent = self.parent

        def finished(outcome: Outcome[T]) -> None:
            _running.discard(job)
            if parent is None or shiboken6.isValid(parent):
                self._deliver(outcome)

        _running.add(job)
        job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        worker().start(job)

    def _dialog(self, job: _Job) -> QProgressDialog | None:
        """The busy indicator: shown only when the work outlasts ``BUSY_AFTER_MS``."""
        dialog = QProgressDialog(
            QCoreApplication.translate("Ops", "正在处理，请稍候…"), "", 0, 0, self.parent
        )
        dialog.setCancelButton(None)  # no button: this work cannot be stopped halfway
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(BUSY_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)  # starts the clock: the dialog appears once the minimum duration passed
        return dialog

    def _deliver(self, outcome: Outcome[T]) -> None:
        if outcome.error is None:
            for callback in self._success:
                callback(outcome.value)  # type: ignore[arg-type]  # ok: value is the T fn returned
            return
        for handler in self._failure:
            if handler(outcome.error):
                return
        route_error(self.parent, self.title, outcome.error, self._fields)


class LongOp(Op[T]):
    """Long work (an export, an import, a big report) with a progress dialog and 取消.

    ``fn(services, progress)`` calls ``progress(done, total)``; once it answers False the core
    raises ``Cancelled`` and nothing is written.
    """

    def __init__(
        self,
        parent: QWidget | None,
        services: Services,
        fn: Callable[[Services, Progress], T],
        *,
        title: str = "",
        label: Callable[[int, int], str] | None = None,
    ) -> None:
        super().__init__(parent, services, lambda s: fn(s, _never_cancelled), title=title)
        self.long_fn = fn
        self.label = label or (lambda done, total: QCoreApplication.translate("Ops", "正在处理，请稍候…"))
        self.progress_dialog: QProgressDialog | None = None

    def _work(self, progress: Progress) -> T:
        return self.long_fn(self.services, progress)

    def _dialog(self, job: _Job) -> QProgressDialog | None:
        dialog = QProgressDialog(
            self.label(0, 0), QCoreApplication.translate("Ops", "取消"), 0, 0, self.parent
        )
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.setValue(0)
        dialog.canceled.connect(job.cancel.set)
        relay = _ProgressRelay(dialog, self.label)
        job.signals.progressed.connect(relay.show, Qt.ConnectionType.QueuedConnection)
        self.progress_dialog = dialog
        return dialog


class _ProgressRelay(QObject):
    """Shows the worker's progress in the dialog (lives on the GUI thread, dies with the dialog)."""

    def __init__(self, dialog: QProgressDialog, label: Callable[[int, int], str]) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.label = label

    @Slot(int, int)
    def show(self, done: int, total: int) -> None:
        if not shiboken6.isValid(self.dialog) or self.dialog.wasCanceled():
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        self.dialog.setLabelText(self.label(done, total))


def _never_cancelled(done: int, total: int) -> bool:
    return True


_running: set[_Job] = set()  # jobs started without waiting, kept alive until their outcome


def read_now(services: Services, fn: Callable[[Services], T]) -> T:
    """A read on the GUI thread, for a model's page only (it must answer before painting).

    Errors are not routed here: a model shows an empty page and the next op reports the cause.
    """
    return fn(services)


__all__ = [
    "LongOp",
    "Op",
    "Outcome",
    "Progress",
    "file_error_text",
    "read_now",
    "report_bug",
    "route_error",
    "wait_idle",
    "worker",
]
