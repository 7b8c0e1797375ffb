"""The shipped criteria (resources/checklists/*.toml) as ``Checklist`` values.

The file is the criteria as data, each text with how far it was verified. Its wording of the
supervision categories (危险化学品生产, 涉爆粉尘 …, "all") is mapped onto ``CategoryKind``; an item
without a status of its own takes its article's, then its standard's, else it is 待核实 — so
nothing is ever presented as official by omission. A standard without articles (the 20 items of
安监总管三〔2017〕121号) numbers its items 第一项 … 第二十项 in the file's order.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from inspector.core.checklists.model import (
    ALL_CATEGORIES,
    Checklist,
    ChecklistItem,
    ChecklistSource,
    Verification,
)
from inspector.core.enums import CategoryKind
from inspector.paths import resource

CRITERIA_FILE = "major-hazard-criteria.toml"

# The file's words for the 监管类别 → the program's.
FILE_CATEGORIES: dict[str, frozenset[CategoryKind]] = {
    "all": ALL_CATEGORIES,
    "危险化学品生产": frozenset({CategoryKind.CHEM_PRODUCTION}),
    "危险化学品经营": frozenset({CategoryKind.CHEM_TRADING}),
    "危险化学品使用": frozenset({CategoryKind.CHEM_USE}),
    "危险化学品储存": frozenset({CategoryKind.CHEM_STORAGE}),
    "涉爆粉尘": frozenset({CategoryKind.DUST}),
    "燃气": frozenset({CategoryKind.GAS}),
    "涉氨制冷": frozenset({CategoryKind.AMMONIA}),
    "其他易燃易爆气体": frozenset({CategoryKind.OTHER_GAS}),
}

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 99 → 九十九 (item numbers of the standards)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def criteria_path() -> Path:
    return resource("checklists", CRITERIA_FILE)


def _categories(values: object, where: str) -> frozenset[CategoryKind]:
    if not isinstance(values, list) or not values:
        raise ValueError(f"{where}: applies_to must be a non-empty list")
    out: set[CategoryKind] = set()
    for v in values:
        if v not in FILE_CATEGORIES:
            raise ValueError(f"{where}: unknown category {v!r}")
        out |= FILE_CATEGORIES[v]
    return frozenset(out)


def _status(value: object, fallback: Verification, where: str) -> Verification:
    if value is None:
        return fallback
    try:
        status = Verification(str(value))
    except ValueError:
        raise ValueError(f"{where}: unknown status {value!r}") from None
    if status is Verification.OFFICE:
        raise ValueError(f"{where}: a standard's text cannot have status 'office'")
    return status


def citation(title: str, number: str) -> str:
    return f"《{title}》（{number}）" if number else f"《{title}》"


def _weakest(statuses: list[Verification]) -> Verification:
    order = [Verification.UNVERIFIED, Verification.MIRROR, Verification.VERBATIM]
    return min(statuses, key=order.index) if statuses else Verification.UNVERIFIED


def _standard(raw: Mapping[str, Any]) -> Checklist:
    code = str(raw["code"])
    title = str(raw["title"])
    number = str(raw.get("number", ""))
    cite = citation(title, number)
    own_status = raw.get("status")
    std_status = _status(own_status, Verification.UNVERIFIED, code)
    std_categories = _categories(raw["applies_to"], code) if "applies_to" in raw else None
    items: list[ChecklistItem] = []

    def add(article: str, item_no: str, number_text: str, basis_tail: str, **kw: Any) -> None:
        items.append(
            ChecklistItem(
                position=len(items) + 1,
                number=number_text,
                article=article,
                item_no=item_no,
                category="",
                basis=cite + basis_tail,
                major=True,  # every item of a 判定标准 is a 重大事故隐患 criterion
                **kw,
            )
        )

    for n, text in enumerate(raw.get("items", []), start=1):
        if std_categories is None:
            raise ValueError(f"{code}: items without applies_to")
        no = f"第{chinese_number(n)}项"
        add("", no, no, no, content=str(text), status=std_status, applies_to=std_categories)
    for art in raw.get("article", []):
        article = str(art["article"])
        where = f"{code} {article}"
        art_categories = _categories(art["applies_to"], where) if "applies_to" in art else std_categories
        if art_categories is None:
            raise ValueError(f"{where}: no applies_to")
        art_status = _status(art.get("status"), std_status, where)
        if "text" in art:  # an article that is one item (第十四条)
            add(
                article,
                "",
                article,
                article,
                content=str(art["text"]),
                status=art_status,
                applies_to=art_categories,
            )
        for it in art.get("items", []):
            item_no = str(it["no"])
            add(
                article,
                item_no,
                article + item_no,
                f"{article}第{item_no}项",
                content=str(it["text"]),
                status=_status(it.get("status"), art_status, f"{where}{item_no}"),
                applies_to=art_categories,
            )
    categories = std_categories or frozenset().union(*(i.applies_to for i in items))
    in_force = raw.get("in_force")
    return Checklist(
        code=code,
        source=ChecklistSource.STANDARD,
        title=title,
        number=number,
        in_force=date.fromisoformat(str(in_force)) if in_force else None,
        status=std_status if own_status is not None else _weakest([i.status for i in items]),
        applies_to=categories or ALL_CATEGORIES,
        items=tuple(items),
        note=str(raw.get("note", "")),
    )


def parse_criteria(text: str) -> tuple[Checklist, ...]:
    """Every standard of a criteria file, in the file's order; a malformed file is a ValueError."""
    data = tomllib.loads(text)
    standards = tuple(_standard(s) for s in data.get("standard", []))
    codes = [s.code for s in standards]
    if len(set(codes)) != len(codes):
        raise ValueError("duplicate standard code")
    return standards


@cache
def shipped_checklists() -> tuple[Checklist, ...]:
    """The criteria shipped with the program (read once)."""
    return parse_criteria(criteria_path().read_text(encoding="utf-8"))
