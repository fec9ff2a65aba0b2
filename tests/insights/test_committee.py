"""The buying committee: centrality on the relation graph, the paths from champion to economic
buyer (along the relations, else ignoring their direction, else none), and the blockers on them."""

from __future__ import annotations

import pytest

from personamap.insights.committee import committee
from personamap.model import BuyingRole, Firmographics, Persona, Project, Relation, RelationKind, new_id


def persona(name: str, role: BuyingRole | None = None) -> Persona:
    return Persona(name=name, firmographics=Firmographics(buying_role=role))


def relate(a: Persona, kind: RelationKind, b: Persona) -> Relation:
    return Relation(source_id=a.id, target_id=b.id, kind=kind)


def names(project: Project, ids: tuple[str, ...]) -> list[str]:
    return [p.name for pid in ids for p in project.personas if p.id == pid]


def test_a_blocker_on_the_only_path() -> None:
    user = persona("Uma", BuyingRole.USER)
    champ = persona("Chris", BuyingRole.CHAMPION)
    blocker = persona("Bea", BuyingRole.BLOCKER)
    buyer = persona("Eve", BuyingRole.ECONOMIC_BUYER)
    project = Project(
        personas=[user, champ, blocker, buyer],
        relations=[
            relate(user, RelationKind.INFLUENCES, champ),
            relate(champ, RelationKind.CHAMPIONS, blocker),
            relate(blocker, RelationKind.REPORTS_TO, buyer),
        ],
    )
    result = committee(project)
    [path] = result.paths
    assert (path.from_id, path.to_id, path.directed) == (champ.id, buyer.id, True)
    assert names(project, path.ids) == ["Chris", "Bea", "Eve"]
    [b] = result.blockers
    assert (b.persona_id, b.on_path, b.blocks, b.paths) == (blocker.id, True, (), (0,))
    scores = {c.persona: c.score for c in result.centrality}
    # a chain Uma — Chris — Bea — Eve: each inner persona lies on 2 of the 3 links between others
    assert scores == {"Chris": pytest.approx(2 / 3), "Bea": pytest.approx(2 / 3), "Uma": 0.0, "Eve": 0.0}
    assert [c.persona for c in result.centrality][2:] == ["Eve", "Uma"]  # ties: by relations, then name


def test_who_blocks_a_persona_on_the_path_is_a_blocker_and_blocks_is_no_channel() -> None:
    champ, buyer = persona("Chris", BuyingRole.CHAMPION), persona("Eve", BuyingRole.ECONOMIC_BUYER)
    it = persona("Ivan", BuyingRole.IT_SECURITY)
    project = Project(
        personas=[champ, buyer, it],
        relations=[
            relate(champ, RelationKind.BLOCKS, it),
            relate(it, RelationKind.BLOCKS, buyer),  # not a way from Chris to Eve
            relate(champ, RelationKind.INFLUENCES, buyer),
            relate(it, RelationKind.BLOCKS, champ),
        ],
    )
    result = committee(project)
    assert [names(project, p.ids) for p in result.paths] == [["Chris", "Eve"]]
    [b] = result.blockers
    assert (b.persona_id, b.on_path, set(b.blocks), b.paths) == (it.id, False, {buyer.id, champ.id}, (0,))


def test_against_the_arrows_the_path_is_marked_undirected() -> None:
    champ, buyer = persona("Chris", BuyingRole.CHAMPION), persona("Eve", BuyingRole.ECONOMIC_BUYER)
    project = Project(personas=[champ, buyer], relations=[relate(buyer, RelationKind.APPROVES, champ)])
    [path] = committee(project).paths
    assert (names(project, path.ids), path.directed) == (["Chris", "Eve"], False)


def test_collaborating_runs_both_ways() -> None:
    champ, buyer = persona("Chris", BuyingRole.CHAMPION), persona("Eve", BuyingRole.ECONOMIC_BUYER)
    project = Project(personas=[champ, buyer], relations=[relate(buyer, RelationKind.COLLABORATES, champ)])
    [path] = committee(project).paths
    assert path.directed


def test_unconnected_champion_and_buyer_get_an_empty_path() -> None:
    champ, buyer = persona("Chris", BuyingRole.CHAMPION), persona("Eve", BuyingRole.ECONOMIC_BUYER)
    other = persona("Olga")
    project = Project(
        personas=[champ, buyer, other],
        relations=[
            relate(champ, RelationKind.INFORMS, other),
            Relation(source_id=other.id, target_id=new_id(), kind=RelationKind.INFLUENCES),  # a gone persona
        ],
    )
    result = committee(project)
    [path] = result.paths
    assert (path.from_id, path.to_id, path.ids, result.blockers) == (champ.id, buyer.id, (), [])
    assert {c.persona: c.relations for c in result.centrality} == {"Chris": 1, "Olga": 1, "Eve": 0}


def test_several_shortest_paths_and_every_pair_of_champion_and_buyer() -> None:
    c1, c2 = persona("C1", BuyingRole.CHAMPION), persona("C2", BuyingRole.CHAMPION)
    e = persona("E", BuyingRole.ECONOMIC_BUYER)
    m1, m2 = persona("M1"), persona("M2")
    project = Project(
        personas=[c1, c2, e, m1, m2],
        relations=[
            relate(c1, RelationKind.INFLUENCES, m1),
            relate(c1, RelationKind.INFLUENCES, m2),
            relate(m1, RelationKind.INFLUENCES, e),
            relate(m2, RelationKind.INFLUENCES, e),
            relate(c2, RelationKind.INFLUENCES, e),
        ],
    )
    found = sorted(names(project, p.ids) for p in committee(project).paths)
    assert found == [["C1", "M1", "E"], ["C1", "M2", "E"], ["C2", "E"]]
