"""`personamap insights` on the 20,000-note project of bench_io (goal: ≤ 0.2 s, absolute): coverage
per stage, evidence per persona and the buying committee, against the least any coverage count
does — one plain pass over every journey note tallying (stage, lane) pairs — in the same process.

The project's 8 personas are given buying roles and a ring of relations with a few chords, so
the committee has paths to find and a blocker to report."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import compare, format_line
from bench_io import make_project

from personamap.insights.report import insights_report
from personamap.model import BuyingRole, Project, Relation, RelationKind

GOAL_SECONDS = 0.2
ROLES = (
    BuyingRole.CHAMPION,
    BuyingRole.INFLUENCER,
    BuyingRole.BLOCKER,
    BuyingRole.ECONOMIC_BUYER,
    BuyingRole.USER,
    BuyingRole.CHAMPION,
    BuyingRole.IT_SECURITY,
    BuyingRole.VALIDATOR,
)


def committee_project(notes: int = 20_000) -> Project:
    project = make_project(notes)
    personas = project.personas
    for persona, role in zip(personas, ROLES, strict=True):
        persona.firmographics.buying_role = role
    ring = [(a, personas[(i + 1) % len(personas)]) for i, a in enumerate(personas)]
    chords = [(personas[0], personas[4]), (personas[6], personas[3]), (personas[5], personas[2])]
    for i, (a, b) in enumerate(ring + chords):
        kind = RelationKind.BLOCKS if i == 6 else RelationKind.INFLUENCES  # the IT lead blocks a validator
        project.relations.append(Relation(source_id=a.id, target_id=b.id, kind=kind))
    return project


def run(quick: bool = False) -> None:
    project = committee_project()

    def ours() -> object:
        return insights_report(project)

    def raw() -> object:
        return Counter((n.stage_id, n.lane_id) for j in project.journeys for n in j.notes)

    ours_s, raw_s = compare(ours, raw, repeat=1 if quick else 5, warmup=0 if quick else 1)
    # The goal is absolute seconds (the ratio is for reference), hence "goal=0.2s".
    print(format_line("insights.report_20k_notes", ours_s, raw_s, GOAL_SECONDS) + "s", flush=True)


if __name__ == "__main__":
    run("--quick" in sys.argv)
