"""The research library in the Library dock, driven as a person would: add a source, name it,
cite it from a persona's goal, remove it (the citation goes with it), undo (both come back)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from personamap.canvas.target import Target
from personamap.model import EvidenceKind, Source, ops
from personamap.model.research import Dataset
from personamap.ui.inspector.widgets import Section

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


def test_add_cite_remove_and_undo_a_source(window, qtbot) -> None:
    project = window.document.project
    stack = window.document.undo_stack
    panel = window.features["library"].research
    editor = panel.editor
    assert editor is not None and editor.order == [s.id for s in project.sources]

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert len(project.sources) == len(editor.order)
    source = project.sources[-1]
    assert stack.undoText() == "Add source"
    row = editor.rows[source.id]
    title, kind = row.parts[0], row.parts[1]
    _type_line(qtbot, title.edit, "Diary study <b>week 2</b>")
    assert source.title == "Diary study <b>week 2</b>"
    kind.combo.activated.emit(kind.combo.findData(EvidenceKind.FIELD_STUDY))  # the user's pick
    assert source.kind == EvidenceKind.FIELD_STUDY

    persona = project.personas[0]
    inspector = window.features["inspector"]
    inspector.show_target(Target("persona", persona.id))
    form = inspector.form
    goal = persona.goals[0]
    sources = form.lists["goals"].rows[goal.id].parts[1]
    usage = row.parts[-2].label
    assert usage.text() == "Not cited yet"
    _tick(qtbot, sources, source.id)
    assert source.id in persona.goals[0].evidence_ids
    assert usage.text() == "Cited in 1 place"
    form.sections["evidence"].expand()  # (a section remembers whether it was open)
    listing = form.sections["evidence"].findChild(QLabel, "cited_sources")
    assert "Diary study <b>week 2</b>" in listing.text()
    assert listing.textFormat() == Qt.TextFormat.PlainText

    qtbot.mouseClick(editor.rows[source.id].remove, Qt.MouseButton.LeftButton)
    assert project.source(source.id) is None
    assert source.id not in editor.rows
    assert source.id not in persona.goals[0].evidence_ids  # the citation went with it
    assert stack.undoText() == "Delete source “Diary study <b>week 2</b>”"
    assert "Diary study" not in listing.text()

    stack.undo()
    assert project.source(source.id) is not None and source.id in editor.rows
    assert source.id in persona.goals[0].evidence_ids
    assert "Diary study <b>week 2</b>" in listing.text()


def test_add_source_from_a_persona_form_puts_the_cursor_in_the_library(window, qtbot) -> None:
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
    row = panel.editor.rows[project.sources[-1].id]
    assert row.focus_widget is not None and window.focusWidget() is row.focus_widget


def test_a_dataset_source_shows_its_file_rows_and_import_date(window, qtbot) -> None:
    day = dt.date(2026, 3, 9)
    data = Dataset(file_name="crm <export>.csv", sha256="0" * 64, rows=1234, imported=day)
    source = Source(title="CRM", dataset=data)
    window.document.apply(ops.Insert(("sources",), 0, source))
    panel = window.features["library"].research
    row = panel.editor.rows[source.id]
    label = row.parts[-1].label
    assert label.text() == "crm <export>.csv · 1,234 rows · imported 2026-03-09"
    assert label.textFormat() == Qt.TextFormat.PlainText
    window.document.undo_stack.undo()
    assert source.id not in panel.editor.rows


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
    assert panel.reveal_source(source.id) and window.features["library"].isVisible()
    assert window.statusBar().currentMessage().startswith("Research library: ")
