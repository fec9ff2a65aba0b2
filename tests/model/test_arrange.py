"""Align and distribute compute new rectangles from old ones; only real moves come back."""

from __future__ import annotations

import pytest

from personamap.model.arrange import align, bounds, describe, distribute, nudge

RECTS = {"a": (10.0, 0.0, 100.0, 50.0), "b": (40.0, 100.0, 60.0, 80.0), "c": (200.0, 30.0, 20.0, 20.0)}


def test_bounds() -> None:
    assert bounds(RECTS) == (10.0, 0.0, 210.0, 180.0)


@pytest.mark.parametrize(
    ("how", "expect"),
    [
        ("left", {"b": (10.0, 100.0, 60.0, 80.0), "c": (10.0, 30.0, 20.0, 20.0)}),
        ("right", {"a": (120.0, 0.0, 100.0, 50.0), "b": (160.0, 100.0, 60.0, 80.0)}),
        (
            "centre",
            {"a": (65.0, 0.0, 100.0, 50.0), "b": (85.0, 100.0, 60.0, 80.0), "c": (105.0, 30.0, 20.0, 20.0)},
        ),
        ("top", {"b": (40.0, 0.0, 60.0, 80.0), "c": (200.0, 0.0, 20.0, 20.0)}),
        (
            "bottom",
            {
                "a": (10.0, 130.0, 100.0, 50.0),
                "b": (40.0, 100.0, 60.0, 80.0),
                "c": (200.0, 160.0, 20.0, 20.0),
            },
        ),
        (
            "middle",
            {"a": (10.0, 65.0, 100.0, 50.0), "b": (40.0, 50.0, 60.0, 80.0), "c": (200.0, 80.0, 20.0, 20.0)},
        ),
    ],
)
def test_align(how: str, expect: dict) -> None:
    got = align(RECTS, how)  # type: ignore[arg-type]
    expect = {k: v for k, v in expect.items() if v != RECTS[k]}
    assert got == expect
    moved = {**RECTS, **got}
    assert align(moved, how) == {}  # aligning again changes nothing  # type: ignore[arg-type]


def test_align_needs_two_and_refuses_unknown() -> None:
    assert align({"a": RECTS["a"]}, "left") == {}
    with pytest.raises(ValueError):
        align(RECTS, "diagonal")  # type: ignore[arg-type]


def test_distribute_horizontally_makes_gaps_equal_and_keeps_the_ends() -> None:
    rects = {"a": (0.0, 0.0, 100.0, 10.0), "b": (120.0, 5.0, 50.0, 10.0), "c": (400.0, 9.0, 100.0, 10.0)}
    got = distribute(rects, "horizontal")
    assert set(got) == {"b"}
    assert got["b"] == (225.0, 5.0, 50.0, 10.0)  # gaps of 125 on both sides
    assert distribute({**rects, **got}, "horizontal") == {}


def test_distribute_vertically_orders_by_centre() -> None:
    rects = {"x": (0.0, 300.0, 10.0, 100.0), "y": (0.0, 0.0, 10.0, 100.0), "z": (0.0, 50.0, 10.0, 20.0)}
    got = distribute(rects, "vertical")
    assert got == {"z": (0.0, 190.0, 10.0, 20.0)}
    assert distribute(dict(list(rects.items())[:2]), "vertical") == {}


def test_nudge_and_describe() -> None:
    assert nudge({"a": (1.0, 2.0, 3.0, 4.0)}, 8, -1) == {"a": (9.0, 1.0, 3.0, 4.0)}
    assert describe(["note", "note", "note"]) == "3 notes"
    assert describe(["persona_card"]) == "card"
    assert describe(["note", "text"]) == "2 elements"
