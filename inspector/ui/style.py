"""Colours, icons and the small style sheet shared by every screen."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from inspector.core.enums import CoverageState, HazardState, OperatingStatus, RiskGrade
from inspector.paths import resource

ERROR_COLOUR = "#d9363e"
MUTED_COLOUR = "#6b7280"

# 风险四色: the colours every district risk map uses.
RISK_COLOURS: dict[str, str] = {
    RiskGrade.RED.value: "#e03131",
    RiskGrade.ORANGE.value: "#f76707",
    RiskGrade.YELLOW.value: "#fab005",
    RiskGrade.BLUE.value: "#1c7ed6",
}
RISK_TEXT_COLOURS: dict[str, str] = {
    RiskGrade.RED.value: "#ffffff",
    RiskGrade.ORANGE.value: "#ffffff",
    RiskGrade.YELLOW.value: "#3d2f00",
    RiskGrade.BLUE.value: "#ffffff",
}
# 整改状态, the same in every window: orange not started, blue rectifying, purple awaiting
# 复查, green closed. Solid colours for chips with white text and for coloured text; the tints
# (background, text) for the tags drawn inside list cells.
HAZARD_STATE_COLOURS: dict[str, str] = {
    HazardState.REPORTED.value: "#e67700",
    HazardState.RECTIFYING.value: "#1c7ed6",
    HazardState.PENDING_REVIEW.value: "#7048e8",
    HazardState.CLOSED.value: "#2b8a3e",
}
HAZARD_STATE_TINTS: dict[str, tuple[str, str]] = {
    HazardState.REPORTED.value: ("#fff1e6", "#b35000"),
    HazardState.RECTIFYING.value: ("#e7f0fd", "#1c5fb8"),
    HazardState.PENDING_REVIEW.value: ("#f1e9fc", "#6b35b5"),
    HazardState.CLOSED.value: ("#e6f4ea", "#2b8a3e"),
}
OVERDUE_COLOUR = "#c92a2a"  # 逾期 text
OVERDUE_ROW = "#fdecec"  # 逾期 row background
DUE_SOON_COLOUR = "#c77700"  # deadline within a few days
MAJOR_COLOUR = "#a61e4d"  # 重大隐患, 挂牌督办
OK_COLOUR = "#2b8a3e"  # 合格, 五到位齐全
STATUS_COLOURS: dict[str, str] = {
    OperatingStatus.PRODUCING.value: "#2b8a3e",
    OperatingStatus.SUSPENDED.value: "#e67700",
    OperatingStatus.CLOSED.value: "#868e96",
}


def risk_background(value: object) -> str | None:
    return RISK_COLOURS.get(str(value)) if value else None


def risk_foreground(value: object) -> str | None:
    return RISK_TEXT_COLOURS.get(str(value)) if value else None


def status_foreground(value: object) -> str | None:
    return STATUS_COLOURS.get(str(value)) if value else None


@cache
def icon(name: str) -> QIcon:
    """An SVG from resources/icons (empty icon if missing, so a lost file never crashes the UI)."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()


APP_STYLE_SHEET = """
QListWidget#Sidebar {
    background: #1f2d3d;
    border: none;
    color: #d5dde6;
    outline: 0;
    padding-top: 6px;
}
QListWidget#Sidebar::item {
    padding: 9px 10px;
    margin: 1px 6px;
    border-radius: 4px;
}
QListWidget#Sidebar::item:hover {
    background: #2c3e52;
}
QListWidget#Sidebar::item:selected {
    background: #1f6fd1;
    color: #ffffff;
}
QWidget#SidebarHeader {
    background: #1f2d3d;
}
QLabel#SidebarTitle {
    color: #ffffff;
    font-weight: bold;
}
QLabel#PageTitle {
    font-size: 15pt;
    font-weight: bold;
    color: #1f2d3d;
}
QLabel#CountLabel {
    color: #4b5563;
}
QLabel#PlaceholderText {
    color: #6b7280;
    font-size: 13pt;
}
QTableView {
    gridline-color: #e5e7eb;
    selection-background-color: #d0e2fb;
    selection-color: #111827;
}
QHeaderView::section {
    background: #f3f5f8;
    border: none;
    border-right: 1px solid #e1e5ea;
    border-bottom: 1px solid #d5dae1;
    padding: 5px 6px;
    font-weight: bold;
    color: #374151;
}
"""


# --- ui-registry ---
# The registry's forms and lists (企业, 检查人员, 机关设置, 一企一档): named snippets, so no widget
# writes a style sheet or a colour of its own.

FIELD_ERROR_STYLE = f"color: {ERROR_COLOUR};"  # the message under a refused field
MUTED_TEXT_STYLE = f"color: {MUTED_COLOUR};"  # explanations, notes, fact labels
REQUIRED_MARK = f"<span style='color:{ERROR_COLOUR}'>*</span>"  # before a required field's label
INACTIVE_COLOUR = "#9ca3af"  # an inspector who has left (停用)
EMPTY_HINT_STYLE = f"color: {MUTED_COLOUR}; padding: 18px;"  # "暂无…" in place of an empty table
BOLD_TEXT_STYLE = "font-weight: bold;"
FILE_HEADER_STYLE = (
    "QFrame#FileHeader { background: #f7f9fc; border: 1px solid #e1e5ea; border-radius: 6px; }"
)
FILE_NAME_STYLE = "font-size: 15pt; font-weight: bold; color: #1f2d3d;"  # the 一企一档 title
PREVIEW_STYLE = "background: #f7f9fb; border: 1px solid #e1e5ea; border-radius: 4px; padding: 8px;"
CHIP_TEXT_COLOUR = "#ffffff"
NEUTRAL_CHIP_COLOUR = "#868e96"  # a status or grade with no colour of its own
CATEGORY_CHIP_COLOURS = ("#e7f0fd", "#1553a8")  # 监管类别 tags: (background, text)
PLANT_IN_PLANT_CHIP_COLOURS = ("#fff0f0", "#c92a2a")  # 厂中厂: (background, text)


def file_chip_style(background: str, foreground: str = CHIP_TEXT_COLOUR) -> str:
    """A small rounded tag (categories, status, risk grade, counts by state)."""
    return f"background: {background}; color: {foreground}; border-radius: 9px; padding: 2px 9px;"


# --- ui-office ---
# The office pages (工作台, 月度台账, 统计) and their dialogs (导入, 执法统计, 恢复备份).

HEADING_COLOUR = "#1f2d3d"  # titles and big numbers
LINK_COLOUR = "#1f6fd1"
OPEN_COLOUR = "#e67700"  # 未销号 (the REPORTED state's orange)
OPEN_TILE_COLOUR = "#1c7ed6"  # the whole workload (blue)
UPDATE_COLOUR = "#1c6fd1"  # a roster row that updates an enterprise
ERROR_ROW = OVERDUE_ROW  # a row with errors: the same pale red as an overdue row


def text_colour(colour: str) -> str:
    """A label's text in one named colour (the colour itself lives above, never in a widget)."""
    return f"color: {colour};"


MUTED_TEXT = text_colour(MUTED_COLOUR)
ERROR_TEXT = text_colour(ERROR_COLOUR)
LINK_TEXT = text_colour(LINK_COLOUR)
SECTION_HEADING = f"font-size: 12pt; font-weight: bold; color: {HEADING_COLOUR};"
BOLD_SUMMARY = "font-weight: bold; font-size: 12pt;"

SUMMARY_CARD_STYLE = f"""
QFrame#SummaryCard {{ background: #ffffff; border: 1px solid #e1e5ea; border-radius: 6px; }}
QLabel#CardValue {{ font-size: 20pt; font-weight: bold; color: {HEADING_COLOUR}; }}
QLabel#CardCaption {{ color: {MUTED_COLOUR}; }}
"""

IMPORT_ROW_DETAIL_STYLE = (
    "QLabel#ImportRowDetail { background: #f8f9fb; border: 1px solid #e1e5ea; padding: 6px; }"
)


def tile_style(name: str, colour: str) -> str:
    """A 工作台 tile: a white card with its colour as a top band (``name``: the object name)."""
    return f"""
    QPushButton#{name} {{
        background: #ffffff;
        border: 1px solid #dfe3e8;
        border-top: 5px solid {colour};
        border-radius: 4px;
        text-align: left;
    }}
    QPushButton#{name}:hover {{ background: #f6f8fb; border-color: {colour}; }}
    QPushButton#{name}:focus {{ border-color: {colour}; }}
    QPushButton#{name}:pressed {{ background: #eef2f7; }}
    """


TILE_LABEL_STYLE = f"color: {HEADING_COLOUR}; font-weight: bold; font-size: 11pt;"


def tile_count_style(colour: str) -> str:
    return f"color: {colour}; font-size: 26pt; font-weight: bold;"


CALM_EMPTY_STYLE = (
    "QLabel { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 4px;"
    f" color: {OK_COLOUR}; font-size: 11pt; }}"
)
# --- ui-hazards ---
# The hazard pane, the tracker and the action dialogs: colours and style snippets by name.
TITLE_COLOUR = "#1f2d3d"  # numbers and names that head a pane
BODY_COLOUR = "#374151"  # captions in bold
SECONDARY_COLOUR = "#4b5563"  # opinions and reasons under a heading
NEUTRAL_COLOUR = "#868e96"  # a state without its own colour
GENERAL_LEVEL_COLOUR = "#5c6b7a"  # 一般隐患
GENERAL_LEVEL_TINT = ("#e9ecef", "#495057")  # 一般隐患 chip: (background, text)
SUPERVISED_TINT = "#fff0f0"  # 挂牌督办 chip background
ACCENT_COLOUR = "#1f6fd1"  # primary buttons, the newest timeline entry
ACCENT_DARK = "#1a5fb4"
FADED_COLOUR = "#adb5bd"  # older timeline entries
RULE_COLOUR = "#eef0f3"  # thin lines between timeline entries
MISSING_TINT = "#fdecec"  # ✗ element of 五到位
DONE_TINT = "#e6f4ea"  # ✓ element of 五到位

HAZARD_HEADER_STYLE = (
    "QFrame#hazard_header { background:#f5f7fa; border:1px solid #e1e5ea; border-radius:6px; }"
)
HAZARD_NUMBER_STYLE = f"font-size:15pt; font-weight:bold; color:{TITLE_COLOUR};"
PRIMARY_BUTTON_STYLE = (
    f"QPushButton {{ background:{ACCENT_COLOUR}; color:white; border:1px solid {ACCENT_DARK};"
    " border-radius:4px; padding:5px 12px; font-weight:bold; }"
    f"QPushButton:hover {{ background:{ACCENT_DARK}; }}"
)


def text_style(colour: str, bold: bool = False) -> str:
    """A label's text colour (and weight) as a style sheet."""
    return f"color:{colour};" + (" font-weight:bold;" if bold else "")


def chip_style(
    background: str, foreground: str = CHIP_TEXT_COLOUR, border: str = "", narrow: bool = False
) -> str:
    """A rounded tag (states, levels, the five elements)."""
    padding = "1px 6px" if narrow else "1px 9px"  # narrow: the five chips, one line in Chinese
    edge = f" border:1px solid {border};" if border else ""
    return (
        f"background:{background}; color:{foreground}; border-radius:9px; padding:{padding};"
        f" font-weight:bold;{edge}"
    )


def timeline_entry_style(last: bool) -> str:
    """One entry of a hazard's 处理记录: a thin rule under every entry but the last."""
    rule = "" if last else f"border-bottom:1px solid {RULE_COLOUR};"
    return f"QLabel {{ padding:5px 2px; {rule} }}"


# --- ui-visits ---
# Style snippets for single labels, used by name (never a literal style sheet in a widget).
BOLD_TEXT = "font-weight: bold;"
SUBHEADING_COLOUR = "#374151"  # a small bold heading inside a form (整改前照片)
SUBHEADING_TEXT = f"font-weight: bold; color: {SUBHEADING_COLOUR};"
MAJOR_CHOICE = f"QRadioButton:checked {{ color: {ERROR_COLOUR}; font-weight: bold; }}"  # 重大隐患 ticked
FACTS_PANEL_BACKGROUND = "#f7f9fb"
FACTS_PANEL_BORDER = "#e1e5ea"
# The boxed facts of a visit (检查详情); the frame's object name is "facts".
FACTS_FRAME = (
    f"QFrame#facts {{ background: {FACTS_PANEL_BACKGROUND}; border: 1px solid {FACTS_PANEL_BORDER};"
    " border-radius: 4px; }"
)
# Photo tiles (PhotoStrip) and the preview's backdrop.
PHOTO_PLACEHOLDER_BACKGROUND = "#eef1f5"
PHOTO_TILE_BACKGROUND = "#f3f5f8"
PHOTO_TILE_BORDER = "#d5dae1"
PHOTO_BADGE_BACKGROUND = "#1f6fd1"  # the 待保存 badge
PHOTO_BADGE_TEXT = "#ffffff"
PHOTO_PREVIEW_BACKGROUND = "background: #1f2328;"


# --- checklists in 登记检查 ---
PROPOSAL_COLOUR = "#b35900"  # a 重大 proposal from a checklist criterion: a hint, not an error
PROPOSAL_TEXT = f"color: {PROPOSAL_COLOUR};"


# --- ck-ui ---
# 检查表管理 (the checklists dialog and the office checklist editor).
UNVERIFIED_COLOUR = "#c77700"  # 待核实: text not confirmed for the current edition (never official)
CHECKLIST_NOTE_STYLE = (  # the versioning note above the editor and under the items
    "background: #f7f9fb; border: 1px solid #e1e5ea; border-radius: 4px; padding: 6px 8px;"
)
UNVERIFIED_NOTE_STYLE = (  # the warning over a standard whose text is partly unverified
    "background: #fff4e0; border: 1px solid #f3d19c; border-radius: 4px; padding: 6px 8px; color: #8a5300;"
)
CHECKLIST_TITLE_STYLE = "font-size: 13pt; font-weight: bold; color: #1f2d3d;"


# -- lead: plan rules and reminders ---------------------------------------------------------------
WARNING_TEXT_STYLE = f"color: {DUE_SOON_COLOUR}; font-weight: bold;"  # a rule the action crosses
REMINDER_URGENT_COLOUR = OVERDUE_COLOUR  # a reminder past its deadline
REMINDER_PANEL_STYLE = (
    "QFrame#ReminderPanel { background: #fff8e6; border: 1px solid #f5d38a; border-radius: 6px; }"
)

# --- planui ---
# 检查计划 page, plan / campaign dialogs and the coverage view.
TARGET_COUNT_TEXT = f"color: {LINK_COLOUR}; font-weight: bold;"  # "目标企业 N 家" under a target set
PROGRESS_DONE_COLOUR = "#2b8a3e"  # a 完成率 bar at 100 %
PROGRESS_COLOUR = "#1c7ed6"  # a 完成率 bar on its way
PROGRESS_TRACK_COLOUR = "#e9ecef"
COVERAGE_COLOURS: dict[str, str] = {  # text of a coverage state (已检查 green … 逾期未检查 red)
    CoverageState.COVERED.value: OK_COLOUR,
    CoverageState.LATE.value: DUE_SOON_COLOUR,
    CoverageState.PENDING.value: HEADING_COLOUR,
    CoverageState.OVERDUE.value: OVERDUE_COLOUR,
}
COVERAGE_ROW_OVERDUE = OVERDUE_ROW  # the row of an enterprise 逾期未检查
PLAN_FACTS_STYLE = (
    f"QLabel {{ background: {FACTS_PANEL_BACKGROUND}; border: 1px solid {FACTS_PANEL_BORDER};"
    " border-radius: 4px; padding: 6px 8px; }"
)
COUNT_CHIP_STYLE = "font-size: 11pt; font-weight: bold;"

# -- charts (helper charts): the 统计 and 工作台 charts ------------------------------------------
CHART_FOUND_COLOUR = "#1c7ed6"  # 发现 (blue, the workload)
CHART_CLOSED_COLOUR = "#2b8a3e"  # 销号 (green, like the CLOSED state)
CHART_RATE_COLOUR = "#2f9e44"  # 整改率 bars
CHART_LATE_RECT_COLOUR = "#c92a2a"  # 逾期未整改 (the overdue red)
CHART_LATE_REVIEW_COLOUR = "#7048e8"  # 逾期未复查 (the PENDING_REVIEW purple: the office's delay)
CHART_MAJOR_COLOUR = "#a61e4d"  # 挂牌督办中, not overdue
CHART_MAJOR_LATE_COLOUR = "#e8590c"  # 挂牌督办中 and past the deadline
CHART_GRID_COLOUR = "#e5e7eb"
CHART_LABEL_COLOUR = "#374151"

# -- dates helper (issue 13) ----------------------------------------------------------------------
# A read-only field (a closed hazard's 整改方案) must not look typeable: a pale fill, muted border.
READ_ONLY_FIELDS = """
QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] {
    background: #f3f4f6; border: 1px solid #e5e7eb; color: #374151;
}
"""
