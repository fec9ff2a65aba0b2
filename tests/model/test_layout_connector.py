"""Connector geometry shared by canvas and PDF: clipped to the element edges, arrow at the target."""

from __future__ import annotations

import math

import pytest

from personamap.model import Project
from personamap.model.board import Connector
from personamap.model.layout import Rect
from personamap.model.layout.connector import (
    ARROW_MIN_LENGTH,
    ARROW_WING,
    connector_label,
    connector_path,
    edge_point,
)


def test_line_runs_between_the_facing_edges() -> None:
    path = connector_path(Rect(0, 0, 100, 50), Rect(300, 0, 100, 50))
    assert path.start == (100, 25) and path.end == (300, 25)
    assert path.mid == (200, 25) and path.length == 200


def test_diagonal_line_leaves_through_the_nearer_side() -> None:
    # centre (50, 50) toward (250, 150): leaves the 100 x 100 box at x = 100, y = 75
    assert edge_point(Rect(0, 0, 100, 100), (250, 150)) == pytest.approx((100, 75))
    assert edge_point(Rect(0, 0, 100, 100), (50, 50)) == (50, 50)
    assert edge_point(Rect(0, 0, 100, 100), (60, 55)) == (60, 55)  # a point inside stays put


def test_arrow_head_sits_on_the_target_edge_pointing_back_along_the_line() -> None:
    path = connector_path(Rect(0, 0, 100, 50), Rect(300, 0, 100, 50))
    assert path.head is not None
    tip, left, right = path.head
    assert tip == path.end
    for wing in (left, right):
        assert math.dist(tip, wing) == pytest.approx(ARROW_WING)
        assert wing[0] < tip[0]  # behind the tip, toward the source
    assert left[1] == pytest.approx(2 * tip[1] - right[1])  # symmetric about the line


def test_elements_almost_touching_get_no_head() -> None:
    path = connector_path(Rect(0, 0, 100, 50), Rect(100 + ARROW_MIN_LENGTH - 1, 0, 100, 50))
    assert path.head is None


def test_label_is_the_connectors_own_else_its_relation_kind() -> None:
    from personamap.resources import load_project, sample_path

    project: Project = load_project(sample_path())
    related = next(e for b in project.boards for e in b.elements if isinstance(e, Connector))
    kind = next(r.kind.value for r in project.relations if r.id == related.relation_id)
    plain = related.model_copy(update={"label": ""})
    assert connector_label(related, project, {}) == related.label
    assert connector_label(plain, project, {kind: "Shown name"}) == "Shown name"
    assert connector_label(plain, project, {}) == kind
    assert connector_label(plain.model_copy(update={"relation_id": None}), project, {}) == ""
