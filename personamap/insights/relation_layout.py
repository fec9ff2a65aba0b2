"""The relation map laid out on a board (`personamap map`, Board ▸ Lay out relations): one persona
card per persona and one connector per relation, created where missing and moved where they
are, as ONE op so the editor undoes it in one step.

`layered` puts the buying committee in rows (economic buyer and decision maker on top, then
champions, influencers, validators and gatekeepers, users, and personas with no buying role at
the bottom) with negative personas in a column apart on the right; `spring` lets networkx place
related personas near each other. The layout depends on the project alone, never on where the
cards were, so a second run moves nothing. Geometry lives in relation_positions.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from personamap.model import BuyingRole, Connector, PersonaCard, Priority, Project, Relation
from personamap.model.arrange import Rect, bounds
from personamap.model.board import Board
from personamap.model.layout.card import CARD_SIZE
from personamap.model.ops import Compound, Insert, Op, OpError, SetField
from personamap.model.ops.board import board_of, set_geometry

from .relation_positions import Edge, Point, crossing_count, layered, spring

How = Literal["layered", "spring"]
LAYOUTS: tuple[How, ...] = ("layered", "spring")

ROLE_ROWS: tuple[tuple[BuyingRole, ...], ...] = (
    (BuyingRole.ECONOMIC_BUYER, BuyingRole.DECISION_MAKER),
    (BuyingRole.CHAMPION,),
    (BuyingRole.INFLUENCER,),
    (BuyingRole.VALIDATOR, BuyingRole.PROCUREMENT, BuyingRole.IT_SECURITY, BuyingRole.BLOCKER),
    (BuyingRole.USER,),
)
"""The layered map's rows, top to bottom: who signs, who sells it inside, who sways, who checks
or can stop it, who uses it. Personas without a buying role come in a last row."""

GAP = (160.0, 140.0)
"""Room between cards, across and down: enough for a connector's label between two cards."""
ROW_LENGTH = 8
"""At most this many cards side by side in a row of the layered map; more wrap onto the next row."""
NAME = "Lay out relations"


@dataclass(frozen=True)
class RelationMap:
    """The op, and what it does in numbers a person can be told."""

    op: Compound
    placed: int
    moved: int
    connected: int
    reattached: int

    @property
    def changes(self) -> bool:
        return bool(self.op.ops)


def layout_relations(project: Project, board_id: str, how: How = "layered") -> Op:
    """The one op that lays the relation map out on the board (empty when it already is)."""
    return plan_relations(project, board_id, how).op


def plan_relations(project: Project, board_id: str, how: How = "layered") -> RelationMap:
    """What `layout_relations` does, with its counts. OpError for an unknown board or layout."""
    board = board_of(project, board_id)
    if how not in LAYOUTS:
        raise OpError(f"unknown layout {how!r} (choose one of: {', '.join(LAYOUTS)})")
    personas = [p.id for p in project.personas]
    relations = [(r.source_id, r.target_id, r.id) for r in persona_relations(project)]
    edges: list[Edge] = [(u, v) for u, v, _ in relations]
    cards: dict[str, PersonaCard] = {}
    for el in board.elements:
        if isinstance(el, PersonaCard):
            cards.setdefault(el.persona_id, el)
    default = _usual_size(board)
    sizes = {p: (cards[p].w, cards[p].h) if p in cards else default for p in personas}
    rects = _rects(project, personas, edges, sizes, how)
    rects = _anchored(board, rects, {c.id for c in cards.values()})

    ops: list[Op] = []
    address = ("boards", board_id, "elements")
    z = max((e.z for e in board.elements), default=-1) + 1
    ends = {p: card.id for p, card in cards.items()}
    for pid in personas:
        if pid not in cards:
            x, y, w, h = rects[pid]
            card = PersonaCard(persona_id=pid, x=x, y=y, w=w, h=h, z=z)
            ops.append(Insert(address, len(board.elements) + len(ops), card))
            ends[pid], z = card.id, z + 1
    placed = len(ops)
    moves = {c.id: rects[p] for p, c in cards.items() if rects[p] != (c.x, c.y, c.w, c.h)}
    if moves:
        ops.append(set_geometry(project, board_id, moves))
    connected = reattached = 0
    connectors = [e for e in board.elements if isinstance(e, Connector)]
    for source, target, relation_id in relations:
        a, b = ends[source], ends[target]
        showing = [c for c in connectors if c.relation_id == relation_id]
        if any((c.source_id, c.target_id) == (a, b) for c in showing):
            continue
        if showing:
            where = (*address, showing[0].id)
            ops += [SetField((*where, "source_id"), a), SetField((*where, "target_id"), b)]
            reattached += 1
        else:
            line = Connector(source_id=a, target_id=b, relation_id=relation_id, z=z)
            ops.append(Insert(address, len(board.elements) + placed + connected, line))
            connected, z = connected + 1, z + 1
    return RelationMap(Compound(tuple(ops), name=NAME), placed, len(moves), connected, reattached)


def persona_relations(project: Project) -> list[Relation]:
    """The relations joining two different personas of the project, in project order: the
    relation edges of the project graph (graph.py), read straight from the model, because
    building the whole graph of a 20,000-note project takes a quarter of a second."""
    personas = {p.id for p in project.personas}
    return [
        r
        for r in project.relations
        if r.source_id in personas and r.target_id in personas and r.source_id != r.target_id
    ]


def crossings(project: Project, board_id: str) -> int:
    """How many pairs of the board's connectors cross, drawn centre to centre as on the canvas."""
    board = board_of(project, board_id)
    centres = {e.id: (e.x + e.w / 2, e.y + e.h / 2) for e in board.elements if not isinstance(e, Connector)}
    lines = [(e.source_id, e.target_id) for e in board.elements if isinstance(e, Connector)]
    return crossing_count(centres, lines)


def committee_rows(project: Project) -> tuple[list[list[str]], list[str]]:
    """The layered map's rows of persona ids, top to bottom (empty rows dropped, a role with more
    than ROW_LENGTH personas wrapped onto several rows), in project order within a row; and the
    negative personas set apart."""
    roles: list[list[str]] = [[] for _ in range(len(ROLE_ROWS) + 1)]
    rank = {role: r for r, members in enumerate(ROLE_ROWS) for role in members}
    apart: list[str] = []
    for p in project.personas:
        if p.priority == Priority.NEGATIVE:
            apart.append(p.id)
        else:
            role = p.firmographics.buying_role
            roles[rank[role] if role is not None else len(ROLE_ROWS)].append(p.id)
    rows = [ids[k : k + ROW_LENGTH] for ids in roles for k in range(0, len(ids), ROW_LENGTH)]
    return rows, apart


def _usual_size(board: Board) -> tuple[float, float]:
    """The size most of the board's persona cards have, so new cards match them."""
    sizes = Counter((e.w, e.h) for e in board.elements if isinstance(e, PersonaCard))
    return sizes.most_common(1)[0][0] if sizes else CARD_SIZE


def _rects(
    project: Project,
    personas: list[str],
    edges: list[Edge],
    sizes: Mapping[str, tuple[float, float]],
    how: How,
) -> dict[str, Rect]:
    """Card rectangles (board px, top-left at 0, 0): every card in a cell as big as the biggest
    card and a gap, centred across its cell and top-aligned, so no two can overlap."""
    if not personas:
        return {}
    width = max(w for w, _ in sizes.values())
    height = max(h for _, h in sizes.values())
    cell = (width + GAP[0], height + GAP[1])
    half = (width / 2 / cell[0], height / 2 / cell[1])
    if how == "layered":
        rows, apart = committee_rows(project)
        grid = layered(rows, apart, edges, half)
    else:
        grid = spring(personas, edges, half)
    out: dict[str, Rect] = {}
    for pid in personas:
        gx, gy = grid[pid]
        w, h = sizes[pid]
        out[pid] = (gx * cell[0] - w / 2, gy * cell[1] - height / 2, w, h)
    left, top, _, _ = bounds(out)
    return {p: (round(x - left), round(y - top), w, h) for p, (x, y, w, h) in out.items()}


def _anchored(board: Board, rects: dict[str, Rect], cards: set[str]) -> dict[str, Rect]:
    """The map where its cards already stand (the top-left of their bounds), or right of the
    board's other elements; moved right of them when its bounds would cover one (a note between
    two cards would hide the line joining them)."""
    if not rects:
        return rects
    mine = {e.id: (e.x, e.y, e.w, e.h) for e in board.elements if e.id in cards}
    others = {
        e.id: (e.x, e.y, e.w, e.h)
        for e in board.elements
        if e.id not in cards and not isinstance(e, Connector)
    }
    beside: Point = (0.0, 0.0)
    if others:
        left, top, w, _ = bounds(others)
        beside = (round(left + w + 2 * GAP[0]), round(top))
    origin = bounds(mine)[:2] if mine else beside
    moved = _shifted(rects, origin)
    region = bounds(moved)
    if any(_overlap(region, o) for o in others.values()):
        moved = _shifted(rects, beside)
    return moved


def _shifted(rects: Mapping[str, Rect], origin: Point) -> dict[str, Rect]:
    return {p: (x + origin[0], y + origin[1], w, h) for p, (x, y, w, h) in rects.items()}


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
