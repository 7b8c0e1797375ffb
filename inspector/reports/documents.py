"""The three enforcement documents as PDF: 现场检查记录, 责令限期整改指令书, 整改复查意见书.

Renderers take the frozen DTOs of ``inspector.core.documents`` (no SQL here) and return PDF bytes;
``print_document`` issues (or reprints) through the DocumentService and writes the file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from datetime import date
from itertools import zip_longest
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.documents import (
    DocumentContent,
    DocumentService,
    HazardItem,
    InspectionRecordDoc,
    IssuedDocument,
    RectificationOrderDoc,
    ReviewItem,
    ReviewOpinionDoc,
)
from inspector.core.enums import DocumentKind, HazardLevel
from inspector.core.errors import DomainError
from inspector.reports.pdf import (
    CONTENT_WIDTH,
    Styles,
    blank,
    build_pdf,
    chinese_date,
    esc,
    form_line,
    grid_table,
    hm,
    keep,
    officer_signatures,
    photo_grid,
    receipt_block,
    seal_block,
    signature_line,
    title_block,
    ymd,
)

Images = Mapping[str, bytes]

# Our own wording of the legal basis, in the style of the 安全生产执法文书.
ORDER_LEGAL_BASIS = "《中华人民共和国安全生产法》第六十五条第一款第（三）项"
SERVED_NOTE = "本文书一式两份：一份由应急管理部门存档，一份交被检查单位。"


def _sentence(text: str) -> str:
    """End a user's phrase with a full stop unless it already has closing punctuation."""
    text = text.strip()
    return text if not text or text[-1] in "。！？；.!?;" else text + "。"


def _hazard_sentence(i: int, h: HazardItem, *, with_basis: bool = True) -> str:
    parts = [f"{i}．"]
    if h.location:
        parts.append(f"{esc(h.location)}：")
    parts.append(esc(_sentence(h.description)))
    if h.level == HazardLevel.MAJOR.value:
        parts.append("该隐患为重大事故隐患。")
    if h.rectified_on_spot:
        parts.append("已当场整改完毕。")
    if with_basis and h.legal_basis:
        parts.append(f"依据：{esc(_sentence(h.legal_basis))}")
    return "".join(parts)


def _photo_appendix(
    styles: Styles, title: str, entries: list[tuple[str, str] | None], images: Images | None
) -> list[Flowable]:
    """附件: thumbnails captioned with the hazard number and phase; nothing when there are none."""
    if not any(entries) or images is None:
        return []
    grid = photo_grid(styles, [(e[0], images.get(e[1])) if e else None for e in entries])
    return [PageBreak(), Paragraph(esc(title), styles.heading), Spacer(1, 2 * mm), grid]


# -- 现场检查记录 -------------------------------------------------------------------------------


def _record_story(doc: InspectionRecordDoc, images: Images | None) -> list[Flowable]:
    st = Styles()
    e = doc.enterprise
    legal = e.legal_representative or "—"
    if e.principal and e.principal != e.legal_representative:
        legal = f"{legal}（主要负责人：{e.principal}）"
    officers = "、".join(
        f"{esc(o.name)}（执法证号：{esc(o.certificate_no) or '　'}）" for o in doc.officers
    ) or blank(10)
    period = f"{ymd(doc.inspected_on)}{hm(doc.start_time)}至{hm(doc.end_time)}"
    names = "、".join(esc(o.name) for o in doc.officers) or blank(6)
    certs = "、".join(esc(o.certificate_no) for o in doc.officers if o.certificate_no) or blank(8)
    story: list[Flowable] = [
        *title_block(st, doc.authority.name, "现场检查记录", doc.number),
        form_line(st, [("被检查单位", esc(e.name))]),
        form_line(st, [("地址", esc(e.address))]),
        form_line(st, [("法定代表人（主要负责人）", esc(legal)), ("联系电话", esc(e.phone))], [0.55, 0.45]),
        form_line(st, [("检查场所", esc(doc.place))]),
        form_line(st, [("检查时间", period)]),
        form_line(st, [("检查人员", officers)]),
        form_line(
            st,
            [("企业现场负责人", esc(doc.representative)), ("检查类型", esc(doc.inspection_kind))],
            [0.5, 0.5],
        ),
        Spacer(1, 5 * mm),
        Paragraph(
            f"我们是{esc(doc.authority.name)}的执法人员{names}，证件号码为{certs}，"
            "这是我们的证件（出示证件）。现依法对你单位进行现场检查，请予以配合。",
            st.body,
        ),
        Spacer(1, 2 * mm),
        Paragraph("检查情况：", st.plain),
    ]
    situation: list[Flowable] = [
        Paragraph(esc(p.strip()), st.body) for p in doc.notes.strip().splitlines() if p.strip()
    ]
    if doc.hazards:
        situation.append(Paragraph(f"检查发现以下事故隐患（共{len(doc.hazards)}项）：", st.body))
        situation += [Paragraph(_hazard_sentence(i, h), st.body) for i, h in enumerate(doc.hazards, 1)]
    else:
        situation.append(Paragraph("本次检查未发现事故隐患。", st.body))
    # The last lines of the text travel with the signatures: no page holds signatures alone.
    story += situation[:-1]
    story.append(
        keep(
            situation[-1],
            Spacer(1, 5 * mm),
            officer_signatures(st, "检查人员（签名）", doc.officers),
            signature_line(st, "被检查单位现场负责人（签名）"),
            Spacer(1, 8 * mm),
            Paragraph(chinese_date(doc.issued_on), st.right),
        )
    )
    photos = [
        (f"{h.number} {p.phase}" + (f"：{p.caption}" if p.caption else ""), p.sha256)
        for h in doc.hazards
        for p in h.photos
    ]
    story += _photo_appendix(st, "附件：隐患照片", photos, images)
    return story


def render_inspection_record(doc: InspectionRecordDoc, images: Images | None = None) -> bytes:
    return build_pdf(
        lambda: _record_story(doc, images), title=f"现场检查记录 {doc.number}", author=doc.authority.name
    )


# -- 责令限期整改指令书 ---------------------------------------------------------------------------


ORDER_WIDTHS = (11 * mm, 29 * mm, 56 * mm, 38 * mm, 22 * mm)


def _order_story(doc: RectificationOrderDoc, images: Images | None) -> list[Flowable]:
    st = Styles()
    assert abs(sum(ORDER_WIDTHS) - CONTENT_WIDTH) < 1
    rows: list[list[object]] = [
        [Paragraph(h, st.head) for h in ("序号", "隐患部位", "隐患描述", "依据", "整改期限")]
    ]
    for i, h in enumerate(doc.hazards, 1):
        description = esc(h.description)
        if h.level == HazardLevel.MAJOR.value:
            description = "【重大事故隐患】" + description
        description += f"<br/><font size=9>（{esc(h.number)}）</font>"
        rows.append(
            [
                Paragraph(str(i), st.cell_center),
                Paragraph(esc(h.location), st.cell),
                Paragraph(description, st.cell),
                Paragraph(esc(h.legal_basis) or "—", st.cell),
                Paragraph(f"{h.deadline:%Y-%m-%d}" if h.deadline else "—", st.cell_center),
            ]
        )
    major = ""
    if doc.has_major:
        major = (
            "其中重大事故隐患排除前或者排除过程中无法保证安全的，你单位应当从危险区域内撤出作业人员，"
            "暂时停产停业或者停止使用相关设施、设备；重大事故隐患排除后，经审查同意，方可恢复生产经营和使用。"
        )
    a = doc.authority
    story: list[Flowable] = [
        *title_block(st, a.name, "责令限期整改指令书", doc.number),
        Paragraph(f"{esc(doc.enterprise.name)}：", st.addressee),
        Paragraph(
            f"{ymd(doc.inspected_on)}，本机关执法人员依法对你单位进行了安全生产监督检查。"
            "经查，你单位存在下列问题：",
            st.body,
        ),
        Spacer(1, 2 * mm),
        grid_table(rows, ORDER_WIDTHS),
        Spacer(1, 3 * mm),
        Paragraph(
            f"依据{ORDER_LEGAL_BASIS}的规定，现责令你单位于{ymd(doc.deadline)}前整改完毕"
            "（各项隐患的整改期限见上表），并于整改完毕后书面报告本机关，本机关将进行复查。"
            "整改期间，你单位应当落实整改责任、措施、资金、时限和应急预案，采取有效的安全防范措施，"
            f"确保安全生产。{major}",
            st.body,
        ),
        keep(
            Paragraph(
                f"如果不服本指令，可以依法在60日内向{esc(a.reconsideration_body)}申请行政复议，"
                f"或者在6个月内依法向{esc(a.court)}提起行政诉讼，但本指令不停止执行，法律另有规定的除外。",
                st.body,
            ),
            Spacer(1, 4 * mm),
            officer_signatures(st, "安全生产监管执法人员（签名）", doc.officers),
            Spacer(1, 4 * mm),
            seal_block(st, a.name, doc.issued_on),
            Spacer(1, 6 * mm),
            receipt_block(st, "被检查单位负责人（签收）"),
            Spacer(1, 3 * mm),
            Paragraph(SERVED_NOTE, st.small),
        ),
    ]
    photos = [
        (f"{i}．{h.number} {p.phase}" + (f"：{p.caption}" if p.caption else ""), p.sha256)
        for i, h in enumerate(doc.hazards, 1)
        for p in h.photos
    ]
    story += _photo_appendix(st, "附件：隐患照片", photos, images)
    return story


def render_rectification_order(doc: RectificationOrderDoc, images: Images | None = None) -> bytes:
    return build_pdf(
        lambda: _order_story(doc, images), title=f"责令限期整改指令书 {doc.number}", author=doc.authority.name
    )


# -- 整改复查意见书 ------------------------------------------------------------------------------


REVIEW_WIDTHS = (11 * mm, 28 * mm, 54 * mm, 20 * mm, 43 * mm)


def _review_result_text(item: ReviewItem) -> str:
    text = (
        esc(item.opinion)
        if item.opinion
        else ("已按要求整改，予以销号。" if item.passed else "未按要求整改到位。")
    )
    if not item.passed and item.new_deadline:
        text += f"<br/>重新整改期限：<br/>{item.new_deadline:%Y-%m-%d}"
    return text


def _review_conclusion(doc: ReviewOpinionDoc) -> str:
    passed = [i for i, item in enumerate(doc.items, 1) if item.passed]
    failed = [i for i, item in enumerate(doc.items, 1) if not item.passed]
    if not failed:
        return "经复查，上述隐患已按照《责令限期整改指令书》的要求整改完毕，复查合格，予以销号。"
    failed_list = "、".join(f"第{i}项" for i in failed)
    head = ""
    if passed:
        head = f"经复查，{'、'.join(f'第{i}项' for i in passed)}隐患整改合格，予以销号；"
    else:
        head = "经复查，"
    deadline = f"于{ymd(doc.new_deadline)}前" if doc.new_deadline else "限期"
    return (
        f"{head}{failed_list}隐患整改不合格，责令你单位{deadline}继续整改完毕，并于整改完毕后书面报告本机关，"
        "本机关将再次复查。逾期未整改或者整改仍不合格的，本机关将依法予以处理。"
    )


def _review_story(doc: ReviewOpinionDoc, images: Images | None) -> list[Flowable]:
    st = Styles()
    assert abs(sum(REVIEW_WIDTHS) - CONTENT_WIDTH) < 1
    rows: list[list[object]] = [
        [Paragraph(h, st.head) for h in ("序号", "隐患部位", "隐患描述", "复查结果", "复查意见")]
    ]
    for i, item in enumerate(doc.items, 1):
        rows.append(
            [
                Paragraph(str(i), st.cell_center),
                Paragraph(esc(item.location), st.cell),
                Paragraph(f"{esc(item.description)}<br/><font size=9>（{esc(item.number)}）</font>", st.cell),
                Paragraph(esc(item.result), st.cell_center),
                Paragraph(_review_result_text(item), st.cell),
            ]
        )
    a = doc.authority
    story: list[Flowable] = [
        *title_block(st, a.name, "整改复查意见书", doc.number),
        Paragraph(f"{esc(doc.enterprise.name)}：", st.addressee),
        Paragraph(
            f"本机关于{ymd(doc.order_issued_on)}作出了{esc(doc.order_number)}《责令限期整改指令书》，"
            f"于{ymd(doc.reviewed_on)}对你单位整改情况进行了复查，提出如下意见：",
            st.body,
        ),
        Spacer(1, 2 * mm),
        grid_table(rows, REVIEW_WIDTHS),
        Spacer(1, 3 * mm),
        keep(
            Paragraph(_review_conclusion(doc), st.body),
            Spacer(1, 4 * mm),
            officer_signatures(st, "安全生产监管执法人员（签名）", doc.officers),
            Spacer(1, 4 * mm),
            seal_block(st, a.name, doc.issued_on),
            Spacer(1, 6 * mm),
            receipt_block(st, "被复查单位负责人（签收）"),
            Spacer(1, 3 * mm),
            Paragraph(SERVED_NOTE.replace("被检查单位", "被复查单位"), st.small),
        ),
    ]
    # One line per pair: 整改前 on the left, 整改后 on the right, so each fix reads side by side.
    photos: list[tuple[str, str] | None] = []
    for i, item in enumerate(doc.items, 1):
        before = [p for p in item.photos if p.phase == "整改前"]
        after = [p for p in item.photos if p.phase != "整改前"]
        for pair in zip_longest(before, after):
            photos += [
                (f"{i}．{item.number} {p.phase}" + (f"：{p.caption}" if p.caption else ""), p.sha256)
                if p
                else None
                for p in pair
            ]
    story += _photo_appendix(st, "附件：整改前后照片", photos, images)
    return story


def render_review_opinion(doc: ReviewOpinionDoc, images: Images | None = None) -> bytes:
    return build_pdf(
        lambda: _review_story(doc, images), title=f"整改复查意见书 {doc.number}", author=doc.authority.name
    )


# -- entry points ------------------------------------------------------------------------------


def render(content: DocumentContent, images: Images | None = None) -> bytes:
    """PDF bytes of any issued document's content."""
    if isinstance(content, InspectionRecordDoc):
        return render_inspection_record(content, images)
    if isinstance(content, RectificationOrderDoc):
        return render_rectification_order(content, images)
    return render_review_opinion(content, images)


def write_atomically(data: bytes, output: Path) -> Path:
    """Write beside the target and rename, so a failure never leaves half a file behind."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return output


def print_document(
    documents: DocumentService,
    actor: Actor,
    kind: DocumentKind,
    target_id: int,
    output: Path,
    *,
    issued_on: date | None = None,
    photos: bool = True,
) -> IssuedDocument:
    """Issue (or reprint) the document and save its PDF; returns the issued document."""
    issued = documents.issue(actor, kind, target_id, issued_on)
    images = documents.photo_bytes(issued.content) if photos else None
    write_atomically(render(issued.content, images), output)
    return issued


CLI_KINDS: dict[str, DocumentKind] = {
    "record": DocumentKind.INSPECTION_RECORD,
    "order": DocumentKind.RECTIFICATION_ORDER,
    "review": DocumentKind.REVIEW_OPINION,
}


def print_cli(services: Services, kind: str, id: int, output: Path) -> IssuedDocument:
    """``inspector print record|order|review ID -o FILE.pdf``."""
    if kind not in CLI_KINDS:
        raise DomainError(f"文书种类应为 record、order 或 review，而不是“{kind}”")
    documents = getattr(services, "documents", None) or DocumentService(services.db)
    return print_document(documents, SYSTEM, CLI_KINDS[kind], id, Path(output))
