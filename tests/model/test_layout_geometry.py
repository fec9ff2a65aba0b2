"""Rects and the stand-in text measure that every other layout test computes by hand with."""

from __future__ import annotations

import pytest

from personamap.model.layout import ApproxMeasure, Rect, TextMeasure, line_count, line_height, lines_fitting
from personamap.model.layout.stack import reading_index, stack_rows


def test_rect_edges_and_centre() -> None:
    r = Rect(10, 20, 30, 40)
    assert (r.right, r.bottom, r.center) == (40, 60, (25, 40))
    assert r.translated(5, -5) == Rect(15, 15, 30, 40)
    assert r.adjusted(1, 2, -3, -4) == Rect(11, 22, 26, 34)
    assert r.inset(20) == Rect(30, 40, 0, 0)  # never negative
    assert r.united(Rect(0, 0, 5, 5)) == Rect(0, 0, 40, 60)
    assert r.scaled(0.5) == Rect(5, 10, 15, 20)


def test_contains_is_half_open_so_neighbours_never_share_a_point() -> None:
    left, right = Rect(0, 0, 10, 10), Rect(10, 0, 10, 10)
    assert left.contains(0, 0) and not left.contains(10, 5) and right.contains(10, 5)
    assert not left.intersects(right)
    assert left.intersects(Rect(9, 9, 5, 5))
    assert Rect(0, 0, 10, 10).contains_rect(Rect(2, 2, 8, 8))
    assert not Rect(0, 0, 10, 10).contains_rect(Rect(2, 2, 9, 8))


def test_approx_measure_by_hand() -> None:
    m = ApproxMeasure()
    assert isinstance(m, TextMeasure)
    assert m.text_width("hello", 10) == pytest.approx(27.5)
    assert m.text_width("hello", 10, bold=True) == pytest.approx(30)
    assert m.wrap("hello world", 40, 10) == ["hello", "world"]  # 7 characters to a line
    assert m.wrap("hello world", 70, 10) == ["hello world"]
    assert m.wrap("abcdefghijklmnop", 40, 10) == ["abcdefg", "hijklmn", "op"]
    assert m.wrap("王小明", 25, 10) == ["王小", "明"]  # a wide character is one em
    assert m.wrap("a\n\nb", 100, 10) == ["a", "", "b"]
    assert m.wrapped_height("a\n\nb", 100, 10) == pytest.approx(3 * 13.5)
    assert m.wrapped_height("", 100, 10) == 0
    assert line_height(m, 10) == pytest.approx(13.5)
    assert line_count(m, "hello world", 40, 10) == 2
    assert line_count(m, "", 40, 10) == 0
    assert lines_fitting(27, 13.5) == 2 and lines_fitting(26.9, 13.5) == 1 and lines_fitting(-1, 13.5) == 0


def test_stack_rows_and_reading_order() -> None:
    offsets, height = stack_rows([10, 30, 20], per_row=2, gap=5)
    assert offsets == [(0, 0), (1, 0), (0, 35)] and height == 55
    assert stack_rows([], 2, 5) == ([], 0)
    column = [Rect(0, 0, 10, 10), Rect(0, 15, 10, 10)]
    assert [reading_index(column, 5, y, 1, 5) for y in (-5, 5, 6, 20, 40)] == [0, 0, 1, 1, 2]
    grid = [Rect(0, 0, 10, 10), Rect(15, 0, 10, 10), Rect(0, 15, 10, 10)]
    assert reading_index(grid, 5, 5, 2, 5) == 0
    assert reading_index(grid, 20, 5, 2, 5) == 1
    assert reading_index(grid, 24, 12, 2, 5) == 2  # right of the last in row one: before row two
    assert reading_index(grid, 20, 20, 2, 5) == 3
