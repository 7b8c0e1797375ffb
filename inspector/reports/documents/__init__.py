"""The enforcement documents as PDF (DOCUMENTS.md): 现场检查方案, 现场检查记录, 现场处理措施决定书,
责令限期整改指令书, 整改复查意见书 and 文书送达回执.

Renderers take the frozen DTOs of ``inspector.core.documents`` (no SQL here) and return PDF bytes;
``print_document`` issues (or reprints) through the DocumentService and writes the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.documents import (
    DeliveryReceiptDoc,
    DocumentContent,
    DocumentService,
    InspectionRecordDoc,
    InspectionSchemeDoc,
    IssuedDocument,
    OnsiteDecisionDoc,
    RectificationOrderDoc,
)
from inspector.core.enums import DocumentKind
from inspector.core.errors import DomainError
from inspector.i18n import QT_TRANSLATE_NOOP, say
from inspector.reports.documents.common import Images
from inspector.reports.documents.decision import render_onsite_decision
from inspector.reports.documents.order import render_rectification_order
from inspector.reports.documents.receipt import render_delivery_receipt
from inspector.reports.documents.record import render_inspection_record
from inspector.reports.documents.review import render_review_opinion
from inspector.reports.documents.scheme import render_inspection_scheme


def render(content: DocumentContent, images: Images | None = None) -> bytes:
    """PDF bytes of any issued document's content."""
    if isinstance(content, InspectionRecordDoc):
        return render_inspection_record(content, images)
    if isinstance(content, OnsiteDecisionDoc):
        return render_onsite_decision(content, images)
    if isinstance(content, RectificationOrderDoc):
        return render_rectification_order(content, images)
    if isinstance(content, DeliveryReceiptDoc):
        return render_delivery_receipt(content)
    if isinstance(content, InspectionSchemeDoc):
        return render_inspection_scheme(content)
    return render_review_opinion(content, images)


def write_atomically(data: bytes, output: Path) -> Path:
    """Write beside the target and rename, so a failure never leaves half a file behind."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return output


def write_document(
    documents: DocumentService, issued: IssuedDocument, output: Path, *, photos: bool = True
) -> IssuedDocument:
    """Render an issued document (with its photo appendix) into ``output``."""
    images = documents.photo_bytes(issued.content) if photos else None
    write_atomically(render(issued.content, images), output)
    return issued


def print_document(
    documents: DocumentService,
    actor: Actor,
    kind: DocumentKind,
    target_id: int,
    output: Path,
    *,
    photos: bool = True,
    reinspection_id: int | None = None,
) -> IssuedDocument:
    """Issue (or reprint) the document and save its PDF; returns the issued document.

    ``target_id``: an inspection for the record, the decision and the order; a hazard for the
    opinion (its latest 复查, or ``reinspection_id``).
    """
    if kind == DocumentKind.REVIEW_OPINION:
        issued = documents.issue_review_opinion(actor, target_id, reinspection_id)
    else:
        issued = documents.issue(actor, kind, target_id)
    return write_document(documents, issued, output, photos=photos)


def print_again(
    documents: DocumentService, actor: Actor, document_id: int, output: Path, *, photos: bool = True
) -> IssuedDocument:
    """Reprint any issued document by its id (a 送达回执, an older 复查意见书)."""
    return write_document(documents, documents.reprint(actor, document_id), output, photos=photos)


def print_scheme(services: Services, actor: Actor, scheme_id: int, output: Path) -> InspectionSchemeDoc:
    """A 现场检查方案 by its id: the issued document again once approved (audited as a reprint,
    same number and text), else a draft marked as such and without a number."""
    detail = services.schemes.get(scheme_id)
    if detail.document_id is not None:
        issued = print_again(services.documents, actor, detail.document_id, Path(output))
        assert isinstance(issued.content, InspectionSchemeDoc)
        return issued.content
    content = services.schemes.preview(scheme_id)
    write_atomically(render_inspection_scheme(content), Path(output))
    return content


CLI_KINDS: dict[str, DocumentKind] = {
    "record": DocumentKind.INSPECTION_RECORD,
    "decision": DocumentKind.ONSITE_DECISION,
    "order": DocumentKind.RECTIFICATION_ORDER,
    "review": DocumentKind.REVIEW_OPINION,
}


def print_cli(
    services: Services, kind: str, id: int, output: Path, reinspection_id: int | None = None
) -> IssuedDocument:
    """``inspector print record|decision|order|review ID -o FILE.pdf`` (``document`` reprints by id)."""
    if kind == "document":
        return print_again(services.documents, SYSTEM, id, Path(output))
    if kind not in CLI_KINDS:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP(
                    "core", "文书种类应为 record、decision、order、review 或 document，而不是“{kind}”"
                ),
                kind=kind,
            )
        )
    return print_document(
        services.documents, SYSTEM, CLI_KINDS[kind], id, Path(output), reinspection_id=reinspection_id
    )


__all__ = [
    "CLI_KINDS",
    "print_again",
    "print_cli",
    "print_document",
    "print_scheme",
    "render",
    "render_delivery_receipt",
    "render_inspection_record",
    "render_inspection_scheme",
    "render_onsite_decision",
    "render_rectification_order",
    "render_review_opinion",
    "write_atomically",
    "write_document",
]
