"""The interpreter trap (docs/QT-NOTES.md, docs/RELIABILITY.md pitfall 1): PySide6 6.12.0 on CPython 3.11
takes a reference from None on every Python override of a void virtual (QUndoCommand.redo/
undo, QGraphicsItem.paint) until the process dies with `none_dealloc`. A long soak of real
undo/redo cycles and scene renders must leave sys.getrefcount(None) where it was.

On 3.12+ None is immortal: the soak still runs (it must not crash), the check is trivially
true. PERSONAMAP_SOAK=1: 2,000 undo/redo cycles and 300 renders; default run: DEFAULT_CYCLES
and DEFAULT_RENDERS.
"""

from __future__ import annotations

import gc
import os
import sys

from PySide6.QtGui import QImage, QPainter

from personamap.model import NoteElement
from personamap.model.ops import SetField, place_element, set_geometry

SOAK = os.environ.get("PERSONAMAP_SOAK") == "1"
DEFAULT_CYCLES, DEFAULT_RENDERS = 150, 30
CYCLES, RENDERS = (2000, 300) if SOAK else (DEFAULT_CYCLES, DEFAULT_RENDERS)
TOLERANCE = 50
"""Ordinary churn (objects holding None created or freed); the bug loses one per call, thousands."""


def test_none_refcount_survives_an_undo_and_paint_soak(window) -> None:
    doc = window.document
    board = doc.project.boards[0]
    element = board.elements[0]
    image = QImage(1200, 800, QImage.Format.Format_ARGB32)

    def render_all() -> None:
        for view in window.tabs.views.values():
            painter = QPainter(image)
            view.board_scene.render(painter)
            painter.end()

    doc.apply(SetField(("title",), "warm-up"))  # first-use allocations out of the way
    doc.undo_stack.undo()
    render_all()
    gc.collect()
    before = sys.getrefcount(None)
    views = list(window.tabs.views.values())
    for i in range(CYCLES):  # each cycle: apply, undo, redo, undo (four void overrides)
        doc.apply(set_geometry(doc.project, board.id, {element.id: (i % 300, 0, element.w, element.h)}))
        doc.undo_stack.undo()
        doc.undo_stack.redo()
        doc.undo_stack.undo()
        if i % 25 == 0:  # now and then an insert and its removal, which rebuild items
            doc.apply(place_element(doc.project, board.id, NoteElement(text=f"n{i}", x=i)))
            doc.undo_stack.undo()
    for i in range(RENDERS):  # each render: every item's Python paint()
        painter = QPainter(image)
        views[i % len(views)].board_scene.render(painter)
        painter.end()
    gc.collect()
    after = sys.getrefcount(None)
    print(f"\nNone refcount {before} -> {after} after {CYCLES} undo/redo cycles and {RENDERS} renders")
    assert after >= before - TOLERANCE
    doc.undo_stack.setClean()
