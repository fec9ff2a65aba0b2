"""The participant's live board puts the places in the facilitator's order, whatever order the
shared document's map hands them out in."""

from __future__ import annotations

from personamap.ui.live_join.board_model import board_view


def test_columns_follow_the_places_order_kind_by_kind() -> None:
    places = {
        "s3": {"kind": "stage", "name": "Use", "order": 3},
        "l1": {"kind": "lane", "name": "Actions", "order": 4},
        "s1": {"kind": "stage", "name": "Discover", "order": 1},
        "b": {"kind": "board", "name": "Workshop", "order": 0},
        "s2": {"kind": "stage", "name": "Buy", "order": 2},
    }
    snap = {"me": "p1", "session": {"board_id": "b"}, "places": places, "notes": [], "votes": {}}
    assert [c.name for c in board_view(snap).columns] == ["Discover", "Buy", "Use", "Actions", "Workshop"]
