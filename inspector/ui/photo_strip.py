"""A horizontal strip of photo thumbnails (整改前 / 整改后) with add, paste, remove and preview.

The strip holds two kinds of photos: *saved* ones (already stored, read-only, bytes fetched on
demand through ``PhotoService.content`` in an op — thumbnails on the database worker with
``Op.start``, so a hazard with many photos opens at once) and *pending* ones the user just added, which the caller saves
in its own transaction via ``pending()``. Photos are checked with the core's ``load_photo`` rules
(JPEG/PNG by magic bytes, size limit) so the strip never accepts what the service would refuse.

Only ~96 px thumbnails are kept as pixmaps; the full picture is decoded again for the preview.

A picked or pasted file is checked on the spot by ``load_photos`` (a local check, no database):
each refused file is named in one message while the others are kept — the strip's own answer,
which is why it reads the refusal itself.

One room past 600 lines: the strip, its thumbnails and the pickers (file, paste, drop) share
the one list of photos they edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMimeData,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector.core.context import Services
from inspector.core.enums import PhotoPhase
from inspector.core.errors import DomainError
from inspector.core.photos import PhotoInput, PhotoMeta, load_photos
from inspector.ui.ops import Op
from inspector.ui.save_dialog import ask_open_paths
from inspector.ui.style import (
    MUTED_COLOUR,
    MUTED_TEXT,
    PHOTO_BADGE_BACKGROUND,
    PHOTO_BADGE_TEXT,
    PHOTO_PLACEHOLDER_BACKGROUND,
    PHOTO_PREVIEW_BACKGROUND,
    PHOTO_TILE_BACKGROUND,
    PHOTO_TILE_BORDER,
    icon,
)
from inspector.ui.terms import term

THUMB_SIZE = 96
_ROLE_KEY = Qt.ItemDataRole.UserRole + 1  # ("pending", index) | ("saved", photo_id)


@dataclass
class _Pending:
    photo: PhotoInput  # data already read, checked and reduced (unless kept as taken)
    thumb: QPixmap | None = None  # made once, reused when the strip is rebuilt


PHOTO_FOLDER = "photos"  # one remembered folder for every photo pick (the camera's copy)


def choose_photo_files(parent: QWidget, title: str) -> list[Path]:
    """The photo picker of every strip and checklist item: images only, opening where the last
    photos came from."""
    return ask_open_paths(
        parent,
        PHOTO_FOLDER,
        title,
        QCoreApplication.translate("PhotoStrip", "图片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"),
    )


def decode_thumbnail(data: bytes, size: int = THUMB_SIZE) -> QImage:
    """Decode at (about) thumbnail size: JPEG readers scale while decoding, so a 12 MP photo
    never becomes a 48 MB image just to be shown at 96 px. EXIF rotation is applied."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and (full.width() > size * 2 or full.height() > size * 2):
        reader.setScaledSize(full.scaled(size * 2, size * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        image = QImage.fromData(data)
    if image.isNull():
        return image
    return image.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _placeholder(size: int, text: str) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(QColor(PHOTO_PLACEHOLDER_BACKGROUND))
    p = QPainter(pix)
    p.setPen(QColor(MUTED_COLOUR))
    p.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pix


def _framed(image: QImage, badge: str = "") -> QPixmap:
    """The thumbnail centred on a square tile (aspect kept), with an optional corner badge."""
    pix = QPixmap(THUMB_SIZE, THUMB_SIZE)
    pix.fill(QColor(PHOTO_TILE_BACKGROUND))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.drawImage(QPoint((THUMB_SIZE - image.width()) // 2, (THUMB_SIZE - image.height()) // 2), image)
    p.setPen(QPen(QColor(PHOTO_TILE_BORDER)))
    p.drawRect(pix.rect().adjusted(0, 0, -1, -1))
    if badge:
        font = QFont(p.font())
        font.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
        p.setFont(font)
        w = p.fontMetrics().horizontalAdvance(badge) + 8
        h = p.fontMetrics().height() + 2
        rect = pix.rect().adjusted(THUMB_SIZE - w - 3, 3, -3, 0)
        rect.setHeight(h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(PHOTO_BADGE_BACKGROUND))
        p.drawRoundedRect(rect, 3, 3)
        p.setPen(QColor(PHOTO_BADGE_TEXT))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, badge)
    p.end()
    return pix


def _word_lines(phrase: str, fm: QFontMetrics, width: int) -> list[str]:
    """``phrase`` broken between words into lines of at most ``width`` (a word too long stays whole)."""
    lines: list[str] = []
    for word in phrase.split():
        if lines and fm.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


class _ThumbList(QListWidget):
    """The icon list; paints a hint when empty so the strip never looks like a blank box."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = empty_text

    def hint_lines(self) -> list[str]:
        """The empty hint as drawn: one line when it fits, else one line per phrase (the hint's
        own line breaks), each elided — never wrapped inside a word, which would leave a lone
        「里」 below. A phrase of words (the English hint) wraps between its words instead."""
        fm = self.fontMetrics()
        width = self.viewport().width() - 16
        phrases = self.empty_text.split("\n")
        one_line = " — ".join(phrases)
        if fm.horizontalAdvance(one_line) <= width:
            return [one_line]
        lines: list[str] = []
        for phrase in phrases:
            lines.extend(_word_lines(phrase, fm, width) if " " in phrase.strip() else [phrase])
        return [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.empty_text:
            p = QPainter(self.viewport())
            p.setPen(QColor(MUTED_COLOUR))
            p.drawText(
                self.viewport().rect().adjusted(8, 0, -8, 0),
                Qt.AlignmentFlag.AlignCenter,
                "\n".join(self.hint_lines()),
            )
            p.end()


class PhotoPreviewDialog(QDialog):
    """A larger view of one photo, scaled to fit the window (and re-scaled when resized)."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._image = QImage.fromData(data)
        lay = QVBoxLayout(self)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setMinimumSize(200, 150)
        self.image_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image_label.setStyleSheet(PHOTO_PREVIEW_BACKGROUND)
        lay.addWidget(self.image_label, 1)
        info = QLabel(
            self.tr("{w} × {h} 像素").format(w=self._image.width(), h=self._image.height())
            if not self._image.isNull()
            else self.tr("无法显示该图片")
        )
        info.setStyleSheet(MUTED_TEXT)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(info, 1)
        bottom.addWidget(buttons)
        lay.addLayout(bottom)
        screen = QGuiApplication.primaryScreen()
        avail = screen.availableGeometry().size() if screen else QSize(1280, 800)
        want = self._image.size() if not self._image.isNull() else QSize(480, 360)
        want = want.boundedTo(QSize(int(avail.width() * 0.8), int(avail.height() * 0.8)))
        self.resize(max(want.width(), 360), max(want.height() + 50, 280))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._image.isNull():
            target = self.image_label.size()
            self.image_label.setPixmap(
                QPixmap.fromImage(
                    self._image.scaled(
                        target, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                    )
                )
            )
        else:
            self.image_label.setText(self.tr("无法显示该图片"))


class PhotoStrip(QWidget):
    """Thumbnails of one phase's photos; pending ones are saved by the caller with ``pending()``.

    ``changed`` fires whenever the pending photos change (added, removed, cleared) — not for
    ``set_saved``, which the caller itself triggers.
    """

    changed = Signal()

    def __init__(
        self, phase: str = PhotoPhase.BEFORE.value, editable: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.phase = phase
        self.editable = editable
        self._pending: list[_Pending] = []
        self._saved: list[PhotoMeta] = []
        self._services: Services | None = None
        self._saved_thumbs: dict[int, QPixmap] = {}  # photo id -> thumbnail (no full-size copies)
        self._loading: set[int] = set()  # thumbnails being decoded on the database worker
        #: what the preview dialog does; tests replace it to avoid a modal loop
        self.open_preview: Callable[[QDialog], object] = lambda d: d.exec()
        #: how a saved photo's bytes are read (on the database worker): hazard photos by default,
        #: a checklist item's photos through ``services.checklists.photo_content``
        self.read_content: Callable[[Services, int], bytes] = lambda s, photo_id: s.photos.content(photo_id)

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        empty = (
            self.tr("暂无{phase}照片\n点击“添加照片…”、粘贴截图或把图片拖到这里").format(phase=term(phase))
            if editable
            else self.tr("暂无{phase}照片").format(phase=term(phase))
        )
        self.list = _ThumbList(empty)
        self.list.setObjectName("photo_list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.list.setGridSize(QSize(THUMB_SIZE + 16, THUMB_SIZE + 26))
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        bar = self.list.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.list.setFixedHeight(THUMB_SIZE + 26 + 2 * self.list.frameWidth() + bar + 2)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.list.itemDoubleClicked.connect(self._preview_item)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        lay.addWidget(self.list, 1)

        self.add_button = QPushButton(icon("photo_add"), self.tr("添加照片…"))
        self.add_button.setObjectName("add_photo_button")
        self.add_button.setToolTip(self.tr("选择一张或多张 JPEG/PNG 照片"))
        self.add_button.clicked.connect(self.choose_files)
        self.paste_button = QPushButton(icon("photo_paste"), self.tr("粘贴"))
        self.paste_button.setObjectName("paste_photo_button")
        self.paste_button.setToolTip(self.tr("粘贴剪贴板中的截图或复制的图片文件（Ctrl+V）"))
        self.paste_button.clicked.connect(self.paste)
        self.remove_button = QPushButton(icon("photo_remove"), self.tr("移除"))
        self.remove_button.setObjectName("remove_photo_button")
        self.remove_button.setToolTip(self.tr("移除选中的未保存照片（Delete）"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        for b in (self.add_button, self.paste_button, self.remove_button):
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            buttons.addWidget(b)
        buttons.addStretch(1)
        width = max(b.sizeHint().width() for b in (self.add_button, self.paste_button, self.remove_button))
        for b in (self.add_button, self.paste_button, self.remove_button):
            b.setFixedWidth(width)
        self.keep_box = QCheckBox(self.tr("保留原图"))
        self.keep_box.setObjectName("keep_original")
        self.keep_box.setToolTip(
            self.tr("照片默认缩小到打印尺寸（长边2000像素）保存，打印快、数据库小；勾选后按原文件保存")
        )
        buttons.insertWidget(3, self.keep_box)
        self._button_box = QWidget()
        self._button_box.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self._button_box)
        self._button_box.setVisible(editable)

        if editable:
            paste = QShortcut(QKeySequence.StandardKey.Paste, self.list)
            paste.setContext(Qt.ShortcutContext.WidgetShortcut)
            paste.activated.connect(self.paste)
            delete = QShortcut(QKeySequence.StandardKey.Delete, self.list)
            delete.setContext(Qt.ShortcutContext.WidgetShortcut)
            delete.activated.connect(self.remove_selected)
            self.setAcceptDrops(True)
        self._update_buttons()

    # -- public API ---------------------------------------------------------------------------
    def add_files(self, paths: Iterable[str | Path]) -> list[str]:
        """Add image files as pending photos; returns a message per refused file."""
        keep = self._keep()
        loaded, refused = load_photos(PhotoInput(phase=self.phase, path=p, keep_original=keep) for p in paths)
        for photo in loaded:
            self._add_pending(self._checked(photo.content, photo.filename))
        if loaded:
            self.changed.emit()
        return refused

    def add_image_bytes(self, data: bytes, filename: str | None = None) -> list[str]:
        """Add one picture from memory (a pasted screenshot); returns refusal messages."""
        if filename is None:
            filename = self.tr("粘贴图片.png")
        loaded, refused = load_photos(
            [PhotoInput(phase=self.phase, data=data, filename=filename, keep_original=self._keep())]
        )
        for photo in loaded:
            self._add_pending(self._checked(photo.content, photo.filename))
            self.changed.emit()
        return refused

    def _keep(self) -> bool:
        return self.keep_box.isChecked()

    def _checked(self, content: bytes, filename: str) -> PhotoInput:
        """A pending photo already reduced here: the core keeps these bytes as they are."""
        return PhotoInput(self.phase, data=content, filename=filename, keep_original=True)

    def pending(self) -> list[PhotoInput]:
        """Photos added here and not yet saved, with the strip's phase."""
        return [replace(p.photo, phase=self.phase) for p in self._pending]

    def clear_pending(self) -> None:
        """Forget the unsaved photos (call after saving them, then ``set_saved`` the result)."""
        if not self._pending:
            return
        self._pending.clear()
        self._rebuild()
        self.changed.emit()

    def set_saved(self, metas: list[PhotoMeta], services: Services) -> None:
        """Show stored photos read-only; their bytes come from ``services.photos`` in ops (for
        thumbnails now and for the preview later — the strip keeps no full-size copies)."""
        if services is not self._services:  # another database: its ids mean other photos
            self._saved_thumbs.clear()
        self._saved = list(metas)
        self._services = services
        keep = {m.id for m in metas}
        self._saved_thumbs = {k: v for k, v in self._saved_thumbs.items() if k in keep}
        self._rebuild()

    def pending_count(self) -> int:
        return len(self._pending)

    def saved_count(self) -> int:
        return len(self._saved)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self._button_box.setVisible(editable)
        self.setAcceptDrops(editable)
        self._update_buttons()

    # -- UI actions ---------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths = choose_photo_files(self, self.tr("添加{phase}照片").format(phase=self.phase))
        if paths:
            self._warn(self.add_files(paths))

    def paste(self) -> None:
        """Paste copied image files (from Explorer) or a copied picture/screenshot."""
        if not self.editable:
            return
        mime = QGuiApplication.clipboard().mimeData()
        self._warn(self._add_from_mime(mime, self.tr("剪贴板中没有图片：请先复制截图或图片文件")))

    def remove_selected(self) -> None:
        if not self.editable:
            return
        keys = [item.data(_ROLE_KEY) for item in self.list.selectedItems()]
        rows = sorted({key[1] for key in keys if key[0] == "pending"}, reverse=True)
        if not rows:
            return
        for i in rows:
            del self._pending[i]
        self._rebuild()
        self.changed.emit()

    # -- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.editable and (mime.hasUrls() or mime.hasImage()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self._warn(self._add_from_mime(event.mimeData(), self.tr("拖入的内容不是图片")))
        event.acceptProposedAction()

    # -- internals ------------------------------------------------------------------------------
    def _add_from_mime(self, mime: QMimeData | None, nothing: str) -> list[str]:
        if mime is None:
            return [nothing]
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
        if files:
            return self.add_files(files)
        if mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QPixmap):
                image = image.toImage()
            if isinstance(image, QImage) and not image.isNull():
                return self.add_image_bytes(_png_bytes(image), self._paste_name())
        return [nothing]

    def _paste_name(self) -> str:
        taken = {p.photo.filename for p in self._pending}
        n = 1
        while (name := self.tr("粘贴图片{n}.png").format(n=n) if n > 1 else self.tr("粘贴图片.png")) in taken:
            n += 1
        return name

    def _warn(self, errors: list[str]) -> None:
        if errors:
            QMessageBox.warning(self, self.tr("照片未添加"), "\n".join(errors))

    def _add_pending(self, photo: PhotoInput) -> None:
        self._pending.append(_Pending(photo))
        self._rebuild()
        self.list.scrollToBottom()
        last = self.list.item(self.list.count() - 1)
        if last is not None:
            self.list.scrollToItem(last)

    def _rebuild(self) -> None:
        """Re-create the items from cached thumbnails (each picture is decoded and loaded once)."""
        self.list.clear()
        for meta in self._saved:
            pix = self._saved_thumbs.get(meta.id)
            if pix is None:
                pix = _placeholder(THUMB_SIZE, self.tr("载入中"))
                self._start_thumbnail(meta.id)
            label = meta.filename or self.tr("照片{n}").format(n=meta.id)
            item = QListWidgetItem(QIcon(pix), label)
            item.setData(_ROLE_KEY, ("saved", meta.id))
            item.setToolTip(
                self.tr("{phase}：{name}\n{size:.0f} KB，{when} 添加\n双击查看大图").format(
                    phase=meta.phase,
                    name=label,
                    size=meta.size / 1024,
                    when=meta.added_at.strftime("%Y-%m-%d %H:%M"),
                )
            )
            self.list.addItem(item)
        for i, p in enumerate(self._pending):
            data = p.photo.data or b""
            if p.thumb is None:
                image = decode_thumbnail(data)
                p.thumb = (
                    _framed(image, self.tr("待保存"))
                    if not image.isNull()
                    else _placeholder(THUMB_SIZE, self.tr("无法显示"))
                )
            item = QListWidgetItem(QIcon(p.thumb), p.photo.filename)
            item.setData(_ROLE_KEY, ("pending", i))
            item.setToolTip(
                self.tr("{phase}：{name}\n{size:.0f} KB，尚未保存\n双击查看大图，Delete 移除").format(
                    phase=self.phase, name=p.photo.filename, size=len(data) / 1024
                )
            )
            self.list.addItem(item)
        self._update_buttons()

    def _start_thumbnail(self, photo_id: int) -> None:
        """Read and decode on the database worker (a QImage, not a QPixmap, is safe there); the
        pixmap is made here when it arrives. The strip's input is never held for it."""
        services = self._services
        if photo_id in self._loading or services is None:
            return
        self._loading.add(photo_id)
        read = self.read_content
        Op(self, services, lambda s: decode_thumbnail(read(s, photo_id))).success(
            lambda image: self._thumbnail_ready(photo_id, image)
        ).failure(lambda error: self._thumbnail_failed(photo_id, error)).start()

    def _thumbnail_failed(self, photo_id: int, error: BaseException) -> bool:
        """A photo gone meanwhile shows as unreadable (its own reaction: no message box per tile);
        anything else is a defect and goes the default way."""
        if isinstance(error, DomainError):
            self._thumbnail_ready(photo_id, QImage())
            return True
        self._loading.discard(photo_id)
        return False

    def _thumbnail_ready(self, photo_id: int, image: QImage) -> None:
        self._loading.discard(photo_id)
        if photo_id not in {m.id for m in self._saved}:
            return  # the strip moved on to another hazard meanwhile
        pix = _framed(image) if not image.isNull() else _placeholder(THUMB_SIZE, self.tr("无法显示"))
        self._saved_thumbs[photo_id] = pix
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_ROLE_KEY) == ("saved", photo_id):
                item.setIcon(QIcon(pix))

    def thumbnails_pending(self) -> int:
        """Saved photos whose thumbnails are still being decoded (tests wait for 0)."""
        return len(self._loading)

    def _update_buttons(self) -> None:
        has_pending = any(item.data(_ROLE_KEY)[0] == "pending" for item in self.list.selectedItems())
        self.remove_button.setEnabled(self.editable and has_pending)

    def _bytes_of(self, item: QListWidgetItem) -> bytes | None:
        kind, key = item.data(_ROLE_KEY)
        if kind == "pending":
            data: bytes | None = self._pending[key].photo.data
            return data
        services = self._services
        if services is None:
            return None
        photo_id, read = int(key), self.read_content
        return Op(self, services, lambda s: read(s, photo_id), title=self.tr("查看照片")).run().value

    def _preview_item(self, item: QListWidgetItem) -> None:
        data = self._bytes_of(item)
        if data is None:
            return
        dialog = PhotoPreviewDialog(data, item.text(), self)
        dialog.setObjectName("photo_preview")
        self.open_preview(dialog)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        menu = QMenu(self)
        if item is not None:
            menu.addAction(self.tr("查看大图"), lambda: self._preview_item(item))
            if self.editable and item.data(_ROLE_KEY)[0] == "pending":
                if not item.isSelected():
                    self.list.clearSelection()
                    item.setSelected(True)
                menu.addAction(icon("photo_remove"), self.tr("移除"), self.remove_selected)
        if self.editable:
            if not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(icon("photo_add"), self.tr("添加照片…"), self.choose_files)
            menu.addAction(icon("photo_paste"), self.tr("粘贴"), self.paste)
        if not menu.isEmpty():
            menu.exec(self.list.viewport().mapToGlobal(pos))


def _png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # a str at run time (bytes fail); the stubs say bytes
    return bytes(buffer.data().data())
