"""PlainView stays equal to a full read of the document whatever edits it sees, local or
arriving as updates from another document."""

from __future__ import annotations

from collections import Counter
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from pycrdt import Array, Doc, Map

from personamap.live.shape import roots, snapshot
from personamap.live.view import PlainView

IDS = st.sampled_from(["a", "b", "c", "d"])
edits = st.lists(
    st.one_of(
        st.tuples(st.just("append"), IDS, st.text(max_size=5)),
        st.tuples(st.just("insert0"), IDS, st.text(max_size=5)),
        st.tuples(st.just("delete"), st.integers(0, 6)),
        st.tuples(st.just("text"), st.integers(0, 6), st.text(max_size=5)),
        st.tuples(st.just("junk"), st.integers(0, 99)),
        st.tuples(st.just("vote"), IDS, st.sampled_from(["p1", "p2"]), st.integers(0, 3)),
        st.tuples(st.just("unvote"), IDS),
        st.tuples(st.just("session"), st.sampled_from(["focus", "locked"]), st.integers(0, 2)),
    ),
    max_size=25,
)


def _edit(doc: Doc, edit: tuple[Any, ...]) -> None:
    shared = roots(doc)
    notes: Array = shared["notes"]
    kind = edit[0]
    if kind in ("append", "insert0"):
        entry = Map({"id": edit[1], "text": edit[2], "target": Map({"kind": "board", "id": "b"})})
        notes.append(entry) if kind == "append" else notes.insert(0, entry)
    elif kind == "delete" and edit[1] < len(notes):
        del notes[edit[1]]
    elif kind == "text" and edit[1] < len(notes) and isinstance(notes[edit[1]], Map):
        notes[edit[1]]["text"] = edit[2]
    elif kind == "junk":
        notes.append(edit[1])
    elif kind == "vote":
        votes: Map = shared["votes"]
        if edit[1] in votes:
            votes[edit[1]][edit[2]] = edit[3]
        else:
            votes[edit[1]] = Map({edit[2]: edit[3]})
    elif kind == "unvote" and edit[1] in shared["votes"]:
        del shared["votes"][edit[1]]
    elif kind == "session":
        shared["session"][edit[1]] = edit[2]


@settings(max_examples=80, deadline=None, derandomize=True)
@given(local=edits, remote=edits, batched=st.booleans())
def test_the_view_equals_a_full_read(
    local: list[tuple[Any, ...]], remote: list[tuple[Any, ...]], batched: bool
) -> None:
    doc: Doc = Doc()
    view = PlainView(doc)
    for edit in local:
        _edit(doc, edit)
        assert view.read() == snapshot(doc)
    other: Doc = Doc()
    roots(other)
    other.apply_update(doc.get_update())
    before = other.get_state()
    if batched:
        with other.transaction():
            for edit in remote:
                _edit(other, edit)
    else:
        for edit in remote:
            _edit(other, edit)
    doc.apply_update(other.get_update(before))
    assert view.read() == snapshot(doc)
    copy = view.read()
    copy["notes"].append("changed")
    assert view.read() == snapshot(doc), "a read is a copy"
    assert view.rereads == 0, "every event was followed, none needed a full read"
    notes = snapshot(doc)["notes"]
    ids = Counter(n["id"] for n in notes if isinstance(n, dict) and isinstance(n.get("id"), str))
    assert +view.ids == ids, "the id counts follow the notes"
