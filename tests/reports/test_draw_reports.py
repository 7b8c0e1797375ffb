"""The draw's printed result list (PDF, internal) and its 一公开 workbook (published)."""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from inspector.core.context import Services
from inspector.core.draws import DrawRequest
from inspector.db.engine import Database
from inspector.reports.draws import draw_pdf, print_draw, publish
from tests.core.draw_cases import DAY, office, visit


def _text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def test_result_list_names_every_enterprise_with_both_inspectors_and_certificates(
    db: Database, tmp_path: Path
) -> None:
    svc = Services.on(db, clock=lambda: DAY)
    o = office(svc, enterprises=30)
    result = svc.draws.draw(o.boss, DrawRequest(seed="20261122-0930", percent="60", title="四季度双随机抽查"))
    out = print_draw(svc, result.id, tmp_path / "抽取结果.pdf")
    text = _text(out.read_bytes())
    assert len(PdfReader(out).pages) == 2
    for fact in (
        "常州市新北区应急管理局",
        "双随机抽查结果",
        f"抽取编号：{result.id}",
        "四季度双随机抽查",
        "随机数种子：20261122-0930",
        "按60%抽取（向上取整）18家",
        "企业库30家",
        "检查人员库6名",
        "2026年11月22日",
        "抽取人：赵科长",
        result.digest,
        "监督人（签名）",
        "第1页共2页",
    ):
        assert fact in text, fact
    for e in result.entries:  # names wrap inside their cells; codes and 执法证号 never break
        assert e.credit_code in text
        assert e.inspector1_certificate in text and e.inspector2_certificate in text
    assert (
        draw_pdf(svc.draws.get(result.id), "常州市新北区应急管理局") == out.read_bytes()
    )  # reprint identical


def test_public_workbook_lists_outcomes_and_publishes_no_certificate(db: Database, tmp_path: Path) -> None:
    svc = Services.on(db, clock=lambda: DAY)
    o = office(svc, enterprises=5)
    result = svc.draws.draw(o.boss, DrawRequest(seed="gk", count=3))
    first, second, _third = result.entries
    visit(svc.db, first.enterprise_id, DAY.replace(day=24), o.certified[:2], ["已销号"])
    visit(svc.db, second.enterprise_id, DAY.replace(day=25), o.certified[:2], ["待整改", "已销号"])
    out = tmp_path / "公示.xlsx"
    assert publish(svc, result.id, out) == 3
    ws = load_workbook(out)["抽查结果公示"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "常州市新北区应急管理局双随机抽查结果公示"
    assert (
        "随机数种子：gk" in rows[2][0] and "抽查对象库：5家" in rows[2][0] and "抽取企业：3家" in rows[2][0]
    )
    assert rows[3] == ("序号", "企业名称", "统一社会信用代码", "属地", "检查人员", "检查日期", "检查结果")
    body = rows[4:7]
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in body] == [
        (e.position, e.enterprise_name, e.credit_code, e.jurisdiction, e.inspectors) for e in result.entries
    ]
    assert [(r[5], r[6]) for r in body] == [
        (datetime(2026, 11, 24), "发现问题已整改完毕"),
        (datetime(2026, 11, 25), "发现问题已责令整改"),
        (None, "尚未检查"),
    ]
    everything = " ".join(str(v) for r in rows for v in r if v is not None)
    assert not any(cert in everything for cert in ("32041120001", "3204112000"))
    assert ws.print_title_rows == "$4:$4" and ws.page_setup.orientation == "landscape"
    assert ws.freeze_panes == "A5" and ws.auto_filter.ref == "A4:G7"
    assert ws.column_dimensions["B"].width >= 30
