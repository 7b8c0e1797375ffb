"""The domain's closed vocabularies (core.enums) and field labels as the UI shows them: Chinese, or their translation.

The core stores and prints the Chinese terms (they are the legal words on documents and in the
ledger); only the screen translates them. Each term is listed here literally so pyside6-lupdate
extracts it; tests/ui/test_terms.py fails when core.enums or a core LABELS table gains a term
this list lacks.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.core.enums import RateFormula

# QT_TRANSLATE_NOOP returns its text, typed `object` by the stubs.
TERMS: tuple[object, ...] = (
    # CategoryKind
    QT_TRANSLATE_NOOP("Term", "危化品生产"),
    QT_TRANSLATE_NOOP("Term", "危化品经营"),
    QT_TRANSLATE_NOOP("Term", "危化品使用"),
    QT_TRANSLATE_NOOP("Term", "危化品储存"),
    QT_TRANSLATE_NOOP("Term", "涉爆粉尘"),
    QT_TRANSLATE_NOOP("Term", "燃气"),
    QT_TRANSLATE_NOOP("Term", "涉氨制冷"),
    QT_TRANSLATE_NOOP("Term", "其他易燃易爆气体"),
    # DeliveryMethod
    QT_TRANSLATE_NOOP("Term", "直接送达"),
    QT_TRANSLATE_NOOP("Term", "留置送达"),
    QT_TRANSLATE_NOOP("Term", "委托送达"),
    QT_TRANSLATE_NOOP("Term", "邮寄送达"),
    QT_TRANSLATE_NOOP("Term", "电子送达"),
    QT_TRANSLATE_NOOP("Term", "公告送达"),
    # DocumentKind
    QT_TRANSLATE_NOOP("Term", "现场检查方案"),
    QT_TRANSLATE_NOOP("Term", "现场检查记录"),
    QT_TRANSLATE_NOOP("Term", "现场处理措施决定书"),
    QT_TRANSLATE_NOOP("Term", "责令限期整改指令书"),
    QT_TRANSLATE_NOOP("Term", "整改复查意见书"),
    QT_TRANSLATE_NOOP("Term", "文书送达回执"),
    # HazardCategory
    QT_TRANSLATE_NOOP("Term", "基础管理"),
    QT_TRANSLATE_NOOP("Term", "现场管理"),
    # HazardLevel
    QT_TRANSLATE_NOOP("Term", "一般隐患"),
    QT_TRANSLATE_NOOP("Term", "重大隐患"),
    # HazardSource
    QT_TRANSLATE_NOOP("Term", "检查发现"),
    QT_TRANSLATE_NOOP("Term", "企业自查"),
    QT_TRANSLATE_NOOP("Term", "群众举报"),
    QT_TRANSLATE_NOOP("Term", "上级交办"),
    # HazardState
    QT_TRANSLATE_NOOP("Term", "待整改"),
    QT_TRANSLATE_NOOP("Term", "整改中"),
    QT_TRANSLATE_NOOP("Term", "待复查"),
    QT_TRANSLATE_NOOP("Term", "已销号"),
    # InspectionKind
    QT_TRANSLATE_NOOP("Term", "日常检查"),
    QT_TRANSLATE_NOOP("Term", "专项检查"),
    QT_TRANSLATE_NOOP("Term", "“四不两直”暗访"),
    QT_TRANSLATE_NOOP("Term", "执法检查"),
    QT_TRANSLATE_NOOP("Term", "复查"),
    QT_TRANSLATE_NOOP("Term", "深度安全体检"),
    QT_TRANSLATE_NOOP("Term", "交叉检查"),
    # PlanMode
    QT_TRANSLATE_NOOP("Term", "重点检查"),
    QT_TRANSLATE_NOOP("Term", "双随机抽查"),
    # SchemeState
    QT_TRANSLATE_NOOP("Term", "草稿"),
    QT_TRANSLATE_NOOP("Term", "待审核"),
    QT_TRANSLATE_NOOP("Term", "待审批"),
    QT_TRANSLATE_NOOP("Term", "已批准"),
    QT_TRANSLATE_NOOP("Term", "已退回"),
    # CoverageState
    QT_TRANSLATE_NOOP("Term", "已检查"),
    QT_TRANSLATE_NOOP("Term", "逾期后检查"),
    QT_TRANSLATE_NOOP("Term", "未检查"),
    QT_TRANSLATE_NOOP("Term", "逾期未检查"),
    # PublicOutcome
    QT_TRANSLATE_NOOP("Term", "尚未检查"),
    QT_TRANSLATE_NOOP("Term", "未发现问题"),
    QT_TRANSLATE_NOOP("Term", "发现问题已责令整改"),
    QT_TRANSLATE_NOOP("Term", "发现问题已整改完毕"),
    # VisitWarningKind
    QT_TRANSLATE_NOOP("Term", "超过计划检查频次"),
    QT_TRANSLATE_NOOP("Term", "短期内重复检查"),
    # InspectorRole
    QT_TRANSLATE_NOOP("Term", "检查员"),
    QT_TRANSLATE_NOOP("Term", "科室负责人"),
    # MajorHazardGrade
    QT_TRANSLATE_NOOP("Term", "一级"),
    QT_TRANSLATE_NOOP("Term", "二级"),
    QT_TRANSLATE_NOOP("Term", "三级"),
    QT_TRANSLATE_NOOP("Term", "四级"),
    # OnsiteMeasure
    QT_TRANSLATE_NOOP("Term", "责令从危险区域内撤出作业人员"),
    QT_TRANSLATE_NOOP("Term", "责令暂时停产停业"),
    QT_TRANSLATE_NOOP("Term", "责令停止使用相关设施、设备"),
    # OperatingStatus
    QT_TRANSLATE_NOOP("Term", "在产"),
    QT_TRANSLATE_NOOP("Term", "停产"),
    QT_TRANSLATE_NOOP("Term", "关闭"),
    # PhotoPhase
    QT_TRANSLATE_NOOP("Term", "整改前"),
    QT_TRANSLATE_NOOP("Term", "整改后"),
    # ReviewResult
    QT_TRANSLATE_NOOP("Term", "合格"),
    QT_TRANSLATE_NOOP("Term", "不合格"),
    # core.checklists.ItemResult (合格 and 不合格 above)
    QT_TRANSLATE_NOOP("Term", "不适用"),
    # RiskGrade
    QT_TRANSLATE_NOOP("Term", "红"),
    QT_TRANSLATE_NOOP("Term", "橙"),
    QT_TRANSLATE_NOOP("Term", "黄"),
    QT_TRANSLATE_NOOP("Term", "蓝"),
    # HAZARD_SUBCATEGORIES
    QT_TRANSLATE_NOOP("Term", "资质证照"),
    QT_TRANSLATE_NOOP("Term", "安全生产管理机构及人员"),
    QT_TRANSLATE_NOOP("Term", "安全规章制度"),
    QT_TRANSLATE_NOOP("Term", "安全教育培训"),
    QT_TRANSLATE_NOOP("Term", "安全生产投入"),
    QT_TRANSLATE_NOOP("Term", "相关方管理"),
    QT_TRANSLATE_NOOP("Term", "重大危险源管理"),
    QT_TRANSLATE_NOOP("Term", "个体防护装备"),
    QT_TRANSLATE_NOOP("Term", "职业健康"),
    QT_TRANSLATE_NOOP("Term", "应急管理"),
    QT_TRANSLATE_NOOP("Term", "隐患排查治理"),
    QT_TRANSLATE_NOOP("Term", "其他基础管理"),
    QT_TRANSLATE_NOOP("Term", "设备设施"),
    QT_TRANSLATE_NOOP("Term", "作业环境"),
    QT_TRANSLATE_NOOP("Term", "特殊作业"),
    QT_TRANSLATE_NOOP("Term", "电气"),
    QT_TRANSLATE_NOOP("Term", "消防"),
    QT_TRANSLATE_NOOP("Term", "粉尘防爆"),
    QT_TRANSLATE_NOOP("Term", "工艺管理"),
    QT_TRANSLATE_NOOP("Term", "其他现场管理"),
    # HAZARDOUS_PROCESSES
    QT_TRANSLATE_NOOP("Term", "光气及光气化工艺"),
    QT_TRANSLATE_NOOP("Term", "电解工艺（氯碱）"),
    QT_TRANSLATE_NOOP("Term", "氯化工艺"),
    QT_TRANSLATE_NOOP("Term", "硝化工艺"),
    QT_TRANSLATE_NOOP("Term", "合成氨工艺"),
    QT_TRANSLATE_NOOP("Term", "裂解（裂化）工艺"),
    QT_TRANSLATE_NOOP("Term", "氟化工艺"),
    QT_TRANSLATE_NOOP("Term", "加氢工艺"),
    QT_TRANSLATE_NOOP("Term", "重氮化工艺"),
    QT_TRANSLATE_NOOP("Term", "氧化工艺"),
    QT_TRANSLATE_NOOP("Term", "过氧化工艺"),
    QT_TRANSLATE_NOOP("Term", "胺基化工艺"),
    QT_TRANSLATE_NOOP("Term", "磺化工艺"),
    QT_TRANSLATE_NOOP("Term", "聚合工艺"),
    QT_TRANSLATE_NOOP("Term", "烷基化工艺"),
    QT_TRANSLATE_NOOP("Term", "新型煤化工工艺"),
    QT_TRANSLATE_NOOP("Term", "电石生产工艺"),
    QT_TRANSLATE_NOOP("Term", "偶氮化工艺"),
    # DUST_KINDS
    QT_TRANSLATE_NOOP("Term", "铝镁金属粉尘"),
    QT_TRANSLATE_NOOP("Term", "木粉"),
    QT_TRANSLATE_NOOP("Term", "农副产品粉尘"),
    QT_TRANSLATE_NOOP("Term", "纺织纤维粉尘"),
    QT_TRANSLATE_NOOP("Term", "合成材料粉尘"),
    QT_TRANSLATE_NOOP("Term", "煤粉"),
    QT_TRANSLATE_NOOP("Term", "其他粉尘"),
    # core.inspections.LABELS
    QT_TRANSLATE_NOOP("Term", "被检查单位"),
    QT_TRANSLATE_NOOP("Term", "检查日期"),
    QT_TRANSLATE_NOOP("Term", "检查类型"),
    QT_TRANSLATE_NOOP("Term", "检查人员"),
    QT_TRANSLATE_NOOP("Term", "检查开始时间"),
    QT_TRANSLATE_NOOP("Term", "检查结束时间"),
    QT_TRANSLATE_NOOP("Term", "企业陪同人员"),
    QT_TRANSLATE_NOOP("Term", "检查场所"),
    QT_TRANSLATE_NOOP("Term", "检查情况"),
    # core.inspectors.LABELS
    QT_TRANSLATE_NOOP("Term", "姓名"),
    QT_TRANSLATE_NOOP("Term", "执法证号"),
    QT_TRANSLATE_NOOP("Term", "单位"),
    QT_TRANSLATE_NOOP("Term", "角色"),
    QT_TRANSLATE_NOOP("Term", "在岗"),
    # core.office.RATE_FORMULA_LABELS
    QT_TRANSLATE_NOOP("Term", "本期发现隐患的整改率"),
    QT_TRANSLATE_NOOP("Term", "本期在办隐患的整改率（含往期结转）"),
    # core.lifecycle.ACTION_LABELS
    QT_TRANSLATE_NOOP("Term", "填写整改方案"),
    QT_TRANSLATE_NOOP("Term", "开始整改"),
    QT_TRANSLATE_NOOP("Term", "撤销开始整改"),
    QT_TRANSLATE_NOOP("Term", "登记整改完成"),
    QT_TRANSLATE_NOOP("Term", "立查立改"),
    QT_TRANSLATE_NOOP("Term", "延期"),
    QT_TRANSLATE_NOOP("Term", "升级为重大隐患"),
    QT_TRANSLATE_NOOP("Term", "修改隐患信息"),
    QT_TRANSLATE_NOOP("Term", "现场处理措施"),
    QT_TRANSLATE_NOOP("Term", "追加说明"),
    QT_TRANSLATE_NOOP("Term", "添加照片"),
    # core.lifecycle.PLAN_LABELS
    QT_TRANSLATE_NOOP("Term", "整改责任单位"),
    QT_TRANSLATE_NOOP("Term", "整改责任人"),
    QT_TRANSLATE_NOOP("Term", "整改措施"),
    QT_TRANSLATE_NOOP("Term", "整改资金"),
    QT_TRANSLATE_NOOP("Term", "整改时限"),
    QT_TRANSLATE_NOOP("Term", "应急预案"),
    # core.lifecycle.FIVE_IN_PLACE (the elements' names, on the plan's chips)
    QT_TRANSLATE_NOOP("Term", "责任"),
    QT_TRANSLATE_NOOP("Term", "措施"),
    QT_TRANSLATE_NOOP("Term", "资金"),
    QT_TRANSLATE_NOOP("Term", "时限"),
    QT_TRANSLATE_NOOP("Term", "预案"),
    # core.lifecycle.DETAIL_LABELS
    QT_TRANSLATE_NOOP("Term", "隐患部位"),
    QT_TRANSLATE_NOOP("Term", "隐患描述"),
    QT_TRANSLATE_NOOP("Term", "隐患类别"),
    QT_TRANSLATE_NOOP("Term", "隐患子类"),
    QT_TRANSLATE_NOOP("Term", "隐患等级"),
    QT_TRANSLATE_NOOP("Term", "依据"),
    QT_TRANSLATE_NOOP("Term", "隐患来源"),
    # core.enterprises.LABELS
    QT_TRANSLATE_NOOP("Term", "企业名称"),
    QT_TRANSLATE_NOOP("Term", "统一社会信用代码"),
    QT_TRANSLATE_NOOP("Term", "属地"),
    QT_TRANSLATE_NOOP("Term", "地址"),
    QT_TRANSLATE_NOOP("Term", "行业"),
    QT_TRANSLATE_NOOP("Term", "监管类别"),
    QT_TRANSLATE_NOOP("Term", "法定代表人"),
    QT_TRANSLATE_NOOP("Term", "职务"),
    QT_TRANSLATE_NOOP("Term", "主要负责人"),
    QT_TRANSLATE_NOOP("Term", "安全总监"),
    QT_TRANSLATE_NOOP("Term", "联系电话"),
    QT_TRANSLATE_NOOP("Term", "经营状态"),
    QT_TRANSLATE_NOOP("Term", "风险等级"),
    QT_TRANSLATE_NOOP("Term", "粉尘种类"),
    QT_TRANSLATE_NOOP("Term", "涉粉作业人数"),
    QT_TRANSLATE_NOOP("Term", "重大危险源等级"),
    QT_TRANSLATE_NOOP("Term", "危险化工工艺"),
    QT_TRANSLATE_NOOP("Term", "厂中厂"),
    QT_TRANSLATE_NOOP("Term", "备注"),
    # core.documents.delivery.LABELS
    QT_TRANSLATE_NOOP("Term", "送达文书"),
    QT_TRANSLATE_NOOP("Term", "送达日期"),
    QT_TRANSLATE_NOOP("Term", "送达方式"),
    QT_TRANSLATE_NOOP("Term", "送达地点"),
    QT_TRANSLATE_NOOP("Term", "收件人"),
    QT_TRANSLATE_NOOP("Term", "送达人"),
    # reports.ledger.SUMMARY_COLUMNS (the ledger summary's columns, previewed on screen)
    QT_TRANSLATE_NOOP("Term", "隐患总数"),
    QT_TRANSLATE_NOOP("Term", "本月新发现"),
    QT_TRANSLATE_NOOP("Term", "其中重大隐患"),
    QT_TRANSLATE_NOOP("Term", "往月结转"),
    QT_TRANSLATE_NOOP("Term", "已销号"),
    QT_TRANSLATE_NOOP("Term", "本月新发现中已销号"),
    QT_TRANSLATE_NOOP("Term", "未销号"),
    QT_TRANSLATE_NOOP("Term", "其中逾期未整改"),
    QT_TRANSLATE_NOOP("Term", "其中逾期未复查"),
    QT_TRANSLATE_NOOP("Term", "未销号重大隐患"),
    # core.office.FIELDS (labels)
    QT_TRANSLATE_NOOP("Term", "执法机关名称"),
    QT_TRANSLATE_NOOP("Term", "文号简称"),
    QT_TRANSLATE_NOOP("Term", "辖区名称"),
    QT_TRANSLATE_NOOP("Term", "现场检查方案代字"),
    QT_TRANSLATE_NOOP("Term", "现场检查记录代字"),
    QT_TRANSLATE_NOOP("Term", "现场处理措施决定书代字"),
    QT_TRANSLATE_NOOP("Term", "责令限期整改指令书代字"),
    QT_TRANSLATE_NOOP("Term", "整改复查意见书代字"),
    QT_TRANSLATE_NOOP("Term", "文书送达回执代字"),
    QT_TRANSLATE_NOOP("Term", "行政复议机关（人民政府）"),
    QT_TRANSLATE_NOOP("Term", "行政复议机关（其他，可不填）"),
    QT_TRANSLATE_NOOP("Term", "行政诉讼法院"),
    QT_TRANSLATE_NOOP("Term", "机关地址"),
    QT_TRANSLATE_NOOP("Term", "整改率口径"),
    QT_TRANSLATE_NOOP("Term", "台账填报单位"),
    QT_TRANSLATE_NOOP("Term", "复查期限（日）"),
    QT_TRANSLATE_NOOP("Term", "重复检查提示期（日）"),
    QT_TRANSLATE_NOOP("Term", "专项行动截止提醒（日）"),
    # core.checklists: VERIFICATION_LABELS, ItemResult, the office checklist's FIELD_LABELS
    QT_TRANSLATE_NOOP("Term", "已核对原文"),
    QT_TRANSLATE_NOOP("Term", "据官方文本"),
    QT_TRANSLATE_NOOP("Term", "待核实"),
    QT_TRANSLATE_NOOP("Term", "本机关检查表"),
    QT_TRANSLATE_NOOP("Term", "不适用"),
    QT_TRANSLATE_NOOP("Term", "检查表名称"),
    QT_TRANSLATE_NOOP("Term", "适用监管类别"),
    QT_TRANSLATE_NOOP("Term", "检查项"),
    QT_TRANSLATE_NOOP("Term", "类别"),
    QT_TRANSLATE_NOOP("Term", "检查内容"),
    QT_TRANSLATE_NOOP("Term", "检查依据"),
    QT_TRANSLATE_NOOP("Term", "是否重大隐患判定项"),
    # field labels and steps the core's messages name (core.lifecycle, schemes, campaigns)
    QT_TRANSLATE_NOOP("Term", "复查人员"),
    QT_TRANSLATE_NOOP("Term", "复查日期"),
    QT_TRANSLATE_NOOP("Term", "复查结果"),
    QT_TRANSLATE_NOOP("Term", "整改完成日期"),
    QT_TRANSLATE_NOOP("Term", "整改日期"),
    QT_TRANSLATE_NOOP("Term", "挂牌日期"),
    QT_TRANSLATE_NOOP("Term", "新整改时限"),
    QT_TRANSLATE_NOOP("Term", "督办单位"),
    QT_TRANSLATE_NOOP("Term", "发现日期"),
    QT_TRANSLATE_NOOP("Term", "照片阶段"),
    QT_TRANSLATE_NOOP("Term", "审核意见"),
    QT_TRANSLATE_NOOP("Term", "审批意见"),
    QT_TRANSLATE_NOOP("Term", "执法人员（主办）"),
    QT_TRANSLATE_NOOP("Term", "执法人员（协办）"),
    QT_TRANSLATE_NOOP("Term", "检查时间"),
    QT_TRANSLATE_NOOP("Term", "检查方式"),
    QT_TRANSLATE_NOOP("Term", "专项行动名称"),
    QT_TRANSLATE_NOOP("Term", "开始日期"),
    QT_TRANSLATE_NOOP("Term", "截止日期"),
    QT_TRANSLATE_NOOP("Term", "修改"),
    QT_TRANSLATE_NOOP("Term", "提交审核"),
    QT_TRANSLATE_NOOP("Term", "审核"),
    QT_TRANSLATE_NOOP("Term", "审批"),
)


def rate_formula_text(formula: str) -> str:
    """The 整改率 formula as the screen explains it (core.office.rate_formula_text prints it)."""
    if formula == RateFormula.FOUND:
        return QCoreApplication.translate(
            "Term", "整改率 = 本期发现的隐患中已销号的数量 ÷ 本期发现的隐患数量 × 100%"
        )
    return QCoreApplication.translate(
        "Term", "整改率 = 已销号的隐患数量 ÷ 本期内任一时间未销号的全部隐患数量（含往期结转）× 100%"
    )


def period_text(start: date, end: date) -> str:
    return QCoreApplication.translate("Term", "{start} 至 {end}").format(
        start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"
    )


def month_text(year: int, month: int) -> str:
    return QCoreApplication.translate("Term", "{year}年{month}月").format(year=year, month=month)


def term(value: str | None) -> str:
    """A vocabulary term in the UI's language; anything else (a name, a free text) unchanged."""
    if not value:
        return ""
    return QCoreApplication.translate("Term", str(value))
