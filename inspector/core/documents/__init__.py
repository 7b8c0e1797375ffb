"""执法文书: what each document prints (content), how it is built from the records (building),
issued, reprinted and listed (service), and delivered (delivery).

Issued documents are frozen: a JSON snapshot of their content is stored on the Document row, so a
reprint shows the very same number, date and text whatever changed since.
"""

from inspector.core.documents.building import ONSITE_BASIS, certified_officers, order_hazards
from inspector.core.documents.content import (
    PAYLOAD_VERSION,
    Authority,
    ChecklistLine,
    ChecklistSection,
    DeliveredItem,
    DeliveryReceiptDoc,
    DocumentContent,
    HazardItem,
    InspectionRecordDoc,
    InspectionSchemeDoc,
    Officer,
    OnsiteDecisionDoc,
    Party,
    PhotoRef,
    RectificationOrderDoc,
    ReviewItem,
    ReviewOpinionDoc,
    from_payload,
    photo_refs,
    to_payload,
)
from inspector.core.documents.delivery import DeliveryInput
from inspector.core.documents.service import DocumentRow, DocumentService, IssuedDocument

__all__ = [
    "ONSITE_BASIS",
    "PAYLOAD_VERSION",
    "Authority",
    "ChecklistLine",
    "ChecklistSection",
    "DeliveredItem",
    "DeliveryInput",
    "DeliveryReceiptDoc",
    "DocumentContent",
    "DocumentRow",
    "DocumentService",
    "HazardItem",
    "InspectionRecordDoc",
    "InspectionSchemeDoc",
    "IssuedDocument",
    "Officer",
    "OnsiteDecisionDoc",
    "Party",
    "PhotoRef",
    "RectificationOrderDoc",
    "ReviewItem",
    "ReviewOpinionDoc",
    "certified_officers",
    "from_payload",
    "order_hazards",
    "photo_refs",
    "to_payload",
]
