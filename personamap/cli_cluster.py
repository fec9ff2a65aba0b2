"""`personamap cluster FILE --board NAME [--json] [--apply]`: the affinity groups of a board's
sticky notes, printed as `{"groups": [{"label", "note_ids"}]}` or as a list, and with --apply
laid out on the board (a column per group under a header) and saved atomically."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .terminal import json_text, say

EXIT_BAD_FILE, EXIT_USAGE = 1, 2
SEED = 0

if TYPE_CHECKING:
    from .model import Board, Project


def cluster_command(args: argparse.Namespace, error: type[Exception]) -> int:
    from .insights.affinity import cluster_notes
    from .insights.affinity_layout import apply_groups
    from .io import ProjectFileError, SaveError, load, save
    from .model.board import NoteElement
    from .model.ops import OpError

    try:
        project = load(args.file)
    except ProjectFileError as exc:
        raise error(exc.lines(), EXIT_BAD_FILE) from None
    board = _board(project, args.board, error)
    notes = [(e.id, e.text) for e in board.elements if isinstance(e, NoteElement)]
    groups = cluster_notes(notes, seed=SEED)
    if args.apply and groups:
        try:
            apply_groups(project, board.id, groups).apply(project)
            save(project, args.file)
        except OpError as exc:
            raise error(f"{args.file}: {exc}", EXIT_BAD_FILE) from None
        except (SaveError, ProjectFileError) as exc:
            raise error(exc.lines(), EXIT_BAD_FILE) from None
    if args.json:
        print(json_text({"groups": [g.as_json() for g in groups]}))
        return 0
    texts = dict(notes)
    if not groups:
        say(f"{args.file}: the board {board.name!r} has no sticky notes")
    for group in groups:
        say(f"{group.label} ({len(group.note_ids)} note{'s' if len(group.note_ids) != 1 else ''})")
        for ident in group.note_ids:
            say(f"  {_first_line(texts[ident])}")
    if args.apply and groups:
        say(f"{args.file}: laid out {len(groups)} groups under their headers on the board {board.name!r}")
    return 0


def _board(project: Project, name: str, error: type[Exception]) -> Board:
    """The board named `name` (exactly, else ignoring case), or with that id."""
    for match in (
        lambda b: b.name == name,
        lambda b: b.name.casefold() == name.casefold(),
        lambda b: b.id == name,
    ):
        found = [b for b in project.boards if match(b)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise error(
                f"personamap cluster: {len(found)} boards are named {name!r}; give its id", EXIT_USAGE
            )
    names = ", ".join(repr(b.name) for b in project.boards) or "none"
    raise error(f"personamap cluster: no board named {name!r} (boards: {names})", EXIT_USAGE)


def _first_line(text: str, limit: int = 80) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"
