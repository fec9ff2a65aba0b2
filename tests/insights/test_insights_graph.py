"""The project graph: every kind of node with its name, every kind of edge between the right
ends, and nothing for a reference to something the project lacks."""

from __future__ import annotations

import uuid

from personamap.insights.graph import edges_of, nodes_of, project_graph
from personamap.model import (
    Board,
    Connector,
    EmotionScore,
    EmpathyMap,
    EmpathyMapElement,
    EmpathyNote,
    Item,
    JourneyMap,
    JourneyMapElement,
    JourneyNote,
    Lane,
    LaneKind,
    NoteElement,
    Persona,
    PersonaCard,
    Project,
    Quote,
    Relation,
    RelationKind,
    Source,
    Stage,
    Step,
)


def uid() -> str:
    return str(uuid.uuid4())


def small_project() -> tuple[Project, dict[str, str]]:
    ids = {
        name: uid()
        for name in (
            *("ann", "bob", "src", "other_src", "journey", "stage", "step", "lane", "note"),
            *("emp", "enote", "board", "card", "jel", "eel", "bnote", "conn", "rel"),
        )
    }
    ann = Persona(
        id=ids["ann"],
        name="Ann",
        goals=[Item(text="save time", evidence_ids=[ids["src"]])],
        quotes=[Quote(text="I hate forms", evidence_ids=[ids["src"], uid()])],
    )
    bob = Persona(id=ids["bob"], name="Bob")
    journey = JourneyMap(
        id=ids["journey"],
        title="Buying",
        persona_ids=[ids["ann"], uid()],
        stages=[Stage(id=ids["stage"], name="Decide", steps=[Step(id=ids["step"], name="Compare")])],
        lanes=[Lane(id=ids["lane"], name="Pains", kind=LaneKind.PAIN_POINTS)],
        notes=[
            JourneyNote(
                id=ids["note"],
                text="Too many plans\nsecond line",
                lane_id=ids["lane"],
                stage_id=ids["stage"],
                evidence_ids=[ids["other_src"]],
            )
        ],
        emotions=[
            EmotionScore(persona_id=ids["ann"], step_id=ids["step"], score=-2, evidence_ids=[ids["src"]]),
            EmotionScore(persona_id=None, step_id=ids["step"], score=1),
            EmotionScore(persona_id=uid(), step_id=ids["step"], score=0),
        ],
    )
    empathy = EmpathyMap(
        id=ids["emp"],
        title="Ann's map",
        persona_id=ids["ann"],
        notes=[EmpathyNote(id=ids["enote"], text="Feels rushed")],
    )
    board = Board(
        id=ids["board"],
        name="Overview",
        elements=[
            PersonaCard(id=ids["card"], persona_id=ids["ann"]),
            JourneyMapElement(id=ids["jel"], map_id=ids["journey"]),
            EmpathyMapElement(id=ids["eel"], map_id=ids["emp"]),
            NoteElement(id=ids["bnote"], text="Idea: one plan"),
            Connector(id=ids["conn"], source_id=ids["card"], target_id=ids["jel"], relation_id=ids["rel"]),
            PersonaCard(persona_id=uid()),
        ],
    )
    project = Project(
        personas=[ann, bob],
        relations=[
            Relation(id=ids["rel"], source_id=ids["ann"], target_id=ids["bob"], kind=RelationKind.INFLUENCES),
            Relation(source_id=ids["ann"], target_id=uid()),
        ],
        sources=[Source(id=ids["src"], title="Interviews"), Source(id=ids["other_src"], title="Survey")],
        journeys=[journey],
        empathy_maps=[empathy],
        boards=[board],
    )
    return project, ids


def kinds(g, u: str, v: str) -> set[str]:
    return {d["kind"] for d in g.get_edge_data(u, v, default={}).values()}


def test_nodes_have_kinds_and_names() -> None:
    project, ids = small_project()
    g = project_graph(project)
    expected = {
        "ann": ("persona", "Ann"),
        "src": ("source", "Interviews"),
        "journey": ("journey", "Buying"),
        "stage": ("stage", "Decide"),
        "step": ("step", "Compare"),
        "lane": ("lane", "Pains"),
        "note": ("note", "Too many plans"),
        "emp": ("empathy_map", "Ann's map"),
        "enote": ("note", "Feels rushed"),
        "board": ("board", "Overview"),
        "card": ("element", "persona_card"),
        "bnote": ("note", "Idea: one plan"),
    }
    for key, (kind, name) in expected.items():
        assert (g.nodes[ids[key]]["kind"], g.nodes[ids[key]]["name"]) == (kind, name), key
    assert all("kind" in data for _, data in g.nodes(data=True)), "a dangling reference made a node"
    assert nodes_of(g, "persona") == [ids["ann"], ids["bob"]]
    assert g.nodes[ids["note"]]["lane_kind"] == "pain_points"
    assert g.nodes[ids["conn"]]["relation_id"] == ids["rel"]


def test_edges_connect_the_right_ends() -> None:
    project, ids = small_project()
    g = project_graph(project)
    assert kinds(g, ids["ann"], ids["bob"]) == {"relation"}
    assert [(u, v, d["relation"]) for u, v, d in edges_of(g, "relation")] == [
        (ids["ann"], ids["bob"], "influences")
    ]
    assert kinds(g, ids["ann"], ids["src"]) == {"cites"}
    assert kinds(g, ids["note"], ids["other_src"]) == {"cites"}
    assert kinds(g, ids["step"], ids["src"]) == {"cites"}
    assert kinds(g, ids["journey"], ids["ann"]) == {"follows"}
    assert kinds(g, ids["emp"], ids["ann"]) == {"follows"}
    for container, part in [
        ("journey", "stage"),
        ("stage", "step"),
        ("journey", "lane"),
        ("stage", "note"),
        ("lane", "note"),
        ("emp", "enote"),
        ("board", "card"),
        ("board", "bnote"),
    ]:
        assert kinds(g, ids[container], ids[part]) == {"has"}, (container, part)
    for element, shown in [("card", "ann"), ("jel", "journey"), ("eel", "emp")]:
        assert kinds(g, ids[element], ids[shown]) == {"shows"}
    scores = {(u, d["value"]) for u, v, d in edges_of(g, "scores") if v == ids["step"]}
    assert scores == {(ids["ann"], -2), (ids["journey"], 1)}
    assert g.in_degree(ids["bob"]) == 1 and g.out_degree(ids["bob"]) == 0


def test_without_notes_the_structure_stays() -> None:
    project, ids = small_project()
    full, bare = project_graph(project), project_graph(project, notes=False)
    assert nodes_of(bare, "note") == [] and len(nodes_of(full, "note")) == 3
    assert set(bare.nodes) == set(full.nodes) - {ids["note"], ids["enote"], ids["bnote"]}
    assert kinds(bare, ids["ann"], ids["bob"]) == {"relation"}
    assert kinds(bare, ids["step"], ids["src"]) == {"cites"}
    assert ids["other_src"] in bare and bare.in_degree(ids["other_src"]) == 0  # only a note cited it
