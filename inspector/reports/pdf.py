"""The page and building blocks shared by the enforcement documents (执法文书).

Every PDF embeds subsets of bundled TrueType faces (``fonts``): AR PL UMing, a Ming face like the
printed forms, with per-glyph fallbacks so that every character of a name prints. The text renders
on a machine without CJK fonts and extracts back exactly (PITFALLS.md: not the STSong CID font).
Paragraphs are ``Para``: numbers, 文号 and standard codes never break across lines (``linebreak``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, time
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from inspector.reports.fonts import BODY, WJ, register_body, runs
from inspector.reports.fonts import MISSING as MISSING
from inspector.reports.linebreak import Para as Para
from inspector.reports.linebreak import glue_codes, join
from inspector.reports.page import CONTENT_WIDTH as CONTENT_WIDTH
from inspector.reports.page import MARGIN_BOTTOM as MARGIN_BOTTOM
from inspector.reports.page import MARGIN_LEFT as MARGIN_LEFT
from inspector.reports.page import MARGIN_RIGHT as MARGIN_RIGHT
from inspector.reports.page import MARGIN_TOP as MARGIN_TOP
from inspector.reports.page import PAGE_HEIGHT as PAGE_HEIGHT
from inspector.reports.page import PAGE_WIDTH as PAGE_WIDTH
from inspector.reports.page import build_pdf as build_pdf
from inspector.reports.page import draw_text as draw_text
from inspector.reports.page import runs_width, split_in_row

FONT = BODY.name  # the body face; fallback faces are chosen per glyph by esc()

BODY_SIZE = 12
BODY_LEADING = 21
GRID = colors.HexColor("#333333")
HEADER_FILL = colors.HexColor("#EFEFEF")


def register_font() -> str:
    """Register the body face once per process; reportlab embeds the used glyphs as a subset.

    Also teaches reportlab's own wrapping the Chinese no-line-start punctuation (，：；！？》…).
    """
    return register_body()


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": register_font(),
        "fontSize": BODY_SIZE,
        "leading": BODY_LEADING,
        "wordWrap": "CJK",  # Para breaks by linebreak's rules; a plain Paragraph by reportlab's CJK wrap
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


def _markup(text: str) -> str:
    out = []
    for font, part in runs(text):
        part = part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(part if font == FONT else f'<font name="{font}">{part}</font>')
    return "".join(out).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")


def esc(text: str | None) -> str:
    """Markup for a user's text: escaped, line breaks kept, every character in a face that has it.

    Runs the body face lacks are set in the first fallback face that has them (〓 when none has);
    standard codes (GB 50058-2014) and 文号 are marked unbreakable. Use it for every piece of text
    that did not come from this code base.
    """
    if not text:
        return ""
    return _markup(glue_codes(text))


def nobr(text: str | None) -> str:
    """Markup of ``text`` as one unbreakable span (执法证号, 文号): like ``esc`` but never split.

    The span is still broken if it alone is wider than the line (a narrow table cell).
    """
    if not text:
        return ""
    return _markup(join(text.replace("\r", " ").replace("\n", " ")))


NBSP = "&nbsp;"
NBSP_EM = 0.5  # the body face's no-break space is half an em wide (WenQuanYi's was a quarter)


def _nbsps(ems: float) -> str:
    return NBSP * max(1, round(ems / NBSP_EM))


def gap(n: int = 4) -> str:
    """A no-break gap of about ``n`` quarter-ems (4: one Chinese character), which never breaks
    a line: plain and ideographic spaces collapse in a reportlab paragraph."""
    return _nbsps(n / 4)


def blank(width_chars: int = 8) -> str:
    """An underlined empty place to write by hand, about ``width_chars`` Chinese characters wide."""
    return "<u>" + _nbsps(width_chars) + "</u>"


HAND_DATE = f"{gap(8)}年{gap(6)}月{gap(6)}日"  # room for a hand-written 2026, 12 and 31
HAND_DATE_EMS = HAND_DATE.count(NBSP) * NBSP_EM + 3  # its width in ems


# -- flowables ---------------------------------------------------------------------------------


class Title(Flowable):
    """The large centred document title, drawn with a stroked outline to look bold.

    The bundled font has no bold face; fill+stroke rendering thickens the strokes like the
    bold 宋体/小标宋 titles of printed forms, and the text stays extractable. Drawn on the canvas,
    so it sets each run in its own face like ``esc`` does for paragraphs.
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
        parts = runs(self.text.replace(WJ, ""))
        glyphs = sum(len(text) for _, text in parts)
        text_width = runs_width(parts, self.size) + self.tracking * (glyphs - 1)
        t = c.beginText()
        t.setTextOrigin((self.width - text_width) / 2, self.space_after + self.size * 0.35)
        t.setCharSpace(self.tracking)
        t.setTextRenderMode(2)
        c.setLineWidth(self.size * 0.03)
        for font, text in parts:
            t.setFont(font, self.size)
            t.textOut(text)
        c.drawText(t)


def title_block(styles: Styles, authority: str, title: str, number: str) -> list[Flowable]:
    """Issuing office, title and the right-aligned document number (never broken across lines)."""
    return [
        Para(esc(authority), styles.authority),
        Spacer(1, 2 * mm),
        Title(title),
        Para(nobr(number), styles.number),
    ]


def _table(rows: Any, **kw: Any) -> Table:
    """A Table whose cells without a Paragraph still use the body face (not Helvetica)."""
    table = Table(rows, **kw)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return table


def grid_table(
    rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header_rows: int = 1, zebra: bool = False
) -> Table:
    """A ruled table whose header repeats on every page.

    Rows stay whole; only when a single row is taller than a page (a very long description) does
    ``build_pdf`` lay the story out again with rows allowed to split.
    """
    table = _table(
        [list(r) for r in rows],
        colWidths=list(widths),
        repeatRows=header_rows,
        splitInRow=int(split_in_row.get()),
        hAlign="CENTER",
    )
    style: list[tuple[Any, ...]] = [
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
    return runs_width(runs(label), size) + 3


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
        cells += [Para(esc(label) + "：", styles.label), Para(value, styles.plain)]
        col = len(cells) - 1
        style.append(("LINEBELOW", (col, 0), (col, 0), 0.5, GRID))
        style.append(("LEFTPADDING", (col, 0), (col, 0), 3))
    table = _table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def seal_block(styles: Styles, authority: str, day: date) -> Flowable:
    """Office name, the seal place and the Chinese date, right of centre like a 落款."""
    data = [
        [Para(esc(authority), styles.center)],
        [Para("（印章）", styles.center)],
        [Para(chinese_date(day), styles.center)],
    ]
    table = _table(data, colWidths=[70 * mm], hAlign="RIGHT")
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
    table = _table(rows, colWidths=widths, hAlign="LEFT")
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
    """One wet-signature line per officer (enforcement needs two), then the printed 执法证号.

    The 证号 column is as wide as the widest number, at least an 18-character one, so a number
    never wraps; the signature line (names stay hand-written) gets the rest, 50 mm at most.
    """
    people = list(officers) + [None] * max(0, minimum - len(officers))
    first = _label_width(label + "：")
    cert_label = _label_width("执法证号：")
    space = 6 * mm
    certs = [p.certificate_no for p in people if p is not None and p.certificate_no]
    cert_width = max(_label_width(c) for c in ["0" * 18, *certs])
    sign = max(25 * mm, min(50 * mm, CONTENT_WIDTH - first - space - cert_label - cert_width))
    rows = []
    lines: list[tuple[int, int]] = []
    for i, person in enumerate(people):
        cert = nobr(person.certificate_no) if person is not None and person.certificate_no else ""
        rows.append(
            [
                Para(esc(label) + "：" if i == 0 else "", styles.plain),
                "",
                "",
                Para("执法证号：", styles.plain),
                Para(cert, styles.plain),
            ]
        )
        lines += [(1, i)] + ([(4, i)] if not cert else [])
    rest = CONTENT_WIDTH - first - sign - space - cert_label
    return _line_table(rows, [first, sign, space, cert_label, rest], lines, pad=8)


def signature_line(styles: Styles, label: str, width: float = 40 * mm) -> Table:
    """标签（签名）：________ for one person."""
    lw = _label_width(label + "：")
    return _line_table([[Para(esc(label) + "：", styles.plain), ""]], [lw, width], [(1, 0)], pad=9)


def receipt_block(styles: Styles, label: str) -> Flowable:
    """The receipt the enterprise signs when the document is served (送达签收)."""
    lw = _label_width(label + "：")
    date_label = _label_width("日期：")
    space = 8 * mm
    date_width = HAND_DATE_EMS * BODY_SIZE + 3
    sign = max(25 * mm, min(40 * mm, CONTENT_WIDTH - lw - space - date_label - date_width))
    rows = [
        [
            Para(esc(label) + "：", styles.plain),
            "",
            "",
            Para("日期：", styles.plain),
            Para(HAND_DATE, styles.plain),
        ]
    ]
    widths = [lw, sign, space, date_label, CONTENT_WIDTH - lw - sign - space - date_label]
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
            picture = Para("（照片无法显示）", styles.caption)
        row.append([picture, Spacer(1, 2 * mm), Para(esc(caption), styles.caption)])
        if len(row) == columns:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (columns - len(row)))
    table = _table(cells, colWidths=[width] * columns, hAlign="CENTER")
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


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))
