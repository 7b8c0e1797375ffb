"""What a checklist is, whichever its source: a published standard shipped with the program or an
office's own check sheet. Plain frozen data, no database, no Qt."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from inspector.core.enums import CategoryKind
from inspector.i18n import QT_TRANSLATE_NOOP, say


class Verification(StrEnum):
    """How far an item's text was verified (resources/checklists/major-hazard-criteria.toml)."""

    VERBATIM = "verbatim"  # matched word for word in two or more independent public copies
    MIRROR = "mirror"  # word for word from copies of the official text
    UNVERIFIED = "unverified"  # wording not confirmed for the current edition
    OFFICE = "office"  # the office's own check sheet: no published text to verify against


VERIFICATION_LABELS: dict[Verification, str] = {
    Verification.VERBATIM: "已核对原文",
    Verification.MIRROR: "据官方文本",
    Verification.UNVERIFIED: "待核实",
    Verification.OFFICE: "本机关检查表",
}
UNVERIFIED_MARK = "（条文待核实）"


class ChecklistSource(StrEnum):
    STANDARD = "判定标准"
    OFFICE = "本机关"


class ItemResult(StrEnum):
    PASSED = "合格"
    FAILED = "不合格"
    NOT_APPLICABLE = "不适用"


ALL_CATEGORIES: frozenset[CategoryKind] = frozenset(CategoryKind)


def categories_text(kinds: frozenset[CategoryKind]) -> str:
    """How the database and Excel store a set of 监管类别: 、-joined in enum order, '' for all."""
    if not kinds or kinds == ALL_CATEGORIES:
        return ""
    return "、".join(k.value for k in CategoryKind if k in kinds)


def categories_from_text(text: str) -> frozenset[CategoryKind]:
    parts = [p for p in text.split("、") if p]
    return frozenset(CategoryKind(p) for p in parts) if parts else ALL_CATEGORIES


def categories_label(kinds: frozenset[CategoryKind]) -> str:
    return categories_text(kinds) or "全部监管类别"


@dataclass(frozen=True)
class ChecklistItem:
    """One line of a checklist.

    ``number`` is how the item is cited (第十一条（三）, 第三项); ``basis`` the full 检查依据 a
    hazard found on it carries (standard + 条款). ``id`` is the database row of this item in this
    version (None for an item read from the shipped file and not yet stored).
    """

    position: int  # 1-based order in the checklist
    number: str
    article: str  # 第十一条, or "" when the standard has no articles
    item_no: str  # （三）, or "" for an article that is one item
    category: str  # 类别
    content: str  # 检查内容
    basis: str  # 检查依据
    major: bool  # 是否重大隐患判定项: a failure is a 重大隐患 *candidate*
    status: Verification
    applies_to: frozenset[CategoryKind]
    id: int | None = None

    @property
    def verified(self) -> bool:
        return self.status is not Verification.UNVERIFIED

    @property
    def status_label(self) -> str:
        return VERIFICATION_LABELS[self.status]

    def applies(self, kinds: frozenset[CategoryKind]) -> bool:
        """Whether an enterprise of ``kinds`` is checked on this item ("all" items apply to an
        enterprise with no 监管类别 too)."""
        return self.applies_to == ALL_CATEGORIES or bool(self.applies_to & kinds)


@dataclass(frozen=True)
class Checklist:
    """One version of a checklist. ``code`` is stable across versions (GM-2023, JG-3)."""

    code: str
    source: ChecklistSource
    title: str  # the standard's title, or the office checklist's 名称
    number: str  # 文号 (应急管理部令第10号); "" for an office checklist
    in_force: date | None
    status: Verification  # the checklist's own status (an empty unverified standard is marked)
    applies_to: frozenset[CategoryKind]
    items: tuple[ChecklistItem, ...]
    note: str = ""
    version: int | None = None  # None until stored in the database
    version_id: int | None = None
    checklist_id: int | None = None

    @property
    def digest(self) -> str:
        return content_digest(self)

    @property
    def label(self) -> str:
        """The title as a list shows it: 待核实 whenever any of its text is not verified."""
        unverified = [i for i in self.items if not i.verified]
        if not self.items or len(unverified) == len(self.items):
            if self.status is Verification.UNVERIFIED:
                return say(QT_TRANSLATE_NOOP("core", "{title}（待核实）"), title=self.title)
        elif unverified:
            return say(QT_TRANSLATE_NOOP("core", "{title}（部分条目待核实）"), title=self.title)
        return self.title

    def for_categories(self, kinds: frozenset[CategoryKind]) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if i.applies(kinds))


def content_digest(c: Checklist) -> str:
    """A fingerprint of what a visit would print: any change of text makes a new version."""
    payload = {
        "title": c.title,
        "number": c.number,
        "in_force": c.in_force.isoformat() if c.in_force else None,
        "status": c.status.value,
        "applies_to": categories_text(c.applies_to),
        "note": c.note,
        "items": [
            [
                i.article,
                i.item_no,
                i.category,
                i.content,
                i.basis,
                i.major,
                i.status.value,
                categories_text(i.applies_to),
            ]
            for i in c.items
        ],
    }
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()
