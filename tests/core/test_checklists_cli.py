"""`inspector checklists list | export | import` on a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.__main__ import main
from inspector.db.engine import Database
from tests.factories import write_xlsx


def test_list_export_import_round_trip(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", sqlite_db.url]
    assert main([*db, "checklists", "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in out] == ["HG-2017", "GM-2023", "RQ-2023"]
    assert "其中2项待核实" in out[1] and "（待核实）" in out[2]

    sheet = write_xlsx(
        tmp_path / "in.xlsx",
        [
            ["类别", "检查内容", "检查依据", "是否重大隐患判定项"],
            ["现场管理", "除尘器定期清灰", "某规定第十条", "是"],
        ],
    )
    assert main([*db, "checklists", "import", str(sheet), "--name", "粉尘自查表"]) == 0
    assert "已导入检查表 JG-1 第1版：粉尘自查表（1项）" in capsys.readouterr().out
    exported = tmp_path / "out.xlsx"
    assert main([*db, "checklists", "export", "JG-1", "-o", str(exported)]) == 0
    assert main([*db, "checklists", "import", str(exported), "--into", "JG-1"]) == 0
    assert "JG-1 第1版" in capsys.readouterr().out  # the same content: no new version
    assert main([*db, "checklists", "export", "JG-1", "--version", "2", "-o", str(exported)]) == 1
    assert "没有第2版" in capsys.readouterr().err


def test_a_bad_file_lists_its_rows(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_xlsx(
        tmp_path / "bad.xlsx", [["检查内容", "是否重大隐患判定项"], ["", "是"], ["有内容", "大概"]]
    )
    assert main(["--db", sqlite_db.url, "checklists", "import", str(sheet), "--name", "表"]) == 1
    err = capsys.readouterr().err
    assert "第2行 检查内容：检查内容不能为空" in err and "第3行 是否重大隐患判定项" in err
    assert main(["--db", sqlite_db.url, "checklists", "list"]) == 0
    assert "JG-" not in capsys.readouterr().out


def test_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["checklists", "export", "--help"])
    assert "检查表编号" in capsys.readouterr().out
