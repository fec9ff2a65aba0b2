"""Products and paper: page counts and sizes, deck structure, tiling, cards, options."""

from __future__ import annotations

import ast
import math
import threading
from pathlib import Path

import pytest
from pdf_helpers import TODAY, contains, pdf_text
from pypdf import PdfReader
from reportlab.lib.units import inch, mm

import personamap
from personamap.export import (
    ExportCancelled,
    ExportError,
    PageSizeError,
    PdfOptions,
    export_pdf,
    parse_page_size,
)
from personamap.model import Project

SIZES = {
    "A4": (210 * mm, 297 * mm),
    "a3": (297 * mm, 420 * mm),
    "A2": (420 * mm, 594 * mm),
    "a1": (594 * mm, 841 * mm),
    "A0": (841 * mm, 1189 * mm),
    "Letter": (8.5 * inch, 11 * inch),
    "TABLOID": (11 * inch, 17 * inch),
    "18x24in": (18 * inch, 24 * inch),
    "18×24 in": (18 * inch, 24 * inch),
}


def sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 0.6 and abs(a[1] - b[1]) < 0.6


@pytest.mark.parametrize("name", list(SIZES))
def test_persona_poster_page_sizes(project: Project, tmp_path: Path, name: str) -> None:
    out = tmp_path / "p.pdf"
    persona = project.personas[1]
    result = export_pdf(project, out, PdfOptions(what=f"persona:{persona.name}", page_size=name, today=TODAY))
    assert result.pages == 1
    assert close(sizes(out)[0], SIZES[name])
    assert contains(pdf_text(out), persona.name)


def test_landscape_bleed_and_crop_marks(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "l.pdf"
    export_pdf(
        project,
        out,
        PdfOptions(what="persona:Ольга Смирнова", page_size="a2", orientation="landscape", today=TODAY),
    )
    w, h = SIZES["A2"]
    assert close(sizes(out)[0], (h, w))
    export_pdf(
        project,
        out,
        PdfOptions(what="persona:Ольга Смирнова", page_size="A4", bleed_mm=3, crop_marks=True, today=TODAY),
    )
    page = PdfReader(out).pages[0]
    trim = (float(page.trimbox.width), float(page.trimbox.height))
    bleed = (float(page.bleedbox.width), float(page.bleedbox.height))
    assert close(trim, SIZES["A4"])
    assert close(bleed, (SIZES["A4"][0] + 6 * mm, SIZES["A4"][1] + 6 * mm))
    assert float(page.mediabox.width) > bleed[0] + 10 * mm  # room for the marks


def test_page_size_names_parse_case_insensitively() -> None:
    assert parse_page_size("a2")[0] == "A2"
    assert parse_page_size(" Letter ")[0] == "Letter"
    assert parse_page_size("18X24IN")[0] == "18x24in"
    assert close(parse_page_size("500x700mm")[1], (500 * mm, 700 * mm))
    with pytest.raises(PageSizeError, match="A4"):
        parse_page_size("B7")


def test_deck_has_cover_contents_and_one_page_per_persona(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "deck.pdf"
    progress: list[tuple[int, int]] = []
    result = export_pdf(
        project,
        out,
        PdfOptions(what="personas", today=TODAY),
        progress=lambda done, total: progress.append((done, total)),
    )
    assert result.pages == 2 + len(project.personas)
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    assert "Contents" in reader.pages[1].extract_text()
    for k, persona in enumerate(project.personas):
        assert contains(reader.pages[2 + k].extract_text(), persona.name.split()[0])
    assert progress[-1] == (result.pages, result.pages) and len(progress) == result.pages
    assert len(reader.outline) >= 2


def test_journey_tiled_3x2_gives_six_overlapping_sheets(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "tiles.pdf"
    result = export_pdf(project, out, PdfOptions(what="journey:refund journey", tile="3x2", today=TODAY))
    assert result.pages == 6
    reader = PdfReader(out)
    texts = [p.extract_text() for p in reader.pages]
    assert all("row" in t and "column" in t for t in texts)
    assert any("overlap 15 mm" in t for t in texts[1:])
    fitted = tmp_path / "fit.pdf"
    assert export_pdf(project, fitted, PdfOptions(what="journey:Refund journey", today=TODAY)).pages == 1
    w, h = sizes(fitted)[0]
    assert w > h  # journeys default to landscape
    assert contains(pdf_text(fitted), "Refund journey")
    with pytest.raises(ExportError, match="tile"):
        export_pdf(project, fitted, PdfOptions(what="journey:Refund journey", tile="3y2"))


def test_cards_sheet_is_n_up(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    result = export_pdf(project, out, PdfOptions(what="cards", page_size="Letter", today=TODAY))
    assert result.pages == math.ceil(len(project.personas) / 4)
    text = pdf_text(out)
    assert text.count("review by") >= len(project.personas)
    assert "cut along the marks" in text


def test_empathy_and_board_pages(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "e.pdf"
    assert export_pdf(project, out, PdfOptions(what="empathy", today=TODAY)).pages == 1
    assert contains(pdf_text(out), "Says") and contains(pdf_text(out), "Empathy of Olga")
    assert export_pdf(project, out, PdfOptions(what="board:wall", today=TODAY)).pages == 1
    assert contains(pdf_text(out), project.personas[0].name)


def test_unknown_names_list_the_choices(project: Project, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Refund journey"):
        export_pdf(project, tmp_path / "x.pdf", PdfOptions(what="journey:nope"))
    with pytest.raises(ExportError, match="Wall"):
        export_pdf(project, tmp_path / "x.pdf", PdfOptions(what="board:nope"))
    assert not (tmp_path / "x.pdf").exists()


def test_cancel_leaves_no_file(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    event = threading.Event()
    event.set()
    with pytest.raises(ExportCancelled):
        export_pdf(project, out, PdfOptions(what="personas"), cancel=event)
    assert list(tmp_path.iterdir()) == []


def test_grayscale_sets_only_greys(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "g.pdf"
    export_pdf(project, out, PdfOptions(what="journey:Refund journey", grayscale=True, today=TODAY))
    import re

    data = b"".join(p.get_contents().get_data() for p in PdfReader(out).pages)
    for r, g, b in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", data):
        assert r == g == b


def test_pdf_modules_import_no_qt() -> None:
    folder = Path(personamap.__file__).parent / "export"
    for path in folder.glob("*.py"):
        if path.name.startswith("raster"):
            continue  # the PNG/SVG exporter renders with Qt by design
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            )
            assert not [n for n in names if n.split(".")[0] in ("PySide6", "shiboken6")], path.name
