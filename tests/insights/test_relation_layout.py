"""The relation map laid out (`personamap map`, Board ▸ Lay Out Relations): one card per persona and
one connector per relation, no two cards overlapping, the buying committee in rows, negative
personas apart, crossings no more than a naive order, and a second run that changes nothing."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from personamap.insights.relation_layout import (
    CARD_SIZE,
    GAP,
    ROW_LENGTH,
    committee_rows,
    crossings,
    layout_relations,
    persona_relations,
    plan_relations,
)
from personamap.insights.relation_positions import (
    cards_crossed,
    crossing_count,
    layered,
    score,
    spring,
)
from personamap.io import load, save
from personamap.model import (
    Board,
    BuyingRole,
    Connector,
    Firmographics,
    NoteElement,
    Persona,
    PersonaCard,
    Priority,
    Project,
    Relation,
    RelationKind,
    TextElement,
    problems,
)
from personamap.model.ops import OpError
from personamap.resources import new_project_from_template

ROLES: list[BuyingRole | None] = [*BuyingRole, None, None]


def persona(name: str, role: BuyingRole | None = None, priority: Priority = Priority.PRIMARY) -> Persona:
    return Persona(name=name, priority=priority, firmographics=Firmographics(buying_role=role))


def random_project(n: int, seed: int = 1, per_persona: float = 1.5) -> Project:
    """`n` personas of random roles (about one in ten negative) and 1.5 relations each."""
    rng = random.Random(seed)
    people = [
        persona(
            f"P{i}",
            rng.choice(ROLES),
            Priority.NEGATIVE if rng.random() < 0.1 else rng.choice([Priority.PRIMARY, Priority.SECONDARY]),
        )
        for i in range(n)
    ]
    relations = []
    for _ in range(int(n * per_persona)):
        a, b = rng.sample(people, 2)
        relations.append(Relation(source_id=a.id, target_id=b.id, kind=rng.choice(list(RelationKind))))
    return Project(personas=people, relations=relations, boards=[Board(name="Map")])


def laid_out(project: Project, how: str = "layered", board: int = 0) -> Project:
    plan = plan_relations(project, project.boards[board].id, how)  # type: ignore[arg-type]
    plan.op.apply(project)
    assert problems(project) == []
    return project


def cards_of(project: Project, board: int = 0) -> dict[str, PersonaCard]:
    return {e.persona_id: e for e in project.boards[board].elements if isinstance(e, PersonaCard)}


def overlapping(project: Project, board: int = 0) -> list[tuple[str, str]]:
    rects = [e for e in project.boards[board].elements if not isinstance(e, Connector)]
    return [
        (a.id, b.id)
        for i, a in enumerate(rects)
        for b in rects[i + 1 :]
        if a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h
    ]


@pytest.mark.parametrize("how", ["layered", "spring"])
@pytest.mark.parametrize("n", [5, 20, 50])
def test_one_card_per_persona_one_connector_per_relation_and_no_two_cards_overlap(how: str, n: int) -> None:
    project = laid_out(random_project(n, seed=n), how)
    cards = cards_of(project)
    assert set(cards) == {p.id for p in project.personas}
    assert overlapping(project) == []
    lines = [e for e in project.boards[0].elements if isinstance(e, Connector)]
    assert sorted(c.relation_id or "" for c in lines) == sorted(r.id for r in project.relations)
    for line in lines:
        relation = next(r for r in project.relations if r.id == line.relation_id)
        assert (line.source_id, line.target_id) == (
            cards[relation.source_id].id,
            cards[relation.target_id].id,
        )


@pytest.mark.parametrize("how", ["layered", "spring"])
def test_a_second_run_changes_nothing(how: str) -> None:
    project = laid_out(random_project(20, seed=3), how)
    before = project.model_dump(mode="json")
    again = plan_relations(project, project.boards[0].id, how)  # type: ignore[arg-type]
    assert not again.changes and again.op.ops == ()
    assert (again.placed, again.moved, again.connected, again.reattached) == (0, 0, 0, 0)
    again.op.apply(project)
    assert project.model_dump(mode="json") == before


def test_the_op_is_one_undoable_step() -> None:
    project = random_project(8, seed=5)
    project.boards[0].elements.append(TextElement(text="Committee", x=0, y=0, w=400, h=40))
    before = project.model_dump(mode="json")
    inverse, _changes = layout_relations(project, project.boards[0].id).apply(project)
    assert project.model_dump(mode="json") != before
    inverse.apply(project)
    assert project.model_dump(mode="json") == before


def test_layered_puts_buyers_above_champions_above_users_and_negative_personas_apart() -> None:
    buyer = persona("Dana", BuyingRole.ECONOMIC_BUYER)
    decider = persona("Dave", BuyingRole.DECISION_MAKER)
    champion = persona("Priya", BuyingRole.CHAMPION)
    influencer = persona("Ines", BuyingRole.INFLUENCER)
    security = persona("Tomás", BuyingRole.IT_SECURITY)
    user = persona("Marcus", BuyingRole.USER)
    nobody = persona("Rolf")
    negative = persona("Jamie", BuyingRole.DECISION_MAKER, Priority.NEGATIVE)
    people = [user, negative, nobody, champion, security, buyer, decider, influencer]
    relations = [
        Relation(source_id=champion.id, target_id=buyer.id, kind=RelationKind.CHAMPIONS),
        Relation(source_id=user.id, target_id=champion.id),
        Relation(source_id=security.id, target_id=champion.id, kind=RelationKind.BLOCKS),
        Relation(source_id=negative.id, target_id=user.id),
    ]
    project = laid_out(Project(personas=people, relations=relations, boards=[Board()]))
    cards = cards_of(project)
    top = {p.name: cards[p.id].y for p in people}
    assert (
        top["Dana"] == top["Dave"] < top["Priya"] < top["Ines"] < top["Tomás"] < top["Marcus"] < top["Rolf"]
    )
    committee = [cards[p.id] for p in people if p is not negative]
    assert cards[negative.id].x >= max(c.x + c.w for c in committee) + CARD_SIZE[0] / 2, "a column apart"
    assert overlapping(project) == []


def test_committee_rows_skip_empty_rows_and_keep_project_order() -> None:
    a, b = persona("A", BuyingRole.USER), persona("B", BuyingRole.ECONOMIC_BUYER)
    c, d = persona("C", BuyingRole.USER), persona("D", None, Priority.NEGATIVE)
    rows, apart = committee_rows(Project(personas=[a, b, c, d]))
    assert rows == [[b.id], [a.id, c.id]] and apart == [d.id]


@pytest.mark.parametrize("seed", range(8))
def test_layered_crosses_no_more_than_the_naive_order(seed: int) -> None:
    project = random_project(20, seed=seed)
    rows, apart = committee_rows(project)
    edges = [(r.source_id, r.target_id) for r in project.relations]
    cell = (CARD_SIZE[0] + GAP[0], CARD_SIZE[1] + GAP[1])
    half = (CARD_SIZE[0] / 2 / cell[0], CARD_SIZE[1] / 2 / cell[1])  # as the board has it
    naive = layered(rows, apart, edges, half, sweeps=0, untangle=False)
    ours = layered(rows, apart, edges, half)
    assert score(ours, edges, half) <= score(naive, edges, half)
    assert crossing_count(ours, edges) <= crossing_count(naive, edges)
    laid = laid_out(project)
    assert crossings(laid, laid.boards[0].id) == crossing_count(ours, edges)


def test_a_chain_is_drawn_without_crossings_and_without_lines_through_cards() -> None:
    """A line from the top row to the bottom one must not run across the cards in between."""
    buyer, champion = persona("B", BuyingRole.ECONOMIC_BUYER), persona("C", BuyingRole.CHAMPION)
    security, user = persona("S", BuyingRole.IT_SECURITY), persona("U", BuyingRole.USER)
    relations = [
        Relation(source_id=champion.id, target_id=buyer.id),
        Relation(source_id=user.id, target_id=buyer.id),
        Relation(source_id=security.id, target_id=buyer.id),
        Relation(source_id=user.id, target_id=champion.id),
    ]
    project = laid_out(
        Project(personas=[buyer, champion, security, user], relations=relations, boards=[Board()])
    )
    cards = cards_of(project)
    centres = {pid: (c.x + c.w / 2, c.y + c.h / 2) for pid, c in cards.items()}
    edges = [(r.source_id, r.target_id) for r in relations]
    assert crossing_count(centres, edges) == 0
    assert cards_crossed(centres, edges, (CARD_SIZE[0] / 2, CARD_SIZE[1] / 2)) == []


def test_crossing_count_and_cards_crossed_on_known_shapes() -> None:
    square = {"a": (0.0, 0.0), "b": (1.0, 1.0), "c": (1.0, 0.0), "d": (0.0, 1.0)}
    assert crossing_count(square, [("a", "b"), ("c", "d")]) == 1
    assert crossing_count(square, [("a", "b"), ("b", "c")]) == 0, "lines sharing an end never cross"
    assert crossing_count(square, [("a", "c"), ("d", "b")]) == 0
    row = {"a": (0.0, 0.0), "m": (1.0, 0.0), "z": (2.0, 0.0)}
    assert cards_crossed(row, [("a", "z")], (0.3, 0.3)) == [(("a", "z"), "m")]
    assert cards_crossed(row, [("a", "m")], (0.3, 0.3)) == []


def test_spring_is_seeded_and_cards_take_whole_cells() -> None:
    nodes = [f"n{i}" for i in range(12)]
    edges = [(nodes[i], nodes[(i * 5 + 1) % 12]) for i in range(12)]
    first, second = spring(nodes, edges, (0.3, 0.35)), spring(nodes, edges, (0.3, 0.35))
    assert first == second
    cells = [(round(x), round(y)) for x, y in first.values()]
    assert len(set(cells)) == len(cells) and all(
        float(c[0]) == first[n][0] for n, c in zip(first, cells, strict=True)
    )


def test_existing_cards_keep_their_size_and_connectors_are_reused_or_reattached() -> None:
    project = new_project_from_template("b2b-saas")
    board = project.boards[0]
    before_cards = {e.id: (e.w, e.h) for e in board.elements if isinstance(e, PersonaCard)}
    lines = [e for e in board.elements if isinstance(e, Connector)]
    # One connector shows its relation between the wrong ends: it is re-attached, not doubled.
    lines[0].source_id, lines[0].target_id = lines[0].target_id, lines[0].source_id
    plan = plan_relations(project, board.id)
    assert (plan.placed, plan.connected, plan.reattached) == (0, 0, 1)
    plan.op.apply(project)
    after = {e.id: (e.w, e.h) for e in board.elements if isinstance(e, PersonaCard)}
    assert after == before_cards
    assert len([e for e in board.elements if isinstance(e, Connector)]) == len(lines)
    assert problems(project) == []


def test_new_cards_copy_the_boards_card_size() -> None:
    a, b = persona("A", BuyingRole.CHAMPION), persona("B", BuyingRole.USER)
    board = Board(elements=[PersonaCard(persona_id=a.id, x=10, y=10, w=200, h=300)])
    project = laid_out(Project(personas=[a, b], boards=[board]))
    assert (cards_of(project)[b.id].w, cards_of(project)[b.id].h) == (200, 300)


def test_the_map_stays_where_its_cards_stand_or_moves_clear_of_other_elements() -> None:
    a, b, c = persona("A", BuyingRole.ECONOMIC_BUYER), persona("B", BuyingRole.CHAMPION), persona("C")
    board = Board(elements=[PersonaCard(persona_id=a.id, x=500, y=700, w=280, h=360)])
    project = laid_out(Project(personas=[a, b, c], boards=[board]))
    cards = cards_of(project)
    assert min(card.x for card in cards.values()) == 500 and min(card.y for card in cards.values()) == 700

    note = NoteElement(text="keep me visible", x=0, y=0, w=300, h=200)
    project = laid_out(Project(personas=[a, b, c], boards=[Board(elements=[note])]))
    assert overlapping(project) == []
    assert min(card.x for card in cards_of(project).values()) >= note.x + note.w

    # A note between where the cards stand would hide a line: the map moves right of it.
    board = Board(
        elements=[
            PersonaCard(persona_id=a.id, x=0, y=0, w=280, h=360),
            PersonaCard(persona_id=b.id, x=0, y=1000, w=280, h=360),
            NoteElement(text="between", x=0, y=500, w=300, h=100),
        ]
    )
    project = laid_out(Project(personas=[a, b, c], boards=[board]))
    assert min(card.x for card in cards_of(project).values()) >= 300
    assert overlapping(project) == []


def test_an_empty_project_changes_nothing_and_an_unknown_board_or_layout_is_refused() -> None:
    project = Project(boards=[Board()])
    assert not plan_relations(project, project.boards[0].id).changes
    with pytest.raises(OpError, match="no board"):
        plan_relations(project, "00000000-0000-4000-8000-000000000000")
    with pytest.raises(OpError, match="unknown layout"):
        plan_relations(project, project.boards[0].id, "circle")  # type: ignore[arg-type]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_lays_out_saves_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "b2b.personamap"
    project = random_project(6, seed=2)
    project.boards[0].name = "Committee"
    save(project, path)
    done = run_cli("map", str(path), "--board", "Committee")
    assert done.returncode == 0, done.stderr
    assert "placed 6 persona cards" in done.stdout and "drew 9 connectors" in done.stdout
    saved = load(path)
    assert len(cards_of(saved)) == 6 and overlapping(saved) == [] and problems(saved) == []
    text = path.read_text(encoding="utf-8")
    again = run_cli("map", str(path), "--board", "Committee")
    assert again.returncode == 0 and "no change" in again.stdout
    assert path.read_text(encoding="utf-8") == text
    spring_run = run_cli("map", str(path), "--board", "Committee", "--layout", "spring")
    assert spring_run.returncode == 0, spring_run.stderr
    assert "placed 0 persona cards" in spring_run.stdout
    assert overlapping(load(path)) == []


def test_cli_names_an_unknown_board_and_refuses_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "p.personamap"
    save(random_project(3), path)
    text = path.read_text(encoding="utf-8")
    done = run_cli("map", str(path), "--board", "Nowhere\x1b[31m")
    assert done.returncode == 1
    assert "no board named 'Nowhere\\x1b[31m'" in done.stderr and "'Map'" in done.stderr
    assert path.read_text(encoding="utf-8") == text
    broken = tmp_path / "broken.personamap"
    broken.write_text(json.dumps({"not": "a project"}), encoding="utf-8")
    assert run_cli("map", str(broken), "--board", "Map").returncode == 1
    assert run_cli("map", str(path), "--board", "Map", "--layout", "circle").returncode == 2


def test_a_crowded_role_wraps_onto_several_rows_below_the_roles_above_it() -> None:
    buyer = persona("Buyer", BuyingRole.ECONOMIC_BUYER)
    users = [persona(f"User {i}", BuyingRole.USER) for i in range(ROW_LENGTH + 3)]
    rows, _apart = committee_rows(Project(personas=[*users, buyer]))
    assert rows == [[buyer.id], [u.id for u in users[:ROW_LENGTH]], [u.id for u in users[ROW_LENGTH:]]]
    project = laid_out(Project(personas=[*users, buyer], boards=[Board()]))
    cards = cards_of(project)
    assert len({cards[u.id].y for u in users}) == 2 and all(cards[u.id].y > cards[buyer.id].y for u in users)
    assert overlapping(project) == []


def test_a_relation_to_a_persona_the_project_lacks_gets_no_connector() -> None:
    a, b = persona("A", BuyingRole.CHAMPION), persona("B", BuyingRole.USER)
    kept = Relation(source_id=b.id, target_id=a.id)
    dangling = Relation(source_id=a.id, target_id="00000000-0000-4000-8000-000000000000")
    project = Project(personas=[a, b], relations=[dangling, kept], boards=[Board()])
    assert persona_relations(project) == [kept]
    plan = plan_relations(project, project.boards[0].id)
    assert (plan.placed, plan.connected) == (2, 1)
