"""Semantic zoom: zoomed out, a board still says what it is.

Below the zoom at which a name would shrink under the floor size on screen (TYPE.caption, or
PROJECTOR_MIN_TEXT_PX in the projector theme), its item leaves it out and the view draws it
instead, on top of the board at that fixed screen size (titles a little larger): board
headings, journey and empathy-map titles, stage, lane and quadrant names, persona names. Note
bodies too small to read are simply left out (notes.body_shown). A name that would overlap one
of higher rank is dropped, so a far-out board shows what fits, most important first.

Items offer their names with `overview_labels()`; `label_px` is the one rule both sides use.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple, Protocol

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTransform

from ..style import PROJECTOR_MIN_TEXT_PX, TYPE, Theme
from .text import font, qcolor

TITLE_BOOST = 1.35
"""Titles are drawn this much larger than names, so the hierarchy survives the zoom."""
MIN_CHARS = 3
"""A name elided to fewer than three characters says nothing: it is dropped."""
REACH = 10.0
"""How wide (in font sizes) a name may run on past a header too narrow for three of its
letters, on a plate (neighbours it then covers are dropped)."""
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
SMALLEST_NAME_PX = TYPE.caption
"""Names naturally smaller are always their item's own; so above floor × TITLE_BOOST / this
zoom no label is needed at all and the layer is skipped."""


def floor_px(theme: Theme) -> float:
    """The least screen size of any text on this theme (docs/VISUAL.md)."""
    return PROJECTOR_MIN_TEXT_PX if theme.name == "projector" else TYPE.caption


_no_view = 0
"""How many paintings without a view (pictures and SVGs) are under way: there no view draws
the names, so every item keeps its own."""


@contextmanager
def items_draw_names() -> Iterator[None]:
    """Within this block items draw their names themselves at any zoom: a board exported to a
    picture has no view on top to draw them (export/raster/render.py)."""
    global _no_view
    _no_view += 1
    try:
        yield
    finally:
        _no_view -= 1


def label_px(natural_px: float, zoom: float, theme: Theme, *, title: bool = False) -> float | None:
    """The screen size the view draws a name at, or None while its item draws it itself
    (its natural size at this zoom is still at least the floor, or no view is drawing)."""
    floor = floor_px(theme) * (TITLE_BOOST if title else 1.0)
    if _no_view or natural_px < SMALLEST_NAME_PX or natural_px * zoom >= floor - 1e-6:
        return None
    return floor


class Label(NamedTuple):
    """A name an item offers: `rect` (scene) is where it sits, centred in its height, and the
    width it is elided to (with `reach`, see REACH)."""

    text: str
    rect: QRectF
    natural_px: float
    color: str
    plate: str = ""
    title: bool = False
    rank: float = 1
    """0 map titles, 0.5 board headings, 1 stage/quadrant/card names, 2 lane names: who keeps
    its place in a crowd."""
    reach: float = 0.0
    cap: float = 0.0
    """When set, the most font sizes of `rect`'s width a label may use (a lane's whole row)."""
    align: str = "left"
    """Where in `rect` the label sits: "left", "center" or "right"."""
    valign: str = "middle"
    """"middle" of `rect`, or on its "bottom" (growing upwards) or from its "top" (downwards):
    a header row far out is thinner than its label, which then grows away from its neighbours."""


class Placed(NamedTuple):
    """A label as drawn in the last frame: its elided text, viewport rect and pixel size."""

    text: str
    rect: QRectF
    px: float


class LabelSource(Protocol):
    def overview_labels(self) -> list[Label]: ...


class LabelLayer:
    """Draws the names of a scene's maps and cards in a view's foreground when zoomed out."""

    def __init__(self, scene: object) -> None:
        self._scene = scene
        self._sources: list[LabelSource] | None = None
        self.placed: list[Placed] = []
        self._labels: list[Label] = []

    def invalidate(self) -> None:
        self._sources = None

    def _items(self) -> list[LabelSource]:
        if self._sources is None:  # one pass per change, not per frame (20k-note boards)
            items = getattr(self._scene, "items_by_id", {}).values()
            self._sources = [i for i in items if hasattr(i, "overview_labels")]
        return self._sources

    def place(self, transform: QTransform, viewport: QRectF, zoom: float, theme: Theme) -> list[Placed]:
        """Where each name goes this frame (in viewport pixels), biggest first, no overlaps."""
        self.placed, self._labels = [], []
        if zoom * SMALLEST_NAME_PX >= floor_px(theme) * TITLE_BOOST:
            return self.placed
        wanted: list[tuple[Label, float]] = []
        for item in self._items():
            for label in item.overview_labels():
                px = label_px(label.natural_px, zoom, theme, title=label.title)
                if px is not None and label.text.strip():
                    wanted.append((label, px))
        wanted.sort(key=lambda lp: lp[0].rank)
        taken: list[QRectF] = []
        out: list[tuple[Placed, Label]] = []
        for label, px in wanted:
            placed = _fit(label, px, transform.mapRect(label.rect), viewport)
            if placed is None:
                continue
            box = placed.rect.adjusted(-2, 2, 2, -2)  # the leading of a line may touch its neighbour
            if any(box.intersects(other) for other in taken):
                continue
            taken.append(box)
            out.append((placed, label))
        self.placed = [p for p, _ in out]
        self._labels = [lb for _, lb in out]
        return self.placed

    def paint(self, painter: QPainter) -> None:
        """Draw what `place` kept, plates first so that no plate covers a neighbour's letters;
        the painter is in viewport pixels."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for placed, label in zip(self.placed, self._labels, strict=True):
            if label.plate:
                plate = QColor(label.plate)
                plate.setAlpha(235)
                painter.setBrush(plate)
                painter.drawRoundedRect(placed.rect.adjusted(-3, 1, 3, -1), 3, 3)
        for placed, label in zip(self.placed, self._labels, strict=True):
            painter.setFont(font(placed.px, bold=True))
            painter.setPen(qcolor(label.color))
            painter.drawText(placed.rect, LEFT_MIDDLE, placed.text)
        painter.restore()


def _fit(label: Label, px: float, screen: QRectF, viewport: QRectF) -> Placed | None:
    """The label's text elided to its room on screen, or None when off screen or too cramped."""
    metrics = QFontMetricsF(font(px, bold=True))
    pad = min(4.0, screen.width() * 0.05)
    text = " ".join(label.text.split())

    def elided(room: float) -> str | None:
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        return shown if shown == text or len(shown.rstrip("…")) >= MIN_CHARS else None

    room = screen.width() - 2 * pad
    shown = elided(min(room, label.cap * px) if label.cap else room)  # a few letters in place
    if shown is None and label.reach:
        shown = elided(label.reach * px)
    if shown is None:
        return None
    w, h = metrics.horizontalAdvance(shown) + 1, metrics.height()
    left = {
        "center": screen.center().x() - w / 2,
        "right": screen.right() - pad - w,
    }.get(label.align, screen.left() + pad)
    top = {
        "bottom": screen.bottom() - h,
        "top": screen.top(),
    }.get(label.valign, screen.center().y() - h / 2)
    rect = QRectF(left, top, w, h)
    if not rect.intersects(viewport):
        return None
    return Placed(shown, rect, px)
