"""TrueType fonts for the PDF, bundled or found on this machine, chosen per text run by script.

reportlab has no glyph fallback: a string set in one font prints every character that font
lacks as an empty box. So a `FontSet` knows several faces (Noto Sans for Latin, Greek and
Cyrillic; Noto Sans Arabic / Hebrew; Noto Sans CJK SC; Noto Emoji; then installed faces such
as DejaVu Sans, WenQuanYi Micro Hei or Symbola) and splits each string into runs that one face
covers. The bundled Noto subsets (`personamap.fonts`) come first, so one file prints the same
PDF on every machine; installed fonts only fill in what the subsets lack. Characters no face
covers are collected per script, so the export can warn by name.

Emoji sequences (👩‍💻, flags, skin tones) are ligatures that reportlab cannot form: a whole
sequence is set as the one private-use character the bundled Noto Emoji maps to its glyph.

Only TrueType outlines are used (reportlab refuses CFF), and every face is embedded as a
subset: the standard 14 fonts are never referenced.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ...fonts import BUNDLED, bundled_file, emoji_sequences, sequence_glyph
from ...model.layout.linebreak import clusters

STYLES = ("regular", "bold", "italic")

# family key -> file names for (regular, bold, italic), most wanted first; subfont index for .ttc
_FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "Noto Sans": (("NotoSans-Regular.ttf",), ("NotoSans-Bold.ttf",), ("NotoSans-Italic.ttf",)),
    "DejaVu Sans": (("DejaVuSans.ttf",), ("DejaVuSans-Bold.ttf",), ("DejaVuSans-Oblique.ttf",)),
    "Segoe UI": (("segoeui.ttf",), ("segoeuib.ttf",), ("segoeuii.ttf",)),
    "Arial": (
        ("Arial.ttf", "arial.ttf"),
        ("Arial Bold.ttf", "arialbd.ttf"),
        ("Arial Italic.ttf", "ariali.ttf"),
    ),
    "Noto Sans Arabic": (("NotoSansArabic-Regular.ttf",), ("NotoSansArabic-Bold.ttf",), ()),
    "Noto Sans Hebrew": (("NotoSansHebrew-Regular.ttf",), ("NotoSansHebrew-Bold.ttf",), ()),
    "Noto Sans CJK SC": (("NotoSansCJKsc-Regular.ttf",), (), ()),
    "WenQuanYi Micro Hei": (("wqy-microhei.ttc",), (), ()),
    "Microsoft YaHei": (("msyh.ttc", "msyh.ttf"), ("msyhbd.ttc", "msyhbd.ttf"), ()),
    "Arial Unicode MS": (("Arial Unicode.ttf", "ARIALUNI.TTF"), (), ()),
    "Noto Emoji": (("NotoEmoji-Regular.ttf",), (), ()),
    "Symbola": (("Symbola.ttf", "Symbola_hint.ttf"), (), ()),
    "Segoe UI Emoji": (("seguiemj.ttf",), (), ()),
    "Segoe UI Symbol": (("seguisym.ttf",), (), ()),
    "Noto Sans Symbols2": (("NotoSansSymbols2-Regular.ttf",), (), ()),
    "Noto Sans Symbols": (("NotoSansSymbols-Regular.ttf",), ("NotoSansSymbols-Bold.ttf",), ()),
}
_GENERAL = ("Noto Sans", "DejaVu Sans", "Segoe UI", "Arial", "Arial Unicode MS")
_PREFERRED: dict[str, tuple[str, ...]] = {
    "Latin": _GENERAL,
    "Arabic": ("Noto Sans Arabic", "DejaVu Sans", "Segoe UI", "Arial Unicode MS"),
    "Hebrew": ("Noto Sans Hebrew", "Noto Sans", "DejaVu Sans", "Segoe UI", "Arial Unicode MS"),
    "CJK": ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "Arial Unicode MS"),
    "Emoji": (
        "Noto Emoji",
        "Symbola",
        "Segoe UI Emoji",
        "Segoe UI Symbol",
        "Noto Sans Symbols2",
        "DejaVu Sans",
    ),
}
_HINTS = {
    "CJK": "install WenQuanYi Micro Hei (Debian: fonts-wqy-microhei)",
    "Arabic": "install Noto Sans Arabic (Debian: fonts-noto-core)",
    "Hebrew": "install Noto Sans Hebrew (Debian: fonts-noto-core)",
    "Emoji": "install a monochrome TrueType emoji font such as Symbola (Debian: fonts-symbola); "
    "colour emoji fonts cannot be embedded",
}
_INVISIBLE = frozenset("\u200d\ufe0e\ufe0f\u200c\u200e\u200f")
"""Joiners, variation selectors and direction marks: dropped when the run's face lacks them."""

_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, "Hebrew"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x08A0, 0x08FF, "Arabic"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0x1100, 0x11FF, "CJK"),
    (0x2E80, 0x33FF, "CJK"),
    (0x3400, 0x4DBF, "CJK"),
    (0x4E00, 0x9FFF, "CJK"),
    (0xA960, 0xA97F, "CJK"),
    (0xAC00, 0xD7AF, "CJK"),
    (0xF900, 0xFAFF, "CJK"),
    (0xFE30, 0xFE4F, "CJK"),
    (0xFF00, 0xFFEF, "CJK"),
    (0x20000, 0x3FFFF, "CJK"),
    (0x2600, 0x27BF, "Emoji"),
    (0x1F000, 0x1FAFF, "Emoji"),
    (0xF0000, 0xFFFFD, "Emoji"),  # whole emoji sequences, as the bundled Noto Emoji maps them
)
_JOINED = re.compile("[\u200d\ufe0f\u20e3\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
"""Characters that make an emoji sequence: joiner, emoji presentation, keycap, flag letters,
skin tones, tag characters."""


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap (what copy, search and text extraction read), with UTF-16
    targets: reportlab writes a character beyond the BMP (an emoji) as five hex digits, which
    readers reject; and a private-use character standing for an emoji sequence maps back to
    the whole sequence."""
    whole = {glyph: sequence for sequence, glyph in emoji_sequences().items()}

    def utf16(cp: int) -> str:
        return (whole.get(chr(cp)) or chr(cp)).encode("utf-16-be").hex().upper()

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{utf16(cp)}>" for i, cp in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def fold_sequences(text: str) -> str:
    """Each emoji sequence the bundled emoji font has a glyph for, replaced by that glyph's one
    private-use character (idempotent; text without sequence characters is returned as is)."""
    if _JOINED.search(text) is None:
        return text
    return "".join(sequence_glyph(cluster) or cluster for cluster in clusters(text))


def script_of(ch: str) -> str:
    """A coarse script name for font choice and warnings: Latin (also Greek, Cyrillic and
    common punctuation), Arabic, Hebrew, CJK, Emoji, or the Unicode name's first word."""
    cp = ord(ch)
    if cp < 0x0590:
        return "Latin"
    for lo, hi, name in _RANGES:
        if lo <= cp <= hi:
            return name
    word = unicodedata.name(ch, "").split(" ")[0]
    return word.capitalize() if word and word not in ("LATIN", "GREEK", "CYRILLIC") else "Latin"


# --- finding font files ----------------------------------------------------------------------


def font_dirs() -> list[Path]:
    """The usual font folders of Linux, Windows and macOS that exist here."""
    home = Path.home()
    dirs = [Path(p) for p in os.environ.get("PERSONAMAP_FONT_DIRS", "").split(os.pathsep) if p] + [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        home / "Library/Fonts",
    ]
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft/Windows/Fonts")
    return [d for d in dirs if d.is_dir()]


def _fontconfig_files() -> list[Path]:
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run(
            [exe, "--format", "%{file}\n"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line) for line in out.splitlines() if line.strip()]


@functools.lru_cache(maxsize=1)
def font_files() -> dict[str, Path]:
    """Every TrueType file found (fontconfig first, then the font folders), by lower-case name."""
    found: dict[str, Path] = {}
    candidates: list[Path] = _fontconfig_files()
    for folder in font_dirs():
        for root, _dirs, files in os.walk(folder):
            candidates.extend(Path(root) / f for f in files)
    for path in candidates:
        if path.suffix.lower() in (".ttf", ".ttc"):
            found.setdefault(path.name.lower(), path)
    return found


# --- faces and the set ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Face:
    """One registered TrueType face: its reportlab name, file and the code points it maps."""

    name: str
    family: str
    style: str
    path: Path
    cmap: frozenset[int] = field(repr=False)


@functools.lru_cache(maxsize=64)
def _register(path: Path, family: str, style: str) -> Face | None:
    name = "PM-" + family.replace(" ", "") + "-" + style
    try:
        font = (
            TTFont(name, str(path), subfontIndex=0)
            if path.suffix.lower() == ".ttc"
            else TTFont(name, str(path))
        )
    except (TTFError, OSError, ValueError, KeyError):  # CFF outlines, broken or unreadable files
        return None
    pdfmetrics.registerFont(font)
    return Face(name, family, style, path, frozenset(font.face.charToGlyph))


@functools.cache
def _bundled() -> dict[str, Path]:
    """The bundled font files by lower-case name (they win over installed files of that name)."""
    found: dict[str, Path] = {}
    for entry in BUNDLED:
        for name in (entry.regular, entry.bold, entry.italic):
            path = bundled_file(name)
            if path is not None:
                found[name.lower()] = path
    return found


def _find(family: str, style: str) -> Face | None:
    names = _FAMILIES[family][STYLES.index(style)]
    files, bundled = font_files(), _bundled()
    for file_name in names:
        path = bundled.get(file_name.lower()) or files.get(file_name.lower())
        if path is not None:
            face = _register(path, family, style)
            if face is not None:
                return face
    return None


def _outside(face: Face | None) -> re.Pattern[str] | None:
    """A pattern matching any character the face lacks or that needs care (marks, joiners,
    scripts with a preferred face of their own), so that plain text skips the per-character walk."""
    if face is None:
        return None
    ranges: list[tuple[int, int]] = []
    for cp in sorted(c for c in face.cmap if 0x20 <= c < 0x0590 and not unicodedata.combining(chr(c))):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile(f"[^{body}]") if body else None


class NoFontError(RuntimeError):
    """No usable TrueType font at all: the PDF cannot be made without the standard 14 fonts."""


class FontSet:
    """The faces of one export and the choice of face for each character.

    `runs(text, style)` splits a string into (face name, text) runs; characters no face has
    are remembered in `missing` (script -> characters) and set in the primary face.
    """

    def __init__(self, families: Iterable[str] | None = None) -> None:
        wanted = tuple(families) if families is not None else tuple(_FAMILIES)
        self.faces: dict[str, dict[str, Face]] = {}
        for family in wanted:
            styles = {s: f for s in STYLES if (f := _find(family, s)) is not None}
            if "regular" in styles:
                self.faces[family] = styles
        general = [f for f in _GENERAL if f in self.faces]
        if not general:
            raise NoFontError(
                "no usable TrueType font found (install Noto Sans or DejaVu Sans: Debian "
                "fonts-noto-core or fonts-dejavu-core)"
            )
        self.primary_family = general[0]
        self._cmaps = {f.name: f.cmap for f in self.embedded_faces()}
        self._plain = {style: _outside(self.faces[self.primary_family].get(style)) for style in STYLES}
        self.missing: dict[str, set[str]] = {}
        self._choice: dict[tuple[str, str], str] = {}
        self._order: dict[str, list[str]] = {}
        for script, preferred in _PREFERRED.items():
            first = [f for f in preferred if f in self.faces]
            self._order[script] = first + [f for f in self.faces if f not in first]

    def primary(self, style: str = "regular") -> str:
        faces = self.faces[self.primary_family]
        return (faces.get(style) or faces["regular"]).name

    def face_for(self, ch: str, style: str = "regular") -> str | None:
        """The face name for one character in a style, or None when no face has it."""
        key = (ch, style)
        hit = self._choice.get(key)
        if hit is not None:
            return hit or None
        cp = ord(ch)
        script = script_of(ch)
        chosen = ""
        for family in self._order.get(script, self._order["Latin"]):
            faces = self.faces[family]
            face = faces.get(style) or faces["regular"]
            if cp in face.cmap:
                chosen = face.name
                break
        self._choice[key] = chosen
        return chosen or None

    def runs(self, text: str, style: str = "regular") -> list[tuple[str, str]]:
        """Split `text` into runs of one face each; spaces and marks stay in the run before."""
        primary = self.primary(style)
        plain = self._plain.get(style)
        if plain is not None and plain.search(text) is None:
            return [(primary, text)] if text else []  # the common case: one face has it all
        text = fold_sequences(text)
        out: list[tuple[str, str]] = []
        current, buf = "", []
        for ch in text:
            if ch == " " or (current and (ch in _INVISIBLE or unicodedata.combining(ch))):
                if current and ch in _INVISIBLE and ord(ch) not in self._cmap(current):
                    continue
                buf.append(ch)
                continue
            face = self.face_for(ch, style)
            if face is None:
                if ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cf"):
                    continue
                self.missing.setdefault(script_of(ch), set()).add(ch)
                face = current or primary
            if face != current and buf:
                out.append((current or face, "".join(buf)))
                buf = []
            current = face
            buf.append(ch)
        if buf:
            out.append((current or primary, "".join(buf)))
        return out

    def _cmap(self, name: str) -> frozenset[int]:
        return self._cmaps.get(name, frozenset())

    def warnings(self) -> list[str]:
        """One line per script no face covers, naming it and a few of its characters."""
        lines = []
        for script, chars in sorted(self.missing.items()):
            sample = " ".join(sorted(chars)[:8])
            hint = _HINTS.get(script, "install a TrueType font that covers it")
            lines.append(
                f"no installed font covers {script} text ({sample}): it prints as empty boxes; {hint}"
            )
        return lines

    def embedded_faces(self) -> list[Face]:
        return [face for styles in self.faces.values() for face in styles.values()]


def describe() -> str:
    """What the exporter found, for `personamap export --fonts` style diagnostics and bug reports."""
    fs = FontSet()
    rows = [
        f"{fam}: {', '.join(f'{s}={f.path}' for s, f in styles.items())}" for fam, styles in fs.faces.items()
    ]
    return "\n".join(rows) if rows else f"no fonts found ({sys.platform})"
