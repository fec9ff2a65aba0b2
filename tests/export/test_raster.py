"""PNG and SVG from a fresh offscreen scene: sizes by DPI and width, content, transparency,
the pixel cap, selections, file naming, cancel, and the headless command."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pdf_helpers import HOSTILE, NAMES, norm
from PySide6.QtGui import QImage, QImageReader

from personamap.export import ExportCancelled
from personamap.export.raster import render as raster_module
from personamap.export.raster.plan import plan_pictures, selection_picture
from personamap.export.raster.render import RasterError, RasterOptions, export_raster, output_paths
from personamap.io import save
from personamap.model import Board, NoteElement, PersonaCard, Project, TextElement
from personamap.style import LIGHT

pytestmark = pytest.mark.usefixtures("qapp")


def _board_project() -> Project:
    """Elements spanning exactly 960 × 480 scene px (x 0..960, y 0..480)."""
    board = Board(
        name="Plan",
        elements=[
            NoteElement(text="Alpha note with some words", x=0, y=0, w=480, h=480),
            TextElement(text="Right side heading", x=480, y=0, w=480, h=240),
        ],
    )
    return Project(title="Sizes", boards=[board])


def _load(path: Path) -> QImage:
    QImageReader.setAllocationLimit(0)
    image = QImage(str(path))
    assert not image.isNull(), path
    return image


def _colours(image: QImage, step: int = 3) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def test_png_size_is_inches_times_dpi_plus_margins(tmp_path: Path) -> None:
    project = _board_project()
    out = tmp_path / "plan.png"
    result = export_raster(project, out, RasterOptions(what="board:Plan", dpi=150, margin=0))
    image = _load(out)
    assert (image.width(), image.height()) == (1500, 750) == result.sizes[0]  # 10 in × 5 in at 150 dpi
    assert round(image.dotsPerMeterX() * 0.0254) == 150
    assert len(_colours(image)) > 20  # the note's fill, text and antialiasing: not blank
    non_white = sum(1 for c in _colours(image, 5) if c & 0xFFFFFF != 0xFFFFFF)
    assert non_white > 10
    export_raster(project, out, RasterOptions(what="board:Plan", dpi=150))  # default 24 px margin
    image = _load(out)
    assert (image.width(), image.height()) == (round(1008 / 96 * 150), round(528 / 96 * 150))
    assert image.pixelColor(3, 3).name() == "#ffffff" and image.pixelColor(3, 3).alpha() == 255


def test_width_wins_and_keeps_the_aspect(tmp_path: Path) -> None:
    out = tmp_path / "w.png"
    export_raster(_board_project(), out, RasterOptions(what="board:Plan", width=800, margin=0))
    image = _load(out)
    assert (image.width(), image.height()) == (800, 400)


def test_transparent_background_has_alpha_zero_at_a_corner(tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    export_raster(_board_project(), out, RasterOptions(what="board:Plan", dpi=96, transparent=True))
    image = _load(out)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(image.width() - 1, image.height() - 1).alpha() == 0
    assert image.pixelColor(100, 100).alpha() == 255  # inside the note


def test_grayscale_png_has_no_colour(tmp_path: Path) -> None:
    out = tmp_path / "g.png"
    export_raster(_board_project(), out, RasterOptions(what="board:Plan", dpi=72, grayscale=True))
    image = _load(out)
    colours = [
        image.pixelColor(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    ]
    assert all(c.red() == c.green() == c.blue() for c in colours)


def test_pixel_cap_is_refused_before_allocating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_allocation(*args: object) -> None:
        raise AssertionError("an image was allocated")

    monkeypatch.setattr(raster_module, "QImage", no_allocation)
    out = tmp_path / "big.png"
    options = RasterOptions(what="board:Plan", dpi=600, max_pixels=5_000_000)
    with pytest.raises(RasterError, match=r"6300 × 3300 pixels \(21 megapixels\), over the limit of 5"):
        export_raster(_board_project(), out, options)
    assert list(tmp_path.iterdir()) == []


def test_dpi_out_of_range_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RasterError, match="out of range"):
        export_raster(_board_project(), tmp_path / "x.png", RasterOptions(what="board:Plan", dpi=50))
    assert list(tmp_path.iterdir()) == []


def test_selection_covers_only_the_selected_elements(project: Project, tmp_path: Path) -> None:
    board = project.boards[0]
    card = board.elements[1]  # the second persona card, 240 × 320 at (260, 0)
    picture = selection_picture(project, board.id, [card.id])
    assert [e.id for e in picture.board.elements] == [card.id]
    out = tmp_path / "sel.png"
    result = export_raster(project, out, RasterOptions(dpi=96, margin=0), pictures=[picture])
    assert result.sizes == [(240, 320)]
    image = _load(out)
    assert (image.width(), image.height()) == (240, 320)
    assert len(_colours(image)) > 20


def test_persona_journey_and_empathy_pictures(project: Project, tmp_path: Path) -> None:
    result = export_raster(project, tmp_path / "all", RasterOptions(what="all", dpi=72))
    names = sorted(p.name for p in result.files)
    assert len(names) == 1 + len(project.personas) + 2  # the board, each persona, a journey, a map
    assert "board-wall.png" in names and "journey-refund-journey.png" in names
    assert all(_load(p).width() > 100 for p in result.files)


def test_svg_parses_and_keeps_names_as_text(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "wall.svg"
    result = export_raster(project, out, RasterOptions(what="board:Wall", title="The wall"), "svg")
    assert result.files == [out]
    root = ET.parse(out).getroot()
    ns = {"svg": "http://www.w3.org/2000/svg"}
    assert root.find("svg:title", ns).text == "The wall"
    assert "Wall" in root.find("svg:desc", ns).text
    text = norm(" ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")))
    for key in ("greek", "cyrillic", "chinese"):
        assert norm(NAMES[key]) in text, key
    assert norm(HOSTILE)[:12] in text  # hostile text is text, escaped by the writer
    hostile = export_raster(
        project, tmp_path / "h.svg", RasterOptions(what=f"persona:{project.personas[-1].id}"), "svg"
    )
    ET.parse(hostile.files[0])


def test_output_paths_for_one_and_several_pictures(tmp_path: Path) -> None:
    pictures = plan_pictures(_board_project(), "board:Plan")
    assert output_paths(tmp_path / "a.png", pictures, "png") == [tmp_path / "a.png"]
    assert output_paths(tmp_path, pictures, "png") == [tmp_path / "board-plan.png"]
    two = plan_pictures(_board_project(), "board:Plan") + plan_pictures(_board_project(), "board:Plan")
    with pytest.raises(RasterError, match="give a folder"):  # --out names the one file written
        output_paths(tmp_path / "a.png", two, "png")
    assert output_paths(tmp_path / "folder", two, "png")[0] == tmp_path / "folder" / "board-plan.png"


def test_cancel_removes_what_was_written(project: Project, tmp_path: Path) -> None:
    cancel = threading.Event()
    with pytest.raises(ExportCancelled):
        export_raster(
            project,
            tmp_path / "out",
            RasterOptions(what="personas", dpi=72),
            progress=lambda done, total: cancel.set(),
            cancel=cancel,
        )
    assert list((tmp_path / "out").iterdir()) == []


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["QT_QPA_PLATFORM"] = ""  # empty counts as unset: the command chooses offscreen itself
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_cli_png_and_svg_without_a_display(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "p.personamap"
    save(project, source, backup=False)
    out = tmp_path / "card.png"
    result = _run("export", str(source), "--format", "png", "--out", str(out), "--what",
                  f"card:{NAMES['cyrillic']}", "--dpi", "192")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    image = _load(out)
    card = project.boards[0].elements[1]
    assert (image.width(), image.height()) == ((card.w + 48) * 2, (card.h + 48) * 2)
    svg = tmp_path / "wall.svg"
    result = _run("export", str(source), "--format", "svg", "--out", str(svg), "--what", "board:Wall",
                  "--transparent")  # fmt: skip
    assert result.returncode == 0, result.stderr
    ET.parse(svg)
    result = _run("export", str(source), "--format", "png", "--out", str(tmp_path / "many"), "--what", "all",
                  "--width", "400")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "many").glob("*.png"))) == 1 + len(project.personas) + 2
    for fmt in ("png", "svg"):  # several pictures and a file name: refused, nothing written
        result = _run("export", str(source), "--format", fmt, "--out", str(tmp_path / f"b.{fmt}"))
        assert result.returncode == 2 and "give a folder" in result.stderr, result.stderr
        assert not list(tmp_path.glob("b*"))


def test_cli_png_errors_are_one_line(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "p.personamap"
    save(project, source, backup=False)
    cases = [
        (("--dpi", "700"), 2, "out of range"),
        (("--dpi", "100", "--width", "300"), 2, "not both"),
        (("--what", "persona:Nobody"), 2, "no persona named"),
        (("--tile", "2x1"), 2, "only apply to --format pdf"),
    ]
    for extra, code, message in cases:
        result = _run("export", str(source), "--format", "png", "--out", str(tmp_path / "x.png"), *extra)
        assert result.returncode == code, (extra, result.stderr)
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    result = _run(
        "export", str(tmp_path / "missing.personamap"), "--format", "svg", "--out", str(tmp_path / "x.svg")
    )
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    result = _run("export", str(source), "--format", "pdf", "--out", str(tmp_path / "x.pdf"), "--dpi", "100")
    assert result.returncode == 2 and "apply to png/svg" in result.stderr
    assert not list(tmp_path.glob("x.*"))


def test_exports_get_the_users_usual_file_permissions(tmp_path: Path) -> None:
    """mkstemp makes 0600 files; an exported poster is shared like any document the user saves."""
    import os

    from personamap.export import PdfOptions, export_pdf
    from personamap.resources import load_project, sample_path

    project = load_project(sample_path())
    old = os.umask(0o022)
    try:
        export_pdf(project, tmp_path / "deck.pdf", PdfOptions(what="cards"))
    finally:
        os.umask(old)
    assert (tmp_path / "deck.pdf").stat().st_mode & 0o777 == 0o644


def test_a_small_picture_still_names_every_persona(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Zoomed out on screen the view draws names on top of the cards; a picture has no view,
    so its cards must draw their names themselves, however small the picture."""
    from personamap.canvas import labels
    from personamap.canvas.items import persona_card

    asked: list[float | None] = []
    real = labels.label_px

    def spy(*args: object, **kwargs: object) -> float | None:
        asked.append(real(*args, **kwargs))  # type: ignore[arg-type]
        return asked[-1]

    monkeypatch.setattr(persona_card, "label_px", spy)
    cards = [PersonaCard(persona_id=p.id, x=i * 300.0, w=280, h=360) for i, p in enumerate(project.personas)]
    project.boards.append(Board(name="Cards", elements=cards))
    picture = plan_pictures(project, "board:Cards")[0]
    raster_module.render_image(project, picture, RasterOptions(width=900))  # a zoom of about 0.6
    assert asked and all(px is None for px in asked)
    assert real(15, 0.05, LIGHT) is not None  # on screen, that far out, the view would draw it
