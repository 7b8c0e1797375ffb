"""A visit's checklist results: checked with the visit, written in the visit's transaction.

``InspectionInput.checklist_results`` holds one ``ChecklistResultInput`` per answered item; a
failed item names the hazard registered for it by its number in the same visit's ``hazards``
(the hazard the UI pre-filled with ``draft_hazard``). The inspection service calls
``results_errors`` while it validates and ``write_results`` after the hazards are numbered.

An item may carry photos (``photos``, checked like hazard photos, see ``checklists.photos``); a
failed item's photos are registered as its hazard's 整改前 photos too
(``CheckedResults.hazard_photos``), in the same transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.checklists.model import UNVERIFIED_MARK, ChecklistItem, ItemResult
from inspector.core.checklists.photos import hazard_photos, load_item_photos, write_item_photos
from inspector.core.checklists.storage import item_value
from inspector.core.enums import HazardCategory, HazardLevel
from inspector.core.errors import FieldError
from inspector.core.hazards import HazardInput
from inspector.core.inputs import length_errors, merge
from inspector.core.photos import LoadedPhoto, PhotoInput
from inspector.db import models as m
from inspector.i18n import QT_TRANSLATE_NOOP, say


@dataclass
class ChecklistResultInput:
    """One item's result in a visit. ``hazard`` is the 1-based number of the hazard registered for
    a failed item in the same visit's ``hazards`` list; ``photos`` are the item's (a failed item's
    become its hazard's 整改前 photos as well)."""

    ITEM_PREFIX: ClassVar[str] = QT_TRANSLATE_NOOP("core", "检查表第{n}项 ")  # said by core.inputs too
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "item_id": "检查项",
        "result": "检查结果",
        "note": "检查说明",
        "hazard": "对应隐患",
        "photos": "检查项照片",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"result": 6, "note": 1000}

    item_id: int | None = None
    result: str = ""
    note: str = ""
    hazard: int | None = None
    photos: list[PhotoInput] = field(default_factory=list)


@dataclass(frozen=True)
class HazardDraft:
    """A hazard pre-filled from a failed item: its text and basis. ``proposed_major`` says the item
    is a 重大隐患 criterion — the inspector decides; the draft's level stays 一般隐患 until then."""

    hazard: HazardInput
    proposed_major: bool
    unverified: bool  # the item's wording is 待核实: check the basis before printing


_TAIL = re.compile(r"(的)?[。；;，,\s]*$")


def finding(content: str) -> str:
    """The criterion as a finding: "干式除尘系统未采取…措施的；" → "干式除尘系统未采取…措施"."""
    return _TAIL.sub("", content.strip()) or content.strip()


def draft_hazard(item: ChecklistItem) -> HazardDraft:
    basis = item.basis + ("" if item.verified else UNVERIFIED_MARK)
    category = item.category if item.category in {c.value for c in HazardCategory} else ""
    return HazardDraft(
        HazardInput(
            description=finding(item.content),
            category=category,
            level=HazardLevel.GENERAL.value,
            legal_basis=basis,
        ),
        proposed_major=item.major,
        unverified=not item.verified,
    )


@dataclass(frozen=True)
class CheckedResults:
    items: list[ChecklistItem]  # in the order of the inputs
    photos: list[list[LoadedPhoto]] = field(default_factory=list)  # per input, read and checked

    def hazard_photos(
        self, own: Sequence[Sequence[LoadedPhoto]], results: Sequence[ChecklistResultInput]
    ) -> list[list[LoadedPhoto]]:
        """The visit's hazards' photos (``own``, per hazard) with each failed item's added as 整改前."""
        links = [
            (r.hazard if r.result == ItemResult.FAILED else None, photos)
            for r, photos in zip(results, self.photos, strict=True)
        ]
        return hazard_photos(own, links)


def results_errors(
    s: Session, results: Sequence[ChecklistResultInput], hazard_count: int
) -> tuple[list[FieldError], CheckedResults]:
    """Every error of the results, each naming its field and the result's number (``item``)."""
    errors: list[FieldError] = []
    ids = [r.item_id for r in results if r.item_id is not None]
    rows = (
        {i.id: i for i in s.scalars(select(m.ChecklistItem).where(m.ChecklistItem.id.in_(ids)))}
        if ids
        else {}
    )
    items: list[ChecklistItem] = []
    photos: list[list[LoadedPhoto]] = []
    seen: dict[int, int] = {}
    choices = "、".join(r.value for r in ItemResult)
    for n, r in enumerate(results, start=1):
        prefix = say(ChecklistResultInput.ITEM_PREFIX, n=n)
        row = rows.get(r.item_id) if r.item_id is not None else None
        if row is None:
            if r.item_id is None:
                missing = say(QT_TRANSLATE_NOOP("core", "{prefix}检查项不能为空"), prefix=prefix)
            else:
                missing = say(
                    QT_TRANSLATE_NOOP("core", "{prefix}检查项未找到（编号 {id}）"),
                    prefix=prefix,
                    id=r.item_id,
                )
            errors.append(FieldError("item_id", missing, n))
            continue
        item = item_value(row)
        items.append(item)
        name = say(QT_TRANSLATE_NOOP("core", "{prefix}“{number}”"), prefix=prefix, number=item.number)
        if row.id in seen:
            errors.append(
                FieldError(
                    "item_id",
                    say(QT_TRANSLATE_NOOP("core", "{name}与第{other}项重复"), name=name, other=seen[row.id]),
                    n,
                )
            )
        seen.setdefault(row.id, n)
        if r.result not in {x.value for x in ItemResult}:
            message = say(
                QT_TRANSLATE_NOOP("core", "{name}检查结果应为{choices}之一"), name=name, choices=choices
            )
            errors.append(FieldError("result", message, n))
        elif r.result == ItemResult.FAILED and r.hazard is None:
            errors.append(
                FieldError(
                    "hazard", say(QT_TRANSLATE_NOOP("core", "{name}不合格，须登记对应隐患"), name=name), n
                )
            )
        elif r.result != ItemResult.FAILED and r.hazard is not None:
            message = say(
                QT_TRANSLATE_NOOP("core", "{name}为“{result}”，不应关联隐患"), name=name, result=r.result
            )
            errors.append(FieldError("hazard", message, n))
        if r.hazard is not None and not 1 <= r.hazard <= hazard_count:
            message = say(
                QT_TRANSLATE_NOOP("core", "{name}对应隐患应为本次检查的第1～{count}条隐患"),
                name=name,
                count=hazard_count,
            )
            errors.append(FieldError("hazard", message, n))
        loaded, photo_errors = load_item_photos(r.photos, name, n)
        photos.append(loaded)
        errors.extend(photo_errors)
        errors = merge(errors, length_errors(r, prefix, item=n))
    return errors, CheckedResults(items, photos)


def write_results(
    s: Session,
    inspection_id: int,
    results: Sequence[ChecklistResultInput],
    checked: CheckedResults,
    hazards: Sequence[m.Hazard],
) -> list[dict[str, Any]]:
    """The result rows; returns what the visit's audit event records of them."""
    trail = []
    for r, item, photos in zip(results, checked.items, checked.photos, strict=True):
        hazard = hazards[r.hazard - 1] if r.hazard is not None else None
        row = m.ChecklistResult(
            inspection_id=inspection_id,
            item_id=item.id,
            result=r.result,
            note=r.note.strip(),
            proposed_major=item.major and r.result == ItemResult.FAILED,
            hazard_id=hazard.id if hazard is not None else None,
        )
        s.add(row)
        entry: dict[str, Any] = {"item": item.number, "result": r.result}
        if hazard is not None:
            entry["hazard"] = hazard.number
        if photos:
            s.flush()  # the photos name the result row
            write_item_photos(s, row, photos)
            entry["photos"] = [{"filename": p.filename, "sha256": p.sha256} for p in photos]
        trail.append(entry)
    s.flush()
    return trail
