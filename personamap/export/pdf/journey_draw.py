"""A journey map drawn from `layout_journey`, as the canvas draws it (journey_paint.py):
neutral header bands, hairline grid, lane tints and washes, sticky notes, and the emotion
curve as vector Béziers with markers in each persona's shape. Used by the journey poster and
by board pages; the pen carries the scale, so coordinates here are canvas px."""

from __future__ import annotations

from ...model import JourneyMap, JourneyState, Lane, LaneKind
from ...model.layout import (
    EmotionLayout,
    JourneyLayout,
    Rect,
    SeriesLook,
    curve_runs,
    journey_legend,
    legend_lines,
    scale_text,
    title_chips,
)
from ...model.layout.legend import LEGEND_MARKER
from ...style import LANE_LOOK, PRINT, TYPE
from ..spec import Ctx
from .draw import MUTED, TEXT, Pen, mix

GRID = PRINT.grid_line
STAGE_LINE = PRINT.stage_line
HEADER = PRINT.header
NEUTRAL_LINE = PRINT.neutral_line
FUTURE = PRINT.future


def draw_journey(ctx: Ctx, pen: Pen, journey: JourneyMap, layout: JourneyLayout) -> None:
    w, h = layout.size
    pen.rect(Rect(0, 0, w, h), "#FFFFFF", "#D0D7DE", 0.6, radius=8)
    pen.rect(layout.corner_rect, HEADER)
    lanes = {lane.id: lane for lane in journey.lanes}
    for lane_id, r in layout.lane_rects.items():
        pen.rect(Rect(r.right, r.y, w - r.right, r.h), LANE_LOOK[lanes[lane_id].kind].wash)
    for number, stage in enumerate(journey.stages, 1):
        r = layout.stage_rects[stage.id]
        pen.rect(r, HEADER)
        inner = r.adjusted(12, 0, -12, 0)
        nx = inner.x + pen.t.width("00", TYPE.caption, "bold") + 8
        # stage names wrap (shrinking to caption size if they must), never cut with "…"
        name = pen.t.fit(stage.name, inner.right - nx, r.h - 8, TYPE.card_title, "bold", TYPE.caption)
        line = pen.t.leading * name.size * len(name.lines)
        has_desc = bool(stage.description) and r.h >= line + 2 * pen.t.leading * TYPE.caption + 12
        top = r.y + 8 if has_desc else r.cy - line / 2
        first = pen.t.leading * name.size
        pen.label(
            inner.x,
            top + (first - pen.t.leading * TYPE.caption) / 2,
            f"{number:02d}",
            TYPE.caption,
            MUTED,
            "bold",
        )
        pen.lines(Rect(nx, top, inner.right - nx, line), name.lines, name.size, TEXT, "bold")
        if has_desc:
            pen.text(
                Rect(nx, top + line, inner.right - nx, r.bottom - 4 - (top + line)),
                stage.description,
                TYPE.caption,
                MUTED,
                max_lines=2,
            )
        for step in stage.steps:
            sr = layout.step_rects.get(step.id)
            if sr is not None:
                pen.rect(sr, "#F7F8FA")
                pen.label(
                    sr.x + 12,
                    sr.y + 5,
                    step.name or "Untitled step",
                    TYPE.caption,
                    TEXT if step.name else MUTED,
                    "regular" if step.name else "italic",
                    sr.w - 20,
                )
    _grid(pen, layout, journey, w)
    looks = journey_legend(journey, ctx.project)
    for lane in journey.lanes:
        _lane_header(pen, layout, lane, looks)
    for emotion in layout.emotions.values():
        _emotion(pen, emotion, looks)
    _title(ctx, pen, layout, journey, looks)
    _notes(pen, layout, journey)


def _grid(pen: Pen, layout: JourneyLayout, journey: JourneyMap, w: float) -> None:
    top, bottom = layout.metrics.title_h, layout.height
    first = {stage.steps[0].id for stage in journey.stages}
    pen.line(0, top, w, top, GRID)
    for step_id, col in layout.column_rects.items():
        if step_id not in first:
            pen.line(col.x, col.y - (layout.metrics.step_h if layout.step_rects else 0), col.x, bottom, GRID)
    for r in layout.stage_rects.values():
        pen.line(r.x, top, r.x, bottom, STAGE_LINE)
    pen.line(0, layout.lanes_top, w, layout.lanes_top, STAGE_LINE)
    lanes = {lane.id: lane for lane in journey.lanes}
    for lane_id, r in layout.lane_rects.items():
        if LANE_LOOK[lanes[lane_id].kind].dashed_top:
            pen.line(0, r.y, w, r.y, NEUTRAL_LINE, 0.8, dash=(3, 2))
        pen.line(0, r.bottom, w, r.bottom, GRID)


def _lane_header(pen: Pen, layout: JourneyLayout, lane: Lane, looks: list[SeriesLook]) -> None:
    r = layout.lane_rects[lane.id]
    look = LANE_LOOK[lane.kind]
    pen.rect(r, look.tint)
    pen.rect(Rect(r.x, r.y, 3, r.h), mix(look.tint, "#000000", 0.15))
    pen.line(r.right, r.y, r.right, r.bottom, STAGE_LINE)
    emotion = layout.emotions.get(lane.id)
    if lane.kind == LaneKind.EMOTIONS and emotion is not None:
        label_w = 0.0
        for value, label, y in emotion.label_ys:
            text = scale_text(value, label)
            tw = min(r.w * 0.55, pen.t.width(text, TYPE.caption))
            label_w = max(label_w, tw)
            pen.label(
                r.right - tw - 10,
                y - pen.t.leading * TYPE.caption / 2,
                text,
                TYPE.caption,
                MUTED,
                width=tw + 1,
            )
            pen.line(r.right - 6, y, r.right, y, NEUTRAL_LINE)
        room = r.w - 14 - label_w - 16
        pen.label(r.x + 14, r.y + 12, lane.name, TYPE.body, TEXT, "bold", room)
        area = Rect(r.x + 14, r.y + 40, r.w - 22, r.h - 48)
        for line in legend_lines(looks, area, [y for _, _, y in emotion.label_ys], room):
            series, t = line.look, line.text
            pen.marker(series.shape, *line.marker, LEGEND_MARKER, series.color)
            ty = t.cy - pen.t.leading * TYPE.caption / 2
            pen.label(t.x, ty, series.name, TYPE.caption, TEXT, width=t.w)
        return
    pen.text(Rect(r.x + 14, r.y + 12, r.w - 24, r.h - 20), lane.name, TYPE.body, TEXT, "bold")


def _emotion(pen: Pen, emotion: EmotionLayout, looks: list[SeriesLook]) -> None:
    r = emotion.rect
    for y in emotion.tick_ys().values():
        pen.line(r.x, y, r.right, y, "#E6EAEF", 0.5)
    if emotion.neutral_y is not None:
        pen.line(r.x, emotion.neutral_y, r.right, emotion.neutral_y, NEUTRAL_LINE, 0.6, dash=(3, 2))
    width = max(0.6, 2.5 * pen.s)
    for pid, _name, color, shape in looks:
        runs = curve_runs(emotion.series.get(pid, ()))
        for run in runs:
            pen.curve(run.segments, color, width)
        for run in runs:
            for point in run.points:
                pen.marker(shape, point.x, point.y, 10, color)


def _title(ctx: Ctx, pen: Pen, layout: JourneyLayout, journey: JourneyMap, looks: list[SeriesLook]) -> None:
    band = layout.title_rect.adjusted(20, 0, -20, 0)
    t = pen.t
    chips, chips_w = title_chips(looks, band, lambda name: t.width(name, TYPE.body))
    for (_pid, name, color, shape), chip in chips:
        pen.rect(chip, "#FFFFFF", color, 0.8, radius=13)
        pen.marker(shape, chip.x + 14, band.cy, 10, color)
        pen.label(chip.x + 26, band.cy - t.leading * TYPE.body / 2, name, TYPE.body, TEXT, width=chip.w - 34)
    right = band.right - chips_w
    future = journey.state == JourneyState.FUTURE
    badge = "Future state" if future else "Current state"
    badge_w = t.width(badge, TYPE.caption, "bold") + 16
    room = max(40.0, right - band.x - badge_w - 24)
    title_w = min(room, t.width(journey.title, TYPE.section, "bold"))
    pen.label(band.x, band.cy - t.leading * TYPE.section / 2, journey.title, TYPE.section, TEXT, "bold", room)
    pill = Rect(band.x + title_w + 12, band.cy - 10, badge_w, 20)
    color = FUTURE if future else "#59636E"
    pen.rect(pill, mix(color, "#FFFFFF", 0.88), color, 0.6, radius=10)
    pen.label(
        pill.x, pill.cy - t.leading * TYPE.caption / 2, badge, TYPE.caption, color, "bold", pill.w, "center"
    )


def _notes(pen: Pen, layout: JourneyLayout, journey: JourneyMap) -> None:
    for note in journey.notes:
        r = layout.note_rects.get(note.id)
        if r is None:
            continue
        pen.sticky_note(r, note.color)
        tr = layout.note_text_rects[note.id]
        pen.text(tr, note.text, TYPE.body, TEXT, max_lines=max(1, layout.note_lines.get(note.id, 1)))
        meta = [f"#{t}" for t in note.tags[:3]]
        if note.votes:
            meta.append(f"\u25cf {len(note.votes)}")
        if meta or note.evidence_ids:
            y = r.bottom - layout.metrics.note_pad - 12
            if note.evidence_ids:
                pen.circle(r.right - layout.metrics.note_pad - 4, y + 6, 3.5, "#0072B2")
            if meta:
                pen.label(tr.x, y - 2, "  ".join(meta), TYPE.caption, "#57606A", width=tr.w - 12)
