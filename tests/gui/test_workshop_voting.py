"""Dot voting as a facilitator runs it: set up participants, click notes to cast dots (hidden),
switch participant with a number key, run out of dots, undo, reveal, rank and sort, keep the
result, save and reopen, clear, and export the results as CSV."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from personamap.io import load
from personamap.ui.workshop.vote_controller import VoteSetupDialog

from .conftest import click, item_center
from .workshop_util import present

K = Qt.Key


def _fill_setup(qtbot, names: str, dots: int, tries: int = 100) -> None:
    """Type into the setup dialog once it shows, then press OK (as a person would)."""
    dialog = next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, VoteSetupDialog) and w.isVisible()), None
    )
    if dialog is None:
        if tries:
            QTimer.singleShot(20, lambda: _fill_setup(qtbot, names, dots, tries - 1))
        return
    dialog.names.clear()
    for k, line in enumerate(names.split("\n")):
        if k:
            qtbot.keyClick(dialog.names, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.names, line)
    dialog.dots.setValue(dots)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def _visible_notes(win):
    """Note items of the framed piece, top to bottom, as the room sees them."""
    view = win.view
    visible = view.visible_rect()
    found = []
    for item in view.board_scene.items_by_id.values():
        for note in getattr(item, "note_items", {}).values():
            if visible.contains(note.sceneBoundingRect()):
                found.append(note)
    return sorted(found, key=lambda n: (n.sceneBoundingRect().top(), n.sceneBoundingRect().left()))


def _quick_note(win, doc, qtbot, text: str):
    """N adds a note to the focused stage (typed in place, Ctrl+Enter commits); its item."""
    QCursor.setPos(-5000, -5000)  # not over a lane: the note goes to the stage's first lane
    before = {n.id for j in doc.project.journeys for n in j.notes}
    qtbot.keyClick(win.view, K.Key_N)
    qtbot.keyClicks(win.view, text)
    qtbot.keyClick(win.view, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    added = [(j, n) for j in doc.project.journeys for n in j.notes if n.id not in before]
    assert len(added) == 1 and added[0][1].text == text
    journey, note = added[0]
    item = next(
        i for i in win.view.board_scene.items_by_id.values() if getattr(i, "journey_id", "") == journey.id
    )
    return item.note_items[note.id]


def test_vote_cast_hidden_revealed_sorted_saved_and_undone(window, qtbot, sample_file, tmp_path) -> None:
    workshop, win = present(window, qtbot, "Journeys")
    doc = window.document
    qtbot.keyClick(win.view, K.Key_PageDown)  # the first stage of the first journey
    assert workshop.presenter.current().key[0] == "stage"
    QTimer.singleShot(20, lambda: _fill_setup(qtbot, "Ana\nBen", 2))
    qtbot.keyClick(win.view, K.Key_V)
    voting = workshop.voting
    session = voting.session
    assert session is not None and [p.name for p in session.participants] == ["Ana", "Ben"]
    second = _quick_note(win, doc, qtbot, "Receipts get lost in the car")  # last in its cell
    placed = {n.id: n for j in doc.project.journeys for n in j.notes}
    cell_of = lambda item: (placed[item.note_id].lane_id, placed[item.note_id].stage_id)  # noqa: E731
    first = next(n for n in _visible_notes(win) if cell_of(n) != cell_of(second))
    journey = doc.project.journey(first.owner_id)
    before = {n.id: len(n.votes) for n in journey.notes}

    click(win.view, item_center(win.view, first))  # Ana's dot
    votes = doc.project.journey(first.owner_id).notes
    cast = next(n for n in votes if n.id == first.note_id).votes
    assert len(cast) == before[first.note_id] + 1
    assert cast[-1].participant == "Ana" and cast[-1].session == session.name
    deco = voting.decorator
    assert win.view.board_scene.note_decorator is deco
    assert deco.badge_text(first) == "" and deco.look_for(first).votes == 0  # hidden
    assert deco.own_dots(first) == 1

    qtbot.keyClick(win.view, K.Key_2)  # the laptop goes to Ben
    assert session.participant.name == "Ben" and deco.own_dots(first) == 0
    click(win.view, item_center(win.view, first))
    click(win.view, item_center(win.view, second))
    click(win.view, item_center(win.view, second))  # Ben has no dots left
    assert voting.dots_left() == 0
    assert session.counts[first.note_id] == {"Ana": 1, "Ben": 1}
    assert session.counts[second.note_id] == {"Ben": 1}

    doc.undo_stack.undo()  # undo takes Ben's last dot off
    assert second.note_id not in session.counts
    doc.undo_stack.redo()
    assert session.counts[second.note_id] == {"Ben": 1}

    qtbot.keyClick(win.view, K.Key_R)  # reveal
    workshop = window.features["workshop"]
    assert workshop.presenter.message != "Votes revealed"  # said once, by the status chip
    assert deco.badge_text(first) == "2" and deco.badge_text(second) == "1"
    assert deco.rank(first) == 1 and deco.rank(second) == 2
    win.view.viewport().grab()  # paints through the decorator without error

    order_before = [n.id for n in doc.project.journey(second.owner_id).notes]
    window.actions["workshop.vote_sort"].trigger()
    j = doc.project.journey(second.owner_id)
    for voted in (first, second):  # each voted note now leads its cell
        note = next(n for n in j.notes if n.id == voted.note_id)
        cell = [n.id for n in j.notes_shown_in(*j.note_cells()[note.id])]
        assert cell[0] == voted.note_id
    doc.undo_stack.undo()  # one step undoes the whole sort
    assert [n.id for n in doc.project.journey(second.owner_id).notes] == order_before
    doc.undo_stack.redo()

    window.files.save()
    reopened = load(sample_file)
    again = {n.id: n for n in reopened.journey(first.owner_id).notes}
    assert [(v.participant, v.session) for v in again[first.note_id].votes[-2:]] == [
        ("Ana", session.name),
        ("Ben", session.name),
    ]

    out = voting.export_csv(tmp_path / "votes.csv")
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    head = rows[0]
    assert head[:6] == ["map", "map type", "stage", "lane", "note", "votes"] and "Ana" in head
    text_of = {n.id: n.text for n in doc.project.journey(first.owner_id).notes}
    mine = next(r for r in rows[1:] if r[4] == text_of[first.note_id])
    assert int(mine[5]) == before[first.note_id] + 2 and mine[head.index("Ana")] == "1"

    window.actions["workshop.vote_clear"].trigger()  # this session's dots, one undo step
    assert not session.counts
    doc.undo_stack.undo()
    assert session.counts[first.note_id] == {"Ana": 1, "Ben": 1}

    window.actions["workshop.vote_end"].trigger()
    assert win.view.board_scene.note_decorator is None


def test_keep_votes_as_tags_and_lane(window, qtbot) -> None:
    workshop, win = present(window, qtbot, "Journeys")
    qtbot.keyClick(win.view, K.Key_PageDown)
    voting = workshop.voting
    assert voting.start(["Ana"], 3, "board")
    note = _visible_notes(win)[0]
    click(win.view, item_center(win.view, note))
    click(win.view, item_center(win.view, note))
    doc = window.document
    window.actions["workshop.vote_tags"].trigger()
    tagged = next(n for n in doc.project.journey(note.owner_id).notes if n.id == note.note_id)
    assert "votes:2" in tagged.tags
    lanes_before = len(doc.project.journey(note.owner_id).lanes)
    window.actions["workshop.vote_lane"].trigger()
    j = doc.project.journey(note.owner_id)
    assert len(j.lanes) == lanes_before + 1 and j.lanes[-1].kind.value == "votes"
    copies = [n for n in j.notes if n.lane_id == j.lanes[-1].id]
    assert any(c.text == tagged.text and "votes:2" in c.tags and not c.votes for c in copies)
    doc.undo_stack.undo()
    assert len(doc.project.journey(note.owner_id).lanes) == lanes_before


def test_vote_on_the_editor_canvas_without_presenting(window, qtbot) -> None:
    """One laptop passed around: the editor's own canvas takes the clicks too."""
    from .workshop_util import show_board

    view = show_board(window, "Empathy")
    voting = window.features["workshop"].voting
    assert voting.start(["Ana", "Ben"], 1, "board")
    item = next(i for i in view.board_scene.items_by_id.values() if getattr(i, "note_items", None))
    note = next(iter(item.note_items.values()))
    view.frame(note.sceneBoundingRect())
    click(view, item_center(view, note))
    emap = window.document.project.empathy_map(note.owner_id)
    assert [v.participant for v in next(n for n in emap.notes if n.id == note.note_id).votes] == ["Ana"]
    voting.end()
