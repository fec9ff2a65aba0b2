"""The project as one graph, built on demand, so the lint, coverage, the committee and the
relation map ask networkx instead of walking the model each in its own way.

Nodes are keyed by entity id and carry `kind` (persona, source, journey, stage, step, lane, note,
empathy_map, board, element) and `name` (what a marketer calls it). Edges carry `kind`:
- relation: persona → persona, with `relation` (the RelationKind value) and `id`;
- cites: x → source, from a persona (any field, item or quote), a note, or a step (an emotion
  score, with `persona_id`);
- follows: journey → persona, and empathy map → the persona it is about;
- has: container → part (journey → stage/lane, stage → step, stage → note, lane → note,
  empathy map → note, board → element or board note);
- shows: board element → the persona, journey or empathy map it shows;
- scores: persona → step with `value` (the journey's own curve scores from the journey).
A reference to something the project lacks adds no edge, so every node has a kind.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import networkx as nx  # type: ignore[import-untyped]

from personamap.model import Board, JourneyMap, Project
from personamap.model.board import Connector, EmpathyMapElement, JourneyMapElement, NoteElement, PersonaCard
from personamap.model.lifecycle import cited_source_ids

Graph: TypeAlias = nx.MultiDiGraph


def _first_line(text: str, limit: int = 60) -> str:
    """A note's name: its first line, shortened."""
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def project_graph(project: Project, *, notes: bool = True) -> Graph:
    """The graph of `project` (see the module docstring for its nodes and edges). `notes=False`
    leaves out every sticky note (journey, empathy map and board notes) and what they cite: the
    structure alone — personas, relations, journeys, boards — is what a relation map or the
    committee needs, and on a 20,000-note project the notes are nearly all of the building time."""
    g: Graph = nx.MultiDiGraph()
    sources = {s.id for s in project.sources}
    for s in project.sources:
        g.add_node(s.id, kind="source", name=s.title or "Untitled source", source_kind=s.kind.value)
    for p in project.personas:
        g.add_node(p.id, kind="persona", name=p.name, priority=p.priority.value)
    personas = {p.id for p in project.personas}
    g.add_edges_from(
        (p.id, ref, {"kind": "cites"})
        for p in project.personas
        for ref in sorted(cited_source_ids(p) & sources)
    )
    g.add_edges_from(
        (r.source_id, r.target_id, {"kind": "relation", "relation": r.kind.value, "id": r.id})
        for r in project.relations
        if r.source_id in personas and r.target_id in personas
    )
    for m in project.empathy_maps:
        g.add_node(m.id, kind="empathy_map", name=m.title)
        if m.persona_id in personas:
            g.add_edge(m.id, m.persona_id, kind="follows")
        for n in m.notes if notes else ():
            g.add_node(
                n.id,
                kind="note",
                name=_first_line(n.text),
                text=n.text,
                container=m.id,
                quadrant=n.quadrant.value,
            )
            g.add_edge(m.id, n.id, kind="has")
            g.add_edges_from((n.id, ref, {"kind": "cites"}) for ref in n.evidence_ids if ref in sources)
    for j in project.journeys:
        _add_journey(g, j, personas, sources, notes)
    maps = {j.id for j in project.journeys} | {m.id for m in project.empathy_maps}
    for b in project.boards:
        _add_board(g, b, personas, maps, notes)
    return g


def _add_journey(g: Graph, j: JourneyMap, personas: set[str], sources: set[str], notes: bool) -> None:
    g.add_node(j.id, kind="journey", name=j.title)
    g.add_edges_from((j.id, pid, {"kind": "follows"}) for pid in j.persona_ids if pid in personas)
    steps: set[str] = set()
    stages = {stage.id for stage in j.stages}
    for stage in j.stages:
        g.add_node(stage.id, kind="stage", name=stage.name, journey=j.id)
        g.add_edge(j.id, stage.id, kind="has")
        for step in stage.steps:
            g.add_node(step.id, kind="step", name=step.name or stage.name, journey=j.id, stage=stage.id)
            g.add_edge(stage.id, step.id, kind="has")
            steps.add(step.id)
    lanes = {}
    for lane in j.lanes:
        g.add_node(lane.id, kind="lane", name=lane.name, journey=j.id, lane_kind=lane.kind.value)
        g.add_edge(j.id, lane.id, kind="has")
        lanes[lane.id] = lane.kind.value
    for n in j.notes if notes else ():
        g.add_node(
            n.id,
            kind="note",
            name=_first_line(n.text),
            text=n.text,
            container=j.id,
            stage=n.stage_id,
            lane=n.lane_id,
            lane_kind=lanes.get(n.lane_id),
        )
        if n.stage_id in stages and n.lane_id in lanes:
            g.add_edge(n.stage_id, n.id, kind="has")
            g.add_edge(n.lane_id, n.id, kind="has")
        g.add_edges_from((n.id, ref, {"kind": "cites"}) for ref in n.evidence_ids if ref in sources)
    for e in j.emotions:
        if e.step_id not in steps:
            continue
        scorer = j.id if e.persona_id is None else e.persona_id
        if scorer == j.id or scorer in personas:
            g.add_edge(scorer, e.step_id, kind="scores", value=e.score, journey=j.id)
        g.add_edges_from(
            (e.step_id, ref, {"kind": "cites", "persona_id": e.persona_id})
            for ref in e.evidence_ids
            if ref in sources
        )


def _add_board(g: Graph, b: Board, personas: set[str], maps: set[str], notes: bool) -> None:
    """`maps`: the ids of the project's journeys and empathy maps."""
    g.add_node(b.id, kind="board", name=b.name)
    for el in b.elements:
        if isinstance(el, NoteElement):
            if not notes:
                continue
            g.add_node(el.id, kind="note", name=_first_line(el.text), text=el.text, container=b.id)
        else:
            g.add_node(el.id, kind="element", name=el.type, type=el.type, board=b.id)
            shown = None
            if isinstance(el, PersonaCard):
                shown = el.persona_id if el.persona_id in personas else None
            elif isinstance(el, JourneyMapElement | EmpathyMapElement):
                shown = el.map_id if el.map_id in maps else None
            if shown is not None:
                g.add_edge(el.id, shown, kind="shows")
            if isinstance(el, Connector):
                g.nodes[el.id].update(source=el.source_id, target=el.target_id, relation_id=el.relation_id)
        g.add_edge(b.id, el.id, kind="has")


def nodes_of(g: Graph, kind: str) -> list[str]:
    """The ids of the nodes of one kind, in insertion (project) order."""
    return [n for n, k in g.nodes(data="kind") if k == kind]


def edges_of(g: Graph, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(from, to, data) of the edges of one kind, in insertion order."""
    return [(u, v, d) for u, v, d in g.edges(data=True) if d.get("kind") == kind]
