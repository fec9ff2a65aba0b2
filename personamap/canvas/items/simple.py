"""Free sticky notes, text blocks and images placed directly on a board."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from ...model import NoteColor
from ...style import NOTE_FILL, NOTE_TEXT, TYPE, Theme
from ..images import asset_image
from ..labels import Label, label_px
from ..text import draw_text, font
from .base import ElementItem

if TYPE_CHECKING:
    from ...model import ImageElement, NoteElement, Project, TextElement

LOD_TEXT = 0.35
"""Below this zoom text is unreadable anyway: draw shapes only (docs/QT-NOTES.md, 20k-card frame)."""


def level_of_detail(option: QStyleOptionGraphicsItem, painter: QPainter) -> float:
    return option.levelOfDetailFromTransform(painter.worldTransform())


@cache
def _note_colors(color: NoteColor) -> tuple[QColor, QPen]:
    fill = QColor(NOTE_FILL[color])
    return fill, QPen(fill.darker(112), 1)


def paint_sticky(painter: QPainter, rect: QRectF, color: NoteColor, text: str, lod: float) -> None:
    """A sticky note: pastel fill, a darker fold line, text in the house note colour."""
    fill, edge = _note_colors(color)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp, and 3× cheaper
    painter.setPen(edge)
    painter.setBrush(fill)
    painter.drawRect(rect)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if lod >= LOD_TEXT:
        draw_text(painter, rect.adjusted(10, 8, -10, -8), text, font(TYPE.body), NOTE_TEXT)


class NoteElementItem(ElementItem):
    def __init__(self, element_id: str, theme: Theme) -> None:
        super().__init__(element_id, theme)
        self.text = ""
        self.color = NoteColor.YELLOW

    def sync(self, element: NoteElement, project: Project) -> None:
        self.text, self.color = element.text, element.color
        super().sync(element, project)

    def paint_content(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        paint_sticky(painter, self.content_rect(), self.color, self.text, level_of_detail(option, painter))


class TextElementItem(ElementItem):
    def __init__(self, element_id: str, theme: Theme) -> None:
        super().__init__(element_id, theme)
        self.text = ""
        self.size = TYPE.section
        self.bold = False

    def sync(self, element: TextElement, project: Project) -> None:
        self.text, self.size, self.bold = element.text, element.size, element.bold
        super().sync(element, project)

    def overview_labels(self) -> list[Label]:
        """A heading (section size or more) names the board when zoomed out (canvas/labels.py)."""
        if self.size < TYPE.section or not self.text.strip():
            return []
        line = self.text.strip().splitlines()[0]
        rect = self.mapRectToScene(self.content_rect())  # grows upwards, off what it heads
        look = (self.theme.text, self.theme.canvas)
        return [Label(line, rect, self.size, *look, title=True, rank=0.5, valign="bottom")]

    def paint_content(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        lod = level_of_detail(option, painter)
        if self.size >= TYPE.section and label_px(self.size, lod, self.theme, title=True) is not None:
            return  # zoomed out, the view draws this heading
        if lod * self.size < 3:
            painter.fillRect(self.content_rect().adjusted(0, 0, 0, -self._h / 2), QColor(self.theme.grid_dot))
            return
        draw_text(painter, self.content_rect(), self.text, font(self.size, bold=self.bold), self.theme.text)


class ImageElementItem(ElementItem):
    def __init__(self, element_id: str, theme: Theme) -> None:
        super().__init__(element_id, theme)
        self.image = QImage()
        self.caption = ""
        self._asset_id = ""

    def depends_on(self) -> set[str]:
        return {self._asset_id}

    def sync(self, element: ImageElement, project: Project) -> None:
        if element.asset_id != self._asset_id:
            self._asset_id = element.asset_id
            asset = project.asset(element.asset_id)
            self.image = asset_image(asset)
        self.caption = element.caption
        super().sync(element, project)

    def paint_content(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        rect = self.content_rect()
        if self.image.isNull():
            painter.setPen(QPen(QColor(self.theme.card_border), 1, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(self.theme.header))
            painter.drawRect(rect)
            draw_text(
                painter,
                rect.adjusted(8, 8, -8, -8),
                "Image unavailable",
                font(TYPE.caption),
                self.theme.muted_text,
            )
            return
        size = self.image.size().scaled(rect.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(0, 0, size.width(), size.height())
        target.moveCenter(rect.center())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
