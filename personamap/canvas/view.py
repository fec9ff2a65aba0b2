"""The infinite canvas: zoom (Ctrl+wheel, pinch, keys), pan (space+drag, middle button, wheel),
rubber-band selection, and a zoom readout for the status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmapCache,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from .labels import LabelLayer
from .overview import OverviewCache
from .scene import BoardScene

MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
ZOOM_STEP = 1.25
PIXMAP_CACHE_KB = 96 * 1024
"""Room for the cached renderings of the items on screen, even zoomed in (Qt's default: 10 MB)."""
WORLD = 1e6
"""Half the side of the scrollable world: the canvas feels unbounded."""


class BoardView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setSceneRect(QRectF(-WORLD, -WORLD, 2 * WORLD, 2 * WORLD))
        self.setAcceptDrops(True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._space_held = False
        self._panning_from: QPointF | None = None
        self._fit_pending = False
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self.overview = OverviewCache(scene)
        self.labels = LabelLayer(scene)
        scene.document.changed.connect(lambda *_: self._board_changed())
        scene.document.replaced.connect(self._board_changed)

    def _board_changed(self) -> None:
        self.overview.invalidate()
        self.labels.invalidate()

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Far out on a big board, paint the cached overview instead of every item (and the
        names on top, as drawForeground does on the live path)."""
        if self._fit_pending:
            self._fit_pending = False
            self.zoom_to_fit()
        if not self.overview.applies(self.zoom()):
            super().paintEvent(event)
            return
        scene = self.board_scene
        painter = QPainter(self.viewport())
        painter.setClipRect(event.rect())
        painter.setTransform(self.viewportTransform())
        visible = self.mapToScene(event.rect()).boundingRect()
        scene.drawBackground(painter, visible)
        self.overview.paint(painter)
        painter.setPen(QPen(QColor(scene.theme.selection), 2 / max(self.zoom(), 1e-6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for item in scene.selectedItems():
            painter.drawRect(item.sceneBoundingRect())
        painter.resetTransform()
        self._paint_labels(painter)
        band = self.rubberBandRect()
        if not band.isNull():
            wash = QColor(scene.theme.selection)
            painter.setPen(QPen(wash, 1))
            wash.setAlpha(40)
            painter.setBrush(wash)
            painter.drawRect(band)
        painter.end()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        painter.save()
        painter.resetTransform()
        self._paint_labels(painter)
        painter.restore()

    def _paint_labels(self, painter: QPainter) -> None:
        """The semantic zoom (labels.py): zoomed out, names at a fixed screen size."""
        viewport = QRectF(self.viewport().rect())
        if self.labels.place(self.viewportTransform(), viewport, self.zoom(), self.board_scene.theme):
            self.labels.paint(painter)

    @property
    def board_scene(self) -> BoardScene:
        scene = self.scene()
        assert isinstance(scene, BoardScene)
        return scene

    # --- zoom ---------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom to `factor`, keeping the scene point under `anchor` (viewport coordinates; the
        centre when None) where it is. Qt's AnchorUnderMouse follows the last mouse *move*, not
        the wheel's position, so the anchor is kept by hand."""
        self._fit_pending = False
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if abs(factor - current) < 1e-9:
            return
        point = (anchor or QPointF(self.viewport().rect().center())).toPoint()
        fixed = self.mapToScene(point)
        previous = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor / current, factor / current)
        self.setTransformationAnchor(previous)
        drift = self.mapFromScene(fixed) - point
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def zoom_actual(self) -> None:
        self.set_zoom(1.0)

    def zoom_to_fit(self) -> None:
        self._fit_pending = False
        rect = self.board_scene.itemsBoundingRect()
        if rect.isEmpty():
            self.set_zoom(1.0)
            self.centerOn(0, 0)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > MAX_ZOOM or self.zoom() < MIN_ZOOM:
            self.set_zoom(self.zoom())
        self.zoom_changed.emit(self.zoom())

    def fit_before_paint(self) -> None:
        """Zoom to fit at the next paint, when the viewport has its final size (a project opened
        before its window shows, a board built as its tab opens, docks appearing: none has a
        settled size yet). Any camera move made before that paint wins over the fit."""
        self._fit_pending = True
        self.viewport().update()

    def centerOn(self, *args: object) -> None:
        self._fit_pending = False
        super().centerOn(*args)

    def frame(self, rect: QRectF, margin: float = 40) -> None:
        """Show `rect` whole, as large as fits (jump to a find result, a stage)."""
        self._fit_pending = False
        self.fitInView(rect.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 2.0:
            self.set_zoom(2.0)
            self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    # --- input --------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self.zoom() * (ZOOM_STEP**steps), event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.set_zoom(self.zoom() * (1 + event.value()), event.position())
            return True
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._editing_nothing():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_held:
            self._space_held = False
            self._panning_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _editing_nothing(self) -> bool:
        focus = self.board_scene.focusItem()
        return focus is None or not hasattr(focus, "is_editing") or not focus.is_editing()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space_held and event.button() == Qt.MouseButton.LeftButton
        ):
            self._panning_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning_from is not None:
            delta = event.position() - self._panning_from
            self._panning_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning_from is not None:
            self._panning_from = None
            if self._space_held:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
