"""The join address as a QR code a phone camera reads from the back of the room: a full QR
symbol (never a Micro QR, which phone cameras ignore), its four-module quiet zone kept, dark
modules on white whatever the theme, each module a whole number of pixels so edges stay sharp."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET = 4
DARK, LIGHT = QColor("#000000"), QColor("#FFFFFF")


def qr_modules(text: str) -> list[list[bool]]:
    """The symbol for `text` row by row, quiet zone included; True is a dark module."""
    symbol = segno.make_qr(text, error="m")
    return [[bool(m) for m in row] for row in symbol.matrix_iter(border=QUIET)]


def paint_qr(painter: QPainter, modules: list[list[bool]], rect: QRectF) -> QRectF:
    """Draw the symbol as large as fits in `rect` at a whole number of pixels a module, centred;
    returns the square it took (white, quiet zone included)."""
    count = len(modules)
    if count == 0:
        return QRectF()
    module = max(1, int(min(rect.width(), rect.height()) // count))
    side = module * count
    x0 = round(rect.left() + (rect.width() - side) / 2)
    y0 = round(rect.top() + (rect.height() - side) / 2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(QRectF(x0, y0, side, side), LIGHT)
    for r, row in enumerate(modules):
        for c, dark in enumerate(row):
            if dark:
                painter.fillRect(x0 + c * module, y0 + r * module, module, module, DARK)
    painter.restore()
    return QRectF(x0, y0, side, side)


def qr_image(text: str, module_px: int = 8) -> QImage:
    """The symbol as an image, `module_px` pixels a module (for saving or a projector)."""
    modules = qr_modules(text)
    side = len(modules) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    paint_qr(painter, modules, QRectF(0, 0, side, side))
    painter.end()
    return image


class QrView(QWidget):
    """Shows the QR code of `text`, as large as the widget allows (at least `minimum` pixels)."""

    def __init__(self, minimum: int = 320, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.modules: list[list[bool]] = []
        self.setMinimumSize(minimum, minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("QR code of the join address")

    def set_text(self, text: str) -> None:
        self.text = text
        self.modules = qr_modules(text) if text else []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_qr(painter, self.modules, QRectF(self.rect()))
        painter.end()
