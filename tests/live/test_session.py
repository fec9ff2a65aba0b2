"""LiveSession: joining with the PIN, coming back with a token, the facilitator's controls and
the document following the facilitator's own edits (no network here)."""

from __future__ import annotations

from typing import Any

import pytest
from pycrdt import Doc, Map

from personamap.live.session import PIN_TRIES, JoinRefused, LiveSession
from personamap.live.shape import HOST, Permissions, roots
from personamap.model.ops.core import Op
from personamap.model.ops.journey_notes import remove_journey_notes, update_journey_note
from personamap.model.project import Project


class Recorder:
    def __init__(self, project: Project):
        self.project = project
        self.undo: list[Op] = []
        self.published: list[bytes] = []
        self.removed: list[str] = []

    def apply(self, op: Op) -> None:
        inverse, _ = op.apply(self.project)
        self.undo.append(inverse)


@pytest.fixture
def live(project: Project) -> tuple[LiveSession, Recorder]:
    rec = Recorder(project)
    board = project.boards[0].id
    session = LiveSession(project, board, "123456", rec.apply, permissions=Permissions(add_anywhere=True))
    session.on_publish = rec.published.append
    session.on_remove = rec.removed.append
    return session, rec


def _client(session: LiveSession) -> Doc:
    doc: Doc = Doc()
    roots(doc)
    doc.apply_update(session.sync_answer(doc.get_state()))
    return doc


def _add(doc: Doc, session: LiveSession, pid: str, text: str, kind: str, key: str) -> Any:
    before = doc.get_state()
    note = {"id": f"{pid}-{text}", "author": pid, "text": text, "created": ""}
    roots(doc)["notes"].append(Map({**note, "target": Map({"kind": kind, "id": key})}))
    return session.receive(pid, doc.get_update(before))


def test_the_pin_admits_and_a_token_brings_the_same_participant_back(live) -> None:
    session, rec = live
    member = session.join("123456", "  Ana\x07 ", "10.0.0.5")
    assert member.name == "Ana" and member.pid == "p1"
    assert roots(session.doc)["participants"].to_py() == {"p1": {"name": "Ana", "joined": member.joined}}
    assert rec.published, "the new participant is sent to everyone"
    assert session.resume(member.token) is member
    with pytest.raises(JoinRefused, match="unknown participant"):
        session.resume("not-a-token")


def test_wrong_pins_shut_out_one_address_only(live) -> None:
    session, _ = live
    for _ in range(PIN_TRIES):
        with pytest.raises(JoinRefused, match="wrong PIN"):
            session.join("000000", "Mallory", "10.0.0.9")
    with pytest.raises(JoinRefused, match="too many wrong PINs"):
        session.join("123456", "Mallory", "10.0.0.9")
    assert session.join("123456", "Ana", "10.0.0.5").pid


def test_a_removed_participant_can_neither_come_back_nor_change_anything(live, project: Project) -> None:
    session, rec = live
    member = session.join("123456", "Ana", "a")
    doc = _client(session)
    session.remove(member.pid)
    assert rec.removed == [member.pid]
    with pytest.raises(JoinRefused, match="ended your session"):
        session.resume(member.token)
    stage = project.journeys[0].stages[1]
    outcome = _add(doc, session, member.pid, "Late", "stage", stage.id)
    assert outcome.refused == ["your session has ended"] and not rec.undo


def test_after_the_end_nobody_joins(live) -> None:
    session, _ = live
    member = session.join("123456", "Ana", "a")
    session.end()
    for attempt in (lambda: session.join("123456", "Bo", "b"), lambda: session.resume(member.token)):
        with pytest.raises(JoinRefused, match="the session has ended"):
            attempt()


def test_an_accepted_note_is_published_once_and_a_refused_one_never(live, project: Project) -> None:
    session, rec = live
    ana = session.join("123456", "Ana", "a").pid
    doc = _client(session)
    rec.published.clear()
    stage = project.journeys[0].stages[1]
    assert not _add(doc, session, ana, "Price shock", "stage", stage.id).refused
    assert len(rec.published) == 1
    watcher: Doc = Doc()
    roots(watcher)
    watcher.apply_update(session.sync_answer(b"\x00"))
    assert [n["text"] for n in roots(watcher)["notes"].to_py()][-1] == "Price shock"
    rec.published.clear()
    refused = _add(doc, session, ana, "Elsewhere", "stage", project.journeys[1].stages[0].id)
    assert refused.refused and not any(b"Elsewhere" in update for update in rec.published)


def test_configure_sets_the_session_and_rejects_unknown_keys(live) -> None:
    session, rec = live
    rec.published.clear()
    session.configure(locked=True, permissions=Permissions(vote=False), timer_end="2026-12-07T18:00:00+00:00")
    settings = session.settings()
    assert settings["locked"] is True and settings["timer_end"] == "2026-12-07T18:00:00+00:00"
    assert settings["permissions"] == {"add_anywhere": False, "vote": False, "edit_own_only": True}
    assert len(rec.published) == 1
    with pytest.raises(KeyError):
        session.configure(board_id="elsewhere")


def test_mirror_follows_the_facilitators_edits_and_keeps_authors(live, project: Project) -> None:
    session, rec = live
    ana = session.join("123456", "Ana", "a").pid
    doc = _client(session)
    journey = project.journeys[0]
    _add(doc, session, ana, "Queue too long", "lane", journey.lanes[1].id)
    model_id = journey.notes[-1].id
    # the facilitator edits the text of the host's note, deletes Ana's, renames a stage
    update_journey_note(project, journey.id, journey.notes[0].id, text="Finds the shop online").apply(project)
    journey.stages[0].name = "Explore"
    session.mirror()
    notes = {n["text"]: n for n in roots(session.doc)["notes"].to_py()}
    assert "Finds the shop online" in notes and notes["Finds the shop online"]["author"] == HOST
    assert notes["Queue too long"]["author"] == ana
    assert notes["Queue too long"]["target"] == {"kind": "lane", "id": journey.lanes[1].id}
    assert roots(session.doc)["places"][journey.stages[0].id]["name"] == "Explore"
    remove_journey_notes(project, journey.id, [model_id]).apply(project)
    session.mirror()
    assert "Queue too long" not in [n["text"] for n in roots(session.doc)["notes"].to_py()]
    for update in rec.published:
        doc.apply_update(update)
    assert roots(doc)["notes"].to_py() == roots(session.doc)["notes"].to_py()


def test_mirror_changes_nothing_when_nothing_changed(live) -> None:
    session, rec = live
    rec.published.clear()
    session.mirror()
    assert rec.published == []


def test_dots_are_recorded_under_the_participants_name(live, project: Project) -> None:
    session, _ = live
    ana = session.join("123456", "Ana", "a").pid
    other_ana = session.join("123456", "Ana", "b").pid
    session.configure(vote_open=True)
    journey = project.journeys[0]
    note_id = journey.notes[0].id
    for pid in (ana, other_ana):
        doc = _client(session)
        before = doc.get_state()
        votes = roots(doc)["votes"]
        if note_id in votes:
            votes[note_id][pid] = 1
        else:
            votes[note_id] = Map({pid: 1})
        assert not session.receive(pid, doc.get_update(before)).refused
    assert sorted(v.participant for v in journey.notes[0].votes) == ["Ana (p1)", "Ana (p2)"]
