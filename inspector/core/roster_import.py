"""Roster import (企业名录导入): an Excel list of enterprises into the registry, in one transaction.

Two phases so the user sees what will happen before anything is written: ``preview`` reads and
checks every row (no writes), ``apply`` writes them. Real rosters come from many offices, so the
reader is tolerant (title rows, headers in any order, common spellings of values) while the checks
are exactly those of the enterprise form (``enterprises.validate``). Qt-free: CLI and GUI share it.
"""

from __future__ import annotations

import logging
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from inspector.core import audit
from inspector.core.actors import acting
from inspector.core.audit import Actor
from inspector.core.enterprises import (
    LABELS,
    SNAPSHOT_FIELDS,
    EnterpriseInput,
    apply_input,  # the service's own field mapping: an import writes exactly what the form writes
    snapshot,
    validate,
)
from inspector.core.enums import (
    DUST_KINDS,
    HAZARDOUS_PROCESSES,
    CategoryKind,
    MajorHazardGrade,
    OperatingStatus,
    RiskGrade,
)
from inspector.core.errors import Cancelled, ConcurrentEditError, DomainError
from inspector.core.validation import credit_code_check_char, max_length_error, normalize_credit_code
from inspector.db.models import Enterprise

if TYPE_CHECKING:
    from inspector.core.context import Services

log = logging.getLogger(__name__)

# Rosters saved by WPS or older tools make openpyxl warn about features it skips on reading
# (extensions, missing default style); they do not affect the cell values we read.
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.(reader|worksheet|styles)")

Progress = Callable[[int, int], bool]
"""``progress(done, total)``; returning False cancels (nothing is written)."""

HEADER_SEARCH_ROWS = 10
EXCEL_CELL_LIMIT = 32_767  # Excel keeps no more in a cell; a file at the limit was probably cut
REQUIRED_FIELDS = ("name", "credit_code", "jurisdiction")
COLUMN_FIELDS: tuple[str, ...] = tuple(LABELS)  # template column order = the form's field order
_LOOKUP_CHUNK = 500  # codes per IN (...) query: well below SQLite's and PostgreSQL's limits
_FLUSH_EVERY = 500
_PROGRESS_EVERY = 200
MAX_DUST_WORKERS = 100_000
TEMPLATE_SHEET = "企业名录"
HELP_SHEET = "说明"


class ImportCancelled(Cancelled):
    """The user pressed 取消 while the file was being read."""

    def __init__(self) -> None:
        super().__init__("已取消")


# --------------------------------------------------------------------------------------------
# Headers
# --------------------------------------------------------------------------------------------

_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "[": "(", "]": ")"})

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
    text = "".join(str(value).split()).translate(_BRACKETS).strip("*＊★:：")
    return re.sub(r"\([^()]*\)$", "", text)


_HEADER_FIELDS: dict[str, tuple[str, int]] = {
    **{normalize_header(a): (k, 1) for a, k in HEADER_ALIASES.items()},
    **{normalize_header(label): (k, 0) for k, label in LABELS.items()},
}


@dataclass(frozen=True)
class _Header:
    row: int  # Excel row number
    columns: dict[str, int]  # field -> 0-based column index
    ignored: list[str]  # header texts not imported


def _match_header(cells: Sequence[object], row: int) -> _Header:
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
                    f"表头中“{LABELS[key]}”出现了两次（第{get_column_letter(other + 1)}列和"
                    f"第{get_column_letter(col + 1)}列），请删除或改名其中一列"
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
        raise DomainError(f"缺少必需的列：{'、'.join(missing)}（表头在第{row}行）")
    return _Header(row, {k: c for k, (c, _p) in chosen.items()}, ignored)


# --------------------------------------------------------------------------------------------
# Cell values
# --------------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return "".join(text.split()).translate(_BRACKETS)


def cell_text(value: object) -> str:
    """A cell as the text a person typed: numbers without a spurious .0, dates as 2026-11-03."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = value.isoformat()  # type: ignore[union-attr]
        return text.removesuffix("T00:00:00")
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


class _CellError(Exception):
    """A value that cannot be read as its field; the message names the field."""


def parse_yes_no(value: object, label: str) -> bool:
    if isinstance(value, bool):
        return value
    t = _squash(cell_text(value)).upper()
    if t in _YES or t.startswith("是"):
        return True
    if t in _NO or t.startswith("否"):
        return False
    raise _CellError(f"{label}“{cell_text(value)}”无效，应填“是”或“否”")


def parse_count(value: object, label: str) -> int:
    if isinstance(value, bool):
        raise _CellError(f"{label}应为整数（人数）")
    if isinstance(value, int):
        n = value
    elif isinstance(value, float) and value.is_integer():
        n = int(value)
    else:
        t = _squash(cell_text(value)).removesuffix("人").removesuffix("名")
        if not re.fullmatch(r"[+-]?\d+", t):
            raise _CellError(f"{label}“{cell_text(value)}”应为整数（人数）")
        n = int(t)
    if n > MAX_DUST_WORKERS:
        raise _CellError(f"{label}“{n}”不合理，请核对")
    return n


_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)


def parse_credit_code(value: object, label: str) -> str:
    """The code as text; a number means Excel already rounded it to 15 digits, so it is refused."""
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) == 18:
        return str(value)  # written by a program as an exact integer: nothing was lost
    if isinstance(value, int | float) and not isinstance(value, bool):
        shown = f"{value:.6G}" if isinstance(value, float) else str(value)
        raise _CellError(f"{label}被 Excel 转成了数字（{shown}），请把该列设为文本格式后重新录入")
    text = cell_text(value)
    if _SCIENTIFIC.match(text.strip()):
        raise _CellError(f"{label}被 Excel 转成了数字（{text}），请把该列设为文本格式后重新录入")
    return text


def _parse_cell(key: str, value: object) -> Any:
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


# --------------------------------------------------------------------------------------------
# Reading the workbook
# --------------------------------------------------------------------------------------------

_MERGE_REF = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]+[0-9]+(?::[A-Za-z]+[0-9]+)?)\"")


def _merged_ranges(archive: zipfile.ZipFile, member: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges (min_col, min_row, max_col, max_row) of a sheet.

    Read-only openpyxl does not report merges, so the <mergeCells> block, which follows the cell
    data, is found by streaming the sheet XML: cheap even for 100,000 rows.
    """
    tail = b""
    found = b""
    with archive.open(member) as f:
        while chunk := f.read(1 << 20):
            buf = tail + chunk
            at = buf.find(b"mergeCell")
            if at >= 0:
                found = buf[max(0, at - 16) :] + f.read()
                break
            tail = buf[-64:]
    ranges = []
    for m in _MERGE_REF.finditer(found):
        ref = m.group(1).decode().upper()
        ranges.append(range_boundaries(ref if ":" in ref else f"{ref}:{ref}"))
    return [r for r in ranges if None not in r]  # type: ignore[misc]


@dataclass
class _SheetRows:
    title: str
    header: _Header
    rows: list[tuple[int, tuple[object, ...]]]  # (Excel row number, values) of non-empty rows
    notices: list[str]


def _open_bytes(path: Path) -> BinaryIO:
    try:
        f = path.open("rb")
    except FileNotFoundError:
        raise DomainError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise DomainError(f"这是一个文件夹，不是 Excel 文件：{path}") from None
    except PermissionError:
        raise DomainError(f"无法打开文件（没有权限，或文件正被其他程序占用）：{path}") from None
    except OSError as e:
        raise DomainError(f"无法打开文件：{path}（{e.strerror or e}）") from None
    magic = f.read(8)
    f.seek(0)
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        f.close()
        raise DomainError(
            f"“{path.name}”是旧版 Excel 97-2003（.xls）文件或受密码保护的文件，"
            "请在 Excel 中另存为“Excel 工作簿（.xlsx）”后再导入"
        )
    if not magic.startswith(b"PK"):
        f.close()
        hint = (
            "请在 Excel 中另存为 .xlsx 后再导入"
            if path.suffix.lower() in (".csv", ".txt", ".et", ".wps")
            else ""
        )
        raise DomainError(f"“{path.name}”不是 Excel（.xlsx）文件{('，' + hint) if hint else ''}")
    return f


def _is_blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _read_sheet(path: Path, progress: Progress | None) -> _SheetRows:
    path = Path(path)
    f = _open_bytes(path)
    wb = None
    try:
        try:
            wb = load_workbook(f, read_only=True, data_only=True)
            sheets = wb.worksheets
            if not sheets:
                raise DomainError(f"“{path.name}”中没有工作表")
            visible = [w for w in sheets if getattr(w, "sheet_state", "visible") == "visible"]
            if not visible:
                raise DomainError(f"“{path.name}”中没有可见的工作表")
            ws = visible[0]  # what the user sees first when opening the file, not a hidden sheet
            member = str(getattr(ws, "_worksheet_path", "")).lstrip("/")
            merges = _merged_ranges(wb._archive, member) if member else []  # type: ignore[attr-defined]
            estimate = ws.max_row or 0
            ws.reset_dimensions()  # some programs write a wrong <dimension>; read what is there
            found = _scan_rows(ws.title, ws.iter_rows(values_only=True), merges, estimate, progress)
            hidden = [w.title for w in sheets[: sheets.index(ws)]]
            if hidden:
                found.notices.insert(0, f"已跳过隐藏的工作表“{'、'.join(hidden)}”，导入的是“{ws.title}”")
            return found
        except (DomainError, ImportCancelled):
            raise
        except Exception as e:  # openpyxl/zip/XML errors of a broken file: the user needs a message
            log.info("cannot read %s", path, exc_info=True)  # the details for -v, not a traceback
            raise DomainError(
                f"无法读取“{path.name}”：文件已损坏或不是有效的 Excel（.xlsx）文件（{type(e).__name__}）"
            ) from None
    finally:
        if wb is not None:
            wb.close()
        f.close()


def _scan_rows(
    title: str,
    rows: Iterator[tuple[object, ...]],
    merges: list[tuple[int, int, int, int]],
    estimate: int,
    progress: Progress | None,
) -> _SheetRows:
    header: _Header | None = None
    seen_any = False
    for number, values in enumerate(rows, start=1):
        if any(not _is_blank(v) for v in values):
            seen_any = True
        if any(normalize_header(v) == normalize_header(LABELS["name"]) for v in values):
            header = _check_header(number, values, merges)
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        if not seen_any:
            raise DomainError(f"工作表“{title}”是空的，没有可导入的内容")
        raise DomainError(f"未找到表头：第1–{HEADER_SEARCH_ROWS}行中没有“{LABELS['name']}”列")

    # Vertically merged cells below the header (a 属地 spanning several rows) mean the same value
    # for each row; read-only mode gives only the top cell, so fill the others in.
    fills: dict[int, list[tuple[int, int]]] = {}
    for min_col, min_row, _max_col, max_row in merges:
        if min_row > header.row and max_row > min_row:
            for r in range(min_row + 1, max_row + 1):
                fills.setdefault(r, []).append((min_col - 1, min_row))
    tops = {min_row for _c, min_row, _x, max_row in merges if min_row > header.row and max_row > min_row}
    top_values: dict[tuple[int, int], object] = {}

    data: list[tuple[int, tuple[object, ...]]] = []
    notices: list[str] = []
    used = sorted(header.columns.values())
    total = max(estimate - header.row, 0)  # 0: unknown (no <dimension> in the file), shown as busy
    done = 0
    for number, values in enumerate(rows, start=header.row + 1):
        done += 1
        if number in tops:
            for col in range(len(values)):
                top_values[(number, col)] = values[col]
        if number in fills:
            filled = list(values)
            for col, src in fills[number]:
                while len(filled) <= col:
                    filled.append(None)
                if _is_blank(filled[col]):
                    filled[col] = top_values.get((src, col))
            values = tuple(filled)
        # Only the imported columns count: rosters often number (序号) rows that are still empty.
        if any(col < len(values) and not _is_blank(values[col]) for col in used):
            data.append((number, values))
            for col in used:
                if (
                    col < len(values)
                    and isinstance(values[col], str)
                    and len(values[col]) >= EXCEL_CELL_LIMIT
                ):
                    notices.append(
                        f"第{number}行{get_column_letter(col + 1)}列的内容达到 Excel 单元格上限"
                        f"（{EXCEL_CELL_LIMIT}个字符），可能已被截断，请核对原始资料"
                    )
        if (
            progress is not None
            and done % _PROGRESS_EVERY == 0
            and not progress(done, max(total, done) if total else 0)
        ):
            raise ImportCancelled()
    if progress is not None and not progress(done, done):
        raise ImportCancelled()
    if not data:
        raise DomainError(f"表头（第{header.row}行）下面没有企业数据")
    return _SheetRows(title, header, data, notices)


def _check_header(row: int, values: tuple[object, ...], merges: list[tuple[int, int, int, int]]) -> _Header:
    touching = [
        f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        for c1, r1, c2, r2 in sorted(merges, key=lambda m: (m[1], m[0]))
        if r1 <= row <= r2 and (c1, r1) != (c2, r2)
    ]
    if touching:
        raise DomainError(f"表头含合并单元格：{'、'.join(touching)}，请取消合并，每列只留一个列名")
    return _match_header(values, row)


# --------------------------------------------------------------------------------------------
# Preview
# --------------------------------------------------------------------------------------------


class RowStatus(StrEnum):
    NEW = "新增"
    UPDATE = "更新"
    UNCHANGED = "无变化"
    ERROR = "错误"


@dataclass(frozen=True)
class RowError:
    row: int  # Excel row number
    field: str  # Chinese label
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行 {self.field}：{self.message}"

    @property
    def short(self) -> str:
        """Without the row, and without repeating the field when the message already names it."""
        return self.message if self.message.startswith(self.field) else f"{self.field}：{self.message}"


@dataclass
class PreviewRow:
    row: int
    name: str
    credit_code: str
    jurisdiction: str
    values: dict[str, Any]  # the fields this row fills in; blank cells are left out
    status: RowStatus = RowStatus.NEW
    errors: list[RowError] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # labels an update changes
    existing_id: int | None = None
    phone_was_number: bool = False  # Excel drops a landline's leading 0 from numbers

    @property
    def detail(self) -> str:
        """What the preview table's last column says about this row."""
        if self.errors:
            return "；".join(e.short for e in self.errors)
        if self.status is RowStatus.UPDATE:
            return "变更：" + "、".join(self.changes)
        if self.status is RowStatus.UNCHANGED:
            return "与已登记信息相同"
        return ""


@dataclass
class ImportPreview:
    path: Path
    sheet: str
    header_row: int
    columns: list[str]  # labels found, in file order
    ignored_columns: list[str]
    rows: list[PreviewRow]
    notices: list[str] = field(default_factory=list)

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def errors(self) -> list[RowError]:
        return [e for r in self.rows for e in r.errors]

    @property
    def has_errors(self) -> bool:
        return any(r.errors for r in self.rows)

    def summary_line(self) -> str:
        text = (
            f"共{len(self.rows)}行：新增{self.count(RowStatus.NEW)}，更新{self.count(RowStatus.UPDATE)}，"
            f"错误{self.count(RowStatus.ERROR)}"
        )
        unchanged = self.count(RowStatus.UNCHANGED)
        return text + (f"，无变化{unchanged}" if unchanged else "")


_LABEL_ORDER = {label: i for i, label in enumerate(LABELS.values())}
# String columns that enterprises.validate does not length-check; PostgreSQL would refuse them.
_LENGTH_CHECKED = (
    "jurisdiction",
    "industry",
    "legal_representative",
    "head_title",
    "principal",
    "safety_director",
)


def _column_length(key: str) -> int:
    return int(Enterprise.__table__.c[key].type.length)  # type: ignore[attr-defined]


def _merge(values: dict[str, Any], base: EnterpriseInput | None) -> EnterpriseInput:
    """The row's values over the existing enterprise: a blank cell never erases what is stored."""
    data = EnterpriseInput() if base is None else replace(base)
    for key, value in values.items():
        setattr(data, key, value)
    return data.cleaned()


def _check(data: EnterpriseInput, row: int, skip: set[str]) -> list[RowError]:
    """The form's checks plus database column limits, minus fields already reported as unreadable."""
    found = [RowError(row, LABELS.get(e.field, e.field), e.message) for e in validate(data).errors]
    errors = [e for e in found if e.field not in skip]
    for key in _LENGTH_CHECKED:
        label = LABELS[key]
        msg = max_length_error(getattr(data, key), label, _column_length(key))
        if msg and label not in skip:
            errors.append(RowError(row, label, msg))
    return errors


def _comparable(d: EnterpriseInput) -> dict[str, Any]:
    out: dict[str, Any] = {k: getattr(d, k) for k in SNAPSHOT_FIELDS}
    out["categories"] = sorted(d.categories)
    out["hazardous_processes"] = sorted(d.hazardous_processes)
    return out


def _changed_labels(before: EnterpriseInput, after: EnterpriseInput) -> list[str]:
    a, b = _comparable(before.cleaned()), _comparable(after)
    return [LABELS[k] for k in LABELS if k in a and a[k] != b[k]]


def _keep_process_order(data: EnterpriseInput, base: EnterpriseInput | None) -> None:
    """Same processes in another order is no change: keep the stored order."""
    if base is not None and sorted(base.hazardous_processes) == sorted(data.hazardous_processes):
        data.hazardous_processes = list(base.hazardous_processes)


def _load_existing(s: Session, codes: Iterable[str]) -> dict[str, Enterprise]:
    """Enterprises by credit code, in a few IN (...) queries instead of one query per row."""
    wanted = sorted({c for c in codes if c})
    found: dict[str, Enterprise] = {}
    for i in range(0, len(wanted), _LOOKUP_CHUNK):
        chunk = wanted[i : i + _LOOKUP_CHUNK]
        stmt = (
            select(Enterprise)
            .where(Enterprise.credit_code.in_(chunk))
            .options(selectinload(Enterprise.categories))
        )
        found.update((e.credit_code, e) for e in s.scalars(stmt))
    return found


def _parse_row(number: int, values: tuple[object, ...], columns: dict[str, int]) -> PreviewRow:
    parsed: dict[str, Any] = {}
    errors: list[RowError] = []
    for key, col in columns.items():
        raw = values[col] if col < len(values) else None
        if _is_blank(raw):
            continue
        try:
            parsed[key] = _parse_cell(key, raw)
        except _CellError as e:
            errors.append(RowError(number, LABELS[key], str(e)))
    phone_col = columns.get("phone")
    phone_number = (
        phone_col is not None and phone_col < len(values) and isinstance(values[phone_col], int | float)
    )
    name = str(parsed.get("name", "")).strip()
    code = normalize_credit_code(str(parsed.get("credit_code", "")))
    return PreviewRow(
        number,
        name,
        code,
        str(parsed.get("jurisdiction", "")),
        parsed,
        errors=errors,
        phone_was_number=phone_number,
    )


def _evaluate(row: PreviewRow, existing: Enterprise | None) -> None:
    """Decide 新增/更新/无变化/错误 for one row against what the database holds."""
    base = EnterpriseInput.from_model(existing) if existing is not None else None
    data = _merge(row.values, base)
    _keep_process_order(data, base)
    skip = {e.field for e in row.errors}
    row.errors.extend(_check(data, row.row, skip))
    if row.phone_was_number:
        row.errors = [
            RowError(
                e.row,
                e.field,
                e.message + "（该单元格是数字，区号开头的0可能已被 Excel 去掉，请把该列设为文本格式）",
            )
            if e.field == LABELS["phone"]
            else e
            for e in row.errors
        ]
    row.errors.sort(key=lambda e: _LABEL_ORDER.get(e.field, len(_LABEL_ORDER)))
    row.existing_id = existing.id if existing is not None else None
    if row.errors:
        row.status = RowStatus.ERROR
    elif base is None:
        row.status = RowStatus.NEW
    else:
        row.changes = _changed_labels(base, data)
        row.status = RowStatus.UPDATE if row.changes else RowStatus.UNCHANGED


def _flag_duplicates(rows: list[PreviewRow]) -> None:
    """The same credit code on two rows: which one is right is the user's call, so both are errors."""
    by_code: dict[str, list[PreviewRow]] = {}
    for r in rows:
        if r.credit_code:
            by_code.setdefault(r.credit_code, []).append(r)
    label = LABELS["credit_code"]
    for group in by_code.values():
        if len(group) < 2:
            continue
        for r in group:
            others = "、".join(f"第{o.row}行" for o in group if o is not r)
            r.errors.append(
                RowError(r.row, label, f"{label} {r.credit_code} 与{others}重复（同一企业出现多次）")
            )
            r.status = RowStatus.ERROR


def _is_template_example(row: PreviewRow) -> bool:
    return row.credit_code == TEMPLATE_EXAMPLE["credit_code"] and row.name == TEMPLATE_EXAMPLE["name"]


def preview(services: Services, path: Path | str, progress: Progress | None = None) -> ImportPreview:
    """Read and check the first sheet; nothing is written. Raises DomainError for unusable files."""
    sheet = _read_sheet(Path(path), progress)
    header = sheet.header
    rows = [_parse_row(n, v, header.columns) for n, v in sheet.rows]
    notices = list(sheet.notices)
    examples = [r for r in rows if _is_template_example(r)]
    if examples:
        rows = [r for r in rows if not _is_template_example(r)]
        notices.append(f"第{'、'.join(str(r.row) for r in examples)}行是模板中的示例企业，已忽略")
        if not rows:
            raise DomainError("表格中只有模板的示例行，请填写要导入的企业")
    with services.db.reading() as s:
        existing = _load_existing(s, (r.credit_code for r in rows))
        for r in rows:
            _evaluate(r, existing.get(r.credit_code))
    _flag_duplicates(rows)
    order = sorted(header.columns.items(), key=lambda kv: kv[1])
    return ImportPreview(
        path=Path(path),
        sheet=sheet.title,
        header_row=header.row,
        columns=[LABELS[k] for k, _ in order],
        ignored_columns=header.ignored,
        rows=rows,
        notices=notices,
    )


# --------------------------------------------------------------------------------------------
# Apply
# --------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    """What an import did. ``ok`` is False when it was refused (errors, default mode) or cancelled."""

    ok: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # error rows left out (partial mode)
    errors: list[RowError] = field(default_factory=list)
    cancelled: bool = False
    file_name: str = ""
    notices: list[str] = field(default_factory=list)  # e.g. the template's example row was ignored

    @property
    def written(self) -> bool:
        return self.created + self.updated > 0

    def summary(self, limit: int | None = None) -> str:
        """Chinese text for the CLI and the result dialog; ``limit`` caps the listed errors."""
        if self.cancelled:
            return "已取消导入，未写入任何数据。"
        if not self.ok:
            bad_rows = len({e.row for e in self.errors})
            head = (
                f"未导入：有{bad_rows}行存在错误，未写入任何数据。"
                "请修正后重新导入，或选择“跳过错误行，只导入正确的行”（命令行：加 --partial）。"
            )
        else:
            head = f"导入完成：新增{self.created}家，更新{self.updated}家"
            if self.unchanged:
                head += f"，无变化{self.unchanged}家"
            if self.skipped:
                head += f"，跳过错误行{self.skipped}行"
            head += "。"
        lines = [str(e) for e in self.errors]
        if limit is not None and len(lines) > limit:
            lines = [*lines[:limit], f"……另有{len(lines) - limit}条错误未列出"]
        return "\n".join([head, *self.notices, *lines])


class _Cancelled(Exception):
    pass


class _Refused(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors


def apply(
    services: Services,
    actor: Actor,
    preview: ImportPreview,
    partial: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the previewed rows in ONE transaction, with one audit event per enterprise changed.

    Default: nothing is written if any row has an error. ``partial``: error rows are skipped.
    Rows are checked again against the database as it is now, since someone on a team server may
    have changed it since the preview.
    """
    name = preview.path.name
    bad = [r for r in preview.rows if r.status is RowStatus.ERROR]
    if bad and not partial:
        return ImportResult(ok=False, errors=preview.errors, file_name=name, notices=preview.notices)
    todo = [r for r in preview.rows if r.status is not RowStatus.ERROR]
    skipped_errors = [e for r in bad for e in r.errors]
    total = len(todo)
    try:
        with acting(services.db, actor) as (s, actor):
            counts, late = _write(s, actor, todo, partial, progress, total)
            if counts[0] + counts[1]:
                audit.record(
                    s,
                    actor,
                    "roster_import",
                    0,
                    "import",
                    f"导入企业名录：新增{counts[0]}家，更新{counts[1]}家",
                    None,
                    {
                        "file": name,
                        "created": counts[0],
                        "updated": counts[1],
                        "skipped": len(bad) + len({e.row for e in late}),
                    },
                )
    except _Cancelled:
        return ImportResult(ok=False, cancelled=True, file_name=name)
    except _Refused as e:
        return ImportResult(
            ok=False, errors=[*skipped_errors, *e.errors], file_name=name, notices=preview.notices
        )
    except IntegrityError:
        log.warning("roster import hit a constraint", exc_info=True)
        raise DomainError(
            "导入未完成：数据库中已有相同统一社会信用代码的企业（可能是其他人刚刚登记的），请重新导入"
        ) from None
    except StaleDataError:
        raise ConcurrentEditError("导入未完成：部分企业信息刚被他人修改，请重新导入") from None
    late_rows = {e.row for e in late}
    return ImportResult(
        ok=True,
        created=counts[0],
        updated=counts[1],
        unchanged=counts[2],
        skipped=len(bad) + len(late_rows),
        errors=[*skipped_errors, *late],
        file_name=name,
        notices=list(preview.notices),
    )


def _write(
    s: Session,
    actor: Actor,
    todo: list[PreviewRow],
    partial: bool,
    progress: Progress | None,
    total: int,
) -> tuple[tuple[int, int, int], list[RowError]]:
    existing = _load_existing(s, (r.credit_code for r in todo))
    created = updated = unchanged = 0
    late: list[RowError] = []
    pending: list[Enterprise] = []

    def flush_new() -> None:
        s.flush()
        for e in pending:
            audit.record(s, actor, "enterprise", e.id, "create", f"导入登记企业：{e.name}", None, snapshot(e))
        pending.clear()

    for done, row in enumerate(todo, start=1):
        current = existing.get(row.credit_code)
        base = EnterpriseInput.from_model(current) if current is not None else None
        data = _merge(row.values, base)
        _keep_process_order(data, base)
        errors = _check(data, row.row, set())
        if errors:
            late.extend(errors)
            if not partial:
                continue  # collect them all, then refuse below
        elif current is None:
            e = Enterprise()
            apply_input(e, data)
            s.add(e)
            pending.append(e)
            created += 1
        else:
            before = snapshot(current)
            apply_input(current, data)
            old, new = audit.diff(before, snapshot(current))
            if new:  # the UPDATE itself goes out with the next flush, batched
                audit.record(
                    s,
                    actor,
                    "enterprise",
                    current.id,
                    "update",
                    f"导入更新企业信息：{current.name}",
                    old,
                    new,
                )
                updated += 1
            else:
                unchanged += 1
        if len(pending) >= _FLUSH_EVERY:
            flush_new()
        if (
            progress is not None
            and (done % _PROGRESS_EVERY == 0 or done == total)
            and not progress(done, total)
        ):
            raise _Cancelled()
    if late and not partial:
        raise _Refused(late)
    flush_new()
    return (created, updated, unchanged), late


def import_file(
    services: Services,
    actor: Actor,
    path: Path | str,
    partial: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Preview and apply in one call (the CLI)."""
    return apply(services, actor, preview(services, path, progress), partial=partial)


# --------------------------------------------------------------------------------------------
# Template
# --------------------------------------------------------------------------------------------


def _example_code() -> str:
    body = "91320411MA1N2Q3K4"
    return body + credit_code_check_char(body)


TEMPLATE_EXAMPLE: dict[str, object] = {
    "name": "示例：常州市某某化工有限公司（导入前请删除本行）",
    "credit_code": _example_code(),
    "jurisdiction": "春江镇",
    "address": "常州市新北区春江镇滨江路1号",
    "industry": "化学原料和化学制品制造业",
    "categories": f"{CategoryKind.CHEM_USE.value}、{CategoryKind.DUST.value}",
    "legal_representative": "王建国",
    "head_title": "总经理",
    "principal": "王建国",
    "safety_director": "李安全",
    "phone": "0519-85123456",
    "status": OperatingStatus.PRODUCING.value,
    "risk_grade": RiskGrade.YELLOW.value,
    "dust_kind": "木粉",
    "dust_workers": 12,
    "major_hazard_grade": MajorHazardGrade.FOUR.value,
    "hazardous_processes": "氯化工艺、硝化工艺",
    "plant_in_plant": "否",
    "notes": "",
}

_WIDTHS = {
    "name": 34,
    "credit_code": 22,
    "jurisdiction": 12,
    "address": 34,
    "industry": 24,
    "categories": 24,
    "phone": 16,
    "hazardous_processes": 24,
    "notes": 24,
    "dust_kind": 14,
    "major_hazard_grade": 14,
    "dust_workers": 12,
    "plant_in_plant": 8,
}
_TEXT_COLUMNS = ("credit_code", "phone")
_TEMPLATE_ROWS = 5000  # rows prepared with text format and drop-downs


def _help_rows() -> list[tuple[str, str, str, str]]:
    """(列名, 是否必填, 说明, 可选值) for the 说明 sheet, with the allowed values from the enums."""
    L = LABELS
    sep = "、"
    return [
        (L["name"], "必填", "企业全称，与营业执照一致", ""),
        (
            L["credit_code"],
            "必填",
            "18位，按 GB 32100-2015 校验；本列为文本格式，请勿改为数字（否则 Excel 会把代码变成 9.13204E+17）。已登记的代码会更新该企业，不会重复登记",
            "",
        ),
        (L["jurisdiction"], "必填", "所属园区、镇或街道", ""),
        (L["address"], "", "生产经营地址", ""),
        (L["industry"], "", "国民经济行业分类名称", ""),
        (L["categories"], "", "可填多个，用“、”或换行分隔", sep.join(CategoryKind)),
        (L["legal_representative"], "", "", ""),
        (L["head_title"], "", "法定代表人（负责人）的职务，如 董事长、总经理；印在现场检查记录上", ""),
        (L["principal"], "", "", ""),
        (L["safety_director"], "", "", ""),
        (L["phone"], "", "11位手机号或带区号的固定电话（如 0519-85123456）；本列为文本格式", ""),
        (L["status"], "", "空白视为“在产”", sep.join(OperatingStatus)),
        (L["risk_grade"], "", "", sep.join(RiskGrade)),
        (L["dust_kind"], "", "涉爆粉尘企业填写", sep.join(DUST_KINDS)),
        (L["dust_workers"], "", f"整数；监管类别含“{CategoryKind.DUST.value}”时必填", ""),
        (L["major_hazard_grade"], "", "无重大危险源留空", sep.join(MajorHazardGrade)),
        (
            L["hazardous_processes"],
            "",
            "重点监管危险化工工艺，可填多个，用“、”分隔",
            sep.join(HAZARDOUS_PROCESSES),
        ),
        (L["plant_in_plant"], "", "", "是、否"),
        (L["notes"], "", "", ""),
    ]


HELP_NOTES = (
    "填写说明：",
    "1. 只导入第一个工作表；第1–10行中含“企业名称”的一行视为表头，列的顺序可以调整，多余的列会被忽略。",
    "2. 导入前会先预览：列出每一行是新增还是更新、哪些字段有变化、哪些行有错误及原因。",
    "3. 默认有任何错误行则全部不导入；也可选择“跳过错误行，只导入正确的行”。",
    "4. 更新已登记的企业时，空白单元格不会清空原有信息；要清空重大危险源等级、粉尘种类等，请填“无”。",
    "5. 第2行为示例，导入时会自动忽略，也可直接删除。",
)


def template_headers() -> list[str]:
    return [LABELS[k] for k in COLUMN_FIELDS]


def build_template() -> Workbook:
    """The import template as a workbook (headers from LABELS, allowed values from the enums)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = TEMPLATE_SHEET
    ws.append(template_headers())
    ws.append([TEMPLATE_EXAMPLE[k] for k in COLUMN_FIELDS])
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    for col, key in enumerate(COLUMN_FIELDS, start=1):
        letter = get_column_letter(col)
        cell = ws.cell(row=1, column=col)
        cell.font = Font(bold=True, color="C00000" if key in REQUIRED_FIELDS else "000000")
        cell.fill = head_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[letter].width = _WIDTHS.get(key, 12)
        ex = ws.cell(row=2, column=col)
        ex.font = Font(color="808080", italic=True)
        if key in _TEXT_COLUMNS:  # Excel gives new cells of the column this format as they are typed
            ws.column_dimensions[letter].number_format = "@"
            ex.number_format = "@"
    ws.row_dimensions[1].height = 24
    ws.freeze_panes = "B2"
    for key, choices in (
        ("status", list(OperatingStatus)),
        ("risk_grade", list(RiskGrade)),
        ("major_hazard_grade", list(MajorHazardGrade)),
        ("plant_in_plant", ["是", "否"]),
    ):
        letter = get_column_letter(COLUMN_FIELDS.index(key) + 1)
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(str(c) for c in choices) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="取值无效",
            error=f"{LABELS[key]}只能选：{'、'.join(choices)}",
        )
        dv.add(f"{letter}2:{letter}{_TEMPLATE_ROWS + 1}")
        ws.add_data_validation(dv)

    help_ws = wb.create_sheet(HELP_SHEET)
    help_ws.append(["列名", "是否必填", "说明", "可选值"])
    for row in _help_rows():
        help_ws.append(list(row))
    help_ws.append([])
    for line in HELP_NOTES:
        help_ws.append([line])
    for col, width in zip("ABCD", (18, 10, 60, 60), strict=True):
        help_ws.column_dimensions[col].width = width
    for cell in help_ws[1]:
        cell.font = Font(bold=True)
        cell.fill = head_fill
    for row in help_ws.iter_rows(min_row=2, max_row=len(COLUMN_FIELDS) + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    help_ws.freeze_panes = "A2"
    return wb


def write_template(path: Path | str) -> Path:
    """Save the import template; a locked or unwritable target gives a DomainError."""
    target = Path(path)
    try:
        build_template().save(target)
    except PermissionError:
        raise DomainError(f"无法保存模板：没有写入权限，或文件正在 Excel 中打开（{target}）") from None
    except FileNotFoundError:
        raise DomainError(f"无法保存模板：文件夹不存在（{target.parent}）") from None
    except OSError as e:
        raise DomainError(f"无法保存模板：{target}（{e.strerror or e}）") from None
    return target


__all__ = [
    "ImportCancelled",
    "ImportPreview",
    "ImportResult",
    "PreviewRow",
    "RowError",
    "RowStatus",
    "apply",
    "build_template",
    "import_file",
    "preview",
    "template_headers",
    "write_template",
]
