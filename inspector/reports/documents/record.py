"""现场检查记录: who was inspected, when and by whom, the opening statement, what was found."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from inspector.core.checklists import ItemResult
from inspector.core.documents import ChecklistSection, HazardItem, InspectionRecordDoc
from inspector.reports.documents.common import (
    Images,
    hazard_photos,
    indented,
    render_pdf,
    sentence,
    sign_with_date,
)
from inspector.reports.page import split_in_row
from inspector.reports.pdf import (
    CONTENT_WIDTH,
    GRID,
    HEADER_FILL,
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


UNVERIFIED = "待核实"
# 序号 | 条款 | 检查内容 | 检查结果: the item's text gets what the three short columns leave.
_CHECK_WIDTHS = (12 * mm, 30 * mm, CONTENT_WIDTH - 64 * mm, 22 * mm)


def _checklist_title(c: ChecklistSection) -> str:
    title = c.title if c.title.startswith("《") or not c.number else f"《{c.title}》"
    return esc(title) + (f"（{nobr(c.number)}）" if c.number else "")


def _checklist(st: Styles, n: int, c: ChecklistSection) -> list[Flowable]:
    """One checklist the visit used: a title row (title, 文号, the count per result), the column
    heads, then one ruled row per item answered. Title and heads repeat on every page the table
    runs on to, so a continuation page says whose items it lists and no title stands alone."""
    counts = "，".join(
        f"{r.value}{c.count(r.value)}项"
        for r in ItemResult
        if c.count(r.value) or r is not ItemResult.NOT_APPLICABLE  # 不适用 only when there are any
    )
    rows: list[list[object]] = [
        [Para(f"（{n}）{_checklist_title(c)}：共检查{len(c.lines)}项，{counts}。", st.plain), "", "", ""],
        [Para("序号", st.head), Para("条款", st.head), Para("检查内容", st.head), Para("检查结果", st.head)],
    ]
    for i, line in enumerate(c.lines, 1):
        content = esc(line.content)
        if line.unverified:
            content += "<font size=9>" + nobr(f"（条文{UNVERIFIED}）") + "</font>"
        if line.note:
            content += f"<br/><font size=9>说明：{esc(line.note)}</font>"
        result = esc(line.result)
        if line.result == ItemResult.FAILED.value and line.hazard_number:
            result += "<br/><font size=8>" + nobr(line.hazard_number) + "</font>"
        rows.append(
            [
                Para(str(i), st.cell_center),
                Para(esc(line.number), st.cell_center),
                Para(content, st.cell),
                Para(result, st.cell_center),
            ]
        )
    table = Table(
        rows,
        colWidths=list(_CHECK_WIDTHS),
        repeatRows=2,
        splitInRow=int(split_in_row.get()),
        hAlign="CENTER",
    )
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
                ("GRID", (0, 1), (-1, -1), 0.6, GRID),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 1), (-1, -1), 4),
                ("RIGHTPADDING", (0, 1), (-1, -1), 4),
                ("TOPPADDING", (0, 1), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
                ("BACKGROUND", (0, 1), (-1, 1), HEADER_FILL),
            ]
        )
    )
    return [table, Spacer(1, 3 * mm)]


def _checklists(st: Styles, doc: InspectionRecordDoc) -> list[list[Flowable]]:
    if not doc.checklists:
        return []
    out: list[list[Flowable]] = [[Para("对照检查表检查的内容及结果：", st.body)]]
    return out + [_checklist(st, n, c) for n, c in enumerate(doc.checklists, 1)]


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
    situation += _checklists(st, doc)
    if doc.hazards:
        # The lead-in travels with the first finding (keepWithNext): never last on a page.
        lead = ParagraphStyle("lead", parent=st.body, keepWithNext=1)
        findings = [_finding(st, i, h) for i, h in enumerate(doc.hazards, 1)]
        findings[0].insert(0, Para(f"检查发现下列问题（共{len(doc.hazards)}项）：", lead))
        situation += findings
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
