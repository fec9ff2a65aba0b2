"""The fonts personamap ships and the text units they print, shared by the canvas and the PDF.

The bundled faces (Noto subsets under the OFL, in `resources/fonts/`) sit below both the Qt
side (`personamap.fonts.qt` registers them with Qt) and the PDF side (`personamap.export.pdf.fonts`
embeds them), so neither imports the other. No Qt here.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import NamedTuple


class Bundled(NamedTuple):
    """One bundled family: its name and its files for regular, bold and italic ("" if none)."""

    family: str
    script: str
    """The coarse script it is for (see `export.fonts.script_of`): Latin, Arabic, Hebrew, CJK, Emoji."""
    regular: str
    bold: str = ""
    italic: str = ""


BUNDLED: tuple[Bundled, ...] = (
    Bundled("Noto Sans", "Latin", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"),
    Bundled("Noto Sans Arabic", "Arabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    Bundled("Noto Sans Hebrew", "Hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    Bundled("Noto Sans CJK SC", "CJK", "NotoSansCJKsc-Regular.ttf"),
    Bundled("Noto Emoji", "Emoji", "NotoEmoji-Regular.ttf"),
)
_SEQUENCES = "emoji-sequences.json"
_DROP = str.maketrans("", "", "\ufe0f")


def fonts_dir() -> Path:
    from ..resources import fonts_dir as bundled

    return bundled()


def bundled_file(name: str) -> Path | None:
    """The path of a bundled font file, or None when it is not there (a partial install)."""
    if not name:
        return None
    path = fonts_dir() / name
    return path if path.is_file() else None


@functools.cache
def emoji_sequences() -> dict[str, str]:
    """Emoji sequence (ZWJ, flag, keycap, skin tone; U+FE0F left out) -> the private-use
    character the bundled Noto Emoji maps to the sequence's ligature glyph."""
    path = fonts_dir() / _SEQUENCES
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {seq: chr(int(code, 16)) for seq, code in raw.items()}


def sequence_glyph(cluster: str) -> str | None:
    """The one character that prints a multi-character emoji cluster whole, if there is one."""
    if len(cluster) < 2:
        return None
    return emoji_sequences().get(cluster.translate(_DROP))
