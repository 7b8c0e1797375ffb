"""现场处理措施决定书: what was found, the basis, and the measures decided on the spot."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from inspector.core.documents import OnsiteDecisionDoc
from inspector.reports.documents.common import (
    Images,
    closing,
    hazard_photos,
    item_numbers,
    problem,
    remedy_clause,
    render_pdf,
)
from inspector.reports.pdf import Para, Styles, esc, form_line, title_block, ymd


def decisions(doc: OnsiteDecisionDoc) -> list[str]:
    """ "责令从危险区域内撤出作业人员（第1、3项）" — one line per measure, in the standard order."""
    out = []
    for measure in doc.measures():
        items = [i for i, item in enumerate(doc.items, 1) if measure in item.onsite_measures]
        out.append(f"{measure}（涉及上述{item_numbers(items)}）")
    return out


def _story(doc: OnsiteDecisionDoc, images: Images | None) -> list[Flowable]:
    st = Styles()
    a = doc.authority
    story: list[Flowable] = [
        *title_block(st, a.name, "现场处理措施决定书", doc.number),
        form_line(st, [("被检查单位", esc(doc.enterprise.name))]),
        form_line(st, [("地址", esc(doc.enterprise.address))]),
        form_line(st, [("检查时间", esc(ymd(doc.inspected_on)))]),
        Spacer(1, 3 * mm),
        Para("本机关在现场检查中，发现你单位有下列违法违规行为和事故隐患：", st.body),
    ]
    for i, h in enumerate(doc.items, 1):
        story += problem(st, i, h)
    story += [
        Spacer(1, 2 * mm),
        Para(f"依据{esc(doc.basis)}的规定，现作出如下现场处理决定：", st.body),
    ]
    lines = decisions(doc)
    story += [
        Para(f"{i}．{esc(d)}{'。' if i == len(lines) else '；'}", st.body) for i, d in enumerate(lines, 1)
    ]
    story += [
        Para("上述事故隐患排除后，经本机关审查同意，方可恢复生产经营和使用。", st.body),
        closing(
            st,
            a,
            doc.issued_on,
            doc.officers,
            receipt_label="被检查单位负责人（签收）",
            lead=[Para(remedy_clause(a, "决定"), st.body)],
        ),
    ]
    return story + hazard_photos(st, doc.items, images)


def render_onsite_decision(doc: OnsiteDecisionDoc, images: Images | None = None) -> bytes:
    return render_pdf(doc, lambda: _story(doc, images))
