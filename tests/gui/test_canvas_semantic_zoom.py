"""Semantic zoom: zoomed out, titles and stage/lane names are drawn at a readable screen size by
the view's label layer, the items leave those names (and note bodies) out. Checked by recording
the text the items paint and what the label layer placed in a real frame."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF

from personamap.canvas.items import empathy, journey_paint, notes, persona_card, simple
from personamap.model.board import JourneyMapElement, PersonaCard, TextElement
from personamap.style import PROJECTOR, PROJECTOR_MIN_TEXT_PX, TYPE

from .workshop_util import present, show_board

MODULES = (notes, journey_paint, empathy, persona_card, simple)


@pytest.fixture
def painted(monkeypatch):
    """Every text the canvas items draw, as (text, size on screen in px)."""
    seen: list[tuple[str, float]] = []
    for module in MODULES:
        original = module.draw_text

        def record(painter, rect, text, qfont, *args, _original=original, **kwargs):
            if text:
                seen.append((text, qfont.pixelSize() * painter.worldTransform().m11()))
            return _original(painter, rect, text, qfont, *args, **kwargs)

        monkeypatch.setattr(module, "draw_text", record)
    return seen


def frame(view, seen: list) -> dict[str, float]:
    """Paint one frame; the label layer's texts (elided) and their pixel sizes."""
    seen.clear()
    view.viewport().grab()
    return {p.text: p.px for p in view.labels.placed}


def shown(name: str, placed: dict[str, float]) -> bool:
    """`name` is among the labels, whole or elided (at least three characters of it)."""
    return any(name == t or (t.endswith("…") and name.startswith(t[:-1].rstrip())) for t in placed)


def settled(window, qtbot, board: str):
    """The board's view once the window has laid it out (its size stops changing)."""
    view = show_board(window, board)
    sizes = [None]

    def still() -> bool:
        sizes.append(view.viewport().size())
        return sizes[-1] == sizes[-2]

    qtbot.waitUntil(still, timeout=2000)
    return view


def test_journeys_at_fit_zoom_name_every_journey_stage_and_lane(window, qtbot, painted) -> None:
    view = settled(window, qtbot, "Journeys")
    window.actions["view.zoom_fit"].trigger()
    assert view.zoom() * TYPE.body < TYPE.caption, "the sample's fit zoom is a zoomed-out one"
    placed = frame(view, painted)
    journeys = window.document.project.journeys
    elements = view.board_scene.board.elements
    headings = [e.text for e in elements if isinstance(e, TextElement) and e.size >= TYPE.section]
    assert headings and all(shown(h, placed) for h in headings), "the board's own heading"
    for journey in journeys:
        assert shown(journey.title, placed), (journey.title, view.zoom(), placed)
        for stage in journey.stages:
            assert shown(stage.name, placed), stage.name
        for lane in journey.lanes:
            assert shown(lane.name, placed), lane.name
    assert min(placed.values()) >= TYPE.caption
    visible = QRectF(view.viewport().rect())
    assert all(visible.contains(p.rect) for p in view.labels.placed)
    note_texts = {n.text for j in journeys for n in j.notes}
    assert not [t for t, _ in painted if t in note_texts], "note bodies are left out"
    assert not [(t, px) for t, px in painted if px < TYPE.caption], "no item draws unreadable text"


def test_far_out_names_run_on_where_a_stage_is_too_narrow_and_never_overlap(window, qtbot, painted) -> None:
    view = settled(window, qtbot, "Journeys")
    window.actions["view.zoom_fit"].trigger()
    view.set_zoom(0.15)
    view.centerOn(view.board_scene.itemsBoundingRect().center())
    placed = frame(view, painted)
    stages = [s.name for j in window.document.project.journeys for s in j.stages]
    named = [name for name in stages if shown(name, placed)]
    assert len(named) >= len(stages) / 2
    assert any(name in placed for name in stages), "a name runs on whole past its narrow column"
    boxes = [p.rect.adjusted(-1, 2, 1, -2) for p in view.labels.placed]
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.intersects(b)]
    assert all(len(t.rstrip("…")) >= 3 for t in placed)


def test_between_zooms_notes_show_and_the_names_are_the_layers(window, qtbot, painted) -> None:
    view = settled(window, qtbot, "Journeys")
    view.set_zoom(0.6)
    journey = window.document.project.journeys[0]
    item = view.board_scene.items_by_id[_journey_element(window, journey.id)]
    view.centerOn(item.sceneBoundingRect().topLeft() + QPointF(300, 250))
    placed = frame(view, painted)
    texts = {t for t, _ in painted}
    assert texts & {n.text for n in journey.notes}, "note bodies are drawn again"
    for lane in journey.lanes:
        assert lane.name not in texts, "the header leaves its name to the label layer"
    assert any(shown(lane.name, placed) for lane in journey.lanes)
    view.set_zoom(1.0)
    placed = frame(view, painted)
    assert not placed, "at 100 % every name is the item's own"
    assert {lane.name for lane in journey.lanes} & {t for t, _ in painted}


def test_empathy_and_persona_boards_keep_their_names(window, qtbot, painted) -> None:
    project = window.document.project
    view = settled(window, qtbot, "Empathy")
    window.actions["view.zoom_fit"].trigger()
    view.set_zoom(min(view.zoom(), 0.3))
    placed = frame(view, painted)
    for emap in project.empathy_maps:
        assert shown(emap.title, placed), emap.title
    assert {"Says", "Thinks", "Does", "Feels"} <= set(placed)
    assert not [t for t, px in painted if px < TYPE.caption]
    view = settled(window, qtbot, "Personas")
    window.actions["view.zoom_fit"].trigger()
    view.set_zoom(min(view.zoom(), 0.3))
    placed = frame(view, painted)
    on_board = [project.persona(e.persona_id) for e in _cards(window)]
    assert on_board and all(shown(p.name, placed) for p in on_board)


def test_presented_overview_labels_meet_the_projector_floor(window, qtbot) -> None:
    workshop, win = present(window, qtbot, board="Journeys", size=(1024, 768))
    assert workshop.presenter.overview and win.view.board_scene.theme is PROJECTOR
    win.view.viewport().grab()
    placed = {p.text: p.px for p in win.view.labels.placed}
    for journey in window.document.project.journeys:
        assert shown(journey.title, placed), journey.title
    assert min(placed.values()) >= PROJECTOR_MIN_TEXT_PX
    assert len(placed) > 2 * len(window.document.project.journeys), "stage and lane names too"


def _journey_element(window, journey_id: str) -> str:
    board = next(b for b in window.document.project.boards if b.name == "Journeys")
    return next(e.id for e in board.elements if isinstance(e, JourneyMapElement) and e.map_id == journey_id)


def _cards(window) -> list:
    board = next(b for b in window.document.project.boards if b.name == "Personas")
    return [e for e in board.elements if isinstance(e, PersonaCard)]
