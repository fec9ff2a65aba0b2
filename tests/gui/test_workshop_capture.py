"""Capture while presenting: N types a note into the focused stage, P parks an idea on the
board's parking lot; both are ordinary undoable edits that are saved; votes export to CSV
and PDF from the command line."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor

from personamap.io import load
from personamap.model.board import NoteElement, TextElement

from .workshop_util import present

K = Qt.Key


def test_quick_note_goes_into_the_focused_stage(window, qtbot, sample_file) -> None:
    workshop, win = present(window, qtbot, "Journeys")
    qtbot.keyClick(win.view, K.Key_PageDown)
    stop = workshop.presenter.current()
    doc = window.document
    QCursor.setPos(-5000, -5000)
    count = sum(len(j.notes) for j in doc.project.journeys)
    qtbot.keyClick(win.view, K.Key_N)
    qtbot.keyClicks(win.view, "Wants a receipt scanner in the car")
    qtbot.keyClick(win.view, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    added = [
        n for j in doc.project.journeys for n in j.notes if n.text == "Wants a receipt scanner in the car"
    ]
    assert len(added) == 1 and added[0].stage_id == stop.key[2]
    assert sum(len(j.notes) for j in doc.project.journeys) == count + 1
    window.files.save()
    assert any(n.text == added[0].text for j in load(sample_file).journeys for n in j.notes)
    doc.undo_stack.undo()
    assert sum(len(j.notes) for j in doc.project.journeys) == count


def test_parking_lot_takes_ideas_and_keeps_unsent_text(window, qtbot) -> None:
    _workshop, win = present(window, qtbot, "Personas")
    doc = window.document
    board_id = win.view.board_scene.board_id
    qtbot.keyClick(win.view, K.Key_P)
    assert win.parking.isVisible() and win.focusWidget() is win.parking
    qtbot.keyClicks(win.parking, "Talk to the payroll team")
    qtbot.keyClick(win.parking, K.Key_Return)
    qtbot.keyClicks(win.parking, "Pricing for NGOs?")
    qtbot.keyClick(win.parking, K.Key_Escape)  # closing the field still parks what was typed
    assert not win.parking.isVisible()
    board = doc.project.board(board_id)
    titles = [e for e in board.elements if isinstance(e, TextElement) and e.text == "Parking lot"]
    notes = [e.text for e in board.elements if isinstance(e, NoteElement)]
    assert len(titles) == 1 and "Talk to the payroll team" in notes and "Pricing for NGOs?" in notes
    doc.undo_stack.undo()  # one idea, one undo step
    board = doc.project.board(board_id)
    assert "Pricing for NGOs?" not in [e.text for e in board.elements if isinstance(e, NoteElement)]
    assert any(isinstance(e, TextElement) and e.text == "Parking lot" for e in board.elements)


def test_cli_exports_votes_as_csv_and_pdf(sample_file, tmp_path) -> None:
    out = tmp_path / "votes.csv"
    run = [sys.executable, "-c", "import sys; from personamap.cli import main; sys.exit(main())"]
    done = subprocess.run(
        [*run, "export", str(sample_file), "--format", "csv", "--what", "votes", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("map,map type,stage,lane,note,votes")
    project = load(sample_file)
    assert len(lines) - 1 == sum(1 for j in project.journeys for n in j.notes if n.votes) + sum(
        1 for m in project.empathy_maps for n in m.notes if n.votes
    )
    pdf = tmp_path / "votes.pdf"
    done = subprocess.run(
        [*run, "export", str(sample_file), "--what", "votes", "--out", str(pdf)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    from pypdf import PdfReader

    text = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
    assert "Votes" in text and project.journeys[0].stages[0].name in text


def test_present_flag_parses() -> None:
    from personamap.cli import _open_parser

    args = _open_parser().parse_args(["--present", "x.personamap"])
    assert args.present and str(args.file) == "x.personamap"
