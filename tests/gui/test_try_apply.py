"""Document.try_apply: the one place an edit is built, applied, and refused with a reason."""

from __future__ import annotations

from personamap.document import Document
from personamap.model import NoteElement, ops
from personamap.resources import load_project, sample_path

from .conftest import click, item_center
from .test_editing import _board, _cards


def test_a_refused_edit_is_announced_and_changes_nothing(qtbot) -> None:
    doc = Document(load_project(sample_path()))
    board = doc.project.boards[0]
    before = doc.project.model_dump()
    with qtbot.waitSignal(doc.refused) as refused:
        ok = doc.try_apply(lambda p: ops.remove_elements(p, board.id, []))
    assert ok is False
    assert refused.args == ["no elements to remove"]
    assert doc.undo_stack.count() == 0 and doc.project.model_dump() == before


def test_an_accepted_edit_is_one_undo_step_naming_its_initiator(qtbot) -> None:
    doc = Document(load_project(sample_path()))
    board = doc.project.boards[0]
    seen: list[object] = []
    doc.changed.connect(lambda _changes, initiator: seen.append(initiator))
    doc.refused.connect(lambda reason: seen.append(("refused", reason)))
    note = NoteElement(text="added", x=0, y=0)
    assert doc.try_apply(lambda p: ops.place_element(p, board.id, note), initiator="me") is True
    assert seen == ["me"]
    assert doc.undo_stack.count() == 1 and note.id in {e.id for e in doc.project.boards[0].elements}
    doc.undo_stack.undo()
    assert note.id not in {e.id for e in doc.project.boards[0].elements}


def test_several_edits_are_one_step_and_a_late_refusal_undoes_the_earlier_ones(qtbot) -> None:
    doc = Document(load_project(sample_path()))
    board = doc.project.boards[0]
    first, second = NoteElement(text="one", x=0, y=0), NoteElement(text="two", x=0, y=0)
    place = [lambda p, n=note: ops.place_element(p, board.id, n) for note in (first, second)]
    assert doc.try_apply_all("Place two notes", place) is True
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Place two notes"
    before = doc.project.model_dump()
    third = NoteElement(text="three", x=0, y=0)
    reasons: list[str] = []
    doc.refused.connect(reasons.append)
    ok = doc.try_apply_all(
        "Place and refuse",
        [lambda p: ops.place_element(p, board.id, third), lambda p: ops.remove_elements(p, board.id, [])],
    )
    assert ok is False and reasons == ["no elements to remove"]
    assert doc.project.model_dump() == before  # the third note went again
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Place two notes"
    assert not doc.undo_stack.canRedo()
    assert doc.try_apply_all("Refuse first", [lambda p: ops.remove_elements(p, board.id, [])]) is False
    assert doc.undo_stack.count() == 1 and reasons == ["no elements to remove"] * 2


def test_a_refused_menu_command_shows_its_reason_in_the_status_bar(window) -> None:
    view, scene = _board(window, "Personas")
    click(view, item_center(view, _cards(scene)[0]))
    window.actions["arrange.front"].trigger()
    assert window.document.undo_stack.count() == 1
    window.actions["arrange.front"].trigger()  # already in front: the model refuses
    assert window.statusBar().currentMessage() == "the stacking order does not change"
    assert window.document.undo_stack.count() == 1
