"""Canvas gestures as a person makes them, cancelled with Esc half-way: the button is held,
the pointer has moved, Esc is pressed, the button is released where the drop would land.
Nothing may change in the model, and what the drag showed goes back."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from personamap.model import LaneKind

from .conftest import drag, move_held, press, release
from .test_journey_canvas import cell_foot, lane, note_center, open_journey, show, single_stages

ESC = Qt.Key.Key_Escape


def _steps(start: QPoint, end: QPoint, n: int = 6) -> list[QPoint]:
    dx, dy = end.x() - start.x(), end.y() - start.y()
    return [QPoint(round(start.x() + dx * k / n), round(start.y() + dy * k / n)) for k in range(1, n + 1)]


def _drag_then_escape(view, qtbot, start: QPoint, end: QPoint, during=None) -> None:
    """Press at start, move to end with the button held, (check `during`), Esc, then move a
    little more and release at end, as a person who changed their mind would."""
    press(view, start)
    for point in _steps(start, end):
        move_held(view, point)
    if during is not None:
        during()
    qtbot.keyClick(view, ESC)
    move_held(view, end + QPoint(3, 3))
    release(view, end)
    QApplication.processEvents()


def test_esc_puts_dragged_notes_back_and_changes_nothing(window, qtbot) -> None:
    view, item = open_journey(window)
    journey = window.document.project.journey(item.journey_id)
    actions, touch = lane(journey, LaneKind.ACTIONS), lane(journey, LaneKind.TOUCHPOINTS)
    stage_a, stage_b = single_stages(journey)[:2]
    note = next(n for n in journey.notes if n.lane_id == actions.id and n.stage_id == stage_a.id)
    note_item = item.note_items[note.id]
    before_pos, before_z = QPointF(note_item.pos()), note_item.zValue()
    before = journey.model_dump()
    start = show(view, item, *note_center(item, note.id).toTuple())
    end = view.mapFromScene(item.mapToScene(cell_foot(item, touch.id, stage_b.steps[0].id)))

    def moved() -> None:
        assert note_item.pos() != before_pos  # the note follows the pointer

    _drag_then_escape(view, qtbot, start, end, moved)
    assert journey.model_dump() == before and window.document.undo_stack.count() == 0
    assert note_item.pos() == before_pos and note_item.zValue() == before_z
    assert view.board_scene.interaction is None
    drag(view, start, end)  # the next drag works as ever
    assert next(n for n in journey.notes if n.id == note.id).lane_id == touch.id


def test_esc_puts_a_dragged_marker_back(window, qtbot) -> None:
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

    def previewing() -> None:
        assert item.preview == (persona_id, point.step_id, old + 1)

    _drag_then_escape(view, qtbot, start, end, previewing)
    assert item.preview is None
    assert journey.score(persona_id, point.step_id) == old and window.document.undo_stack.count() == 0
    drag(view, start, end)
    assert journey.score(persona_id, point.step_id) == old + 1


def test_esc_leaves_the_stage_order_as_it_was(window, qtbot) -> None:
    view, item = open_journey(window, 0.5)
    journey = window.document.project.journey(item.journey_id)
    order = [s.id for s in journey.stages]
    first, second = item.layout.stage_rects[order[1]], item.layout.stage_rects[order[2]]
    start = show(view, item, first.cx, first.y + 12)
    end = view.mapFromScene(item.mapToScene(QPointF(second.right - 10, first.y + 12)))
    header = item.headers[("stage", order[1])]

    def showing() -> None:
        assert header.dragging and item.indicator is not None

    _drag_then_escape(view, qtbot, start, end, showing)
    assert not header.dragging and item.indicator is None
    assert [s.id for s in journey.stages] == order and window.document.undo_stack.count() == 0
    drag(view, start, end)
    assert [s.id for s in journey.stages] == [order[0], order[2], order[1], *order[3:]]


def test_esc_leaves_the_lane_order_as_it_was(window, qtbot) -> None:
    view, item = open_journey(window, 0.5)
    journey = window.document.project.journey(item.journey_id)
    order = [la.id for la in journey.lanes]
    r0, r1 = item.layout.lane_rects[order[0]], item.layout.lane_rects[order[1]]
    start = show(view, item, r0.cx, r0.cy)
    end = view.mapFromScene(item.mapToScene(QPointF(r1.cx, r1.bottom - 4)))
    _drag_then_escape(view, qtbot, start, end)
    assert [la.id for la in journey.lanes] == order and window.document.undo_stack.count() == 0


def test_double_click_a_stage_header_renames_it(window, monkeypatch) -> None:
    from personamap.canvas.items import journey_menus

    from .conftest import double_click

    view, item = open_journey(window, 0.5)
    journey = window.document.project.journey(item.journey_id)
    stage = journey.stages[1]
    r = item.layout.stage_rects[stage.id]
    old, asked = stage.name, []

    def ask(_parent, _title, _label, current: str) -> str:
        asked.append(current)
        return "Renamed"

    monkeypatch.setattr(journey_menus, "ask_text", ask)
    double_click(view, show(view, item, r.cx, r.y + 12))
    assert asked == [old] and stage.name == "Renamed"
    assert window.document.undo_stack.undoText() == "Rename stage"
