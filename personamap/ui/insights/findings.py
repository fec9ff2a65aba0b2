"""The Findings tab: the lint's findings grouped by severity with counts, one row each (an
icon by severity, the message, where it is); clicking or pressing Enter on a row asks the dock
to frame its place. Every text is an item-view row, which Qt draws as plain text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...style import SEVERITY_COLORS as COLORS
from ..plain import tooltip

SEVERITIES = ("error", "warning", "info")
HEADINGS = {"error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("tip", "tips")}

ROLE = Qt.ItemDataRole.UserRole
WHERE = Qt.ItemDataRole.UserRole + 1
PAD, ICON, GAP = 6, 16, 8
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


def severity_icon(severity: str, size: int = 16) -> QIcon:
    """A round "!" for an error, a triangle "!" for a warning, a square "i" for a tip (as on
    the PDF health page): the shape says the severity as well as the colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(COLORS.get(severity, COLORS["info"])))
    s = float(size)
    if severity == "warning":
        p.drawPolygon(QPolygonF([QPointF(s / 2, 1), QPointF(s - 1, s - 1.5), QPointF(1, s - 1.5)]))
    elif severity == "error":
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
    else:
        p.drawRoundedRect(QRectF(1.5, 1.5, s - 3, s - 3), 2, 2)
    p.setPen(QColor("#FFFFFF"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(s * 0.62))
    p.setFont(font)
    glyph = {"error": "!", "warning": "!", "info": "i"}.get(severity, "i")
    box = QRectF(0, s * 0.12, s, s * 0.86) if severity == "warning" else QRectF(0, 0, s, s)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, glyph)
    p.end()
    return QIcon(pixmap)


def where_text(finding: Any) -> str:
    """The names a finding is about, joined."""
    return ", ".join(str(p.get("name") or p.get("kind", "")) for p in finding.where)


def heading_text(severity: str, count: int) -> str:
    one, many = HEADINGS.get(severity, (severity, severity))
    return f"{count} {one if count == 1 else many}".capitalize()


class FindingDelegate(QStyledItemDelegate):
    """A finding's row: its icon, the message wrapped in full, where it is (muted) below."""

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return max(60, option.rect.width() - 2 * PAD - ICON - GAP)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.data(WHERE) is None:
            return super().sizeHint(option, index)
        width = self._text_width(option)
        if width <= 60 and option.widget is not None:
            width = max(60, option.widget.viewport().width() - 60 - 2 * PAD - ICON - GAP)  # type: ignore[attr-defined]
        metrics = QFontMetrics(option.font)
        message = metrics.boundingRect(QRect(0, 0, width, 100_000), _WRAP, str(index.data())).height()
        return QSize(200, message + metrics.lineSpacing() + 2 * PAD + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        where = index.data(WHERE)
        if where is None:
            super().paint(painter, option, index)
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.AlternateBase))
        area = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            icon.paint(painter, QRect(area.left(), area.top() + 1, ICON, ICON))
        left = area.left() + ICON + GAP
        width = area.right() - left
        metrics = QFontMetrics(option.font)
        text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        message = str(index.data())
        height = metrics.boundingRect(QRect(0, 0, width, 100_000), _WRAP, message).height()
        painter.setFont(option.font)
        painter.setPen(text)
        painter.drawText(QRect(left, area.top(), width, height), _WRAP, message)
        painter.setPen(text if selected else palette.color(QPalette.ColorRole.PlaceholderText))
        line = metrics.elidedText(str(where), Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, area.top() + height + 2, width, metrics.lineSpacing()), 0, line)
        painter.restore()


class FindingsTree(QTreeWidget):
    """Rows wrap to the tree's width, so they are measured again when it changes."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class FindingsPanel(QWidget):
    """`chosen` carries the finding a person clicked."""

    chosen = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.tree = FindingsTree()
        self.tree.setObjectName("insights_findings")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setMouseTracking(True)
        self.tree.setItemDelegate(FindingDelegate(self.tree))
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.findings: list[Any] = []

    def set_findings(self, findings: Sequence[Any]) -> None:
        """Show `findings` (objects with rule, severity, message, where), keeping which
        groups were folded and how far the list was scrolled."""
        folded = {top.data(0, ROLE) for top in self._groups() if not top.isExpanded()}
        scrolled = self.tree.verticalScrollBar().value()
        self.findings = list(findings)
        self.tree.clear()
        if not self.findings:
            empty = QTreeWidgetItem(["Nothing to report: no finding in this project."])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(empty)
            return
        for severity in SEVERITIES:
            group = [f for f in self.findings if f.severity == severity]
            if not group:
                continue
            top = QTreeWidgetItem([heading_text(severity, len(group))])
            top.setData(0, ROLE, severity)
            top.setIcon(0, severity_icon(severity))
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            for finding in group:
                where = where_text(finding)
                row = QTreeWidgetItem([finding.message])
                row.setData(0, ROLE, finding)
                row.setData(0, WHERE, where)
                row.setIcon(0, severity_icon(severity))
                row.setToolTip(0, tooltip(f"{finding.message}\n{where}\n\n{finding.rule}"))
                top.addChild(row)
            top.setExpanded(severity not in folded)
        self.tree.doItemsLayout()
        self.tree.verticalScrollBar().setValue(scrolled)  # a refresh keeps the reader's place

    def rows(self) -> list[QTreeWidgetItem]:
        """Every finding's row, in the order shown."""
        return [row for top in self._groups() for n in range(top.childCount()) if (row := top.child(n))]

    def _groups(self) -> list[QTreeWidgetItem]:
        tree = self.tree
        return [top for k in range(tree.topLevelItemCount()) if (top := tree.topLevelItem(k)) is not None]

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, ROLE)
        if finding is not None and not isinstance(finding, str):
            self.chosen.emit(finding)
