"""Finding the header row's columns: exact form labels, and other names seen on district rosters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from inspector.core.enterprises import LABELS
from inspector.core.errors import DomainError
from inspector.i18n import QT_TRANSLATE_NOOP, say

REQUIRED_FIELDS = ("name", "credit_code", "jurisdiction")

BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "[": "(", "]": ")"})

# Other names seen on district rosters, besides the exact labels. An exact label always wins.
HEADER_ALIASES: dict[str, str] = {
    "单位名称": "name",
    "企业全称": "name",
    "社会信用代码": "credit_code",
    "信用代码": "credit_code",
    "统一信用代码": "credit_code",
    "所属镇街": "jurisdiction",
    "所在镇街": "jurisdiction",
    "镇街": "jurisdiction",
    "属地镇街": "jurisdiction",
    "所属属地": "jurisdiction",
    "企业地址": "address",
    "详细地址": "address",
    "生产经营地址": "address",
    "经营地址": "address",
    "注册地址": "address",
    "所属行业": "industry",
    "行业类别": "industry",
    "行业分类": "industry",
    "监管类型": "categories",
    "监管分类": "categories",
    "法人代表": "legal_representative",
    "法人": "legal_representative",
    "法定代表人职务": "head_title",
    "负责人职务": "head_title",
    "联系方式": "phone",
    "电话": "phone",
    "手机": "phone",
    "手机号码": "phone",
    "企业状态": "status",
    "生产状态": "status",
    "经营状况": "status",
    "风险分级": "risk_grade",
    "安全风险等级": "risk_grade",
    "粉尘类别": "dust_kind",
    "粉尘类型": "dust_kind",
    "涉粉人数": "dust_workers",
    "涉粉作业人员数": "dust_workers",
    "粉尘作业人数": "dust_workers",
    "重大危险源级别": "major_hazard_grade",
    "重点监管危险化工工艺": "hazardous_processes",
    "涉及危险化工工艺": "hazardous_processes",
    "涉及重点监管危险化工工艺": "hazardous_processes",
    "是否厂中厂": "plant_in_plant",
}


def normalize_header(value: object) -> str:
    """A header cell as comparable text: no blanks or line breaks, ASCII brackets, no * marks.

    A trailing remark in brackets is dropped too, so 统一社会信用代码（18位） finds its column.
    """
    if value is None:
        return ""
    text = "".join(str(value).split()).translate(BRACKETS).strip("*＊★:：")
    return re.sub(r"\([^()]*\)$", "", text)


_HEADER_FIELDS: dict[str, tuple[str, int]] = {
    **{normalize_header(a): (k, 1) for a, k in HEADER_ALIASES.items()},
    **{normalize_header(label): (k, 0) for k, label in LABELS.items()},
}


@dataclass(frozen=True)
class Header:
    row: int  # Excel row number
    columns: dict[str, int]  # field -> 0-based column index
    ignored: list[str]  # header texts not imported


def match_header(cells: Sequence[object], row: int) -> Header:
    chosen: dict[str, tuple[int, int]] = {}  # field -> (column, priority)
    ignored: list[str] = []
    for col, raw in enumerate(cells):
        text = normalize_header(raw)
        if not text:
            continue
        hit = _HEADER_FIELDS.get(text)
        if hit is None:
            ignored.append(str(raw).strip())
            continue
        key, prio = hit
        if key in chosen:
            other, other_prio = chosen[key]
            if prio == other_prio == 0:
                raise DomainError(
                    say(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "表头中“{label}”出现了两次（第{first}列和第{second}列），请删除或改名其中一列",
                        ),
                        label=LABELS[key],
                        first=get_column_letter(other + 1),
                        second=get_column_letter(col + 1),
                    )
                )
            if prio < other_prio:
                ignored.append(str(cells[other]).strip())
                chosen[key] = (col, prio)
            else:
                ignored.append(str(raw).strip())
            continue
        chosen[key] = (col, prio)
    missing = [LABELS[k] for k in REQUIRED_FIELDS if k not in chosen]
    if missing:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "缺少必需的列：{columns}（表头在第{row}行）"),
                columns="、".join(missing),
                row=row,
            )
        )
    return Header(row, {k: c for k, (c, _p) in chosen.items()}, ignored)
