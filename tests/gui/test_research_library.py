"""The research library in the Library dock, driven as a person would: a list of sources on its
own tab; picking one opens it in the Inspector. Add a source, name it, cite it from a persona's
goal, remove it (the citation goes with it), undo (both come back), search, reorder."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from personamap.canvas.target import Target
from personamap.model import EvidenceKind, Source, ops
from personamap.model.research import Dataset
from personamap.ui.inspector.source_form import SourceForm
from personamap.ui.inspector.widgets import Section
from personamap.ui.library.source_model import citation_counts

CTRL = Qt.KeyboardModifier.ControlModifier


def _type_line(qtbot, edit, text: str) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _tick(qtbot, sources, source_id: str) -> None:
    """Open a sources button's menu and tick one source, as the button does."""
    menu = sources.menu
    menu.popup(sources.button.mapToGlobal(QPoint(0, sources.button.height())))
    action = next(a for a in menu.actions() if a.data() == source_id)
    menu.setActiveAction(action)
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def _library(window):
    """The Library dock with its Research library tab picked, as a person clicks it."""
    dock = window.features["library"]
    dock.show()
    dock.tabs.tabBar().setCurrentIndex(dock.tabs.indexOf(dock.research))
    return dock.research


def _rect(panel, source_id: str):
    index = panel.index_of(source_id)
    assert index.isValid(), source_id
    return panel.view.visualRect(index)


def _click_row(qtbot, panel, source_id: str) -> None:
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=_rect(panel, source_id).center())


def _shown_titles(panel) -> list[str]:
    """The titles of the rows a person sees whole in the list, top to bottom."""
    port = panel.view.viewport().rect()
    return [r.title for r in panel.model.rows if port.contains(panel.view.visualRect(panel.index_of(r.id)))]


def test_add_cite_remove_and_undo_a_source(window, qtbot) -> None:
    project = window.document.project
    stack = window.document.undo_stack
    panel = _library(window)
    inspector = window.features["inspector"]
    assert [r.id for r in panel.model.rows] == [s.id for s in project.sources]

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    source = project.sources[-1]
    assert len(panel.model.rows) == len(project.sources) and stack.undoText() == "Add source"
    assert panel.selected_id() == source.id
    form = inspector.form
    assert isinstance(form, SourceForm) and form.source_id == source.id
    assert window.focusWidget() is form.title_field.edit  # the cursor waits in the title
    _type_line(qtbot, form.title_field.edit, "Diary study <b>week 2</b>")
    assert source.title == "Diary study <b>week 2</b>"
    assert inspector.heading.text() == "Source · Diary study <b>week 2</b>"
    assert panel.model.rows[-1].title == "Diary study <b>week 2</b>"
    form.kind.combo.activated.emit(form.kind.combo.findData(EvidenceKind.FIELD_STUDY))  # the user's pick
    assert source.kind == EvidenceKind.FIELD_STUDY
    assert panel.model.rows[-1].detail().startswith("Field study")
    assert form.usage.text() == "Not cited yet" and panel.model.rows[-1].cited == 0

    persona = project.personas[0]
    inspector.show_target(Target("persona", persona.id))
    persona_form = inspector.form
    goal = persona.goals[0]
    sources = persona_form.lists["goals"].rows[goal.id].parts[1]
    _tick(qtbot, sources, source.id)
    assert source.id in persona.goals[0].evidence_ids
    assert panel.model.rows[-1].cited == 1 == ops.source_usage(project, source.id)
    persona_form.sections["evidence"].expand()  # (a section remembers whether it was open)
    listing = persona_form.sections["evidence"].findChild(QLabel, "cited_sources")
    assert "Diary study <b>week 2</b>" in listing.text()
    assert listing.textFormat() == Qt.TextFormat.PlainText

    _click_row(qtbot, panel, source.id)  # back to the source: the persona's form gives way
    assert isinstance(inspector.form, SourceForm) and inspector.form.usage.text() == "Cited in 1 place"
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert project.source(source.id) is None
    assert source.id not in [r.id for r in panel.model.rows]
    assert source.id not in persona.goals[0].evidence_ids  # the citation went with it
    assert stack.undoText() == "Delete source “Diary study <b>week 2</b>”"
    assert not isinstance(inspector.form, SourceForm) or inspector.form.source_id != source.id

    stack.undo()
    assert project.source(source.id) is not None and source.id in [r.id for r in panel.model.rows]
    assert source.id in persona.goals[0].evidence_ids


def test_the_list_shows_every_title_at_1280_by_800_and_a_title_edit_is_one_undo_step(window, qtbot) -> None:
    project = window.document.project
    for k in range(20 - len(project.sources)):  # a researcher's library of twenty sources
        window.document.apply(ops.add_source(project, title=f"Interview round {k + 1}"))
    window.resize(1280, 800)
    panel = _library(window)
    qtbot.waitUntil(lambda: panel.view.viewport().height() > 0)
    seen: list[str] = []
    bar = panel.view.verticalScrollBar()
    for value in [*range(bar.minimum(), bar.maximum(), max(1, bar.pageStep() // 2)), bar.maximum()]:
        bar.setValue(value)  # scrolling the list reaches every source
        seen += [t for t in _shown_titles(panel) if t not in seen]
    assert seen == [s.title for s in project.sources]
    bar.setValue(0)
    assert len(_shown_titles(panel)) >= 6, "the pane shows a list, not one squeezed form"

    source = project.sources[3]
    _click_row(qtbot, panel, source.id)
    form = window.features["inspector"].form
    assert isinstance(form, SourceForm) and form.source_id == source.id
    assert form.title_field.edit.text() == source.title
    stack = window.document.undo_stack
    count, old = stack.count(), source.title
    _type_line(qtbot, form.title_field.edit, "Churn interviews, wave 2")
    assert project.sources[3].title == "Churn interviews, wave 2"
    assert panel.model.rows[3].title == "Churn interviews, wave 2"
    assert stack.count() == count + 1
    stack.undo()
    assert project.sources[3].title == old and form.title_field.edit.text() == old
    assert panel.model.rows[3].title == old


def test_search_narrows_the_list_and_arrows_move_a_source(window, qtbot) -> None:
    project = window.document.project
    panel = _library(window)
    target = project.sources[2]
    word = target.title.split()[0]
    qtbot.keyClicks(panel.search, word)
    titles = [panel.proxy.index(k, 0).data() for k in range(panel.proxy.rowCount())]
    assert target.title in titles and len(titles) < len(project.sources)
    assert all(word.casefold() in t.casefold() for t in titles)
    panel.search.clear()

    _click_row(qtbot, panel, target.id)
    assert panel.up_button.isEnabled() and panel.down_button.isEnabled()
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert project.sources[1].id == target.id and panel.model.rows[1].id == target.id
    assert panel.selected_id() == target.id  # it stays picked where it went
    assert window.document.undo_stack.undoText().startswith("Move source")
    window.document.undo_stack.undo()
    assert project.sources[2].id == target.id and panel.model.rows[2].id == target.id
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)  # arrows walk the list, the inspector follows
    below = project.sources[3]
    form = window.features["inspector"].form
    assert isinstance(form, SourceForm) and form.source_id == below.id
    assert window.focusWidget() is panel.view
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)  # Return goes on to edit it
    assert window.focusWidget() is window.features["inspector"].form.title_field.edit
    _click_row(qtbot, panel, target.id)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # Delete in the list deletes the picked source
    assert project.source(target.id) is None
    window.document.undo_stack.undo()
    assert project.source(target.id) is not None


def _drop_row(panel, source_id: str, pos) -> None:
    """Drag a row of the list and drop it at `pos` of the list, as Qt delivers it."""
    mime = panel.view.model().mimeData([panel.index_of(source_id)])
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    port = panel.view.viewport()
    for event in (QDragEnterEvent(pos, move, mime, left, none), QDragMoveEvent(pos, move, mime, left, none)):
        QApplication.sendEvent(port, event)
        assert event.isAccepted()
    QApplication.sendEvent(port, QDropEvent(QPointF(pos), move, mime, left, none))
    QApplication.processEvents()


def test_drag_a_source_to_another_place_in_the_list(window, qtbot) -> None:
    project = window.document.project
    panel = _library(window)
    ids = [s.id for s in project.sources]
    first, third = project.sources[0], project.sources[2]
    below_third = _rect(panel, third.id).bottomLeft() + QPoint(20, -3)
    _drop_row(panel, first.id, below_third)
    assert [s.id for s in project.sources] == [*ids[1:3], first.id, *ids[3:]]
    assert [r.id for r in panel.model.rows] == [s.id for s in project.sources]
    assert panel.selected_id() == first.id
    assert window.document.undo_stack.undoText().startswith("Move source")
    window.document.undo_stack.undo()
    assert project.sources[0].id == first.id
    qtbot.keyClicks(panel.search, third.title)  # a filtered list is not an order to drag in
    assert not panel.view.dragEnabled()


def test_an_empty_library_says_so_and_its_first_source_brings_the_list(window, qtbot) -> None:
    doc = window.document
    for source in list(doc.project.sources):
        doc.apply(ops.remove_source(doc.project, source.id))
    panel = _library(window)
    assert panel.empty.isVisible() and not panel.view.isVisible() and not panel.search.isVisible()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.view.isVisible() and not panel.empty.isVisible()
    assert window.focusWidget() is window.features["inspector"].form.title_field.edit


def test_the_rows_count_citations_as_a_removal_would(window) -> None:
    project = window.document.project
    counts = citation_counts(project)
    assert any(counts.values())
    assert {s.id: counts[s.id] for s in project.sources} == {
        s.id: ops.source_usage(project, s.id) for s in project.sources
    }


def test_picking_a_source_clears_the_board_selection_so_a_card_click_shows_it_again(window, qtbot) -> None:
    view = window.tabs.current_view()
    card = next(
        i
        for i in view.board_scene.items()
        if hasattr(i, "target") and i.flags() & i.GraphicsItemFlag.ItemIsSelectable
    )
    card.setSelected(True)
    inspector = window.features["inspector"]
    qtbot.waitUntil(lambda: inspector.target == card.target())
    panel = _library(window)
    source = window.document.project.sources[0]
    _click_row(qtbot, panel, source.id)
    assert view.board_scene.selectedItems() == []
    QApplication.processEvents()
    assert isinstance(inspector.form, SourceForm) and inspector.form.source_id == source.id
    card.setSelected(True)
    qtbot.waitUntil(lambda: inspector.target == card.target())
    window.tabs.setCurrentIndex(1)  # another board: the inspector will follow its selection…
    assert panel.reveal_source(source.id)  # …unless a source is picked right after
    QApplication.processEvents()
    assert isinstance(inspector.form, SourceForm) and inspector.form.source_id == source.id


def test_add_source_from_a_persona_form_puts_the_cursor_in_the_new_source(window, qtbot) -> None:
    project = window.document.project
    persona = project.personas[0]
    inspector = window.features["inspector"]
    inspector.show_target(Target("persona", persona.id))
    section = inspector.form.sections["evidence"]
    assert isinstance(section, Section)
    section.expand()
    count = len(project.sources)
    button = next(
        b
        for b in section.findChildren(type(inspector.form.lists["goals"].add_button))
        if "source" in b.text()
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(project.sources) == count + 1
    panel = window.features["library"].research
    dock = window.features["library"]
    assert dock.tabs.currentWidget() is panel and panel.selected_id() == project.sources[-1].id
    form = inspector.form
    assert isinstance(form, SourceForm) and window.focusWidget() is form.title_field.edit


def test_a_dataset_source_shows_its_file_rows_and_import_date(window, qtbot) -> None:
    day = dt.date(2026, 3, 9)
    data = Dataset(file_name="crm <export>.csv", sha256="0" * 64, rows=1234, imported=day)
    source = Source(title="CRM", dataset=data)
    window.document.apply(ops.Insert(("sources",), 0, source))
    panel = _library(window)
    assert panel.model.rows[0].dataset == "crm <export>.csv"
    _click_row(qtbot, panel, source.id)
    label = window.features["inspector"].form.dataset
    assert label.text() == "crm <export>.csv · 1,234 rows · imported 2026-03-09"
    assert label.textFormat() == Qt.TextFormat.PlainText and label.isVisible()
    window.document.undo_stack.undo()
    assert source.id not in [r.id for r in panel.model.rows]
    assert not isinstance(window.features["inspector"].form, SourceForm)


def test_an_emotion_score_cites_a_source_from_the_step_form(window, qtbot) -> None:
    project = window.document.project
    journey = next(j for j in project.journeys if j.emotions)
    score = next(e for e in journey.emotions if e.persona_id == journey.persona_ids[0] and not e.evidence_ids)
    before = [list(e.evidence_ids) for e in journey.emotions]
    source = project.sources[-1]
    inspector = window.features["inspector"]
    inspector.show_target(Target("step", score.step_id, journey.id))
    button = next(p for p in inspector.form.parts if getattr(p, "options", None))  # the first persona's
    _tick(qtbot, button, source.id)
    cited = next(
        e for e in journey.emotions if (e.persona_id, e.step_id) == (score.persona_id, score.step_id)
    )
    assert cited.evidence_ids == [source.id] and cited.score == score.score
    assert window.document.undo_stack.undoText() == "Cite sources for emotion score"
    assert button.button.text() == "◆ 1"
    window.document.undo_stack.undo()
    assert [e.evidence_ids for e in journey.emotions] == before


def test_find_shows_a_matching_source_in_the_library(window, qtbot) -> None:
    project = window.document.project
    source = project.sources[-1]
    window.actions["edit.find"].trigger()
    bar = window.features["editing"].find
    qtbot.keyClicks(bar.field, source.title)
    match = None
    for _ in range(len(bar.matches) + 1):
        match = bar.step(1)
        if match is not None and match.kind == "source":
            break
    assert match is not None and match.target_id == source.id
    panel = window.features["library"].research
    assert panel.selected_id() == source.id and window.features["library"].isVisible()
    assert window.features["library"].tabs.currentWidget() is panel
    form = window.features["inspector"].form
    assert isinstance(form, SourceForm) and form.source_id == source.id
    assert window.statusBar().currentMessage().startswith("Research library: ")
