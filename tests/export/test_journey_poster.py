"""Journey posters stay legible: no text under 6 pt (a map too big for one sheet continues on
more), stage names wrap, long maps go into bands that fill the paper, and tiling marks keep
clear of notes, the sheet's label and its footer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_helpers import norm, pdf_text
from pypdf import PdfReader
from reportlab.lib.units import mm

from personamap.export import ExportError, PdfOptions, export_pdf
from personamap.export.pages import FOOTER_GAP, PAGE_SIZES, PageGeometry, content_rect, footer_size
from personamap.export.pdf.fonts import FontSet
from personamap.export.pdf.journey_bands import best_banding
from personamap.export.pdf.journey_poster import (
    choose_tiling,
    label_box,
    registration_targets,
    target_rect,
    trim_ticks,
)
from personamap.export.pdf.text import PdfText
from personamap.io import load
from personamap.model import JourneyMap, JourneyNote, Lane, LaneKind, Project, Stage, Step
from personamap.model.layout import Rect, layout_journey
from personamap.resources import sample_path

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def sample() -> Project:
    return load(sample_path())


@pytest.fixture(scope="module")
def text() -> PdfText:
    return PdfText(FontSet())


def printed_sizes(path: Path) -> list[float]:
    """The size every piece of text prints at: the font size times the text and graphics
    matrices' vertical scale (text inside forms included)."""
    sizes: list[float] = []

    def visit(s: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if s.strip():
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            sizes.append(size * (c * c + d * d) ** 0.5)

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def tf_sizes(path: Path) -> list[float]:
    """Font sizes of the text operators in the pages' and their forms' content streams (the
    map's form is drawn at print size and placed unscaled). Faster than text extraction on
    a form that a page shows many times."""
    sizes: list[float] = []
    seen: set[int] = set()

    def walk(stream: object) -> None:
        data = stream.get_data()  # type: ignore[attr-defined]
        sizes.extend(float(m) for m in re.findall(rb"/[^\s/]+\s+([\d.]+)\s+Tf", data))
        for xobj in (stream.get("/Resources", {}).get("/XObject") or {}).values():  # type: ignore[attr-defined]
            x = xobj.get_object()
            if x.get("/Subtype") == "/Form" and id(x) not in seen:
                seen.add(id(x))
                walk(x)

    for page in PdfReader(path).pages:
        sizes.extend(
            float(m) for m in re.findall(rb"/[^\s/]+\s+([\d.]+)\s+Tf", page.get_contents().get_data())
        )
        for xobj in (page["/Resources"].get("/XObject") or {}).values():
            x = xobj.get_object()
            if x.get("/Subtype") == "/Form" and id(x) not in seen:
                seen.add(id(x))
                walk(x)
    return sizes


def sheets(size: str) -> list[tuple[PageGeometry, Rect]]:
    w, h = PAGE_SIZES[size]
    return [(g, content_rect(g)) for g in (PageGeometry(h, w), PageGeometry(w, h))]


def long_journey(steps: int = 500) -> JourneyMap:
    stages = [
        Stage(name=f"Stage {k}", steps=[Step(name=f"step {k}.{i}") for i in range(10)])
        for k in range(steps // 10)
    ]
    lanes = [Lane(name="Actions", kind=LaneKind.ACTIONS), Lane(name="Pains", kind=LaneKind.PAIN_POINTS)]
    notes = [
        JourneyNote(
            text=f"note {k}",
            lane_id=lanes[k % 2].id,
            stage_id=stages[k // 10].id,
            step_id=stages[k // 10].steps[k % 10].id,
        )
        for k in range(steps)
    ]
    return JourneyMap(title="Long", stages=stages, lanes=lanes, notes=notes)


@pytest.mark.parametrize("size", ["A4", "A2"])
def test_no_journey_text_prints_under_6_pt(sample: Project, tmp_path: Path, size: str) -> None:
    out = tmp_path / "j.pdf"
    result = export_pdf(sample, out, PdfOptions(what="journey", page_size=size, today=TODAY))
    found = printed_sizes(out)
    assert len(found) > 100
    assert min(found) >= 6.0 - 1e-6
    if size == "A4":  # too big for one A4 sheet: it continues, and says so
        assert result.pages > len(sample.journeys)
        assert any("continues across" in w for w in result.warnings)


def test_an_explicit_grid_too_small_to_read_is_refused(sample: Project, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="under 6 pt"):
        export_pdf(sample, tmp_path / "x.pdf", PdfOptions(what="journey", tile="1x1", today=TODAY))
    assert not (tmp_path / "x.pdf").exists()


def test_stage_names_wrap_and_are_never_cut(tmp_path: Path) -> None:
    name = "Receipts & matching of every card line"
    journey = JourneyMap(title="J", stages=[Stage(name=name), Stage(name="Pay")])
    out = tmp_path / "j.pdf"
    export_pdf(Project(journeys=[journey]), out, PdfOptions(what="journey", page_size="A2", today=TODAY))
    text = pdf_text(out)
    assert norm(name) in norm(text)
    assert "Receipts & mat…" not in text


def test_tile_auto_puts_a_500_step_journey_on_few_well_filled_sheets(text: PdfText, tmp_path: Path) -> None:
    journey = long_journey()
    layout = layout_journey(journey, 5, text)
    grid = choose_tiling(layout, sheets("A0"), 15 * mm, None)
    assert grid.grid[0] * grid.grid[1] == 20 and grid.blank(layout) > 0.85  # one strip: mostly blank
    bands = best_banding(layout, sheets("A0"), grid.scale)
    assert bands is not None
    assert bands.scale >= grid.scale  # type no smaller than the strip's
    assert bands.sheets <= 4 and bands.blank(layout) < 0.25
    # every column of the map is in exactly one band
    covered = sum(b.x1 - b.x0 for b in bands.bands)
    assert covered == pytest.approx(layout.width)
    out = tmp_path / "long.pdf"
    result = export_pdf(
        Project(journeys=[journey]), out, PdfOptions(what="journey", page_size="A0", tile="auto")
    )
    assert result.pages == bands.sheets
    assert min(tf_sizes(out)) >= 6.0 - 1e-6


def test_registration_targets_sit_in_the_overlap_clear_of_notes(sample: Project, text: PdfText) -> None:
    for journey in sample.journeys:
        layout = layout_journey(journey, sample.settings.emotion_scale, text)
        for grid in ((3, 2), (2, 2), (4, 3)):
            tiling = choose_tiling(layout, sheets("A4"), 15 * mm, grid)
            ox, oy = tiling.offset(layout)
            s = tiling.scale
            notes = [Rect(ox + r.x * s, oy + r.y * s, r.w * s, r.h * s) for r in layout.note_rects.values()]
            targets = registration_targets(layout, tiling)
            assert len(targets) >= (grid[0] - 1) * grid[1] + (grid[1] - 1) * grid[0]
            aw, ah = tiling.area.w - tiling.overlap, tiling.area.h - tiling.overlap
            for x, y in targets:
                assert not any(target_rect(x, y).intersects(n) for n in notes), (journey.title, grid, x, y)
                in_vertical = any(abs(x - (c * aw + tiling.overlap / 2)) < 1e-6 for c in range(1, grid[0]))
                in_horizontal = any(abs(y - (r * ah + tiling.overlap / 2)) < 1e-6 for r in range(1, grid[1]))
                assert in_vertical or in_horizontal


def test_trim_ticks_stay_clear_of_the_label_and_the_footer(text: PdfText) -> None:
    for size in ("A4", "A0"):
        w, h = PAGE_SIZES[size]
        g = PageGeometry(h, w)
        for lines in (1, 3):
            area = content_rect(g, lines)
            fs = footer_size(g)
            label = label_box(area, 8 * g.type_scale() ** 0.5, text.leading)
            footer_top = area.bottom + fs * FOOTER_GAP
            for at in ((0, 0), (1, 1), (2, 1)):
                ticks = trim_ticks(area, (3, 2), at, 15 * mm, fs)
                assert ticks
                for _x1, y1, x2, y2 in ticks:
                    assert max(y1, y2) < label.y or min(y1, y2) > label.bottom or x2 < label.x
                    assert max(y1, y2) < footer_top
