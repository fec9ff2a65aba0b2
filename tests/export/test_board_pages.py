"""Board posters stay legible: no text under 6 pt (a board too big for one sheet continues on
tiled sheets and says so), `--tile` is honoured for boards or refused with exit 2, and a
fitted board keeps clear of its footer however many lines the footer wraps to."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_helpers import norm, pdf_text
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from test_journey_poster import tf_sizes

from personamap.export import ExportError, PdfOptions, export_pdf
from personamap.export.pages import PAGE_SIZES, PageGeometry
from personamap.export.pdf import draw as pdf_draw
from personamap.export.pdf.board_page import TITLE_BAND, blank_tiles, board_poster, draw_poster
from personamap.export.pdf.fonts import FontSet
from personamap.export.pdf.journey_poster import TARGET_REACH, choose_tiling, registration_targets
from personamap.export.pdf.plan import plan
from personamap.export.pdf.render import geometry_for
from personamap.export.pdf.text import PdfText
from personamap.export.spec import Ctx, Sheet
from personamap.io import load
from personamap.model import Board, NoteElement, PersonaCard, Project
from personamap.model.board import JourneyMapElement
from personamap.model.layout import Rect, layout_journey
from personamap.resources import sample_path

TODAY = dt.date(2026, 12, 7)
_CONTINUES = re.compile(r"board '([^']+)' does not fit one \S+ sheet legibly .* across (\d+) sheets")


@pytest.fixture(scope="module")
def sample() -> Project:
    return load(sample_path())


def _ctx(project: Project, options: PdfOptions) -> Ctx:
    fonts = FontSet()
    return Ctx(project, options, fonts, PdfText(fonts), TODAY)


@pytest.mark.parametrize("size", ["A4", "A2", "A0"])
def test_no_board_text_prints_under_6_pt(sample: Project, tmp_path: Path, size: str) -> None:
    out = tmp_path / "boards.pdf"
    result = export_pdf(sample, out, PdfOptions(what="boards", page_size=size, today=TODAY))
    found = tf_sizes(out)
    assert len(found) > 100
    assert min(found) >= 6.0 - 1e-6
    # every board that continues says so, and the sheets it names are the pages it takes
    tiled = {name: int(n) for w in result.warnings if (m := _CONTINUES.search(w)) for name, n in [m.groups()]}
    assert result.pages == len(sample.boards) - len(tiled) + sum(tiled.values())
    text = norm(pdf_text(out))
    for board in sample.boards:
        assert norm(board.name) in text
    if size == "A4":  # the sample's boards are too big for one A4 sheet each
        assert set(tiled) == {b.name for b in sample.boards}
        assert norm("sheet row 1 of") in text
    if size == "A0":
        assert tiled == {} and result.pages == len(sample.boards)


def test_the_command_says_a_board_continues_and_refuses_a_grid_too_small(
    sample: Project, tmp_path: Path
) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "personamap.cli", "export", str(sample_path()), *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    ok = run("--what", "board:Journeys", "--out", str(tmp_path / "j.pdf"))
    assert ok.returncode == 0, ok.stderr
    assert re.search(r"warning: board 'Journeys' does not fit one A4 sheet legibly", ok.stderr)
    refused = run("--what", "board:Journeys", "--tile", "1x1", "--out", str(tmp_path / "x.pdf"))
    assert refused.returncode == 2
    assert "under 6 pt" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_an_explicit_grid_is_honoured_for_boards(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "grid.pdf"
    options = PdfOptions(what="board:Personas", tile="3x2", today=TODAY)
    result = export_pdf(sample, out, options)
    assert result.pages == 6 and not result.warnings  # asked for: no warning
    assert min(tf_sizes(out)) >= 6.0 - 1e-6
    text = pdf_text(out)
    assert "sheet row 2 of 2, column 3 of 3" in text and "match the targets" in text
    # every sheet has the same paper, A4
    short = {round(min(p.trimbox.width, p.trimbox.height)) for p in PdfReader(out).pages}
    assert short == {round(PAGE_SIZES["A4"][0])}


def test_tile_auto_on_big_paper_prints_one_sheet(sample: Project, tmp_path: Path) -> None:
    result = export_pdf(
        sample, tmp_path / "a.pdf", PdfOptions(what="board:Empathy", page_size="A0", tile="auto", today=TODAY)
    )
    assert result.pages == 1 and not result.warnings


def test_a_board_grid_too_small_is_refused(sample: Project, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="under 6 pt"):
        export_pdf(sample, tmp_path / "x.pdf", PdfOptions(what="board:Journeys", tile="2x1", today=TODAY))


def _seam_targets(sample: Project, board: Board, cover: bool) -> tuple[object, object, list]:
    """The board's poster, tiled 3×3 on A4, and its registration targets (span points)."""
    ctx = _ctx(sample, PdfOptions())
    poster = board_poster(ctx, board)
    assert poster is not None
    w, h = PAGE_SIZES["A4"]
    candidates = [(g, ctx.content_rect(g, "")) for g in (PageGeometry(h, w), PageGeometry(w, h))]
    tiling = choose_tiling(poster, candidates, 15 * mm, (3, 3))
    return poster, tiling, registration_targets(poster, tiling, cover=cover)


def _assert_every_seam_marked(tiling, targets: list[tuple[float, float]]) -> None:  # type: ignore[no-untyped-def]
    area, overlap = tiling.area, tiling.overlap
    assert overlap > TARGET_REACH  # a target fits in the strip it marks
    for k in range(1, 3):
        mid = k * (area.w - overlap) + overlap / 2  # a vertical seam, sheet by sheet down it
        for r in range(3):
            y0 = r * (area.h - overlap)
            assert any(abs(tx - mid) < 1e-6 and y0 <= ty <= y0 + area.h for tx, ty in targets), (k, r)
        mid = k * (area.h - overlap) + overlap / 2  # a horizontal seam, sheet by sheet along it
        for c in range(3):
            x0 = c * (area.w - overlap)
            assert any(abs(ty - mid) < 1e-6 and x0 <= tx <= x0 + area.w for tx, ty in targets), (k, c)


def test_targets_on_a_board_sit_between_the_notes_of_its_maps(sample: Project) -> None:
    board = next(b for b in sample.boards if b.name == "Journeys")
    poster, tiling, targets = _seam_targets(sample, board, cover=True)
    _assert_every_seam_marked(tiling, targets)
    ctx = _ctx(sample, PdfOptions())
    ox, oy = tiling.offset(poster)
    s, b = tiling.scale, poster.bounds
    notes = []
    for e in board.elements:
        if isinstance(e, JourneyMapElement):
            lay = layout_journey(sample.journey(e.map_id), sample.settings.emotion_scale, ctx.text)
            for r in lay.note_rects.values():
                x, y = e.x + r.x - b.x, e.y + r.y - b.y + TITLE_BAND
                notes.append(Rect(ox + x * s, oy + y * s, r.w * s, r.h * s))
    assert len(notes) > 50
    for tx, ty in targets:  # no target's centre on a note: it sits in a gap between them
        assert not any(n.contains(tx, ty) for n in notes), (tx, ty)


def test_a_seam_lined_with_notes_still_gets_its_targets(sample: Project) -> None:
    """Notes edge to edge over the whole board: no clear spot anywhere, targets all the same."""
    notes = [
        NoteElement(text=f"n{k}", x=k % 12 * 200.0, y=k // 12 * 200.0, w=200, h=200) for k in range(12 * 9)
    ]
    board = Board(name="Wall of notes", elements=notes)
    _, tiling, targets = _seam_targets(sample, board, cover=True)
    _assert_every_seam_marked(tiling, targets)
    # a journey's rule (clear spots only) leaves most of those stretches unmarked
    assert len(_seam_targets(sample, board, cover=False)[2]) < len(targets) / 2


def _drawn_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, float, float, float, str]]:
    """(left, bottom, right, top, what) in PDF points of every rect, line and line of text drawn."""
    boxes: list[tuple[float, float, float, float, str]] = []
    rect, line, draw_line = pdf_draw.Pen.rect, pdf_draw.Pen.line, PdfText.draw_line

    def on_rect(self, r: Rect, *args, **kwargs):  # type: ignore[no-untyped-def]
        boxes.append((self.px(r.x), self.py(r.bottom), self.px(r.right), self.py(r.y), "rect"))
        return rect(self, r, *args, **kwargs)

    def on_line(self, x1, y1, x2, y2, *args, **kwargs):  # type: ignore[no-untyped-def]
        xs, ys = (self.px(x1), self.px(x2)), (self.py(y1), self.py(y2))
        boxes.append((min(xs), min(ys), max(xs), max(ys), "line"))
        return line(self, x1, y1, x2, y2, *args, **kwargs)

    def on_text(self, c, x, baseline, text, size, style="regular", align="left", width=0.0):  # type: ignore[no-untyped-def]
        right = x + (width or self.width(text, size, style))
        boxes.append((x, baseline - 0.3 * size, right, baseline + size, text))
        return draw_line(self, c, x, baseline, text, size, style, align, width)

    monkeypatch.setattr(pdf_draw.Pen, "rect", on_rect)
    monkeypatch.setattr(pdf_draw.Pen, "line", on_line)
    monkeypatch.setattr(PdfText, "draw_line", on_text)
    return boxes


def _row_of_personas(sample: Project) -> Project:
    """The sample with a board holding every persona's card, three a row: legible on one
    landscape A4 sheet, as tall as it fits, its footer naming every persona's review date."""
    cards = [
        PersonaCard(persona_id=p.id, x=k % 3 * 260.0, y=k // 3 * 360.0, w=240, h=320)
        for k, p in enumerate(sample.personas)
    ]
    return sample.model_copy(update={"boards": [Board(name="Cards", elements=cards)]})


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_a_fitted_board_keeps_clear_of_a_wrapped_footer(
    sample: Project, monkeypatch: pytest.MonkeyPatch, size: str
) -> None:
    project = _row_of_personas(sample)
    options = PdfOptions(what="board:Cards", page_size=size, orientation="landscape", today=TODAY)
    ctx = _ctx(project, options)
    jobs = plan(ctx, lambda default, paper=None: geometry_for(options, default, paper))
    assert len(jobs) == 1 and not ctx.warnings
    job = jobs[0]
    g = job.geometry
    assert len(ctx.footer_lines(job.footer, g)) > 1
    area = ctx.content_rect(g, job.footer)
    boxes = _drawn_boxes(monkeypatch)
    pen = pdf_draw.Pen(Canvas(io.BytesIO(), pagesize=g.media), ctx.text, g.offset, g.offset + g.trim_h)
    job.draw(Sheet(pen, g, area, 1, 1))
    top, bottom = g.offset + g.trim_h - area.y, g.offset + g.trim_h - area.bottom
    left, right = g.offset + area.x, g.offset + area.right
    assert len(boxes) > 50
    for x0, y0, x1, y1, what in boxes:
        assert y0 >= bottom - 0.5 and y1 <= top + 0.5, what
        assert x0 >= left - 0.5 and x1 <= right + 0.5, what
    # and the picture fills the height it is given: its lowest element nearly reaches the footer
    lowest = min(y0 for _, y0, _, _, _ in boxes)
    assert lowest - bottom < 0.05 * area.h


def test_sheets_that_would_show_nothing_are_left_out(
    sample: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Journeys board on A4 has an empty corner: its sheet is not printed, every other is."""
    options = PdfOptions(what="board:Journeys", today=TODAY)
    ctx = _ctx(sample, options)
    poster = board_poster(ctx, next(b for b in sample.boards if b.name == "Journeys"))
    assert poster is not None
    w, h = PAGE_SIZES["A4"]
    candidates = [(g, ctx.content_rect(g, "")) for g in (PageGeometry(h, w), PageGeometry(w, h))]
    tiling = choose_tiling(poster, candidates, 15 * mm, (4, 3))
    blank = blank_tiles(poster, tiling)
    assert blank
    # what the poster really draws, in span points, against each sheet's window
    boxes = _drawn_boxes(monkeypatch)
    ox, oy = tiling.offset(poster)
    pen = pdf_draw.Pen(Canvas(io.BytesIO()), ctx.text, ox, -oy, tiling.scale)
    draw_poster(ctx, pen, poster)
    monkeypatch.undo()
    drawn = [Rect(x0, -y1, x1 - x0, y1 - y0) for x0, y0, x1, y1, _ in boxes]
    area, overlap = tiling.area, tiling.overlap
    for row in range(3):
        for col in range(4):
            window = Rect(col * (area.w - overlap), row * (area.h - overlap), area.w, area.h)
            shows = any(window.intersects(r.adjusted(-0.01, -0.01, 0.01, 0.01)) for r in drawn)
            assert shows == ((col, row) not in blank), (col, row)
    out = tmp_path / "j.pdf"
    result = export_pdf(sample, out, PdfOptions(what="board:Journeys", tile="4x3", today=TODAY))
    assert result.pages == 12 - len(blank)
    assert any("blank sheet" in w for w in result.warnings)
    text = norm(pdf_text(out))
    for row in range(3):
        for col in range(4):
            label = norm(f"sheet row {row + 1} of 3, column {col + 1} of 4")
            assert (label in text) == ((col, row) not in blank)


def test_a_sparse_board_prints_only_the_sheets_with_something_on_them(tmp_path: Path) -> None:
    far = Board(
        name="Far", elements=[NoteElement(text="here", x=0, y=0), NoteElement(text="there", x=20000, y=9000)]
    )
    out = tmp_path / "far.pdf"
    result = export_pdf(Project(boards=[far]), out, PdfOptions(what="boards", today=TODAY))
    assert result.pages == 2
    assert min(tf_sizes(out)) >= 6.0 - 1e-6
    assert any("continues across 2 sheets" in w and "blank sheets left out" in w for w in result.warnings)
    text = pdf_text(out)
    assert "here" in text and "there" in text
    too_far = Board(name="Too far", elements=[*far.elements, NoteElement(text="gone", x=1e6, y=1e6)])
    with pytest.raises(ExportError, match=r"under 6 pt.*move its elements closer"):
        export_pdf(Project(boards=[too_far]), tmp_path / "x.pdf", PdfOptions(what="boards", today=TODAY))
