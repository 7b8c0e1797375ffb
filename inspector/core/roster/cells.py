"""Cell values as typed field values: the spellings people use for categories, grades, yes/no.

Unknown text is returned as is, so the form's own checks (``enterprises.validate``) name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, time
from typing import Any

from inspector.core.enterprises import LABELS
from inspector.core.enums import (
    DUST_KINDS,
    HAZARDOUS_PROCESSES,
    CategoryKind,
    MajorHazardGrade,
    OperatingStatus,
    RiskGrade,
)
from inspector.core.roster.headers import BRACKETS
from inspector.i18n import QT_TRANSLATE_NOOP, say

MAX_DUST_WORKERS = 100_000


def is_blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _squash(text: str) -> str:
    return "".join(text.split()).translate(BRACKETS)


def cell_text(value: object) -> str:
    """A cell as the text a person typed: numbers without a spurious .0, dates as 2026-11-03."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, date | time):  # datetime is a date
        return value.isoformat().removesuffix("T00:00:00")
    return str(value).strip()


_SEPARATORS = re.compile(r"[、，,；;\n\r/／|｜]+")
_NONE_WORDS = frozenset({"无", "否", "没有", "不涉及", "未涉及", "/", "-", "—", "——", "－", "无此项"})


def split_values(value: object) -> list[str]:
    """Several values in one cell, separated as people do: 、，,；; or line breaks."""
    return [p.strip() for p in _SEPARATORS.split(cell_text(value)) if p.strip()]


def _alias_table(pairs: dict[str, Iterable[str]]) -> dict[str, str]:
    return {_squash(alias): value for value, aliases in pairs.items() for alias in (value, *aliases)}


_CATEGORY_ALIASES = _alias_table(
    {
        **{k.value: () for k in CategoryKind},
        CategoryKind.CHEM_STORAGE.value: ("危化品存储", "危化品仓储", "危化品贮存"),
        CategoryKind.DUST.value: ("粉尘", "涉粉", "涉尘", "粉尘涉爆", "可燃性粉尘", "粉尘防爆", "涉爆粉尘"),
        CategoryKind.GAS.value: ("涉燃气", "燃气使用", "使用燃气", "涉气"),
        CategoryKind.AMMONIA.value: ("涉氨", "氨制冷", "液氨制冷"),
        CategoryKind.OTHER_GAS.value: ("易燃易爆气体", "其他可燃气体"),
    }
)


def parse_category(text: str) -> str:
    """危险化学品使用 → 危化品使用, 粉尘/涉粉 → 涉爆粉尘 …; unknown text is returned for the checks."""
    t = _squash(text).replace("危险化学品", "危化品")
    if t.startswith("危化") and not t.startswith("危化品"):
        t = "危化品" + t[2:]
    for candidate in (t, t.removesuffix("企业"), t.removesuffix("类"), t.removesuffix("单位")):
        if candidate in _CATEGORY_ALIASES:
            return _CATEGORY_ALIASES[candidate]
    return text.strip()


def _process_aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for proc in HAZARDOUS_PROCESSES:
        p = _squash(proc)
        core = p.replace("工艺", "")
        outside = re.sub(r"\([^()]*\)", "", core)
        inside = re.findall(r"\(([^()]*)\)", core)
        for key in (p, core, outside, *inside, f"{outside}({''.join(inside)})" if inside else outside):
            table.setdefault(key, proc)
            table.setdefault(key + "工艺", proc)
    table.update(
        {
            "光气": "光气及光气化工艺",
            "光气化": "光气及光气化工艺",
            "氨基化": "胺基化工艺",
            "氯碱电解": "电解工艺（氯碱）",
            "电石": "电石生产工艺",
            "新型煤化工": "新型煤化工工艺",
        }
    )
    return table


_PROCESS_ALIASES = _process_aliases()


def parse_process(text: str) -> str:
    """硝化/硝化工艺 → 硝化工艺, 电解(氯碱) → 电解工艺（氯碱）; unknown text is returned as is."""
    return _PROCESS_ALIASES.get(_squash(text), text.strip())


_RISK_ALIASES = _alias_table(
    {
        RiskGrade.RED.value: ("红色", "重大风险", "重大", "红色风险"),
        RiskGrade.ORANGE.value: ("橙色", "较大风险", "较大", "橙色风险"),
        RiskGrade.YELLOW.value: ("黄色", "一般风险", "一般", "黄色风险"),
        RiskGrade.BLUE.value: ("蓝色", "低风险", "低", "较低风险", "蓝色风险"),
    }
)


def parse_risk_grade(text: str) -> str:
    """红色/重大风险/红色（重大风险） → 红."""
    t = _squash(text)
    outside = re.sub(r"\([^()]*\)", "", t)
    inside = re.findall(r"\(([^()]*)\)", t)
    for candidate in (t, outside, *inside):
        if candidate in _RISK_ALIASES:
            return _RISK_ALIASES[candidate]
    return text.strip()


_GRADE_WORDS = {
    MajorHazardGrade.ONE.value: ("1", "一", "Ⅰ", "I"),
    MajorHazardGrade.TWO.value: ("2", "二", "Ⅱ", "II"),
    MajorHazardGrade.THREE.value: ("3", "三", "Ⅲ", "III"),
    MajorHazardGrade.FOUR.value: ("4", "四", "Ⅳ", "IV"),
}
_GRADE_ALIASES = {w: g for g, words in _GRADE_WORDS.items() for w in words}


def parse_major_hazard_grade(text: str) -> str:
    """三级/3/3级/三级重大危险源 → 三级."""
    t = _squash(text).upper().replace("重大危险源", "").removesuffix("级")
    return _GRADE_ALIASES.get(t, text.strip())


_STATUS_ALIASES = _alias_table(
    {
        OperatingStatus.PRODUCING.value: ("生产", "正常生产", "正常", "在营", "营业", "正常经营", "在产在营"),
        OperatingStatus.SUSPENDED.value: ("停业", "停产停业", "临时停产", "歇业", "停产整顿", "半停产"),
        OperatingStatus.CLOSED.value: ("关停", "注销", "已关闭", "吊销", "取缔", "已注销", "已关停"),
    }
)


def parse_status(text: str) -> str:
    return _STATUS_ALIASES.get(_squash(text), text.strip())


_DUST_ALIASES = _alias_table(
    {
        **{k: () for k in DUST_KINDS},
        "铝镁金属粉尘": ("铝镁粉尘", "铝粉", "镁粉", "铝镁粉", "铝镁金属", "金属粉尘（铝镁）"),
        "木粉": ("木粉尘", "木质粉尘", "木材粉尘", "木屑"),
        "农副产品粉尘": ("农副产品", "粮食粉尘", "淀粉", "饲料粉尘"),
        "纺织纤维粉尘": ("纺织纤维", "纺织粉尘", "纤维粉尘"),
        "合成材料粉尘": ("合成材料", "塑料粉尘", "树脂粉尘"),
        "煤粉": ("煤尘", "煤粉尘"),
        "其他粉尘": ("其他",),
    }
)


def parse_dust_kind(text: str) -> str:
    return _DUST_ALIASES.get(_squash(text), text.strip())


_YES = frozenset({"是", "有", "Y", "YES", "TRUE", "1", "√", "✓", "对"})
_NO = frozenset({"否", "无", "不是", "N", "NO", "FALSE", "0", "×", "✗", "非"})


class CellError(Exception):
    """A value that cannot be read as its field; the message names the field."""


def parse_yes_no(value: object, label: str) -> bool:
    if isinstance(value, bool):
        return value
    t = _squash(cell_text(value)).upper()
    if t in _YES or t.startswith("是"):
        return True
    if t in _NO or t.startswith("否"):
        return False
    raise CellError(
        say(
            QT_TRANSLATE_NOOP("core", "{label}“{value}”无效，应填“是”或“否”"),
            label=label,
            value=cell_text(value),
        )
    )


def parse_count(value: object, label: str) -> int:
    if isinstance(value, bool):
        raise CellError(say(QT_TRANSLATE_NOOP("core", "{label}应为整数（人数）"), label=label))
    if isinstance(value, int):
        n = value
    elif isinstance(value, float) and value.is_integer():
        n = int(value)
    else:
        t = _squash(cell_text(value)).removesuffix("人").removesuffix("名")
        if not re.fullmatch(r"[+-]?\d+", t):
            raise CellError(
                say(
                    QT_TRANSLATE_NOOP("core", "{label}“{value}”应为整数（人数）"),
                    label=label,
                    value=cell_text(value),
                )
            )
        n = int(t)
    if n > MAX_DUST_WORKERS:
        raise CellError(
            say(QT_TRANSLATE_NOOP("core", "{label}“{count}”不合理，请核对"), label=label, count=n)
        )
    return n


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)
_EXCEL_NUMBER = QT_TRANSLATE_NOOP(
    "core", "{label}被 Excel 转成了数字（{shown}），请把该列设为文本格式后重新录入"
)


def parse_credit_code(value: object, label: str) -> str:
    """The code as text; a number means Excel already rounded it to 15 digits, so it is refused."""
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) == 18:
        return str(value)  # written by a program as an exact integer: nothing was lost
    if isinstance(value, int | float) and not isinstance(value, bool):
        shown = f"{value:.6G}" if isinstance(value, float) else str(value)
        raise CellError(say(_EXCEL_NUMBER, label=label, shown=shown))
    text = cell_text(value)
    if _SCIENTIFIC.match(text.strip()):
        raise CellError(say(_EXCEL_NUMBER, label=label, shown=text))
    return text


def parse_cell(key: str, value: object) -> Any:
    """One non-blank cell as the typed value of its field. ``None`` clears an optional field."""
    label = LABELS[key]
    text = cell_text(value)
    if key == "credit_code":
        return parse_credit_code(value, label)
    if key == "categories":
        return [] if text in _NONE_WORDS else [parse_category(v) for v in split_values(value)]
    if key == "hazardous_processes":
        return [] if text in _NONE_WORDS else [parse_process(v) for v in split_values(value)]
    if key == "status":
        return parse_status(text)
    if key == "risk_grade":
        return None if text in _NONE_WORDS else parse_risk_grade(text)
    if key == "major_hazard_grade":
        return None if text in _NONE_WORDS else parse_major_hazard_grade(text)
    if key == "dust_kind":
        return None if text in _NONE_WORDS else parse_dust_kind(text)
    if key == "dust_workers":
        return None if text in _NONE_WORDS else parse_count(value, label)
    if key == "plant_in_plant":
        return parse_yes_no(value, label)
    return text
