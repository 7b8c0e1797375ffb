"""A hazard's history as the pane shows it: 复查与延期 at a glance and the whole 处理记录.

Law enforcement asks for a whole-process record (执法全过程记录): every audit event of the hazard,
newest first, each with who and when. It is its own module because it only reads the
``HazardDetail`` it is given (no service call, no state) and its wording of audit events is a
small vocabulary of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from inspector.core.audit import AuditEntry
from inspector.core.enums import HazardLevel, ReviewResult
from inspector.core.hazards import HazardDetail as HazardDetailData
from inspector.core.lifecycle import MEASURE_SEPARATOR, Action
from inspector.ui.style import (
    ACCENT_COLOUR,
    ERROR_COLOUR,
    FADED_COLOUR,
    MUTED_COLOUR,
    OK_COLOUR,
    SECONDARY_COLOUR,
    timeline_entry_style,
)
from inspector.ui.terms import term
from inspector.ui.widgets import Section, clear_layout

# Short words for the timeline (translated where shown); the event's own summary says the rest.
EVENT_WORDS: dict[str, object] = {  # object: how PySide types QT_TRANSLATE_NOOP
    "create": QT_TRANSLATE_NOOP("HazardTimeline", "登记隐患"),
    Action.SAVE_PLAN.value: QT_TRANSLATE_NOOP("HazardTimeline", "保存整改方案"),
    Action.START.value: QT_TRANSLATE_NOOP("HazardTimeline", "开始整改"),
    Action.REPORT_DONE.value: QT_TRANSLATE_NOOP("HazardTimeline", "整改完成"),
    Action.REVIEW.value: QT_TRANSLATE_NOOP("HazardTimeline", "复查"),
    Action.RECTIFY_ON_SPOT.value: QT_TRANSLATE_NOOP("HazardTimeline", "立查立改"),
    Action.EXTEND.value: QT_TRANSLATE_NOOP("HazardTimeline", "延期"),
    Action.RAISE_TO_MAJOR.value: QT_TRANSLATE_NOOP("HazardTimeline", "挂牌督办"),
    Action.EDIT.value: QT_TRANSLATE_NOOP("HazardTimeline", "修改信息"),
    Action.ONSITE_MEASURES.value: QT_TRANSLATE_NOOP("HazardTimeline", "现场处理措施"),
    Action.ADD_NOTE.value: QT_TRANSLATE_NOOP("HazardTimeline", "追加说明"),
    Action.ADD_PHOTOS.value: QT_TRANSLATE_NOOP("HazardTimeline", "添加照片"),
    Action.UNDO_START.value: QT_TRANSLATE_NOOP("HazardTimeline", "撤销开始整改"),
}

# The core words each event's summary in Chinese and stores it (core.lifecycle.transitions, and
# core.hazards.registration for 登记); these are its wordings, with the number taken off and the
# values as {fields}. A summary read back by one of them is shown in the UI's language, its
# values as stored (names, places, reasons) or as terms (levels, labels, photo phases); any other
# summary is shown as stored. Untranslated, a template gives back the stored text exactly.
SUMMARIES: tuple[object, ...] = (  # most specific first: 登记…，挂牌督办 before 登记…
    QT_TRANSLATE_NOOP("HazardTimeline", "登记{level}：{what}，挂牌督办（督办单位：{unit}）"),
    QT_TRANSLATE_NOOP("HazardTimeline", "登记{level}：{what}"),
    QT_TRANSLATE_NOOP("HazardTimeline", "保存整改方案（五到位齐全）"),
    QT_TRANSLATE_NOOP("HazardTimeline", "保存整改方案，尚缺：{missing}"),
    QT_TRANSLATE_NOOP("HazardTimeline", "五到位齐全，进入整改中（整改时限 {day}）"),
    QT_TRANSLATE_NOOP("HazardTimeline", "撤销开始整改，退回待整改（整改方案保留）"),
    QT_TRANSLATE_NOOP("HazardTimeline", "企业报告整改完成（{day}），待复查"),
    QT_TRANSLATE_NOOP("HazardTimeline", "复查合格（{names}），销号并摘牌"),
    QT_TRANSLATE_NOOP("HazardTimeline", "复查合格（{names}），销号"),
    QT_TRANSLATE_NOOP("HazardTimeline", "复查不合格（{names}），退回整改中，新整改时限 {day}"),
    QT_TRANSLATE_NOOP("HazardTimeline", "立查立改，当场整改销号"),
    QT_TRANSLATE_NOOP("HazardTimeline", "延期：整改时限 {old} → {new}（理由：{reason}）"),
    QT_TRANSLATE_NOOP("HazardTimeline", "升级为重大隐患，挂牌督办（督办单位：{unit}）"),
    QT_TRANSLATE_NOOP("HazardTimeline", "修改隐患信息：{fields}"),
    QT_TRANSLATE_NOOP("HazardTimeline", "现场处理措施：{measures}"),
    QT_TRANSLATE_NOOP("HazardTimeline", "取消现场处理措施"),
    QT_TRANSLATE_NOOP("HazardTimeline", "追加说明：{text}"),
    QT_TRANSLATE_NOOP("HazardTimeline", "添加照片：{photos}"),
)
PHOTO_COUNT = re.compile(r"(?P<phase>.+?)(?P<n>\d+)张")  # one item of 添加照片：整改前2张、整改后1张


def _joined(items: list[str]) -> str:
    return QCoreApplication.translate("HazardTimeline", "、").join(items)


def _terms(stored: str) -> str:
    """Labels the core joined by 、 (尚缺：…, 修改隐患信息：…), each shown as a term."""
    return _joined([term(label) for label in stored.split("、")])


def _measures(stored: str) -> str:
    """现场处理措施 as stored (joined by ；), each shown as a term."""
    separator = QCoreApplication.translate("HazardTimeline", "；")
    return separator.join(term(m) for m in stored.split(MEASURE_SEPARATOR))


def _photos(stored: str) -> str:
    """整改前2张、整改后1张: each phase a term, each count in the UI's words."""
    shown = []
    for item in stored.split("、"):
        m = PHOTO_COUNT.fullmatch(item)
        count = QCoreApplication.translate("HazardTimeline", "{phase}{n}张")
        shown.append(count.format(phase=term(m["phase"]), n=m["n"]) if m else item)
    return _joined(shown)


# How a value of a summary is shown; the other values are shown as stored.
SHOWN_AS: dict[str, Callable[[str], str]] = {
    "level": term,
    "missing": _terms,
    "fields": _terms,
    "measures": _measures,
    "photos": _photos,
}


# What a value may be, where a summary's wording alone does not settle it (登记一般隐患：…).
VALUE_PATTERNS: dict[str, str] = {"level": "|".join(re.escape(v.value) for v in HazardLevel)}


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)  # literal, name, literal, name, …, literal
    return re.compile(
        "".join(
            re.escape(p) if n % 2 == 0 else f"(?P<{p}>{VALUE_PATTERNS.get(p, '.*?')})"
            for n, p in enumerate(parts)
        ),
        re.DOTALL,
    )


_PATTERNS = tuple((str(t), _pattern(str(t))) for t in SUMMARIES)


def _read(summary: str) -> tuple[str, dict[str, str]] | None:
    for template, pattern in _PATTERNS:
        m = pattern.fullmatch(summary)
        if m is not None:
            return template, m.groupdict()
    return None


def summary_wording(summary: str) -> str | None:
    """Which of ``SUMMARIES`` a stored summary (number taken off) is worded by; None: none."""
    read = _read(summary)
    return read[0] if read else None


def summary_text(summary: str) -> str:
    """A stored summary (number taken off) in the UI's language; unknown wordings as stored."""
    read = _read(summary)
    if read is None:
        return summary
    template, values = read
    shown = {k: SHOWN_AS.get(k, str)(v) for k, v in values.items()}
    return QCoreApplication.translate("HazardTimeline", template).format(**shown)


def escape(text: str) -> str:
    """Plain text inside a rich-text label (line breaks kept)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


def event_text(entry: AuditEntry, number: str) -> tuple[str, str]:
    """(short word, details) of one audit event, without the repeated 隐患编号."""
    summary = summary_text(entry.summary.removeprefix(number).strip())
    after = entry.after or {}
    if isinstance(after.get("note"), str) and after["note"]:
        summary += QCoreApplication.translate("HazardTimeline", "；说明：{note}").format(note=after["note"])
    review = after.get("review")
    if isinstance(review, dict) and review.get("opinion"):
        summary += QCoreApplication.translate("HazardTimeline", "；复查意见：{opinion}").format(
            opinion=review["opinion"]
        )
    word = EVENT_WORDS.get(entry.action)
    return (QCoreApplication.translate("HazardTimeline", str(word)) if word else entry.action), summary


class HazardTimeline(Section):
    """处理记录（最新在前）: one label per audit event; ``labels`` in the order shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("处理记录（最新在前）"), "timeline_box", parent)
        self.entries = QVBoxLayout()
        self.entries.setSpacing(0)
        self.body.addLayout(self.entries)
        self.labels: list[QLabel] = []

    def show_hazard(self, d: HazardDetailData) -> None:
        clear_layout(self.entries)
        self.labels = []
        entries = list(reversed(d.timeline))
        for n, entry in enumerate(entries):
            word, summary = event_text(entry, d.number)
            label = QLabel()
            label.setObjectName("timeline_entry")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            dot = ACCENT_COLOUR if n == 0 else FADED_COLOUR
            label.setText(
                f"<span style='color:{dot}'>●</span> "
                f"<span style='color:{MUTED_COLOUR}'>{entry.at:%Y-%m-%d %H:%M} · {escape(entry.actor_name)}</span>"
                f"<br><b>{escape(word)}</b>　{escape(summary)}"
            )
            label.setStyleSheet(timeline_entry_style(last=n == len(entries) - 1))
            label.setProperty("plain", f"{word} {summary}")
            self.entries.addWidget(label)
            self.labels.append(label)


class ReviewHistory(Section):
    """复查与延期: re-inspections and extensions in the order they happened (the timeline has
    them too, but here results and deadlines are read at a glance). Hidden while there is none.

    ``print_review(reinspection_id)`` asks for the 复查意见书 of one particular 复查.
    """

    print_review = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("复查与延期"), "reviews_box", parent)
        self.label = QLabel()
        self.label.setObjectName("reviews_label")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.label.linkActivated.connect(self._link)
        self.body.addWidget(self.label)

    def _link(self, link: str) -> None:
        if link.startswith("review:"):
            self.print_review.emit(int(link.split(":", 1)[1]))

    def _secondary(self, text: str) -> str:
        return f"<br><span style='color:{SECONDARY_COLOUR}'>{text}</span>"

    def show_hazard(self, d: HazardDetailData) -> None:
        lines: list[tuple[str, str]] = []
        for r in d.reinspections:
            colour = OK_COLOUR if r.result == ReviewResult.PASSED else ERROR_COLOUR
            line = self.tr(
                "<b>{day} 复查 <span style='color:{colour}'>{result}</span></b>（{names}）"
            ).format(
                day=r.reviewed_on.isoformat(),
                colour=colour,
                result=term(r.result),
                names=escape("、".join(r.inspectors)),
            )
            if r.new_deadline is not None:
                old = r.previous_deadline.isoformat() if r.previous_deadline else "—"
                line += self.tr("，整改时限 {old} → {new}").format(old=old, new=r.new_deadline.isoformat())
            if r.opinion:
                line += self._secondary(self.tr("复查意见：{text}").format(text=escape(r.opinion)))
            if d.inspection_id is not None:
                line += self.tr("　<a href='review:{id}'>打印该次复查意见书</a>").format(id=r.id)
            lines.append((r.reviewed_on.isoformat(), line))
        for e in d.extensions:
            old = e.old_deadline.isoformat() if e.old_deadline else "—"
            who = self.tr("（{name}）").format(name=escape(e.by_name)) if e.by_name else ""
            line = self.tr("<b>{day} 延期</b>{who}，整改时限 {old} → {new}").format(
                day=f"{e.at:%Y-%m-%d}", who=who, old=old, new=e.new_deadline.isoformat()
            )
            line += self._secondary(self.tr("理由：{text}").format(text=escape(e.reason)))
            lines.append((f"{e.at:%Y-%m-%d}", line))
        lines.sort(key=lambda pair: pair[0])  # stable: same day keeps reviews before extensions
        self.label.setText("<br><br>".join(line for _day, line in lines))
        self.setVisible(bool(lines))
