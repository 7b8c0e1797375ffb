"""The PDFs say what the law needs, in the official wording: read the text back with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.documents import (
    Authority,
    DeliveryInput,
    DocumentService,
    HazardItem,
    InspectionRecordDoc,
    Officer,
    Party,
    RectificationOrderDoc,
)
from inspector.core.enums import DocumentKind
from inspector.core.errors import DomainError
from inspector.core.office import OfficeService
from inspector.db.models import Hazard, Inspector
from inspector.reports.documents import (
    print_cli,
    print_document,
    render,
    render_inspection_record,
    render_rectification_order,
    write_document,
)
from inspector.reports.pdf import chinese_date
from tests.reports import builders as b

DAY = date(2026, 11, 22)
AUTHORITY = Authority("常州市新北区应急管理局", "常州市新北区人民政府", "常州市新北区人民法院")


def pages(data: bytes) -> list[str]:
    """Text of each page with all whitespace removed (line wrapping may split any phrase)."""
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", "", p.extract_text() or "") for p in reader.pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_chinese_dates_use_ling_circle() -> None:
    assert chinese_date(date(2026, 11, 22)) == "二〇二六年十一月二十二日"
    assert chinese_date(date(2030, 1, 10)) == "二〇三〇年一月十日"
    assert chinese_date(date(2026, 10, 31)) == "二〇二六年十月三十一日"


def test_order_has_the_official_sentences_per_deadline_and_the_office_bodies(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=3)
        h3 = s.get(Hazard, case.hazard_ids[2])
        h3.deadline = case.deadlines[0]  # items 1 and 3 share a deadline
    out = tmp_path / "order.pdf"
    issued = print_document(
        DocumentService(db), SYSTEM, DocumentKind.RECTIFICATION_ORDER, case.inspection_id, out
    )
    text = pages(out.read_bytes())
    allt = "".join(text)

    assert "责令限期整改指令书" in text[0] and "常州市新北区应急管理局" in text[0]
    assert issued.number == "（新北）应急责改〔2026〕1号" and issued.number in text[0]
    assert "常州市新北区测试化工有限公司1：" in text[0]
    assert "经查，你单位存在下列问题：" in text[0]
    for i, (number, description) in enumerate(
        zip(case.hazard_numbers, [d for _, d, _ in b.LONG_DESCRIPTIONS], strict=False), 1
    ):
        assert number in allt
        assert squash(f"{i}．") in allt and squash(f"{description}（第{i}处）") in allt
    assert "依据：《危险化学品安全管理条例》第二十条。" in allt
    assert "（重大事故隐患）" in allt
    assert (
        "现责令你单位对上述第1、3项问题于2026年12月1日前整改完毕，达到有关法律法规规章和标准规定的要求。"
        in allt
    )
    assert "现责令你单位对上述第2项问题于2026年12月2日前整改完毕" in allt
    assert "逾期不整改或达不到要求的，依法给予行政处罚；由此造成事故的，依法追究有关人员的责任。" in allt
    assert "整改期间，你单位应当采取措施，确保安全生产。" in allt
    assert (
        "如果不服本指令，可以依法在60日内向常州市新北区人民政府申请行政复议，"
        "或者在六个月内依法向常州市新北区人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。"
    ) in allt
    assert "安全生产监管执法人员（签名）" in allt
    assert "32041100123" in allt and "32041100456" in allt
    assert "被检查单位负责人（签收）" in allt
    assert "（印章）" in allt and "二〇二六年十一月二十二日" in allt
    assert "本文书一式两份" in allt
    assert "地址：常州市新北区锦绣路2号" in allt  # the office's footer
    n = len(text)
    for i, page in enumerate(text, 1):
        assert f"第{i}页共{n}页" in page


def test_an_order_printed_months_later_carries_the_visit_date_and_the_ordered_deadlines(
    db, tmp_path: Path
) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2, on=date(2026, 9, 3))
        people = list(s.scalars(select(Inspector)))
        h1, h2 = (s.get(Hazard, i) for i in case.hazard_ids)
        b.extension(s, h1, date(2027, 1, 10), at=datetime(2026, 11, 30, 10, 0))
        failed = b.reinspection(
            s, h2, date(2026, 12, 2), people, result="不合格", new_deadline=date(2027, 1, 5)
        )
        failed.previous_deadline, h2.deadline = h2.deadline, date(2027, 1, 5)
    out = tmp_path / "late.pdf"
    print_document(DocumentService(db), SYSTEM, DocumentKind.RECTIFICATION_ORDER, case.inspection_id, out)
    allt = "".join(pages(out.read_bytes()))
    assert "二〇二六年九月三日" in allt
    assert "二〇二六年十二月" not in allt  # never the day it happened to be printed
    assert "第1项问题于2026年12月1日前整改完毕" in allt
    assert "第2项问题于2026年12月2日前整改完毕" in allt
    assert "2027年1月" not in allt


def test_long_order_flows_over_pages_with_a_continuation_header(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=30)
    out = tmp_path / "long.pdf"
    print_document(DocumentService(db), SYSTEM, DocumentKind.RECTIFICATION_ORDER, case.inspection_id, out)
    text = pages(out.read_bytes())
    n = len(text)
    assert n >= 2
    assert "续页" not in text[0]
    for page in text[1:]:
        assert "责令限期整改指令书（续页）（新北）应急责改〔2026〕1号" in page
    allt = "".join(text)
    for i, number in enumerate(case.hazard_numbers, 1):
        assert number in allt and f"（第{i}处）" in allt
    assert "（印章）" in text[-1]


def test_the_signatures_never_stand_alone_on_a_page(db, tmp_path: Path) -> None:
    for n in range(1, 9):
        with db.transaction() as s:
            case = b.order_case(s, n_hazards=n, n=n)
        data = render(DocumentService(db).issue_rectification_order(SYSTEM, case.inspection_id).content)
        last = pages(data)[-1]
        assert "安全生产监管执法人员（签名）" in last
        assert "如果不服本指令" in last  # the last sentence travels with the signatures


def test_record_lists_the_visit_the_opening_statement_and_every_finding(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
        first = s.get(Hazard, case.hazard_ids[0])
        first.enterprise.head_title = "总经理"
        b.hazard(
            s,
            first.enterprise,
            DAY,
            insp=first.inspection,
            on_spot=True,
            state="已销号",
            closed_on=DAY,
            location="楼梯间",
            description="疏散通道堆放纸箱",
        )
    out = tmp_path / "record.pdf"
    issued = print_document(
        DocumentService(db), SYSTEM, DocumentKind.INSPECTION_RECORD, case.inspection_id, out
    )
    allt = "".join(pages(out.read_bytes()))

    assert "现场检查记录" in allt
    assert issued.number == "（新北）应急检记〔2026〕1号" and issued.number in allt
    for label in (
        "被检查单位：",
        "地址：",
        "法定代表人（负责人）：",
        "职务：",
        "联系电话：",
        "检查场所：",
        "检查时间：",
    ):
        assert label in allt
    assert "王建国" in allt and "总经理" in allt
    assert "常州市新北区春江镇滨江路1号" in allt and "0519-85123456" in allt
    assert "2026年11月22日09时30分至11时45分" in allt
    assert "张明（执法证号：32041100123）" in allt
    assert (
        "我们是常州市新北区应急管理局的执法人员张明、李华，这是我们的证件（出示证件）。"
        "现依法对你单位进行现场检查，请予以配合。"
    ) in allt
    assert "检查情况：" in allt and "重点检查了危险化学品储存" in allt
    assert "检查发现下列问题（共3项）" in allt
    assert squash(b.LONG_DESCRIPTIONS[0][1]) in allt
    assert "疏散通道堆放纸箱。已当场整改完毕。" in allt
    assert "执法人员（签名）" in allt and "被检查单位现场负责人（签名）" in allt
    assert "二〇二六年十一月二十二日" in allt


def test_record_without_hazards_says_none_were_found() -> None:
    doc = InspectionRecordDoc(
        number="（新北）应急检记〔2026〕7号",
        issued_on=DAY,
        authority=AUTHORITY,
        enterprise=Party("常州市新北区〇号仓储有限公司", "春江镇"),
        inspection_kind="日常检查",
        inspected_on=DAY,
        start_time=time(14, 0),
        end_time=None,
        place="仓库",
        officers=(Officer("张明", "1"), Officer("李华", "2")),
        representative="",
        notes="",
        hazards=(),
    )
    allt = "".join(pages(render_inspection_record(doc)))
    assert "本次检查未发现事故隐患。" in allt
    assert "常州市新北区〇号仓储有限公司" in allt  # 〇 is in the embedded font
    assert "14时00分至" in allt


def test_onsite_decision_states_findings_basis_and_measures(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=3)
        s.get(Hazard, case.hazard_ids[0]).onsite_measures = "责令从危险区域内撤出作业人员"
        s.get(Hazard, case.hazard_ids[2]).onsite_measures = "责令从危险区域内撤出作业人员；责令暂时停产停业"
    out = tmp_path / "decision.pdf"
    issued = print_document(
        DocumentService(db), SYSTEM, DocumentKind.ONSITE_DECISION, case.inspection_id, out
    )
    allt = "".join(pages(out.read_bytes()))
    assert "现场处理措施决定书" in allt and issued.number == "（新北）应急现决〔2026〕1号"
    assert "发现你单位有下列违法违规行为和事故隐患：" in allt
    assert case.hazard_numbers[0] in allt and case.hazard_numbers[2] in allt
    assert case.hazard_numbers[1] not in allt
    assert (
        "依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定，现作出如下现场处理决定：" in allt
    )
    assert "1．责令从危险区域内撤出作业人员（涉及上述第1、2项）；" in allt
    assert "2．责令暂时停产停业（涉及上述第2项）。" in allt
    assert "如果不服本决定，可以依法在60日内向常州市新北区人民政府申请行政复议" in allt
    assert "二〇二六年十一月二十二日" in allt


def _reviewed(db, service: DocumentService):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    order = service.issue_rectification_order(SYSTEM, case.inspection_id)
    with db.transaction() as s:
        people = list(s.scalars(select(Inspector)))
        h1, h2 = (s.get(Hazard, i) for i in case.hazard_ids)
        b.reinspection(s, h1, date(2026, 12, 3), people, opinion="报警器已检定合格")
        b.reinspection(
            s,
            h2,
            date(2026, 12, 3),
            people,
            result="不合格",
            opinion="联锁仍未投用",
            new_deadline=date(2026, 12, 20),
        )
    return case, order


def test_review_opinion_names_the_order_and_is_dated_the_review_day(db, tmp_path: Path) -> None:
    service = DocumentService(db)
    case, order = _reviewed(db, service)
    out = tmp_path / "review.pdf"
    review = print_document(service, SYSTEM, DocumentKind.REVIEW_OPINION, case.hazard_ids[0], out)
    allt = "".join(pages(out.read_bytes()))

    assert "整改复查意见书" in allt
    assert review.number == "（新北）应急复查〔2026〕1号" and review.number in allt
    assert (
        f"本机关于2026年11月22日作出了责令限期整改的决定（{order.number}），"
        "于2026年12月3日对你单位整改情况进行了复查，提出如下意见："
    ) in allt
    assert "1．（指令书第1项）甲类仓库：" in allt
    assert "复查合格。报警器已检定合格。予以销号。" in allt
    assert "复查不合格。联锁仍未投用。责令你单位于2026年12月20日前整改完毕" in allt
    assert "如果不服本意见" in allt  # a new deadline is a decision the enterprise may contest
    assert "二〇二六年十二月三日" in allt
    assert "被复查单位负责人（签收）" in allt


def test_reprint_pdf_is_byte_for_byte_the_same(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    service = DocumentService(db)
    kind = DocumentKind.RECTIFICATION_ORDER
    first = print_document(service, SYSTEM, kind, case.inspection_id, tmp_path / "a.pdf")
    with db.transaction() as s:
        s.get(Hazard, case.hazard_ids[0]).location = "改名后的部位"
    OfficeService(db).update(SYSTEM, phone="0519-99999999")
    second = print_document(service, SYSTEM, kind, case.inspection_id, tmp_path / "b.pdf")
    assert second.number == first.number
    assert pages((tmp_path / "a.pdf").read_bytes()) == pages((tmp_path / "b.pdf").read_bytes())
    assert "改名后的部位" not in "".join(pages((tmp_path / "b.pdf").read_bytes()))


def test_a_changed_office_prints_on_new_documents_only(db, tmp_path: Path) -> None:
    service = DocumentService(db)
    with db.transaction() as s:
        first = b.order_case(s, n_hazards=1)
        second = b.order_case(s, n_hazards=1, n=2)
    kind = DocumentKind.RECTIFICATION_ORDER
    print_document(service, SYSTEM, kind, first.inspection_id, tmp_path / "old.pdf")
    OfficeService(db).update(
        SYSTEM,
        authority="常州市武进区应急管理局",
        prefix="武进",
        region="武进区",
        reconsideration_government="常州市武进区人民政府",
        reconsideration_department="常州市应急管理局",
        court="常州市武进区人民法院",
        address="常州市武进区延政中路",
    )
    print_document(service, SYSTEM, kind, second.inspection_id, tmp_path / "new.pdf")
    print_document(service, SYSTEM, kind, first.inspection_id, tmp_path / "old-again.pdf")
    new = "".join(pages((tmp_path / "new.pdf").read_bytes()))
    old = "".join(pages((tmp_path / "old-again.pdf").read_bytes()))
    assert "常州市武进区应急管理局" in new and "（武进）应急责改〔2026〕2号" in new
    assert "向常州市武进区人民政府或者常州市应急管理局申请行政复议" in new
    assert "向常州市武进区人民法院提起行政诉讼" in new and "新北" not in new.replace("新北区测试", "")
    assert "武进" not in old and "（新北）应急责改〔2026〕1号" in old


def test_delivery_receipt_lists_the_documents_handed_over(db, tmp_path: Path) -> None:
    service = DocumentService(db, clock=lambda: date(2026, 12, 1))  # the delivery day's clock
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
        servers = [i.id for i in s.scalars(select(Inspector))]
    record = service.issue_inspection_record(SYSTEM, case.inspection_id)
    order = service.issue_rectification_order(SYSTEM, case.inspection_id)
    receipt = service.deliver(
        SYSTEM,
        DeliveryInput(
            [record.id, order.id],
            DAY,
            "直接送达",
            "春江镇滨江路1号",
            "赵安全",
            servers,
        ),
    )
    out = tmp_path / "receipt.pdf"
    write_document(service, receipt, out)
    allt = "".join(pages(out.read_bytes()))
    assert receipt.number == "（新北）应急回〔2026〕1号" and receipt.number in allt
    for text in ("文书送达回执", "案件名称", "受送达单位（个人）", "送达文书名称及文号", "收件人签名或盖章"):
        assert text in allt
    assert record.number in allt and order.number in allt
    assert "2026年11月22日" in allt and "直接送达" in allt and "收件人：赵安全" in allt
    assert "张明（执法证号：32041100123）" in allt


def test_photo_appendix_adds_a_page_with_captions(db) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2, with_photos=True)
    service = DocumentService(db)
    issued = service.issue_rectification_order(SYSTEM, case.inspection_id)
    plain = pages(render(issued.content))
    with_photos_data = render(issued.content, service.photo_bytes(issued.content))
    with_photos = pages(with_photos_data)
    assert len(with_photos) == len(plain) + 1
    assert "附件：隐患照片" in with_photos[-1]
    assert f"1．{case.hazard_numbers[0]}整改前：现场照片" in with_photos[-1]
    assert len(PdfReader(io.BytesIO(with_photos_data)).pages[-1].images) == 2


def test_font_is_embedded_as_a_truetype_subset(db) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
    issued = DocumentService(db).issue_rectification_order(SYSTEM, case.inspection_id)
    reader = PdfReader(io.BytesIO(render(issued.content)))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [
        f.get_object()["/FontDescriptor"].get_object()
        for f in fonts.values()
        if "/FontDescriptor" in f.get_object()
    ]
    assert descriptors and all("/FontFile2" in d for d in descriptors)  # embedded TrueType, no CID STSong
    assert all("STSong" not in str(f.get_object()["/BaseFont"]) for f in fonts.values())


def test_print_cli_issues_and_writes_the_file(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=1)
    services = Services.on(db)
    out = tmp_path / "sub" / "order.pdf"
    issued = print_cli(services, "order", case.inspection_id, out)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert issued.number in "".join(pages(out.read_bytes()))
    assert print_cli(services, "order", case.inspection_id, tmp_path / "again.pdf").number == issued.number
    assert print_cli(services, "document", issued.id, tmp_path / "by-id.pdf").number == issued.number
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["order.pdf"]  # no temp file left
    with pytest.raises(DomainError):
        print_cli(services, "notice", case.inspection_id, tmp_path / "x.pdf")


def test_a_hazard_longer_than_a_page_still_prints_in_full() -> None:
    long_text = "".join(f"第{i}条：储罐区防火堤内积水未排除，排水阀常开。" for i in range(1, 80))
    doc = RectificationOrderDoc(
        number="（新北）应急责改〔2026〕9号",
        issued_on=DAY,
        authority=AUTHORITY,
        enterprise=Party("常州市新北区测试化工有限公司"),
        inspected_on=DAY,
        officers=(Officer("张明", "1"), Officer("李华", "2")),
        hazards=(HazardItem("YH2026-000001", "储罐区", long_text, deadline=date(2026, 12, 1)),),
        deadline=date(2026, 12, 1),
    )
    allt = "".join(pages(render_rectification_order(doc)))
    assert "第1条：" in allt and "第79条：" in allt


def test_review_appendix_shows_before_and_after(db) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2, with_photos=True)
    service = DocumentService(db)
    service.issue_rectification_order(SYSTEM, case.inspection_id)
    with db.transaction() as s:
        people = list(s.scalars(select(Inspector)))
        h1 = s.get(Hazard, case.hazard_ids[0])
        b.photo(s, h1, "整改后", b.png((40, 160, 60)), caption="已更换防爆灯具")
        b.reinspection(s, h1, date(2026, 12, 3), people)
    review = service.issue_review_opinion(SYSTEM, case.hazard_ids[0])
    data = render(review.content, service.photo_bytes(review.content))
    last = pages(data)[-1]
    assert "附件：整改前后照片" in last
    assert f"1．{case.hazard_numbers[0]}整改前：现场照片" in last
    assert f"1．{case.hazard_numbers[0]}整改后：已更换防爆灯具" in last
    assert len(PdfReader(io.BytesIO(data)).pages[-1].images) == 2
