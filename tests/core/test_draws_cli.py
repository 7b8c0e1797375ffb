"""`inspector draw …` on a real database file: one line per drawn enterprise, the same seed the same list."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector.__main__ import main
from inspector.core.context import Services
from inspector.db.engine import Database
from tests.core.draw_cases import office


def test_draw_prints_one_line_per_enterprise_and_the_same_seed_repeats_it(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office(Services.on(sqlite_db), enterprises=12)
    db = ["--db", sqlite_db.url]
    assert main([*db, "draw", "--percent", "30", "--seed", "20261122"]) == 0
    first = capsys.readouterr().out.splitlines()
    lines = first[:-2]
    assert len(lines) == 4  # 30 % of 12 = 3.6, rounded up
    for n, line in enumerate(lines, 1):
        position, name, code, _town, people = line.split("\t")
        assert int(position) == n and name.startswith("常州市新北区测试化工有限公司") and len(code) == 18
        one, two = people.split("、")
        assert one != two and "李无证" not in people and "陈离岗" not in people
    assert first[-2].startswith("已保存抽取记录ID：1；") and "企业库12家" in first[-2]
    assert main([*db, "draw", "--percent", "30", "--seed", "20261122"]) == 0
    second = capsys.readouterr().out.splitlines()
    assert second[:-2] == lines and second[-1] == first[-1]  # same entries, same digest
    assert second[-2].startswith("已保存抽取记录ID：2；")

    assert (
        main([*db, "draw", "--count", "2", "--seed", "x", "--town", "罗溪镇", "--category", "涉爆粉尘"]) == 0
    )
    towns = {line.split("\t")[3] for line in capsys.readouterr().out.splitlines()[:-2]}
    assert towns == {"罗溪镇"}

    assert main([*db, "draw", "list"]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["3", "2", "1"]
    assert main([*db, "draw", "show", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[:-2] == lines
    assert main([*db, "draw", "verify", "1"]) == 0
    assert "校验通过" in capsys.readouterr().out
    out = tmp_path / "公示.xlsx"
    assert main([*db, "draw", "publish", "1", "-o", str(out)]) == 0
    assert "4家企业" in capsys.readouterr().out
    ws = load_workbook(out).active
    assert ws is not None and [r[1] for r in ws.iter_rows(min_row=5, max_row=8, values_only=True)] == [
        line.split("\t")[1] for line in lines
    ]
    pdf = tmp_path / "结果.pdf"
    assert main([*db, "draw", "print", "1", "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_refusals(sqlite_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    office(Services.on(sqlite_db), enterprises=3)
    db = ["--db", sqlite_db.url]
    assert main([*db, "draw", "--count", "4", "--seed", "s"]) == 1
    assert "抽取数量（4家）超过抽取范围内的企业数（3家）" in capsys.readouterr().err
    assert main([*db, "draw", "--seed", "s"]) == 2
    assert main([*db, "draw", "--pool", "1", "--town", "春江镇", "--count", "1"]) == 2
    assert "--pool 不能与" in capsys.readouterr().err
    assert main([*db, "draw", "verify", "9"]) == 1
    assert "未找到抽取记录" in capsys.readouterr().err
