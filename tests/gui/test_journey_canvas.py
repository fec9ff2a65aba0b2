"""Journey maps on the canvas, used as a person would: drag notes between cells, drag a curve
marker, add a note by double-click and type it, reorder stages by their headers, use the
header menus; then undo, save and reopen."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from personamap.canvas.items import journey_menus
from personamap.canvas.items.journey_map import JourneyMapItem, JourneyNoteItem
from personamap.canvas.items.journey_menus import find_action
from personamap.canvas.scene import BoardScene
from personamap.document import Document
from personamap.io import load
from personamap.model import LaneKind, Project
from personamap.model.board import Board, JourneyMapElement
from personamap.model.journey import JourneyMap, JourneyNote, Lane, Stage

from .conftest import click, double_click, drag

CTRL = Qt.KeyboardModifier.ControlModifier


def open_journey(window, zoom: float = 0.6) -> tuple:
    window.tabs.setCurrentIndex(1)
    view = window.tabs.current_view()
    scene = view.board_scene
    item = next(i for i in scene.items_by_id.values() if isinstance(i, JourneyMapItem))
    view.set_zoom(zoom)
    return view, item


def show(view, item, x: float, y: float) -> QPoint:
    """The view point of a point in the map's own coordinates, scrolled into view."""
    scene_pos = item.mapToScene(QPointF(x, y))
    view.centerOn(scene_pos)
    QApplication.processEvents()
    return view.mapFromScene(scene_pos)


def lane(journey: JourneyMap, kind: LaneKind) -> Lane:
    return next(la for la in journey.lanes if la.kind == kind)


def single_stages(journey: JourneyMap) -> list[Stage]:
    return [s for s in journey.stages if len(s.steps) == 1]


def note_center(item: JourneyMapItem, note_id: str) -> QPointF:
    r = item.layout.note_rects[note_id]
    return QPointF(r.cx, r.cy)


def cell_foot(item: JourneyMapItem, lane_id: str, step_id: str) -> QPointF:
    """A point in a cell below its notes: a drop there goes last."""
    r = item.layout.cell_rects[(lane_id, step_id)]
    return QPointF(r.cx, r.bottom - 4)


def shown_cell(journey: JourneyMap, note: JourneyNote) -> list[str]:
    return [n.id for n in journey.notes_shown_in(*journey.note_cells()[note.id])]


def test_drag_a_note_to_another_cell_undo_redo_save_reopen(window, sample_file: Path) -> None:
    view, item = open_journey(window)
    project = window.document.project
    journey = project.journey(item.journey_id)
    actions, touch = lane(journey, LaneKind.ACTIONS), lane(journey, LaneKind.TOUCHPOINTS)
    stage_a, stage_b = single_stages(journey)[:2]
    note = next(n for n in journey.notes if n.lane_id == actions.id and n.stage_id == stage_a.id)
    target_step = stage_b.steps[0].id
    before = len(journey.notes_shown_in(touch.id, stage_b.id, target_step))
    start = show(view, item, *note_center(item, note.id).toTuple())
    end = view.mapFromScene(item.mapToScene(cell_foot(item, touch.id, target_step)))
    drag(view, start, end)
    moved = next(n for n in journey.notes if n.id == note.id)
    assert (moved.lane_id, moved.stage_id, moved.step_id) == (touch.id, stage_b.id, target_step)
    assert shown_cell(journey, moved).index(note.id) == before
    assert window.document.undo_stack.undoText() == "Move note"
    # the item follows the model: the note sits in its new cell
    assert item.layout.cell_rects[(touch.id, target_step)].contains(*note_center(item, note.id).toTuple())
    window.document.undo_stack.undo()
    back = next(n for n in journey.notes if n.id == note.id)
    assert (back.lane_id, back.stage_id) == (actions.id, stage_a.id)
    window.document.undo_stack.redo()
    assert window.files.save()
    again = next(n for n in load(sample_file).journey(journey.id).notes if n.id == note.id)
    assert (again.lane_id, again.stage_id, again.step_id) == (touch.id, stage_b.id, target_step)


def test_drop_outside_any_cell_snaps_back(window) -> None:
    view, item = open_journey(window)
    journey = window.document.project.journey(item.journey_id)
    note = journey.notes[0]
    note_item = item.note_items[note.id]
    was = note_item.pos()
    start = show(view, item, *note_center(item, note.id).toTuple())
    drag(view, start, view.mapFromScene(item.mapToScene(QPointF(20, 20))))
    assert note_item.pos() == was
    assert not window.document.undo_stack.canUndo()


def test_drag_two_selected_notes_together(window) -> None:
    view, item = open_journey(window)
    journey = window.document.project.journey(item.journey_id)
    actions, pains = lane(journey, LaneKind.ACTIONS), lane(journey, LaneKind.PAIN_POINTS)
    stage_a, stage_b = single_stages(journey)[:2]
    first = next(n for n in journey.notes if n.lane_id == actions.id and n.stage_id == stage_a.id)
    second = next(n for n in journey.notes if n.lane_id == actions.id and n.stage_id == stage_b.id)
    view.set_zoom(0.45)
    p1 = show(view, item, *note_center(item, first.id).toTuple())
    p2 = view.mapFromScene(item.mapToScene(note_center(item, second.id)))
    click(view, p1, CTRL)
    click(view, p2, CTRL)
    assert item.note_items[first.id].isSelected() and item.note_items[second.id].isSelected()
    target = stage_b.steps[0].id
    drag(view, p2, view.mapFromScene(item.mapToScene(cell_foot(item, pains.id, target))))
    for ident in (first.id, second.id):
        n = next(x for x in journey.notes if x.id == ident)
        assert (n.lane_id, n.stage_id, n.step_id) == (pains.id, stage_b.id, target)
    assert window.document.undo_stack.undoText() == "Move 2 notes"
    window.document.undo_stack.undo()
    assert next(x for x in journey.notes if x.id == first.id).lane_id == actions.id


def test_drag_a_marker_up_snaps_the_score_and_undo_restores(window) -> None:
    view, item = open_journey(window, 1.0)
    journey = window.document.project.journey(item.journey_id)
    emotion = item.layout.emotion
    persona_id = journey.persona_ids[0]
    point = next(
        p for p in emotion.series[persona_id] if p is not None and journey.score(persona_id, p.step_id) < 2
    )
    old = journey.score(persona_id, point.step_id)
    unit = emotion.y_of(0) - emotion.y_of(1)
    start = show(view, item, point.x, point.y)
    end = view.mapFromScene(item.mapToScene(QPointF(point.x, point.y - unit * 1.3)))
    drag(view, start, end)
    assert journey.score(persona_id, point.step_id) == old + 1
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert journey.score(persona_id, point.step_id) == old


def _empty_cell(item: JourneyMapItem, journey: JourneyMap) -> tuple[str, str, str]:
    kinds = {la.id: la.kind for la in journey.lanes}
    for (lane_id, step_id), _r in item.layout.cell_rects.items():
        stage_id = item.layout.step_stage[step_id]
        if kinds[lane_id] != LaneKind.EMOTIONS and not journey.notes_shown_in(lane_id, stage_id, step_id):
            return lane_id, stage_id, step_id
    raise AssertionError("no empty cell")


def test_double_click_an_empty_cell_adds_a_note_typed_in_place(window, qtbot) -> None:
    view, item = open_journey(window, 1.0)
    journey = window.document.project.journey(item.journey_id)
    lane_id, stage_id, step_id = _empty_cell(item, journey)
    r = item.layout.cell_rects[(lane_id, step_id)]
    count = len(journey.notes)
    double_click(view, show(view, item, r.cx, r.cy))
    assert item.editor is not None
    qtbot.keyClicks(view, "Call the bank")
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    assert item.editor is None
    assert len(journey.notes) == count + 1
    added = journey.notes[-1]
    assert (added.text, added.lane_id, added.stage_id, added.step_id) == (
        "Call the bank",
        lane_id,
        stage_id,
        step_id,
    )
    assert window.document.undo_stack.undoText() == "Add note"
    assert item.note_items[added.id].look.text == "Call the bank"
    # Esc keeps the new note (one more undo step; tests/gui/test_note_escape.py)
    lane_id, stage_id, step_id = _empty_cell(item, journey)
    r = item.layout.cell_rects[(lane_id, step_id)]
    double_click(view, show(view, item, r.cx, r.cy))
    qtbot.keyClicks(view, "kept")
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert len(journey.notes) == count + 2 and window.document.undo_stack.count() == 2
    QApplication.processEvents()
    assert len(item.note_items) == len(journey.notes)


def test_double_click_a_note_edits_it_and_clicking_away_commits(window, qtbot) -> None:
    view, item = open_journey(window, 1.0)
    journey = window.document.project.journey(item.journey_id)
    note = journey.notes[0]
    double_click(view, show(view, item, *note_center(item, note.id).toTuple()))
    assert item.editor is not None and item.editor.toPlainText() == note.text
    qtbot.keyClicks(view, " <b>now</b>")
    click(view, view.mapFromScene(item.mapToScene(QPointF(10, 10))))
    assert note.text.endswith(" <b>now</b>")
    assert window.document.undo_stack.undoText() == "Edit note"


def test_drag_a_stage_header_to_reorder(window) -> None:
    view, item = open_journey(window, 0.5)
    journey = window.document.project.journey(item.journey_id)
    order = [s.id for s in journey.stages]
    first, second = item.layout.stage_rects[order[1]], item.layout.stage_rects[order[2]]
    start = show(view, item, first.cx, first.y + 12)
    end = view.mapFromScene(item.mapToScene(QPointF(second.right - 10, first.y + 12)))
    drag(view, start, end)
    assert [s.id for s in journey.stages] == [order[0], order[2], order[1], *order[3:]]
    assert window.document.undo_stack.undoText().startswith("Move stage")
    window.document.undo_stack.undo()
    assert [s.id for s in journey.stages] == order


def test_drag_a_lane_header_to_reorder(window) -> None:
    view, item = open_journey(window, 0.5)
    journey = window.document.project.journey(item.journey_id)
    order = [la.id for la in journey.lanes]
    r0, r1 = item.layout.lane_rects[order[0]], item.layout.lane_rects[order[1]]
    start = show(view, item, r0.cx, r0.cy)
    drag(view, start, view.mapFromScene(item.mapToScene(QPointF(r1.cx, r1.bottom - 4))))
    assert [la.id for la in journey.lanes] == [order[1], order[0], *order[2:]]


def test_header_and_body_menus(window, monkeypatch: pytest.MonkeyPatch) -> None:
    _view, item = open_journey(window)
    journey = window.document.project.journey(item.journey_id)
    stack = window.document.undo_stack
    stage, lanes = journey.stages[1], len(journey.lanes)
    trigger(item.header_menu("stage", stage.id), "Add stage after")
    assert journey.stages[2].name == "New stage"
    trigger(item.header_menu("stage", stage.id), "Move right")
    assert journey.stages[2].id == stage.id
    monkeypatch.setattr(journey_menus, "ask_text", lambda *a: "Renamed")
    trigger(item.header_menu("stage", stage.id), "Rename stage…")
    assert stage.name == "Renamed"
    trigger(item.header_menu("stage", stage.id), "Add step")
    assert [s.name for s in stage.steps] == ["Step 1", "Step 2"] and stack.undoText() == "Add step"
    assert ("step", stage.steps[1].id) in item.headers
    trigger(item.header_menu("step", stage.steps[1].id), "Delete step")
    assert len(stage.steps) == 1
    lane_id = journey.lanes[0].id
    trigger(item.header_menu("lane", lane_id), "Add lane below/Pain points")
    assert (journey.lanes[1].name, journey.lanes[1].kind) == ("Pain points", LaneKind.PAIN_POINTS)
    trigger(item.header_menu("lane", journey.lanes[1].id), "Change type/KPIs")
    assert journey.lanes[1].kind == LaneKind.KPIS
    trigger(item.header_menu("lane", journey.lanes[1].id), "Move up")
    assert journey.lanes[0].kind == LaneKind.KPIS
    menu = item.header_menu("lane", lane_id)
    kinds = [a.text() for a in find_action(menu, "Add lane above").menu().actions()]
    assert len(kinds) == len(LaneKind) and "Support processes" in kinds
    trigger(item.header_menu("stage", stage.id), f"Delete stage “{stage.name}”")
    assert stage.id not in {s.id for s in journey.stages}
    # the emotion lane's body menu clears a score
    persona_id = journey.persona_ids[0]
    point = next(p for p in item.layout.emotion.series[persona_id] if p is not None)
    trigger(item.menu_at(QPointF(point.x, point.y)), "Clear score")
    assert journey.score(persona_id, point.step_id) is None
    assert stack.count() == 10
    while stack.canUndo():
        stack.undo()
    assert journey.score(persona_id, point.step_id) is not None
    assert [s.name for s in journey.stages][1] != "Renamed" and len(journey.lanes) == lanes


def trigger(menu, text: str) -> None:
    """Trigger a menu's action while the menu is alive (it owns its actions)."""
    find_action(menu, text).trigger()


def big_project() -> tuple[Project, Board]:
    kinds = list(LaneKind)
    lanes = [Lane(name=f"Lane {k}", kind=kinds[k % len(kinds)]) for k in range(12)]
    stages = [Stage(name=f"Stage number {k} with a long name") for k in range(12)]
    notes = [
        JourneyNote(lane_id=la.id, stage_id=st.id, text=f"Note {i} in {la.name} at {st.name} " * (1 + i % 3))
        for i, (la, st) in enumerate((la, st) for la in lanes for st in stages)
        for _ in range(1 + i % 4)
    ]
    journey = JourneyMap(title="Twelve by twelve", stages=stages, lanes=lanes, notes=notes)
    board = Board(name="Big", elements=[JourneyMapElement(map_id=journey.id, x=0, y=0, w=400, h=300)])
    return Project(journeys=[journey], boards=[board]), board


def test_a_12_by_12_journey_renders_without_overlaps(qtbot) -> None:
    project, board = big_project()
    scene = BoardScene(Document(project), board.id)
    item = next(iter(scene.items_by_id.values()))
    assert isinstance(item, JourneyMapItem)
    rects = list(item.layout.note_rects.values())
    assert len(rects) == len(project.journeys[0].notes)
    for a, b in combinations(rects, 2):
        assert not a.intersects(b)
    assert item.size() == item.layout.size and item.geometry()[2:] == (400, 300)
    assert sum(isinstance(i, JourneyNoteItem) for i in scene.items()) == len(rects)
    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    scene.render(painter, source=item.sceneBoundingRect())
    painter.end()
    colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 600, 7)}
    assert len(colours) > 20


def test_double_click_in_the_emotion_lane_scores_a_gap(window) -> None:
    view, item = open_journey(window, 1.0)
    journey = window.document.project.journey(item.journey_id)
    emotion = item.layout.emotion
    persona_id = next(p for p in journey.persona_ids if None in emotion.series[p])
    gap = next(k for k, p in enumerate(emotion.series[persona_id]) if p is None)
    step_id = list(item.layout.column_rects)[gap]
    x = item.layout.column_rects[step_id].cx
    item.active_series = persona_id
    double_click(view, show(view, item, x, emotion.y_of(1)))
    assert journey.score(persona_id, step_id) == 1
    assert window.document.undo_stack.undoText() == "Set emotion score"


def test_a_rubber_band_selects_the_map_not_its_parts(window) -> None:
    view, item = open_journey(window, 0.2)
    view.centerOn(item.sceneBoundingRect().center())
    QApplication.processEvents()
    top_left = view.mapFromScene(item.sceneBoundingRect().topLeft()) - QPoint(20, 20)
    drag(view, top_left, view.mapFromScene(item.sceneBoundingRect().center()))
    assert item.isSelected()
    assert not any(n.isSelected() for n in item.note_items.values())
    assert not any(h.isSelected() for h in item.headers.values())
