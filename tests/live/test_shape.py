"""The session document holds the board's places and notes, and nothing else of the file."""

from __future__ import annotations

import pytest
from pycrdt import Doc

from personamap.live.places import quadrant_key
from personamap.live.shape import new_session_doc, roots, snapshot


def test_session_doc_shows_the_board_and_nothing_else(project):
    journey, emap, board = project.journeys[0], project.empathy_maps[0], project.boards[0]
    stage = journey.stages[1]
    doc = new_session_doc(project, board.id, focus=stage.id, dots=5)
    state = snapshot(doc)
    assert state["session"] == {
        "board_id": board.id,
        "focus": stage.id,
        "vote_open": False,
        "dots": 5,
        "timer_end": None,
        "locked": False,
        "permissions": {"add_anywhere": False, "vote": True, "edit_own_only": True},
    }
    places = state["places"]
    orders = [place.pop("order") for place in places.values()]
    assert sorted(orders) == list(range(len(places))), "each place has its own position"
    assert places[stage.id] == {"kind": "stage", "name": "Buy"}
    assert places[journey.lanes[1].id] == {"kind": "lane", "name": "Thoughts"}
    assert places[quadrant_key(emap.id, "feels")] == {"kind": "quadrant", "name": "Feels"}
    assert places[board.id] == {"kind": "board", "name": "Workshop"}
    ordered = [key for _, key in sorted(zip(orders, places, strict=True))]
    stages = [s.id for s in journey.stages]
    assert [key for key in ordered if key in stages] == stages, "stages in the journey's order"
    texts = sorted(n["text"] for n in state["notes"])
    assert texts == ["Finds the shop", "It is too dear", "Parking lot"]
    assert all(n["author"] == "" for n in state["notes"])
    assert state["participants"] == {} and state["votes"] == {}
    dump = str(state)
    assert "Secret plans" not in dump and "Hidden" not in dump and "Shopping" not in dump


def test_a_participant_doc_receives_the_whole_shape(project):
    host = new_session_doc(project, project.boards[0].id)
    guest: Doc = Doc()
    roots(guest)
    guest.apply_update(host.get_update())
    assert snapshot(guest) == snapshot(host)


def test_unknown_board_or_focus_is_refused(project):
    with pytest.raises(ValueError, match="no board"):
        new_session_doc(project, "nope")
    with pytest.raises(ValueError, match="no stage"):
        new_session_doc(project, project.boards[0].id, focus=project.journeys[1].stages[0].id)
