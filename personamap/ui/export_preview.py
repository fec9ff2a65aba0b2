"""The Export dialog's preview pictures: a PNG/SVG as it will look (on a checkerboard when
transparent), and a PDF's first page as a sheet of the chosen size and orientation with the
product drawn inside its margins (or several sheets, for a tiled journey poster).

There is no PDF renderer in Python, so a PDF preview is an honest approximation, and the
dialog says so: the PDF lays the content out for the page rather than scaling a picture.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

PAPER_SHADOW = QColor(0, 0, 0, 40)
PAGE_EDGE = QColor("#B8BEC6")
TILE_EDGE = QColor("#0072B2")
BACKDROP = QColor("#E6E8EB")


def checkerboard(size: int = 8) -> QPixmap:
    tile = QPixmap(size * 2, size * 2)
    tile.fill(QColor("#FFFFFF"))
    painter = QPainter(tile)
    painter.fillRect(0, 0, size, size, QColor("#E3E5E8"))
    painter.fillRect(size, size, size, size, QColor("#E3E5E8"))
    painter.end()
    return tile


def picture_preview(image: QImage, box: int, transparent: bool) -> QPixmap:
    """The image fitted into a `box`-px square backdrop, with a hairline edge."""
    out = QPixmap(box, box)
    out.fill(BACKDROP)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    target = _fit(image.width(), image.height(), QRectF(12, 12, box - 24, box - 24))
    painter.fillRect(target.translated(2, 3), PAPER_SHADOW)
    if transparent:
        painter.fillRect(target, checkerboard())
    painter.drawImage(target, image)
    painter.setPen(QPen(PAGE_EDGE, 1))
    painter.drawRect(target)
    painter.end()
    return out


def page_preview(
    image: QImage | None, page: tuple[float, float], margin: float, tiles: tuple[int, int], box: int
) -> QPixmap:
    """`tiles` (columns, rows) sheets of `page` (points) with `margin`; the picture spans
    the area inside the outer margins, as a fitted or tiled poster does."""
    cols, rows = tiles
    page_w, page_h = page
    out = QPixmap(box, box)
    out.fill(BACKDROP)
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    sheet = _fit(cols * page_w, rows * page_h, QRectF(16, 16, box - 32, box - 32))
    scale = sheet.width() / (cols * page_w)
    painter.fillRect(sheet.translated(2, 3), PAPER_SHADOW)
    painter.fillRect(sheet, QColor("#FFFFFF"))
    inner = sheet.adjusted(margin * scale, margin * scale, -margin * scale, -margin * scale * 1.6)
    if image is not None and inner.width() > 4 and inner.height() > 4:
        painter.drawImage(_fit(image.width(), image.height(), inner), image)
    painter.setPen(QPen(PAGE_EDGE, 1))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(sheet)
    if cols * rows > 1:
        pen = QPen(TILE_EDGE, 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for c in range(1, cols):
            x = sheet.left() + c * page_w * scale
            painter.drawLine(QPointF(x, sheet.top()), QPointF(x, sheet.bottom()))
        for r in range(1, rows):
            y = sheet.top() + r * page_h * scale
            painter.drawLine(QPointF(sheet.left(), y), QPointF(sheet.right(), y))
    painter.end()
    return out


def _fit(w: float, h: float, into: QRectF) -> QRectF:
    """The largest rect of aspect w:h centred in `into`."""
    if w <= 0 or h <= 0:
        return QRectF(into)
    scale = min(into.width() / w, into.height() / h)
    fw, fh = w * scale, h * scale
    return QRectF(into.center().x() - fw / 2, into.center().y() - fh / 2, fw, fh)
