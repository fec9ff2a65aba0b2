"""The buying committee on the relation graph: who brokers between the others, how a champion
reaches the economic buyer, and who stands in the way. The graph is the persona part of the
project graph (insights/graph.py: relations between personas the project has), built here from
the relations alone — the whole project graph of a 20,000-note project costs more than every
insight together.

Influence runs along a relation from its source to its target (Priya *champions* Dana: Priya
reaches Dana); *collaborates* runs both ways; *blocks* is no channel but marks a blocker. When
no chain of relations runs the right way, the shortest one ignoring direction is given, marked
undirected — teams draw "Dana approves Priya" as readily as "Priya asks Dana"."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx  # type: ignore[import-untyped]

from personamap.model import Project
from personamap.model.enums import BuyingRole, RelationKind

MAX_PATHS = 3
"""Shortest paths kept per champion and buyer: enough to show alternatives, not to flood."""


@dataclass(frozen=True)
class Centrality:
    """`score`: betweenness (0..1), the share of shortest links between two others that run
    through this persona; `relations`: how many relations it has."""

    persona_id: str
    persona: str
    score: float
    relations: int


@dataclass(frozen=True)
class CommitteePath:
    """Persona ids from a champion to an economic buyer; empty when none connects them."""

    from_id: str
    to_id: str
    ids: tuple[str, ...]
    directed: bool


@dataclass(frozen=True)
class Blocker:
    """A persona in the way of `paths` (indices into Committee.paths): a blocker by buying
    role on the path itself, and/or one who *blocks* the path's personas named in `blocks`."""

    persona_id: str
    on_path: bool
    blocks: tuple[str, ...]
    paths: tuple[int, ...]


@dataclass(frozen=True)
class Committee:
    """`names`: persona id → name, for the ids the paths and blockers hold."""

    names: dict[str, str]
    centrality: list[Centrality]
    paths: list[CommitteePath]
    blockers: list[Blocker]


def _shortest(graph: nx.Graph, start: str, end: str) -> list[list[str]]:
    """Up to MAX_PATHS shortest paths, in a stable order; none when unconnected."""
    if not nx.has_path(graph, start, end):
        return []
    return sorted(islice(nx.all_shortest_paths(graph, start, end), MAX_PATHS))


def _paths(project: Project, channels: nx.DiGraph) -> list[CommitteePath]:
    role = {p.id: p.firmographics.buying_role for p in project.personas}
    champions = [pid for pid, r in role.items() if r == BuyingRole.CHAMPION]
    buyers = [pid for pid, r in role.items() if r == BuyingRole.ECONOMIC_BUYER]
    undirected = channels.to_undirected(as_view=True)
    out = []
    for start in champions:
        for end in buyers:
            found = _shortest(channels, start, end)
            directed = bool(found)
            found = found or _shortest(undirected, start, end)
            out += [CommitteePath(start, end, tuple(p), directed) for p in found]
            if not found:
                out.append(CommitteePath(start, end, (), False))
    return out


def _blockers(project: Project, paths: list[CommitteePath], blocks: list[tuple[str, str]]) -> list[Blocker]:
    role = {p.id: p.firmographics.buying_role for p in project.personas}
    on_path: dict[str, bool] = {}
    blocked: dict[str, dict[str, None]] = {}
    where: dict[str, dict[int, None]] = {}

    def count(pid: str, index: int) -> None:
        where.setdefault(pid, {})[index] = None
        blocked.setdefault(pid, {})
        on_path.setdefault(pid, False)

    for index, path in enumerate(paths):
        for pid in path.ids:
            if role[pid] == BuyingRole.BLOCKER:
                count(pid, index)
                on_path[pid] = True
        for source, target in blocks:
            if target in path.ids:
                count(source, index)
                blocked[source][target] = None
    return [Blocker(pid, on_path[pid], tuple(blocked[pid]), tuple(where[pid])) for pid in where]


def committee(project: Project) -> Committee:
    """Centrality of every persona (highest first), the champion-to-buyer paths and their
    blockers."""
    names = {p.id: p.name for p in project.personas}
    relations = [
        (r.source_id, r.target_id, r.kind)
        for r in project.relations
        if r.source_id in names and r.target_id in names
    ]
    links = nx.Graph()
    links.add_nodes_from(names)
    links.add_edges_from((u, v) for u, v, _ in relations if u != v)
    channels = nx.DiGraph()
    channels.add_nodes_from(names)
    blocks = []
    for u, v, kind in relations:
        if kind == RelationKind.BLOCKS:
            blocks.append((u, v))
            continue
        channels.add_edge(u, v)
        if kind == RelationKind.COLLABORATES:
            channels.add_edge(v, u)
    between = nx.betweenness_centrality(links)
    degree = {pid: 0 for pid in names}
    for u, v, _ in relations:
        degree[u] += 1
        degree[v] += u != v
    centrality = sorted(
        (Centrality(pid, name, between[pid], degree[pid]) for pid, name in names.items()),
        key=lambda c: (-c.score, -c.relations, c.persona.casefold()),
    )
    paths = _paths(project, channels)
    return Committee(names, centrality, paths, _blockers(project, paths, blocks))
