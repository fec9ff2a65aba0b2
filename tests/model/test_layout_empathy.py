"""The empathy map canvas at 1200 × 900, by hand: a 56 title band, then 844 of body of which
28 % (236.32) is Pains / Gains, leaving 607.68 for the four quadrants of 600 × 303.84."""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from personamap.model import EmpathyMap, EmpathyNote, Quadrant
from personamap.model.layout import (
    ApproxMeasure,
    EmpathyLayout,
    Rect,
    empathy_insertion_index,
    layout_empathy,
    quadrant_at,
)

MEASURE = ApproxMeasure()


def emap(counts: dict[Quadrant, int], extended: bool = False, goal: str = "") -> EmpathyMap:
    notes = [EmpathyNote(quadrant=q, text=f"{q.value} {i}") for q, n in counts.items() for i in range(n)]
    return EmpathyMap(notes=notes, extended=extended, goal=goal)


def test_classic_canvas_by_hand() -> None:
    lay = layout_empathy(emap({}), 1200, 900, MEASURE)
    q = lay.quadrant_rects
    assert list(q) == [
        Quadrant.SAYS,
        Quadrant.THINKS,
        Quadrant.DOES,
        Quadrant.FEELS,
        Quadrant.PAINS,
        Quadrant.GAINS,
    ]
    assert q[Quadrant.SAYS] == Rect(0, 56, 600, pytest.approx(303.84))
    assert q[Quadrant.FEELS].x == 600 and q[Quadrant.FEELS].y == pytest.approx(359.84)
    assert q[Quadrant.PAINS] == Rect(0, pytest.approx(663.68), 600, pytest.approx(236.32))
    assert q[Quadrant.GAINS].x == 600
    circle = lay.persona_rect
    assert (circle.w, circle.center) == (128, (600, pytest.approx(56 + 303.84)))
    assert lay.title_rect == Rect(0, 0, 1200, 56)
    # labels hug the outer corners: Thinks top right, Does bottom left
    assert lay.label_rects[Quadrant.THINKS].right == 1188 and lay.label_align[Quadrant.THINKS] == "right"
    assert lay.label_rects[Quadrant.DOES].bottom == pytest.approx(q[Quadrant.DOES].bottom - 12)
    assert lay.label_rects[Quadrant.SAYS] == Rect(12, 68, 36, 24)  # "Says" bold 15: 4 × 9 wide
    assert lay.content_rects[Quadrant.SAYS] == Rect(12, 92, 576, pytest.approx(255.84))


def test_extended_canvas_adds_goal_band_and_side_columns() -> None:
    lay = layout_empathy(emap({}, extended=True, goal="Buy a first home"), 1200, 900, MEASURE)
    q = lay.quadrant_rects
    assert q[Quadrant.GOAL] == Rect(0, 56, 1200, 96)
    assert q[Quadrant.SEES] == Rect(0, 152, 240, pytest.approx(538.56))
    assert q[Quadrant.HEARS].x == 960 and q[Quadrant.SAYS] == Rect(240, 152, 360, pytest.approx(269.28))
    assert lay.persona_rect.cx == 600
    assert lay.goal_text_rect == Rect(56, 68, 320, 72)  # right of the "Goal" label (36 + 8 gap)
    assert lay.content_rects[Quadrant.GOAL].x == 56 + 320 + 8


@pytest.mark.parametrize(("count", "scale", "columns"), [(1, 1.0, 4), (8, 1.0, 4), (9, 0.9, 5), (16, 0.7, 6)])
def test_notes_shrink_together_when_they_do_not_fit(count: int, scale: float, columns: int) -> None:
    # at full size Says holds 4 × 2 notes of 120 × 80 (the circle's corner is below row two)
    e = emap({Quadrant.SAYS: count})
    lay = layout_empathy(e, 1200, 900, MEASURE)
    assert lay.note_scale[Quadrant.SAYS] == scale and lay.note_columns[Quadrant.SAYS] == columns
    first = lay.note_rects[e.notes[0].id]
    assert first == Rect(12, 92, pytest.approx(120 * scale), pytest.approx(80 * scale))
    assert lay.overflow[Quadrant.SAYS] == 0 and Quadrant.SAYS not in lay.overflow_rects
    assert set(lay.note_scale.values()) == {scale}  # the neighbours shrink alike


def test_a_full_quadrant_shrinks_its_neighbours_alike() -> None:
    e = emap({Quadrant.SAYS: 16, Quadrant.THINKS: 1, Quadrant.PAINS: 2})
    lay = layout_empathy(e, 1200, 900, MEASURE)
    assert set(lay.note_scale.values()) == {0.7}
    assert all(lay.note_rects[n.id].w == pytest.approx(120 * 0.7) for n in e.notes)


def test_past_the_smallest_size_the_last_slot_counts_the_rest() -> None:
    e = emap({Quadrant.SAYS: 60})
    lay = layout_empathy(e, 1200, 900, MEASURE)
    shown = [n for n in e.notes if n.id in lay.note_rects]
    assert lay.note_scale[Quadrant.SAYS] == 0.5
    assert len(shown) + lay.overflow[Quadrant.SAYS] == 60 and lay.overflow[Quadrant.SAYS] > 0
    assert shown == e.notes[: len(shown)]  # list order: the first ones show
    marker = lay.overflow_rects[Quadrant.SAYS]
    assert all(not marker.intersects(lay.note_rects[n.id]) for n in shown)
    assert lay.content_rects[Quadrant.SAYS].contains_rect(marker)


def test_note_text_lines_at_the_scaled_size() -> None:
    e = EmpathyMap(notes=[EmpathyNote(quadrant=Quadrant.FEELS, text="word " * 60)])
    lay = layout_empathy(e, 1200, 900, MEASURE)
    # 60 words take 20 lines of 17.55; the note grows down to the quadrant's label (rows of
    # 17.55 from 80 while the slot stays inside the content): 13 lines show, the rest is elided
    note = e.notes[0].id
    assert lay.note_lines[note] == 13 and note in lay.note_elided
    assert lay.content_rects[Quadrant.FEELS].contains_rect(lay.note_rects[note])


def test_notes_grow_to_show_their_text_before_anything_is_cut() -> None:
    # the issue: "…" while half the quadrant is empty
    long = "Wants to see the refund status without calling support twice"  # 61 chars: 5 lines
    e = EmpathyMap(notes=[EmpathyNote(quadrant=Quadrant.SAYS, text=long) for _ in range(3)])
    lay = layout_empathy(e, 1200, 900, MEASURE)
    assert not lay.note_elided
    for n in e.notes:
        r = lay.note_rects[n.id]
        assert r.h > 80 and r.w == 120
        assert lay.note_lines[n.id] == MEASURE.wrapped_height(long, 104, 13) / MEASURE.line_height(13)
    short = emap({Quadrant.SAYS: 3})  # short notes keep the usual size
    lay = layout_empathy(short, 1200, 900, MEASURE)
    assert {(r.w, r.h) for r in lay.note_rects.values()} == {(120, 80)}


def test_a_long_note_of_the_last_row_grows_into_the_space_below() -> None:
    texts = ["short"] * 7 + ["word " * 30]  # the eighth note, bottom right, needs 10 lines
    e = EmpathyMap(notes=[EmpathyNote(quadrant=Quadrant.SAYS, text=t) for t in texts])
    lay = layout_empathy(e, 1200, 900, MEASURE)
    rects = [lay.note_rects[n.id] for n in e.notes]
    content = lay.content_rects[Quadrant.SAYS]
    assert len({r.h for r in rects[:7]}) == 1  # the grid's rows, alike
    long = rects[7]
    assert long.bottom > rects[6].bottom and long.bottom <= content.bottom + 1e-6
    assert lay.note_lines[e.notes[7].id] > lay.note_lines[e.notes[6].id]
    assert not long.intersects(lay.persona_rect)
    _check(e, lay)


def test_notes_of_quadrants_the_canvas_lacks_are_reported() -> None:
    e = emap({Quadrant.SEES: 2, Quadrant.SAYS: 1})
    lay = layout_empathy(e, 1200, 900, MEASURE)
    assert lay.hidden_notes == tuple(n.id for n in e.notes[:2])


def test_quadrant_at_and_insertion() -> None:
    e = emap({Quadrant.SAYS: 6, Quadrant.GAINS: 1})
    lay = layout_empathy(e, 1200, 900, MEASURE)
    assert quadrant_at(lay, *lay.persona_rect.center) is None
    assert quadrant_at(lay, 10, 10) is None  # the title
    assert quadrant_at(lay, 900, 800) == Quadrant.GAINS
    # a point in the circle's bounding square but outside the circle is still a quadrant
    c = lay.persona_rect
    assert quadrant_at(lay, c.x + 1, c.y + 1) == Quadrant.SAYS
    says = e.notes_in(Quadrant.SAYS)
    r = lay.note_rects[says[1].id]
    assert empathy_insertion_index(lay, e, Quadrant.SAYS, r.x + 1, r.cy) == 1
    assert empathy_insertion_index(lay, e, Quadrant.SAYS, r.right - 1, r.cy) == 2
    assert empathy_insertion_index(lay, e, Quadrant.SAYS, 500, 340) == 6
    assert empathy_insertion_index(lay, e, Quadrant.THINKS, 900, 200) == 0
    assert empathy_insertion_index(lay, e, Quadrant.SAYS, r.right - 1, r.cy, exclude={says[0].id}) == 1


def test_overflowed_drop_goes_after_the_hidden_notes() -> None:
    e = emap({Quadrant.SAYS: 60})
    lay = layout_empathy(e, 1200, 900, MEASURE)
    assert empathy_insertion_index(lay, e, Quadrant.SAYS, 590, 340) == 60


def _check(e: EmpathyMap, lay: EmpathyLayout) -> None:
    rects = lay.note_rects
    for a, b in combinations(rects.values(), 2):
        assert not a.intersects(b)
    for q in lay.quadrant_rects:
        notes = e.notes_in(q)
        shown = [n for n in notes if n.id in rects]
        assert len(shown) + lay.overflow[q] == len(notes)
        for k, n in enumerate(shown):
            r = rects[n.id]
            assert lay.content_rects[q].contains_rect(r)
            assert not r.intersects(lay.persona_rect)
            assert quadrant_at(lay, r.cx, r.cy) == q
            assert empathy_insertion_index(lay, e, q, r.cx, r.cy) == k


@settings(max_examples=60, deadline=None)
@given(
    counts=st.dictionaries(st.sampled_from(list(Quadrant)), st.integers(0, 50), max_size=9),
    extended=st.booleans(),
    w=st.floats(300, 2400),
    h=st.floats(300, 1800),
)
def test_notes_stay_in_their_quadrants_clear_of_the_persona(
    counts: dict[Quadrant, int], extended: bool, w: float, h: float
) -> None:
    e = emap(counts, extended=extended, goal="a goal" if extended else "")
    _check(e, layout_empathy(e, w, h, MEASURE))
