"""The page of every printed document: A4, margins, footer and continuation header, two passes.

``build_pdf`` lays a story out twice so each footer can say 第 x 页 共 y 页, and writes the same
bytes for the same story (reportlab's invariant mode), so a reprint is identical to the first print.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from inspector.reports.fonts import BODY, WJ, register_body, runs

# Set while a story is laid out again with table rows allowed to split (see build_pdf).
split_in_row: ContextVar[bool] = ContextVar("split_in_row", default=False)

PAGE_WIDTH, PAGE_HEIGHT = A4
# Margins close to the 执法文书 forms (GB/T 9704 type area is 156 mm wide).
MARGIN_TOP = 30 * mm
MARGIN_BOTTOM = 25 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
RULE = colors.HexColor("#333333")


def runs_width(parts: Sequence[tuple[str, str]], size: float) -> float:
    return sum(pdfmetrics.stringWidth(text, font, size) for font, text in parts)


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, align: str = "left") -> float:
    """Draw one line of plain text straight on the canvas (headers, footers), each run in a face
    that has it; ``align`` is left, centre or right of ``x``. Returns the width drawn."""
    parts = runs(text.replace(WJ, ""))
    width = runs_width(parts, size)
    x -= {"left": 0.0, "centre": width / 2, "right": width}[align]
    t = canvas.beginText(x, y)
    for font, part in parts:
        t.setFont(font, size)
        t.textOut(part)
    canvas.drawText(t)
    return width


FOOTER_SIZE = 10.5
NOTE_SIZE = 9
HEADER_SIZE = 10.5


def _footer(canvas: Canvas, page: int, total: int | None, note: str = "") -> None:
    canvas.saveState()
    text = f"第 {page} 页 共 {total} 页" if total else f"第 {page} 页"
    draw_text(canvas, PAGE_WIDTH / 2, 14 * mm, text, FOOTER_SIZE, "centre")
    if note:
        canvas.setFillColor(colors.HexColor("#444444"))
        draw_text(canvas, PAGE_WIDTH / 2, 14 * mm + FOOTER_SIZE + 4, note, NOTE_SIZE, "centre")
    canvas.restoreState()


def _running_header(canvas: Canvas, text: str) -> None:
    """The continuation header of pages 2+: which document, and its number, above a hairline."""
    canvas.saveState()
    y = PAGE_HEIGHT - MARGIN_TOP + 9 * mm
    draw_text(canvas, MARGIN_LEFT, y, text, HEADER_SIZE)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_LEFT, y - 2.5 * mm, MARGIN_LEFT + CONTENT_WIDTH, y - 2.5 * mm)
    canvas.restoreState()


def _canvas_dated(day: date | None) -> Callable[..., Canvas]:
    """A canvas maker whose PDF says it was created on ``day`` (the document's own date).

    In invariant mode reportlab writes a fixed 2000-01-01 instead of the clock; a reprint must be
    byte-for-byte the same, and the document's date is the honest one to put there.
    """

    def make(*args: Any, **kwargs: Any) -> Canvas:
        canvas = Canvas(*args, **kwargs)
        stamp = getattr(getattr(canvas, "_doc", None), "_timeStamp", None)
        if day is not None and isinstance(stamp, TimeStamp):
            stamp.YMDhms = (day.year, day.month, day.day, 0, 0, 0)
        return canvas

    return make


def build_pdf(
    story: Callable[[], list[Flowable]],
    *,
    title: str,
    author: str = "",
    running_header: str | None = None,
    footer_note: str = "",
    dated: date | None = None,
) -> bytes:
    """Lay the story out twice: the first pass counts pages so every footer says 共 y 页.

    ``running_header`` is drawn at the top of pages 2+ (e.g. "责令限期整改指令书（续页）  文号"),
    ``footer_note`` in small type above the page number of every page (the office's address and
    phone). The output is deterministic: the same story gives the same bytes, dated ``dated``
    (default 2000-01-01) instead of the time of printing.
    """
    register_body()
    make_canvas = _canvas_dated(dated)

    def run(total: int | None) -> tuple[bytes, int]:
        buffer = io.BytesIO()
        pages = [0]

        def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
            pages[0] = doc.page
            if running_header and doc.page > 1:
                _running_header(canvas, running_header)
            _footer(canvas, doc.page, total, footer_note)

        doc = BaseDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            creator="Inspector 安全生产检查与隐患闭环整改台账",
            invariant=1,
            initialFontName=BODY.name,  # not Helvetica: every font of the PDF is embedded
            lang="zh-CN",
        )
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            CONTENT_WIDTH,
            PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
        # The counting pass only needs the page count: skip writing its PDF (font subsets and
        # compression are a third of the time). reportlab reads _doSave at the end of build().
        doc._doSave = total is not None  # type: ignore[attr-defined]  # private, not in the stubs
        doc.build(story(), canvasmaker=make_canvas)
        return buffer.getvalue(), pages[0]

    try:
        _, total = run(None)
    except LayoutError:  # a row taller than a page: let table rows split, the text must all print
        if split_in_row.get():
            raise
        token = split_in_row.set(True)
        try:
            return build_pdf(
                story,
                title=title,
                author=author,
                running_header=running_header,
                footer_note=footer_note,
                dated=dated,
            )
        finally:
            split_in_row.reset(token)
    data, second = run(total)
    if second != total:  # cannot happen (the footer is outside the frame) but never print a wrong total
        data, _ = run(second)
    return data
