"""List rows with a bold first line and a muted second line, drawn as plain text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

PAD = 10


class TwoLineDelegate(QStyledItemDelegate):
    """Shows an item's text "title\\ndetail" as a bold title over a muted, elided detail."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, 2 * line + 2 * PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.AlternateBase))
        title, _, detail = str(index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        bold = QFont(option.font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        first = QRect(area.left(), area.top(), area.width(), metrics.lineSpacing())
        painter.drawText(
            first,
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.setFont(option.font)
        muted = palette.color(text_role) if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        regular = QFontMetrics(option.font)
        second = QRect(area.left(), first.bottom() + 4, area.width(), regular.lineSpacing())
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft,
            regular.elidedText(detail, _elide_mode(detail), area.width()),
        )
        painter.restore()


def _elide_mode(detail: str) -> Qt.TextElideMode:
    """Folders keep both ends (the drive and the last folder); sentences keep their start."""
    looks_like_path = detail.startswith(("/", "~")) or ":\\" in detail[:3]
    return Qt.TextElideMode.ElideMiddle if looks_like_path else Qt.TextElideMode.ElideRight
