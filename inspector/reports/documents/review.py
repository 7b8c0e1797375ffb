"""整改复查意见书: which order it follows up (its real date and number) and the result per item."""

from __future__ import annotations

from itertools import zip_longest

from reportlab.platypus import Flowable

from inspector.core.documents import ReviewItem, ReviewOpinionDoc
from inspector.reports.documents.common import (
    Images,
    closing,
    indented,
    photo_appendix,
    remedy_clause,
    render_pdf,
    sentence,
)
from inspector.reports.pdf import Para, Styles, esc, nobr, title_block, ymd

FAILED_SANCTION = "逾期不整改或达不到要求的，依法给予行政处罚；由此造成事故的，依法追究有关人员的责任。"


def item_opinion(item: ReviewItem) -> str:
    """复查合格/不合格 with the officers' opinion and, on failure, the new deadline."""
    opinion = sentence(item.opinion) if item.opinion else ""
    if item.passed:
        return f"复查合格。{esc(opinion) or '已按要求整改完毕。'}予以销号。"
    text = f"复查不合格。{esc(opinion) or '未按要求整改到位。'}"
    if item.new_deadline:
        text += f"责令你单位于{ymd(item.new_deadline)}前整改完毕，达到有关法律法规规章和标准规定的要求。"
    return text


def _story(doc: ReviewOpinionDoc, images: Images | None) -> list[Flowable]:
    st = Styles()
    a = doc.authority
    story: list[Flowable] = [
        *title_block(st, a.name, "整改复查意见书", doc.number),
        Para(f"{esc(doc.enterprise.name)}：", st.addressee),
        Para(
            f"本机关于{ymd(doc.order_issued_on)}作出了责令限期整改的决定（{nobr(doc.order_number)}），"
            f"于{ymd(doc.reviewed_on)}对你单位整改情况进行了复查，提出如下意见：",
            st.body,
        ),
    ]
    for i, item in enumerate(doc.items, 1):
        ref = f"（指令书第{item.order_item}项）" if item.order_item else ""
        head = f"{i}．{ref}" + (f"{esc(item.location)}：" if item.location else "")
        head += (
            esc(sentence(item.description))
            + "<font size=9>"
            + nobr(f"（隐患编号 {item.number}）")
            + "</font>"
        )
        story += [Para(head, st.body), Para(item_opinion(item), indented(st))]
    lead: list[Flowable] = []
    if not doc.all_passed:
        story.append(Para(FAILED_SANCTION, st.body))
        lead = [Para(remedy_clause(a, "意见"), st.body)]
    else:  # the last item travels with the signatures
        lead = story[-2:]
        del story[-2:]
    story.append(
        closing(
            st,
            a,
            doc.issued_on,
            doc.officers,
            receipt_label="被复查单位负责人（签收）",
            party="被复查单位",
            lead=lead,
        )
    )
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
    story += photo_appendix(st, "附件：整改前后照片", photos, images)
    return story


def render_review_opinion(doc: ReviewOpinionDoc, images: Images | None = None) -> bytes:
    return render_pdf(doc, lambda: _story(doc, images))
