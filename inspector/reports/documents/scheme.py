"""现场检查方案: the ruled form of the paper template, with wet-signature room for 审核人 and 审批人.

One table, labels on the left as on the printed forms: 被检查单位, 地址, 联系人 / 所属行业, 检查时间,
执法人员 with their 执法证号, 检查内容, 检查方式, 审核意见, 审批意见, 备注. Each opinion box ends
with the person's printed name, a line to sign on and the date of the decision. A 方案 not yet
approved prints as a draft: no number, a banner saying so and a large 草稿 mark across the page,
so nobody mistakes it for the approved document.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from inspector.core.documents import InspectionSchemeDoc
from inspector.reports.documents.common import render_pdf
from inspector.reports.fonts import BODY
from inspector.reports.page import PAGE_HEIGHT, PAGE_WIDTH, split_in_row
from inspector.reports.pdf import (
    CONTENT_WIDTH,
    GRID,
    HAND_DATE,
    Para,
    Styles,
    Title,
    blank,
    esc,
    gap,
    nobr,
    ymd,
)

DRAFT_BANNER = "草稿（未经审批，不编号，不得作为执法依据）"
LABEL_WIDTH = 26 * mm
MID_LABEL_WIDTH = 24 * mm
PADDING = 5


class DraftMark(Flowable):
    """草稿 in large light grey across the middle of the page; takes no room in the story."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        c = self.canv
        x0, y0 = c.absolutePosition(0, 0)
        c.saveState()
        c.translate(PAGE_WIDTH / 2 - x0, PAGE_HEIGHT / 2 - y0)
        c.rotate(35)
        c.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.18))
        c.setFont(BODY.name, 110)
        c.drawCentredString(0, -40, "草稿")
        c.restoreState()


def _styles(st: Styles) -> tuple[ParagraphStyle, ParagraphStyle]:
    value = ParagraphStyle("scheme_value", parent=st.plain, fontSize=12, leading=19)
    label = ParagraphStyle("scheme_label", parent=st.center, fontSize=12, leading=17)
    return value, label


def _lines(text: str) -> str:
    """A user's multi-line text as markup, paragraphs kept."""
    return "<br/>".join(esc(p.strip()) for p in text.strip().splitlines() if p.strip())


def _officers(doc: InspectionSchemeDoc) -> str:
    return "<br/>".join(
        f"{esc(o.name)}{gap(4)}执法证号：{nobr(o.certificate_no)}" for o in doc.officers
    ) or blank(16)


def _sign_row(who: str, person: str, on: date | None, style: ParagraphStyle, width: float) -> Table:
    """审核人：name　签名：＿＿＿＿　date — the printed name, a line to sign on, the decision's
    date (a line for it by hand on a draft), right-aligned at the foot of the opinion box."""
    label_w, name_w, sign_label_w, sign_w, date_w = 17 * mm, 22 * mm, 14 * mm, 30 * mm, 36 * mm
    lead = max(0.0, width - label_w - name_w - sign_label_w - sign_w - date_w)
    cells = [
        "",
        Para(f"{who}：", style),
        Para(esc(person), style),
        Para("签名：", style),
        "",
        Para(ymd(on) if on else HAND_DATE, style),
    ]
    widths = [lead, label_w, name_w, sign_label_w, sign_w, date_w]
    table = Table([cells], colWidths=widths, hAlign="RIGHT")
    lines = [("LINEBELOW", (4, 0), (4, 0), 0.5, GRID)]
    if not person:
        lines.append(("LINEBELOW", (2, 0), (2, 0), 0.5, GRID))  # the name written by hand too
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                *lines,
            ]
        )
    )
    return table


def _decision(
    opinion: str, who: str, person: str, on: date | None, value: ParagraphStyle, width: float
) -> list[Flowable]:
    """The opinion, then the signer's row at the box's foot (more room when it is blank)."""
    return [
        Para(_lines(opinion), value),
        Spacer(1, 16 * mm if not opinion else 9 * mm),
        _sign_row(who, person, on, value, width),
    ]


def _form(doc: InspectionSchemeDoc, st: Styles) -> Table:
    value, label = _styles(st)
    e = doc.enterprise

    def lab(text: str) -> Para:
        return Para(esc(text), label)

    def val(markup: str, room: float = 0) -> list[Flowable] | Para:
        p = Para(markup, value)
        return [p, Spacer(1, room)] if room else p

    inner = CONTENT_WIDTH - LABEL_WIDTH - 2 * PADDING
    rows: list[list[object]] = [
        [lab("被检查单位"), val(esc(e.name)), "", ""],
        [lab("地址"), val(esc(e.address)), "", ""],
        [lab("联系人"), val(esc(doc.contact)), lab("所属行业"), val(esc(doc.industry))],
        [lab("检查时间"), val(ymd(doc.planned_on)), "", ""],
        [lab("执法人员"), val(_officers(doc)), "", ""],
        [lab("检查内容"), val(_lines(doc.content), 30 * mm), "", ""],
        [lab("检查方式"), val(_lines(doc.method)), "", ""],
        [
            lab("审核意见"),
            _decision(doc.review_opinion, "审核人", doc.reviewer, doc.reviewed_on, value, inner),
            "",
            "",
        ],
        [
            lab("审批意见"),
            _decision(doc.approval_opinion, "审批人", doc.approver, doc.approved_on, value, inner),
            "",
            "",
        ],
        [lab("备注"), val(_lines(doc.remarks), 10 * mm), "", ""],
    ]
    rest = CONTENT_WIDTH - LABEL_WIDTH
    left = rest * 0.36
    widths = [LABEL_WIDTH, left, MID_LABEL_WIDTH, rest - left - MID_LABEL_WIDTH]
    table = Table(rows, colWidths=widths, splitInRow=int(split_in_row.get()), hAlign="CENTER")
    style: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (1, 5), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]
    for r in range(len(rows)):
        if r != 2:
            style.append(("SPAN", (1, r), (3, r)))
    table.setStyle(TableStyle(style))
    return table


def _story(doc: InspectionSchemeDoc) -> list[Flowable]:
    st = Styles()
    story: list[Flowable] = []
    if doc.draft:
        story.append(DraftMark())
    story += [Para(esc(doc.authority.name), st.authority), Spacer(1, 2 * mm), Title("现场检查方案")]
    if doc.draft:
        banner = ParagraphStyle("banner", parent=st.center, spaceBefore=4, spaceAfter=10)
        story.append(Para(esc(DRAFT_BANNER), banner))
    else:
        story.append(Para(nobr(doc.number), st.number))
    story.append(_form(doc, st))
    return story


def render_inspection_scheme(doc: InspectionSchemeDoc) -> bytes:
    return render_pdf(doc, lambda: _story(doc))
