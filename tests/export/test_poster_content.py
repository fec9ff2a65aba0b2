"""Posters never drop content: every field of every sample persona prints, on as many pages
as it takes ("— continued"), in the deck and in posters from A4 to A0."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from pdf_helpers import norm, persona_strings
from pypdf import PdfReader

from personamap.export import PdfOptions, export_pdf
from personamap.io import load
from personamap.model import Item, Persona, Project, Quote, Source
from personamap.model.lifecycle import review_due
from personamap.resources import sample_path

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def sample() -> Project:
    return load(sample_path())


def body_text(path: Path) -> str:
    """The PDF's text without page furniture (footers, "continued" labels), so a paragraph
    split across columns or pages reads as one."""
    kept = []
    for page in PdfReader(path).pages:
        for line in (page.extract_text() or "").splitlines():
            if "(CONTINUED)" in line or "— continued" in line or "exported 2026" in line:
                continue
            if re.fullmatch(r"\s*\d+ / \d+\s*", line):
                continue
            kept.append(line)
    return norm("".join(kept))


def missing(text: str, persona: Persona, sources: Sequence[Source]) -> list[str]:
    return [s for s in persona_strings(persona, sources) if norm(s) not in text]


@pytest.mark.parametrize("size", ["A4", "A2", "A0"])
def test_every_field_of_every_persona_prints_on_the_poster(
    sample: Project, tmp_path: Path, size: str
) -> None:
    for p in sample.personas:
        out = tmp_path / f"{size}-{p.id}.pdf"
        export_pdf(sample, out, PdfOptions(what=f"persona:{p.id}", page_size=size, today=TODAY))
        assert missing(body_text(out), p, sample.sources) == [], (size, p.name)


def test_every_field_prints_in_the_a4_deck(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "deck.pdf"
    export_pdf(sample, out, PdfOptions(what="personas", page_size="A4", today=TODAY))
    text = body_text(out)
    for p in sample.personas:
        assert missing(text, p, sample.sources) == [], p.name


def test_a_persona_too_big_for_one_sheet_continues(sample: Project, tmp_path: Path) -> None:
    priya = sample.personas[0]
    out = tmp_path / "priya.pdf"
    result = export_pdf(sample, out, PdfOptions(what=f"persona:{priya.id}", page_size="A4", today=TODAY))
    assert result.pages >= 2
    pages = [p.extract_text() or "" for p in PdfReader(out).pages]
    assert f"{priya.name} — continued" not in pages[0]
    assert all(f"{priya.name} — continued" in page for page in pages[1:])


def test_a_small_persona_stays_on_one_sheet(tmp_path: Path) -> None:
    p = Persona(
        name="Sam Small",
        role="Buyer",
        quotes=[Quote(text="Keep it simple.", source="call")],
        goals=[Item(text="Pay on time"), Item(text="Fewer forms")],
        frustrations=[Item(text="Chasing receipts")],
    )
    out = tmp_path / "small.pdf"
    result = export_pdf(Project(personas=[p]), out, PdfOptions(what="persona:Sam Small", today=TODAY))
    assert result.pages == 1
    text = PdfReader(out).pages[0].extract_text() or ""
    assert "continued" not in text and "Chasing receipts" in text


def test_quote_sources_are_never_cut(sample: Project, tmp_path: Path) -> None:
    long = sample.model_copy(deep=True)
    p = long.personas[0]
    p.quotes[0].source = "Interview #4, finance controller at a logistics wholesaler with 420 employees, " * 3
    out = tmp_path / "quote.pdf"
    export_pdf(long, out, PdfOptions(what=f"persona:{p.id}", page_size="A4", today=TODAY))
    assert norm(p.quotes[0].source) in body_text(out)


def test_an_overdue_persona_carries_the_mark(sample: Project, tmp_path: Path) -> None:
    months = sample.settings.review_period_months
    overdue = [p for p in sample.personas if (d := review_due(p, months)) and d < TODAY]
    current = [p for p in sample.personas if p not in overdue]
    assert overdue and current
    for p in overdue + current[:1]:
        out = tmp_path / f"{p.id}.pdf"
        export_pdf(sample, out, PdfOptions(what=f"persona:{p.id}", today=TODAY))
        first = PdfReader(out).pages[0].extract_text() or ""
        mark = f"Review overdue since {review_due(p, months).isoformat()}"
        assert (mark in first) == (p in overdue), p.name


def test_footers_print_every_review_date(sample: Project, tmp_path: Path) -> None:
    months = sample.settings.review_period_months
    for what in ("cards", f"journey:{sample.journeys[0].id}"):
        out = tmp_path / "f.pdf"
        export_pdf(sample, out, PdfOptions(what=what, today=TODAY))
        pages = [norm(p.extract_text() or "") for p in PdfReader(out).pages]
        shown = [p for p in sample.personas if norm(p.name) in pages[0]]
        assert len(shown) >= 2, what  # a footer naming several personas
        for p in shown:
            assert norm(f"{p.name}: review by {review_due(p, months).isoformat()}") in pages[0], (
                what,
                p.name,
            )


def test_deck_contents_continue_and_list_every_persona(tmp_path: Path) -> None:
    project = Project(personas=[Persona(name=f"Person {k:02d}", role="Role") for k in range(60)])
    out = tmp_path / "many.pdf"
    result = export_pdf(project, out, PdfOptions(what="personas", today=TODAY))
    pages = [p.extract_text() or "" for p in PdfReader(out).pages]
    contents = [k for k, text in enumerate(pages) if text.startswith("Contents")]
    assert len(contents) >= 2 and "Contents — continued" in pages[contents[1]]
    listed = "\n".join(pages[k] for k in contents)
    for k in range(60):
        number = re.search(rf"Person {k:02d}\nRole\n(\d+)\n", listed)
        assert number is not None, k
        page = int(number.group(1)) - 1
        assert page not in contents and f"\nPerson {k:02d}\n" in pages[page]
    assert result.pages == 1 + len(contents) + 60


def test_cards_say_how_many_sections_they_leave_out(sample: Project, tmp_path: Path) -> None:
    from personamap.export.pdf.cards_sheet import SECTIONS
    from personamap.export.pdf.persona_flow import contents, contents_of

    out = tmp_path / "cards.pdf"
    export_pdf(sample, out, PdfOptions(what="cards", today=TODAY))
    text = norm("".join(p.extract_text() or "" for p in PdfReader(out).pages))
    for p in sample.personas:
        left_out = len(contents(p, sample.sources)) - len(contents_of(p, SECTIONS, sample.sources))
        assert left_out > 0
        assert norm(f"+ {left_out} more sections in the poster") in text, p.name
