"""Hazard photos (整改前/整改后): validation, de-duplicated storage and read access.

Public API
----------
- ``MAX_PHOTO_BYTES`` — 20 MB per photo.
- ``PhotoInput(phase, data=None, path=None, filename="", caption="")`` — bytes or a file path.
- ``load_photo(p) -> LoadedPhoto`` — reads and checks one photo; raises ValidationError (Chinese).
- ``store_photo(session, hazard, loaded) -> Photo`` — adds a Photo; bytes stored once per sha256.
- ``PhotoService(db)``: ``list(hazard_id) -> list[PhotoMeta]``, ``content(photo_id) -> bytes``.

Photos are *added* to a hazard through ``HazardService.add_photos`` (a lifecycle action, so it is
audited like every other change); this module only knows bytes, not the lifecycle.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core.enums import PhotoPhase
from inspector.core.errors import FieldError, NotFoundError, ValidationError
from inspector.core.validation import choice_error
from inspector.db.engine import Database
from inspector.db.models import Hazard, Photo, PhotoBlob

MAX_PHOTO_BYTES = 20 * 1024 * 1024
PHOTO_LABEL = "照片"
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
    return ValidationError([FieldError(PHOTO_LABEL, message)])


def load_photo(p: PhotoInput) -> LoadedPhoto:
    """Read and check one photo; every refusal names the file."""
    name = p.filename or (Path(p.path).name if p.path else "")
    shown = f"“{name}”" if name else ""
    bad_phase = choice_error(p.phase, "照片阶段", PhotoPhase)
    if bad_phase or not p.phase:
        raise _refuse(bad_phase or "照片阶段不能为空")
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
            raise _refuse(f"照片文件{shown}不存在或无法读取") from None
    else:
        raise _refuse("照片内容为空：请选择图片文件")
    if not data:
        raise _refuse(f"照片{shown}是空文件")
    if len(data) > MAX_PHOTO_BYTES:
        raise _refuse(_too_big(shown, len(data)))
    mime = sniff_mime(data)
    if mime is None:
        raise _refuse(f"照片{shown}不是JPEG或PNG图片")
    return LoadedPhoto(
        phase=p.phase,
        content=data,
        mime=mime,
        sha256=hashlib.sha256(data).hexdigest(),
        filename=name[:255],
        caption=p.caption.strip()[:200],
    )


def _too_big(shown: str, size: int) -> str:
    return f"照片{shown}过大：最大{MAX_PHOTO_BYTES // (1024 * 1024)}MB，当前{size / (1024 * 1024):.1f}MB"


def store_photo(session: Session, hazard: Hazard, photo: LoadedPhoto) -> Photo:
    """Attach to the hazard; the same picture added twice (or to two hazards) is stored once."""
    if session.get(PhotoBlob, photo.sha256) is None:
        session.add(PhotoBlob(sha256=photo.sha256, content=photo.content, mime=photo.mime))
        session.flush()
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
                raise NotFoundError(f"未找到照片（编号 {photo_id}）")
            return bytes(data)
