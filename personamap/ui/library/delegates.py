"""How a persona row, a source row and a palette tile are drawn: plain text only, house colours."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...model.enums import Priority
from ...style import NEGATIVE_RED, PRIORITY_LABEL
from ...style import ink_on as _ink_on
from .persona_model import ROW_ROLE, PersonaRow
from .source_model import ROW_ROLE as SOURCE_ROW_ROLE
from .source_model import SourceRow

ROW_H = 46
DOT = 30


def ink_on(color: QColor) -> QColor:
    """White or black, whichever reads at AA on the fill (style.ink_on)."""
    return QColor(_ink_on(color.name()))


def item_panel(
    delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex
) -> QStyleOptionViewItem:
    """Draw the row's background (hover, selection) as the style does, with no text of its own,
    and return the option the row's own painting reads its palette from."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    widget = option.widget
    style = widget.style() if widget else QApplication.style()
    style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
    return opt


class PersonaRowDelegate(QStyledItemDelegate):
    """Colour dot with initials, name over role, and the priority badge on the right."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(200, ROW_H)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, PersonaRow):
            super().paint(painter, option, index)
            return
        opt = item_panel(self, painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        muted = QColor(text_color)
        muted.setAlpha(150)
        accent = QColor(row.color)
        dot = QRectF(r.left() + 10, r.center().y() - DOT / 2, DOT, DOT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawEllipse(dot)
        small = QFont(opt.font)
        small.setPixelSize(11)
        bold = QFont(opt.font)
        bold.setBold(True)
        bold.setPixelSize(12)
        painter.setFont(bold)
        painter.setPen(ink_on(accent))
        painter.drawText(dot, Qt.AlignmentFlag.AlignCenter, row.initials)
        badge_w = self._paint_badge(painter, r, row.priority, accent, small, selected, text_color)
        text_left = dot.right() + 10
        text_w = max(10.0, r.right() - badge_w - 16 - text_left)
        name_font = QFont(opt.font)
        name_font.setPixelSize(13)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(text_color)
        name = QFontMetrics(name_font).elidedText(row.name, Qt.TextElideMode.ElideRight, int(text_w))
        top = r.top() + (7 if row.role else (ROW_H - 18) / 2)
        painter.drawText(QRectF(text_left, top, text_w, 18), Qt.AlignmentFlag.AlignVCenter, name)
        if row.role:
            painter.setFont(small)
            painter.setPen(muted)
            role = QFontMetrics(small).elidedText(row.role, Qt.TextElideMode.ElideRight, int(text_w))
            painter.drawText(QRectF(text_left, r.top() + 24, text_w, 16), Qt.AlignmentFlag.AlignVCenter, role)
        painter.restore()

    @staticmethod
    def _paint_badge(
        painter: QPainter,
        r: QRectF,
        priority: Priority,
        accent: QColor,
        font: QFont,
        selected: bool,
        text_color: QColor,
    ) -> float:
        """Primary filled, secondary outlined, negative red and struck through (docs/VISUAL.md)."""
        label = PRIORITY_LABEL[priority]
        bold = QFont(font)
        bold.setBold(True)
        width = QFontMetrics(bold).horizontalAdvance(label) + 14
        badge = QRectF(r.right() - width - 10, r.center().y() - 9, width, 18)
        painter.setFont(bold)
        if priority == Priority.PRIMARY:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(ink_on(accent))
        elif priority == Priority.NEGATIVE:
            painter.setPen(QPen(QColor(NEGATIVE_RED), 1.2))
            painter.setBrush(QColor("#FFFFFF"))
            painter.drawRoundedRect(badge, 9, 9)
            painter.drawLine(badge.left() + 5, badge.center().y(), badge.right() - 5, badge.center().y())
            painter.setPen(QColor(NEGATIVE_RED))
        else:
            outline = QColor(text_color)
            outline.setAlpha(110)
            painter.setPen(QPen(outline, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(text_color)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        return width


SOURCE_ROW_H = 38
DATA_TAG_W = 34


class SourceRowDelegate(QStyledItemDelegate):
    """The title over kind · sample · date, with "cited N×" and, on a dataset source, a "data"
    tag at the right: a compact row, so 10–40 sources read as a list."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(200, SOURCE_ROW_H)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row = index.data(SOURCE_ROW_ROLE)
        if not isinstance(row, SourceRow):
            super().paint(painter, option, index)
            return
        opt = item_panel(self, painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(option.rect).adjusted(8, 3, -8, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.highlightedText().color() if selected else opt.palette.text().color()
        muted = QColor(text_color)
        muted.setAlpha(160)
        small = QFont(opt.font)
        small.setPixelSize(11)
        title_font = QFont(opt.font)
        title_font.setPixelSize(13)
        title_font.setBold(True)
        line1 = QRectF(r.left(), r.top(), r.width(), 16)
        line2 = QRectF(r.left(), r.top() + 17, r.width(), 14)
        painter.setFont(title_font)
        painter.setPen(text_color if row.title else muted)
        title = row.title or "Untitled source"
        title = QFontMetrics(title_font).elidedText(title, Qt.TextElideMode.ElideRight, int(r.width()))
        painter.drawText(line1, Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(small)
        cited = "not cited" if row.cited == 0 else f"cited {row.cited}×"
        cited_w = QFontMetrics(small).horizontalAdvance(cited)
        painter.setPen(muted)
        painter.drawText(line2, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, cited)
        right = line2.right() - cited_w - 6
        if row.dataset:
            tag = QRectF(right - DATA_TAG_W, line2.top(), DATA_TAG_W, line2.height())
            self._paint_tag(painter, tag, small, text_color)
            right = tag.left() - 6
        painter.setPen(muted)
        detail_w = max(10.0, right - r.left())
        detail = QFontMetrics(small).elidedText(row.detail(), Qt.TextElideMode.ElideRight, int(detail_w))
        painter.drawText(
            QRectF(r.left(), line2.top(), detail_w, line2.height()), Qt.AlignmentFlag.AlignVCenter, detail
        )
        painter.restore()

    @staticmethod
    def _paint_tag(painter: QPainter, tag: QRectF, font: QFont, text_color: QColor) -> None:
        """The "data" tag of a dataset source."""
        outline = QColor(text_color)
        outline.setAlpha(120)
        painter.setPen(QPen(outline, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(tag, 4, 4)
        painter.setFont(font)
        painter.setPen(text_color)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, "data")
