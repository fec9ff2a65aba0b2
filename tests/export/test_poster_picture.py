"""A PNG or SVG of a persona is its poster (`--what persona:NAME`), as tall as its content and
holding everything; the canvas card is `--what card:NAME`."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pdf_helpers import norm, persona_strings
from PySide6.QtGui import QImage

from personamap.export.raster.poster import POSTER_WIDTH_PT, poster_size
from personamap.export.raster.render import RasterOptions, export_raster
from personamap.model import Project
from personamap.model.lifecycle import review_due
from personamap.resources import load_project, sample_path

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def sample() -> Project:
    return load_project(sample_path())


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    return norm("".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")))


def test_a_persona_png_is_the_poster_and_a_card_png_the_card(sample: Project, tmp_path: Path) -> None:
    priya = sample.personas[0]
    out = tmp_path / "priya.png"
    result = export_raster(sample, out, RasterOptions(what=f"persona:{priya.name}", dpi=72))
    assert result.files == [out]
    w_pt, h_pt = poster_size(sample, priya)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (round(w_pt), round(h_pt)) and w_pt == POSTER_WIDTH_PT
    assert h_pt > 2 * w_pt  # as tall as everything Priya holds, not one sheet
    card = tmp_path / "card.png"
    export_raster(sample, card, RasterOptions(what=f"card:{priya.name}", dpi=96, margin=0))
    placed = next(e for b in sample.boards for e in b.elements if getattr(e, "persona_id", None) == priya.id)
    assert (QImage(str(card)).width(), QImage(str(card)).height()) == (round(placed.w), round(placed.h))


def test_a_persona_svg_holds_every_field_and_the_overdue_mark(sample: Project, tmp_path: Path) -> None:
    months = sample.settings.review_period_months
    today = dt.date.today()
    for p in sample.personas:
        out = tmp_path / f"{p.id}.svg"
        export_raster(sample, out, RasterOptions(what=f"persona:{p.id}"), "svg")
        text = svg_text(out)
        assert [s for s in persona_strings(p, sample.sources) if norm(s) not in text] == [], p.name
        due = review_due(p, months)
        overdue = due is not None and due < today
        assert (norm(f"Review overdue since {due}") in text) == overdue, p.name


def test_personas_and_cards_pick_posters_and_cards(sample: Project, tmp_path: Path) -> None:
    posters = export_raster(sample, tmp_path / "p", RasterOptions(what="personas", dpi=72))
    cards = export_raster(sample, tmp_path / "c", RasterOptions(what="cards", dpi=72))
    assert len(posters.files) == len(cards.files) == len(sample.personas)
    assert all(f.name.startswith("persona-") for f in posters.files)
    assert all(f.name.startswith("card-") for f in cards.files)
    assert all(h > w for w, h in posters.sizes)
