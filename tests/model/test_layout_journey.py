"""The journey grid, computed by hand with ApproxMeasure at body 13: a character is 7.15 wide,
a line 17.55 high, and a note's text column (152 - 2 × 10) takes 18 characters to a line."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from personamap.model import EmotionScale, JourneyMap, JourneyNote, Lane, LaneKind, Stage, Step
from personamap.model.layout import (
    ApproxMeasure,
    JourneyMetrics,
    Rect,
    cell_at,
    insertion_index,
    layout_journey,
)

MEASURE = ApproxMeasure()
SCALE = EmotionScale()
LINE = 17.55


def _id(k: int) -> str:
    return f"00000000-0000-4000-8000-{k:012x}"


def make(
    stage_steps: list[int], lanes: list[LaneKind], cells: dict[tuple[int, int], list[str]]
) -> JourneyMap:
    """A journey with stages of the given step counts, lanes of the given kinds and, per
    (lane index, column index), notes with the given texts."""
    stages = [
        Stage(name=f"S{i}", steps=[Step(name=f"s{i}.{k}") for k in range(n)])
        for i, n in enumerate(stage_steps)
    ]
    columns = [(stage, step) for stage in stages for step in stage.steps]
    lane_list = [Lane(name=kind.value, kind=kind) for kind in lanes]
    notes = [
        JourneyNote(lane_id=lane_list[li].id, stage_id=columns[ci][0].id, step_id=columns[ci][1].id, text=t)
        for (li, ci), texts in cells.items()
        for t in texts
    ]
    return JourneyMap(stages=stages, lanes=lane_list, notes=notes)


def lines(n: int) -> str:
    """Text that wraps to exactly n lines of a note."""
    return " ".join("x" * 18 for _ in range(n))


def test_a_small_map_by_hand() -> None:
    j = make([1, 1], [LaneKind.ACTIONS, LaneKind.THOUGHTS], {(0, 0): ["a", "b"]})
    lay = layout_journey(j, SCALE, MEASURE)
    assert lay.lanes_top == 64 + 48  # no step band: every stage has one step
    a, b = (lay.note_rects[n.id] for n in j.notes)
    assert (a.x, a.y, a.w, a.h) == (180 + 12, 112 + 12, 152, 72)
    assert (b.x, b.y) == (192, 124 + 72 + 8)
    assert lay.lane_rects[j.lanes[0].id].h == 72 + 8 + 72 + 2 * 12  # two notes stacked
    assert lay.lane_rects[j.lanes[1].id].h == 72 + 2 * 12  # an empty lane keeps room for one note
    assert lay.column_rects[j.stages[1].steps[0].id].x == 180 + 176
    assert lay.size == (180 + 2 * 176, 112 + 176 + 96)
    assert lay.title_rect.w == lay.width and lay.corner_rect.h == 48
    # a single-step stage header stands for its step
    assert lay.step_rects == {} and lay.stage_rects[j.stages[0].id].h == 48


def test_note_heights_follow_their_text_up_to_the_maximum() -> None:
    texts = [lines(3), lines(5), lines(20), ""]
    j = make([1], [LaneKind.ACTIONS], {(0, 0): texts})
    lay = layout_journey(j, SCALE, MEASURE)
    heights = [lay.note_rects[n.id].h for n in j.notes]
    assert heights == pytest.approx([3 * LINE + 20, 5 * LINE + 20, 176, 72])
    shown = [lay.note_lines[n.id] for n in j.notes]
    assert shown == [3, 5, 8, 2]  # (176 - 20) / 17.55 = 8.9 lines fit in the tallest note
    assert lay.note_elided == {j.notes[2].id}
    text = lay.note_text_rects[j.notes[0].id]
    assert (text.x, text.w, text.h) == (192 + 10, 132, pytest.approx(3 * LINE))


def test_tags_votes_or_evidence_reserve_a_strip_at_the_foot() -> None:
    j = make([1], [LaneKind.ACTIONS], {(0, 0): [lines(3)]})
    j.notes[0].tags = ["vip"]
    lay = layout_journey(j, SCALE, MEASURE)
    assert lay.note_rects[j.notes[0].id].h == pytest.approx(3 * LINE + 20 + 16)
    assert lay.note_text_rects[j.notes[0].id].h == pytest.approx(3 * LINE)


def test_rows_follow_their_tallest_cell() -> None:
    j = make(
        [1, 1],
        [LaneKind.ACTIONS, LaneKind.PAIN_POINTS],
        {(0, 0): [lines(5)], (0, 1): ["a", "b"], (1, 1): ["c"]},
    )
    lay = layout_journey(j, SCALE, MEASURE)
    assert lay.lane_rects[j.lanes[0].id].h == pytest.approx(max(5 * LINE + 20, 72 + 8 + 72) + 24)
    assert lay.lane_rects[j.lanes[1].id].h == 96
    cell = lay.cell_rects[(j.lanes[0].id, j.stages[1].steps[0].id)]
    assert cell.h == lay.lane_rects[j.lanes[0].id].h and cell.w == 176


@pytest.mark.parametrize(("count", "per_row", "width"), [(3, 1, 176), (4, 2, 336), (8, 2, 336), (9, 3, 496)])
def test_a_busy_cell_widens_its_column(count: int, per_row: int, width: float) -> None:
    j = make([1, 1], [LaneKind.ACTIONS, LaneKind.THOUGHTS], {(1, 0): ["n"] * count, (0, 1): ["m"]})
    lay = layout_journey(j, SCALE, MEASURE)
    step = j.stages[0].steps[0].id
    assert lay.column_per_row[step] == per_row
    assert lay.column_rects[step].w == width
    assert lay.column_rects[j.stages[1].steps[0].id].w == 176  # the quiet column stays narrow
    rects = [lay.note_rects[n.id] for n in j.notes[:count]]
    assert [r.x for r in rects[:per_row]] == [180 + 12 + k * 160 for k in range(per_row)]
    rows = -(-count // per_row)
    assert lay.lane_rects[j.lanes[1].id].h == rows * 72 + (rows - 1) * 8 + 24


def test_multi_step_stages_get_a_step_band_and_span_their_columns() -> None:
    j = make([1, 3], [LaneKind.ACTIONS], {})
    lay = layout_journey(j, SCALE, MEASURE)
    assert lay.lanes_top == 64 + 48 + 28
    single, multi = j.stages
    assert lay.stage_rects[single.id].h == 48 + 28  # reaches down over the step band
    assert lay.stage_rects[multi.id] == Rect(180 + 176, 64, 3 * 176, 48)
    assert set(lay.step_rects) == {s.id for s in multi.steps}
    assert lay.step_rects[multi.steps[1].id].y == 112 and lay.step_rects[multi.steps[1].id].h == 28
    assert lay.step_stage[multi.steps[2].id] == multi.id


def test_a_note_without_a_step_sits_in_its_stages_first_step() -> None:
    j = make([2], [LaneKind.ACTIONS], {})
    stage, lane = j.stages[0], j.lanes[0]
    first, second = stage.steps
    j.notes = [
        JourneyNote(lane_id=lane.id, stage_id=stage.id, text="loose"),
        JourneyNote(lane_id=lane.id, stage_id=stage.id, step_id=second.id, text="pinned"),
        JourneyNote(lane_id=lane.id, stage_id=stage.id, step_id=_id(99), text="stray step"),
        JourneyNote(lane_id=_id(98), stage_id=stage.id, text="no such lane"),
    ]
    lay = layout_journey(j, SCALE, MEASURE)
    assert lay.cell_rects[(lane.id, first.id)].contains_rect(lay.note_rects[j.notes[0].id])
    assert lay.cell_rects[(lane.id, second.id)].contains_rect(lay.note_rects[j.notes[1].id])
    assert stage.shown_step(_id(99)) == first.id
    assert [n.text for n in j.notes_shown_in(lane.id, stage.id, first.id)] == ["loose", "stray step"]
    assert j.shown_cell(_id(98), stage.id, None) is None and j.note_cells()[j.notes[3].id] is None
    assert lay.unplaced == (j.notes[3].id,) and j.notes[3].id not in lay.note_rects


def test_the_emotions_lane_is_a_fixed_plot_with_its_notes_below() -> None:
    j = make([1, 1], [LaneKind.ACTIONS, LaneKind.EMOTIONS], {})
    lay = layout_journey(j, SCALE, MEASURE)
    emo_lane = j.lanes[1]
    assert lay.lane_rects[emo_lane.id].h == 200
    plot = lay.emotions[emo_lane.id].rect
    assert plot == Rect(180, 112 + 96, 2 * 176, 200) and lay.emotion is lay.emotions[emo_lane.id]
    j2 = make([1, 1], [LaneKind.ACTIONS, LaneKind.EMOTIONS], {(1, 0): ["stray", "notes"]})
    lay2 = layout_journey(j2, SCALE, MEASURE)
    assert lay2.lane_rects[j2.lanes[1].id].h == 200 + 72 + 8 + 72 + 12
    for note in j2.notes:
        assert lay2.note_rects[note.id].y >= lay2.emotions[j2.lanes[1].id].rect.bottom


def test_an_empty_map_still_has_a_title_and_headers() -> None:
    lay = layout_journey(JourneyMap(), SCALE, MEASURE)
    assert lay.size == (180, 112) and lay.emotion is None and cell_at(lay, 100, 100) is None


def test_a_twelve_by_twelve_map_stays_readable_and_not_absurdly_tall() -> None:
    busy = {(li, ci): [lines(2)] * 5 for li in range(12) for ci in range(12)}
    j = make([1] * 12, [LaneKind.ACTIONS] * 12, busy)
    lay = layout_journey(j, SCALE, MEASURE)
    assert lay.width == 180 + 12 * 336 < 12 * 3 * 152
    assert lay.height == 112 + 12 * (3 * 72 + 2 * 8 + 24)
    assert lay.height < lay.width  # landscape, like the wall it replaces
    tall = layout_journey(j, SCALE, MEASURE, JourneyMetrics(wide_after=()))
    assert tall.height > 1.5 * lay.height  # one note per row would make it a tower


def test_cell_at_and_insertion_index_by_hand() -> None:
    j = make([1], [LaneKind.ACTIONS], {(0, 0): ["a", "b", "c"]})
    lay = layout_journey(j, SCALE, MEASURE)
    lane, stage, step = j.lanes[0].id, j.stages[0].id, j.stages[0].steps[0].id
    assert cell_at(lay, 190, 120) == (lane, stage, step)
    assert cell_at(lay, 100, 120) is None  # the lane header is not a cell
    assert cell_at(lay, 190, 50) is None  # nor the headers
    a = lay.note_rects[j.notes[0].id]
    assert insertion_index(lay, j, lane, stage, step, a.cx, a.y + 1) == 0  # upper half: before
    assert insertion_index(lay, j, lane, stage, step, a.cx, a.bottom - 1) == 1  # lower half: after
    assert insertion_index(lay, j, lane, stage, step, a.cx, 10_000) == 3
    # dragging the first note onto the lower half of the second: after it among the others
    b = lay.note_rects[j.notes[1].id]
    assert insertion_index(lay, j, lane, stage, step, b.cx, b.bottom - 1, exclude={j.notes[0].id}) == 1


# -- properties on random journeys ---------------------------------------------------------

WORDS = ["a", "note", "customer", "supercalifragilisticexpialidocious", "購入手続き", "ok?"]
KINDS = st.sampled_from([LaneKind.ACTIONS, LaneKind.THOUGHTS, LaneKind.EMOTIONS, LaneKind.CUSTOM])


@st.composite
def journeys(draw: st.DrawFn) -> JourneyMap:
    counter = iter(range(1, 10_000))
    stages = [
        Stage(
            id=_id(next(counter)), steps=[Step(id=_id(next(counter))) for _ in range(draw(st.integers(1, 3)))]
        )
        for _ in range(draw(st.integers(1, 4)))
    ]
    lanes = [Lane(id=_id(next(counter)), kind=draw(KINDS)) for _ in range(draw(st.integers(1, 4)))]
    notes = []
    for _ in range(draw(st.integers(0, 30))):
        stage = draw(st.sampled_from(stages))
        step = draw(st.one_of(st.none(), st.sampled_from(stage.steps).map(lambda s: s.id)))
        start, count = draw(st.integers(0, 5)), draw(st.integers(0, 40))
        text = " ".join(WORDS[(start + k * k) % len(WORDS)] for k in range(count))
        lane = draw(st.sampled_from(lanes))
        notes.append(
            JourneyNote(id=_id(next(counter)), lane_id=lane.id, stage_id=stage.id, step_id=step, text=text)
        )
    return JourneyMap(stages=stages, lanes=lanes, notes=notes)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys())
def test_notes_never_overlap_stay_in_their_cells_and_round_trip(j: JourneyMap) -> None:
    lay = layout_journey(j, SCALE, MEASURE)
    stages = {s.id: s for s in j.stages}
    rects = lay.note_rects
    assert set(rects) == {n.id for n in j.notes}
    for a, b in combinations(rects.values(), 2):
        assert not a.intersects(b)
    bounds = Rect(0, 0, *lay.size)
    for cell in lay.cell_rects.values():
        assert bounds.contains_rect(cell)
    for note in j.notes:
        step = stages[note.stage_id].shown_step(note.step_id)
        r = rects[note.id]
        assert lay.cell_rects[(note.lane_id, step)].contains_rect(r)
        assert cell_at(lay, r.cx, r.cy) == (note.lane_id, note.stage_id, step)
        siblings = [n.id for n in j.notes_shown_in(note.lane_id, note.stage_id, step)]
        assert insertion_index(lay, j, note.lane_id, note.stage_id, step, r.cx, r.cy) == siblings.index(
            note.id
        )
        if note.lane_id in lay.emotions:
            assert r.y >= lay.emotions[note.lane_id].rect.bottom
        assert lay.note_text_rects[note.id].h <= r.h
    assert lay.width == 180 + sum(c.w for c in lay.column_rects.values())


def test_a_press_on_a_curve_marker_finds_its_lane_series_and_step() -> None:
    from personamap.model import EmotionScore
    from personamap.model.layout import emotion_at, marker_at
    from personamap.model.layout.hit import MARKER_HIT

    p1, p2 = _id(1), _id(2)
    j = JourneyMap(stages=[Stage(), Stage()], lanes=[Lane(kind=LaneKind.EMOTIONS)], persona_ids=[p1, p2])
    first, second = (s.steps[0].id for s in j.stages)
    j.emotions = [
        EmotionScore(persona_id=p1, step_id=first, score=1),
        EmotionScore(persona_id=p2, step_id=first, score=1),  # same spot: drawn on top
        EmotionScore(persona_id=p1, step_id=second, score=-1),
    ]
    lay = layout_journey(j, SCALE, MEASURE)
    emo = lay.emotion
    assert emo is not None
    a, b = emo.series[p2][0], emo.series[p1][1]
    assert marker_at(lay, [p1, p2], a.x, a.y) == (emo.lane_id, p2, first)
    assert marker_at(lay, [p2, p1], a.x + MARKER_HIT, a.y) == (emo.lane_id, p1, first)
    assert marker_at(lay, [p1, p2], b.x, b.y - MARKER_HIT) == (emo.lane_id, p1, second)
    assert marker_at(lay, [p1, p2], b.x + MARKER_HIT + 1, b.y) is None
    assert emotion_at(lay, b.x, b.y) is emo and emotion_at(lay, 1, 1) is None
