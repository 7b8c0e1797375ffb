"""Sentences and blocks every enforcement document shares (DOCUMENTS.md, the official wording).

The wording here is the form's own: the remedy clause with the office's 复议 bodies and court and
"六个月" (行政诉讼法 2015), the 一式两份 line, the officers' block with two 执法证号 and wet-signature
lines. Nothing here is a setting; the office's names come in through ``Authority``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from inspector.core.documents import Authority, DocumentContent, HazardItem, Officer
from inspector.reports.pdf import (
    CONTENT_WIDTH,
    GRID,
    HAND_DATE,
    Para,
    Styles,
    build_pdf,
    esc,
    nobr,
    officer_signatures,
    photo_grid,
    receipt_block,
    seal_block,
)

Images = dict[str, bytes]


def indented(st: Styles) -> ParagraphStyle:
    """A line under a numbered item (its 依据), aligned with the item's text."""
    body = st.body
    return ParagraphStyle("indented", parent=body, firstLineIndent=0, leftIndent=2 * body.fontSize)


def sign_with_date(st: Styles, label: str, sign_width: float = 34 * mm) -> Table:
    """标签：＿＿＿＿　日期：　年　月　日 — a wet signature and the date written beside it."""
    font, size = st.plain.fontName, st.plain.fontSize
    label_w = pdfmetrics.stringWidth(label + "：", font, size) + 3
    date_w = pdfmetrics.stringWidth("日期：", font, size) + 3
    gap_w = 4 * mm
    rest = CONTENT_WIDTH - label_w - sign_width - gap_w - date_w
    table = Table(
        [
            [
                Para(esc(label) + "：", st.plain),
                "",
                "",
                Para("日期：", st.plain),
                Para(HAND_DATE, st.plain),
            ]
        ],
        colWidths=[label_w, sign_width, gap_w, date_w, rest],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, 0), 0.5, GRID),
            ]
        )
    )
    return table


def sentence(text: str) -> str:
    """End a user's phrase with a full stop unless it already has closing punctuation."""
    text = text.strip()
    return text if not text or text[-1] in "。！？；.!?;" else text + "。"


def item_numbers(items: Sequence[int]) -> str:
    """第1、3项 — how the forms refer to numbered problems."""
    return "第" + "、".join(str(i) for i in items) + "项"


def remedy_clause(a: Authority, what: str) -> str:
    """如果不服本指令（决定）… — with the office's own bodies; the period is 六个月 since 2015."""
    return (
        f"如果不服本{what}，可以依法在60日内向{esc(a.reconsideration_body)}申请行政复议，"
        f"或者在六个月内依法向{esc(a.court)}提起行政诉讼，但本{what}不停止执行，法律另有规定的除外。"
    )


def served_note(party: str = "被检查单位") -> str:
    return f"本文书一式两份：一份由应急管理部门存档，一份交{party}。"


def closing(
    st: Styles,
    a: Authority,
    day: date,
    officers: Sequence[Officer],
    *,
    receipt_label: str,
    party: str = "被检查单位",
    officer_label: str = "安全生产监管执法人员（签名）",
    lead: Sequence[Flowable] = (),
) -> Flowable:
    """Officers' signatures, the enterprise's receipt, the seal place with the date and 一式两份,
    kept together with ``lead`` (the last paragraph of the text): no page holds signatures alone."""
    return KeepTogether(
        [
            *lead,
            Spacer(1, 3 * mm),
            officer_signatures(st, officer_label, officers),
            Spacer(1, 4 * mm),
            receipt_block(st, receipt_label),
            Spacer(1, 2 * mm),
            seal_block(st, a.name, day),
            Spacer(1, 3 * mm),
            Para(served_note(party), st.small),
        ]
    )


def problem(st: Styles, i: int, h: HazardItem) -> list[Flowable]:
    """ "1．部位：描述。（重大事故隐患）" with its basis on the line beneath (DOCUMENTS.md)."""
    text = f"{i}．"
    if h.location:
        text += f"{esc(h.location)}："
    text += esc(sentence(h.description))
    if h.is_major:
        text += "（重大事故隐患）"
    text += "<font size=9>" + nobr(f"（隐患编号 {h.number}）") + "</font>"
    out: list[Flowable] = [Para(text, st.body)]
    if h.legal_basis:
        out.append(Para(f"依据：{esc(sentence(h.legal_basis))}", indented(st)))
    return out


def hazard_photos(st: Styles, items: Sequence[HazardItem], images: Images | None) -> list[Flowable]:
    """附件：隐患照片, each captioned with the item's 序号, 隐患编号 and phase."""
    photos: list[tuple[str, str] | None] = [
        (f"{i}．{h.number} {p.phase}" + (f"：{p.caption}" if p.caption else ""), p.sha256)
        for i, h in enumerate(items, 1)
        for p in h.photos
    ]
    return photo_appendix(st, "附件：隐患照片", photos, images)


def photo_appendix(
    st: Styles, title: str, entries: list[tuple[str, str] | None], images: Images | None
) -> list[Flowable]:
    """附件: thumbnails captioned with the hazard number and phase; nothing when there are none."""
    if not any(entries) or images is None:
        return []
    grid = photo_grid(st, [(e[0], images.get(e[1])) if e else None for e in entries])
    return [PageBreak(), Para(esc(title), st.heading), Spacer(1, 2 * mm), grid]


def render_pdf(content: DocumentContent, story: Callable[[], list[Flowable]]) -> bytes:
    """Lay out ``story`` with the continuation header (page 2 on) and the office's footer line."""
    return build_pdf(
        story,
        title=f"{content.kind} {content.number}",
        author=content.authority.name,
        running_header=f"{content.kind}（续页）\u3000{content.number}",
        footer_note=content.authority.footer,
        dated=content.issued_on,
    )
