"""Photos of a visit's checklist items: checked with the visit, written in its transaction, read
back for the visit detail and the 一企一档.

The bytes go through the hazard photos' rules (``core.photos.load_photo``: JPEG/PNG by magic bytes,
size and pixel limits, reduced to print size) and are stored once per content hash in the same
``photo_blobs``. A failed item's photos are the evidence of its finding, so they also become the
hazard's 整改前 photos (``hazard_photos``): the inspector takes the picture once, at the item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core.enums import PhotoPhase
from inspector.core.errors import FieldError, NotFoundError, ValidationError
from inspector.core.photos import LoadedPhoto, PhotoInput, load_photo, store_blob
from inspector.db import models as m
from inspector.i18n import QT_TRANSLATE_NOOP, say


@dataclass(frozen=True)
class ChecklistPhotoMeta:
    """One stored photo of an item's result, without the bytes (``ChecklistService.photo_content``)."""

    id: int
    result_id: int
    filename: str
    caption: str
    sha256: str
    mime: str
    size: int
    added_at: datetime


def load_item_photos(
    photos: Sequence[PhotoInput], name: str, n: int
) -> tuple[list[LoadedPhoto], list[FieldError]]:
    """Every photo of the n-th result read and checked; each refusal names the item first."""
    loaded: list[LoadedPhoto] = []
    errors: list[FieldError] = []
    for p in photos:
        try:
            # The phase is the hazard's notion: an item's photo is taken before any rectification.
            loaded.append(load_photo(replace(p, phase=PhotoPhase.BEFORE.value)))
        except ValidationError as e:
            errors.extend(
                FieldError(
                    "photos",
                    say(QT_TRANSLATE_NOOP("core", "{name}{message}"), name=name, message=fe.message),
                    n,
                )
                for fe in e.errors
            )
    return loaded, errors


def hazard_photos(
    own: Sequence[Sequence[LoadedPhoto]], links: Sequence[tuple[int | None, Sequence[LoadedPhoto]]]
) -> list[list[LoadedPhoto]]:
    """Each hazard's photos with the photos of the failed items linked to it added as 整改前
    (``links``: per result, the 1-based hazard number and the item's photos); a picture the
    hazard already has is not added twice."""
    out = [list(photos) for photos in own]
    for hazard, photos in links:
        if hazard is None or not 1 <= hazard <= len(out):
            continue
        target = out[hazard - 1]
        have = {p.sha256 for p in target}
        for p in photos:
            if p.sha256 not in have:
                target.append(replace(p, phase=PhotoPhase.BEFORE.value))
                have.add(p.sha256)
    return out


def write_item_photos(s: Session, result: m.ChecklistResult, photos: Sequence[LoadedPhoto]) -> None:
    """The item's photo rows (``result`` flushed already); bytes shared with hazard photos."""
    for p in photos:
        store_blob(s, p)
        s.add(m.ChecklistPhoto(result_id=result.id, sha256=p.sha256, filename=p.filename, caption=p.caption))


def photos_of_results(s: Session, result_ids: Sequence[int]) -> dict[int, list[ChecklistPhotoMeta]]:
    """result id → its photos in the order added, in one query for a whole visit."""
    if not result_ids:
        return {}
    rows = s.execute(
        select(m.ChecklistPhoto, m.PhotoBlob.mime, func.length(m.PhotoBlob.content))
        .join(m.PhotoBlob, m.PhotoBlob.sha256 == m.ChecklistPhoto.sha256)
        .where(m.ChecklistPhoto.result_id.in_(list(result_ids)))
        .order_by(m.ChecklistPhoto.id)
    )
    out: dict[int, list[ChecklistPhotoMeta]] = {}
    for p, mime, size in rows:
        out.setdefault(p.result_id, []).append(
            ChecklistPhotoMeta(
                p.id, p.result_id, p.filename, p.caption, p.sha256, str(mime), int(size or 0), p.added_at
            )
        )
    return out


def photo_content(s: Session, photo_id: int) -> bytes:
    data = s.scalar(
        select(m.PhotoBlob.content)
        .join(m.ChecklistPhoto, m.ChecklistPhoto.sha256 == m.PhotoBlob.sha256)
        .where(m.ChecklistPhoto.id == photo_id)
    )
    if data is None:
        raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到检查项照片（编号 {id}）"), id=photo_id))
    return bytes(data)
