"""The page, fonts and building blocks shared by the enforcement documents (执法文书).

Every PDF embeds a subset of the bundled WenQuanYi Micro Hei TrueType font: the text renders on a
machine without CJK fonts and extracts back exactly (PITFALLS.md: not the STSong CID font).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from datetime import date, time
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib import textsplit as rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.doctemplate import LayoutError

from inspector.paths import font_path

FONT = "WQYMicroHei"

_split_in_row: ContextVar[bool] = ContextVar("split_in_row", default=False)

PAGE_WIDTH, PAGE_HEIGHT = A4
# Margins close to the 执法文书 forms (GB/T 9704 type area is 156 mm wide).
MARGIN_TOP = 30 * mm
MARGIN_BOTTOM = 25 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

BODY_SIZE = 12
BODY_LEADING = 21
GRID = colors.HexColor("#333333")
HEADER_FILL = colors.HexColor("#EFEFEF")


# Full-width punctuation that must not begin a line (避头点). reportlab's CJK wrapping knows the
# Japanese set but not "，：；！？》" and friends, which Chinese text uses on every line.
_NO_LINE_START = "，：；！？》”’』〉）％"


@lru_cache(maxsize=1)
def register_font() -> str:
    """Register the bundled TTF once per process; reportlab embeds the used glyphs as a subset."""
    pdfmetrics.registerFont(TTFont(FONT, str(font_path())))
    # Read at wrap time by cjkFragSplit (paragraph) and dumbSplit (textsplit); additive only.
    for module in (rl_paragraph, rl_textsplit):
        module.ALL_CANNOT_START += "".join(c for c in _NO_LINE_START if c not in module.ALL_CANNOT_START)
    return FONT


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": register_font(),
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "wordWrap": "CJK",  # break between any two Chinese characters
        "alignment": TA_JUSTIFY,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    """The paragraph styles of one document (built lazily so the font is registered first)."""

    def __init__(self) -> None:
        self.authority = _style("authority", fontSize=16, leading=24, alignment=TA_CENTER)
        self.number = _style("number", alignment=TA_RIGHT, spaceBefore=4, spaceAfter=10)
        self.body = _style("body", firstLineIndent=2 * BODY_SIZE)
        self.plain = _style("plain", alignment=TA_LEFT)
        self.addressee = _style("addressee", alignment=TA_LEFT, spaceBefore=6)
        self.right = _style("right", alignment=TA_RIGHT)
        self.center = _style("center", alignment=TA_CENTER)
        self.cell = _style("cell", fontSize=10.5, leading=15, alignment=TA_LEFT)
        self.cell_center = _style("cell_center", fontSize=10.5, leading=15, alignment=TA_CENTER)
        self.head = _style("head", fontSize=10.5, leading=15, alignment=TA_CENTER)
        self.label = _style("label", alignment=TA_LEFT)
        self.small = _style(
            "small", fontSize=9.5, leading=14, alignment=TA_LEFT, textColor=colors.HexColor("#444444")
        )
        self.caption = _style("caption", fontSize=9.5, leading=13, alignment=TA_CENTER)
        self.heading = _style("heading", fontSize=14, leading=22, alignment=TA_CENTER, spaceAfter=6)


# -- text helpers ------------------------------------------------------------------------------

_DIGITS = "〇一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1..31 the way dates are written: 十, 十一, 二十, 二十二, 三十一."""
    if n < 10:
        return _DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")


def chinese_date(d: date) -> str:
    """二〇二六年十一月二十二日 — the 落款 date of official documents (note 〇, not 零 or O)."""
    year = "".join(_DIGITS[int(c)] for c in f"{d.year:04d}")
    return f"{year}年{_chinese_number(d.month)}月{_chinese_number(d.day)}日"


def ymd(d: date | None) -> str:
    """2026年12月15日 for dates inside the running text."""
    return f"{d.year}年{d.month}月{d.day}日" if d else "    年  月  日"


def hm(t: time | None) -> str:
    return f"{t.hour:02d}时{t.minute:02d}分" if t else "    时    分"


def esc(text: str | None) -> str:
    """Escape for reportlab's mini-markup and keep the user's line breaks."""
    if not text:
        return ""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.replace("\r\n", "\n").replace("\n", "<br/>")


NBSP = "&nbsp;"


def gap(n: int = 4) -> str:
    """Non-breaking spaces: plain and ideographic spaces collapse in a reportlab paragraph."""
    return NBSP * n


def blank(width_chars: int = 8) -> str:
    """An underlined empty place to write by hand, about ``width_chars`` Chinese characters wide."""
    return "<u>" + NBSP * (width_chars * 4) + "</u>"


HAND_DATE = f"{gap(6)}年{gap(5)}月{gap(5)}日"


# -- flowables ---------------------------------------------------------------------------------


class Title(Flowable):
    """The large centred document title, drawn with a stroked outline to look bold.

    The bundled font has no bold face; fill+stroke rendering thickens the strokes like the
    bold 宋体/小标宋 titles of printed forms, and the text stays extractable.
    """

    def __init__(self, text: str, size: float = 22, space_after: float = 4) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.space_after = space_after
        self.tracking = size * 0.15  # a little letter spacing, as on printed forms

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.5 + self.space_after

    def draw(self) -> None:
        c = self.canv
        font = register_font()
        text_width = pdfmetrics.stringWidth(self.text, font, self.size) + self.tracking * (len(self.text) - 1)
        t = c.beginText()
        t.setTextOrigin((self.width - text_width) / 2, self.space_after + self.size * 0.35)
        t.setFont(font, self.size)
        t.setCharSpace(self.tracking)
        t.setTextRenderMode(2)
        c.setLineWidth(self.size * 0.03)
        t.textOut(self.text)
        c.drawText(t)


def title_block(styles: Styles, authority: str, title: str, number: str) -> list[Flowable]:
    """Issuing office, title and the right-aligned document number."""
    return [
        Paragraph(esc(authority), styles.authority),
        Spacer(1, 2 * mm),
        Title(title),
        Paragraph(esc(number), styles.number),
    ]


def grid_table(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header_rows: int = 1, zebra: bool = False
) -> Table:
    """A ruled table whose header repeats on every page.

    Rows stay whole; only when a single row is taller than a page (a very long description) does
    ``build_pdf`` lay the story out again with rows allowed to split.
    """
    table = Table(
        [list(r) for r in rows],
        colWidths=list(widths),
        repeatRows=header_rows,
        splitInRow=int(_split_in_row.get()),
        hAlign="CENTER",
    )
    style = [
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
    ]
    if zebra:
        for i in range(header_rows + 1, len(rows), 2):
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F8F8F8")))
    table.setStyle(TableStyle(style))
    return table


def _label_width(label: str, size: float = BODY_SIZE) -> float:
    return pdfmetrics.stringWidth(label, register_font(), size) + 3


def form_line(
    styles: Styles, fields: Sequence[tuple[str, str]], shares: Sequence[float] | None = None
) -> Table:
    """One line of a filled-in paper form: 标签：value with the value underlined.

    Several fields may share a line (e.g. 法定代表人 and 联系电话); ``shares`` splits the room left
    for the values. Values wrap inside their cell; the labels never wrap.
    """
    shares = list(shares or [1.0] * len(fields))
    spacer = 6 * mm
    labels = [_label_width(label + "：") for label, _ in fields]
    room = CONTENT_WIDTH - sum(labels) - spacer * (len(fields) - 1)
    widths: list[float] = []
    cells: list[Any] = []
    style: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a wrapped value reads on from its label
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for i, ((label, value), lw, share) in enumerate(zip(fields, labels, shares, strict=True)):
        if i:
            widths.append(spacer)
            cells.append("")
        widths += [lw, room * share / sum(shares)]
        cells += [Paragraph(esc(label) + "：", styles.label), Paragraph(value, styles.plain)]
        col = len(cells) - 1
        style.append(("LINEBELOW", (col, 0), (col, 0), 0.5, GRID))
        style.append(("LEFTPADDING", (col, 0), (col, 0), 3))
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def seal_block(styles: Styles, authority: str, day: date) -> Flowable:
    """Office name, the seal place and the Chinese date, right of centre like a 落款."""
    data = [
        [Paragraph(esc(authority), styles.center)],
        [Paragraph("（印章）", styles.center)],
        [Paragraph(chinese_date(day), styles.center)],
    ]
    table = Table(data, colWidths=[70 * mm], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 1), (-1, 1), 5),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 5),
            ]
        )
    )
    return table


def _line_table(
    rows: list[list[Any]], widths: list[float], line_cells: list[tuple[int, int]], pad: float = 7
) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    style: list[Any] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    style += [("LINEBELOW", (c, r), (c, r), 0.5, GRID) for c, r in line_cells]
    table.setStyle(TableStyle(style))
    return table


def officer_signatures(styles: Styles, label: str, officers: Sequence[Any], minimum: int = 2) -> Table:
    """One signature line per officer with the printed 执法证号 (enforcement needs two)."""
    people = list(officers) + [None] * max(0, minimum - len(officers))
    first = _label_width(label + "：")
    cert_label = _label_width("执法证号：")
    cert_width = 30 * mm  # room for an 11–13 digit certificate number
    space = 6 * mm
    sign = min(40 * mm, CONTENT_WIDTH - first - space - cert_label - cert_width)
    rows = []
    lines: list[tuple[int, int]] = []
    for i, person in enumerate(people):
        cert = esc(person.certificate_no) if person is not None and person.certificate_no else ""
        rows.append(
            [
                Paragraph(esc(label) + "：" if i == 0 else "", styles.plain),
                "",
                "",
                Paragraph("执法证号：", styles.plain),
                Paragraph(cert, styles.plain),
            ]
        )
        lines += [(1, i)] + ([(4, i)] if not cert else [])
    rest = CONTENT_WIDTH - first - sign - space - cert_label
    return _line_table(rows, [first, sign, space, cert_label, rest], lines, pad=8)


def signature_line(styles: Styles, label: str, width: float = 40 * mm) -> Table:
    """标签（签名）：________ for one person."""
    lw = _label_width(label + "：")
    return _line_table([[Paragraph(esc(label) + "：", styles.plain), ""]], [lw, width], [(1, 0)], pad=9)


def receipt_block(styles: Styles, label: str) -> Flowable:
    """The receipt the enterprise signs when the document is served (送达签收)."""
    lw = _label_width(label + "：")
    date_label = _label_width("日期：")
    sign = 40 * mm
    rows = [
        [
            Paragraph(esc(label) + "：", styles.plain),
            "",
            "",
            Paragraph("日期：", styles.plain),
            Paragraph(HAND_DATE, styles.plain),
        ]
    ]
    widths = [lw, sign, 10 * mm, date_label, CONTENT_WIDTH - lw - sign - 10 * mm - date_label]
    table = _line_table(rows, widths, [(1, 0)], pad=12)
    table.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.6, GRID, None, (2, 2))]))
    return table


def photo_grid(
    styles: Styles,
    entries: Sequence[tuple[str, bytes | None] | None],
    columns: int = 2,
    height: float = 55 * mm,
) -> Table:
    """Thumbnails with captions, ``columns`` per row; None leaves a cell empty, unreadable bytes get a note."""
    width = CONTENT_WIDTH / columns
    cells: list[list[Any]] = []
    row: list[Any] = []
    for entry in entries:
        if entry is None:
            row.append("")
            if len(row) == columns:
                cells.append(row)
                row = []
            continue
        caption, data = entry
        picture: Flowable
        try:
            if data is None:
                raise ValueError("missing")
            reader = ImageReader(io.BytesIO(data))
            iw, ih = reader.getSize()
            scale = min((width - 8 * mm) / iw, height / ih)
            picture = Image(io.BytesIO(data), width=iw * scale, height=ih * scale)
        except Exception:  # a broken or missing photo must not stop the document
            picture = Paragraph("（照片无法显示）", styles.caption)
        row.append([picture, Spacer(1, 2 * mm), Paragraph(esc(caption), styles.caption)])
        if len(row) == columns:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (columns - len(row)))
    table = Table(cells, colWidths=[width] * columns, hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return table


# -- the page ----------------------------------------------------------------------------------


def _footer(
    canvas: Canvas, page: int, total: int | None, running_header: str | None = None, footer_note: str = ""
) -> None:
    canvas.saveState()
    canvas.setFont(register_font(), 10.5)
    text = f"第 {page} 页 共 {total} 页" if total else f"第 {page} 页"
    canvas.drawCentredString(PAGE_WIDTH / 2, 14 * mm, text)
    if footer_note:
        canvas.setFont(register_font(), 9)
        canvas.drawCentredString(PAGE_WIDTH / 2, 19 * mm, footer_note)
    if running_header and page > 1:
        canvas.setFont(register_font(), 9.5)
        canvas.drawString(MARGIN_LEFT, PAGE_HEIGHT - 18 * mm, running_header)
    canvas.restoreState()


def nobr(text: str) -> str:
    """Escaped markup of a span that must not break across lines (文号, 证号)."""
    return esc(text)


def build_pdf(
    story: Callable[[], list[Flowable]],
    *,
    title: str,
    author: str = "",
    running_header: str | None = None,
    footer_note: str = "",
) -> bytes:
    """Lay the story out twice: the first pass counts pages so every footer says 共 y 页."""
    register_font()

    def run(total: int | None) -> tuple[bytes, int]:
        buffer = io.BytesIO()
        pages = [0]

        def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
            pages[0] = doc.page
            _footer(canvas, doc.page, total, running_header, footer_note)

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
        doc.build(story())
        return buffer.getvalue(), pages[0]

    try:
        _, total = run(None)
    except LayoutError:  # a row taller than a page: let table rows split, the text must all print
        if _split_in_row.get():
            raise
        token = _split_in_row.set(True)
        try:
            return build_pdf(
                story, title=title, author=author, running_header=running_header, footer_note=footer_note
            )
        finally:
            _split_in_row.reset(token)
    data, second = run(total)
    if second != total:  # cannot happen (the footer is outside the frame) but never print a wrong total
        data, _ = run(second)
    return data


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))
