"""Random edit sequences through the window's Document (the QUndoStack the GUI uses, with the
board views listening), including merged typing, macros, undo, redo and saves: undoing
everything gives back the original bytes, redoing everything the final bytes, and every
save reopens to the document's state.

Counts: PERSONAMAP_SOAK=1 runs 300 sequences of up to 50 steps (the issue's figure); the
default run DEFAULT_SEQUENCES sequences of up to DEFAULT_STEPS steps.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from personamap.document import Document
from personamap.io import dumps, load
from personamap.model import NoteColor, NoteElement, Persona, Quadrant
from personamap.model.base import clean_text
from personamap.model.ops import (
    OpError,
    SetField,
    add_empathy_note,
    add_journey_note,
    add_persona,
    move_journey_notes,
    place_element,
    remove_elements,
    remove_journey_notes,
    remove_persona,
    set_geometry,
    set_persona_field,
    update_journey_note,
)
from personamap.resources import sample_path
from personamap.ui.main_window import MainWindow

SOAK = os.environ.get("PERSONAMAP_SOAK") == "1"
DEFAULT_SEQUENCES, DEFAULT_STEPS = 10, 25
SEQUENCES, STEPS = (300, 50) if SOAK else (DEFAULT_SEQUENCES, DEFAULT_STEPS)
TEXT = st.sampled_from(["", "Zoë", "<b>&amp;</b>", "مرحبا 🎉", "two\nlines", "x" * 300, "\u202eevil"])
_window: list[MainWindow] = []
_folder = tempfile.TemporaryDirectory()


def shared_window() -> MainWindow:
    """One window for all sequences (a new one each time would dominate the run time)."""
    if not _window:
        win = MainWindow()
        win.resize(1200, 800)
        win.show()
        _window.append(win)
    return _window[0]


def canonical(doc: Document, modified: object) -> str:
    """The file bytes, with the `modified` stamp that saving writes outside the undo history."""
    return dumps(doc.project.model_copy(update={"modified": modified}))


class DocumentMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.window = shared_window()
        self.window.files.set_document(Document(load(sample_path())))
        self.doc = self.window.document
        self.stamp = self.doc.project.modified
        self.original = canonical(self.doc, self.stamp)
        self.path = Path(_folder.name) / "machine.personamap"
        self.typed = 0

    @property
    def project(self):
        return self.doc.project

    def apply(self, build) -> None:
        """As the GUI does: a refused edit raises OpError before anything is pushed."""
        count = self.doc.undo_stack.count()
        try:
            self.doc.apply(build())
        except OpError:
            assert self.doc.undo_stack.count() == count

    # --- edits ----------------------------------------------------------------------------
    @rule(text=TEXT, merge=st.booleans())
    def retitle(self, text: str, merge: bool) -> None:
        """Typing: with merge, consecutive keystrokes become one undo step."""
        op = SetField(("title",), text)
        if merge:
            op = dataclasses.replace(op, merge_key=("title", self.typed))
        else:
            self.typed += 1
        self.apply(lambda: op)

    @rule(data=st.data(), field=st.sampled_from(["name", "role", "demographics.age", "tags"]), text=TEXT)
    def persona_field(self, data: st.DataObject, field: str, text: str) -> None:
        if self.project.personas:
            persona = data.draw(st.sampled_from(self.project.personas))
            value = [text] if field == "tags" else text
            self.apply(lambda: set_persona_field(self.project, persona.id, field, value))

    @rule(data=st.data(), action=st.sampled_from(["add", "remove"]))
    def personas(self, data: st.DataObject, action: str) -> None:
        if action == "add":
            name = clean_text(data.draw(TEXT), one_line=True)
            self.apply(lambda: add_persona(self.project, Persona(name=name)))
        elif self.project.personas:
            persona = data.draw(st.sampled_from(self.project.personas))
            self.apply(lambda: remove_persona(self.project, persona.id))

    @rule(data=st.data(), action=st.sampled_from(["add", "move", "edit", "remove"]), text=TEXT)
    def journey_notes(self, data: st.DataObject, action: str, text: str) -> None:
        journey = data.draw(st.sampled_from(self.project.journeys))
        lane, stage = data.draw(st.sampled_from(journey.lanes)), data.draw(st.sampled_from(journey.stages))
        note = data.draw(st.sampled_from(journey.notes)) if journey.notes else None
        if action == "add":
            self.apply(lambda: add_journey_note(self.project, journey.id, lane.id, stage.id, None, text=text))
        elif note and action == "move":
            self.apply(
                lambda: move_journey_notes(self.project, journey.id, [note.id], lane.id, stage.id, None)
            )
        elif note and action == "edit":
            self.apply(
                lambda: update_journey_note(
                    self.project, journey.id, note.id, text=text, color=NoteColor.PINK
                )
            )
        elif note:
            self.apply(lambda: remove_journey_notes(self.project, journey.id, [note.id]))

    @rule(data=st.data(), quadrant=st.sampled_from(list(Quadrant)), text=TEXT)
    def empathy(self, data: st.DataObject, quadrant: Quadrant, text: str) -> None:
        emap = data.draw(st.sampled_from(self.project.empathy_maps))
        self.apply(lambda: add_empathy_note(self.project, emap.id, quadrant, text))

    @rule(data=st.data(), how=st.sampled_from(["note", "move", "remove", "macro"]))
    def board(self, data: st.DataObject, how: str) -> None:
        board = data.draw(st.sampled_from(self.project.boards))
        element = data.draw(st.sampled_from(board.elements)) if board.elements else None
        x, y = data.draw(st.integers(-2000, 2000)), data.draw(st.integers(-2000, 2000))
        if how == "note":
            self.apply(lambda: place_element(self.project, board.id, NoteElement(text="new", x=x, y=y)))
        elif element and how == "move":
            self.apply(
                lambda: set_geometry(self.project, board.id, {element.id: (x, y, element.w, element.h)})
            )
        elif element and how == "remove":
            self.apply(lambda: remove_elements(self.project, board.id, [element.id]))
        elif how == "macro":  # one gesture, several ops: one undo step
            with self.doc.macro("Paste"):
                for i in range(3):
                    self.apply(
                        lambda i=i: place_element(self.project, board.id, NoteElement(text=f"p{i}", x=x))
                    )

    # --- undo, redo, save -----------------------------------------------------------------
    @precondition(lambda self: self.doc.undo_stack.canUndo())
    @rule()
    def undo(self) -> None:
        self.doc.undo_stack.undo()

    @precondition(lambda self: self.doc.undo_stack.canRedo())
    @rule()
    def redo(self) -> None:
        self.doc.undo_stack.redo()

    @rule()
    def save(self) -> None:
        assert self.window.files._save_to(self.path)
        assert not self.doc.is_modified
        assert dumps(load(self.path)) == dumps(self.project)

    @invariant()
    def title_follows_modified(self) -> None:
        assert self.window.isWindowModified() == self.doc.is_modified

    def teardown(self) -> None:
        stack = self.doc.undo_stack
        stack.setIndex(stack.count())
        final = canonical(self.doc, self.stamp)
        stack.setIndex(0)
        assert canonical(self.doc, self.stamp) == self.original, "undo-all gives the original bytes"
        stack.setIndex(stack.count())
        assert canonical(self.doc, self.stamp) == final, "redo-all gives the final bytes"
        stack.setClean()


DocumentMachine.TestCase.settings = settings(
    max_examples=SEQUENCES,
    stateful_step_count=STEPS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def test_document_machine(qapp) -> None:
    DocumentMachine.TestCase().runTest()
    win = _window.pop()
    win.document.undo_stack.setClean()
    win.close()
