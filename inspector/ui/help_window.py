"""使用帮助: the user guide in a window of its own, opened by F1 at the current page's section.

One window per main window, kept open beside the work (not modal): an inspector reads a step and
does it. The text is inspector.guide's, in the UI's language.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspector.guide import Guide, load_guide


def guide_language() -> str:
    """The guide follows the UI: English where install_translations chose English, else Chinese."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"


class HelpWindow(QDialog):
    """Sections down the side, the chosen one beside them; the search box narrows the list."""

    def __init__(self, parent: QWidget | None = None, guide: Guide | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.guide = guide if guide is not None else load_guide(guide_language())
        self.setWindowTitle(self.guide.title or self.tr("使用帮助"))
        self.setModal(False)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("help_search")
        self.search_edit.setPlaceholderText(self.tr("搜索帮助，如 延期、拼音、台账"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        self.section_list = QListWidget()
        self.section_list.setObjectName("help_sections")
        for i, s in enumerate(self.guide.sections):
            item = QListWidgetItem(s.title)
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.section_list.addItem(item)
        self.section_list.currentItemChanged.connect(self._show_item)
        self.empty_label = QLabel(self.tr("没有找到相关内容"))
        self.empty_label.setObjectName("help_empty")
        self.empty_label.setVisible(False)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_text")
        self.browser.setOpenExternalLinks(False)

        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.addWidget(self.search_edit)
        side_lay.addWidget(self.section_list, 1)
        side_lay.addWidget(self.empty_label)
        split = QSplitter()
        split.addWidget(side)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 640])
        lay = QHBoxLayout(self)
        lay.addWidget(split)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self._focus_search)
        self.resize(900, 620)

    # -- what is shown ----------------------------------------------------------------------------
    def show_section(self, index: int) -> None:
        for row in range(self.section_list.count()):
            item = self.section_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == index:
                item.setHidden(False)
                self.section_list.setCurrentItem(item)
                self._show_item(item)
                return

    def show_page(self, page_key: str) -> None:
        """The section explaining the main window's page ``page_key`` (F1 there)."""
        self.search_edit.clear()
        self.show_section(self.guide.section_for_page(page_key))

    def current_title(self) -> str:
        item = self.section_list.currentItem()
        return item.text() if item is not None else ""

    def _show_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        section = self.guide.sections[int(item.data(Qt.ItemDataRole.UserRole))]
        self.browser.setMarkdown(section.markdown)
        self.browser.verticalScrollBar().setValue(0)
        words = self.search_edit.text().split()
        if words:  # mark the first place the search found
            self.browser.find(words[0], QTextDocument.FindFlag(0))

    def _filter(self, text: str) -> None:
        hits = set(self.guide.search(text))
        first: QListWidgetItem | None = None
        for row in range(self.section_list.count()):
            item = self.section_list.item(row)
            hidden = int(item.data(Qt.ItemDataRole.UserRole)) not in hits
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        self.empty_label.setVisible(first is None)
        current = self.section_list.currentItem()
        if first is not None and (current is None or current.isHidden()):
            self.section_list.setCurrentItem(first)
        elif current is not None and not current.isHidden():
            self._show_item(current)

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()


def open_help(parent: QWidget, page_key: str) -> HelpWindow:
    """Show the help window at ``page_key``'s section, reusing the one already open."""
    window = parent.findChild(HelpWindow, "help_window")
    if window is None:
        window = HelpWindow(parent)
    window.show_page(page_key)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
