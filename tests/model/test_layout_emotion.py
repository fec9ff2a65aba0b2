"""The emotion lane's score axis, snapping, series with gaps, and the monotone curve."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from personamap.model import EmotionScale, EmotionScore, JourneyMap, Lane, LaneKind, ScaleLabel, Stage
from personamap.model.layout import (
    ApproxMeasure,
    EmotionLayout,
    EmotionPoint,
    bezier_point,
    curve_runs,
    layout_journey,
    monotone_curve,
    score_at,
)

P1, P2 = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"


def emotion_layout(
    scale: EmotionScale, scores: dict[str | None, list[int | None]]
) -> tuple[JourneyMap, EmotionLayout]:
    j = JourneyMap(
        stages=[Stage() for _ in range(4)], lanes=[Lane(kind=LaneKind.EMOTIONS)], persona_ids=[P1, P2]
    )
    steps = j.steps()
    j.emotions = [
        EmotionScore(persona_id=pid, step_id=steps[k].id, score=s)
        for pid, values in scores.items()
        for k, s in enumerate(values)
        if s is not None
    ]
    lay = layout_journey(j, scale, ApproxMeasure())
    assert lay.emotion is not None
    return j, lay.emotion


def test_scores_map_from_bottom_to_top_with_padding() -> None:
    _, emo = emotion_layout(EmotionScale(), {})
    # the lane starts under the headers (112) and is 200 high, padded 24 top and bottom
    assert (emo.top, emo.bottom) == (112 + 24, 112 + 176)
    assert emo.y_of(2) == 136 and emo.y_of(-2) == 288 and emo.y_of(0) == 212 and emo.y_of(1) == 174
    assert emo.neutral_y == 212
    assert emo.y_of(5) == emo.top and emo.y_of(-9) == emo.bottom  # off-scale scores sit at the edge
    assert [(v, label) for v, label, _ in emo.label_ys] == [
        (-2, "Frustrated"),
        (0, "Neutral"),
        (2, "Delighted"),
    ]
    assert emo.label_ys[2][2] == 136
    assert list(emo.tick_ys()) == [-2, -1, 0, 1, 2]


def test_dragging_a_marker_snaps_to_the_scale() -> None:
    _, emo = emotion_layout(EmotionScale(), {})
    assert score_at(emo, 212) == 0
    assert score_at(emo, emo.y_of(1.4)) == 1 and score_at(emo, emo.y_of(1.6)) == 2
    assert score_at(emo, 0) == 2 and score_at(emo, 10_000) == -2
    for v in range(-2, 3):
        assert score_at(emo, emo.y_of(v)) == v


def test_other_scales_and_a_neutral_line_only_when_zero_is_on_the_scale() -> None:
    _, one_to_five = emotion_layout(EmotionScale(minimum=1, maximum=5, labels=[]), {})
    assert one_to_five.neutral_y is None and one_to_five.y_of(3) == 212
    labels = [ScaleLabel(value=0, label="awful"), ScaleLabel(value=10, label="great")]
    _, ten = emotion_layout(EmotionScale(minimum=0, maximum=10, labels=labels), {})
    assert ten.neutral_y == ten.bottom and score_at(ten, ten.y_of(7.2)) == 7


def test_series_have_one_entry_per_step_with_gaps_as_none() -> None:
    j, emo = emotion_layout(EmotionScale(), {None: [0, 0, 0, 0], P1: [2, -1, None, 1]})
    assert list(emo.series) == [None, P1, P2]  # the map's own curve, then its personas
    assert emo.series[P2] == (None,) * 4
    p1 = emo.series[P1]
    assert p1[2] is None
    first = p1[0]
    assert first == EmotionPoint(j.steps()[0].id, 180 + 88, 136)
    runs = curve_runs(p1)
    assert [len(r.points) for r in runs] == [2, 1]
    assert len(runs[0].segments) == 1 and runs[1].segments == ()  # an isolated score: a marker only
    assert curve_runs(emo.series[P2]) == []


def test_a_gap_is_never_bridged() -> None:
    pts = [
        EmotionPoint("a", 0, 0),
        EmotionPoint("b", 10, 5),
        None,
        EmotionPoint("c", 30, 9),
        EmotionPoint("d", 40, 1),
    ]
    runs = curve_runs(pts)
    assert [[p.step_id for p in r.points] for r in runs] == [["a", "b"], ["c", "d"]]
    for run in runs:
        xs = [x for seg in run.segments for x, _ in seg]
        assert min(xs) >= run.points[0].x and max(xs) <= run.points[-1].x


def test_monotone_curve_by_hand() -> None:
    assert monotone_curve([]) == [] and monotone_curve([(0, 1)]) == []
    (seg,) = monotone_curve([(0, 0), (30, 30)])
    assert seg == ((0, 0), (10, 10), (20, 20), (30, 30))  # a straight line stays straight
    flat = monotone_curve([(0, 5), (10, 5), (20, 8)])
    assert [y for _, y in flat[0]] == [5, 5, 5, 5]  # a plateau stays flat
    peak = monotone_curve([(0, 0), (10, 10), (20, 0)])
    assert peak[0][2][1] == 10 and peak[1][1][1] == 10  # flat tangent at the extremum


def _sampled_within(points: list[tuple[float, float]]) -> None:
    segments = monotone_curve(points)
    assert len(segments) == len(points) - 1
    for seg, (p0, p1) in zip(segments, pairwise(points), strict=True):
        assert seg[0] == p0 and seg[3] == p1
        lo, hi = min(p0[1], p1[1]), max(p0[1], p1[1])
        for k in range(101):
            _, y = bezier_point(seg, k / 100)
            assert lo - 1e-9 <= y <= hi + 1e-9


def test_no_overshoot_on_a_classic_trap() -> None:
    _sampled_within([(0, 0), (1, 0), (2, 10), (3, 10), (4, 0), (5, 9.9), (6, 10)])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(1, 300), st.floats(-1000, 1000)),
        min_size=2,
        max_size=12,
    )
)
def test_monotone_curve_never_leaves_the_range_of_its_neighbours(steps: list[tuple[float, float]]) -> None:
    x, points = 0.0, []
    for dx, y in steps:
        x += dx
        points.append((x, y))
    _sampled_within(points)
