"""Where the cards of a relation map go, in grid units (one unit: a card and its gap), without
the model: rows with crossings reduced by the barycentre heuristic, or networkx's spring layout
snapped to free grid cells so no two cards overlap; then, in both, cards step aside out of the
way of lines that would run through them, never adding a crossing. The caller
(relation_layout.py) turns units into board pixels.

Crossings are counted between the straight lines joining card centres, which is how connectors
are drawn (personamap/model/layout/connector.py); an affine scaling keeps every crossing, so
counting in grid units counts what the board shows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from itertools import pairwise

import networkx as nx  # type: ignore[import-untyped]
import numpy as np

Point = tuple[float, float]
Edge = tuple[str, str]

SWEEPS = 6
"""Barycentre sweeps (alternately down and up); the best order seen is kept, the first included."""
APART = 0.5
"""Extra empty grid units between the rows and the column of personas set apart (negative ones)."""
ROOM = 1.5
"""How far (grid units) beyond the widest row a card may step aside to clear a line."""
SPREAD = 1.3
"""The spring layout's square is this many cells wide per √n, so cards keep some air between them."""
HIT_WEIGHT = 2
"""A line through a card counts as two crossings."""
TRIES = 200
"""At most this many trial moves when untangling lines from cards (about 0.2 ms each at 50 cards)."""
SEED = 7
"""The spring layout's seed: the same project always gets the same map (and a second run moves nothing)."""


def unique_edges(edges: Iterable[Edge]) -> list[Edge]:
    """Each pair of distinct nodes once, whatever the direction (a relation each way between two
    personas draws two lines on top of each other: one line to cross)."""
    seen: set[frozenset[str]] = set()
    out: list[Edge] = []
    for a, b in edges:
        key = frozenset((a, b))
        if a != b and key not in seen:
            seen.add(key)
            out.append((a, b))
    return out


class Lines:
    """The straight lines between a map's cards, set up once so that many layouts of the same
    cards can be scored fast: which lines share an end (they never cross) and which cards are a
    line's own ends (it may touch those) do not depend on where the cards are."""

    def __init__(self, nodes: Iterable[str], edges: Iterable[Edge], half: Point = (0.0, 0.0)) -> None:
        self.names = list(nodes)
        index = {n: k for k, n in enumerate(self.names)}
        self.pairs = [(a, b) for a, b in unique_edges(edges) if a in index and b in index]
        self.half = np.array(half, dtype=float)
        ends = np.array([[index[a], index[b]] for a, b in self.pairs], dtype=int).reshape(-1, 2)
        self.a, self.b = ends[:, 0], ends[:, 1]
        shared = (ends[:, None, :, None] == ends[None, :, None, :]).any(axis=(2, 3))
        self.may_cross = np.triu(~shared, 1)
        rows = np.arange(len(self.pairs))
        self.own = np.zeros((len(self.pairs), len(self.names)), dtype=bool)
        self.own[rows, self.a] = True
        self.own[rows, self.b] = True

    def positions(self, centres: Mapping[str, Point]) -> np.ndarray:
        return np.array([centres[n] for n in self.names], dtype=float).reshape(-1, 2)

    def crossing(self, pos: np.ndarray) -> np.ndarray:
        """Line × line: True where line i crosses line j (i < j)."""
        p, q = pos[self.a], pos[self.b]

        def side(c: np.ndarray) -> np.ndarray:
            """Sign of the turn p_i → q_i → c_j for every line i and point j."""
            cross = (q[:, None, 0] - p[:, None, 0]) * (c[None, :, 1] - p[:, None, 1]) - (
                q[:, None, 1] - p[:, None, 1]
            ) * (c[None, :, 0] - p[:, None, 0])
            return np.sign(np.where(np.abs(cross) < 1e-9, 0.0, cross))

        d1, d2 = side(p), side(q)  # where line j's ends lie relative to line i
        result: np.ndarray = (d1 * d2 < 0) & (d1.T * d2.T < 0) & self.may_cross
        return result

    def through(self, pos: np.ndarray) -> np.ndarray:
        """Line × card: True where a line passes through a card that is not one of its ends."""
        start = pos[self.a]
        delta = pos[self.b] - start
        # Liang–Barsky: clip every line (rows) against every card (columns) at once.
        t0, t1 = np.zeros(self.own.shape), np.ones(self.own.shape)
        for axis in (0, 1):
            d = delta[:, axis][:, None]
            lo = pos[None, :, axis] - self.half[axis] - start[:, axis][:, None]
            hi = lo + 2 * self.half[axis]
            flat = np.abs(d) < 1e-12
            with np.errstate(divide="ignore", invalid="ignore"):
                ta, tb = lo / d, hi / d
            t0 = np.where(flat, t0, np.maximum(t0, np.minimum(ta, tb)))
            t1 = np.where(flat, np.where((lo > 0) | (hi < 0), -1.0, t1), np.minimum(t1, np.maximum(ta, tb)))
        result: np.ndarray = (t0 < t1) & ~self.own
        return result

    def score(self, centres: Mapping[str, Point]) -> tuple[int, float, int]:
        """Lower is better: crossings plus twice the lines through cards (a line across a card
        reads as a relation of that persona), then the lines' total length (a compact map);
        last, the crossings alone, which the callers keep from growing."""
        pos = self.positions(centres)
        crossed = int(self.crossing(pos).sum())
        length = float(np.hypot(*(pos[self.b] - pos[self.a]).T).sum())
        return crossed + HIT_WEIGHT * int(self.through(pos).sum()), length, crossed

    def in_the_way(self, centres: Mapping[str, Point]) -> list[str]:
        """Cards that lines pass through and those lines' ends, then the ends of crossing lines."""
        pos = self.positions(centres)
        found: list[int] = []
        for i, j in zip(*np.nonzero(self.through(pos)), strict=True):
            found += [int(j), int(self.a[i]), int(self.b[i])]
        for i, j in zip(*np.nonzero(self.crossing(pos)), strict=True):
            found += [int(self.a[i]), int(self.b[i]), int(self.a[j]), int(self.b[j])]
        return [self.names[k] for k in dict.fromkeys(found)]


def crossing_count(centres: Mapping[str, Point], edges: Iterable[Edge]) -> int:
    """How many pairs of lines between centres cross (lines sharing an end never do)."""
    lines = Lines(centres, edges)
    return int(lines.crossing(lines.positions(centres)).sum())


def cards_crossed(centres: Mapping[str, Point], edges: Iterable[Edge], half: Point) -> list[tuple[Edge, str]]:
    """Every (line, card) where a line passes through a card that is not one of its ends
    (`half`: half a card's width and height, in the centres' units)."""
    lines = Lines(centres, edges, half)
    hits = np.nonzero(lines.through(lines.positions(centres)))
    return [(lines.pairs[i], lines.names[j]) for i, j in zip(*hits, strict=True)]


def score(centres: Mapping[str, Point], edges: Iterable[Edge], half: Point) -> tuple[int, float, int]:
    """`Lines.score` of one layout."""
    return Lines(centres, edges, half).score(centres)


def layered(
    rows: Sequence[Sequence[str]],
    apart: Sequence[str],
    edges: Sequence[Edge],
    half: Point,
    sweeps: int = SWEEPS,
    untangle: bool = True,
) -> dict[str, Point]:
    """Centres (grid units) of `rows` top to bottom, each row centred, then `apart` in a column
    to the right. Within rows, the order starts as given and is improved by `sweeps` barycentre
    passes; the order that scores best wins (see `score`). Then cards step sideways, half a
    unit at a time within the rows' span, out of the way of lines passing through them."""
    order = [list(row) for row in rows if row]
    adjacency: dict[str, list[str]] = {}
    for a, b in unique_edges(edges):
        adjacency.setdefault(a, []).append(b)
        adjacency.setdefault(b, []).append(a)
    column = _apart_order(apart, order, adjacency)
    best = _place(order, column)
    lines = Lines(best, edges, half)
    best_score = lines.score(best)
    cap = best_score[2]  # the naive order's crossings: never more than that
    row_of = {n: r for r, row in enumerate(order) for n in row}
    for sweep in range(sweeps):
        down = sweep % 2 == 0
        for r in range(1, len(order)) if down else range(len(order) - 2, -1, -1):
            centres = _place(order, column)
            key = partial(_barycentre, centres=centres, adjacency=adjacency, row_of=row_of, row=r, down=down)
            order[r].sort(key=key)
        placed = _place(order, column)
        placed_score = lines.score(placed)
        if placed_score < best_score and placed_score[2] <= cap:
            best, best_score = placed, placed_score
    if not untangle:
        return best
    widest = max((len(row) for row in order), default=0)
    span = ((1 - widest) / 2 - ROOM, (widest - 1) / 2 + ROOM)
    steps = [s * d for s in (0.5, 1.0, 1.5, 2.0) for d in (1, -1)]

    def sideways(node: str, at: Point) -> list[Point]:
        if node not in row_of:
            return []
        return [(at[0] + s, at[1]) for s in steps if span[0] <= at[0] + s <= span[1]]

    return _column_closer(_untangle(best, lines, sideways, cap), row_of, column, lines)


def _column_closer(
    centres: dict[str, Point],
    row_of: Mapping[str, int],
    column: list[str],
    lines: Lines,
) -> dict[str, Point]:
    """The set-apart column moved in to APART beside the rows' rightmost card, unless that
    scores worse (the room the rows did not use is no use to anyone)."""
    if not column or not row_of:
        return centres
    x = max(centres[n][0] for n in row_of) + 1 + APART
    closer = {**centres, **{n: (x, centres[n][1]) for n in column}}
    near, far = lines.score(closer), lines.score(centres)
    return closer if near <= far and near[2] <= far[2] else centres


def _apart_order(apart: Sequence[str], order: list[list[str]], adjacency: dict[str, list[str]]) -> list[str]:
    """The set-apart column, each beside the rows it relates to (the mean row of its neighbours)."""
    row_of = {n: r for r, row in enumerate(order) for n in row}

    def level(node: str) -> float:
        rows = [row_of[m] for m in adjacency.get(node, ()) if m in row_of]
        return sum(rows) / len(rows) if rows else math.inf

    return sorted(apart, key=level)


def _place(order: list[list[str]], column: list[str]) -> dict[str, Point]:
    widest = max((len(row) for row in order), default=0)
    centres = {
        n: (i - (len(row) - 1) / 2, float(r)) for r, row in enumerate(order) for i, n in enumerate(row)
    }
    x = (widest - 1) / 2 + ROOM + 1 + APART if widest else 0.0
    centres.update({n: (x, float(k)) for k, n in enumerate(column)})
    return centres


def _barycentre(
    node: str,
    centres: Mapping[str, Point],
    adjacency: Mapping[str, list[str]],
    row_of: Mapping[str, int],
    row: int,
    down: bool,
) -> float:
    """The mean x of the node's neighbours in the rows already settled (above `row` on the way
    down, below it on the way up); else of all its neighbours; else its own x (a node with no
    relation keeps its place)."""
    near = adjacency.get(node, [])
    on_side = [m for m in near if m in row_of and (row_of[m] < row if down else row_of[m] > row)]
    chosen = on_side or near
    return sum(centres[m][0] for m in chosen) / len(chosen) if chosen else centres[node][0]


def _untangle(
    centres: dict[str, Point],
    lines: Lines,
    moves: Callable[[str, Point], list[Point]],
    cap: int,
    budget: int = TRIES,
) -> dict[str, Point]:
    """Move cards that lines pass through, the ends of those lines, then the ends of crossing
    lines, to the first free place `moves` offers that scores better with no more than `cap`
    crossings; stop when nothing is in the way, nothing helps, or after `budget` tries (which
    bounds the time on a large map)."""
    best, best_score, tries = centres, lines.score(centres), 0
    while tries < budget:
        improved = False
        for node in lines.in_the_way(best):
            for at in moves(node, best[node]):
                if any(abs(at[0] - x) < 1 and abs(at[1] - y) < 1 for m, (x, y) in best.items() if m != node):
                    continue
                trial = {**best, node: at}
                trial_score, tries = lines.score(trial), tries + 1
                if trial_score < best_score and trial_score[2] <= cap:
                    best, best_score, improved = trial, trial_score, True
                    break
                if tries >= budget:
                    return best
            if improved:
                break
        if not improved:
            return best
    return best


def spring(nodes: Sequence[str], edges: Sequence[Edge], half: Point, seed: int = SEED) -> dict[str, Point]:
    """Centres (grid units) from networkx's spring layout, each snapped to a free grid cell
    near it (the nodes nearest the middle choose first), so no two cards share a cell; then
    cards step to a neighbouring cell out of the way of lines passing through them, and empty
    rows and columns close."""
    if not nodes:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(unique_edges(edges))
    raw = nx.spring_layout(graph, seed=seed)
    scale = math.ceil(math.sqrt(len(nodes))) * SPREAD / 2  # spring_layout fills [-1, 1]
    wanted = {n: (float(raw[n][0]) * scale, float(raw[n][1]) * scale) for n in nodes}
    taken: set[tuple[int, int]] = set()
    centres: dict[str, Point] = {}
    for k in sorted(range(len(nodes)), key=lambda k: (math.hypot(*wanted[nodes[k]]), k)):
        x, y = wanted[nodes[k]]
        cell = _nearest_free(x, y, taken)
        taken.add(cell)
        centres[nodes[k]] = (float(cell[0]), float(cell[1]))
    steps = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy]
    around = lambda _n, at: [(at[0] + dx, at[1] + dy) for dx, dy in steps]  # noqa: E731
    lines = Lines(centres, edges, half)
    cap = lines.score(centres)[2]
    return _compacted(_untangle(centres, lines, around, cap), lines)


def _compacted(centres: dict[str, Point], lines: Lines) -> dict[str, Point]:
    """The grid without its empty columns and rows (spring_layout pushes a persona with no
    relation far out), each closed only when that scores no worse and crosses no more."""
    for axis in (0, 1):
        used = sorted({round(c[axis]) for c in centres.values()})
        for gap in reversed([k for lo, hi in pairwise(used) for k in range(lo + 1, hi)]):
            closed = {n: _closing(c, axis, gap) for n, c in centres.items()}
            near, far = lines.score(closed), lines.score(centres)
            if near <= far and near[2] <= far[2]:
                centres = closed
    return centres


def _closing(at: Point, axis: int, gap: int) -> Point:
    """`at` one unit nearer along `axis` when it lies beyond the empty line `gap`."""
    if at[axis] <= gap:
        return at
    return (at[0] - 1, at[1]) if axis == 0 else (at[0], at[1] - 1)


def _nearest_free(x: float, y: float, taken: set[tuple[int, int]]) -> tuple[int, int]:
    """A free cell near (x, y): the nearest one of the first ring around its own cell that has one."""
    cx, cy = round(x), round(y)
    radius = 0
    while True:
        ring = [
            (cx + dx, cy + dy)
            for dx in range(-radius, radius + 1)
            for dy in range(-radius, radius + 1)
            if max(abs(dx), abs(dy)) == radius and (cx + dx, cy + dy) not in taken
        ]
        if ring:
            return min(ring, key=lambda c: (math.hypot(c[0] - x, c[1] - y), c[1], c[0]))
        radius += 1
