"""The PDFs say what the law needs: read the text back from each page with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.documents import (
    Authority,
    DocumentService,
    HazardItem,
    InspectionRecordDoc,
    Officer,
    Party,
)
from inspector.core.enums import DocumentKind
from inspector.core.errors import DomainError
from inspector.db.models import Hazard, Inspector
from inspector.reports.documents import print_cli, print_document, render, render_inspection_record
from inspector.reports.pdf import chinese_date
from tests.reports import builders as b

DAY = date(2026, 11, 22)


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


def test_order_pdf_has_number_enterprise_hazards_deadline_and_rights(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=3)
    out = tmp_path / "order.pdf"
    issued = print_document(
        DocumentService(db), SYSTEM, DocumentKind.RECTIFICATION_ORDER, case.inspection_id, out, issued_on=DAY
    )
    text = pages(out.read_bytes())
    allt = "".join(text)

    assert "责令限期整改指令书" in text[0]
    assert "常州市新北区应急管理局" in text[0]
    assert issued.number == "（新北）应急责改〔2026〕1号"
    assert issued.number in text[0]
    assert "常州市新北区测试化工有限公司1：" in text[0]
    assert "经查，你单位存在下列问题：" in text[0]
    for header in ("序号", "隐患部位", "隐患描述", "依据", "整改期限"):
        assert header in text[0]
    for i, (number, description) in enumerate(
        zip(case.hazard_numbers, [d for _, d, _ in b.LONG_DESCRIPTIONS], strict=False), 1
    ):
        assert number in allt
        assert squash(f"{description}（第{i}处）") in allt
    assert "2026-12-01" in allt and "2026-12-03" in allt
    assert "责令你单位于2026年12月3日前整改完毕" in allt
    assert "《中华人民共和国安全生产法》第六十五条" in allt
    assert "本机关将进行复查" in allt
    assert "60日内向常州市新北区人民政府申请行政复议" in allt
    assert "6个月内依法向常州市新北区人民法院提起行政诉讼" in allt
    assert "本指令不停止执行" in allt
    assert "安全生产监管执法人员（签名）" in allt
    assert "32041100123" in allt and "32041100456" in allt
    assert "（印章）" in allt
    assert "二〇二六年十一月二十二日" in allt
    assert "被检查单位负责人（签收）" in allt
    assert "【重大事故隐患】" in allt
    n = len(text)
    for i, page in enumerate(text, 1):
        assert f"第{i}页共{n}页" in page


def test_long_order_flows_over_pages_with_the_header_repeated(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=30)
    out = tmp_path / "long.pdf"
    print_document(
        DocumentService(db), SYSTEM, DocumentKind.RECTIFICATION_ORDER, case.inspection_id, out, issued_on=DAY
    )
    text = pages(out.read_bytes())
    n = len(text)

    assert n >= 2
    assert f"第1页共{n}页" in text[0]
    assert f"第2页共{n}页" in text[1]
    assert "序号隐患部位隐患描述依据整改期限" in text[1]  # the header row repeats
    allt = "".join(text)
    for i, number in enumerate(case.hazard_numbers, 1):
        assert number in allt
        assert f"（第{i}处）" in allt
    on_page_2 = [num for num in case.hazard_numbers if num in text[1]]
    assert on_page_2, "page 2 continues the list of hazards"
    assert "（新北）应急责改〔2026〕1号" in text[0]
    assert "责令你单位于2026年12月28日前整改完毕" in allt  # the latest of the 30 deadlines
    assert "（印章）" in text[-1]


def test_record_pdf_lists_the_visit_and_every_hazard(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
        people = list(s.scalars(select(Inspector)))
        ent = s.get(Hazard, case.hazard_ids[0]).enterprise
        spot = b.hazard(
            s,
            ent,
            DAY,
            insp=s.get(Hazard, case.hazard_ids[0]).inspection,
            on_spot=True,
            state="已销号",
            closed_on=DAY,
            location="楼梯间",
            description="疏散通道堆放纸箱",
        )
        assert people
    out = tmp_path / "record.pdf"
    issued = print_document(
        DocumentService(db), SYSTEM, DocumentKind.INSPECTION_RECORD, case.inspection_id, out
    )
    allt = "".join(pages(out.read_bytes()))

    assert "现场检查记录" in allt
    assert issued.number == "（新北）应急检记〔2026〕1号"
    assert issued.number in allt
    for label in (
        "被检查单位：",
        "地址：",
        "法定代表人（主要负责人）：",
        "联系电话：",
        "检查场所：",
        "检查时间：",
        "检查人员：",
        "企业现场负责人：",
        "检查情况：",
    ):
        assert label in allt
    assert "常州市新北区春江镇滨江路1号" in allt
    assert "0519-85123456" in allt
    assert "2026年11月22日09时30分至11时45分" in allt
    assert "张明（执法证号：32041100123）" in allt
    assert "赵安全" in allt
    assert "重点检查了危险化学品储存" in allt
    assert "检查发现以下事故隐患（共3项）" in allt
    assert squash(b.LONG_DESCRIPTIONS[0][1]) in allt
    assert "疏散通道堆放纸箱。已当场整改完毕。" in allt
    assert spot.rectified_on_spot
    assert "检查人员（签名）" in allt
    assert "被检查单位现场负责人（签名）" in allt
    assert "二〇二六年十一月二十二日" in allt


def test_record_without_hazards_says_none_were_found() -> None:
    doc = InspectionRecordDoc(
        number="（新北）应急检记〔2026〕7号",
        issued_on=DAY,
        authority=Authority("常州市新北区应急管理局", "常州市新北区人民政府", "常州市新北区人民法院"),
        enterprise=Party("常州市新北区〇号仓储有限公司", "春江镇"),
        inspection_kind="日常检查",
        inspected_on=DAY,
        start_time=time(14, 0),
        end_time=None,
        place="仓库",
        officers=(Officer("张明", "1"),),
        representative="",
        notes="",
        hazards=(),
    )
    allt = "".join(pages(render_inspection_record(doc)))
    assert "本次检查未发现事故隐患。" in allt
    assert "常州市新北区〇号仓储有限公司" in allt  # 〇 is in the embedded font
    assert "14时00分至" in allt


def test_review_pdf_refers_to_the_order_number_and_date(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    service = DocumentService(db)
    order = service.issue_rectification_order(SYSTEM, case.inspection_id, DAY)
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
    out = tmp_path / "review.pdf"
    review = print_document(
        service, SYSTEM, DocumentKind.REVIEW_OPINION, case.hazard_ids[0], out, issued_on=date(2026, 12, 4)
    )
    allt = "".join(pages(out.read_bytes()))

    assert "整改复查意见书" in allt
    assert review.number == "（新北）应急复查〔2026〕1号" and review.number in allt
    assert f"本机关于2026年11月22日作出了{order.number}《责令限期整改指令书》" in allt
    assert "提出如下意见：" in allt
    assert case.hazard_numbers[0] in allt and case.hazard_numbers[1] in allt
    assert "合格" in allt and "不合格" in allt
    assert "报警器已检定合格" in allt and "联锁仍未投用" in allt
    assert "第1项隐患整改合格，予以销号" in allt
    assert "第2项隐患整改不合格，责令你单位于2026年12月20日前继续整改完毕" in allt
    assert "二〇二六年十二月四日" in allt
    assert "被复查单位负责人（签收）" in allt


def test_reprint_pdf_shows_the_same_number_and_text(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
    service = DocumentService(db)
    first = print_document(
        service,
        SYSTEM,
        DocumentKind.RECTIFICATION_ORDER,
        case.inspection_id,
        tmp_path / "a.pdf",
        issued_on=DAY,
    )
    with db.transaction() as s:
        s.get(Hazard, case.hazard_ids[0]).location = "改名后的部位"
    second = print_document(
        service, SYSTEM, DocumentKind.RECTIFICATION_ORDER, case.inspection_id, tmp_path / "b.pdf"
    )
    assert second.number == first.number
    assert pages((tmp_path / "a.pdf").read_bytes()) == pages((tmp_path / "b.pdf").read_bytes())
    assert "改名后的部位" not in "".join(pages((tmp_path / "b.pdf").read_bytes()))


def test_photo_appendix_adds_a_page_with_captions(db) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2, with_photos=True)
    service = DocumentService(db)
    issued = service.issue_rectification_order(SYSTEM, case.inspection_id, DAY)
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
    issued = DocumentService(db).issue_rectification_order(SYSTEM, case.inspection_id, DAY)
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
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["order.pdf"]  # no temp file left
    with pytest.raises(DomainError):
        print_cli(services, "notice", case.inspection_id, tmp_path / "x.pdf")


def test_a_hazard_longer_than_a_page_still_prints_in_full() -> None:
    from inspector.core.documents import RectificationOrderDoc
    from inspector.reports.documents import render_rectification_order

    long_text = "".join(f"第{i}条：储罐区防火堤内积水未排除，排水阀常开。" for i in range(1, 80))
    doc = RectificationOrderDoc(
        number="（新北）应急责改〔2026〕9号",
        issued_on=DAY,
        authority=Authority("常州市新北区应急管理局", "常州市新北区人民政府", "常州市新北区人民法院"),
        enterprise=Party("常州市新北区测试化工有限公司"),
        inspected_on=DAY,
        officers=(Officer("张明", "1"),),
        hazards=(HazardItem("YH2026-000001", "储罐区", long_text, deadline=date(2026, 12, 1)),),
        deadline=date(2026, 12, 1),
    )
    allt = "".join(pages(render_rectification_order(doc)))
    assert "第1条：" in allt and "第79条：" in allt


def test_review_appendix_shows_before_and_after(db) -> None:
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2, with_photos=True)
    service = DocumentService(db)
    service.issue_rectification_order(SYSTEM, case.inspection_id, DAY)
    with db.transaction() as s:
        people = list(s.scalars(select(Inspector)))
        h1 = s.get(Hazard, case.hazard_ids[0])
        b.photo(s, h1, "整改后", b.png((40, 160, 60)), caption="已更换防爆灯具")
        b.reinspection(s, h1, date(2026, 12, 3), people)
    review = service.issue_review_opinion(SYSTEM, case.hazard_ids[0], date(2026, 12, 4))
    data = render(review.content, service.photo_bytes(review.content))
    last = pages(data)[-1]
    assert "附件：整改前后照片" in last
    assert f"1．{case.hazard_numbers[0]}整改前：现场照片" in last
    assert f"1．{case.hazard_numbers[0]}整改后：已更换防爆灯具" in last
    assert len(PdfReader(io.BytesIO(data)).pages[-1].images) == 2
