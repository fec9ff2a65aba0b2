"""A participant's changes reach the host's project as ops, and what the rules refuse is
reverted in the shared document."""

from __future__ import annotations

from livesession import Participant
from pycrdt import Map

from personamap.live.bridge import MAX_NOTE
from personamap.live.places import quadrant_key
from personamap.live.ratelimit import RateLimit


def _journey_texts(project):
    return [n.text for n in project.journeys[0].notes]


def test_a_note_added_by_a_participant_lands_in_the_focused_stage(make_host):
    journey = make_host().project.journeys[0]
    host = make_host(focus=journey.stages[1].id)
    alice = Participant(host, "alice")
    alice.add("Compares prices", "stage", journey.stages[1].id)
    outcome = alice.push()
    assert outcome.refused == [] and len(outcome.applied) == 1
    note = journey.notes[-1]
    assert (note.text, note.stage_id, note.lane_id) == (
        "Compares prices",
        journey.stages[1].id,
        journey.lanes[0].id,
    )
    assert any(n["text"] == "Compares prices" for n in alice.notes())
    host.undo[-1].apply(host.project)
    assert _journey_texts(host.project) == ["Finds the shop"]


def test_notes_go_to_quadrants_lanes_and_the_board_when_allowed(make_host):
    host = make_host(add_anywhere=True)
    journey, emap, board = host.project.journeys[0], host.project.empathy_maps[0], host.board
    bob = Participant(host, "bob")
    bob.add("Worried", "quadrant", quadrant_key(emap.id, "feels"))
    bob.add("Asks a friend", "lane", journey.lanes[1].id)
    bob.add("Idea for later", "board", board.id)
    outcome = bob.push()
    assert outcome.refused == [] and len(outcome.applied) == 3
    assert [(n.text, n.quadrant.value) for n in emap.notes][-1] == ("Worried", "feels")
    assert (journey.notes[-1].text, journey.notes[-1].lane_id) == ("Asks a friend", journey.lanes[1].id)
    assert journey.notes[-1].stage_id == journey.stages[0].id
    placed = board.elements[-1]
    assert (placed.type, placed.text) == ("note", "Idea for later")


def test_a_note_outside_the_focus_is_refused_and_reverted(make_host):
    journey = make_host().project.journeys[0]
    host = make_host(focus=journey.stages[0].id)
    carol = Participant(host, "carol")
    carol.add("Elsewhere", "stage", journey.stages[1].id)
    hidden = host.project.journeys[1].stages[0].id
    carol.add("Sneaky", "stage", hidden)
    outcome = carol.push()
    assert outcome.applied == []
    assert "notes go to the focused place in this session" in outcome.refused
    assert "the note's place is not on this board" in outcome.refused
    assert _journey_texts(host.project) == ["Finds the shop"] and host.project.journeys[1].notes == []
    assert not any(n["text"] in ("Elsewhere", "Sneaky") for n in carol.notes())


def test_editing_and_deleting_own_notes_but_not_others(make_host):
    host = make_host(add_anywhere=True)
    stage = host.project.journeys[0].stages[0].id
    alice, bob = Participant(host, "alice"), Participant(host, "bob")
    mine = alice.add("First draft", "stage", stage)
    alice.push()
    bob.pull()
    alice.note(mine)["text"] = "Second draft"
    assert alice.push().refused == []
    assert _journey_texts(host.project)[-1] == "Second draft"

    bob.pull()
    bob.note(mine)["text"] = "Vandalised"
    outcome = bob.push()
    assert outcome.refused == ["you can only change your own notes"] and outcome.applied == []
    assert _journey_texts(host.project)[-1] == "Second draft"
    assert bob.note(mine)["text"] == "Second draft"

    host_note = next(n for n in bob.notes() if n["text"] == "Finds the shop")["id"]
    index = next(k for k, n in enumerate(bob.notes()) if n["id"] == host_note)
    del bob.shared["notes"][index]
    assert bob.push().refused == ["you can only change your own notes"]
    assert any(n["id"] == host_note for n in bob.notes())
    assert "Finds the shop" in _journey_texts(host.project)

    bob.note(mine)["author"] = "bob"
    assert bob.push().refused == ["only a note's text can change"]
    assert bob.note(mine)["author"] == "alice"

    alice.pull()
    index = next(k for k, n in enumerate(alice.notes()) if n["id"] == mine)
    del alice.shared["notes"][index]
    assert alice.push().refused == []
    assert _journey_texts(host.project) == ["Finds the shop"]


def test_a_locked_board_refuses_new_notes_and_edits(make_host):
    host = make_host(add_anywhere=True)
    stage = host.project.journeys[0].stages[0].id
    dan = Participant(host, "dan")
    mine = dan.add("Before the lock", "stage", stage)
    dan.push()
    host.set(locked=True)
    dan.pull()
    dan.add("After the lock", "stage", stage)
    dan.note(mine)["text"] = "Changed after the lock"
    outcome = dan.push()
    assert outcome.refused == ["the board is locked", "the board is locked"]
    assert _journey_texts(host.project) == ["Finds the shop", "Before the lock"]
    assert [n["text"] for n in dan.notes() if n["author"] == "dan"] == ["Before the lock"]


def test_participants_cannot_change_the_session(make_host):
    host = make_host()
    eve = Participant(host, "eve")
    eve.shared["session"]["locked"] = True
    eve.shared["session"]["dots"] = 99
    eve.shared["participants"]["eve"] = Map({"name": "Admin", "joined": "now"})
    outcome = eve.push()
    assert "participants cannot change the session" in outcome.refused
    assert "participants cannot change the participants" in outcome.refused
    assert eve.shared["session"]["locked"] is False and eve.shared["session"]["dots"] == 3
    assert eve.shared["participants"].to_py() == {}


def test_votes_count_with_dots_only_during_a_vote(make_host):
    host = make_host()
    journey, emap = host.project.journeys[0], host.project.empathy_maps[0]
    fay = Participant(host, "fay")
    journey_note = next(n["id"] for n in fay.notes() if n["text"] == "Finds the shop")
    empathy_note = next(n["id"] for n in fay.notes() if n["text"] == "It is too dear")
    fay.shared["votes"][journey_note] = Map({"fay": 1})
    assert fay.push().refused == ["no vote is open"]
    assert journey.notes[0].votes == [] and fay.shared["votes"].to_py() == {}

    host.set(vote_open=True)
    fay.pull()
    fay.shared["votes"][journey_note] = Map({"fay": 2})
    fay.shared["votes"][empathy_note] = Map({"fay": 1})
    assert fay.push().refused == []
    assert [v.participant for v in journey.notes[0].votes] == ["fay", "fay"]
    assert journey.notes[0].votes[0].session == "workshop"
    assert len(emap.notes[0].votes) == 1

    fay.shared["votes"][empathy_note]["fay"] = 2
    assert fay.push().refused == ["you have no dots left"]
    assert len(emap.notes[0].votes) == 1 and fay.shared["votes"][empathy_note]["fay"] == 1

    fay.shared["votes"][journey_note]["fay"] = 0
    fay.shared["votes"][empathy_note]["fay"] = 3
    assert fay.push().refused == []
    assert journey.notes[0].votes == [] and len(emap.notes[0].votes) == 3

    gus = Participant(host, "gus")
    gus.shared["votes"][empathy_note]["fay"] = 0
    gus.shared["votes"][empathy_note]["gus"] = 1
    assert gus.push().refused == ["you can only change your own votes"]
    assert [v.participant for v in emap.notes[0].votes] == ["fay", "fay", "fay", "gus"]
    assert gus.shared["votes"][empathy_note].to_py() == {"fay": 3.0, "gus": 1.0}


def test_votes_on_board_notes_or_unknown_notes_are_refused(make_host):
    host = make_host()
    host.set(vote_open=True)
    hal = Participant(host, "hal")
    board_note = next(n["id"] for n in hal.notes() if n["text"] == "Parking lot")
    hal.shared["votes"][board_note] = Map({"hal": 1})
    hal.shared["votes"]["ghost"] = Map({"hal": 1})
    outcome = hal.push()
    assert sorted(outcome.refused) == ["notes on the board take no votes", "there is no such note to vote on"]
    assert hal.shared["votes"].to_py() == {}


def test_hostile_text_stays_plain_and_capped(make_host):
    host = make_host(add_anywhere=True)
    board = host.board
    ivy = Participant(host, "ivy")
    ivy.add("<script>alert(1)</script>\x00\x1b[31m&amp;", "board", board.id)
    ivy.add("x" * (MAX_NOTE + 1), "board", board.id)
    ivy.add("   ", "board", board.id)
    ivy.add("Impostor", "board", board.id, author="alice")
    outcome = ivy.push()
    assert sorted(outcome.refused) == [
        "a new note's author must be you",
        "a note holds at most 500 characters",
        "a note needs text",
    ]
    placed = [e for e in board.elements if e.type == "note"][-1]
    assert placed.text == "<script>alert(1)</script>[31m&amp;"
    assert [n["text"] for n in ivy.notes() if n["author"] == "ivy"] == [placed.text]


def test_malformed_and_oversized_updates_are_rejected(make_host):
    host = make_host(add_anywhere=True)
    before = host.project.model_dump_json()
    outcome = host.bridge.receive(host.project, "joe", b"\x01\x02garbage")
    assert outcome.refused == ["the update is malformed"] and outcome.applied == []
    outcome = host.bridge.receive(host.project, "joe", b"\x00" * (64 * 1024 + 1))
    assert outcome.refused == ["the update is too large"]
    joe = Participant(host, "joe")
    joe.shared["notes"].append("not a note")
    joe.shared["notes"].append(Map({"id": 7, "text": "no id"}))
    joe.shared["votes"]["x"] = "not counts"
    joe.push()
    assert host.project.model_dump_json() == before
    assert all(isinstance(n, dict) and isinstance(n["id"], str) for n in joe.notes())
    assert joe.shared["votes"].to_py() == {}


def test_a_flood_is_refused_by_the_rate_limit(make_host):
    now = [0.0]
    host = make_host(add_anywhere=True, limit=RateLimit(rate=1.0, burst=2.0, clock=lambda: now[0]))
    kim = Participant(host, "kim")
    results = []
    for k in range(3):
        kim.add(f"Note {k}", "board", host.board.id)
        results.append(kim.push().refused)
    assert results == [[], [], ["too many changes at once; slow down"]]
    now[0] += 1.0
    assert kim.push().refused == []
    assert [e.text for e in host.board.elements if e.type == "note"][1:] == ["Note 0", "Note 1", "Note 2"]


def test_duplicate_note_ids_are_refused(make_host):
    host = make_host(add_anywhere=True)
    lee = Participant(host, "lee")
    existing = lee.notes()[0]["id"]
    lee.add("Copy", "board", host.board.id, note_id=existing)
    assert lee.push().refused == ["a new note needs an id of its own"]
    assert len(lee.notes()) == 3


def test_notes_written_offline_arrive_once_and_concurrent_adds_all_land(make_host):
    host = make_host(add_anywhere=True)
    stage = host.project.journeys[0].stages[0].id
    mia, ned = Participant(host, "mia"), Participant(host, "ned")
    mia.add("Offline one", "stage", stage)
    mia.add("Offline two", "stage", stage)
    ned.add("At the same time", "stage", stage)
    late = mia.doc.get_update(host.doc.get_state())
    assert len(mia.push().applied) == 2
    assert len(ned.push().applied) == 1
    again = host.bridge.receive(host.project, "mia", late)
    assert again.applied == [] and again.refused == []
    assert _journey_texts(host.project) == [
        "Finds the shop",
        "Offline one",
        "Offline two",
        "At the same time",
    ]
    mia.pull()
    assert [n["text"] for n in mia.notes()] == [n["text"] for n in ned.notes()]
