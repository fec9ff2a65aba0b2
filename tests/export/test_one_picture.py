"""Parity: the canvas (and so PNG, SVG) and the PDF draw every shared rule the same way.

Each test records what both painters actually draw for the sample project and fails when they
disagree: emotion markers (shape and colour per persona), which cell a note shows in, and
connector lines with their arrow heads.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from personamap.canvas.items import journey_emotion
from personamap.canvas.items.notes import NoteItem
from personamap.export.pdf import draw as pdf_draw
from personamap.export.pdf import journey_draw
from personamap.export.pdf.render import render
from personamap.export.raster.plan import plan_pictures
from personamap.export.raster.render import RasterOptions, render_image
from personamap.export.spec import PdfOptions
from personamap.model import JourneyNote, LaneKind, Project
from personamap.model.board import Connector
from personamap.model.layout import cell_at, journey_legend
from personamap.resources import load_project, sample_path

pytestmark = pytest.mark.usefixtures("qapp")

STRAY = "00000000-0000-4000-8000-0000000000ff"


@pytest.fixture(scope="module")
def sample() -> Project:
    return load_project(sample_path())


def _journey(project: Project, title: str):
    return next(j for j in project.journeys if j.title == title)


Marker = tuple[str, str, float]
"""(colour, shape, size) of a drawn marker: 10 on the curve and in the title chips, 8 in the
emotions lane header's legend."""


def _pdf_markers(monkeypatch, project: Project, what: str, tmp_path: Path) -> set[Marker]:
    """The markers the PDF draws for `what`."""
    seen: set[Marker] = set()
    original = pdf_draw.Pen.marker

    def record(self, shape, cx, cy, size, color, *args, **kwargs):
        seen.add((color.upper(), shape, size))
        return original(self, shape, cx, cy, size, color, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(pdf_draw.Pen, "marker", record)
        render(project, tmp_path / "out.pdf", PdfOptions(what=what))
    return seen


def _canvas_markers(monkeypatch, project: Project, what: str) -> set[Marker]:
    """The markers the canvas draws (a PNG renders a fresh offscreen scene)."""
    seen: set[Marker] = set()
    original_paint = journey_emotion.paint_marker

    def paint(painter, shape, c, color, size=journey_emotion.MARKER, *args, **kwargs):
        seen.add((color.upper(), shape, size))
        return original_paint(painter, shape, c, color, size, *args, **kwargs)

    from personamap.canvas.items import journey_paint

    with monkeypatch.context() as m:
        m.setattr(journey_emotion, "paint_marker", paint)
        m.setattr(journey_paint, "paint_marker", paint)
        for picture in plan_pictures(project, what):
            render_image(project, picture, RasterOptions(what=what, dpi=150))
    return seen


def test_canvas_and_pdf_draw_each_persona_with_the_same_marker(
    sample: Project, monkeypatch, tmp_path: Path
) -> None:
    title = "Get my first expense report approved and paid"
    canvas = _canvas_markers(monkeypatch, sample, f"journey:{title}")
    pdf = _pdf_markers(monkeypatch, sample, f"journey:{title}", tmp_path)
    looks = journey_legend(_journey(sample, title), sample)
    wanted = {(look.color.upper(), look.shape, size) for look in looks for size in (10, 8)}
    assert canvas == wanted
    assert pdf == wanted


def _stray_notes(project: Project) -> tuple[Project, str]:
    """The sample with notes the rule has to place: no step, and a step the stage lacks, in a
    stage of two steps; and one in a lane the map lacks (shown nowhere)."""
    journey = _journey(project, "Get my first expense report approved and paid")
    stage = next(s for s in journey.stages if len(s.steps) > 1)
    lane = next(la for la in journey.lanes if la.kind != LaneKind.EMOTIONS)
    extra = [
        JourneyNote(lane_id=lane.id, stage_id=stage.id, step_id=None, text="no step"),
        JourneyNote(lane_id=lane.id, stage_id=stage.id, step_id=stage.steps[1].id, text="second step"),
        JourneyNote(lane_id=lane.id, stage_id=stage.id, step_id=STRAY, text="stray step"),
        JourneyNote(lane_id=STRAY, stage_id=stage.id, text="no such lane"),
    ]
    changed = journey.model_copy(update={"notes": [*journey.notes, *extra]})
    journeys = [changed if j.id == journey.id else j for j in project.journeys]
    return project.model_copy(update={"journeys": journeys}), journey.id


def _canvas_cells(project: Project, journey_id: str) -> dict[str, tuple[str, str, str] | None]:
    """The cell under the centre of each note item the canvas shows."""
    from personamap.canvas.items.journey_map import JourneyMapItem
    from personamap.export.raster.plan import journey_picture
    from personamap.export.raster.render import offscreen_scene

    picture = journey_picture(project, project.journey(journey_id))
    with offscreen_scene(project, picture) as (scene, _rect):
        item = next(i for i in scene.items_by_id.values() if isinstance(i, JourneyMapItem))
        notes = [c for c in item.childItems() if isinstance(c, NoteItem)]
        return {
            n.note_id: cell_at(item.layout, *n.mapToParent(n.boundingRect().center()).toTuple())
            for n in notes
        }


def _pdf_cells(monkeypatch, project: Project, journey_id: str, tmp_path: Path) -> dict:
    """The cell under the centre of each note box the PDF draws."""
    seen: dict[str, tuple[str, str, str] | None] = {}
    original = journey_draw._notes

    def record(pen, layout, journey):
        if journey.id == journey_id:
            for note_id, r in layout.note_rects.items():
                seen[note_id] = cell_at(layout, r.cx, r.cy)
        return original(pen, layout, journey)

    with monkeypatch.context() as m:
        m.setattr(journey_draw, "_notes", record)
        title = project.journey(journey_id).title
        render(project, tmp_path / "cells.pdf", PdfOptions(what=f"journey:{title}"))
    return seen


def test_canvas_and_pdf_show_every_note_in_the_cell_the_model_names(
    sample: Project, monkeypatch, tmp_path: Path
) -> None:
    project, journey_id = _stray_notes(sample)
    journey = project.journey(journey_id)
    wanted = {k: v for k, v in journey.note_cells().items() if v is not None}
    by_text = {n.text: n.id for n in journey.notes}
    stage = next(s for s in journey.stages if len(s.steps) > 1)
    assert wanted[by_text["no step"]][2] == wanted[by_text["stray step"]][2] == stage.steps[0].id
    assert wanted[by_text["second step"]][2] == stage.steps[1].id
    assert journey.note_cells()[by_text["no such lane"]] is None
    assert _canvas_cells(project, journey_id) == wanted
    assert _pdf_cells(monkeypatch, project, journey_id, tmp_path) == wanted


def _rounded(points) -> tuple[tuple[float, float], ...]:
    return tuple((round(x, 3), round(y, 3)) for x, y in points)


def test_canvas_and_pdf_draw_connectors_from_edge_to_edge_with_the_same_head(
    sample: Project, monkeypatch, tmp_path: Path
) -> None:
    from personamap.canvas.items.connector import ConnectorItem
    from personamap.export.raster.plan import board_picture
    from personamap.export.raster.render import offscreen_scene

    board = next(b for b in sample.boards if any(isinstance(e, Connector) for e in b.elements))
    with offscreen_scene(sample, board_picture(board)) as (scene, _rect):
        items = [i for i in scene.items_by_id.values() if isinstance(i, ConnectorItem)]
        canvas = {(_rounded([i.path.start, i.path.end]), _rounded(i.path.head), i.label) for i in items}
    assert len(canvas) == sum(isinstance(e, Connector) for e in board.elements) > 0

    lines, heads, labels = set(), set(), set()
    pen = pdf_draw.Pen
    original_line, original_polygon, original_label = pen.line, pen.polygon, pen.label

    def line(self, x1, y1, x2, y2, *args, **kwargs):
        lines.add(_rounded([(x1, y1), (x2, y2)]))
        return original_line(self, x1, y1, x2, y2, *args, **kwargs)

    def polygon(self, points, *args, **kwargs):
        heads.add(_rounded(points))
        return original_polygon(self, points, *args, **kwargs)

    def label(self, x, y, text, *args, **kwargs):
        labels.add(text)
        return original_label(self, x, y, text, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(pdf_draw.Pen, "line", line)
        m.setattr(pdf_draw.Pen, "polygon", polygon)
        m.setattr(pdf_draw.Pen, "label", label)
        render(sample, tmp_path / "board.pdf", PdfOptions(what=f"board:{board.name}"))
    for ends, head, text in canvas:
        assert ends in lines
        assert head in heads
        assert text in labels


def test_canvas_and_pdf_show_the_same_persona_chips_in_the_title(
    sample: Project, monkeypatch, tmp_path: Path
) -> None:
    from personamap.canvas.items import journey_paint
    from personamap.model.layout import legend

    title = "Get my first expense report approved and paid"
    shown: dict[str, list[list[str]]] = {"canvas": [], "pdf": []}

    def recording(where: str):
        def chips(looks, band, name_width):
            found = legend.title_chips(looks, band, name_width)
            shown[where].append([c.look.name for c in found[0]])
            return found

        return chips

    with monkeypatch.context() as m:
        m.setattr(journey_paint, "title_chips", recording("canvas"))
        m.setattr(journey_draw, "title_chips", recording("pdf"))
        for picture in plan_pictures(sample, f"journey:{title}"):
            render_image(sample, picture, RasterOptions(dpi=72))
        render(sample, tmp_path / "chips.pdf", PdfOptions(what=f"journey:{title}"))
    canvas, pdf = ({tuple(x) for x in shown[k]} for k in ("canvas", "pdf"))
    assert canvas == pdf == {("Priya Raman", "Marcus Feld")}  # laid right to left
