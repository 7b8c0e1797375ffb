"""Hazard photos (整改前/整改后): validation, de-duplicated storage and read access.

Public API
----------
- ``MAX_PHOTO_BYTES`` — 20 MB per photo; ``MAX_PIXELS``; ``STORED_LONG_SIDE`` (photos are decoded,
  checked and stored reduced to print size, upright, unless ``keep_original``).
- ``PhotoInput(phase, data=None, path=None, filename="", caption="")`` — bytes or a file path.
- ``load_photo(p) -> LoadedPhoto`` — reads and checks one photo; raises ValidationError (Chinese).
- ``store_photo(session, hazard, loaded) -> Photo`` — adds a Photo; bytes stored once per sha256
  (``store_blob``, shared with checklist item photos).
- ``PhotoService(db)``: ``list(hazard_id) -> list[PhotoMeta]``, ``content(photo_id) -> bytes``.

Photos are *added* to a hazard through ``HazardService.add_photos`` (a lifecycle action, so it is
audited like every other change); this module only knows bytes, not the lifecycle.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from PIL import Image, ImageOps
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core.enums import PhotoPhase
from inspector.core.errors import FieldError, NotFoundError, ValidationError
from inspector.core.validation import choice_error
from inspector.db.engine import Database
from inspector.db.models import Hazard, Photo, PhotoBlob
from inspector.i18n import QT_TRANSLATE_NOOP, say

MAX_PHOTO_BYTES = 20 * 1024 * 1024
# Decoding is checked against the pixel count first: a 0.5 MB PNG of 13,000×13,000 pixels made
# every print take 26 s and 1.7 GB (PITFALLS.md). 120 MP covers the largest phone cameras.
MAX_PIXELS = 120_000_000
# Stored at print size: the long side of a photo on an A4 page (16 cm at ~300 dpi).
STORED_LONG_SIDE = 2000
JPEG_QUALITY = 85
ORIENTATION_TAG = 0x0112  # EXIF: how the camera was held
_JPEG = b"\xff\xd8\xff"
_PNG = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class PhotoInput:
    """One photo to attach: ``data`` (e.g. from a camera import) or ``path`` (a file picker)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "phase": "照片类别",
        "data": "照片",
        "path": "照片文件",
        "filename": "文件名",
        "caption": "照片说明",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"phase": 4, "path": 1000, "filename": 255, "caption": 200}

    phase: str = PhotoPhase.BEFORE.value
    data: bytes | None = None
    path: str | Path | None = None
    filename: str = ""
    caption: str = ""
    keep_original: bool = False  # store the file as taken, not reduced to print size


@dataclass(frozen=True)
class LoadedPhoto:
    phase: str
    content: bytes
    mime: str
    sha256: str
    filename: str
    caption: str


@dataclass(frozen=True)
class PhotoMeta:
    """What a thumbnail strip needs, without the bytes."""

    id: int
    hazard_id: int
    phase: str
    filename: str
    caption: str
    sha256: str
    mime: str
    size: int
    added_at: datetime


def sniff_mime(data: bytes) -> str | None:
    """Trust the magic bytes, not the file name: a renamed .docx must not pass as a photo."""
    if data.startswith(_JPEG):
        return "image/jpeg"
    if data.startswith(_PNG):
        return "image/png"
    return None


def _refuse(message: str) -> ValidationError:
    return ValidationError([FieldError("photos", message)])


def load_photo(p: PhotoInput) -> LoadedPhoto:
    """Read and check one photo; every refusal names the file."""
    name = p.filename or (Path(p.path).name if p.path else "")
    shown = f"“{name}”" if name else ""  # the {shown} of the messages: the file's name, if any
    bad_phase = choice_error(p.phase, "照片阶段", PhotoPhase)
    if bad_phase or not p.phase:
        raise _refuse(bad_phase or say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label="照片阶段"))
    if p.data is not None:
        data = p.data
    elif p.path is not None:
        path = Path(p.path)
        try:
            size = path.stat().st_size
            if size > MAX_PHOTO_BYTES:
                raise _refuse(_too_big(shown, size))
            data = path.read_bytes()
        except OSError:
            raise _refuse(
                say(QT_TRANSLATE_NOOP("core", "照片文件{shown}不存在或无法读取"), shown=shown)
            ) from None
    else:
        raise _refuse(say(QT_TRANSLATE_NOOP("core", "照片内容为空：请选择图片文件")))
    if not data:
        raise _refuse(say(QT_TRANSLATE_NOOP("core", "照片{shown}是空文件"), shown=shown))
    if len(data) > MAX_PHOTO_BYTES:
        raise _refuse(_too_big(shown, len(data)))
    mime = sniff_mime(data)
    if mime is None:
        raise _refuse(say(QT_TRANSLATE_NOOP("core", "照片{shown}不是JPEG或PNG图片"), shown=shown))
    data, mime = _checked_picture(data, mime, shown, keep=p.keep_original)
    return LoadedPhoto(
        phase=p.phase,
        content=data,
        mime=mime,
        sha256=hashlib.sha256(data).hexdigest(),
        filename=name[:255],
        caption=p.caption.strip()[:200],
    )


def load_photos(inputs: Iterable[PhotoInput]) -> tuple[list[LoadedPhoto], list[str]]:
    """A batch picked or dropped together: the photos that passed, and a message per refusal, so
    one bad file never stops the others."""
    loaded: list[LoadedPhoto] = []
    refused: list[str] = []
    for p in inputs:
        try:
            loaded.append(load_photo(p))
        except ValidationError as e:
            refused.extend(err.message for err in e.errors)
    return loaded, refused


def _checked_picture(data: bytes, mime: str, shown: str, keep: bool) -> tuple[bytes, str]:
    """Decode the picture completely (a damaged file is refused now, not at print time) and
    return it reduced to print size, upright, unless the original is wanted."""
    try:
        with warnings.catch_warnings():  # our own pixel cap below says it in Chinese
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
        with img:
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise _refuse(
                    say(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "照片{shown}像素过多（{width}×{height}），最多{limit}百万像素；请缩小后再添加",
                        ),
                        shown=shown,
                        width=width,
                        height=height,
                        limit=MAX_PIXELS // 1_000_000,
                    )
                )
            if img.format == "JPEG" and not keep:
                img.draft("RGB", (STORED_LONG_SIDE, STORED_LONG_SIDE))  # decode at a fraction: fast, small
            img.load()
            if keep:
                return data, mime
            upright = img.getexif().get(ORIENTATION_TAG, 1) == 1
            if max(width, height) <= STORED_LONG_SIDE and upright:
                return data, mime  # already print-sized and upright: keep the bytes as they are
            picture = ImageOps.exif_transpose(img)
            picture.thumbnail((STORED_LONG_SIDE, STORED_LONG_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            if mime == "image/png":  # screenshots and drawings stay sharp
                picture.save(out, "PNG", optimize=True)
                return out.getvalue(), "image/png"
            picture.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
            return out.getvalue(), "image/jpeg"
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        too_many = QT_TRANSLATE_NOOP("core", "照片{shown}像素过多，最多{limit}百万像素；请缩小后再添加")
        raise _refuse(say(too_many, shown=shown, limit=MAX_PIXELS // 1_000_000)) from None
    except (OSError, ValueError, SyntaxError) as e:
        damaged = QT_TRANSLATE_NOOP("core", "照片{shown}已损坏或格式不完整，无法读取（{error}）")
        raise _refuse(say(damaged, shown=shown, error=e.__class__.__name__)) from None


def _too_big(shown: str, size: int) -> str:
    return say(
        QT_TRANSLATE_NOOP("core", "照片{shown}过大：最大{limit}MB，当前{size:.1f}MB"),
        shown=shown,
        limit=MAX_PHOTO_BYTES // (1024 * 1024),
        size=size / (1024 * 1024),
    )


def store_blob(session: Session, photo: LoadedPhoto) -> None:
    """The bytes, once per content hash (shared by hazard photos and checklist item photos)."""
    if session.get(PhotoBlob, photo.sha256) is None:
        session.add(PhotoBlob(sha256=photo.sha256, content=photo.content, mime=photo.mime))
        session.flush()


def store_photo(session: Session, hazard: Hazard, photo: LoadedPhoto) -> Photo:
    """Attach to the hazard; the same picture added twice (or to two hazards) is stored once."""
    store_blob(session, photo)
    row = Photo(phase=photo.phase, sha256=photo.sha256, filename=photo.filename, caption=photo.caption)
    hazard.photos.append(row)
    return row


def photo_metas(session: Session, hazard_id: int) -> list[PhotoMeta]:
    rows = session.execute(
        select(Photo, PhotoBlob.mime, func.length(PhotoBlob.content))
        .join(PhotoBlob, PhotoBlob.sha256 == Photo.sha256)
        .where(Photo.hazard_id == hazard_id)
        .order_by(Photo.id)
    )
    return [
        PhotoMeta(
            p.id, p.hazard_id, p.phase, p.filename, p.caption, p.sha256, mime, int(size or 0), p.added_at
        )
        for p, mime, size in rows
    ]


class PhotoService:
    """Read access for thumbnails and the photo viewer."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def list(self, hazard_id: int) -> list[PhotoMeta]:
        with self.db.reading() as s:
            return photo_metas(s, hazard_id)

    def content(self, photo_id: int) -> bytes:
        with self.db.reading() as s:
            data = s.scalar(
                select(PhotoBlob.content)
                .join(Photo, Photo.sha256 == PhotoBlob.sha256)
                .where(Photo.id == photo_id)
            )
            if data is None:
                raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到照片（编号 {id}）"), id=photo_id))
            return bytes(data)
