"""Rebuild the bundled font subsets in resources/fonts/ from their published sources.

Sources (all Noto, SIL Open Font License 1.1):
- Noto Sans (regular, bold, italic), Noto Sans Arabic and Hebrew: Debian `fonts-noto-core`;
- Noto Sans CJK SC: Debian `fonts-noto-cjk` (CFF outlines, converted here to TrueType
  quadratic outlines because reportlab embeds TrueType only);
- Noto Emoji (monochrome, variable): the PyPI package `manimgx-fonts`, instanced at weight 400.

The .deb files are fetched with `apt-get download` and unpacked with `dpkg-deb -x`, the wheel
with `pip download`; nothing is installed. Run: `.venv/bin/python scripts/build_fonts.py`.

Emoji sequences (ZWJ sequences, flags, keycaps, skin tones) are ligatures in Noto Emoji's GSUB
table, which reportlab does not apply. Each ligature glyph is therefore also mapped to a code
point of Supplementary Private Use Area-A, and `emoji-sequences.json` lists sequence -> code
point, so the PDF can print a whole sequence as its one glyph.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.varLib import instancer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"
PUA_START = 0xF0000
LATIN = (
    "U+0020-024F,U+0250-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,"
    "U+2100-218F,U+2190-21FF,U+2200-22FF,U+2460-24FF,U+25A0-25FF,U+FB00-FB06,U+FEFF,U+FFFD"
)
ARABIC = "U+0020-0040,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+2010-2027"
HEBREW = "U+0020-0040,U+0590-05FF,U+FB1D-FB4F,U+200C-200F,U+2010-2027"


def cjk_codepoints() -> set[int]:
    """The everyday characters of the national standard sets (GB 2312 and JIS X 0208 level 1,
    KS X 1001 Hangul), with kana, CJK punctuation and full-width forms. Rarer characters fall
    back to an installed CJK font."""
    found: set[int] = set()
    for codec, leads, hangul_only in (
        ("gb2312", range(0xA1, 0xD8), False),  # symbols and level 1 hanzi (3,755 most used)
        ("euc_jp", range(0xA1, 0xD0), False),  # symbols, kana and level 1 kanji
        ("euc_kr", range(0xB0, 0xC9), True),  # the 2,350 Hangul syllables of KS X 1001
    ):
        for lead in leads:
            for trail in range(0xA1, 0xFF):
                try:
                    ch = bytes((lead, trail)).decode(codec)
                except UnicodeDecodeError:
                    continue
                cp = ord(ch)
                if hangul_only and not 0xAC00 <= cp <= 0xD7AF:
                    continue
                found.add(cp)
    found.update(range(0x3000, 0x3100))  # CJK punctuation, kana, bopomofo
    found.update(range(0xFF00, 0xFFF0))  # full-width and half-width forms
    found.update(range(0x0020, 0x007F))
    return found


def _subset(font: TTFont, unicodes: set[int] | None, *, keep_hinting: bool = True) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = keep_hinting
    options.glyph_names = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=unicodes if unicodes is not None else font.getBestCmap().keys())
    sub.subset(font)


def _save(font: TTFont, path: Path) -> None:
    """Save with the source's own timestamp, so that a rebuild gives the same bytes."""
    font.recalcTimestamp = False
    font["head"].modified = font["head"].created
    font.save(path)


def _ranges(spec: str) -> set[int]:
    out: set[int] = set()
    for part in spec.split(","):
        lo, _, hi = part.removeprefix("U+").partition("-")
        out.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return out


def cff_to_glyf(font: TTFont) -> None:
    """Replace CFF outlines by TrueType quadratic ones (max error 2 font units)."""
    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=2.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True


def emoji_sequences(font: TTFont) -> dict[str, int]:
    """Map every ligature of the font's GSUB (emoji sequences) to a new PUA code point in
    its cmap; return sequence text (without U+FE0F) -> code point."""
    cmap = font.getBestCmap()
    by_glyph: dict[str, int] = {}
    for cp, name in sorted(cmap.items()):
        by_glyph.setdefault(name, cp)
    table: dict[str, str] = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for sub in lookup.SubTable:
            if lookup.LookupType == 7:
                sub = sub.ExtSubTable
            ligatures = getattr(sub, "ligatures", None)
            if not ligatures:
                continue
            for first, ligs in ligatures.items():
                for lig in ligs:
                    names = [first, *lig.Component]
                    if not all(n in by_glyph for n in names):
                        continue
                    text = "".join(chr(by_glyph[n]) for n in names).replace("\ufe0f", "")
                    table.setdefault(text, lig.LigGlyph)
    sequences: dict[str, int] = {}
    new_map: dict[int, str] = {}
    for k, (text, glyph) in enumerate(sorted(table.items())):
        sequences[text] = PUA_START + k
        new_map[PUA_START + k] = glyph
    full = [t for t in font["cmap"].tables if t.isUnicode() and t.format == 12]
    if not full:
        raise SystemExit("the emoji font has no format 12 cmap to hold the sequences")
    for table12 in full:
        table12.cmap = {**table12.cmap, **new_map}
    return sequences


def fetch(work: Path) -> dict[str, Path]:
    """Download and unpack the sources into `work`; return the paths of the source files."""
    for package in ("fonts-noto-core", "fonts-noto-cjk"):
        subprocess.run(["apt-get", "download", package], cwd=work, check=True)
    for deb in work.glob("*.deb"):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "root")], check=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(work), "manimgx-fonts"],
        check=True,
    )
    wheel = next(work.glob("manimgx_fonts-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        z.extractall(work / "wheel")
    noto = work / "root/usr/share/fonts/truetype/noto"
    return {
        "noto": noto,
        "cjk": work / "root/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "emoji": next((work / "wheel").rglob("NotoEmoji*.ttf")),
        "licence": next((work / "wheel").rglob("licenses/LICENSE")),
    }


def build(sources: dict[str, Path], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    noto = sources["noto"]
    latin = _ranges(LATIN)
    for name in ("NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic"):
        font = TTFont(noto / f"{name}.ttf")
        _subset(font, latin)
        _save(font, out / f"{name}.ttf")
    for name, spec in (
        ("NotoSansArabic-Regular", ARABIC),
        ("NotoSansArabic-Bold", ARABIC),
        ("NotoSansHebrew-Regular", HEBREW),
        ("NotoSansHebrew-Bold", HEBREW),
    ):
        font = TTFont(noto / f"{name}.ttf")
        _subset(font, _ranges(spec))
        _save(font, out / f"{name}.ttf")
    cjk = TTCollection(str(sources["cjk"])).fonts[2]  # Noto Sans CJK SC
    _subset(cjk, cjk_codepoints(), keep_hinting=False)
    cff_to_glyf(cjk)
    _save(cjk, out / "NotoSansCJKsc-Regular.ttf")
    emoji = instancer.instantiateVariableFont(TTFont(sources["emoji"]), {"wght": 400})
    _subset(emoji, None, keep_hinting=False)
    sequences = emoji_sequences(emoji)
    _save(emoji, out / "NotoEmoji-Regular.ttf")
    (out / "emoji-sequences.json").write_text(
        json.dumps({k: f"{v:X}" for k, v in sequences.items()}, ensure_ascii=False, indent=0) + "\n",
        encoding="utf-8",
    )
    licence = sources["licence"].read_text(encoding="utf-8")
    ofl = licence[licence.find("SIL OPEN FONT LICENSE") :] if "SIL OPEN FONT LICENSE" in licence else licence
    (out / "OFL.txt").write_text(
        "Noto Sans, Noto Sans Arabic, Noto Sans Hebrew, Noto Sans CJK SC and Noto Emoji:\n"
        "Copyright The Noto Project Authors (https://github.com/notofonts).\n"
        "Subsets made by scripts/build_fonts.py (CJK outlines converted to TrueType, Noto Emoji\n"
        "instanced at weight 400 with its sequences also mapped to private-use code points).\n\n" + ofl,
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build(fetch(Path(tmp)), args.out)
    for path in sorted(args.out.iterdir()):
        print(f"{path.stat().st_size:>10,}  {path.name}")


if __name__ == "__main__":
    main()
