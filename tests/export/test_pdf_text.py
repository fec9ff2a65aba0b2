"""Text in the PDF: every script prints and extracts, fonts are embedded, hostile text is
printed literally and never interpreted."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest
from pdf_helpers import HOSTILE, NAMES, NOTES, TODAY, contains, page_fonts, pdf_text, pdffonts_rows
from pypdf import PdfReader

from personamap.export import PdfOptions, export_pdf
from personamap.model import Project

STANDARD_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


@pytest.fixture(scope="module")
def everything(project: Project, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    out = tmp_path_factory.mktemp("pdf") / "all.pdf"
    result = export_pdf(project, out, PdfOptions(what="all", today=TODAY))
    return out, result.warnings


def test_every_name_and_note_prints_in_every_script(everything: tuple[Path, list[str]]) -> None:
    path, _ = everything
    text = pdf_text(path)
    for value in [*NAMES.values(), *NOTES.values()]:
        for word in value.split():  # emoji too: the bundled Noto Emoji prints them
            assert contains(text, word), (value, word)


def test_no_script_lacks_a_font(everything: tuple[Path, list[str]]) -> None:
    _, warnings = everything
    assert not any("no installed font covers" in w for w in warnings), warnings


def test_a_character_no_face_has_is_a_named_warning() -> None:
    from personamap.export.pdf.fonts import FontSet

    fonts = FontSet()
    fonts.runs("Linear B \U00010000")
    assert any("\U00010000" in w and "Linear" in w for w in fonts.warnings()), fonts.warnings()


def test_every_font_is_embedded_and_none_is_standard_14(everything: tuple[Path, list[str]]) -> None:
    path, _ = everything
    fonts = page_fonts(path)
    assert fonts
    for font in fonts:
        base = str(font.get("/BaseFont", "")).lstrip("/")
        assert base.split("+")[-1] not in STANDARD_14, base
        descendants = font.get("/DescendantFonts")
        target = descendants[0].get_object() if descendants else font
        descriptor = target.get("/FontDescriptor")
        assert descriptor is not None, base
        descriptor = descriptor.get_object()
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, base
    rows = pdffonts_rows(path)
    if rows is not None:
        assert rows, "pdffonts listed no font"
        for name, embedded in rows:
            assert embedded == "yes", name
            assert name.split("+")[-1] not in STANDARD_14, name


def test_hostile_text_prints_literally_and_opens_no_file(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if "passwd" in str(file):
            opened.append(str(file))
            raise AssertionError(f"the export tried to open {file}")
        return real_open(file, *args, **kwargs)

    import reportlab.lib.utils as rl_utils

    real_reader = rl_utils.ImageReader

    def guarded_reader(source, *args, **kwargs):
        if isinstance(source, str | Path) and "passwd" in str(source):
            opened.append(str(source))
            raise AssertionError("ImageReader on a user path")
        return real_reader(source, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(rl_utils, "ImageReader", guarded_reader)
    out = tmp_path / "hostile.pdf"
    hostile = next(p for p in project.personas if p.name.startswith("Hostile"))
    for what in (f"persona:{hostile.id}", "board:Wall", "journey:Refund journey"):
        export_pdf(project, out, PdfOptions(what=what, today=TODAY))
        text = pdf_text(out)
        for token in ("<b>bold?</b>", '<img src="/etc/passwd">', "&amp;", "</para>"):
            assert contains(text, token), (what, token)
    assert opened == []
    assert HOSTILE


def test_metadata_title_author_subject(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "meta.pdf"
    export_pdf(project, out, PdfOptions(what="cards", today=TODAY, author="Research team", subject="Cards"))
    meta = PdfReader(out).metadata
    assert meta.title and project.title in meta.title
    assert meta.author == "Research team"
    assert meta.subject == "Cards"
    default = tmp_path / "default.pdf"
    export_pdf(project, default, PdfOptions(what="empathy", today=TODAY))
    meta = PdfReader(default).metadata
    assert meta.title and meta.author and meta.subject and "2026-11-01" in meta.subject


def test_right_to_left_is_reordered_for_display() -> None:
    from personamap.export.pdf.rtl import visual

    assert visual("abc") == "abc"
    assert visual("שלום") == "םולש"
    assert visual("abc שלום 12 def") == "abc 12 םולש def"
    assert visual("שלום (עולם)") == "(םלוע) םולש"
    shaped = visual("لا")  # lam-alef becomes one ligature glyph
    assert len(shaped) == 1 and 0xFEF5 <= ord(shaped) <= 0xFEFC


def test_fonts_are_chosen_per_run_by_script() -> None:
    from personamap.export.pdf.fonts import FontSet

    fonts = FontSet()
    runs = fonts.runs("Hello 世界 Привет")
    faces = [face for face, _ in runs]
    assert "".join(text for _, text in runs) == "Hello 世界 Привет"
    if fonts.face_for("世") is not None:
        assert len(set(faces)) >= 2
        assert fonts.face_for("世") != fonts.face_for("H")
