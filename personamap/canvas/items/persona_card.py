"""A persona card: photo or initials, name, role, badges, quote and the chosen sections.

Many cards may show one persona (on several boards); each syncs from the project-level
persona, so an edit anywhere shows everywhere.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from ...model import CardLayout, Priority
from ...model.drift import Drift, data_changed, drafted_from
from ...model.layout import CardBoxes, Rect, layout_card
from ...model.layout.chips import card_chips, chip_width
from ...model.lifecycle import cited_sources, is_overdue
from ...model.ops.address import walk
from ...style import TYPE, Theme, ink_on
from ..images import asset_image
from ..labels import Label, label_px
from ..target import Target
from ..text import QtMeasure, draw_text, font
from .base import ElementItem
from .simple import LOD_TEXT, level_of_detail

if TYPE_CHECKING:
    from ...model import Persona, PersonaCard, Project, Source

_MEASURE = QtMeasure()


def qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


class PersonaCardItem(ElementItem):
    def __init__(self, element_id: str, theme: Theme) -> None:
        super().__init__(element_id, theme)
        self.persona_id = ""
        self.persona: Persona | None = None
        self.photo = QImage()
        self.boxes: CardBoxes | None = None
        self.overdue = False
        self.drift: list[Drift] = []
        self._drift_sources: set[str] = set()
        self._layout = CardLayout.STANDARD
        self._sections: list[str] = []
        self._nested_ids: set[str] = set()
        self._sources: list[Source] = []

    def depends_on(self) -> set[str]:
        # an edit of a goal, quote or slider names that entry's id, not the persona's; a
        # renamed source it cites names the source, a refreshed dataset it was drafted from too
        return {self.persona_id} | self._nested_ids | {s.id for s in self._sources} | self._drift_sources

    def target(self) -> Target:
        return Target("element", self.element_id, getattr(self.scene(), "board_id", None), self.persona_id)

    def sync(self, element: PersonaCard, project: Project) -> None:
        self.persona_id = element.persona_id
        persona = project.persona(element.persona_id)
        self.persona = persona.model_copy(deep=True) if persona else None
        self._nested_ids = {e.id for _addr, e in walk(persona)} if persona else set()
        self._layout, self._sections = element.layout, list(element.sections)
        self._sources = [s.model_copy() for s in cited_sources(persona, project.sources)] if persona else []
        self.photo = QImage()
        if persona and persona.photo_asset_id:
            asset = project.asset(persona.photo_asset_id)
            if asset:
                self.photo = asset_image(asset)
        months = project.settings.review_period_months
        self.overdue = bool(persona and is_overdue(persona, months, dt.date.today()))
        self.drift = data_changed(project, persona) if persona else []
        self._drift_sources = {s.id for s in drafted_from(project, persona)} if persona else set()
        self.setToolTip(_drift_tooltip(self.drift))
        resized = (element.w, element.h) != self.size()
        super().sync(element, project)  # lays the card out if it resized
        if not resized:
            self._relayout()

    def set_geometry(self, geometry: tuple[float, float, float, float]) -> None:
        resized = (geometry[2], geometry[3]) != self.size()
        super().set_geometry(geometry)
        if resized:
            self._relayout()

    def _relayout(self) -> None:
        if self.persona is None:
            self.boxes = None
            return
        w, h = self.size()
        self.boxes = layout_card(
            self.persona, self._layout, self._sections, w, _MEASURE, h=h, sources=self._sources
        )

    def natural_height(self) -> float:
        return self.boxes.natural_height if self.boxes else self.size()[1]

    # --- painting -----------------------------------------------------------------------

    def paint_content(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        rect = self.paint_card_frame(painter)
        persona, boxes = self.persona, self.boxes
        if persona is None or boxes is None:
            missing = rect.adjusted(16, 16, -16, -16)
            draw_text(painter, missing, "Missing persona", font(TYPE.body), self.theme.negative)
            return
        accent = QColor(persona.color)
        painter.fillRect(QRectF(rect.left() + 8, rect.top(), rect.width() - 16, 4), accent)
        if level_of_detail(option, painter) < LOD_TEXT:
            self._paint_photo(painter, qrect(boxes.header.photo_rect), accent, persona)
            return
        self._paint_header(painter, boxes, accent, persona, level_of_detail(option, painter))
        self._paint_blocks(painter, boxes, accent)
        if boxes.more_rect is not None and boxes.more_count:
            draw_text(
                painter,
                qrect(boxes.more_rect),
                f"…and {boxes.more_count} more",
                font(TYPE.caption),
                self.theme.muted_text,
            )
        for label, r in self.chips(rect):
            self._paint_chip(painter, label, r)

    def chips(self, rect: QRectF) -> list[tuple[str, QRectF]]:
        """The status chips and where they sit on the card (model/layout/chips.py)."""
        labels = ["Review due"] * self.overdue + ["Data changed"] * bool(self.drift)
        widths = [chip_width(_MEASURE.text_width(label, TYPE.caption, bold=True)) for label in labels]
        card = Rect(rect.x(), rect.y(), rect.width(), rect.height())
        return [(label, qrect(r)) for label, r in zip(labels, card_chips(widths, card), strict=True)]

    def _paint_photo(self, painter: QPainter, r: QRectF, accent: QColor, persona: Persona) -> None:
        path = QPainterPath()
        path.addEllipse(r)
        if not self.photo.isNull():
            painter.save()
            painter.setClipPath(path)
            scaled = self.photo.scaled(
                r.size().toSize() * 2,
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            source = QRectF(0, 0, scaled.width(), scaled.height())
            side = min(source.width(), source.height())
            source = QRectF((source.width() - side) / 2, (source.height() - side) / 2, side, side)
            painter.drawImage(r, scaled, source)
            painter.restore()
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawPath(path)
        if self.boxes:
            painter.setPen(QColor(ink_on(accent.name())))
            painter.setFont(font(r.height() * 0.36, bold=True))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, self.boxes.header.initials)

    def overview_labels(self) -> list[Label]:
        """The persona's name, for the semantic zoom (canvas/labels.py)."""
        if self.persona is None or self.boxes is None:
            return []
        name, size = qrect(self.boxes.header.name_rect), self.boxes.metrics.name_size
        line = QRectF(name.left(), name.top(), self.content_rect().right() - 4 - name.left(), size * 1.4)
        band = self.mapRectToScene(line)  # the label grows upwards from the name's first line
        return [Label(self.persona.name, band, size, self.theme.text, self.theme.card, valign="bottom")]

    def _paint_header(
        self, painter: QPainter, boxes: CardBoxes, accent: QColor, persona: Persona, lod: float
    ) -> None:
        header, m = boxes.header, boxes.metrics
        self._paint_photo(painter, qrect(header.photo_rect), accent, persona)
        draw_text(
            painter,
            qrect(header.name_rect),
            persona.name if label_px(m.name_size, lod, self.theme) is None else "",  # else the view's
            font(m.name_size, bold=True),
            self.theme.text,
            max_lines=header.name_lines,
        )
        if header.role_rect is not None:
            draw_text(
                painter,
                qrect(header.role_rect),
                persona.role,
                font(m.role_size),
                self.theme.muted_text,
                max_lines=header.role_lines,
            )
        for label, r in header.badges:
            self._paint_badge(painter, label, qrect(r), accent, persona.priority)

    def _paint_badge(
        self, painter: QPainter, label: str, r: QRectF, accent: QColor, priority: Priority
    ) -> None:
        painter.setFont(font(self.boxes.metrics.badge_size if self.boxes else 11, bold=True))
        is_priority = label.lower() == priority.value
        if is_priority and priority == Priority.PRIMARY:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRoundedRect(r, r.height() / 2, r.height() / 2)
            painter.setPen(QColor(ink_on(accent.name())))
        elif is_priority and priority == Priority.NEGATIVE:
            painter.setPen(QPen(QColor(self.theme.negative), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(r, r.height() / 2, r.height() / 2)
            painter.drawLine(r.left() + 6, r.center().y(), r.right() - 6, r.center().y())
            painter.setPen(QColor(self.theme.negative))
        else:
            painter.setPen(QPen(QColor(self.theme.card_border), 1))
            painter.setBrush(QColor(self.theme.header))
            painter.drawRoundedRect(r, r.height() / 2, r.height() / 2)
            painter.setPen(QColor(self.theme.text))
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_chip(self, painter: QPainter, label: str, r: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.theme.negative_fill))
        painter.drawRoundedRect(r, 10, 10)
        painter.setPen(QColor(self.theme.negative))
        painter.setFont(font(TYPE.caption, bold=True))
        painter.drawText(r, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_blocks(self, painter: QPainter, boxes: CardBoxes, accent: QColor) -> None:
        m = boxes.metrics
        for block in boxes.blocks:
            if block.label_rect is not None:
                draw_text(
                    painter,
                    qrect(block.label_rect),
                    block.title.upper(),
                    font(m.caption, bold=True),
                    self.theme.muted_text,
                    max_lines=1,
                )
            if block.rule_rect is not None:
                painter.fillRect(qrect(block.rule_rect), accent)
            if block.placeholder_rect is not None:
                draw_text(painter, qrect(block.placeholder_rect), "—", font(m.body), self.theme.muted_text)
            for item, r, lines in zip(block.items, block.item_rects, block.item_lines, strict=False):
                self._paint_item(painter, block.kind, item, qrect(r), lines, accent)

    def _paint_item(self, painter: QPainter, kind: str, item, r: QRectF, lines: int, accent: QColor) -> None:
        m = self.boxes.metrics if self.boxes else None
        body = m.body if m else TYPE.body
        if kind == "sliders" and item.value is not None:
            draw_text(painter, r, item.text, font(TYPE.caption), self.theme.muted_text, max_lines=1)
            track = QRectF(r.left(), r.bottom() - 10, r.width(), 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.theme.card_border))
            painter.drawRoundedRect(track, 2, 2)
            x = track.left() + track.width() * item.value / 100
            painter.setBrush(QBrush(accent))
            painter.drawEllipse(QRectF(x - 5, track.center().y() - 5, 10, 10))
            return
        if kind == "quote":
            qfont = font(TYPE.caption) if item.caption else font(body, italic=True)
            color = self.theme.muted_text if item.caption else self.theme.text
            draw_text(painter, r, item.text, qfont, color, max_lines=lines)
            return
        if kind == "list" and not item.caption:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawEllipse(QRectF(r.left() + 2, r.top() + body * 0.5, 5, 5))
            r = r.adjusted(m.bullet_w if m else 14, 0, 0, 0)
        draw_text(painter, r, item.text, font(body), self.theme.text, max_lines=lines)


def _drift_tooltip(drift: list[Drift]) -> str:
    """The drift messages as a tooltip that shows them literally (column names and categories
    are user data; Qt would guess rich text, docs/RELIABILITY.md pitfall 4)."""
    if not drift:
        return ""
    lines = ["Data changed since the last review:", *(f"• {d.message}" for d in drift)]
    return '<p style="white-space: pre-wrap">{}</p>'.format(html.escape("\n".join(lines), quote=False))
