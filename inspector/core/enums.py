"""Closed vocabularies of DOMAIN.md.

Each enum's value is the Chinese term a user sees and that is stored in the database, so the
ledger, the PDFs, the importer and the UI all speak the same words with no mapping table.
"""

from __future__ import annotations

from enum import StrEnum


class OperatingStatus(StrEnum):
    PRODUCING = "在产"
    SUSPENDED = "停产"
    CLOSED = "关闭"


class RiskGrade(StrEnum):
    RED = "红"
    ORANGE = "橙"
    YELLOW = "黄"
    BLUE = "蓝"


class CategoryKind(StrEnum):
    """Supervision categories (监管类别); one enterprise may have several."""

    CHEM_PRODUCTION = "危化品生产"
    CHEM_TRADING = "危化品经营"
    CHEM_USE = "危化品使用"
    CHEM_STORAGE = "危化品储存"
    DUST = "涉爆粉尘"
    GAS = "燃气"
    AMMONIA = "涉氨制冷"
    OTHER_GAS = "其他易燃易爆气体"


class MajorHazardGrade(StrEnum):
    """Grade of a major hazard installation (重大危险源)."""

    ONE = "一级"
    TWO = "二级"
    THREE = "三级"
    FOUR = "四级"


# 重点监管危险化工工艺 (the national list of 18 key supervised processes).
HAZARDOUS_PROCESSES: tuple[str, ...] = (
    "光气及光气化工艺",
    "电解工艺（氯碱）",
    "氯化工艺",
    "硝化工艺",
    "合成氨工艺",
    "裂解（裂化）工艺",
    "氟化工艺",
    "加氢工艺",
    "重氮化工艺",
    "氧化工艺",
    "过氧化工艺",
    "胺基化工艺",
    "磺化工艺",
    "聚合工艺",
    "烷基化工艺",
    "新型煤化工工艺",
    "电石生产工艺",
    "偶氮化工艺",
)

DUST_KINDS: tuple[str, ...] = (
    "铝镁金属粉尘",
    "木粉",
    "农副产品粉尘",
    "纺织纤维粉尘",
    "合成材料粉尘",
    "煤粉",
    "其他粉尘",
)


class InspectorRole(StrEnum):
    INSPECTOR = "检查员"
    SUPERVISOR = "科室负责人"


class InspectionKind(StrEnum):
    ROUTINE = "日常检查"
    SPECIAL = "专项检查"
    UNANNOUNCED = "“四不两直”暗访"
    ENFORCEMENT = "执法检查"
    REVIEW = "复查"
    SAFETY_CHECKUP = "深度安全体检"
    CROSS = "交叉检查"


class HazardSource(StrEnum):
    INSPECTION = "检查发现"
    SELF_CHECK = "企业自查"
    REPORT = "群众举报"
    ASSIGNED = "上级交办"


class HazardLevel(StrEnum):
    GENERAL = "一般隐患"
    MAJOR = "重大隐患"


class HazardCategory(StrEnum):
    BASIC = "基础管理"
    SITE = "现场管理"


HAZARD_SUBCATEGORIES: dict[HazardCategory, tuple[str, ...]] = {
    HazardCategory.BASIC: (
        "资质证照",
        "安全生产管理机构及人员",
        "安全规章制度",
        "安全教育培训",
        "安全生产投入",
        "相关方管理",
        "重大危险源管理",
        "个体防护装备",
        "职业健康",
        "应急管理",
        "隐患排查治理",
        "其他基础管理",
    ),
    HazardCategory.SITE: (
        "设备设施",
        "作业环境",
        "特殊作业",
        "电气",
        "消防",
        "危化品储存",
        "粉尘防爆",
        "燃气",
        "工艺管理",
        "其他现场管理",
    ),
}


class HazardState(StrEnum):
    """The four stored states; 逾期 is derived (see core.lifecycle.is_overdue)."""

    REPORTED = "待整改"
    RECTIFYING = "整改中"
    PENDING_REVIEW = "待复查"
    CLOSED = "已销号"


class ReviewResult(StrEnum):
    PASSED = "合格"
    FAILED = "不合格"


class PhotoPhase(StrEnum):
    BEFORE = "整改前"
    AFTER = "整改后"


class DocumentKind(StrEnum):
    """The enforcement documents of one visit's chain (DOCUMENTS.md), in chain order."""

    INSPECTION_PLAN = "现场检查方案"
    INSPECTION_RECORD = "现场检查记录"
    ONSITE_DECISION = "现场处理措施决定书"
    RECTIFICATION_ORDER = "责令限期整改指令书"
    REVIEW_OPINION = "整改复查意见书"
    DELIVERY_RECEIPT = "文书送达回执"


# The usual word of each kind inside a number, e.g. （新北）应急责改〔2026〕12号. An office may
# use other words: these are only the defaults of core.office.OfficeSettings.
DEFAULT_DOCUMENT_WORDS: dict[DocumentKind, str] = {
    DocumentKind.INSPECTION_PLAN: "应急检查",
    DocumentKind.INSPECTION_RECORD: "应急检记",
    DocumentKind.ONSITE_DECISION: "应急现决",
    DocumentKind.RECTIFICATION_ORDER: "应急责改",
    DocumentKind.REVIEW_OPINION: "应急复查",
    DocumentKind.DELIVERY_RECEIPT: "应急回",
}


class OnsiteMeasure(StrEnum):
    """现场处理措施 for a hazard that cannot wait for the rectification deadline
    (安全生产法 第六十五条第一款第（三）项)."""

    WITHDRAW = "责令从危险区域内撤出作业人员"
    SUSPEND = "责令暂时停产停业"
    STOP_EQUIPMENT = "责令停止使用相关设施、设备"


class DeliveryMethod(StrEnum):
    """送达方式 on the 文书送达回执."""

    DIRECT = "直接送达"
    LEFT = "留置送达"
    ENTRUSTED = "委托送达"
    POST = "邮寄送达"
    ELECTRONIC = "电子送达"
    PUBLIC = "公告送达"


class RateFormula(StrEnum):
    """整改率 readings in use (DOMAIN.md); the office chooses one in its settings."""

    FOUND = "found"  # closed of those found in the period ÷ found in the period
    OPEN = "open"  # closed ÷ every hazard open at any time in the period (carried over included)


class PlanMode(StrEnum):
    """How a 监督检查计划 item picks its enterprises: all of a target set, or a 双随机 draw."""

    KEY = "重点检查"
    RANDOM = "双随机抽查"


class SchemeState(StrEnum):
    """现场检查方案: drafted by an inspector, 审核 then 审批 by 科室负责人 before the visit."""

    DRAFT = "草稿"
    SUBMITTED = "待审核"
    REVIEWED = "待审批"
    APPROVED = "已批准"
    RETURNED = "已退回"


class CoverageState(StrEnum):
    """Where an enterprise of a campaign's target set stands on a given day."""

    COVERED = "已检查"
    LATE = "逾期后检查"
    PENDING = "未检查"
    OVERDUE = "逾期未检查"


class PublicOutcome(StrEnum):
    """检查结果 of a drawn enterprise as the 一公开 list publishes it."""

    NOT_YET = "尚未检查"
    CLEAN = "未发现问题"
    ORDERED = "发现问题已责令整改"
    FIXED = "发现问题已整改完毕"


class VisitWarningKind(StrEnum):
    """A visit the plan rules question; logging it anyway needs a recorded reason."""

    OVER_CAP = "超过计划检查频次"
    REPEAT = "短期内重复检查"
