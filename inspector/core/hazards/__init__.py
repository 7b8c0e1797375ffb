"""Hazards (隐患): registration, lifecycle actions, the filtered list and the detail view.

Public API
----------
- ``HazardInput`` — one hazard as a form or an inspection row supplies it;
  ``hazard_input_errors(data, found_on) -> list[FieldError]``.
- ``register_hazard(session, actor, enterprise_id, found_on, data, today, inspection_id=None)
  -> Hazard`` — numbering, supervision of major hazards, initial plan / 立查立改, audit events;
  used inside the caller's transaction (an inspection records several at once).
- ``HazardFilter`` (all optional) and ``SORTABLE`` (whitelisted sort keys).
- ``HazardRow`` (list line), ``HazardDetail`` (+ ``PlanView``, ``ReviewView``, ``ExtensionView``,
  ``SupervisionView``), ``HazardCounts``, ``RecordedHazard``.
- ``HazardService(db, clock=date.today)``:
  ``count(f)``, ``page(f, offset, limit, sort="found_on", descending=True) -> list[HazardRow]``,
  ``detail(hazard_id) -> HazardDetail``, ``find_by_number(number) -> int | None``,
  ``counts_by_state(enterprise_id=None) -> HazardCounts`` (一企一档),
  ``record(actor, enterprise_id, data, found_on=None, inspection_id=None) -> RecordedHazard``,
  ``act(actor, hazard_id, command, version=None) -> int`` (new version; every lifecycle action),
  ``add_photos(actor, hazard_id, photos, version=None) -> int``,
  ``act_with_photos(actor, hazard_id, command, photos, version=None) -> int`` (action + photos, one transaction),
  ``count(f, cap=None)`` (capped: the first count of a list), ``page(…, after=row)`` (keyset),
  ``position(f, row, sort, descending) -> int`` (where a row sits after a re-sort),
  ``batch_extend(actor, hazard_ids, new_deadline, reason) -> int`` (all or nothing),
  ``extend_eligible(actor, hazard_ids, new_deadline, reason) -> BatchExtension`` (skips the
  hazards whose state refuses 延期, with the reason),
  ``actions(hazard_id, actor) -> list[Action]``.

The rooms: ``registration`` (a new hazard), ``query`` (filters and list rows, why they stay fast
on a million hazards), ``views`` (the detail DTOs) and ``service`` (HazardService). Import from
``inspector.core.hazards``: the names above.
"""

from inspector.core.hazards.batch import BatchExtension, SkippedHazard
from inspector.core.hazards.query import (
    COUNT_CAP,
    FTS_MIN_CHARS,
    SORTABLE,
    HazardFilter,
    HazardRow,
    filter_clauses,
    load_rows,
)
from inspector.core.hazards.registration import (
    DEFAULT_SUPERVISING_UNIT,
    SUPERVISING_UNIT_KEY,
    HazardInput,
    hazard_input_errors,
    register_hazard,
    supervising_unit,
)
from inspector.core.hazards.service import (
    APPEND_ONLY,
    STALE_MESSAGE,
    HazardService,
)
from inspector.core.hazards.views import (
    ExtensionView,
    HazardCounts,
    HazardDetail,
    PlanView,
    RecordedHazard,
    ReviewView,
    SupervisionView,
)

__all__ = [
    "APPEND_ONLY",
    "COUNT_CAP",
    "DEFAULT_SUPERVISING_UNIT",
    "FTS_MIN_CHARS",
    "SORTABLE",
    "STALE_MESSAGE",
    "SUPERVISING_UNIT_KEY",
    "BatchExtension",
    "ExtensionView",
    "HazardCounts",
    "HazardDetail",
    "HazardFilter",
    "HazardInput",
    "HazardRow",
    "HazardService",
    "PlanView",
    "RecordedHazard",
    "ReviewView",
    "SkippedHazard",
    "SupervisionView",
    "filter_clauses",
    "hazard_input_errors",
    "load_rows",
    "register_hazard",
    "supervising_unit",
]
