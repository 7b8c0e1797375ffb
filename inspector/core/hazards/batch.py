"""批量延期 over a mixed selection: extend the hazards that allow it, say why the others were skipped.

A tracker selection often mixes states (some hazards already reported done, 待复查). Refusing
the whole batch for those made the user hunt them down and deselect them; instead they are
skipped with the lifecycle's own refusal (``refusal(Action.EXTEND, …)``). What the user typed is
still checked against every eligible hazard (a reason, a date after each old deadline): any such
refusal rolls the whole batch back, so nothing is half-written and the form can be corrected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from inspector.core.actors import acting
from inspector.core.audit import Actor
from inspector.core.errors import DomainError, FieldError, ValidationError
from inspector.core.inputs import require_id, sanitized
from inspector.core.lifecycle import Action, ExtendDeadline, HazardFacts, refusal, transition
from inspector.db.engine import Database
from inspector.db.models import Hazard
from inspector.i18n import QT_TRANSLATE_NOOP, say

IDS_FIELD = "hazard_ids"
NONE_CHOSEN = QT_TRANSLATE_NOOP("core", "请选择要延期的隐患")
NOT_FOUND = QT_TRANSLATE_NOOP("core", "未找到隐患（编号 {id}）")
OF_HAZARD = QT_TRANSLATE_NOOP("core", "{number}：{reason}")  # a hazard's number, then why


@dataclass(frozen=True)
class SkippedHazard:
    """A selected hazard left as it was, and the lifecycle's reason."""

    id: int
    number: str
    reason: str


@dataclass(frozen=True)
class BatchExtension:
    """What one 批量延期 did: the ids extended (in the order given) and the ones skipped."""

    extended: tuple[int, ...]
    skipped: tuple[SkippedHazard, ...]


def _ids(hazard_ids: Sequence[int]) -> list[int]:
    if not isinstance(hazard_ids, list | tuple | set | frozenset):
        raise ValidationError([FieldError(IDS_FIELD, say(NONE_CHOSEN))])
    ids = list(dict.fromkeys(require_id(i, "隐患", field=IDS_FIELD) for i in hazard_ids))
    if not ids:
        raise ValidationError([FieldError(IDS_FIELD, say(NONE_CHOSEN))])
    return ids


def extend_eligible(
    db: Database,
    actor: Actor,
    hazard_ids: Sequence[int],
    new_deadline: date | str,
    reason: str,
    today: date,
) -> BatchExtension:
    """Extend every eligible hazard in one transaction; ValidationError when none is eligible or
    the date / reason is refused for one of them (then nothing is written)."""
    extension = sanitized(ExtendDeadline(new_deadline, reason))
    command = ExtendDeadline(extension.new_deadline or "", extension.reason)
    ids = _ids(hazard_ids)
    errors: list[FieldError] = []
    extended: list[int] = []
    skipped: list[SkippedHazard] = []
    with acting(db, actor) as (s, actor):
        hazards = {h.id: h for h in s.scalars(select(Hazard).where(Hazard.id.in_(ids)))}
        for hid in ids:
            h = hazards.get(hid)
            if h is None:  # deleted meanwhile: nothing to extend, say so
                skipped.append(SkippedHazard(hid, str(hid), say(NOT_FOUND, id=hid)))
                continue
            why = refusal(Action.EXTEND, HazardFacts.of(h), actor)
            if why is not None:
                skipped.append(SkippedHazard(h.id, h.number, why))
                continue
            try:
                transition(s, actor, h, command, today)
            except ValidationError as e:  # the user's date or reason: the field stays, named
                errors += [
                    FieldError(fe.field, say(OF_HAZARD, number=h.number, reason=fe.message))
                    for fe in e.errors
                ]
            except DomainError as e:
                errors.append(FieldError(IDS_FIELD, say(OF_HAZARD, number=h.number, reason=e.message)))
            else:
                extended.append(h.id)
        if not errors and not extended:
            errors = [
                FieldError(IDS_FIELD, say(OF_HAZARD, number=k.number, reason=k.reason)) for k in skipped
            ]
        if errors:
            raise ValidationError(errors)  # rolls back every extension of this batch
        s.flush()
    return BatchExtension(tuple(extended), tuple(skipped))


__all__ = ["BatchExtension", "SkippedHazard", "extend_eligible"]
