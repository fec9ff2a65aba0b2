"""`personamap map FILE --board NAME [--layout layered|spring]`: lay the relation map out on a
board (personamap/insights/relation_layout.py), save the file atomically, say what changed."""

from __future__ import annotations

import argparse

from .model import Board, Project
from .terminal import say


def map_command(args: argparse.Namespace, error: type[Exception]) -> int:
    """Lay out, save when anything changed, and report; a bad file or board is `error(…)`, exit 1."""
    from .insights.relation_layout import plan_relations
    from .io import ProjectFileError, SaveError, load, save

    try:
        project = load(args.file)
    except ProjectFileError as exc:
        raise error(exc.lines()) from None
    board = _board(project, args.board, args.file, error)
    plan = plan_relations(project, board.id, args.layout)
    if not plan.changes:
        say(f"{args.file}: the relation map on “{board.name}” is already laid out ({args.layout}); no change")
        return 0
    plan.op.apply(project)
    try:
        save(project, args.file)
    except SaveError as exc:
        raise error(exc.lines()) from None
    done = [
        f"placed {plan.placed} persona card{'s' * (plan.placed != 1)}",
        f"moved {plan.moved}",
        f"drew {plan.connected} connector{'s' * (plan.connected != 1)}",
    ]
    if plan.reattached:
        done.append(f"re-attached {plan.reattached}")
    say(f"{args.file}: laid out the relation map on “{board.name}” ({args.layout}): {', '.join(done)}")
    return 0


def _board(project: Project, name: str, path: object, error: type[Exception]) -> Board:
    """The board called `name` (or with that id); an unknown or ambiguous name is an error."""
    named = [b for b in project.boards if b.name == name] or [b for b in project.boards if b.id == name]
    if len(named) == 1:
        return named[0]
    if named:
        ids = ", ".join(b.id for b in named)
        raise error(f"{path}: {len(named)} boards are named {name!r}; give one's id instead ({ids})")
    boards = ", ".join(repr(b.name) for b in project.boards) or "none"
    raise error(f"{path}: no board named {name!r} (boards: {boards})")
