"""The invitation on the projector: the join address's QR code, the address and the PIN on a
white card in the top-left corner of the presentation (the timer has the top right, the
caption and the vote status the foot), sized for the back of the room."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ...style import PROJECTOR_BODY_PX
from .qr import paint_qr

QR_SHARE = 0.42
"""The QR code's side as a share of the screen height (~450 px on 1080p: a phone reads it from
ten metres on a two-metre screen)."""
INK = QColor("#1F2328")


def pin_text(pin: str) -> str:
    """The PIN in two groups of three, easier to read out and to type."""
    return f"{pin[:3]} {pin[3:]}" if len(pin) == 6 else pin


def invite_rect(w: float, h: float, modules: int, address_w: float) -> tuple[QRectF, float]:
    """The card's rectangle and the QR code's side for a screen of `w`×`h`."""
    pad = max(16.0, h * 0.02)
    side = max(float(modules) * 3, min(h * QR_SHARE, w * 0.32))
    side = float(int(side // modules) * modules) if modules else side
    text_h = PROJECTOR_BODY_PX * 1.5 + PROJECTOR_BODY_PX * 2.4
    width = max(side, min(address_w, w * 0.45)) + 2 * pad
    return QRectF(pad, pad, width, side + text_h + 2 * pad), side


def paint_invite(
    painter: QPainter, url: str, pin: str, modules: list[list[bool]], w: float, h: float
) -> QRectF:
    """Draw the card: QR code on top, the address, then the PIN in large digits; returns the
    square the QR code took."""
    address_font = QFont()
    address_font.setPixelSize(round(PROJECTOR_BODY_PX * 1.1))
    address_font.setBold(True)
    pin_font = QFont(address_font)
    pin_font.setPixelSize(round(PROJECTOR_BODY_PX * 1.9))
    metrics = QFontMetricsF(address_font, painter.device())
    card, side = invite_rect(w, h, len(modules), metrics.horizontalAdvance(url) + 8)
    pad = card.left()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(INK, 3))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRoundedRect(card, 12, 12)
    qr_box = QRectF(card.left() + (card.width() - side) / 2, card.top() + pad, side, side)
    drawn = paint_qr(painter, modules, qr_box)
    painter.setPen(INK)
    painter.setFont(address_font)
    inner = card.adjusted(pad, 0, -pad, 0)
    top = qr_box.bottom() + pad * 0.5
    shown = metrics.elidedText(url, Qt.TextElideMode.ElideMiddle, inner.width())
    line = QRectF(inner.left(), top, inner.width(), PROJECTOR_BODY_PX * 1.5)
    painter.drawText(line, Qt.AlignmentFlag.AlignCenter, shown)
    painter.setFont(pin_font)
    line = QRectF(inner.left(), line.bottom(), inner.width(), PROJECTOR_BODY_PX * 2.4)
    painter.drawText(line, Qt.AlignmentFlag.AlignCenter, f"PIN {pin_text(pin)}")
    painter.restore()
    return drawn
