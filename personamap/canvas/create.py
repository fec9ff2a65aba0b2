"""What the library's entries create, at a point of a board, as one undo step.

Each entry becomes a list of op factories that Document.try_apply_all runs in order as one
undo step (a journey must exist before its element can show it), all or nothing; the element
is centred on the point.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import ops
from ..model.base import new_id
from ..model.board import (
    EmpathyMapElement,
    ImageElement,
    JourneyMapElement,
    NoteElement,
    PersonaCard,
    TextElement,
)
from ..model.empathy import EmpathyMap
from ..model.enums import NoteColor
from ..model.layout.card import CARD_SIZE
from ..model.persona import Persona
from ..model.project import Asset, Project
from ..resources import ResourceError, list_persona_templates, persona_template
from ..style import OKABE_ITO
from .journey_templates import build_journey
from .payload import Payload
from .text import QtMeasure

Step = Callable[[Project], ops.Op]

NOTE_SIZE = (200.0, 160.0)
TEXT_SIZE = (360.0, 48.0)
EMPATHY_SIZE = (900.0, 700.0)
EXTENDED_EMPATHY_SIZE = (900.0, 820.0)
IMAGE_BOX = 480.0
"""An image lands at most this large on the board; the user can resize it."""
DEFAULT_PERSONA_TEMPLATE = "b2c"


@dataclass
class Creation:
    """The undo-step name, the op factories, and the id of the element they place."""

    name: str
    steps: list[Step]
    element_id: str


def next_persona_color(project: Project) -> str:
    """The first Okabe–Ito colour no persona uses yet (cycling once all are taken)."""
    used = {p.color.upper() for p in project.personas}
    return next((c for c in OKABE_ITO if c.upper() not in used), OKABE_ITO[len(project.personas) % 8])


def unique_persona_name(project: Project, base: str = "New persona") -> str:
    names = {p.name for p in project.personas}
    if base not in names:
        return base
    return next(f"{base} {n}" for n in range(2, len(names) + 3) if f"{base} {n}" not in names)


def new_persona(project: Project, template_name: str = DEFAULT_PERSONA_TEMPLATE) -> Persona:
    """An empty persona from a bundled persona template, with a free colour and a fresh name."""
    try:
        template = persona_template(template_name)
    except ResourceError:
        templates = list_persona_templates()
        if not templates:
            return Persona(name=unique_persona_name(project), color=next_persona_color(project))
        template = templates[0]
    return template.new_persona(name=unique_persona_name(project), color=next_persona_color(project))


def _at(center: tuple[float, float], size: tuple[float, float]) -> dict[str, float]:
    w, h = size
    return {"x": round(center[0] - w / 2), "y": round(center[1] - h / 2), "w": w, "h": h}


def image_size(asset: Asset) -> tuple[float, float]:
    scale = min(1.0, IMAGE_BOX / max(asset.width, asset.height))
    return (max(40.0, round(asset.width * scale)), max(40.0, round(asset.height * scale)))


def _placing(board_id: str, element: object) -> Step:
    return lambda project: ops.place_element(project, board_id, element)


def creation_for(
    project: Project,
    board_id: str,
    payload: Payload,
    center: tuple[float, float],
    asset: Asset | None = None,
) -> Creation:
    """How to create `payload` centred on `center` (an image needs its imported `asset`)."""
    kind, element_id = payload.kind, new_id()
    if kind == "persona":
        card = PersonaCard(id=element_id, persona_id=payload.persona_id, **_at(center, CARD_SIZE))
        persona = project.persona(payload.persona_id)
        label = f"Place card of {persona.name}" if persona else "Place persona card"
        return Creation(label, [_placing(board_id, card)], element_id)
    if kind == "persona_card":
        persona = new_persona(project, payload.persona_template or DEFAULT_PERSONA_TEMPLATE)
        card = PersonaCard(id=element_id, persona_id=persona.id, **_at(center, CARD_SIZE))
        steps: list[Step] = [lambda p: ops.add_persona(p, persona), _placing(board_id, card)]
        return Creation("Add persona card", steps, element_id)
    if kind == "journey":
        from ..model.layout.journey import layout_journey  # with the first journey (start-up)

        journey = build_journey(payload.template or "default")
        w, h = layout_journey(journey, project.settings.emotion_scale, QtMeasure()).size
        element = JourneyMapElement(id=element_id, map_id=journey.id, **_at(center, (w, h)))
        steps = [lambda p: ops.add_journey(p, journey), _placing(board_id, element)]
        return Creation(f"Add {journey.title.lower()}", steps, element_id)
    if kind == "empathy":
        emap = EmpathyMap(title="Empathy map", extended=payload.extended)
        size = EXTENDED_EMPATHY_SIZE if payload.extended else EMPATHY_SIZE
        element = EmpathyMapElement(id=element_id, map_id=emap.id, **_at(center, size))
        steps = [lambda p: ops.add_empathy_map(p, emap), _placing(board_id, element)]
        return Creation("Add empathy map", steps, element_id)
    if kind == "note":
        note = NoteElement(id=element_id, color=NoteColor(payload.color), **_at(center, NOTE_SIZE))
        return Creation("Add sticky note", [_placing(board_id, note)], element_id)
    if kind == "text":
        text = TextElement(id=element_id, text="Text", **_at(center, TEXT_SIZE))
        return Creation("Add text", [_placing(board_id, text)], element_id)
    if kind == "image":
        if asset is None:
            raise ops.OpError("choose an image file to place")
        image = ImageElement(id=element_id, asset_id=asset.id, caption="", **_at(center, image_size(asset)))
        steps = [lambda p: ops.add_asset(p, asset), _placing(board_id, image)]
        return Creation("Add image", steps, element_id)
    raise ops.OpError(f"the library has nothing called {kind!r}")


def photo_steps(project: Project, persona_id: str, asset: Asset) -> list[Step]:
    """Embed `asset` and make it the persona's photo; the old photo goes if nothing else uses it."""
    persona = project.persona(persona_id)
    old = persona.photo_asset_id if persona else None
    steps: list[Step] = [
        lambda p: ops.add_asset(p, asset),
        lambda p: ops.set_persona_field(p, persona_id, "photo_asset_id", asset.id),
    ]
    if old is not None and not [u for u in ops.asset_usage(project, old) if u != persona_id]:
        steps.append(lambda p: ops.remove_asset(p, old))
    return steps
