"""Checklists (检查表): the published major-hazard criteria shipped with the program, and the
office's own check sheets, both versioned; a visit records each item as 合格/不合格/不适用.

The rooms: ``model`` (the frozen values), ``loading`` (the shipped criteria file).
"""

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

__all__ = [
    "VERIFICATION_LABELS",
    "Checklist",
    "ChecklistItem",
    "ChecklistSource",
    "ItemResult",
    "Verification",
    "chinese_number",
    "criteria_path",
    "parse_criteria",
    "shipped_checklists",
]
