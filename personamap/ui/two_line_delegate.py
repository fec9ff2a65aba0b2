"""List rows with a bold first line over muted detail lines, drawn as plain text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

PAD = 10
GAP = 4
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


class TwoLineDelegate(QStyledItemDelegate):
    """Shows an item's text "title\\ndetail[\\nmore]" as a bold title over muted details.

    A detail that looks like a folder stays on one line, elided in the middle (the drive and
    the last folder stay visible); any other detail, a description say, wraps in full, so
    the row is as tall as its text needs at the list's width."""

    def _parts(self, index: QModelIndex) -> tuple[str, list[str]]:
        title, *details = str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")
        return title, details

    def _width(self, option: QStyleOptionViewItem) -> int:
        widget = option.widget
        width = widget.viewport().width() if widget is not None else option.rect.width()  # type: ignore[attr-defined]
        return max(80, width - 2 * PAD)

    def _detail_height(self, metrics: QFontMetrics, detail: str, width: int) -> int:
        if _looks_like_path(detail):
            return metrics.lineSpacing()
        return metrics.boundingRect(QRect(0, 0, width, 100_000), _WRAP, detail).height()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        _title, details = self._parts(index)
        width = self._width(option)
        bold = QFont(option.font)
        bold.setBold(True)
        regular = QFontMetrics(option.font)
        height = QFontMetrics(bold).lineSpacing() + 2 * PAD
        height += sum(GAP + self._detail_height(regular, d, width) for d in details)
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.AlternateBase))
        title, details = self._parts(index)
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
        top = first.bottom() + 1
        for detail in details:
            box = QRect(
                area.left(), top + GAP, area.width(), self._detail_height(regular, detail, area.width())
            )
            if _looks_like_path(detail):
                shown = regular.elidedText(detail, Qt.TextElideMode.ElideMiddle, area.width())
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft, shown)
            else:
                painter.drawText(box, _WRAP, detail)
            top = box.bottom() + 1
        painter.restore()


def _looks_like_path(detail: str) -> bool:
    """Folders keep both ends (the drive and the last folder); sentences wrap."""
    return detail.startswith(("/", "~", "\\\\")) or ":\\" in detail[:3]
