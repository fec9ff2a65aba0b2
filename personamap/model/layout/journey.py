"""The journey grid: steps as columns, lanes as rows, notes stacked in cells.

Columns are steps; a stage header spans its steps' columns. A step column is one note wide,
or two or three notes wide when its busiest cell holds many notes, so a big map grows
sideways a little instead of growing very tall. Rows are as tall as their tallest cell.

An emotions lane is a fixed-height plot across all columns. Notes that sit in an emotions
lane (pasted or imported; the canvas need not offer it) are never dropped: they stack
below the plot area, and the lane grows to hold them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..enums import LaneKind
from ..journey import JourneyMap, JourneyNote
from ..project import EmotionScale
from .emotion import EmotionLayout, layout_emotion
from .geometry import Rect
from .measure import TextMeasure, line_height, lines_fitting
from .stack import stack_rows


@dataclass(frozen=True)
class JourneyMetrics:
    """Sizes in screen px at 100 % (docs/VISUAL.md, 8 px grid); the PDF scales the whole layout."""

    title_h: float = 64
    stage_h: float = 48
    step_h: float = 28
    """The step header band, present only when some stage has more than one step."""
    lane_w: float = 180
    note_w: float = 152
    note_min_h: float = 72
    note_max_h: float = 176
    """Taller text is elided: `note_lines` says how many lines show."""
    note_pad: float = 10
    note_meta_h: float = 16
    """A strip at a note's foot for tags, votes and the evidence dot, when it has any."""
    gap: float = 8
    cell_pad: float = 12
    emotion_h: float = 200
    emotion_pad: float = 24
    body: float = 13
    wide_after: tuple[int, ...] = (3, 8)
    """A column gets one more note slot per row for each of these its busiest cell exceeds."""

    def column_width(self, per_row: int) -> float:
        return per_row * self.note_w + (per_row - 1) * self.gap + 2 * self.cell_pad


@dataclass(frozen=True)
class JourneyLayout:
    """Where everything of one journey map goes, in the map's own coordinates (0, 0 top left).

    Stage, step, column, lane and cell dicts iterate in the map's order. Steps of single-step
    stages have no entry in `step_rects`: their stage header reaches down over the step band.
    """

    size: tuple[float, float]
    title_rect: Rect
    corner_rect: Rect
    """Left of the stage headers, above the lane headers (for a legend or the personas)."""
    lanes_top: float
    stage_rects: dict[str, Rect]
    step_rects: dict[str, Rect]
    column_rects: dict[str, Rect]
    lane_rects: dict[str, Rect]
    cell_rects: dict[tuple[str, str], Rect]
    note_rects: dict[str, Rect]
    note_text_rects: dict[str, Rect]
    note_lines: dict[str, int]
    """Lines of text a note's box shows; text beyond them is elided (see note_elided)."""
    note_elided: frozenset[str]
    emotions: dict[str, EmotionLayout]
    step_stage: dict[str, str]
    column_per_row: dict[str, int]
    unplaced: tuple[str, ...] = ()
    """Notes naming a lane or stage the map does not have (an integrity problem): not drawn."""
    metrics: JourneyMetrics = field(default_factory=JourneyMetrics)

    @property
    def width(self) -> float:
        return self.size[0]

    @property
    def height(self) -> float:
        return self.size[1]

    @property
    def emotion(self) -> EmotionLayout | None:
        """The first emotions lane, for the common map that has exactly one."""
        return next(iter(self.emotions.values()), None)


@dataclass(frozen=True)
class _NoteBox:
    h: float
    lines: int
    elided: bool
    meta: float


def _cells(journey: JourneyMap) -> tuple[dict[tuple[str, str], list[JourneyNote]], list[str]]:
    """The notes of each (lane, step) cell as `JourneyMap.note_cells` places them."""
    cells: dict[tuple[str, str], list[JourneyNote]] = {}
    unplaced: list[str] = []
    shown = journey.note_cells()
    for note in journey.notes:
        cell = shown[note.id]
        if cell is None:
            unplaced.append(note.id)
        else:
            cells.setdefault((cell[0], cell[2]), []).append(note)
    return cells, unplaced


def _note_box(note: JourneyNote, measure: TextMeasure, m: JourneyMetrics, line: float) -> _NoteBox:
    meta = m.note_meta_h if (note.tags or note.votes or note.evidence_ids) else 0.0
    text_w = m.note_w - 2 * m.note_pad
    text_h = measure.wrapped_height(note.text, text_w, m.body)
    h = min(m.note_max_h, max(m.note_min_h, text_h + 2 * m.note_pad + meta))
    fit = lines_fitting(h - 2 * m.note_pad - meta, line)
    total = max(1, round(text_h / line)) if note.text and line > 0 else 0
    return _NoteBox(h, fit, total > fit, meta)


def _headers(
    journey: JourneyMap, column_rects: dict[str, Rect], m: JourneyMetrics, lanes_top: float
) -> tuple[dict[str, Rect], dict[str, Rect]]:
    """Stage headers over their steps' columns, and step headers for multi-step stages."""
    stage_rects: dict[str, Rect] = {}
    step_rects: dict[str, Rect] = {}
    for stage in journey.stages:
        cols = [column_rects[s.id] for s in stage.steps]
        span = cols[-1].right - cols[0].x
        if len(stage.steps) > 1:
            stage_rects[stage.id] = Rect(cols[0].x, m.title_h, span, m.stage_h)
            for s, col in zip(stage.steps, cols, strict=True):
                step_rects[s.id] = Rect(col.x, m.title_h + m.stage_h, col.w, m.step_h)
        else:
            stage_rects[stage.id] = Rect(cols[0].x, m.title_h, span, lanes_top - m.title_h)
    return stage_rects, step_rects


def layout_journey(
    journey: JourneyMap,
    scale: EmotionScale,
    measure: TextMeasure,
    metrics: JourneyMetrics = JourneyMetrics(),
) -> JourneyLayout:
    """Lay out a journey map at its natural size."""
    m = metrics
    cells, unplaced = _cells(journey)
    line = line_height(measure, m.body)
    boxes = {n.id: _note_box(n, measure, m, line) for notes in cells.values() for n in notes}
    steps = [(stage, step) for stage in journey.stages for step in stage.steps]
    emotion_lanes = {lane.id for lane in journey.lanes if lane.kind == LaneKind.EMOTIONS}

    per_row: dict[str, int] = {}
    for _, step in steps:
        busiest = max((len(cells.get((lane.id, step.id), ())) for lane in journey.lanes), default=0)
        per_row[step.id] = 1 + sum(busiest > t for t in m.wide_after)

    # Stack every cell relative to its own origin; rows then take the tallest stack.
    stacks: dict[tuple[str, str], tuple[list[tuple[float, float]], float]] = {}
    for key, notes in cells.items():
        stacks[key] = stack_rows([boxes[n.id].h for n in notes], per_row[key[1]], m.gap)
    row_h: dict[str, float] = {}
    for lane in journey.lanes:
        heights = [stacks[(lane.id, s.id)][1] for _, s in steps if (lane.id, s.id) in stacks]
        tallest = max(heights, default=0.0)
        if lane.id in emotion_lanes:
            row_h[lane.id] = m.emotion_h + (tallest + m.cell_pad if tallest > 0 else 0.0)
        else:
            row_h[lane.id] = max(m.note_min_h, tallest) + 2 * m.cell_pad

    multi = any(len(stage.steps) > 1 for stage in journey.stages)
    lanes_top = m.title_h + m.stage_h + (m.step_h if multi else 0.0)
    lanes_h = sum(row_h.values())

    column_rects: dict[str, Rect] = {}
    x = m.lane_w
    for _, step in steps:
        w = m.column_width(per_row[step.id])
        column_rects[step.id] = Rect(x, lanes_top, w, lanes_h)
        x += w
    width, height = x, lanes_top + lanes_h

    stage_rects, step_rects = _headers(journey, column_rects, m, lanes_top)

    lane_rects: dict[str, Rect] = {}
    cell_rects: dict[tuple[str, str], Rect] = {}
    note_rects: dict[str, Rect] = {}
    note_text_rects: dict[str, Rect] = {}
    emotions: dict[str, EmotionLayout] = {}
    y = lanes_top
    for lane in journey.lanes:
        h = row_h[lane.id]
        lane_rects[lane.id] = Rect(0.0, y, m.lane_w, h)
        stack_top = y + (m.emotion_h if lane.id in emotion_lanes else m.cell_pad)
        for _, step in steps:
            col = column_rects[step.id]
            cell_rects[(lane.id, step.id)] = Rect(col.x, y, col.w, h)
            notes = cells.get((lane.id, step.id), [])
            offsets = stacks[(lane.id, step.id)][0] if notes else []
            for note, (slot, dy) in zip(notes, offsets, strict=True):
                box = boxes[note.id]
                r = Rect(col.x + m.cell_pad + slot * (m.note_w + m.gap), stack_top + dy, m.note_w, box.h)
                note_rects[note.id] = r
                pad = m.note_pad
                note_text_rects[note.id] = r.adjusted(pad, pad, -pad, -pad - box.meta)
        if lane.id in emotion_lanes:
            plot = Rect(m.lane_w, y, max(0.0, width - m.lane_w), m.emotion_h)
            emotions[lane.id] = layout_emotion(lane.id, plot, journey, scale, column_rects, m.emotion_pad)
        y += h

    return JourneyLayout(
        size=(width, height),
        title_rect=Rect(0.0, 0.0, width, m.title_h),
        corner_rect=Rect(0.0, m.title_h, m.lane_w, lanes_top - m.title_h),
        lanes_top=lanes_top,
        stage_rects=stage_rects,
        step_rects=step_rects,
        column_rects=column_rects,
        lane_rects=lane_rects,
        cell_rects=cell_rects,
        note_rects=note_rects,
        note_text_rects=note_text_rects,
        note_lines={nid: box.lines for nid, box in boxes.items()},
        note_elided=frozenset(nid for nid, box in boxes.items() if box.elided),
        emotions=emotions,
        step_stage={step.id: stage.id for stage, step in steps},
        column_per_row=per_row,
        unplaced=tuple(unplaced),
        metrics=m,
    )
