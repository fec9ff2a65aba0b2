"""A persona whose dataset segment moved in the latest refresh carries a "Data changed" mark on
its poster and on the cards sheet, beside the review mark, until it is reviewed after the wave."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pdf_helpers import make_project, norm, pdf_text
from pypdf import PdfReader

from personamap.export import PdfOptions, export_pdf
from personamap.model import Project
from personamap.model.research import Dataset, SegmentFigures, Source, Wave

TODAY = dt.date(2026, 12, 7)
REFRESHED = dt.date(2026, 6, 1)


def with_refreshed_dataset(project: Project, persona_id: str) -> Project:
    """`project` with a dataset source whose latest wave grew the persona's segment 20 points."""

    def wave(day: dt.date, share: float) -> Wave:
        segments = [
            SegmentFigures(segment=0, persona_id=persona_id, n=10, share=share),
            SegmentFigures(segment=1, n=10, share=100 - share),
        ]
        return Wave(imported=day, file_name="crm.csv", segments=segments)

    dataset = Dataset(
        file_name="crm.csv",
        sha256="a" * 64,
        imported=dt.date(2026, 1, 10),
        waves=[wave(dt.date(2026, 1, 10), 30), wave(REFRESHED, 50)],
    )
    project.sources.append(Source(title="CRM export", dataset=dataset))
    return project


def test_the_poster_and_the_cards_mark_a_persona_whose_data_changed(tmp_path: Path) -> None:
    project = make_project()
    changed, steady = project.personas[0], project.personas[1]
    with_refreshed_dataset(project, changed.id)
    assert changed.lifecycle.last_reviewed is not None and changed.lifecycle.last_reviewed < REFRESHED
    for persona, marked in ((changed, True), (steady, False)):
        out = tmp_path / f"{persona.id}.pdf"
        export_pdf(project, out, PdfOptions(what=f"persona:{persona.id}", today=TODAY))
        first = PdfReader(out).pages[0].extract_text() or ""
        assert ("Data changed" in first) == marked, persona.name
    cards = tmp_path / "cards.pdf"
    export_pdf(project, cards, PdfOptions(what="cards", today=TODAY))
    assert norm(pdf_text(cards)).count("Datachanged") == 1
    changed.lifecycle.last_reviewed = REFRESHED  # reviewed once the wave came in: the mark goes
    export_pdf(project, cards, PdfOptions(what="cards", today=TODAY))
    assert "Datachanged" not in norm(pdf_text(cards))


def test_the_marks_push_a_quote_below_them_on_a_narrow_poster(tmp_path: Path) -> None:
    """On a portrait A4 poster the quote sits under the header's text; with both marks that
    text runs past the photo, and the quote must start below it, not over the marks."""
    project = make_project()
    persona = project.personas[0]
    persona.lifecycle.last_reviewed = dt.date(2025, 1, 1)  # overdue too
    with_refreshed_dataset(project, persona.id)
    out = tmp_path / "poster.pdf"
    export_pdf(project, out, PdfOptions(what=f"persona:{persona.id}", page_size="A4", today=TODAY))
    tops: dict[str, float] = {}

    def seen(text: str, cm, tm, font, size) -> None:
        for key in ("Data changed", "Quote "):
            if text.startswith(key) and key not in tops:
                tops[key] = tm[5] * cm[3] + cm[5]  # baseline height on the page (y grows up)

    PdfReader(out).pages[0].extract_text(visitor_text=seen)
    assert tops["Quote "] < tops["Data changed"] - 12
