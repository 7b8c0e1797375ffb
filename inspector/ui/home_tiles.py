"""The 工作台's four count tiles: a big clickable number, its name and what it counts (moved out of
home_page.py so that page stays one screen of code; the strings keep their HomePage context)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from inspector.core.dashboard import DUE_SOON_DAYS, Tile
from inspector.ui.style import (
    DUE_SOON_COLOUR,
    MAJOR_COLOUR,
    MUTED_TEXT,
    OPEN_TILE_COLOUR,
    OVERDUE_COLOUR,
    TILE_LABEL_STYLE,
    tile_count_style,
    tile_style,
)

TILE_COLOURS: dict[str, str] = {
    "open": OPEN_TILE_COLOUR,  # blue: the whole workload
    "overdue": OVERDUE_COLOUR,  # red: past the deadline
    "due_soon": DUE_SOON_COLOUR,  # amber: deadline within a week
    "supervised": MAJOR_COLOUR,  # dark red: major hazards under 挂牌督办
}


def tile_title(key: str) -> str:
    """A tile's name on screen (the core's Tile.label is the Chinese one, for the CLI and logs)."""
    return {
        "open": QCoreApplication.translate("HomePage", "未销号隐患"),
        "overdue": QCoreApplication.translate("HomePage", "逾期"),
        "due_soon": QCoreApplication.translate("HomePage", "{n}日内到期").format(n=DUE_SOON_DAYS),
        "supervised": QCoreApplication.translate("HomePage", "挂牌督办重大隐患"),
    }.get(key, "")


def tile_description(key: str) -> str:
    """The line under a tile's number: what it counts, in the inspector's words."""
    return {
        "open": QCoreApplication.translate("HomePage", "尚未复查销号的全部隐患"),
        "overdue": QCoreApplication.translate("HomePage", "已过整改时限仍未销号，应督促整改或依法处理"),
        "due_soon": QCoreApplication.translate("HomePage", "{n}日内到达整改时限，宜提前提醒企业").format(
            n=DUE_SOON_DAYS
        ),
        "supervised": QCoreApplication.translate("HomePage", "重大事故隐患挂牌督办中，复查销号后摘牌"),
    }.get(key, "")


class TileButton(QPushButton):
    """One big clickable count: the number, the tile's label and what it means."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.tile: Tile | None = None
        colour = TILE_COLOURS.get(key, OPEN_TILE_COLOUR)
        self.setObjectName(f"tile_{key}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(128)
        self.setMinimumWidth(170)
        self.setStyleSheet(tile_style(f"tile_{key}", colour))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 12)
        lay.setSpacing(2)
        top = QHBoxLayout()
        self.label = QLabel()
        self.label.setObjectName("tile_label")
        self.label.setStyleSheet(TILE_LABEL_STYLE)
        top.addWidget(self.label)
        top.addStretch(1)
        self.arrow = QLabel(self.tr("查看 ›"))
        self.arrow.setStyleSheet(MUTED_TEXT)
        top.addWidget(self.arrow)
        lay.addLayout(top)
        self.count_label = QLabel("0")
        self.count_label.setObjectName("tile_count")
        self.count_label.setStyleSheet(tile_count_style(colour))
        lay.addWidget(self.count_label)
        self.description = QLabel(tile_description(key))
        self.description.setObjectName("tile_description")
        self.description.setWordWrap(True)
        self.description.setStyleSheet(MUTED_TEXT)
        lay.addWidget(self.description)
        lay.addStretch(1)
        for w in (self.label, self.arrow, self.count_label, self.description):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_tile(self, tile: Tile) -> None:
        self.tile = tile
        title = tile_title(tile.key) or tile.label
        self.label.setText(title)
        self.count_label.setText(f"{tile.count:,}")
        self.setToolTip(self.tr("{label}：{n} 条，点击打开隐患清单").format(label=title, n=tile.count))
        self.setAccessibleName(f"{title} {tile.count}")


__all__ = ["TILE_COLOURS", "TileButton", "tile_description", "tile_title"]
