"""现场检查方案 (DOCUMENTS.md): the form and its proposal (``forms``), the 审核 → 审批 lifecycle,
numbering on approval and the link to the visit logged from it (``service``)."""

from inspector.core.schemes.forms import DEFAULT_CONTENT, DEFAULT_METHOD, LABELS, SchemeInput
from inspector.core.schemes.service import (
    SchemeDecision,
    SchemeDetail,
    SchemeFilter,
    SchemeRow,
    SchemeService,
    link_visit,
)

__all__ = [
    "DEFAULT_CONTENT",
    "DEFAULT_METHOD",
    "LABELS",
    "SchemeDecision",
    "SchemeDetail",
    "SchemeFilter",
    "SchemeInput",
    "SchemeRow",
    "SchemeService",
    "link_visit",
]
