"""``core.i18n.say``: the core's messages in Chinese as written, or through the UI's translator."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from inspector import i18n
from inspector.core.dates import DateTextError, parse_date
from inspector.i18n import QT_TRANSLATE_NOOP, say

ENGLISH = {
    ("core", "没有这一天：{year}年{month}月{day}日"): "No such day: {year}-{month:02d}-{day:02d}",
    ("core", "{state}的隐患不能{action}"): "A hazard {state} cannot be {action}",
    ("Term", "待复查"): "pending re-inspection",
}


@pytest.fixture
def english() -> Iterator[None]:
    i18n.install(lambda context, text: ENGLISH.get((context, text), text))
    yield
    i18n.install(None)


def test_without_a_translator_the_chinese_text_is_given() -> None:
    assert say(QT_TRANSLATE_NOOP("core", "{state}的隐患不能{action}"), state="待复查", action="延期") == (
        "待复查的隐患不能延期"
    )
    with pytest.raises(DateTextError, match="没有这一天：2026年2月30日"):
        parse_date("2026-02-30")


def test_the_template_and_the_domain_terms_among_the_values_are_translated(english: None) -> None:
    said = say(QT_TRANSLATE_NOOP("core", "{state}的隐患不能{action}"), state="待复查", action="extended")
    assert said == "A hazard pending re-inspection cannot be extended"
    with pytest.raises(DateTextError) as refused:
        parse_date("2026-02-30")
    assert str(refused.value) == "No such day: 2026-02-30"
    assert say(QT_TRANSLATE_NOOP("core", "没有翻译的消息")) == "没有翻译的消息"  # untranslated: the source
