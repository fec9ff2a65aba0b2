"""`personamap lint` and `personamap insights` on the 20,000-note project of bench_io (goal: each
≤ 0.2 s, absolute), against building the project graph alone (personamap/insights/graph.py,
networkx) in the same process — the cost both avoid by reading the model directly.

The project is given a few flaws of each kind the lint looks for (an uncited quote, a stage
with pain and no opportunity, an orphan source, a near-twin persona), so every rule has work,
and a buying committee (roles, a ring of relations with chords, one *blocks*), so the
committee has paths to find."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import compare, format_line
from bench_io import make_project

from personamap.insights.graph import project_graph
from personamap.insights.lint import lint
from personamap.insights.report import insights_report
from personamap.model import BuyingRole, LaneKind, Project, Quote, Relation, RelationKind, Source

GOAL_SECONDS = 0.2
TODAY = dt.date(2026, 6, 1)
KINDS = {
    "Actions": LaneKind.ACTIONS,
    "Touchpoints": LaneKind.TOUCHPOINTS,
    "Channels": LaneKind.CHANNELS,
    "Thoughts": LaneKind.THOUGHTS,
    "Emotions": LaneKind.EMOTIONS,
    "Pains": LaneKind.PAIN_POINTS,
    "Opportunities": LaneKind.OPPORTUNITIES,
}


def flawed_project(notes: int = 20_000) -> Project:
    project = make_project(notes)
    for journey in project.journeys:
        for lane in journey.lanes:
            lane.kind = KINDS.get(lane.name, LaneKind.CUSTOM)
    project.personas[0].quotes.append(Quote(text="Nobody said this"))
    project.personas.append(project.personas[1].model_copy(update={"id": Source().id, "name": "Twin"}))
    project.sources.append(Source(title="Unread report"))
    journey = project.journeys[0]
    ideas = next(lane.id for lane in journey.lanes if lane.kind is LaneKind.OPPORTUNITIES)
    journey.notes = [n for n in journey.notes if n.lane_id != ideas]
    return project


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


def add_committee(project: Project) -> None:
    """Buying roles for the first eight personas, a ring of relations and three chords."""
    personas = project.personas[: len(ROLES)]
    for persona, role in zip(personas, ROLES, strict=True):
        persona.firmographics.buying_role = role
    ring = [(a, personas[(i + 1) % len(personas)]) for i, a in enumerate(personas)]
    chords = [(personas[0], personas[4]), (personas[6], personas[3]), (personas[5], personas[2])]
    for i, (a, b) in enumerate(ring + chords):
        kind = RelationKind.BLOCKS if i == 6 else RelationKind.INFLUENCES  # the IT lead blocks a validator
        project.relations.append(Relation(source_id=a.id, target_id=b.id, kind=kind))


def run(quick: bool = False) -> None:
    project = flawed_project()
    add_committee(project)

    def ours() -> object:
        return lint(project, TODAY)

    def raw() -> object:
        return project_graph(project)

    def report() -> object:
        return insights_report(project)

    runs = {"repeat": 1 if quick else 5, "warmup": 0 if quick else 1}
    # The goal is absolute seconds (the ratio is for reference), hence "goal=0.2s".
    for name, fn in (("insights.lint_20k_notes", ours), ("insights.report_20k_notes", report)):
        ours_s, raw_s = compare(fn, raw, **runs)
        print(format_line(name, ours_s, raw_s, GOAL_SECONDS) + "s", flush=True)


if __name__ == "__main__":
    run("--quick" in sys.argv)
