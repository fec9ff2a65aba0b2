"""The inspector as a person uses it: select a card, type into the form, add, reorder and
remove goals, drag a slider, pick a date, cite a source; check the model, the card on the
canvas, undo, and the saved file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QSlider, QStyle, QStyleOptionSlider, QTableView, QWidget

from personamap.canvas.items.journey_map import JourneyMapItem
from personamap.canvas.items.persona_card import PersonaCardItem
from personamap.canvas.items.simple import NoteElementItem
from personamap.canvas.target import Target
from personamap.io import load
from personamap.model.lifecycle import add_months
from personamap.ui.inspector.element_forms import NOTE_COLORS, NoteForm, PersonaCardForm
from personamap.ui.inspector.journey_forms import (
    EmpathyMapForm,
    EmpathyNoteForm,
    JourneyForm,
    JourneyNoteForm,
    LaneForm,
    StageForm,
    StepForm,
)
from personamap.ui.inspector.project_form import ProjectForm

from .conftest import LEFT, _send, click, item_center, scene_to_view

CTRL = Qt.KeyboardModifier.ControlModifier


def _dock(window):
    return window.features["inspector"]


def _select_card(window, index: int = 0) -> tuple[PersonaCardItem, PersonaCardForm]:
    window.tabs.setCurrentIndex(0)
    view = window.tabs.current_view()
    view.zoom_actual()
    scene = view.board_scene
    cards = [i for i in scene.items_by_id.values() if isinstance(i, PersonaCardItem)]
    card = cards[index]
    view.centerOn(card)
    click(view, item_center(view, card) + QPoint(0, 30))
    form = _dock(window).form
    assert isinstance(form, PersonaCardForm)
    assert form.persona_id == card.persona_id
    return card, form


def _type_line(qtbot, edit: QWidget, text: str) -> None:
    """Select what the field holds, type over it, press Enter."""
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _stack(window):
    return window.document.undo_stack


def test_rename_in_inspector_updates_card_and_undo_restores_both(window, qtbot, sample_file: Path) -> None:
    card, form = _select_card(window)
    persona = window.document.project.persona(card.persona_id)
    old = persona.name
    name = form.persona_form.fields["name"].edit
    assert name.text() == old
    assert _dock(window).heading.text() == f"Persona · {old}"
    _type_line(qtbot, name, "Dana the Decider")
    assert persona.name == "Dana the Decider"
    assert card.persona.name == "Dana the Decider"
    assert _stack(window).undoText() == "Rename persona"
    _stack(window).undo()
    assert persona.name == old and card.persona.name == old
    assert name.text() == old
    _stack(window).redo()
    assert name.text() == "Dana the Decider"
    assert window.files.save()
    assert load(sample_file).persona(card.persona_id).name == "Dana the Decider"


def test_refused_edit_shows_in_status_bar_and_reverts(window, qtbot) -> None:
    card, form = _select_card(window)
    name = form.persona_form.fields["name"].edit
    old = name.text()
    depth = _stack(window).count()
    _type_line(qtbot, name, "x" * 501)
    assert window.document.project.persona(card.persona_id).name == old
    assert name.text() == old
    assert "invalid value" in window.statusBar().currentMessage()
    assert _stack(window).count() == depth


def test_goals_add_reorder_drag_remove(window, qtbot, sample_file: Path) -> None:
    card, form = _select_card(window)
    persona = window.document.project.persona(card.persona_id)
    goals = form.persona_form.lists["goals"]
    count = len(persona.goals)
    depth = _stack(window).count()
    qtbot.mouseClick(goals.add_button, LEFT)
    assert goals.pending is not None
    qtbot.keyClicks(goals.pending, "Close the books in two days")
    qtbot.keyClick(goals.pending, Qt.Key.Key_Return)
    assert [g.text for g in persona.goals][-1] == "Close the books in two days"
    assert _stack(window).count() == depth + 1 and _stack(window).undoText() == "Add goal"
    assert goals.pending is not None  # Enter opens the next empty line for fast entry
    qtbot.keyClick(goals.pending, Qt.Key.Key_Escape)
    assert goals.pending is None
    assert len(goals.rows) == count + 1
    assert "Close the books in two days" in [g.text for g in card.persona.goals]

    new_id = persona.goals[-1].id
    qtbot.mouseClick(goals.rows[new_id].up, LEFT)
    assert persona.goals[-2].id == new_id
    assert goals.order[-2] == new_id

    # drag the first goal's grip below the second
    first, second = goals.order[0], goals.order[1]
    handle = goals.rows[first].handle
    target_row = goals.rows[second]
    start = QPointF(handle.rect().center())
    end = QPointF(handle.mapFromGlobal(target_row.mapToGlobal(QPoint(10, target_row.height() - 2))))
    _send(handle, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    _send(handle, QEvent.Type.MouseMove, (start + end) / 2, Qt.MouseButton.NoButton, LEFT)
    _send(handle, QEvent.Type.MouseMove, end, Qt.MouseButton.NoButton, LEFT)
    _send(handle, QEvent.Type.MouseButtonRelease, end, LEFT, Qt.MouseButton.NoButton)
    assert [g.id for g in persona.goals][:2] == [second, first]
    assert _stack(window).undoText() == "Move goal"

    qtbot.mouseClick(goals.rows[new_id].remove, LEFT)
    assert new_id not in [g.id for g in persona.goals]
    assert new_id not in goals.rows
    _stack(window).undo()
    assert new_id in goals.rows and persona.goals[-2].id == new_id

    # edit a goal in place: one step
    text = goals.rows[new_id].focus_widget
    _type_line(qtbot, text, "Close the books in one day")
    assert persona.goals[-2].text == "Close the books in one day"
    assert _stack(window).undoText() == "Edit goal"
    assert window.files.save()
    saved = load(sample_file).persona(card.persona_id)
    assert [g.text for g in saved.goals][-2] == "Close the books in one day"
    assert [g.id for g in saved.goals][:2] == [second, first]


def _slider_handle(slider: QSlider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    rect = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    return rect.center()


def test_drag_a_personality_slider_is_one_undo_step(window, qtbot) -> None:
    card, form = _select_card(window)
    pform = form.persona_form
    persona = window.document.project.persona(card.persona_id)
    qtbot.mouseClick(pform.sections["psychographics"].header, LEFT)
    sliders = pform.lists["psychographics.sliders"]
    first = persona.psychographics.sliders[0]
    slider = sliders.rows[first.id].parts[2].slider
    before = first.value
    depth = _stack(window).count()
    start = QPointF(_slider_handle(slider))
    for dx in (10, 25, 40, 60):
        _send(slider, QEvent.Type.MouseButtonPress, start, LEFT, LEFT) if dx == 10 else None
        _send(slider, QEvent.Type.MouseMove, start + QPointF(dx, 0), Qt.MouseButton.NoButton, LEFT)
    _send(slider, QEvent.Type.MouseButtonRelease, start + QPointF(60, 0), LEFT, Qt.MouseButton.NoButton)
    assert persona.psychographics.sliders[0].value > before
    assert persona.psychographics.sliders[0].value == float(slider.value())
    assert _stack(window).count() == depth + 1
    assert _stack(window).undoText() == "Edit slider"
    _stack(window).undo()
    assert persona.psychographics.sliders[0].value == before
    assert slider.value() == round(before)


def test_set_a_review_date_and_see_review_by(window, qtbot, sample_file: Path) -> None:
    card, form = _select_card(window)
    persona = window.document.project.persona(card.persona_id)
    old = persona.lifecycle.last_reviewed
    reviewed = form.persona_form.fields["lifecycle.last_reviewed"]
    edit = reviewed.date_edit
    depth = _stack(window).count()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Home)  # the year
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    later = old.replace(year=old.year + 1)
    assert persona.lifecycle.last_reviewed == later
    assert _stack(window).count() == depth + 1
    review_by = form.persona_form.findChild(QWidget, "reviewBy")
    months = window.document.project.settings.review_period_months
    assert review_by.text().startswith(add_months(later, months).isoformat())

    qtbot.mouseClick(reviewed.clear, LEFT)
    assert persona.lifecycle.last_reviewed is None
    assert edit.text() == "Not set"

    # pick a date from the calendar: it opens on this month although no date is set
    qtbot.mouseClick(edit, LEFT, pos=QPoint(edit.width() - 8, edit.height() // 2))
    calendar = edit.calendarWidget()
    assert calendar.isVisible()
    today = dt.date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    grid = calendar.findChild(QTableView)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    picked = persona.lifecycle.last_reviewed
    assert picked is not None and (picked.year, picked.month) == (today.year, today.month)
    assert edit.date().toPython() == picked

    _stack(window).undo()
    assert persona.lifecycle.last_reviewed is None
    _stack(window).undo()
    assert persona.lifecycle.last_reviewed == later
    assert edit.date().toPython() == later
    assert window.files.save()
    assert load(sample_file).persona(card.persona_id).lifecycle.last_reviewed == later


def test_cite_a_source_on_a_goal_from_its_sources_menu(window, qtbot) -> None:
    card, form = _select_card(window)
    persona = window.document.project.persona(card.persona_id)
    goals = form.persona_form.lists["goals"]
    goal = persona.goals[0]
    evidence = window.document.project.sources[-1]  # any source of the library may be cited
    sources = goals.rows[goal.id].parts[1]
    was = list(goal.evidence_ids)
    menu = sources.menu

    # open the menu as the button does, without its nested event loop
    menu.popup(sources.button.mapToGlobal(QPoint(0, sources.button.height())))
    action = next(a for a in menu.actions() if a.data() == evidence.id)
    menu.setActiveAction(action)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    wanted = [i for i in was if i != evidence.id] if evidence.id in was else [*was, evidence.id]
    assert persona.goals[0].evidence_ids == wanted
    assert _stack(window).undoText() == "Edit goal"
    assert sources.button.text() == (f"◆ {len(wanted)}" if wanted else "◇")
    _stack(window).undo()
    assert persona.goals[0].evidence_ids == was


def test_project_form_with_nothing_selected(window, qtbot, sample_file: Path) -> None:
    _select_card(window)
    view = window.tabs.current_view()
    click(view, scene_to_view(view, -5000, -5000))
    form = _dock(window).form
    assert isinstance(form, ProjectForm)
    _type_line(qtbot, form.title_field.edit, "Ledgerly personas 2027")
    assert window.document.project.title == "Ledgerly personas 2027"
    assert _stack(window).undoText() == "Rename project"
    form.scale.combo.setFocus()
    form.scale.combo.setCurrentIndex(0)
    qtbot.keyClick(form.scale.combo, Qt.Key.Key_Down)
    assert window.document.project.settings.emotion_scale.minimum == 1
    _stack(window).undo()
    assert window.document.project.settings.emotion_scale.minimum == -2
    assert form.scale.combo.currentIndex() == 0
    assert window.files.save()
    assert load(sample_file).title == "Ledgerly personas 2027"


def test_several_selected_shows_a_summary(window) -> None:
    _select_card(window, 0)
    scene = window.tabs.current_view().board_scene
    other = [i for i in scene.items_by_id.values() if isinstance(i, PersonaCardItem)][1]
    view = window.tabs.current_view()
    view.centerOn(other)
    click(view, item_center(view, other) + QPoint(0, 30), CTRL)
    dock = _dock(window)
    assert dock.form is None
    assert dock.heading.text() == "2 elements selected"


def test_note_text_typed_is_one_undo_step(window, qtbot) -> None:
    window.tabs.setCurrentIndex(0)
    view = window.tabs.current_view()
    view.zoom_actual()
    scene = view.board_scene
    note = next(i for i in scene.items_by_id.values() if isinstance(i, NoteElementItem))
    view.centerOn(note)
    click(view, item_center(view, note))
    form = _dock(window).form
    assert isinstance(form, NoteForm)
    element = next(e for e in scene.board.elements if e.id == note.element_id)
    before = element.text
    edit = form.text.edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_End, CTRL)
    depth = _stack(window).count()
    qtbot.keyClicks(edit, " More")
    form.text._timer.timeout.emit()  # a pause in typing
    qtbot.keyClicks(edit, " text")
    window.tabs.current_view().setFocus()  # focus leaves
    QApplication.processEvents()
    element = next(e for e in scene.board.elements if e.id == note.element_id)
    assert element.text == before + " More text"
    assert _stack(window).count() == depth + 1
    _stack(window).undo()
    element = next(e for e in scene.board.elements if e.id == note.element_id)
    assert element.text == before
    assert edit.toPlainText() == before


def test_journey_and_empathy_forms_edit_the_model(window, qtbot) -> None:
    dock = _dock(window)
    project = window.document.project
    journey = project.journeys[0]
    stage, lane = journey.stages[0], journey.lanes[0]
    step = stage.steps[0]

    dock.show_target(Target("journey", journey.id))
    assert isinstance(dock.form, JourneyForm)
    assert dock.form.personas.list.count() == len(project.personas)

    dock.show_target(Target("stage", stage.id, journey.id))
    assert isinstance(dock.form, StageForm)
    _type_line(qtbot, dock.form.parts[0].edit, "Discover")
    assert journey.stages[0].name == "Discover"
    _stack(window).undo()
    assert dock.form.parts[0].edit.text() == stage.name

    dock.show_target(Target("lane", lane.id, journey.id))
    assert isinstance(dock.form, LaneForm)
    dock.show_target(Target("step", step.id, journey.id))
    assert isinstance(dock.form, StepForm)
    if journey.notes:
        note = journey.notes[0]
        dock.show_target(Target("journey_note", note.id, journey.id))
        assert isinstance(dock.form, JourneyNoteForm)
    emap = project.empathy_maps[0]
    dock.show_target(Target("empathy_map", emap.id))
    assert isinstance(dock.form, EmpathyMapForm)
    _type_line(qtbot, dock.form.parts[0].edit, "What Priya feels at month end")
    assert emap.title == "What Priya feels at month end"
    if emap.notes:
        dock.show_target(Target("empathy_note", emap.notes[0].id, emap.id))
        assert isinstance(dock.form, EmpathyNoteForm)
    dock.show_target(Target("stage", "00000000-0000-4000-8000-000000000000", journey.id))
    assert dock.form is None


def test_cite_a_single_field_and_edit_demographics(window, qtbot, sample_file: Path) -> None:
    project = window.document.project
    persona = project.personas[0]
    dock = _dock(window)
    dock.show_target(Target("persona", persona.id))
    form = dock.form
    qtbot.mouseClick(form.sections["demographics"].header, LEFT)
    _type_line(qtbot, form.fields["demographics.age"].edit, "35-44")
    assert persona.demographics.age == "35-44"
    sources = form.fields["demographics.age#sources"]
    was = next((list(c.evidence_ids) for c in persona.citations if c.field == "demographics.age"), [])
    last = project.sources[-1].id
    wanted = [i for i in was if i != last] if last in was else [*was, last]
    menu = sources.menu
    menu.popup(sources.button.mapToGlobal(QPoint(0, sources.button.height())))
    menu.setActiveAction(menu.actions()[-1])
    qtbot.keyClick(menu, Qt.Key.Key_Return)

    def cited(p) -> list[str]:
        return next((list(c.evidence_ids) for c in p.citations if c.field == "demographics.age"), [])

    assert cited(persona) == wanted
    assert _stack(window).undoText() == "Cite sources for age"
    assert sources.button.text() == (f"◆ {len(wanted)}" if wanted else "◇")
    assert window.files.save()
    saved = load(sample_file).persona(persona.id)
    assert saved.demographics.age == "35-44"
    assert cited(saved) == wanted
    _stack(window).undo()
    assert cited(persona) == was
    assert sources.button.text() == (f"◆ {len(was)}" if was else "◇")


def test_clicking_journey_parts_shows_their_forms(window, qtbot) -> None:
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "Journeys")
    window.tabs.setCurrentIndex(index)
    view = window.tabs.current_view()
    view.zoom_actual()
    scene = view.board_scene
    host = next(i for i in scene.items_by_id.values() if isinstance(i, JourneyMapItem))
    journey = window.document.project.journey(host.journey_id)
    stage = journey.stages[0]
    header = host.headers[("stage", stage.id)]
    view.centerOn(header)
    click(view, item_center(view, header))
    dock = _dock(window)
    assert isinstance(dock.form, StageForm)
    _type_line(qtbot, dock.form.parts[0].edit, "First heard of us")
    assert journey.stages[0].name == "First heard of us"
    _stack(window).undo()
    assert dock.form.parts[0].edit.text() == stage.name

    note_item = next(iter(host.note_items.values()))
    view.centerOn(note_item)
    click(view, item_center(view, note_item))
    assert isinstance(dock.form, JourneyNoteForm)
    note = next(n for n in journey.notes if n.id == note_item.note_id)
    assert dock.form.parts[0].edit.toPlainText() == note.text
    qtbot.mouseClick(dock.form.parts[1].buttons[2][2], LEFT)  # the third colour swatch
    assert note.color == NOTE_COLORS[2][0]
    _stack(window).undo()
