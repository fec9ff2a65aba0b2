"""Paper: named sizes, orientation, bleed and crop marks, and the page geometry they make.

Sizes are named as people say them, case and spaces ignored: "a2", "Letter", "18x24in",
"18×24 in"; any "W x H mm|cm|in" works too. A page with bleed or crop marks is larger than
its trim size: the media box holds the bleed and, around it, a slug for the marks; the trim
and bleed boxes are set so print shops' tools see the intended size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.units import cm, inch, mm

from ..model.layout import Rect

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210 * mm, 297 * mm),
    "A3": (297 * mm, 420 * mm),
    "A2": (420 * mm, 594 * mm),
    "A1": (594 * mm, 841 * mm),
    "A0": (841 * mm, 1189 * mm),
    "Letter": (8.5 * inch, 11 * inch),
    "Tabloid": (11 * inch, 17 * inch),
    "18x24in": (18 * inch, 24 * inch),
}
"""Portrait trim sizes in points."""

_UNITS = {"mm": mm, "cm": cm, "in": inch, "": inch}
_CUSTOM = re.compile(r"^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)(mm|cm|in)?$")
A4_SHORT = PAGE_SIZES["A4"][0]
MARK_SLUG = 12 * mm
"""Room outside the bleed for crop marks."""


class PageSizeError(ValueError):
    """A page size or orientation nobody could print on."""


def parse_page_size(text: str) -> tuple[str, tuple[float, float]]:
    """The canonical name and portrait size (points) of a size as typed."""
    key = re.sub(r"\s+", "", text.strip().lower()).replace("×", "x").replace("\u2009", "")
    for name, size in PAGE_SIZES.items():
        if key == name.lower() or (name == "18x24in" and key in ("18x24", "24x18in", "24x18")):
            return name, size
    match = _CUSTOM.match(key)
    if match:
        w, h = float(match.group(1)), float(match.group(2))
        unit = _UNITS[match.group(3) or ""]
        if 1 <= w * unit / mm <= 5000 and 1 <= h * unit / mm <= 5000:
            size = (min(w, h) * unit, max(w, h) * unit)
            return f"{match.group(1)}x{match.group(2)}{match.group(3) or 'in'}", size
    raise PageSizeError(
        f"unknown page size {text!r} (use one of: {', '.join(PAGE_SIZES)}, or e.g. 500x700mm)"
    )


def parse_orientation(text: str) -> str:
    key = text.strip().lower()
    if key in ("portrait", "landscape", "auto"):
        return key
    raise PageSizeError(f"unknown orientation {text!r} (use portrait, landscape or auto)")


def oriented(size: tuple[float, float], orientation: str) -> tuple[float, float]:
    w, h = min(size), max(size)
    return (h, w) if orientation == "landscape" else (w, h)


@dataclass(frozen=True)
class PageGeometry:
    """One sheet: trim size, bleed and the media around it (points; origin bottom left)."""

    trim_w: float
    trim_h: float
    bleed: float = 0.0
    crop_marks: bool = False

    @property
    def offset(self) -> float:
        """Distance from the media edge to the trim edge."""
        return self.bleed + (MARK_SLUG if self.crop_marks else 0.0)

    @property
    def media(self) -> tuple[float, float]:
        return (self.trim_w + 2 * self.offset, self.trim_h + 2 * self.offset)

    @property
    def scale(self) -> float:
        """How much bigger than A4 this sheet is (short sides), for margins and type."""
        return min(self.trim_w, self.trim_h) / A4_SHORT

    @property
    def margin(self) -> float:
        """12 mm at A4, growing with the page (docs/VISUAL.md, Print)."""
        return 12 * mm * max(0.75, self.scale) ** 0.75

    def type_scale(self) -> float:
        """Type grows slower than the page, so bigger sheets also show more (A2: ~1.8× A4)."""
        return max(0.8, self.scale) ** 0.85


def footer_size(g: PageGeometry) -> float:
    return 7.5 * max(1.0, g.type_scale()) ** 0.5


FOOTER_LINE = 1.3
"""Footer line pitch, in footer sizes."""
FOOTER_GAP = 0.9
"""Space between the content and the footer, in footer sizes."""


def content_rect(g: PageGeometry, footer_lines: int = 1) -> Rect:
    """Inside the margins, above a footer of `footer_lines` lines."""
    m = g.margin
    reserve = footer_size(g) * (FOOTER_GAP + FOOTER_LINE * max(1, footer_lines))
    return Rect(m, m, g.trim_w - 2 * m, g.trim_h - 2 * m - reserve)
