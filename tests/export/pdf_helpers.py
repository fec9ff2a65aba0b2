"""A multilingual, hostile test project and helpers to read PDFs back (pypdf, pdffonts)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader

from personamap.model import (
    Asset,
    Board,
    EmotionScore,
    EmpathyMap,
    EmpathyNote,
    Item,
    JourneyMap,
    JourneyNote,
    Lane,
    LaneKind,
    NoteElement,
    Persona,
    PersonaCard,
    Project,
    Quadrant,
    Quote,
    Source,
    Stage,
)
from personamap.model.lifecycle import cited_sources

HOSTILE = '<b>bold?</b> <img src="/etc/passwd"> &amp; </para> & <font name="x">'
NAMES = {
    "greek": "Αλέξης Παπαδόπουλος",
    "cyrillic": "Ольга Смирнова",
    "chinese": "王小明",
    "arabic": "ليلى حداد",
    "emoji": "Zoë 🎉 Party",
}
NOTES = {
    "greek": "Θέλει γρήγορη έγκριση",
    "cyrillic": "Хочет быстрый отчёт",
    "chinese": "希望快速报销",
    "arabic": "تريد موافقة سريعة",
    "hebrew": "רוצה אישור מהיר",
    "emoji": "Loves ❤ fast refunds 🎉",
    "hostile": HOSTILE,
}
TODAY = dt.date(2026, 11, 1)


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (600, 600), (200, 120, 60)).save(out, "PNG")
    return out.getvalue()


def make_project() -> Project:
    photo = _png()
    asset = Asset(name="photo", media_type="image/png", width=600, height=600, data=Asset.encode(photo))
    personas = [
        Persona(
            name=name,
            role=f"Role of {key}",
            quotes=[Quote(text=f"Quote {key}: {NOTES.get(key, name)}", source="interview")],
            goals=[Item(text=NOTES.get(key, "a goal"))],
            lifecycle={"last_reviewed": dt.date(2026, 5, 1)},
            photo_asset_id=asset.id if key == "greek" else None,
        )
        for key, name in NAMES.items()
    ]
    personas.append(Persona(name="Hostile " + HOSTILE, tagline=HOSTILE, goals=[Item(text=HOSTILE)]))
    stages = [Stage(name=f"Stage {k}") for k in range(4)]
    lanes = [
        Lane(name="Actions", kind=LaneKind.ACTIONS),
        Lane(name="Emotions", kind=LaneKind.EMOTIONS),
        Lane(name="Pains", kind=LaneKind.PAIN_POINTS),
    ]
    notes = [
        JourneyNote(text=text, lane_id=lanes[k % 2 * 2].id, stage_id=stages[k % 4].id)
        for k, text in enumerate(NOTES.values())
    ]
    emotions = [
        EmotionScore(persona_id=personas[0].id, step_id=s.steps[0].id, score=k - 2)
        for k, s in enumerate(stages)
    ]
    journey = JourneyMap(
        title="Refund journey",
        persona_ids=[personas[0].id],
        stages=stages,
        lanes=lanes,
        notes=notes,
        emotions=emotions,
    )
    emap = EmpathyMap(
        title="Empathy of Olga",
        persona_id=personas[1].id,
        notes=[EmpathyNote(text=t, quadrant=list(Quadrant)[k % 6]) for k, t in enumerate(NOTES.values())],
    )
    board = Board(
        name="Wall",
        elements=[
            PersonaCard(persona_id=p.id, x=k * 260.0, y=0, w=240, h=320) for k, p in enumerate(personas[:3])
        ]
        + [NoteElement(text=NOTES["cyrillic"], x=0, y=400), NoteElement(text=HOSTILE, x=260, y=400)],
    )
    return Project(
        title="Test project «multilingual»",
        personas=personas,
        journeys=[journey],
        empathy_maps=[emap],
        boards=[board],
        assets=[asset],
    )


def norm(text: str) -> str:
    """Compatibility forms folded (Arabic presentation forms), whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def contains(haystack: str, needle: str) -> bool:
    """`needle` in extracted text, in logical or (right-to-left text) visual order."""
    h, n = norm(haystack), norm(needle)
    return n in h or n[::-1] in h


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def page_fonts(path: Path) -> list[dict]:
    """Every font dictionary reachable from the pages' resources (forms included)."""
    fonts: list[dict] = []
    seen: set[int] = set()

    def walk(resources: object) -> None:
        if resources is None:
            return
        res = resources.get_object()
        for font in (res.get("/Font") or {}).values():
            f = font.get_object()
            if id(f) not in seen:
                seen.add(id(f))
                fonts.append(f)
        for xobj in (res.get("/XObject") or {}).values():
            x = xobj.get_object()
            if x.get("/Subtype") == "/Form":
                walk(x.get("/Resources"))

    for page in PdfReader(path).pages:
        walk(page.get("/Resources"))
    return fonts


def pdffonts_rows(path: Path) -> list[tuple[str, str]] | None:
    """(font name, "emb" column) per row of `pdffonts`, or None when poppler is not installed."""
    exe = shutil.which("pdffonts")
    if exe is None:
        return None
    lines = subprocess.run([exe, str(path)], capture_output=True, text=True, timeout=60, check=True).stdout
    header, *rest = lines.splitlines()
    col = header.index("emb")
    return [(line.split()[0], line[col : col + 3].strip()) for line in rest[1:] if line.strip()]


def persona_strings(p: Persona, sources: Sequence[Source] = ()) -> list[str]:
    """Every piece of text the persona holds that a poster must show, with the titles of the
    library's `sources` it cites."""
    out = [p.name, p.role, p.tagline, p.story.bio, p.story.scenario, p.story.day_in_the_life]
    out += [v for v in p.demographics.model_dump().values() if isinstance(v, str)]
    out += [v for k, v in p.firmographics.model_dump().items() if isinstance(v, str) and k != "buying_role"]
    for items in (
        p.goals,
        p.frustrations,
        p.motivations,
        p.needs,
        p.objections,
        p.expectations,
        p.behaviour.habits,
        p.behaviour.devices,
        p.behaviour.decision_criteria,
        p.psychographics.interests,
        p.psychographics.attitudes,
        p.psychographics.values,
    ):
        out += [i.text for i in items]
    out += [v.label for v in p.value_figures]
    for cs in p.custom_sections:
        out += [cs.title.upper(), cs.body, *(i.text for i in cs.items)]
    for q in p.quotes:
        out += [q.text, q.source]
    out += [e.title for e in cited_sources(p, sources)]
    for slider in p.psychographics.sliders:
        out += [slider.left, slider.right]
    return [s for s in out if s and s.strip()]
