"""The Export dialog's preview pictures: a PNG/SVG as it will look (on a checkerboard when
transparent), and a PDF's first page as a sheet of the chosen size and orientation with the
product drawn inside its margins (or several sheets, for a tiled journey poster). A text share
(Mermaid, Markdown, CSV) shows its text instead, as plain text.

There is no PDF renderer in Python, so a PDF preview is an honest approximation, and the
dialog says so: the PDF lays the content out for the page rather than scaling a picture.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..export import ExportError, PdfOptions
from ..export.raster.render import RasterOptions, check_pixels, pixel_size, preview
from ..model import Project

PAPER_SHADOW = QColor(0, 0, 0, 40)
PAGE_EDGE = QColor("#B8BEC6")
TILE_EDGE = QColor("#0072B2")
BACKDROP = QColor("#E6E8EB")
PREVIEW_BOX = 440
TEXT_PREVIEW_LINES = 400
"""A text share's preview shows its beginning: enough to judge it, quick for any project."""


class PreviewPane(QWidget):
    """The picture and a plain-text caption saying what it shows and how big the result is.
    Renderings are cached per product and look, so changing the DPI or page size is instant."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QLabel()
        self.image.setFixedSize(PREVIEW_BOX, PREVIEW_BOX)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.caption.setFixedWidth(PREVIEW_BOX)
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setObjectName("share_text")
        self.text.setFixedSize(PREVIEW_BOX, PREVIEW_BOX - 32)  # room for a longer caption
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image)
        layout.addWidget(self.text)
        layout.addWidget(self.caption)
        self._cache: dict[tuple, tuple[QImage, QRectF]] = {}

    def clear(self) -> None:
        self.image.clear()
        self.text.clear()

    def show_text(self, text: str, caption: str) -> None:
        """A text share: its first lines in place of the picture (plain text, never markup)."""
        lines = text.splitlines()
        more = len(lines) - TEXT_PREVIEW_LINES
        shown = "\n".join(lines[:TEXT_PREVIEW_LINES]) + (f"\n… {more} more lines" if more > 0 else "")
        self.image.setVisible(False)
        self.text.setVisible(True)
        self.text.setPlainText(shown)
        self.caption.setText(caption)

    def display(
        self,
        project: Project,
        product: Any,
        fmt: str,
        options: RasterOptions,
        pdf: PdfOptions | None,
        grayscale: bool,
    ) -> bool:
        """Show `product` as `fmt` would make it; False when the result cannot be made
        (nothing to draw, or a picture over the pixel limit: the caption says why)."""
        self.text.setVisible(False)
        self.image.setVisible(True)
        look = RasterOptions(
            transparent=options.transparent and fmt != "pdf", grayscale=grayscale and fmt != "svg"
        )
        try:
            pictures = product.pictures(project)
            key = (product.label, pictures[0].key, look.transparent, look.grayscale)
            if key not in self._cache:
                self._cache[key] = preview(project, pictures[0], look, PREVIEW_BOX)
            image, source = self._cache[key]
        except ExportError as exc:
            self.image.clear()
            self.caption.setText(str(exc))
            return False
        more = f" — the first of {len(pictures)} files" if len(pictures) > 1 else ""
        if pdf is not None:
            self._pdf(product, image, pdf)
            return True
        self.image.setPixmap(picture_preview(image, PREVIEW_BOX, look.transparent))
        if fmt == "svg":
            w, h = round(source.width()), round(source.height())
            self.caption.setText(f"Vector drawing, {w} × {h} px at 96 per inch{more}.")
            return True
        try:
            w, h, dpi = pixel_size(source, options)
            check_pixels(w, h, options, "This picture")
        except ExportError as exc:
            self.caption.setText(str(exc))
            return False
        inches = f"{w / dpi:.1f} × {h / dpi:.1f} in"
        self.caption.setText(f"{w} × {h} px ({w * h / 1e6:.1f} megapixels) at {dpi:.0f} dpi, {inches}{more}.")
        return True

    def _pdf(self, product: Any, image: QImage, options: PdfOptions) -> None:
        from ..export.pages import parse_page_size
        from ..export.pdf.journey_poster import parse_tile
        from ..export.pdf.render import geometry_for

        g = geometry_for(options, product.orientation)
        tile = options.tile
        tiles = (parse_tile(tile) if tile and tile != "auto" else None) or (1, 1)
        self.image.setPixmap(page_preview(image, (g.trim_w, g.trim_h), g.margin, tiles, PREVIEW_BOX))
        shape = "landscape" if g.trim_w > g.trim_h else "portrait"
        sheets = f", tiled over {tiles[0]} × {tiles[1]} sheets" if tiles != (1, 1) else ""
        sheets = ", tiled over as many sheets as it needs" if tile == "auto" else sheets
        shown = "the whole poster across its sheets" if tiles != (1, 1) else "the first page"
        if product.pdf_what in ("all", "personas"):
            shown = "the first product (the PDF opens with a cover and contents)"
        elif product.pdf_what == "cards":
            shown = "one card's content (the sheet holds several, with cut marks)"
        self.caption.setText(
            f"{parse_page_size(options.page_size)[0]} {shape}{sheets}. Preview of {shown}, approximate: "
            "the PDF lays its text out for the page."
        )


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
