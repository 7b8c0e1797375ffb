"""`inspector plan list` and `inspector campaign …` print what the services count."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector.__main__ import main
from inspector.core.audit import SYSTEM
from inspector.core.campaigns import CampaignInput
from inspector.core.context import Services
from inspector.core.plans import PlanInput, PlanItemInput
from inspector.core.targets import TargetSet
from inspector.db.engine import Database
from tests.factories import enterprise_input


def test_plan_and_campaign_lines(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    services = Services.on(sqlite_db)
    today = date.today()
    dust = [
        services.enterprises.create(
            SYSTEM,
            enterprise_input(n, categories=["涉爆粉尘"], dust_kind="木粉", dust_workers=8, jurisdiction=town),
        )
        for n, town in ((1, "罗溪镇"), (2, "罗溪镇"), (3, "春江镇"))
    ]
    services.plans.create(
        SYSTEM,
        PlanInput(
            year=today.year,
            title="年度监督检查计划",
            unit="执法大队",
            items=[PlanItemInput(title="粉尘企业检查", target=TargetSet(categories=("涉爆粉尘",)), cap=3)],
        ),
    )
    cid = services.campaigns.create(
        SYSTEM,
        CampaignInput(
            title="粉尘全覆盖",
            target=TargetSet(categories=("涉爆粉尘",)),
            starts_on=today - timedelta(days=10),
            deadline=today + timedelta(days=10),
        ),
    )
    url = str(sqlite_db.url)
    assert main(["--db", url, "plan", "list"]) == 0
    out = capsys.readouterr().out
    assert f"] {today.year}年 年度监督检查计划（执法大队）" in out
    assert "1. 粉尘企业检查｜重点检查｜涉爆粉尘；在产｜每年1次，上限3次｜全年｜完成 0/3（0%），检查0次" in out

    assert main(["--db", url, "campaign", "coverage", str(cid), "--missing"]) == 0
    out = capsys.readouterr().out
    assert f"[{cid}] 粉尘全覆盖｜" in out and "已覆盖 0/3（0%）｜未检查3" in out
    assert "  春江镇：已覆盖 0/1，未检查 1" in out and "  罗溪镇：已覆盖 0/2，未检查 2" in out
    assert out.count("  未检查｜常州市新北区测试化工有限公司") == len(dust)

    book = tmp_path / "覆盖情况"
    assert main(["--db", url, "campaign", "coverage", str(cid), "-o", str(book)]) == 0
    assert f"已写入 {book}.xlsx" in capsys.readouterr().out
    sheet = load_workbook(f"{book}.xlsx", read_only=True).worksheets[1]  # 汇总, then the list
    names = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    assert sum("常州市新北区测试化工有限公司" in v for v in names) == len(dust)
