"""Colours, icons and the small style sheet shared by every screen."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from inspector.core.enums import HazardState, OperatingStatus, RiskGrade
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


# --- ui-visits ---
# Style snippets for single labels, used by name (never a literal style sheet in a widget).
ERROR_TEXT = f"color: {ERROR_COLOUR};"
MUTED_TEXT = f"color: {MUTED_COLOUR};"
BOLD_TEXT = "font-weight: bold;"
SUBHEADING_COLOUR = "#374151"  # a small bold heading inside a form (整改前照片)
SUBHEADING_TEXT = f"font-weight: bold; color: {SUBHEADING_COLOUR};"
MAJOR_CHOICE = f"QRadioButton:checked {{ color: {ERROR_COLOUR}; font-weight: bold; }}"  # 重大隐患 ticked
REQUIRED_MARK = f"<span style='color:{ERROR_COLOUR}'>*</span> "  # before a required field's label
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
