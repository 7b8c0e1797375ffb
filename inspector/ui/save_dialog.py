"""The app's 另存为 and 选择照片 questions: each opens in the folder last used for its purpose.

An inspector saves a month of notices to the same USB stick or shared folder, and adds photos
from the same camera folder; starting every dialog in 文档 made them walk there each time. Each
purpose (文书, 统计, 图表, 照片…) keeps its own folder in Settings; a folder that has gone (the
stick is out) falls back to 文档.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from inspector.ui.settings import Settings
from inspector.ui.widgets import user_documents_folder


def start_folder(purpose: str, settings: Settings | None = None) -> Path:
    """Where a dialog for ``purpose`` opens: the folder last chosen for it, else 文档."""
    remembered = (settings or Settings()).last_folder(purpose)
    return remembered if remembered is not None else user_documents_folder()


def remember_folder(purpose: str, folder: Path, settings: Settings | None = None) -> None:
    chosen = settings or Settings()
    chosen.set_last_folder(purpose, folder)
    chosen.sync()


def ask_save_path(
    parent: QWidget | None,
    purpose: str,
    title: str,
    name: str,
    filter_text: str,
    suffix: str,
    settings: Settings | None = None,
) -> Path | None:
    """The file the user chose (``suffix`` added when typed without it), or None if cancelled;
    its folder becomes the start of the next dialog for ``purpose``."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(start_folder(purpose, settings) / name), filter_text
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember_folder(purpose, path.parent, settings)
    return path


def ask_open_paths(
    parent: QWidget | None, purpose: str, title: str, filter_text: str, settings: Settings | None = None
) -> list[Path]:
    """The files the user picked (none if cancelled); their folder starts the next pick for ``purpose``."""
    chosen, _filter = QFileDialog.getOpenFileNames(
        parent, title, str(start_folder(purpose, settings)), filter_text
    )
    paths = [Path(c) for c in chosen]
    if paths:
        remember_folder(purpose, paths[0].parent, settings)
    return paths


__all__ = ["ask_open_paths", "ask_save_path", "remember_folder", "start_folder"]
