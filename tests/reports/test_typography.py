"""What a reader of a printed document checks: the face, every character, unbroken numbers, reprints."""

from __future__ import annotations

import io
import logging
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from inspector.reports import fonts, pdf
from inspector.reports.linebreak import can_break, glue_codes
from inspector.reports.pdf import (
    FONT,
    HAND_DATE,
    NBSP_EM,
    Para,
    Styles,
    Title,
    build_pdf,
    esc,
    nobr,
    officer_signatures,
    receipt_block,
)

ROOT = Path(__file__).resolve().parents[2]
EXT_B = "\U00020000"  # 𠀀: only HanaMinB has it
EXT_A = "\u3400"  # 㐀: only HanaMinA has it (UMing has 䶮 U+4DAE itself)
CERT_14 = "32041120230001"
CERT_18 = "320411202300010001"
ORDER_NO = "（新北）应急责改〔2026〕12号"
CODES = ("GB 50058-2014", "GB/T 3836.1-2021", "AQ 3009-2007", "DB32/T 3794-2020")


def render(story: Callable[[], list[Flowable]], **kw: object) -> bytes:
    return build_pdf(story, title="测试", **kw)  # type: ignore[arg-type]


def lines_of(data: bytes) -> list[str]:
    """Extracted text, one entry per printed line, less the page footers."""
    reader = PdfReader(io.BytesIO(data))
    lines = [line for page in reader.pages for line in (page.extract_text() or "").splitlines()]
    return [line for line in lines if not re.fullmatch(r"第 \d+ 页 共 \d+ 页", line.strip())]


def narrow(paragraphs: list[Flowable], width: float) -> Table:
    """The paragraphs stacked in a column ``width`` wide, so each one wraps there."""
    return Table([[p] for p in paragraphs], colWidths=[width])


def font_names(data: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(data))
    return {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()
    }


# -- the face ----------------------------------------------------------------------------------


def test_body_and_title_are_set_in_the_ming_face() -> None:
    st = Styles()
    data = render(lambda: [Title("责令限期整改指令书"), Para(esc("经查，你单位存在下列问题："), st.body)])
    assert font_names(data) == {"UMingCN"}  # no sans face, and no Helvetica left in the PDF
    assert FONT == "UMingCN" and st.body.fontName == "UMingCN"


def test_bundled_faces_are_truetype_and_their_cmaps_read_right() -> None:
    for face in fonts.FACES:
        with face.path.open("rb") as f:
            assert f.read(4) == b"\x00\x01\x00\x00"  # TrueType outlines, not CFF
    # The cheap cmap reader agrees with reportlab's full parse (tried on the two smaller faces).
    for face in (fonts.BODY, fonts.FALLBACKS[1]):
        parsed = pdfmetrics.getFont(fonts.register(face)).face.charToGlyph
        assert fonts.coverage(face) == {c for c in parsed if c not in (0, 0xFFFF)}  # 0xFFFF: cmap end mark
    assert 0x20000 in fonts.coverage(fonts.FALLBACKS[2])
    assert pdfmetrics.getFont(pdf.register_font()).face.getCharWidth(0xA0) == NBSP_EM * 1000


# -- every character prints --------------------------------------------------------------------


def test_rare_characters_of_a_name_print_and_extract() -> None:
    name = f"常州市{EXT_B}{EXT_A}䶮化工有限公司"
    st = Styles()
    data = render(lambda: [Title(name), Para(esc(name) + "：", st.addressee)])
    text = "\n".join(lines_of(data))
    assert text.count(name) == 2, text  # the Title and the paragraph, each whole
    assert {"UMingCN", "HanaMinA", "HanaMinB"} <= font_names(data)


def test_a_character_no_face_has_prints_as_geta_and_is_logged(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "_reported", set())  # each character is logged once per process
    ext_g = "\U00030000"  # CJK Extension G: no bundled face
    with caplog.at_level(logging.WARNING, logger="inspector.reports.fonts"):
        data = render(lambda: [Para(esc(f"张{ext_g}明"), Styles().plain)])
    assert "张〓明" in "".join(lines_of(data))
    assert "U+30000" in caplog.text


def test_invisible_format_characters_are_dropped_not_shown_as_geta() -> None:
    assert esc("张\u200b明\ufe0f") == "张明"


def test_fallback_faces_are_registered_only_when_a_text_needs_them() -> None:
    code = (
        "from inspector.reports import fonts\n"
        "from inspector.reports.pdf import Para, Styles, build_pdf, esc\n"
        "st = Styles()\n"
        "build_pdf(lambda: [Para(esc('常州市新北区测试化工有限公司'), st.plain)], title='t')\n"
        "print(fonts.registered_fallbacks())\n"
        "build_pdf(lambda: [Para(esc('常州市\\U00020000化工'), st.plain)], title='t')\n"
        "print(fonts.registered_fallbacks())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "['HanaMinB']"]  # not WenQuanYi or HanaMinA on the way


# -- numbers and codes never split -------------------------------------------------------------


def _offsets(code_markup: str, n: int = 24) -> list[str]:
    """The same sentence with the code shifted one character at a time past the line end."""
    return ["甲" * k + "执法证号：" + code_markup + "，乙丙丁戊己庚辛壬癸。" for k in range(n)]


@pytest.mark.parametrize("cert", [CERT_14, CERT_18])
def test_certificate_numbers_extract_whole_from_one_line(cert: str) -> None:
    st = Styles()
    ours = render(lambda: [narrow([Para(t, st.plain) for t in _offsets(nobr(cert))], 60 * mm)])
    assert sum(line.count(cert) for line in lines_of(ours)) == 24
    # The test bites: reportlab's own CJK wrap splits the same number at some offsets.
    theirs = render(lambda: [narrow([Paragraph(t, st.plain) for t in _offsets(cert)], 60 * mm)])
    assert sum(line.count(cert) for line in lines_of(theirs)) < 24


@pytest.mark.parametrize("code", [*CODES, ORDER_NO])
def test_standard_codes_and_document_numbers_stay_whole_near_a_line_end(code: str) -> None:
    st = Styles()
    texts = ["甲" * k + "不符合" + code + "的规定，应当整改。" for k in range(24)]
    data = render(lambda: [narrow([Para(esc(t), st.body) for t in texts], 70 * mm)])
    lines = lines_of(data)
    assert sum(line.count(code) for line in lines) == 24, [ln for ln in lines if code[:2] in ln]
    assert not any("\u2060" in line for line in lines)  # the marker never reaches the PDF
    theirs = render(lambda: [narrow([Paragraph(esc(t), st.body) for t in texts], 70 * mm)])
    assert sum(line.count(code) for line in lines_of(theirs)) < 24  # reportlab's wrap would split it


def test_a_number_wider_than_its_cell_still_prints_in_full() -> None:
    data = render(lambda: [narrow([Para(nobr(CERT_18), Styles().cell)], 20 * mm)])
    assert "".join(lines_of(data)) == CERT_18


def test_extracted_text_is_the_text_given() -> None:
    text = f"依据GB 50058-2014和{ORDER_NO}，执法证号{CERT_18}。"
    data = render(lambda: [Para(esc(text), Styles().body)])
    assert "".join(lines_of(data)).strip() == text


def test_break_rules() -> None:
    assert not can_break("3", "2") and not can_break("-", "2") and not can_break("B", "/")
    assert can_break("的", "规") and can_break("号", "3") and can_break(" ", "的")
    assert not can_break("的", "，") and not can_break("《", "安") and not can_break("\xa0", "年")
    assert not can_break("B", " ")  # a space ends a line, it never starts one
    assert glue_codes("按GB 50058-2014执行") == "按" + "\u2060".join("GB 50058-2014") + "执行"
    assert glue_codes("第3项") == "第3项"


def test_no_line_starts_with_closing_punctuation() -> None:
    st = Styles()
    texts = ["甲" * k + "储罐区防火堤内积水未排除，排水阀常开。" * 3 for k in range(12)]
    lines = lines_of(render(lambda: [narrow([Para(esc(t), st.plain) for t in texts], 45 * mm)]))
    assert lines and not [ln for ln in lines if ln[:1] in "，。、；：）》”"]


def test_a_paragraph_split_across_pages_keeps_its_text_and_its_codes() -> None:
    st = Styles()
    body = "".join(f"第{i}条：设备不符合GB 50058-2014的规定，执法证号{CERT_18}。" for i in range(1, 60))
    data = render(lambda: [Spacer(1, 200 * mm), Para(esc(body), st.body)])
    assert len(PdfReader(io.BytesIO(data)).pages) > 1
    lines = lines_of(data)
    assert body in "".join(lines)  # nothing added or lost where the page broke
    assert sum(ln.count(CERT_18) for ln in lines) == 59


# -- the signature block -----------------------------------------------------------------------


def test_signature_block_prints_an_18_character_number_on_the_line_of_its_label() -> None:
    st = Styles()
    people = [SimpleNamespace(certificate_no=CERT_18), SimpleNamespace(certificate_no=CERT_14)]
    data = render(lambda: [officer_signatures(st, "安全生产监管执法人员（签名）", people)])
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text(extraction_mode="layout")
    rows = [re.sub(r"\s+", "", line) for line in text.splitlines() if "执法证号" in line]
    assert rows[0].endswith("执法证号：" + CERT_18) and rows[1].endswith("执法证号：" + CERT_14)


def test_hand_written_date_fits_its_cell() -> None:
    data = render(lambda: [receipt_block(Styles(), "被检查单位负责人（签收）")])
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text(extraction_mode="layout")
    assert [re.sub(r"\s+", "", ln) for ln in text.splitlines() if "日期" in ln] == [
        "被检查单位负责人（签收）：日期：年月日"
    ]
    assert HAND_DATE.count("&nbsp;") == 10


# -- the page ----------------------------------------------------------------------------------


def _two_pages() -> list[Flowable]:
    st = Styles()
    return [
        Title("责令限期整改指令书"),
        Para(esc("第一页。"), st.body),
        PageBreak(),
        Para("第二页。", st.body),
    ]


def test_running_header_on_later_pages_and_footer_note_on_every_page() -> None:
    header = f"责令限期整改指令书（续页）  {ORDER_NO}"
    note = "地址：常州市新北区锦绣路2号  电话：0519-85127000"
    data = render(_two_pages, running_header=header, footer_note=note)
    first, second = (p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "续页" not in first and header in second
    assert note in first and note in second
    assert "第 1 页 共 2 页" in first and "第 2 页 共 2 页" in second


def test_a_reprint_is_byte_for_byte_the_same_and_dated_as_asked() -> None:
    a = render(_two_pages, running_header="续页", dated=date(2026, 11, 22))
    b = render(_two_pages, running_header="续页", dated=date(2026, 11, 22))
    assert a == b
    assert PdfReader(io.BytesIO(a)).metadata["/CreationDate"].startswith("D:20261122")
    assert render(_two_pages) == render(_two_pages)
