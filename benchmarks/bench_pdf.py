"""The journey poster of a generated 40-stage × 8-lane map with 2,000 notes, against raw
reportlab drawing the same note boxes and wrapped text (drawString + simpleSplit, DejaVu
embedded) in the same process. Goal: ≤ 1.5× raw (docs/QT-NOTES.md measured raw at ~0.54 s).

Ours does more than the baseline (the layout rules, headers, lane tints, grid, emotion curve,
per-run font choice, footer), so the ratio is the price of all of that."""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import compare, report
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from personamap.export import PdfOptions, export_pdf
from personamap.export.pdf.fonts import font_files
from personamap.export.pdf.text import PdfText
from personamap.model import EmotionScore, JourneyMap, JourneyNote, Lane, LaneKind, Persona, Project, Stage
from personamap.model.layout import layout_journey

_SAMPLE = (
    "customer wants faster onboarding without calling support price trust invoice mobile app checkout "
    "delivery refund login password dashboard export report weekly manager approval budget receipt"
)
_WORDS = tuple(_SAMPLE.split())
_KINDS = [
    LaneKind.ACTIONS,
    LaneKind.TOUCHPOINTS,
    LaneKind.THOUGHTS,
    LaneKind.EMOTIONS,
    LaneKind.PAIN_POINTS,
    LaneKind.OPPORTUNITIES,
    LaneKind.BACKSTAGE,
    LaneKind.KPIS,
]


def make_project(stages: int = 40, notes: int = 2000, seed: int = 1) -> Project:
    rng = random.Random(seed)

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    persona = Persona(id=uid(), name="Bench persona")
    stage_list = [Stage(id=uid(), name=f"Stage {k + 1}") for k in range(stages)]
    lanes = [Lane(id=uid(), name=kind.value.replace("_", " ").capitalize(), kind=kind) for kind in _KINDS]
    note_lanes = [lane for lane in lanes if lane.kind != LaneKind.EMOTIONS]
    journey_notes = [
        JourneyNote(
            id=uid(),
            text=" ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 24))),
            lane_id=note_lanes[k % len(note_lanes)].id,
            stage_id=stage_list[(k // len(note_lanes)) % stages].id,
        )
        for k in range(notes)
    ]
    emotions = [
        EmotionScore(persona_id=persona.id, step_id=s.steps[0].id, score=rng.randint(-2, 2))
        for s in stage_list
    ]
    journey = JourneyMap(
        id=uid(),
        title="Bench journey",
        persona_ids=[persona.id],
        stages=stage_list,
        lanes=lanes,
        notes=journey_notes,
        emotions=emotions,
    )
    return Project(id=uid(), title="Bench", personas=[persona], journeys=[journey])


def raw_poster(project: Project, path: Path, font_path: str) -> None:
    """The baseline: the same note boxes at the same places, wrapped with simpleSplit."""
    if "BenchDejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchDejaVu", font_path))
    journey = project.journeys[0]
    layout = _LAYOUTS[journey.id]
    page_w, page_h = PAGE_MM[0] * 72 / 25.4, PAGE_MM[1] * 72 / 25.4
    scale = min((page_w - 68) / layout.width, (page_h - 85) / layout.height)
    c = Canvas(str(path), pagesize=(page_w, page_h), initialFontName="BenchDejaVu", pageCompression=1)
    size = 13 * scale
    c.setFont("BenchDejaVu", size)
    for note in journey.notes:
        r = layout.note_rects[note.id]
        x, top = 34 + r.x * scale, page_h - 34 - r.y * scale
        c.setFillColorRGB(1, 0.945, 0.66)
        c.rect(x, top - r.h * scale, r.w * scale, r.h * scale, fill=1, stroke=1)
        c.setFillColorRGB(0.12, 0.14, 0.16)
        for k, line in enumerate(simpleSplit(note.text, "BenchDejaVu", size, (r.w - 20) * scale)[:9]):
            c.drawString(x + 10 * scale, top - (10 + 13 * (k + 1)) * scale, line)
    c.showPage()
    c.save()


_LAYOUTS: dict = {}
PAGE_MM = (2800, 1200)
"""One sheet on which the map prints legibly (no poster prints text under 6 pt; on A3 it
would continue across dozens of tiles), so both sides draw the same single page."""


def run(quick: bool = False) -> None:
    project = make_project()
    font = font_files().get("dejavusans.ttf")
    if font is None:
        print("bench: pdf.journey_poster_2k skipped (DejaVu Sans not installed)")
        return
    journey = project.journeys[0]
    _LAYOUTS[journey.id] = layout_journey(journey, project.settings.emotion_scale, PdfText(_fontset()))
    page = f"{PAGE_MM[0]}x{PAGE_MM[1]}mm"
    options = PdfOptions(what="journey:Bench journey", page_size=page, today=dt.date(2026, 1, 1))
    with tempfile.TemporaryDirectory() as folder:
        ours_path, raw_path = Path(folder) / "ours.pdf", Path(folder) / "raw.pdf"
        ours, raw = compare(
            lambda: export_pdf(project, ours_path, options),
            lambda: raw_poster(project, raw_path, str(font)),
            repeat=3 if quick else 5,
        )
    report("pdf.journey_poster_2k", ours, raw, 1.5)


def _fontset():
    from personamap.export.pdf.fonts import FontSet

    return FontSet()


if __name__ == "__main__":
    run("--quick" in sys.argv)
