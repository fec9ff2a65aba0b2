"""Drawing a journey map's body and headers from its layout (no state, no geometry changes).

Chrome recedes (docs/VISUAL.md): neutral header bands, hairline grid, lane tints and washes that
carry the lane type, an icon as the second channel. Below LOD_TEXT no text is drawn.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from ...model.enums import JourneyState, LaneKind
from ...model.journey import JourneyMap, Lane, Stage, Step
from ...model.layout import JourneyLayout, Rect, title_chips
from ...model.layout.legend import CHIP_NAME_MAX
from ...style import LANE_LOOK, TYPE, Theme
from ..labels import REACH, Label, label_px
from ..text import draw_text, font
from .journey_emotion import SeriesLook, paint_emotion_plot, paint_legend, paint_marker, paint_scale_labels
from .journey_icons import paint_icon
from .simple import LOD_TEXT


def qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


def paint_body(
    painter: QPainter,
    layout: JourneyLayout,
    journey: JourneyMap,
    looks: list[SeriesLook],
    preview: tuple[str | None, str, int | None] | None,
    theme: Theme,
    lod: float,
) -> None:
    """Card, title band, cell washes, grid lines and the emotion plots."""
    w, h = layout.size
    whole = QRectF(0, 0, w, h)
    painter.setPen(QPen(QColor(theme.card_border), 1))
    painter.setBrush(QColor(theme.card))
    painter.drawRoundedRect(whole, 8, 8)
    painter.fillRect(qrect(layout.corner_rect), QColor(theme.header))
    lanes = {lane.id: lane for lane in journey.lanes}
    for lane_id, r in layout.lane_rects.items():
        wash = theme.lane(LANE_LOOK[lanes[lane_id].kind].hue)[1]
        painter.fillRect(QRectF(r.right, r.y, w - r.right, r.h), QColor(wash))
    _paint_grid(painter, layout, journey, lanes, w, theme)
    steps = [(step_id, col.cx) for step_id, col in layout.column_rects.items()]
    for emotion in layout.emotions.values():
        paint_emotion_plot(painter, emotion, looks, steps, preview, theme)
    if label_px(TYPE.section, lod, theme, title=True) is None:  # else the view draws the title
        _paint_title(painter, layout, journey, looks, theme)
    if lod >= LOD_TEXT:
        _paint_corner(painter, qrect(layout.corner_rect), theme)


def _paint_grid(
    painter: QPainter,
    layout: JourneyLayout,
    journey: JourneyMap,
    lanes: dict[str, Lane],
    w: float,
    theme: Theme,
) -> None:
    top, bottom = layout.metrics.title_h, layout.height
    grid = QColor(theme.grid_line)
    painter.setPen(QPen(grid, 1))
    painter.drawLine(QPointF(0, top), QPointF(w, top))
    for r in layout.step_rects.values():
        painter.drawLine(QPointF(r.x, r.bottom), QPointF(r.right, r.bottom))
    first_steps = {stage.steps[0].id for stage in journey.stages}
    for step_id, col in layout.column_rects.items():
        if step_id not in first_steps:
            painter.setPen(QPen(grid, 1))
            painter.drawLine(
                QPointF(col.x, col.y - (layout.metrics.step_h if layout.step_rects else 0)),
                QPointF(col.x, bottom),
            )
    painter.setPen(QPen(QColor(theme.stage_line), 1))
    for r in layout.stage_rects.values():
        painter.drawLine(QPointF(r.x, top), QPointF(r.x, bottom))
    painter.drawLine(QPointF(0, layout.lanes_top), QPointF(w, layout.lanes_top))
    for lane_id, r in layout.lane_rects.items():
        look = LANE_LOOK[lanes[lane_id].kind]
        if look.dashed_top:
            pen = QPen(QColor(theme.neutral_line), 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(0, r.y), QPointF(w, r.y))
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(0, r.bottom), QPointF(w, r.bottom))


def _paint_title(
    painter: QPainter, layout: JourneyLayout, journey: JourneyMap, looks: list[SeriesLook], theme: Theme
) -> None:
    band = qrect(layout.title_rect).adjusted(20, 0, -20, 0)
    chips_w = _paint_chips(painter, band, looks, theme)
    title_font = font(TYPE.section, bold=True)
    badge = "Future state" if journey.state == JourneyState.FUTURE else "Current state"
    badge_font = font(TYPE.caption, bold=True)
    badge_w = QFontMetricsF(badge_font).horizontalAdvance(badge) + 16
    room = max(40.0, band.width() - chips_w - badge_w - 24)
    metrics = QFontMetricsF(title_font)
    title = metrics.elidedText(journey.title, Qt.TextElideMode.ElideRight, room)
    title_w = metrics.horizontalAdvance(title)
    cy = band.center().y()
    draw_text(
        painter,
        QRectF(band.left(), cy - metrics.height() / 2, room, metrics.height() + 2),
        title,
        title_font,
        theme.text,
        max_lines=1,
    )
    pill = QRectF(band.left() + title_w + 12, cy - 10, badge_w, 20)
    color = QColor(theme.future if journey.state == JourneyState.FUTURE else theme.muted_text)
    painter.setPen(QPen(color, 1))
    painter.setBrush(QColor(color.red(), color.green(), color.blue(), 28))
    painter.drawRoundedRect(pill, 10, 10)
    painter.setFont(badge_font)
    painter.setPen(color)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, badge)


def _paint_chips(painter: QPainter, band: QRectF, looks: list[SeriesLook], theme: Theme) -> float:
    """Persona chips at the right of the title band (marker shape + name); returns their width."""
    qfont = font(TYPE.body)
    metrics = QFontMetricsF(qfont)
    cy = band.center().y()
    area = Rect(band.x(), band.y(), band.width(), band.height())
    chips, width = title_chips(looks, area, metrics.horizontalAdvance)
    for look, r in chips:
        name = metrics.elidedText(look.name, Qt.TextElideMode.ElideRight, CHIP_NAME_MAX)
        chip = QRectF(r.x, r.y, r.w, r.h)
        painter.setPen(QPen(QColor(look.color), 1.2))
        painter.setBrush(QColor(theme.chip))
        painter.drawRoundedRect(chip, 13, 13)
        paint_marker(painter, look.shape, QPointF(chip.left() + 14, cy), look.color, 10, theme.chip)
        painter.setFont(qfont)
        painter.setPen(QColor(theme.text))
        painter.drawText(chip.adjusted(26, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, name)
    return width


def _paint_corner(painter: QPainter, r: QRectF, theme: Theme) -> None:
    qfont = font(TYPE.caption, bold=True)
    draw_text(
        painter,
        QRectF(r.left() + 12, r.top() + 8, r.width() - 24, 16),
        "STAGES →",
        qfont,
        theme.muted_text,
        max_lines=1,
        align=Qt.AlignmentFlag.AlignRight,
    )
    draw_text(
        painter,
        QRectF(r.left() + 12, r.bottom() - 22, r.width() - 24, 16),
        "LANES ↓",
        qfont,
        theme.muted_text,
        max_lines=1,
    )


def paint_stage_header(
    painter: QPainter, r: QRectF, stage: Stage, number: int, theme: Theme, lod: float
) -> None:
    """Number and name on one line, the description under them when the header has room."""
    painter.fillRect(r, QColor(theme.header))
    painter.setPen(QPen(QColor(theme.stage_line), 1))
    painter.drawLine(r.topLeft(), r.bottomLeft())
    if label_px(TYPE.card_title, lod, theme) is not None:  # zoomed out: the view draws the name
        return
    inner = r.adjusted(12, 0, -12, 0)
    title = font(TYPE.card_title, bold=True)
    line = QFontMetricsF(title).lineSpacing()
    desc_font = font(TYPE.caption)
    desc_line = QFontMetricsF(desc_font).lineSpacing()
    has_desc = bool(stage.description) and r.height() >= line + desc_line + 20
    top = r.top() + 10 if has_desc else r.center().y() - line / 2
    small = font(TYPE.caption, bold=True)
    number_w = QFontMetricsF(small).horizontalAdvance("00") + 8
    draw_text(
        painter,
        QRectF(inner.left(), top + (line - desc_line) / 2 + 1, number_w, desc_line),
        f"{number:02d}",
        small,
        theme.muted_text,
        max_lines=1,
    )
    draw_text(
        painter,
        QRectF(inner.left() + number_w, top, inner.width() - number_w, line),
        stage.name,
        title,
        theme.header_text,
        max_lines=1,
    )
    if has_desc:
        rest = r.bottom() - 6 - (top + line + 2)
        draw_text(
            painter,
            QRectF(inner.left() + number_w, top + line + 2, inner.width() - number_w, rest),
            stage.description,
            desc_font,
            theme.muted_text,
            max_lines=2,
        )


def paint_step_header(painter: QPainter, r: QRectF, step: Step, theme: Theme, lod: float) -> None:
    painter.fillRect(r, QColor(theme.step_fill))
    painter.setPen(QPen(QColor(theme.grid_line), 1))
    painter.drawLine(r.topLeft(), r.bottomLeft())
    if lod < LOD_TEXT:
        return
    text = step.name or "Untitled step"
    color = theme.text if step.name else theme.muted_text
    draw_text(
        painter, r.adjusted(12, 6, -8, -4), text, font(TYPE.caption, italic=not step.name), color, max_lines=1
    )


def paint_lane_header(
    painter: QPainter,
    r: QRectF,
    lane: Lane,
    emotion: object,
    looks: list[SeriesLook],
    theme: Theme,
    lod: float,
) -> None:
    """Tint, a darker edge and the type icon; the emotions lane adds its scale and legend."""
    look = LANE_LOOK[lane.kind]
    tint = QColor(theme.lane(look.hue)[0])
    painter.fillRect(r, tint)
    edge = tint.darker(118) if tint.lightness() > 128 else tint.lighter(150)  # away from the card
    painter.fillRect(QRectF(r.left(), r.top(), 3, r.height()), edge)
    painter.setPen(QPen(QColor(theme.stage_line), 1))
    painter.drawLine(r.topRight(), r.bottomRight())
    if lod < LOD_TEXT:
        return
    name_font = font(TYPE.body, bold=True)
    own_name = label_px(TYPE.body, lod, theme) is None  # zoomed out, the view draws the name
    if lane.kind == LaneKind.EMOTIONS and emotion is not None:
        label_w = paint_scale_labels(painter, r, emotion, theme)  # type: ignore[arg-type]
        room = r.width() - 14 - label_w - 16
        draw_text(
            painter,
            QRectF(r.left() + 14, r.top() + 12, room, 20),
            lane.name if own_name else "",
            name_font,
            theme.text,
            max_lines=1,
        )
        label_ys = [y for _, _, y in emotion.label_ys]  # type: ignore[attr-defined]
        paint_legend(
            painter,
            QRectF(r.left() + 14, r.top() + 40, r.width() - 22, r.height() - 48),
            looks,
            label_ys,
            room,
            theme,
        )
        return
    if not own_name:
        return
    icon = QRectF(r.left() + 14, r.top() + 14, 16, 16)
    paint_icon(painter, look.icon, icon, theme)
    text_left = icon.right() + 8 if look.icon else r.left() + 14
    lines = max(1, int((r.height() - 20) // 18))
    draw_text(
        painter,
        QRectF(text_left, r.top() + 12, r.right() - 10 - text_left, r.height() - 20),
        lane.name,
        name_font,
        theme.text,
        max_lines=lines,
    )


def journey_labels(
    layout: JourneyLayout, journey: JourneyMap, theme: Theme, to_scene: Callable[[QRectF], QRectF]
) -> list[Label]:
    """The map's title, stage and lane names, for the semantic zoom (canvas/labels.py)."""
    band = to_scene(qrect(layout.title_rect).adjusted(20, 0, -20, 0))  # far out, rows are thinner
    out = [  # than names: the title grows upwards, stage names downwards, away from each other
        Label(journey.title, band, TYPE.section, theme.text, theme.card, title=True, rank=0, valign="bottom")
    ]
    for stage in journey.stages:  # a name too narrow to elide may run on over the next stage
        r = layout.stage_rects.get(stage.id)
        if r is not None:
            head = to_scene(qrect(r))
            name = Label(stage.name, head, TYPE.card_title, theme.text, theme.card, reach=REACH, valign="top")
            out.append(name)
    for lane in journey.lanes:  # a lane's name runs on over its row; the emotions lane's sits on top
        r = layout.lane_rects.get(lane.id)
        if r is None:
            continue
        if lane.kind == LaneKind.EMOTIONS:
            head, cap = QRectF(r.x, r.y, r.w, min(r.h, 44.0)), 0.0
        else:
            head, cap = QRectF(r.x, r.y, layout.size[0] - r.x, r.h), REACH
        look = (theme.text, theme.card)
        out.append(Label(lane.name, to_scene(head), TYPE.body, *look, rank=2, reach=REACH, cap=cap))
    return out
