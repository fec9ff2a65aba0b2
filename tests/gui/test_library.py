"""The Library dock as a user meets it: drag personas and palette tiles onto boards, attach a
persona to a map by dropping it there, and create, duplicate, delete and search personas."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from personamap.canvas.payload import MIME_TYPE
from personamap.io import load
from personamap.model import NoteColor
from personamap.style import OKABE_ITO

LEFT = Qt.MouseButton.LeftButton


def library(window):
    return window.features["library"]


def show_board(window, name: str):
    board = next(b for b in window.document.project.boards if b.name == name)
    window.tabs.show_board(board.id)
    QApplication.processEvents()
    return window.tabs.current_view()


def persona_named(window, name: str):
    return next(p for p in window.document.project.personas if p.name == name)


def row_mime(window, persona_id: str):
    """The real drag payload: what the list's model hands to QDrag for that row."""
    panel = library(window).personas
    index = panel.index_of(persona_id)
    assert index.isValid()
    return panel.view.model().mimeData([index])


def visible_names(panel) -> list[str]:
    model = panel.view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def click_row(panel, persona_id: str) -> None:
    rect = panel.view.visualRect(panel.index_of(persona_id))
    QTest.mouseClick(panel.view.viewport(), LEFT, pos=rect.center())


def elements(view):
    return list(view.board_scene.board.elements)


def test_the_dock_sits_on_the_left_and_lists_the_personas(window) -> None:
    dock = library(window)
    assert dock.objectName() == "library"
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert visible_names(dock.personas) == [p.name for p in window.document.project.personas]


def test_drag_a_persona_onto_the_canvas_places_its_card(window, sample_file: Path) -> None:
    from .dnd import drop_on, empty_spot

    view = show_board(window, "Personas")
    dana = persona_named(window, "Dana Whitfield")
    mime = row_mime(window, dana.id)
    assert mime.hasFormat(MIME_TYPE)
    pos = empty_spot(view)
    at = view.mapToScene(pos)
    before = {e.id for e in elements(view)}
    assert drop_on(view, mime, pos)
    new = [e for e in elements(view) if e.id not in before]
    assert len(new) == 1 and new[0].type == "persona_card" and new[0].persona_id == dana.id
    card = new[0]
    assert abs(card.x + card.w / 2 - at.x()) <= 1 and abs(card.y + card.h / 2 - at.y()) <= 1
    assert view.board_scene.items_by_id[card.id].isSelected()
    window.document.undo_stack.undo()
    assert card.id not in {e.id for e in elements(view)}
    window.document.undo_stack.redo()
    assert window.files.save()
    reopened = load(sample_file)
    saved = next(e for b in reopened.boards for e in b.elements if e.id == card.id)
    assert saved.persona_id == dana.id and (saved.x, saved.y) == (card.x, card.y)


def test_drop_a_persona_onto_a_journey_and_an_empathy_map_attaches_it(window, sample_file: Path) -> None:
    from .conftest import item_center
    from .dnd import drop_on

    project = window.document.project
    dana = persona_named(window, "Dana Whitfield")
    view = show_board(window, "Journeys")
    view.zoom_to_fit()
    element = next(e for e in elements(view) if e.type == "journey_map")
    journey = project.journey(element.map_id)
    assert dana.id not in journey.persona_ids
    count = len(elements(view))
    assert drop_on(
        view, row_mime(window, dana.id), item_center(view, view.board_scene.items_by_id[element.id])
    )
    assert journey.persona_ids[-1] == dana.id
    assert len(elements(view)) == count  # attached, not placed
    assert "Dana Whitfield" in window.statusBar().currentMessage()
    window.document.undo_stack.undo()
    assert dana.id not in project.journey(element.map_id).persona_ids
    window.document.undo_stack.redo()

    view = show_board(window, "Empathy")
    view.zoom_to_fit()
    emap_el = next(e for e in elements(view) if e.type == "empathy_map")
    assert drop_on(
        view, row_mime(window, dana.id), item_center(view, view.board_scene.items_by_id[emap_el.id])
    )
    assert project.empathy_map(emap_el.map_id).persona_id == dana.id
    assert window.files.save()
    reopened = load(sample_file)
    assert dana.id in reopened.journey(element.map_id).persona_ids
    assert reopened.empathy_map(emap_el.map_id).persona_id == dana.id


def test_sticky_note_by_drag_and_by_return(window, qtbot, sample_file: Path) -> None:
    from .dnd import drop_on, empty_spot

    notes = library(window).notes
    view = show_board(window, "Personas")
    pos = empty_spot(view)
    at = view.mapToScene(pos)
    before = {e.id for e in elements(view)}
    pink = notes.item_for("note:pink")
    assert drop_on(view, notes.mimeData([pink]), pos)
    (note,) = [e for e in elements(view) if e.id not in before]
    assert note.type == "note" and note.color == NoteColor.PINK
    assert abs(note.x + note.w / 2 - at.x()) <= 1
    assert window.document.undo_stack.undoText() == "Add sticky note"

    # keyboard: select the green tile with a click, then Return places it in the middle
    view.centerOn(6000, 6000)
    QApplication.processEvents()
    center = view.mapToScene(view.viewport().rect().center())
    green = notes.item_for("note:green")
    qtbot.mouseClick(notes.viewport(), LEFT, pos=notes.visualItemRect(green).center())
    assert notes.currentItem() is green
    before = {e.id for e in elements(view)}
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    (placed,) = [e for e in elements(view) if e.id not in before]
    assert placed.color == NoteColor.GREEN
    assert abs(placed.x + placed.w / 2 - center.x()) <= 1 and abs(placed.y + placed.h / 2 - center.y()) <= 1
    window.document.undo_stack.undo()
    assert placed.id not in {e.id for e in elements(view)}
    window.document.undo_stack.redo()
    assert window.files.save()
    kinds = [e.color for b in load(sample_file).boards for e in b.elements if e.id in (note.id, placed.id)]
    assert sorted(kinds) == sorted([NoteColor.PINK, NoteColor.GREEN])


def test_palette_journey_templates_and_maps_are_one_undo_step_each(window) -> None:
    from .dnd import drop_on, empty_spot

    dock = library(window)
    project = window.document.project
    view = show_board(window, "Journeys")
    pos = empty_spot(view)
    journeys, maps = len(project.journeys), len(project.empathy_maps)
    tile = dock.elements.item_for("journey:blueprint")
    assert drop_on(view, dock.elements.mimeData([tile]), pos)
    blueprint = project.journeys[-1]
    kinds = [lane.kind.value for lane in blueprint.lanes]
    assert {"frontstage", "backstage", "support_processes"} <= set(kinds)
    element = elements(view)[-1]
    assert element.type == "journey_map" and element.map_id == blueprint.id
    assert drop_on(view, dock.elements.mimeData([dock.elements.item_for("journey:b2b")]), pos)
    assert "objections" in [lane.kind.value for lane in project.journeys[-1].lanes]
    assert drop_on(view, dock.elements.mimeData([dock.elements.item_for("empathy:extended")]), pos)
    assert project.empathy_maps[-1].extended and elements(view)[-1].type == "empathy_map"
    assert drop_on(view, dock.elements.mimeData([dock.elements.item_for("persona_card")]), pos)
    assert elements(view)[-1].persona_id == project.personas[-1].id
    for _ in range(4):
        window.document.undo_stack.undo()
    assert (len(project.journeys), len(project.empathy_maps)) == (journeys, maps)


def test_create_duplicate_search_and_delete_personas(window, qtbot, sample_file: Path) -> None:
    panel = library(window).personas
    project = window.document.project
    count = len(project.personas)

    # New: the main part of the button, from the default template, with the next free colour
    button = panel.new_button
    qtbot.mouseClick(button, LEFT, pos=QPoint(6, button.height() // 2))
    assert len(project.personas) == count + 1
    fresh = project.personas[-1]
    assert fresh.name == "New persona"
    used = [p.color for p in project.personas[:-1]]
    assert fresh.color == next(c for c in OKABE_ITO if c not in used)
    assert panel.selected_id() == fresh.id
    # New from a template, through the button's menu
    panel.template_menu.popup(button.mapToGlobal(QPoint(0, button.height())))
    next(a for a in panel.template_menu.actions() if a.objectName() == "persona_template_b2b").trigger()
    panel.template_menu.hide()
    b2b = project.personas[-1]
    assert b2b.segment.value == "b2b" and b2b.name == "New persona 2" and b2b.color != fresh.color

    # Duplicate: click a row, click Duplicate
    priya = persona_named(window, "Priya Raman")
    click_row(panel, priya.id)
    qtbot.mouseClick(panel.duplicate_button, LEFT)
    assert project.personas[project.personas.index(priya) + 1].name == "Priya Raman (copy)"

    # Search by tag, role and name
    qtbot.mouseClick(panel.search, LEFT)
    qtbot.keyClicks(panel.search, "mobile")
    assert visible_names(panel) == ["Marcus Feld"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, "finance contr")
    assert visible_names(panel) == ["Priya Raman", "Priya Raman (copy)"]
    panel.search.clear()
    assert len(visible_names(panel)) == len(project.personas)

    # Delete an unused persona: no question asked
    click_row(panel, b2b.id)
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert project.persona(b2b.id) is None

    # Delete a persona in use: the question says where; Cancel keeps it, Delete removes its cards
    tomas = persona_named(window, "Tomás Herrera")
    asked: list[str] = []

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.informativeText())
        next(b for b in box.buttons() if b.text().replace("&", "") == button_text).click()

    click_row(panel, tomas.id)
    QTimer.singleShot(0, lambda: answer("Cancel"))
    qtbot.mouseClick(panel.delete_button, LEFT)
    assert project.persona(tomas.id) is not None
    assert "“Personas”" in asked[0] and "relation" in asked[0]
    # with a note selected on the canvas, Delete in the list still means the persona
    scene = show_board(window, "Personas").board_scene
    note = next(e for e in scene.board.elements if e.type == "note")
    scene.items_by_id[note.id].setSelected(True)
    click_row(panel, tomas.id)
    QTimer.singleShot(0, lambda: answer("Delete"))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert project.persona(tomas.id) is None
    assert any(e.id == note.id for e in scene.board.elements)
    assert not any(
        e.type == "persona_card" and e.persona_id == tomas.id for b in project.boards for e in b.elements
    )
    assert tomas.name not in visible_names(panel)
    window.document.undo_stack.undo()
    assert project.persona(tomas.id) is not None and tomas.name in visible_names(panel)
    window.document.undo_stack.redo()

    assert window.files.save()
    names = [p.name for p in load(sample_file).personas]
    assert "Priya Raman (copy)" in names and "New persona" in names and "Tomás Herrera" not in names


def test_return_on_a_persona_places_its_card_in_the_middle(window, qtbot) -> None:
    from .dnd import empty_spot

    panel = library(window).personas
    view = show_board(window, "Personas")
    center = view.mapToScene(empty_spot(view))
    marcus = persona_named(window, "Marcus Feld")
    click_row(panel, marcus.id)
    before = {e.id for e in elements(view)}
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    (card,) = [e for e in elements(view) if e.id not in before]
    assert card.persona_id == marcus.id
    assert abs(card.x + card.w / 2 - center.x()) <= 1


def test_list_follows_edits_made_elsewhere(window) -> None:
    from personamap.model import ops

    panel = library(window).personas
    priya = persona_named(window, "Priya Raman")
    window.document.apply(ops.set_persona_field(window.document.project, priya.id, "name", "Priya R."))
    assert "Priya R." in visible_names(panel)
    window.document.undo_stack.undo()
    assert "Priya Raman" in visible_names(panel)


def test_a_foreign_payload_is_refused(window) -> None:
    from PySide6.QtCore import QMimeData

    from .dnd import drop_on, empty_spot

    view = show_board(window, "Personas")
    mime = QMimeData()
    mime.setData(MIME_TYPE, b'{"version": 1, "kind": "persona", "persona_id": "nope"}')
    count = len(elements(view))
    drop_on(view, mime, empty_spot(view))
    assert len(elements(view)) == count
    assert window.statusBar().currentMessage()
    mime.setData(MIME_TYPE, b"\xff not json")
    drop_on(view, mime, empty_spot(view))
    assert len(elements(view)) == count
