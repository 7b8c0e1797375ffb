"""The shipped criteria load item by item, with their numbers, texts and verification status."""

from __future__ import annotations

import tomllib

import pytest

from inspector.core.checklists.loading import (
    FILE_CATEGORIES,
    chinese_number,
    criteria_path,
    parse_criteria,
    shipped_checklists,
)
from inspector.core.checklists.model import VERIFICATION_LABELS, Verification
from inspector.core.enums import CategoryKind


def _raw_items() -> list[tuple[str, str, str, str]]:
    """(code, number, text, status) of every item in the file, read independently of the loader."""
    data = tomllib.loads(criteria_path().read_text(encoding="utf-8"))
    out = []
    for std in data["standard"]:
        for n, text in enumerate(std.get("items", []), start=1):
            out.append((std["code"], f"第{chinese_number(n)}项", text, std["status"]))
        for art in std.get("article", []):
            art_status = art.get("status", std.get("status", "unverified"))
            if "text" in art:
                out.append((std["code"], art["article"], art["text"], art_status))
            for it in art.get("items", []):
                out.append((std["code"], art["article"] + it["no"], it["text"], it.get("status", art_status)))
    return out


def test_every_shipped_item_loads_with_its_number_text_and_status() -> None:
    loaded = [(c.code, i.number, i.content, i.status.value) for c in shipped_checklists() for i in c.items]
    assert loaded == _raw_items()
    assert len(loaded) == 20 + 3 + 10 + 1


def test_the_file_ships_in_resources() -> None:
    assert criteria_path().parts[-2:] == ("checklists", "major-hazard-criteria.toml")


def test_numbers_titles_and_basis() -> None:
    by_code = {c.code: c for c in shipped_checklists()}
    gm = by_code["GM-2023"]
    assert (
        gm.number == "应急管理部令第10号"
        and gm.in_force is not None
        and gm.in_force.isoformat() == "2023-05-15"
    )
    item = next(i for i in gm.items if i.number == "第十一条（三）")
    assert item.basis == "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项"
    assert item.major and item.status is Verification.MIRROR
    assert item.applies_to == frozenset({CategoryKind.DUST})
    art14 = next(i for i in gm.items if i.article == "第十四条")
    assert art14.number == "第十四条" and art14.applies_to == frozenset(CategoryKind)
    hg = by_code["HG-2017"]
    assert [i.number for i in hg.items][:2] == ["第一项", "第二项"] and hg.items[-1].number == "第二十项"
    assert hg.in_force is None  # the file gives none: not invented
    assert all(i.status is Verification.VERBATIM for i in hg.items)


def test_unverified_text_is_never_shown_as_official() -> None:
    by_code = {c.code: c for c in shipped_checklists()}
    assert VERIFICATION_LABELS[Verification.UNVERIFIED] == "待核实"
    assert by_code["RQ-2023"].items == () and by_code["RQ-2023"].label.endswith("（待核实）")
    assert by_code["GM-2023"].label.endswith("（部分条目待核实）")
    assert not by_code["HG-2017"].label.endswith("待核实）")
    unverified = [i for c in shipped_checklists() for i in c.items if not i.verified]
    assert {i.number for i in unverified} == {"第三条（三）", "第十一条（十）"}
    assert all(i.status_label == "待核实" for i in unverified)


def test_file_categories_map_onto_the_programs() -> None:
    assert FILE_CATEGORIES["危险化学品生产"] == {CategoryKind.CHEM_PRODUCTION}
    assert FILE_CATEGORIES["all"] == frozenset(CategoryKind)
    hg = shipped_checklists()[0]
    assert hg.applies_to == {
        CategoryKind.CHEM_PRODUCTION,
        CategoryKind.CHEM_TRADING,
        CategoryKind.CHEM_USE,
        CategoryKind.CHEM_STORAGE,
    }


def test_a_malformed_file_is_refused() -> None:
    bad = '[[standard]]\ncode = "X"\ntitle = "t"\napplies_to = ["化工"]\nitems = ["a"]\n'
    with pytest.raises(ValueError, match="unknown category"):
        parse_criteria(bad)
    with pytest.raises(ValueError, match="unknown status"):
        parse_criteria('[[standard]]\ncode = "X"\ntitle = "t"\napplies_to = ["all"]\nstatus = "ok"\n')


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 14, 20, 21, 99)] == [
        "一",
        "十",
        "十一",
        "十四",
        "二十",
        "二十一",
        "九十九",
    ]
