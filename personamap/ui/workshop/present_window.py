"""The projected window: a second view of the same board scene (edits stay live and go through
the same document), with no chrome, animated camera moves and the workshop overlays drawn in
its foreground (focus veil, timer, caption, vote status).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QKeyEvent, QPainter, QPalette, QResizeEvent, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView, QLineEdit, QMenu, QVBoxLayout, QWidget

from ...canvas.scene import BoardScene
from ...canvas.view import BoardView
from ...style import PROJECTOR_BODY_PX
from .focus_overlay import FocusOverlay

ANIMATION_MS = 400
PROJECTOR_DIALOG_EMS = 22
"""The least width of a dialog shown on the projector, in body sizes (~530 px at 24 px)."""


def for_projector(widget: QWidget) -> QWidget:
    """Size a dialog or menu the room reads (timer presets, the vote set-up) to the projector
    theme: text at PROJECTOR_BODY_PX instead of the desktop's ~13 px; children inherit it."""
    big = QFont(widget.font())
    big.setPixelSize(round(PROJECTOR_BODY_PX))
    widget.setFont(big)
    if not isinstance(widget, QMenu):
        widget.setMinimumWidth(round(PROJECTOR_BODY_PX * PROJECTOR_DIALOG_EMS))
    return widget


class PresentView(BoardView):
    """A BoardView without scroll bars or rubber band; keys go to the presenter first."""

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.animation_ms = ANIMATION_MS
        self.focus = FocusOverlay()
        self.key_handler: Callable[[QKeyEvent], bool] | None = None
        self.resized: Callable[[], None] | None = None
        self.foreground_painters: list[Callable[[QPainter, float, float], None]] = []
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(self._step)
        self._from = (QPointF(), 1.0)
        self._to = (QPointF(), 1.0)

    # --- camera -------------------------------------------------------------------------------

    def center(self) -> QPointF:
        return QPointF(self.mapToScene(self.viewport().rect().center()))

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def move_camera(self, center: QPointF, zoom: float, animate: bool = True) -> None:
        """Glide to `center` at `zoom` (~400 ms, eased); at once when animations are off."""
        self._anim.stop()
        self._from = (self.center(), self.zoom())
        self._to = (QPointF(center), zoom)
        if not animate or self.animation_ms <= 0 or not self.isVisible():
            self._apply(*self._to)
            return
        self._anim.setDuration(self.animation_ms)
        self._anim.start()

    def _step(self, t: object) -> None:
        t = float(t)  # type: ignore[arg-type]
        (c0, z0), (c1, z1) = self._from, self._to
        zoom = z0 * (z1 / z0) ** t if z0 > 0 and z1 > 0 else z1
        self._apply(c0 + (c1 - c0) * t, zoom)

    def _apply(self, center: QPointF, zoom: float) -> None:
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.centerOn(center)
        self.zoom_changed.emit(zoom)
        self.viewport().update()

    def settle(self) -> None:
        """Jump to the end of a running move (before measuring, or leaving)."""
        if self._anim.state() == QVariantAnimation.State.Running:
            self._anim.stop()
            self._apply(*self._to)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.resized is not None:
            self.resized()

    # --- overlays -----------------------------------------------------------------------------

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        self.focus.paint(painter, self.visible_rect())
        if not self.foreground_painters:
            return
        painter.save()
        painter.resetTransform()
        w, h = self.viewport().width(), self.viewport().height()
        for paint in self.foreground_painters:
            paint(painter, w, h)
        painter.restore()

    # --- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._editing_nothing() and self.key_handler is not None and self.key_handler(event):
            event.accept()
            return
        super().keyPressEvent(event)


class PresentWindow(QWidget):
    """Top-level, full screen on the chosen screen; a parking-lot field appears at its foot."""

    closed = Signal()
    parked = Signal(str)

    def __init__(self, scene: BoardScene) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("personamap — presenting")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#000000"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.view = PresentView(scene, self)
        self.parking = QLineEdit(self)
        self.parking.setPlaceholderText("Parking lot: type an idea, Enter parks it on the board, Esc closes")
        big = QFont()
        big.setPixelSize(round(PROJECTOR_BODY_PX))
        self.parking.setFont(big)
        self.parking.hide()
        self.parking.returnPressed.connect(self._park)
        self.parking.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.parking)

    def open_parking(self) -> None:
        self.parking.show()
        self.parking.setFocus()

    def close_parking(self) -> None:
        """Hide the field; text still in it is parked first, so nothing typed is lost."""
        if self.parking.text().strip():
            self._park()
        self.parking.hide()
        self.view.setFocus()

    def _park(self) -> None:
        text = self.parking.text().strip()
        self.parking.clear()
        if text:
            self.parked.emit(text)

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.parking
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.close_parking()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.parking.isVisible():
            self.close_parking()
        super().closeEvent(event)
        self.closed.emit()
