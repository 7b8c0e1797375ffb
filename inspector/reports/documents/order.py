"""责令限期整改指令书: the numbered problems, one 第…项 sentence per deadline, the sanction."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from inspector.core.documents import RectificationOrderDoc
from inspector.reports.documents.common import (
    Images,
    closing,
    hazard_photos,
    item_numbers,
    problem,
    remedy_clause,
    render_pdf,
)
from inspector.reports.pdf import Para, Styles, esc, title_block, ymd

SANCTION = "逾期不整改或达不到要求的，依法给予行政处罚；由此造成事故的，依法追究有关人员的责任。"
INTERIM_DUTY = "整改期间，你单位应当采取措施，确保安全生产。"


def deadline_sentences(doc: RectificationOrderDoc) -> list[str]:
    """现责令你单位对上述第…项问题于…前整改完毕 — once per distinct deadline, earliest first."""
    return [
        f"现责令你单位对上述{item_numbers(items)}问题于{ymd(day)}前整改完毕，"
        "达到有关法律法规规章和标准规定的要求。"
        for day, items in doc.deadline_groups()
    ]


def _story(doc: RectificationOrderDoc, images: Images | None) -> list[Flowable]:
    st = Styles()
    a = doc.authority
    story: list[Flowable] = [
        *title_block(st, a.name, "责令限期整改指令书", doc.number),
        Para(f"{esc(doc.enterprise.name)}：", st.addressee),
        Para("经查，你单位存在下列问题：", st.body),
    ]
    for i, h in enumerate(doc.hazards, 1):
        story += problem(st, i, h)
    story.append(Spacer(1, 2 * mm))
    story += [Para(text, st.body) for text in deadline_sentences(doc)]
    story += [
        Para(SANCTION, st.body),
        Para(INTERIM_DUTY, st.body),
        closing(
            st,
            a,
            doc.issued_on,
            doc.officers,
            receipt_label="被检查单位负责人（签收）",
            lead=[Para(remedy_clause(a, "指令"), st.body)],
        ),
    ]
    return story + hazard_photos(st, doc.hazards, images)


def render_rectification_order(doc: RectificationOrderDoc, images: Images | None = None) -> bytes:
    return render_pdf(doc, lambda: _story(doc, images))
