"""The import template (企业名录导入模板): headers from the form's labels, values from the enums."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from inspector.core.enterprises import LABELS
from inspector.core.enums import (
    DUST_KINDS,
    HAZARDOUS_PROCESSES,
    CategoryKind,
    MajorHazardGrade,
    OperatingStatus,
    RiskGrade,
)
from inspector.core.errors import DomainError
from inspector.core.roster.headers import REQUIRED_FIELDS
from inspector.core.validation import credit_code_check_char
from inspector.i18n import QT_TRANSLATE_NOOP, say

COLUMN_FIELDS: tuple[str, ...] = tuple(LABELS)  # template column order = the form's field order
TEMPLATE_SHEET = "企业名录"
HELP_SHEET = "说明"


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
    for help_row in _help_rows():
        help_ws.append(list(help_row))
    help_ws.append([])
    for line in HELP_NOTES:
        help_ws.append([line])
    for help_col, width in zip("ABCD", (18, 10, 60, 60), strict=True):
        help_ws.column_dimensions[help_col].width = width
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
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "无法保存模板：没有写入权限，或文件正在 Excel 中打开（{path}）"),
                path=target,
            )
        ) from None
    except FileNotFoundError:
        raise DomainError(
            say(QT_TRANSLATE_NOOP("core", "无法保存模板：文件夹不存在（{path}）"), path=target.parent)
        ) from None
    except OSError as e:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "无法保存模板：{path}（{reason}）"),
                path=target,
                reason=str(e.strerror or e),
            )
        ) from None
    return target
