"""Checklists (检查表): the published major-hazard criteria shipped with the program, and the
office's own check sheets, both versioned; a visit records each item as 合格/不合格/不适用.

Public API
----------
- ``ChecklistService(db, clock)`` (``services.checklists``):
  ``catalogue() -> list[Checklist]`` (current versions), ``offered(enterprise_id) -> list[Checklist]``
  (for the enterprise's 监管类别, only the items that apply), ``get(version_id)``, ``current(code)``,
  ``versions(code) -> list[VersionRow]``, ``draft_hazard(item_id) -> HazardDraft``,
  ``results(inspection_id) -> list[VisitChecklist]`` (``visit_results(s, id)`` in a session; each
  result with its photos' ``ChecklistPhotoMeta``), ``photo_content(photo_id)``, ``check(data)``,
  ``create(actor, OfficeChecklistInput) -> Checklist``, ``edit(actor, code, data) -> Checklist``
  (a new version; visits keep theirs), ``history(enterprise_id) -> list[ItemHistory]``.
- ``services.statistics.failed_items(period, jurisdiction, per_jurisdiction=, limit=)`` ranks the
  items failed most often (``history``: an item is its code + number across versions).
- A visit's results go in ``InspectionInput.checklist_results`` (``ChecklistResultInput``), recorded
  by ``services.inspections.record`` in the visit's transaction, with the item's photos
  (``ChecklistResultInput.photos``; a failed item's become its hazard's 整改前 photos).

The rooms: ``model`` (the frozen values), ``loading`` (the shipped criteria file), ``storage``
(versions in the database), ``visits`` (a visit's results, hazard drafts), ``photos`` (the items'
photos), ``history`` (what the results add up to),
``service``, ``excel``.
"""

from inspector.core.checklists.history import (
    ALL_JURISDICTIONS,
    FailedItemRow,
    HistoryEntry,
    ItemHistory,
    enterprise_history,
    failed_items,
)
from inspector.core.checklists.loading import (
    chinese_number,
    criteria_path,
    parse_criteria,
    shipped_checklists,
)
from inspector.core.checklists.model import (
    VERIFICATION_LABELS,
    Checklist,
    ChecklistItem,
    ChecklistSource,
    ItemResult,
    Verification,
)
from inspector.core.checklists.photos import ChecklistPhotoMeta
from inspector.core.checklists.service import (
    ChecklistService,
    ItemResultRow,
    OfficeChecklistInput,
    OfficeItemInput,
    VersionRow,
    VisitChecklist,
    visit_results,
)
from inspector.core.checklists.visits import ChecklistResultInput, HazardDraft, draft_hazard, finding

__all__ = [
    "ALL_JURISDICTIONS",
    "VERIFICATION_LABELS",
    "Checklist",
    "ChecklistItem",
    "ChecklistPhotoMeta",
    "ChecklistResultInput",
    "ChecklistService",
    "ChecklistSource",
    "FailedItemRow",
    "HazardDraft",
    "HistoryEntry",
    "ItemHistory",
    "ItemResult",
    "ItemResultRow",
    "OfficeChecklistInput",
    "OfficeItemInput",
    "Verification",
    "VersionRow",
    "VisitChecklist",
    "chinese_number",
    "criteria_path",
    "draft_hazard",
    "enterprise_history",
    "failed_items",
    "finding",
    "parse_criteria",
    "shipped_checklists",
    "visit_results",
]
