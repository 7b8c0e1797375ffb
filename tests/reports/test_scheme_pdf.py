"""The printed 现场检查方案: every field of the form, the number once approved, the same bytes on a
reprint, and a draft that says it is one and carries no number."""

from __future__ import annotations

from pathlib import Path

from inspector.core.enums import SchemeState
from inspector.core.schemes import SchemeDecision
from inspector.reports.documents import print_scheme
from tests.core.test_schemes import Office, form, office  # noqa: F401  # the office fixture
from tests.reports.test_document_pdfs import pages


def test_an_approved_scheme_prints_every_field_and_reprints_identically(
    office: Office,  # noqa: F811  # the fixture imported above
    tmp_path: Path,
) -> None:
    o = office
    sid = o.s.schemes.create(o.zhang, form(o, remarks="请携带执法记录仪。"))
    o.s.schemes.submit(o.zhang, sid)
    o.s.schemes.review(o.zhao, sid, SchemeDecision(True, "内容完整，同意。"))
    o.s.schemes.approve(o.qian, sid, SchemeDecision(True, "同意按此方案实施检查。"))
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    content = print_scheme(o.s, o.zhang, sid, first)
    print_scheme(o.s, o.zhang, sid, second)
    assert first.read_bytes() == second.read_bytes()
    (text,) = pages(first.read_bytes())
    assert content.number == "（新北）应急检查〔2026〕1号"
    for expected in (
        "现场检查方案",
        content.number,
        "被检查单位常州市新北区测试化工有限公司1",
        "地址常州市新北区春江镇滨江路1号",
        "联系人王建国0519-85123456",
        "所属行业化学原料和化学制品制造业",
        "检查时间2026年3月5日",
        "张明执法证号：32041100001",
        "李强执法证号：32041100002",
        "检查方式现场检查、查阅资料、询问有关人员",
        "审核意见内容完整，同意。审核人：赵科长签名：2026年3月2日",
        "审批意见同意按此方案实施检查。审批人：钱科长签名：2026年3月2日",
        "备注请携带执法记录仪。",
    ):
        assert expected in text, expected
    assert "草稿" not in text


def test_a_draft_prints_marked_and_unnumbered(office: Office, tmp_path: Path) -> None:  # noqa: F811
    o = office
    sid = o.s.schemes.create(o.zhang, form(o))
    out = tmp_path / "draft.pdf"
    content = print_scheme(o.s, o.zhang, sid, out)
    assert content.draft and content.number == "" and content.state == SchemeState.DRAFT
    (text,) = pages(out.read_bytes())
    assert "草稿（未经审批，不编号，不得作为执法依据）" in text
    assert "应急检查〔" not in text
    assert "审核人：" in text and "审批人：" in text
    assert o.s.schemes.get(sid).document_id is None  # printing a draft issues nothing
