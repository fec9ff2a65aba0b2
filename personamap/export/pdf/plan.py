"""From `--what` to page jobs: which product, which persona, journey or board.

all            cover, contents, every persona, empathy map, journey and board, project health
personas       the deck: cover, contents, one poster per persona
persona:NAME   one persona poster
cards          persona cards, n-up with cut marks
empathy[:NAME] empathy map pages
journey[:NAME] journey posters (fitted, or tiled with `tile`)
board:NAME     a whole board as laid out on the canvas (fitted, or tiled with `tile`)
boards         every board
votes          dot-vote results: voted notes with their dots, stage by stage
health         project health: the lint's findings by severity and the coverage heat maps
"""

from __future__ import annotations

from ..spec import WHAT_HELP, Ctx, ExportError, GeometryFor, Named, PageJob, find_named
from . import board_page, cards_sheet, deck, empathy_page, health_page, journey_poster, votes_page
from .persona_poster import persona_jobs

_NAMED = ("persona", "empathy", "journey", "board")


def plan(ctx: Ctx, geometry: GeometryFor) -> list[PageJob]:
    p = ctx.project
    what = ctx.options.what.strip()
    head = what.split(None, 1)
    if ":" not in what and len(head) == 2 and head[0].lower() in _NAMED:
        what = f"{head[0]}:{head[1]}"  # "persona Priya Raman" as well as "persona:Priya Raman"
    kind, _, name = what.partition(":")
    kind, name = kind.strip().lower(), name.strip()
    if kind == "deck":
        kind = "personas"
    if ctx.options.tile and kind not in ("journey", "board", "boards"):
        raise ExportError(
            f"--tile spreads journey and board posters over sheets; it does not apply to --what "
            f"{ctx.options.what!r} (use a bigger --page-size instead)"
        )
    named = Named.of(p)
    personas, journeys, maps, boards = named
    if kind == "persona":
        if not name:
            raise ExportError("persona needs a NAME: persona:NAME")
        jobs = persona_jobs(ctx, geometry, [find_named("persona", name, personas)])
    elif kind == "personas":
        jobs = deck.deck_jobs(ctx, geometry, include_maps=False)
    elif kind == "all":
        jobs = deck.deck_jobs(ctx, geometry, include_maps=True)
    elif kind == "cards":
        jobs = cards_sheet.jobs(ctx, geometry)
    elif kind == "empathy":
        chosen_maps = [find_named("empathy map", name, maps)] if name else [m for _, _, m in maps]
        jobs = [empathy_page.job(ctx, geometry, m) for m in chosen_maps]
    elif kind == "journey":
        chosen_journeys = [find_named("journey", name, journeys)] if name else [j for _, _, j in journeys]
        jobs = [job for j in chosen_journeys for job in journey_poster.jobs(ctx, geometry, j)]
    elif kind == "votes":
        jobs = votes_page.jobs(ctx, geometry)
    elif kind == "health":
        jobs = health_page.jobs(ctx, geometry)
    elif kind == "board":
        jobs = board_page.jobs(ctx, geometry, named.board(name))
    elif kind == "boards":
        jobs = [job for _, _, b in boards for job in board_page.jobs(ctx, geometry, b)]
    else:
        raise ExportError(f"unknown --what {ctx.options.what!r} (use {WHAT_HELP})")
    if not jobs:
        raise ExportError(f"nothing to export for {ctx.options.what!r}: the project has none")
    return jobs
