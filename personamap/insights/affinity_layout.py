"""Affinity groups laid out on their board: a column per group, its notes stacked without
overlap under a header text with the group's label, as one undoable op.

The columns start where the grouped notes began (their top-left corner); when that block would
cover anything else on the board (a card, a note of a rejected group), it goes below the board's
other content instead, so accepting groups never hides a thing.
"""

from __future__ import annotations

from collections.abc import Sequence

from personamap.model.board import NoteElement, TextElement
from personamap.model.ops import Compound, Insert, Op, OpError, board_of, set_geometry
from personamap.model.ops.common import make, plural
from personamap.model.project import Project

from .affinity import Group

NOTE_GAP = 16.0
COLUMN_GAP = 48.0
HEADER_HEIGHT = 40.0
HEADER_GAP = 16.0
BELOW_GAP = 80.0
MIN_COLUMN = 160.0

Rect = tuple[float, float, float, float]


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _notes(project: Project, board_id: str, groups: Sequence[Group]) -> dict[str, NoteElement]:
    """The groups' notes by id; OpError for an id that is not a note of the board, or is named twice."""
    board = board_of(project, board_id)
    notes = {e.id: e for e in board.elements if isinstance(e, NoteElement)}
    wanted = [i for g in groups for i in g.note_ids]
    if len(set(wanted)) != len(wanted):
        raise OpError("a note is in two groups")
    missing = next((i for i in wanted if i not in notes), None)
    if missing is not None:
        raise OpError(f"no sticky note {missing} on this board")
    return {i: notes[i] for i in wanted}


def columns(groups: Sequence[Group], notes: dict[str, NoteElement], x: float, y: float) -> list[Rect]:
    """Header rectangle of each group, then each of its notes' (x, y, w, h), in order, for
    columns starting at (x, y)."""
    out: list[Rect] = []
    for group in groups:
        width = max([MIN_COLUMN, *(notes[i].w for i in group.note_ids)])
        out.append((x, y, width, HEADER_HEIGHT))
        top = y + HEADER_HEIGHT + HEADER_GAP
        for ident in group.note_ids:
            note = notes[ident]
            out.append((x, top, note.w, note.h))
            top += note.h + NOTE_GAP
        x += width + COLUMN_GAP
    return out


def apply_groups(project: Project, board_id: str, groups: Sequence[Group]) -> Op:
    """Move each group's notes into a column under a new header text with its label."""
    groups = [g for g in groups if g.note_ids]
    if not groups:
        raise OpError("no groups to lay out")
    notes = _notes(project, board_id, groups)
    board = board_of(project, board_id)
    x0, y0 = min(n.x for n in notes.values()), min(n.y for n in notes.values())
    others = [(e.x, e.y, e.w, e.h) for e in board.elements if e.id not in notes and e.type != "connector"]
    rects = columns(groups, notes, x0, y0)
    if any(_overlaps(r, o) for r in rects for o in others):
        rects = columns(groups, notes, x0, max(o[1] + o[3] for o in others) + BELOW_GAP)
    geometry, inserts = {}, []
    top_z = max((e.z for e in board.elements), default=-1) + 1
    place = iter(rects)
    for k, group in enumerate(groups):
        hx, hy, hw, hh = next(place)
        header = make(TextElement, text=group.label, x=hx, y=hy, w=hw, h=hh, bold=True, z=top_z)
        inserts.append(Insert(("boards", board_id, "elements"), len(board.elements) + k, header))
        for ident in group.note_ids:
            geometry[ident] = next(place)
    name = f"Group {plural(len(notes), 'note')} under {plural(len(groups), 'header')}"
    return Compound((set_geometry(project, board_id, geometry), *inserts), name=name)
