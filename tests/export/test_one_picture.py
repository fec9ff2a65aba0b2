"""Parity: the canvas (and so PNG, SVG) and the PDF draw every shared rule the same way.

Each test records what both painters actually draw for the sample project and fails when they
disagree: emotion markers (shape and colour per persona), which cell a note shows in, and
connector lines with their arrow heads.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from personamap.canvas.items import journey_emotion
from personamap.export import draw as pdf_draw
from personamap.export.pdf import render
from personamap.export.raster import RasterOptions, render_image
from personamap.export.raster_plan import plan_pictures
from personamap.export.spec import PdfOptions
from personamap.model import Project
from personamap.model.layout import journey_legend
from personamap.resources import load_project, sample_path

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def sample() -> Project:
    return load_project(sample_path())


def _journey(project: Project, title: str):
    return next(j for j in project.journeys if j.title == title)


def _pdf_markers(monkeypatch, project: Project, what: str, tmp_path: Path) -> dict[str, set[str]]:
    """Marker shapes by colour that the PDF draws for `what`."""
    seen: dict[str, set[str]] = defaultdict(set)
    original = pdf_draw.Pen.marker

    def record(self, shape, cx, cy, size, color, *args, **kwargs):
        seen[color.upper()].add(shape)
        return original(self, shape, cx, cy, size, color, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(pdf_draw.Pen, "marker", record)
        render(project, tmp_path / "out.pdf", PdfOptions(what=what))
    return dict(seen)


def _canvas_markers(monkeypatch, project: Project, what: str) -> dict[str, set[str]]:
    """Marker shapes by colour that the canvas draws (a PNG renders a fresh offscreen scene)."""
    seen: dict[str, set[str]] = defaultdict(set)
    original_paint = journey_emotion.paint_marker

    def paint(painter, shape, c, color, size=journey_emotion.MARKER):
        seen[color.upper()].add(shape)
        return original_paint(painter, shape, c, color, size)

    from personamap.canvas.items import journey_paint

    with monkeypatch.context() as m:
        m.setattr(journey_emotion, "paint_marker", paint)
        m.setattr(journey_paint, "paint_marker", paint)
        for picture in plan_pictures(project, what):
            render_image(project, picture, RasterOptions(what=what, dpi=72))
    return dict(seen)


def test_legend_is_one_shape_per_curve_in_series_order(sample: Project) -> None:
    journey = _journey(sample, "Get my first expense report approved and paid")
    looks = {look.name: (look.shape, look.color) for look in journey_legend(journey, sample)}
    assert looks == {"Marcus Feld": ("circle", "#E69F00"), "Priya Raman": ("square", "#0072B2")}


def test_canvas_and_pdf_draw_each_persona_with_the_same_marker(
    sample: Project, monkeypatch, tmp_path: Path
) -> None:
    title = "Get my first expense report approved and paid"
    canvas = _canvas_markers(monkeypatch, sample, f"journey:{title}")
    pdf = _pdf_markers(monkeypatch, sample, f"journey:{title}", tmp_path)
    wanted = {look.color.upper(): {look.shape} for look in journey_legend(_journey(sample, title), sample)}
    assert canvas == wanted
    assert pdf == wanted
