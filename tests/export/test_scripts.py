"""Text in every script, golden: bidi reordering and Arabic shaping (python-bidi,
arabic-reshaper), line breaking by the Unicode rules (CJK), emoji sequences kept whole, one
alignment rule for right-to-left paragraphs on the canvas and in the PDF, and the bundled
fonts that make one file print the same PDF on every machine."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from pdf_helpers import TODAY, contains, page_fonts, pdf_text
from reportlab.pdfgen.canvas import Canvas

from personamap.export import PdfOptions, export_pdf
from personamap.export.pdf import fonts as pdf_fonts
from personamap.export.pdf.fonts import FontSet
from personamap.export.pdf.rtl import visual
from personamap.export.pdf.text import PdfText
from personamap.fonts import BUNDLED, bundled_file, sequence_glyph
from personamap.model import Item, Persona, Project
from personamap.model.layout.direction import aligned, is_rtl
from personamap.model.layout.linebreak import break_units, clusters

DEV = "👩\u200d💻"
FAMILY = "👨\u200d👩\u200d👧\u200d👦"
FLAG = "🇯🇵"
THUMB = "👍🏽"


@pytest.fixture(scope="module")
def text() -> PdfText:
    return PdfText(FontSet())


# --- bidi and shaping ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("logical", "display"),
    [
        ("abc", "abc"),
        ("abc שלום 12 def", "abc 12 םולש def"),
        ("שלום (עולם)", "(םלוע) םולש"),  # brackets mirrored
        ("עברית 123 English", "English 123 תירבע"),
        # digits after Arabic letters are Arabic numbers: the per cent sign stays on their left
        ("السعر 25% اليوم", "\ufee1\ufeee\ufef4\ufedf\ufe8d %25 \ufeae\ufecc\ufeb4\ufedf\ufe8d"),
        ("مرحبا abc", "abc \ufe8e\ufe92\ufea3\ufeae\ufee3"),  # shaped: initial, medial, final forms
        ("Order #42: שלום, مرحبا!", "Order #42: \ufe8e\ufe92\ufea3\ufeae\ufee3 ,םולש!"),
        # a number after Latin letters is Latin: one run "hello, world" 2024" inside the Hebrew
        ('נתן: "hello, world" 2024', 'hello, world" 2024" :ןתנ'),
    ],
)
def test_mixed_lines_are_shaped_and_reordered_for_display(logical: str, display: str) -> None:
    assert visual(logical) == display


def test_arabic_keeps_its_vowel_marks_and_lam_alef_ligature() -> None:
    shaped = visual("لا")
    assert len(shaped) == 1 and 0xFEF5 <= ord(shaped) <= 0xFEFC
    assert "\u064e" in visual("مَرحبا")  # the fatha is kept, not deleted


def test_a_wrapped_line_keeps_its_paragraphs_direction(text: PdfText) -> None:
    paragraph = "שלום עולם Hello world again and again"
    lines = text.wrap(paragraph, 60, 10)
    assert len(lines) >= 3
    for line in lines:
        assert is_rtl(line), line  # a Latin continuation line starts with a right-to-left mark
        assert aligned("left", line) == "right"
        pdf = _Recorder()
        text.draw_line(pdf, 0, 0, line, 10, width=100)
        right = min(x for x, _ in pdf.drawn) + text.width(visual(line), 10, "regular")
        assert right == pytest.approx(100, abs=0.5), line  # set flush right, like its paragraph
    ltr = text.wrap("Hello world שלום עולם שלום עולם", 40, 10)
    assert not any(is_rtl(line) for line in ltr)


# --- line breaking ---------------------------------------------------------------------------

CLOSING = "，。、！？：；」』）】"
OPENING = "「『（【"


def test_cjk_lines_never_start_with_closing_punctuation(text: PdfText) -> None:
    paragraph = "你好，世界。我们走吧！「好的」、山田さん：今日は（晴れ）です。"
    for width in range(12, 200, 3):
        lines = text.wrap(paragraph, width, 10)
        assert "".join(lines) == paragraph, width  # nothing lost, nothing added
        for line in lines[1:]:
            assert line[0] not in CLOSING, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in OPENING, (width, lines)


def test_cjk_names_keep_their_space(text: PdfText) -> None:
    assert text.wrap("王小明 山田太郎", 500, 10) == ["王小明 山田太郎"]
    narrow = text.wrap("王小明 山田太郎", text.width("王小明 山田", 10, "regular") + 0.1, 10)
    assert narrow == ["王小明 山田", "太郎"]  # ideographs break anywhere, the space is kept


def test_break_units_golden() -> None:
    assert break_units("王小明 山田太郎，你好。") == (
        "王",
        "小",
        "明 ",
        "山",
        "田",
        "太",
        "郎，",
        "你",
        "好。",
    )
    assert break_units("well-known a/b x  y -5 f(x)y") == (
        "well-",
        "known ",
        "a/",
        "b ",
        "x  ",
        "y ",
        "-5 ",
        "f(x)y",
    )
    assert break_units("「（王）」abc") == ("「（王）」", "abc")


@pytest.mark.parametrize(
    "paragraph",
    [
        'say "hi" ( a ) b , c — d',
        "e-mail: a@b.com, http://x.y/z?q=1 -5 1/2 and/or research/2026-q2 12/2026",
        "it's 9:30 — ok?! [done] {x}y",
        "「はい」と言った。한국어 텍스트입니다. 王小明，你好！",
        "شهر 12/2026 (تقريبًا) — עברית, 25%",
        f"{DEV} {FAMILY}{FLAG} ok",
    ],
)
def test_break_units_agree_with_the_full_unicode_rules(paragraph: str) -> None:
    from uniseg.linebreak import line_break_units

    assert break_units(paragraph) == tuple(line_break_units(paragraph))


# --- emoji -----------------------------------------------------------------------------------


@pytest.mark.parametrize("sequence", [DEV, FAMILY, FLAG, THUMB, "1\ufe0f\u20e3"])
def test_an_emoji_sequence_is_one_cluster_one_run_one_glyph(sequence: str, text: PdfText) -> None:
    assert clusters(f"a{sequence}b") == ["a", sequence, "b"]
    runs = text.fonts.runs(f"Dev {sequence} ok")
    emoji = [(face, part) for face, part in runs if face == "PM-NotoEmoji-regular"]
    assert len(emoji) == 1, runs
    glyph = sequence_glyph(sequence)
    assert glyph is not None and emoji[0][1].strip() == glyph
    face = next(f for f in text.fonts.embedded_faces() if f.name == "PM-NotoEmoji-regular")
    assert ord(glyph) in face.cmap


def test_emoji_sequences_are_never_split_by_wrapping_or_eliding(text: PdfText) -> None:
    line = f"{DEV}{DEV}{FAMILY}{FLAG}{THUMB}" * 3
    one = text.width(DEV, 10, "regular")
    for width in (one * 1.2, one * 2.5, one * 4):
        for piece in text.wrap(line, width, 10):
            assert clusters(piece) and all(c in (DEV, FAMILY, FLAG, THUMB) for c in clusters(piece))
        cut = text.elide(line, width, 10)
        assert all(c in (DEV, FAMILY, FLAG, THUMB, "…") for c in clusters(cut))


def test_an_emoji_sequence_is_ordered_like_a_single_emoji() -> None:
    assert visual("שלום 🎉 3") == "3 🎉 םולש"
    assert visual(f"שלום {DEV} 3") == f"3 {sequence_glyph(DEV)} םולש"  # neutral, not a letter


@pytest.mark.parametrize("line", [f"שלום {DEV} עולם", f"Layla ليلى حداد {DEV}", f"مرحبا {FAMILY}{THUMB}"])
def test_emoji_in_right_to_left_text_stay_whole(line: str) -> None:
    shown = visual(line)
    assert "\u200d" not in shown and "\U0001f3fd" not in shown
    for sequence in (DEV, FAMILY, THUMB):
        if sequence in line:
            assert sequence_glyph(sequence) in shown


# --- fonts: the same PDF on every machine ------------------------------------------------------


def test_the_bundled_fonts_are_there_small_and_licensed() -> None:
    total = 0
    for entry in BUNDLED:
        for name in (entry.regular, entry.bold, entry.italic):
            if name:
                path = bundled_file(name)
                assert path is not None, name
                total += path.stat().st_size
    assert total < 8_000_000
    assert "SIL OPEN FONT LICENSE" in (bundled_file("NotoSans-Regular.ttf").parent / "OFL.txt").read_text()


def _mixed_project() -> Project:
    persona = Persona(
        name="Layla ليلى حداد 👩\u200d💻",
        role="Ops מנהלת",
        goals=[
            Item(text="王小明 山田太郎 希望快速报销，谢谢。"),
            Item(text="רוצה אישור מהיר 🎉 " + FLAG),
            Item(text="تريد موافقة سريعة (اليوم) 25%"),
            Item(text="Αλέξης Ольга Zoë"),
        ],
    )
    return Project(personas=[persona])


def _font_programs(path: Path) -> dict[str, str]:
    """Font name -> hash of its embedded program, for every font of the PDF."""
    out = {}
    for font in page_fonts(path):
        descendants = font.get("/DescendantFonts")
        target = descendants[0].get_object() if descendants else font
        descriptor = target["/FontDescriptor"].get_object()
        program = descriptor["/FontFile2"].get_object().get_data()
        out[str(font["/BaseFont"])] = hashlib.sha256(program).hexdigest()
    return out


def test_two_font_configurations_print_the_same_fonts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _mixed_project()
    what = f"persona:{project.personas[0].id}"
    here = tmp_path / "here.pdf"
    result = export_pdf(project, here, PdfOptions(what=what, today=TODAY))
    assert not result.warnings  # every script is covered
    # another machine: its "Noto" files are other fonts, and it has no CJK or emoji font at all
    impostor = tmp_path / "impostor.ttf"
    shutil.copy(bundled_file("NotoSansHebrew-Regular.ttf"), impostor)  # a font, but not these
    fake = {name.lower(): impostor for entry in BUNDLED for name in (entry.regular, entry.bold) if name}
    fake["dejavusans.ttf"] = impostor
    monkeypatch.setattr(pdf_fonts, "font_files", lambda: fake)
    there = tmp_path / "there.pdf"
    other = export_pdf(project, there, PdfOptions(what=what, today=TODAY))
    assert not other.warnings
    used_here, used_there = _font_programs(here), _font_programs(there)
    assert len(used_here) >= 5  # Latin, Arabic, Hebrew, CJK, emoji at least
    assert used_here == used_there


def test_emoji_and_sequences_print_and_extract_whole(tmp_path: Path) -> None:
    project = _mixed_project()
    out = tmp_path / "emoji.pdf"
    export_pdf(project, out, PdfOptions(what=f"persona:{project.personas[0].id}", today=TODAY))
    text = pdf_text(out)
    for emoji in (DEV, FLAG, "🎉"):  # (readers drop the zero-width joiner when extracting)
        assert emoji.replace("\u200d", "") in text.replace("\u200d", ""), emoji
    assert contains(text, "王小明 山田太郎")


def test_bundled_faces_come_before_installed_ones() -> None:
    fonts = FontSet()
    bundled = {bundled_file(n) for e in BUNDLED for n in (e.regular, e.bold, e.italic) if n}
    for ch in "Aש\u0644王🎉":
        face = next(f for f in fonts.embedded_faces() if f.name == fonts.face_for(ch))
        assert face.path in bundled, (ch, face.path)


# --- one alignment rule on the canvas and in the PDF -----------------------------------------


class _Recorder(Canvas):
    def __init__(self) -> None:
        super().__init__("/dev/null")
        self.drawn: list[tuple[float, str]] = []

    def drawString(self, x: float, y: float, text: str, *args: object, **kwargs: object) -> None:
        self.drawn.append((x, text))


@pytest.mark.parametrize("paragraph", ["שלום עולם", "مرحبا بالعالم", "Hello world", "abc שלום"])
def test_canvas_and_pdf_set_a_paragraph_on_the_same_side(paragraph: str, text: PdfText, qapp) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from personamap.canvas.text import draw_text, font

    box_x, box_w = 50.0, 300.0
    pdf = _Recorder()
    text.draw_line(pdf, box_x, 100, paragraph, 14, width=box_w)
    start = min(x for x, _ in pdf.drawn)
    pdf_right = start + text.width(visual(paragraph), 14, "regular")

    image = QImage(400, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    draw_text(painter, QRectF(box_x, 10, box_w, 40), paragraph, font(14), "#000")
    painter.end()
    ink = [x for x in range(400) for y in range(60) if image.pixelColor(x, y).lightness() < 128]

    side = aligned("left", paragraph)
    assert side == ("right" if is_rtl(paragraph) else "left")
    if side == "right":
        assert pdf_right == pytest.approx(box_x + box_w, abs=0.5)
        assert box_x + box_w - 6 <= max(ink) <= box_x + box_w
    else:
        assert start == pytest.approx(box_x)
        assert box_x <= min(ink) <= box_x + 4
