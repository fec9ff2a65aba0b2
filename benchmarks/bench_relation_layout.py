"""Laying out the relation map of 50 personas (goal: ≤ 0.2 s, absolute) against networkx's
spring_layout alone on the same graph, in the same process.

Ours is the whole `plan_relations` call on an empty board: the layout with its crossing
reduction and untangling, and the op that places 50 cards and 75 connectors. Raw is
`nx.spring_layout` with the same seed on the 50 personas and their relations. Both layouts are
timed (layered and spring); the personas have seeded random buying roles, one in ten negative.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import networkx as nx  # type: ignore[import-untyped]
from _util import compare, format_line

from personamap.insights.relation_layout import plan_relations
from personamap.insights.relation_positions import SEED
from personamap.model import (
    Board,
    BuyingRole,
    Firmographics,
    Persona,
    Priority,
    Project,
    Relation,
    RelationKind,
)

PERSONAS = 50
RELATIONS = 75
GOAL_SECONDS = 0.2


def committee(seed: int = 1) -> Project:
    rng = random.Random(seed)
    roles: list[BuyingRole | None] = [*BuyingRole, None]
    people = [
        Persona(
            name=f"Persona {i}",
            priority=Priority.NEGATIVE if rng.random() < 0.1 else Priority.PRIMARY,
            firmographics=Firmographics(buying_role=rng.choice(roles)),
        )
        for i in range(PERSONAS)
    ]
    relations = []
    for _ in range(RELATIONS):
        a, b = rng.sample(people, 2)
        relations.append(Relation(source_id=a.id, target_id=b.id, kind=rng.choice(list(RelationKind))))
    return Project(personas=people, relations=relations, boards=[Board(name="Committee")])


def run(quick: bool = False) -> None:
    project = committee()
    board_id = project.boards[0].id
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in project.personas)
    graph.add_edges_from((r.source_id, r.target_id) for r in project.relations)

    def raw() -> object:
        return nx.spring_layout(graph, seed=SEED)

    runs = {"repeat": 3 if quick else 7, "warmup": 1}
    # The goal is absolute seconds (the ratio is for reference), hence "goal=0.2s".
    for how in ("layered", "spring"):
        ours, base = compare(lambda h=how: plan_relations(project, board_id, h), raw, **runs)
        print(format_line(f"relation_layout.{how}_50", ours, base, GOAL_SECONDS) + "s", flush=True)


if __name__ == "__main__":
    run("--quick" in sys.argv)
