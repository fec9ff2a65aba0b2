"""Every text on every board of the sample is readable in every theme: WCAG AA, 4.5 : 1.

Each board's items are painted through a recording QPainter: it keeps every filled shape
(with its colour, in scene coordinates) and every text run (with its pen colour and where it
lands). A text's background is what the recorded fills under it compose to, over the
scene's canvas colour; the contrast is computed from those colours, not from pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPolygonF,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
)

from personamap.canvas.view import BoardView
from personamap.style import NOTE_FILL, NOTE_META, NOTE_TEXT, OKABE_ITO, THEMES, contrast, ink_on

AA = 4.5


@dataclass
class TextRun:
    text: str
    color: QColor
    rect: QRectF  # scene coordinates
    where: str


def _color_of(fill: object) -> QColor | None:
    """The colour a fill argument paints, or None when it paints nothing (NoBrush)."""
    if isinstance(fill, QBrush):
        return None if fill.style() == Qt.BrushStyle.NoBrush else QColor(fill.color())
    return QColor(fill)


def _rect(args: tuple) -> QRectF:
    """The rectangle of a (rect, …) or (x, y, w, h, …) call."""
    return QRectF(*args[:4]) if isinstance(args[0], (int, float)) else QRectF(args[0])


class RecordingPainter(QPainter):
    """A QPainter on a tiny image that also records fills and text in world coordinates.
    The items' Python paint code calls these overrides (the real drawing still happens)."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.fills: list[tuple[QPainterPath, QColor]] = []
        self.texts: list[TextRun] = []
        self.images: list[QPainterPath] = []
        self.where = ""

    # --- shapes ---------------------------------------------------------------------------

    def _record_fill(self, path: QPainterPath, color: QColor | None) -> None:
        if color is not None and color.alpha() > 0:
            self.fills.append((self.worldTransform().map(path), color))

    def _record_shape(self, path: QPainterPath) -> None:
        self._record_fill(path, _color_of(self.brush()))

    def fillRect(self, *args) -> None:
        path = QPainterPath()
        path.addRect(_rect(args))
        self._record_fill(path, _color_of(args[-1]))
        super().fillRect(*args)

    def drawRect(self, *args) -> None:
        path = QPainterPath()
        path.addRect(_rect(args))
        self._record_shape(path)
        super().drawRect(*args)

    def drawRoundedRect(self, *args) -> None:
        path = QPainterPath()
        path.addRect(_rect(args))
        self._record_shape(path)
        super().drawRoundedRect(*args)

    def drawEllipse(self, *args) -> None:
        path = QPainterPath()
        if isinstance(args[0], QPointF):
            path.addEllipse(args[0], args[1], args[2])
        else:
            path.addEllipse(_rect(args))
        self._record_shape(path)
        super().drawEllipse(*args)

    def drawPath(self, path: QPainterPath) -> None:
        self._record_shape(path)
        super().drawPath(path)

    def drawPolygon(self, *args) -> None:
        path = QPainterPath()
        path.addPolygon(QPolygonF(args[0]))
        self._record_shape(path)
        super().drawPolygon(*args)

    def _record_picture(self, args: tuple) -> None:
        """Text over a photo cannot be checked from colours: remember where pictures are."""
        path = QPainterPath()
        if isinstance(args[0], QPointF):
            path.addRect(QRectF(args[0], QSizeF(args[1].size())))
        else:
            path.addRect(_rect(args))
        self.images.append(self.worldTransform().map(path))

    def drawImage(self, *args) -> None:
        self._record_picture(args)
        super().drawImage(*args)

    def drawPixmap(self, *args) -> None:
        self._record_picture(args)
        super().drawPixmap(*args)

    # --- text -----------------------------------------------------------------------------

    def _record_text(self, text: str, local: QRectF) -> None:
        rect = self.worldTransform().mapRect(local)
        self.texts.append(TextRun(text, QColor(self.pen().color()), rect, self.where))

    def drawText(self, *args) -> None:
        metrics = QFontMetricsF(self.font())
        if len(args) == 3 and not isinstance(args[0], (int, float)):  # (rect, flags, text)
            rect = QRectF(args[0])
            self._record_text(args[2], metrics.boundingRect(rect, int(args[1]), args[2]))
        elif len(args) in (2, 3):  # (point, text) or (x, y, text): the baseline's start
            p, text = (QPointF(args[0]), args[1]) if len(args) == 2 else (QPointF(args[0], args[1]), args[2])
            top = p.y() - metrics.ascent()
            self._record_text(text, QRectF(p.x(), top, metrics.horizontalAdvance(text), metrics.height()))
        else:
            raise AssertionError(f"drawText form not recorded: {args!r}")
        super().drawText(*args)

    def drawStaticText(self, *args) -> None:
        point, static = (
            (QPointF(args[0]), args[1]) if len(args) == 2 else (QPointF(args[0], args[1]), args[2])
        )
        assert isinstance(static, QStaticText)
        self._record_text(static.text(), QRectF(point, static.size()))
        super().drawStaticText(*args)

    # --- reading the record ---------------------------------------------------------------

    def background_at(self, point: QPointF, canvas: QColor, before: int) -> QColor:
        """What the first `before` fills compose to at `point`, over the canvas."""
        back = canvas
        for path, color in self.fills[:before]:
            if path.contains(point):
                back = over(color, back)
        return back


def over(color: QColor, back: QColor) -> QColor:
    """`color` (maybe translucent) painted over an opaque `back`."""
    a = color.alphaF()
    mixed = (c * a + o * (1 - a) for c, o in zip(color.getRgbF()[:3], back.getRgbF()[:3], strict=True))
    return QColor.fromRgbF(*mixed)


def _painted_in_python(item: QGraphicsItem) -> bool:
    return any("paint" in vars(k) for k in type(item).__mro__ if not k.__module__.startswith("PySide6"))


def record_scene(
    scene: QGraphicsScene, view: BoardView | None = None
) -> tuple[RecordingPainter, list[tuple[TextRun, int]]]:
    """Paint every visible item bottom-up, then (with a view) what the view draws on top: the
    semantic zoom's names. Each text run comes with how many fills were recorded before it
    (what it can be drawn on). With a view, coordinates are the viewport's pixels."""
    base = view.viewportTransform() if view is not None else QTransform()
    device = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    painter = RecordingPainter(device)
    runs: list[tuple[TextRun, int]] = []

    def note_runs() -> None:
        runs.extend((run, len(painter.fills)) for run in painter.texts[len(runs) :])

    for item in scene.items(Qt.SortOrder.AscendingOrder):
        if not item.isVisible():
            continue
        painter.where = type(item).__name__
        where = base.mapRect(item.sceneBoundingRect())
        if isinstance(item, QGraphicsSimpleTextItem):
            painter.texts.append(TextRun(item.text(), item.brush().color(), where, painter.where))
        elif isinstance(item, QGraphicsTextItem):
            painter.texts.append(TextRun(item.toPlainText(), item.defaultTextColor(), where, painter.where))
        elif _painted_in_python(item):
            painter.save()
            painter.setWorldTransform(item.sceneTransform() * base)
            option = QStyleOptionGraphicsItem()
            option.exposedRect = item.boundingRect()
            item.paint(painter, option, None)
            painter.restore()
        elif isinstance(item, QAbstractGraphicsShapeItem):
            painter.setWorldTransform(base)
            painter._record_fill(item.mapToScene(item.shape()), _color_of(item.brush()))
        note_runs()
    if view is not None:
        painter.where = "view"
        painter.setWorldTransform(base)
        view.drawForeground(painter, view.mapToScene(view.viewport().rect()).boundingRect())
        note_runs()
    painter.end()
    return painter, runs


def _samples(rect: QRectF) -> list[QPointF]:
    """Where a text's ink is: its middle, and a little in from each end of the line."""
    y = rect.center().y()
    return [
        rect.center(),
        QPointF(rect.left() + rect.width() * 0.1, y),
        QPointF(rect.right() - rect.width() * 0.1, y),
    ]


def low_contrast(scene: QGraphicsScene, view: BoardView | None = None) -> tuple[int, list[str]]:
    """(text runs checked, the ones under AA, described)."""
    painter, runs = record_scene(scene, view)
    canvas = scene.backgroundBrush().color()
    bad = []
    for run, before in runs:
        if not run.text.strip():
            continue
        assert not any(path.intersects(run.rect) for path in painter.images), (
            f"text on an image: {run.text!r}"
        )
        for point in _samples(run.rect):
            back = painter.background_at(point, canvas, before)
            fore = over(run.color, back)
            ratio = contrast(fore.name(), back.name())
            if ratio < AA:
                bad.append(f"{run.where}: {run.text[:30]!r} {fore.name()} on {back.name()} = {ratio:.2f}")
                break
    return len(runs), bad


def _theme_action(window, name: str):
    menu = window.features["editing"].theme.menu
    return next(a for a in menu.actions() if a.objectName() == f"view.theme.{name}")


@pytest.mark.parametrize("theme", list(THEMES))
def test_every_text_on_every_board_reads_at_aa(window, theme: str) -> None:
    _theme_action(window, theme).trigger()
    try:
        checked = 0
        problems: list[str] = []
        for board in window.document.project.boards:
            window.tabs.show_board(board.id)
            QApplication.processEvents()
            scene = window.tabs.current_view().board_scene
            assert scene.theme is THEMES[theme]
            count, bad = low_contrast(scene)
            checked += count
            problems += [f"{board.name}: {b}" for b in bad]
        assert checked > 300  # the sample's cards, maps, notes and headers were all read
        assert not problems, "\n".join(problems)
    finally:
        _theme_action(window, "light").trigger()


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
def test_palette_text_roles_read_on_every_fill_of_their_theme(theme) -> None:
    fills = {
        "canvas": theme.canvas,
        "card": theme.card,
        "header": theme.header,
        "step_fill": theme.step_fill,
        "chip": theme.chip,
        **{f"{hue} tint": tint for hue, (tint, _wash) in theme.lanes.items()},
        **{f"{hue} wash": wash for hue, (_tint, wash) in theme.lanes.items()},
    }
    low = [
        (role, where, round(contrast(getattr(theme, role), fill), 2))
        for role in ("text", "muted_text", "header_text")
        for where, fill in fills.items()
        if contrast(getattr(theme, role), fill) < AA
    ]
    pairs = [("negative", "card"), ("negative", "chip"), ("negative", "negative_fill")]
    pairs += [("future", "card"), ("future", "chip")]
    low += [
        (role, where, round(contrast(getattr(theme, role), getattr(theme, where)), 2))
        for role, where in pairs
        if contrast(getattr(theme, role), getattr(theme, where)) < AA
    ]
    assert not low


def test_ink_on_picks_a_readable_ink_for_every_persona_colour_and_note() -> None:
    for color in OKABE_ITO:
        assert contrast(ink_on(color), color) >= AA, color
    for fill in NOTE_FILL.values():
        assert contrast(NOTE_TEXT, fill) >= AA and contrast(NOTE_META, fill) >= AA, fill


@pytest.mark.parametrize("theme", list(THEMES))
def test_names_the_view_draws_zoomed_out_read_at_aa(window, theme: str) -> None:
    """Far out, the items leave their names to the view (semantic zoom): those too."""
    _theme_action(window, theme).trigger()
    try:
        views = 0
        problems: list[str] = []
        for board in window.document.project.boards:
            window.tabs.show_board(board.id)
            view = window.tabs.current_view()
            view.zoom_to_fit()
            view.set_zoom(view.zoom() * 0.6)
            QApplication.processEvents()
            _painter, runs = record_scene(view.board_scene, view)
            views += sum(1 for run, _ in runs if run.where == "view")
            problems += [f"{board.name}: {b}" for b in low_contrast(view.board_scene, view)[1]]
        assert views >= 10  # titles, stage, lane and card names were drawn by the view
        assert not problems, "\n".join(problems)
    finally:
        _theme_action(window, "light").trigger()
