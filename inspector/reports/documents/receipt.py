"""文书送达回执: the ruled form the recipient signs, up to five documents delivered together."""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from inspector.core.documents import DeliveryReceiptDoc
from inspector.core.documents.delivery import MAX_ROWS
from inspector.reports.documents.common import render_pdf
from inspector.reports.pdf import (
    CONTENT_WIDTH,
    GRID,
    HEADER_FILL,
    Para,
    Styles,
    esc,
    nobr,
    seal_block,
    title_block,
    ymd,
)

# 送达文书名称及文号 | 收件人签名或盖章 | 送达地点 | 送达日期 | 送达方式 | 送达人
WIDTHS = (52 * mm, 22 * mm, 26 * mm, 22 * mm, 16 * mm)


def _story(doc: DeliveryReceiptDoc) -> list[Flowable]:
    st = Styles()
    small = ParagraphStyle("receipt_cell", parent=st.cell, fontSize=9, leading=13)
    small_center = ParagraphStyle("receipt_center", parent=small, alignment=TA_CENTER)
    assert abs(sum(WIDTHS) + 18 * mm - CONTENT_WIDTH) < 1
    label_w = sum(WIDTHS[:1])
    rest = CONTENT_WIDTH - label_w
    head = Table(
        [
            [Para("案件名称", st.head), Para(esc(doc.case_name), st.cell)],
            [Para("受送达单位（个人）", st.head), Para(esc(doc.addressee), st.cell)],
        ],
        colWidths=[label_w, rest],
    )
    head.setStyle(_grid())
    rows: list[list[object]] = [
        [
            Para(h, st.head)
            for h in ("送达文书名称及文号", "收件人签名或盖章", "送达地点", "送达日期", "送达方式", "送达人")
        ]
    ]
    for item in doc.items:
        rows.append(
            [
                Para(f"{esc(item.title)}<br/>{nobr(item.number)}", small),
                "",
                Para(esc(item.place), small),
                Para(esc(ymd(item.delivered_on)), small_center),
                Para(esc(item.method), small_center),
                "",
            ]
        )
    for _ in range(MAX_ROWS - len(doc.items)):
        rows.append(["", "", "", "", "", ""])
    body = Table(rows, colWidths=[*WIDTHS, 18 * mm], rowHeights=[None] + [16 * mm] * MAX_ROWS)
    body.setStyle(_grid(header=True))
    servers = "、".join(
        f"{esc(o.name)}（执法证号：{nobr(o.certificate_no)}）" if o.certificate_no else esc(o.name)
        for o in doc.servers
    )
    note_lines = [f"收件人：{esc(doc.recipient)}", f"送达人：{servers}"]
    if doc.note:
        note_lines.append(esc(doc.note))
    note = Table(
        [[Para("备注", st.head), Para("<br/>".join(note_lines), st.cell)]],
        colWidths=[label_w, rest],
        rowHeights=[22 * mm],
    )
    note.setStyle(_grid())
    return [
        *title_block(st, doc.authority.name, "文书送达回执", doc.number),
        head,
        body,
        note,
        Spacer(1, 8 * mm),
        seal_block(st, doc.authority.name, doc.issued_on),
    ]


def _grid(header: bool = False) -> TableStyle:
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    return TableStyle(style)


def render_delivery_receipt(doc: DeliveryReceiptDoc) -> bytes:
    return render_pdf(doc, lambda: _story(doc))
