"""Rebuild the PDF fonts of resources/fonts/ from Debian's font packages (see README.md beside this file).

A build-time tool (``pip install -e '.[fonts]'``), never imported by the app. It keeps the outlines
and metrics reportlab needs to embed a subset in a PDF and drops what a PDF never reads (bitmaps,
hinting, vertical metrics, OpenType layout), so the wheel stays as small as the coverage allows.

    apt-get download fonts-arphic-uming fonts-hanazono
    for f in fonts-*.deb; do dpkg -x "$f" pkgroot; done
    python resources/fonts/build_fonts.py --root pkgroot

The output is byte-for-byte reproducible with the same inputs and fontTools version.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools import version as fonttools_version
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
UMING = "usr/share/fonts/truetype/arphic/uming.ttc"
HANAMIN_A = "usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
HANAMIN_B = "usr/share/fonts/truetype/hanazono/HanaMinB.ttf"
WQY = HERE / "wqy-microhei.ttf"  # bundled already; only read, to know what the fallbacks must add

EXT_A = range(0x3400, 0x4DC0)
# The other blocks of Han characters and their punctuation, where HanaMinA fills what the two
# earlier faces lack (a few dozen URO and compatibility ideographs, radicals, enclosed forms).
CJK_BLOCKS = (
    range(0x2E80, 0x3000),  # radicals, Kangxi radicals, ideographic description
    range(0x3000, 0x3040),  # CJK symbols and punctuation
    range(0x3190, 0x3200),  # kanbun, strokes
    range(0x3200, 0x3400),  # enclosed CJK letters, CJK compatibility (units such as ㎡)
    range(0x4E00, 0xA000),  # unified ideographs (URO)
    range(0xF900, 0xFB00),  # compatibility ideographs
    range(0xFE30, 0xFE50),  # compatibility forms
    range(0xFF00, 0xFFF0),  # half- and full-width forms
    range(0x2F800, 0x2FA20),  # compatibility ideographs supplement
)
EXT_B_TO_F = range(0x20000, 0x2EBF0)  # Ext B, C, D, E, F (Ext G and later: no free TrueType face)

# Tables a PDF viewer never reads from an embedded TrueType font.
DROP = [
    "BDF ",
    "EBDT",
    "EBLC",
    "EBSC",
    "VORG",
    "vhea",
    "vmtx",
    "gasp",
    "FFTM",
    "BASE",
    "prop",
    "JSTF",
    "MATH",
]
DROP += ["GDEF", "GPOS", "GSUB", "kern", "morx", "DSIG", "hdmx", "LTSH", "VDMX", "PCLT"]

# The date of the change the notice records (Arphic Public License §2a: "how and when"). Update it
# when the subsetting rules change, not on a plain rebuild, so a rebuild keeps the same bytes.
CHANGED_ON = "2026-12-02"
NOTICE = (
    "Subset for the Inspector project's PDF documents by resources/fonts/build_fonts.py "
    f"(changed {CHANGED_ON} from Debian package {{package}}): kept the code points listed in "
    "resources/fonts/README.md, dropped bitmaps, hinting, vertical metrics and OpenType layout "
    "tables. Outlines and horizontal metrics are unchanged."
)


def _cmap(font: TTFont) -> set[int]:
    return set(font.getBestCmap())


def _load(path: Path, number: int = 0) -> TTFont:
    # recalcTimestamp=False keeps head.modified, so a rebuild gives the same bytes.
    return TTFont(str(path), fontNumber=number, recalcTimestamp=False, lazy=False)


def _subset(font: TTFont, keep: set[int], package: str, out: Path) -> None:
    options = subset.Options()
    options.drop_tables = [*options.drop_tables, *DROP]
    options.layout_features = []
    options.hinting = False
    options.glyph_names = False  # post format 3: reportlab names glyphs itself
    options.notdef_outline = True  # a missing glyph shows a box, not nothing
    options.name_IDs = ["*"]  # keep copyright, licence and vendor records
    options.name_languages = ["*"]
    options.name_legacy = True
    options.recalc_timestamp = False
    options.prune_unicode_ranges = True
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(keep))
    sub.subset(font)
    for tag in DROP:
        if tag in font:
            del font[tag]
    # Arphic Public License §2a: a prominent notice in each modified file, how and when.
    font["name"].setName(NOTICE.format(package=package), 10, 3, 1, 0x409)
    font["name"].setName(NOTICE.format(package=package), 10, 1, 0, 0)
    font.save(str(out), reorderTables=True)
    print(f"{out.name}: {len(keep)} code points, {out.stat().st_size / 1e6:.1f} MB")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(root: Path, out_dir: Path) -> None:
    uming_path, a_path, b_path = root / UMING, root / HANAMIN_A, root / HANAMIN_B
    for p in (uming_path, a_path, b_path):
        if not p.exists():
            sys.exit(f"missing {p}: extract fonts-arphic-uming and fonts-hanazono under --root")
        print(f"{p}: sha256 {_sha256(p)}")
    print(f"fontTools {fonttools_version}")

    # 1. The body face: AR PL UMing CN (face 0 of the collection), its whole BMP cmap.
    uming = _load(uming_path, 0)
    uming_bmp = {c for c in _cmap(uming) if c < 0x10000}
    _subset(uming, uming_bmp, "fonts-arphic-uming 0.2.20080216.2-11", out_dir / "uming-cn.ttf")

    wqy = _cmap(TTFont(str(WQY), lazy=True))

    # 2. HanaMinA: all of Ext A, plus the Han characters of the other CJK blocks that UMing and
    #    WenQuanYi both lack. Other scripts are out: a name in them is not written in Chinese.
    a = _load(a_path)
    gaps = {c for c in _cmap(a) if c not in uming_bmp and c not in wqy}
    a_keep = {c for c in _cmap(a) if c in EXT_A} | {c for c in gaps if any(c in r for r in CJK_BLOCKS)}
    _subset(a, a_keep, "fonts-hanazono 20170904-2.1", out_dir / "hanamin-a.ttf")

    # 3. HanaMinB: CJK Extension B to F, where the rare characters of names are.
    b = _load(b_path)
    b_keep = {c for c in _cmap(b) if c in EXT_B_TO_F}
    _subset(b, b_keep, "fonts-hanazono 20170904-2.1", out_dir / "hanamin-b.ttf")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=Path("/"), help="where the .deb files were extracted")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: beside this script)")
    args = parser.parse_args()
    build(args.root, args.out)


if __name__ == "__main__":
    main()
