"""The faces of the printed documents and the per-glyph fallback between them.

The body is AR PL UMing CN, a Ming (宋体) face like the printed forms. A name may hold characters it
lacks (CJK Extension A–F, e.g. 𠀀): each such run is set in the first face that has it —
WenQuanYi Micro Hei, then HanaMinA, then HanaMinB — and a character no face has prints as 〓,
never as a blank. The fallback faces are registered only when a text needs them: HanaMinB is
30 MB. All faces are TrueType (glyf) outlines, the only kind reportlab embeds.

U+2060 WORD JOINER is the in-band "no line break here" marker (see ``linebreak``): every face
registered here gives it no width and no glyph, so it never reaches the PDF's text.
"""

from __future__ import annotations

import logging
import re
import struct
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import textsplit as rl_textsplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont
from reportlab.platypus import paragraph as rl_paragraph

from inspector.paths import fonts_dir

log = logging.getLogger(__name__)

WJ = "\u2060"  # WORD JOINER: glues its neighbours, prints nothing
MISSING = "〓"  # U+3013 GETA MARK, the typesetter's sign for a character that has no type


@dataclass(frozen=True)
class Face:
    """A TrueType file of resources/fonts and the name reportlab knows it by (``<font name=…>``)."""

    name: str
    file: str

    @property
    def path(self) -> Path:
        return fonts_dir() / self.file


BODY = Face("UMingCN", "uming-cn.ttf")
# In the order they are tried; README.md beside the files says what each one covers.
FALLBACKS = (
    Face("WQYMicroHei", "wqy-microhei.ttf"),  # URO characters UMing lacks (a sans face: rare)
    Face("HanaMinA", "hanamin-a.ttf"),  # CJK Extension A, the last gaps of the other CJK blocks
    Face("HanaMinB", "hanamin-b.ttf"),  # CJK Extension B–F
)
FACES = (BODY, *FALLBACKS)


_BFCHAR = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _utf16_cmap(content: str) -> str:
    """Write code points above U+FFFF of a ToUnicode CMap as UTF-16 pairs, as the PDF format says.

    reportlab writes ``<20000>`` for 𠀀: readers reject it and copy or search nothing.
    """
    return _BFCHAR.sub(
        lambda m: f"<{m[1]}> <{chr(int(m[2], 16)).encode('utf-16-be').hex().upper()}>", content
    )


class _PdfFont(TTFont):
    """A TrueType face for which U+2060 has no width and no glyph (it is layout-only markup),
    and whose characters beyond the BMP extract back from the PDF."""

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        wide = [n for n, subset in enumerate(state.subsets) if max(subset) > 0xFFFF] if state else []
        super().addObjects(doc)
        for n in wide:
            base = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _utf16_cmap(stream.content)

    def stringWidth(self, text: Any, size: float, encoding: str = "utf8") -> float:
        if isinstance(text, str) and WJ in text:
            text = text.replace(WJ, "")
        return float(super().stringWidth(text, size, encoding))

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        if isinstance(text, str) and WJ in text:
            text = text.replace(WJ, "")
        return list(super().splitString(text, doc, encoding))


# Full-width punctuation that must not begin a line (避头点). reportlab's CJK wrapping knows the
# Japanese set but not "，：；！？》" and friends, which Chinese text uses on every line.
NO_LINE_START = "，：；！？》”’』〉）％"

_lock = threading.Lock()
_registered: dict[str, _PdfFont] = {}


def register(face: Face) -> str:
    """Register ``face`` with reportlab once per process (thread-safe); returns its name."""
    font = _registered.get(face.name)
    if font is None:
        with _lock:
            font = _registered.get(face.name)
            if font is None:
                font = _PdfFont(face.name, str(face.path))
                pdfmetrics.registerFont(font)
                _registered[face.name] = font
                if face is not BODY:
                    log.info("registered the fallback face %s (%s)", face.name, face.file)
    return face.name


@lru_cache(maxsize=1)
def register_body() -> str:
    """The body face, plus the Chinese no-line-start punctuation for reportlab's own wrapping."""
    register(BODY)
    # Read at wrap time by cjkFragSplit (paragraph) and dumbSplit (textsplit); additive only.
    for module in (rl_paragraph, rl_textsplit):
        known: str = module.ALL_CANNOT_START
        extra = "".join(c for c in NO_LINE_START if c not in known)
        module.ALL_CANNOT_START = known + extra  # type: ignore[attr-defined]  # the stubs call it a constant
    return BODY.name


def is_registered(face: Face) -> bool:
    return face.name in _registered


# -- coverage ----------------------------------------------------------------------------------


def read_cmap(path: Path) -> frozenset[int]:
    """The code points a TrueType file maps to a glyph, read from its cmap table alone.

    Deciding which fallback face has a character must not cost registering a 30 MB face; this
    reads a few hundred kilobytes. Formats 12 (full Unicode) and 4 (BMP) are what fontTools and
    FontForge write for these files.
    """
    with path.open("rb") as f:
        num_tables = struct.unpack(">4xH6x", f.read(12))[0]
        directory = f.read(16 * num_tables)
        for i in range(num_tables):
            tag, _, offset, length = struct.unpack_from(">4sIII", directory, 16 * i)
            if tag == b"cmap":
                f.seek(offset)
                data = f.read(length)
                break
        else:
            raise ValueError(f"{path}: no cmap table")
    subtables: dict[int, int] = {}
    for i in range(struct.unpack_from(">H", data, 2)[0]):
        platform, _encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
        if platform in (0, 3):  # Unicode or Windows-Unicode
            subtables.setdefault(struct.unpack_from(">H", data, offset)[0], offset)
    if 12 in subtables:
        at = subtables[12]
        groups = struct.unpack_from(">I", data, at + 12)[0]
        points: set[int] = set()
        for start, end, glyph in struct.iter_unpack(">III", data[at + 16 : at + 16 + 12 * groups]):
            points.update(range(start if glyph else start + 1, end + 1))
        return frozenset(points)
    if 4 in subtables:
        return frozenset(_cmap4(data, subtables[4]))
    raise ValueError(f"{path}: no Unicode cmap subtable of format 4 or 12")


def _cmap4(data: bytes, at: int) -> Iterator[int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    range_at = at + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_at)
    for k, (start, end, delta, ro) in enumerate(zip(starts, ends, deltas, offsets, strict=True)):
        for c in range(start, end + 1):
            if c == 0xFFFF:
                continue
            if ro == 0:
                glyph = (c + delta) & 0xFFFF
            else:
                glyph = struct.unpack_from(">H", data, range_at + 2 * k + ro + 2 * (c - start))[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                yield c


@cache
def coverage(face: Face) -> frozenset[int]:
    return read_cmap(face.path)


_face_of: dict[int, Face | None] = {}
_reported: set[int] = set()


def face_for(code: int) -> Face | None:
    """The first face with a glyph for ``code`` (None: no face has one). Registers nothing."""
    try:
        return _face_of[code]
    except KeyError:
        pass
    found = next((f for f in FACES if code in coverage(f)), None)
    _face_of[code] = found
    return found


def _invisible(ch: str) -> bool:
    """Format controls and variation selectors: no glyph by definition, so drop, not 〓."""
    code = ord(ch)
    return (
        (unicodedata.category(ch) == "Cf" and ch != WJ)
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


def runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (font name, text) runs, each set in the first face that has its characters.

    Controls (newline, tab) and U+2060 stay with the run they are in; a character no face has
    becomes 〓 in the body face and is logged once per process. Fallback faces get registered.
    """
    body = register_body()
    out: list[tuple[str, list[str]]] = []
    current = body
    for ch in text:
        code = ord(ch)
        name = current
        if ch == WJ or code < 0x20 or 0x7F <= code < 0xA0:
            pass  # keeps the current run: markup or whitespace, not a glyph to find
        elif _invisible(ch):
            continue
        else:
            face = face_for(code)
            if face is None:
                if code not in _reported:
                    _reported.add(code)
                    log.warning("no bundled face has U+%04X; it prints as %s", code, MISSING)
                ch, name = MISSING, body
            else:
                name = register(face)
        if out and out[-1][0] == name:
            out[-1][1].append(ch)
        else:
            out.append((name, [ch]))
        current = name
    return [(name, "".join(chars)) for name, chars in out]


def registered_fallbacks() -> list[str]:
    """Names of the fallback faces this process has registered (for tests and measurements)."""
    return [f.name for f in FALLBACKS if is_registered(f)]
