"""The user guide (resources/help/guide.<language>.md), read into sections for the help window.

The guide is one Markdown file per language so the same text reads well in the repository and in
the app. A ``## `` heading starts a section; a ``<!-- page: key -->`` line inside it says which page
of the main window it explains (F1 on that page opens it). Qt-free, so it is tested without a
QApplication and the CLI could print it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from inspector.paths import resource

GUIDE_LANGUAGES = ("zh_CN", "en")
_PAGE_MARK = re.compile(r"^<!--\s*page:\s*([\w,\s-]+?)\s*-->\s*$")


@dataclass(frozen=True)
class GuideSection:
    title: str
    markdown: str  # the section's text with its heading, page markers removed
    pages: tuple[str, ...]  # main-window page keys this section explains

    def matches(self, words: list[str]) -> bool:
        """Every word occurs in the title or the text (case-insensitive)."""
        text = (self.title + "\n" + self.markdown).casefold()
        return all(w in text for w in words)


@dataclass(frozen=True)
class Guide:
    title: str
    intro: str  # what stands before the first section
    sections: tuple[GuideSection, ...]

    def section_for_page(self, page_key: str) -> int:
        """The index of the section explaining ``page_key``; the first section if none does."""
        for i, s in enumerate(self.sections):
            if page_key in s.pages:
                return i
        return 0

    def search(self, text: str) -> list[int]:
        """Indexes of the sections containing every whitespace-separated word of ``text``."""
        words = text.casefold().split()
        return [i for i, s in enumerate(self.sections) if s.matches(words)]


def guide_path(language: str) -> Path:
    """The guide in ``language``; Chinese, the source, for any language without its own file."""
    path = resource("help", f"guide.{language}.md")
    return path if path.exists() else resource("help", "guide.zh_CN.md")


def parse_guide(text: str) -> Guide:
    """Split the Markdown at its ``## `` headings; the ``# `` heading is the guide's title."""
    title = ""
    intro: list[str] = []
    sections: list[GuideSection] = []
    head: str | None = None
    body: list[str] = []
    pages: list[str] = []

    def close() -> None:
        if head is not None:
            md = "\n".join(["## " + head, *body]).strip() + "\n"
            sections.append(GuideSection(head, md, tuple(pages)))

    for line in text.splitlines():
        if line.startswith("## "):
            close()
            head, body, pages = line[3:].strip(), [], []
        elif line.startswith("# ") and not title and head is None:
            title = line[2:].strip()
        elif (mark := _PAGE_MARK.match(line.strip())) is not None:
            pages.extend(k.strip() for k in mark.group(1).split(",") if k.strip())
        elif head is None:
            intro.append(line)
        else:
            body.append(line)
    close()
    return Guide(title, "\n".join(intro).strip(), tuple(sections))


def load_guide(language: str) -> Guide:
    return parse_guide(guide_path(language).read_text(encoding="utf-8"))
