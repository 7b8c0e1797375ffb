"""The words of a hazard's 处理记录: short event names, summaries without the repeated number."""

from __future__ import annotations

from datetime import datetime

from inspector.core.audit import AuditEntry
from inspector.core.lifecycle import Action
from inspector.ui.hazard_timeline import escape, event_text


def entry(action: str, summary: str, after: dict[str, object] | None = None) -> AuditEntry:
    return AuditEntry(datetime(2026, 12, 1, 9, 30), "张检查", action, summary, None, after)


def test_event_words_and_summaries() -> None:
    assert event_text(entry("create", "YH2026-000001 登记隐患：1号车间"), "YH2026-000001") == (
        "登记隐患",
        "登记隐患：1号车间",
    )
    word, summary = event_text(
        entry(Action.REVIEW.value, "YH2026-000001 复查不合格", {"review": {"opinion": "规格不符"}}),
        "YH2026-000001",
    )
    assert (word, summary) == ("复查", "复查不合格；复查意见：规格不符")
    word, summary = event_text(entry(Action.ADD_NOTE.value, "追加说明", {"note": "周五前完成"}), "YH1")
    assert (word, summary) == ("追加说明", "追加说明；说明：周五前完成")
    assert event_text(entry("import", "导入"), "YH1")[0] == "import"  # an unknown event keeps its name


def test_escape_keeps_text_plain_inside_rich_labels() -> None:
    assert escape("<b>A&B</b>\n下一行") == "&lt;b&gt;A&amp;B&lt;/b&gt;<br>下一行"
