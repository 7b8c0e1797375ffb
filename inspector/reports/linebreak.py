"""Line breaking for Chinese text that never splits a number or a code.

reportlab's CJK wrap (``cjkFragSplit``, and ``wordSplit`` for one-fragment paragraphs) breaks
between any two characters and at any space, NBSP included: a 执法证号, a 文号 or ``GB 50058-2014``
may end up on two lines, which an office cannot sign. ``Para`` breaks only where Chinese
typesetting allows:

* between two Chinese characters, and after a space (U+0020, U+3000), but never
* inside a run of letters and digits with ``-./:_%`` (codes, numbers, dates, times),
* next to U+2060 WORD JOINER (the marker of ``nobr`` spans) or a no-break space,
* before no-line-start punctuation (，。、：；！？）》” …) or after an opening bracket (（《“ …).

A no-line-start mark that does not fit takes the character before it to the next line (推出)
instead of hanging past the right edge into a table rule, as reportlab's wrap lets it. Only a
single unbreakable run wider than the line is broken, where it must.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from reportlab.lib import textsplit as rl_textsplit
from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # internals the CJK wrap reuses, not in the stubs
    Paragraph,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
)

from inspector.reports.fonts import NO_LINE_START, WJ

_FUZZ = 1e-6
_BREAK_SPACES = frozenset(" \u3000\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a")
_GLUE_SPACES = frozenset("\xa0\u202f\u2007")  # no-break spaces: gap(), blank(), HAND_DATE
_WORD_PUNCT = frozenset("-./:_%")
_CANNOT_START = frozenset(rl_textsplit.ALL_CANNOT_START + NO_LINE_START + ")]}")
_CANNOT_END = frozenset(rl_textsplit.ALL_CANNOT_END + "(")


@lru_cache(maxsize=4096)
def _is_word(ch: str) -> bool:
    """Letters and digits that are not Chinese characters, plus the joiners of codes."""
    if ch.isascii():
        return ch.isalnum() or ch in _WORD_PUNCT
    if "\uff10" <= ch <= "\uff5a":  # full-width digits and letters
        return ch.isalnum()
    return ch.isalnum() and unicodedata.east_asian_width(ch) not in ("W", "F")


def can_break(before: str, after: str) -> bool:
    """May a line end between the characters ``before`` and ``after``?"""
    if not before or not after:  # an inline object or an empty fragment
        return True
    if WJ in (before, after) or before in _GLUE_SPACES or after in _GLUE_SPACES:
        return False
    if after in _BREAK_SPACES or after in _CANNOT_START or before in _CANNOT_END:
        return False
    if before in _BREAK_SPACES:
        return True
    if _is_word(before) and _is_word(after):
        return False
    return unicodedata.combining(after) == 0


# Standard codes: GB 50058-2014, GB/T 3836.1-2021, AQ 3009-2007, DB32/T 3794-2020, TSG 21-2016 …
_STANDARD = re.compile(
    r"(?<![A-Za-z0-9])"
    r"(?:GBZ|GBJ|GB|AQ|HG|SH|SY|SL|JGJ|JB|JJG|JTG|CJJ|CECS|DL|NB|MT|WS|XF|GA|TSG|QX|LD|DB\d{2,6}|T/[A-Z]{2,10})"
    r"(?:/[TZ])?[ \u00a0]?[A-Z]?\d+(?:\.\d+)*(?:[-－—–]\d{2,4})?(?![0-9])"
)
# 文号: （新北）应急责改〔2026〕12号, 苏应急罚〔2026〕3号.
_DOC_NUMBER = re.compile(r"(?:[（(][^（）()\s]{1,10}[）)])?[\u4e00-\u9fff]{0,6}[〔［\[]\d{4}[〕］\]]\d+号")


def join(text: str) -> str:
    """``text`` with U+2060 between every two characters: no line break anywhere inside it."""
    return WJ.join(text)


def glue_codes(text: str) -> str:
    """Mark the standard codes and 文号 in ``text`` unbreakable (plain text in, plain text out)."""
    if not any(c.isdigit() for c in text):
        return text
    for pattern in (_STANDARD, _DOC_NUMBER):
        text = pattern.sub(lambda m: join(m.group(0)), text)
    return text


def _width(u: Any, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):  # a percentage width of an inline image
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return float(w)


def break_lines(
    frags: list[Any], max_widths: list[float], calc_bounds: bool, encoding: str = "utf8"
) -> ParaLines:
    """Greedy line breaking of ``frags`` (one glyph at a time) under the rules of this module."""
    units: list[Any] = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        if text:
            units.extend(cjkU(ch, f, encoding) for ch in text)
        else:
            units.append(cjkU(text, f, encoding))
    lines: list[Any] = []
    n = len(units)

    def emit(start: int, end: int, max_width: float, line_break: bool) -> None:
        used = sum(_width(u, max_width) for u in units[start:end])
        trail = end
        while trail > start and str(units[trail - 1]) in _BREAK_SPACES:  # a hanging space
            trail -= 1
            used -= _width(units[trail], max_width)
        line = makeCJKParaLine(units[start:end], max_width, used, max_width - used, line_break, calc_bounds)
        lines.append(line)

    start = i = 0
    used = 0.0
    last_ok = -1  # the latest index before which a break is allowed on this line
    while i < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        u = units[i]
        if hasattr(u.frag, "lineBreak"):  # <br/>
            emit(start, i + 1, max_width, True)
            start = i = i + 1
            used, last_ok = 0.0, -1
            continue
        if i > start and can_break(str(units[i - 1]), str(u)):
            last_ok = i
        w = _width(u, max_width)
        if used + w <= max_width + _FUZZ or str(u) in _BREAK_SPACES or i == start:
            used += w
            i += 1
            continue
        # u does not fit on this line: end it at the last place allowed (a closing mark that does
        # not fit takes the character before it down with it, rather than hang over a table rule).
        if last_ok > start:
            end = last_ok
        elif str(u) in _CANNOT_START and (i + 1 == n or can_break(str(u), str(units[i + 1]))):
            end = i + 1  # nothing to take down: let the mark hang rather than start a line
        else:
            end = i  # one run wider than the line: break it where it is full
        emit(start, end, max_width, False)
        start = i = end
        used, last_ok = 0.0, -1
    if start < n:
        emit(start, n, max_widths[min(len(lines), len(max_widths) - 1)], False)
    return ParaLines(kind=1, lines=lines)


def _join_lines(bl_para: Any, start: int, stop: int) -> list[Any]:
    """The fragments of lines[start:stop], rejoined with no space between lines (CJK)."""
    return [w for line in bl_para.lines[start:stop] for w in line.words]


class Para(Paragraph):
    """A Paragraph that wraps with ``break_lines``; use it for every paragraph of a document.

    It uses the CJK path whatever the style's ``wordWrap``, and when a frame splits it, the part
    carried over keeps its text as it was (reportlab's own split adds a space at each old line end).
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.style.wordWrap != "CJK":
            self.style = self.style.clone(f"{self.style.name}_cjk", wordWrap="CJK")
        return super().wrap(availWidth, availHeight)

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara  # the first part of a split keeps the lines it was given
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        style = self.style
        self.height = 0
        if not self.frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        if self.bulletText:
            _handleBulletWidth(self.bulletText, style, widths)
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return break_lines(self.frags, widths, auto_leading not in ("", "off"))

    def _get_split_blParaFunc(self) -> Any:
        return _join_lines
