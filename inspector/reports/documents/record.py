"""现场检查记录: who was inspected, when and by whom, the opening statement, what was found."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from inspector.core.documents import HazardItem, InspectionRecordDoc
from inspector.reports.documents.common import (
    Images,
    hazard_photos,
    indented,
    render_pdf,
    sentence,
    sign_with_date,
)
from inspector.reports.pdf import (
    Para,
    Styles,
    blank,
    chinese_date,
    esc,
    form_line,
    hm,
    nobr,
    officer_signatures,
    title_block,
    ymd,
)


def _finding(st: Styles, i: int, h: HazardItem) -> list[Flowable]:
    """One numbered finding with its basis beneath."""
    text = f"{i}．"
    if h.location:
        text += f"{esc(h.location)}："
    text += esc(sentence(h.description))
    if h.is_major:
        text += "该隐患为重大事故隐患。"
    if h.rectified_on_spot:
        text += "已当场整改完毕。"
    out: list[Flowable] = [Para(text, st.body)]
    if h.legal_basis:
        out.append(Para(f"依据：{esc(sentence(h.legal_basis))}", indented(st)))
    return out


def _story(doc: InspectionRecordDoc, images: Images | None) -> list[Flowable]:
    st = Styles()
    e = doc.enterprise
    officers = "、".join(
        f"{esc(o.name)}（执法证号：{nobr(o.certificate_no)}）" for o in doc.officers
    ) or blank(10)
    period = f"{ymd(doc.inspected_on)}{hm(doc.start_time)}至{hm(doc.end_time)}"
    names = "、".join(esc(o.name) for o in doc.officers) or blank(6)
    story: list[Flowable] = [
        *title_block(st, doc.authority.name, "现场检查记录", doc.number),
        form_line(st, [("被检查单位", esc(e.name))]),
        form_line(st, [("地址", esc(e.address)), ("联系电话", nobr(e.phone))], [0.66, 0.34]),
        form_line(st, [("法定代表人（负责人）", esc(e.head)), ("职务", esc(e.head_title))], [0.55, 0.45]),
        form_line(st, [("检查场所", esc(doc.place))]),
        form_line(st, [("检查时间", period)]),
        form_line(st, [("执法人员", officers)]),
        form_line(
            st,
            [("被检查单位现场负责人", esc(doc.representative)), ("检查类型", esc(doc.inspection_kind))],
            [0.5, 0.5],
        ),
        Spacer(1, 4 * mm),
        Para(
            f"我们是{esc(doc.authority.name)}的执法人员{names}，这是我们的证件（出示证件）。"
            "现依法对你单位进行现场检查，请予以配合。",
            st.body,
        ),
        Spacer(1, 2 * mm),
        Para("检查情况：", st.plain),
    ]
    situation: list[list[Flowable]] = [
        [Para(esc(p.strip()), st.body)] for p in doc.notes.strip().splitlines() if p.strip()
    ]
    if doc.hazards:
        situation.append([Para(f"检查发现下列问题（共{len(doc.hazards)}项）：", st.body)])
        situation += [_finding(st, i, h) for i, h in enumerate(doc.hazards, 1)]
    else:
        situation.append([Para("本次检查未发现事故隐患。", st.body)])
    for part in situation[:-1]:
        story += part
    # The last finding travels with the signatures: no page holds signatures alone.
    story.append(
        KeepTogether(
            [
                *situation[-1],
                Spacer(1, 5 * mm),
                officer_signatures(st, "执法人员（签名）", doc.officers),
                sign_with_date(st, "被检查单位现场负责人（签名）"),
                Spacer(1, 6 * mm),
                Para(chinese_date(doc.issued_on), st.right),
            ]
        )
    )
    return story + hazard_photos(st, doc.hazards, images)


def render_inspection_record(doc: InspectionRecordDoc, images: Images | None = None) -> bytes:
    return render_pdf(doc, lambda: _story(doc, images))
