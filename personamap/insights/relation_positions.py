"""Where the cards of a relation map go, in grid units (one unit: a card and its gap), without
the model: rows with crossings reduced by the barycentre heuristic, or networkx's spring layout
snapped to free grid cells so no two cards overlap. The caller (relation_layout.py) turns units
into board pixels.

Crossings are counted between the straight lines joining card centres, which is how connectors
are drawn (personamap/model/layout/connector.py); an affine scaling keeps every crossing, so
counting in grid units counts what the board shows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial

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
    """Each pair of distinct nodes once, whatever the direction (two relations draw one line pair)."""
    seen: set[frozenset[str]] = set()
    out: list[Edge] = []
    for a, b in edges:
        key = frozenset((a, b))
        if a != b and key not in seen:
            seen.add(key)
            out.append((a, b))
    return out


def crossing_count(centres: Mapping[str, Point], edges: Iterable[Edge]) -> int:
    """How many pairs of lines between centres cross (lines sharing an end never do)."""
    return len(crossing_pairs(centres, edges))


def crossing_pairs(centres: Mapping[str, Point], edges: Iterable[Edge]) -> list[tuple[Edge, Edge]]:
    """The pairs of lines between centres that cross (lines sharing an end never do)."""
    pairs = [(a, b) for a, b in unique_edges(edges) if a in centres and b in centres]
    if len(pairs) < 2:
        return []
    p = np.array([centres[a] for a, _ in pairs], dtype=float)
    q = np.array([centres[b] for _, b in pairs], dtype=float)
    index = {n: k for k, n in enumerate(centres)}
    ids = np.array([[index[a], index[b]] for a, b in pairs])

    def side(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
        """Sign of the turn a → b → c, for every pair (a, b from one axis, c from the other)."""
        cross = (b[:, None, 0] - a[:, None, 0]) * (c[None, :, 1] - a[:, None, 1]) - (
            b[:, None, 1] - a[:, None, 1]
        ) * (c[None, :, 0] - a[:, None, 0])
        return np.sign(np.where(np.abs(cross) < 1e-9, 0.0, cross))

    d1, d2 = side(p, q, p), side(p, q, q)  # where line j's ends lie relative to line i
    proper = (d1 * d2 < 0) & (d1.T * d2.T < 0)
    shared = (ids[:, None, :, None] == ids[None, :, None, :]).any(axis=(2, 3))
    rows, cols = np.nonzero(np.triu(proper & ~shared, 1))
    return [(pairs[i], pairs[j]) for i, j in zip(rows, cols, strict=True)]


def cards_crossed(centres: Mapping[str, Point], edges: Iterable[Edge], half: Point) -> list[tuple[Edge, str]]:
    """Every (line, card) where a line passes through a card that is not one of its ends
    (`half`: half a card's width and height, in the centres' units)."""
    pairs = [(a, b) for a, b in unique_edges(edges) if a in centres and b in centres]
    if not pairs:
        return []
    names = list(centres)
    index = {n: k for k, n in enumerate(names)}
    boxes = np.array([centres[n] for n in names], dtype=float)
    start = np.array([centres[a] for a, _ in pairs], dtype=float)
    delta = np.array([centres[b] for _, b in pairs], dtype=float) - start
    # Liang–Barsky: clip every line (rows) against every card (columns) at once.
    t0, t1 = np.zeros((len(pairs), len(names))), np.ones((len(pairs), len(names)))
    for axis in (0, 1):
        d = delta[:, axis][:, None]
        lo = boxes[None, :, axis] - half[axis] - start[:, axis][:, None]
        hi = lo + 2 * half[axis]
        flat = np.abs(d) < 1e-12
        with np.errstate(divide="ignore", invalid="ignore"):
            ta, tb = lo / d, hi / d
        t0 = np.where(flat, t0, np.maximum(t0, np.minimum(ta, tb)))
        t1 = np.where(flat, np.where((lo > 0) | (hi < 0), -1.0, t1), np.minimum(t1, np.maximum(ta, tb)))
    crossed = t0 < t1
    rows = np.arange(len(pairs))
    crossed[rows, [index[a] for a, _ in pairs]] = False
    crossed[rows, [index[b] for _, b in pairs]] = False
    return [(pairs[i], names[j]) for i, j in zip(*np.nonzero(crossed), strict=True)]


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
    best_score = score(best, edges, half)
    cap = best_score[2]  # the naive order's crossings: never more than that
    row_of = {n: r for r, row in enumerate(order) for n in row}
    for sweep in range(sweeps):
        down = sweep % 2 == 0
        for r in range(1, len(order)) if down else range(len(order) - 2, -1, -1):
            centres = _place(order, column)
            key = partial(_barycentre, centres=centres, adjacency=adjacency, row_of=row_of, row=r, down=down)
            order[r].sort(key=key)
        placed = _place(order, column)
        placed_score = score(placed, edges, half)
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

    return _column_closer(_untangle(best, edges, half, sideways, cap), row_of, column, edges, half)


def _column_closer(
    centres: dict[str, Point],
    row_of: Mapping[str, int],
    column: list[str],
    edges: Sequence[Edge],
    half: Point,
) -> dict[str, Point]:
    """The set-apart column moved in to APART beside the rows' rightmost card, unless that
    scores worse (the room the rows did not use is no use to anyone)."""
    if not column or not row_of:
        return centres
    x = max(centres[n][0] for n in row_of) + 1 + APART
    closer = {**centres, **{n: (x, centres[n][1]) for n in column}}
    near, far = score(closer, edges, half), score(centres, edges, half)
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


def score(centres: Mapping[str, Point], edges: Sequence[Edge], half: Point) -> tuple[int, float, int]:
    """Lower is better: crossings plus twice the lines through cards (a line across a card reads
    as a relation of that persona), then the lines' total length (a compact map); last, the
    crossings alone, which the callers keep from growing."""
    lines = [(centres[a], centres[b]) for a, b in unique_edges(edges) if a in centres and b in centres]
    length = sum(math.dist(p, q) for p, q in lines)
    crossed = crossing_count(centres, edges)
    return crossed + HIT_WEIGHT * len(cards_crossed(centres, edges, half)), length, crossed


def _untangle(
    centres: dict[str, Point],
    edges: Sequence[Edge],
    half: Point,
    moves: Callable[[str, Point], list[Point]],
    cap: int,
    budget: int = TRIES,
) -> dict[str, Point]:
    """Move cards that lines pass through, the ends of those lines, then the ends of crossing
    lines, to the first free place `moves` offers that scores better with no more than `cap`
    crossings; stop when nothing is in the way, nothing helps, or after `budget` tries (which
    bounds the time on a large map)."""
    best, best_score, tries = centres, score(centres, edges, half), 0
    while tries < budget:
        hit = [n for (a, b), card in cards_crossed(best, edges, half) for n in (card, a, b)]
        crossed = [n for line, other in crossing_pairs(best, edges) for n in (*line, *other)]
        suspects = list(dict.fromkeys(hit + crossed))
        improved = False
        for node in suspects:
            for at in moves(node, best[node]):
                if any(abs(at[0] - x) < 1 and abs(at[1] - y) < 1 for m, (x, y) in best.items() if m != node):
                    continue
                trial = {**best, node: at}
                trial_score, tries = score(trial, edges, half), tries + 1
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
    cards step to a neighbouring cell out of the way of lines passing through them."""
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
    return _untangle(centres, edges, half, around, crossing_count(centres, edges))


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
