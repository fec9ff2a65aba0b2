"""The host side of a live session: what a participant changed in the shared document becomes
ordinary ops of the host's project (applied through `apply`, so they land on the undo stack),
and whatever the host's rules refuse is written back over in the document (docs/live.md)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc

from ..model.base import clean_text, new_id
from ..model.ops.core import Op
from ..model.ops.errors import OpError
from ..model.project import Project
from .note_ops import add_note, edit_note, remove_note, vote_op
from .places import KINDS, Place, board_places
from .ratelimit import RateLimit
from .reconcile import restore_map, restore_notes
from .view import PlainView

MAX_NOTE = 500
MAX_UPDATE_BYTES = 64 * 1024
_NOTE_KEYS = {"id", "author", "text", "target", "created"}


class Refused(Exception):
    """A participant's change the host's rules do not allow; the message says why."""


@dataclass
class Outcome:
    applied: list[Op] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


class HostBridge:
    """Judges each update a participant sends, against the host's project and session."""

    def __init__(
        self,
        doc: Doc,
        apply: Callable[[Op], object],
        rate_limit: RateLimit | None = None,
        *,
        session: str = "",
        max_update: int = MAX_UPDATE_BYTES,
    ):
        self.doc, self.apply, self._limit = doc, apply, rate_limit
        self.session, self._max_update = session, max_update
        self.view = PlainView(doc)
        self._places: tuple[str, dict[str, Place]] | None = None
        self.model_ids: dict[str, str] = {}
        """Document note id -> model note id, for the notes participants added."""

    def receive(self, project: Project, participant: str, update: bytes) -> Outcome:
        """Apply a participant's update to the shared document and turn it into project ops."""
        if len(update) > self._max_update:
            return Outcome(refused=["the update is too large"])
        if self._limit is not None and not self._limit.allow(participant):
            return Outcome(refused=["too many changes at once; slow down"])
        before = self.view.read()
        self.view.mark()
        out = Outcome()
        try:
            self.doc.apply_update(update)
        except Exception:
            out.refused.append("the update is malformed")
        after = self.view.read()
        if after == before:
            return out
        judge = _Judge(self, project, participant, before, out)
        inserted = None if self.view.reshaped else self.view.inserted
        notes = judge.notes(after["notes"], inserted)
        untouched = inserted is not None and after["votes"] == before["votes"]
        votes = after["votes"] if untouched else judge.votes(after["votes"], notes)
        fixed = [name for name in ("session", "places", "participants") if after[name] != before[name]]
        if not fixed and notes is after["notes"] and votes is after["votes"]:
            return out
        shared = self.view.shared
        with self.doc.transaction(origin="host"):
            for name in fixed:
                out.refused.append(f"participants cannot change the {name}")
                restore_map(shared[name], before[name])
            if notes != after["notes"]:
                restore_notes(shared["notes"], notes, after["notes"])
            if votes != after["votes"]:
                restore_map(shared["votes"], votes)
        return out

    def places(self, project: Project, board_id: str) -> dict[str, Place]:
        """The board's places, worked out again after `forget_places` (the facilitator changed
        the project): participants' own ops never change them."""
        if self._places is None or self._places[0] != board_id:
            board = project.board(board_id)
            self._places = (board_id, board_places(project, board) if board is not None else {})
        return self._places[1]

    def forget_places(self) -> None:
        self._places = None

    def model_id(self, doc_id: str) -> str:
        return self.model_ids.get(doc_id, doc_id)


class _Taken:
    """Note ids in use: those of notes from before the update (`before(id)`) and those added."""

    def __init__(self, before: Callable[[Any], bool]):
        self.before = before
        self.added: set[str] = set()

    def __contains__(self, ident: object) -> bool:
        return ident in self.added or self.before(ident)

    def add(self, ident: str) -> None:
        self.added.add(ident)


class _Judge:
    """One update's verdicts: accepted notes and votes (as the document should show them)."""

    def __init__(self, bridge: HostBridge, project: Project, who: str, before: dict[str, Any], out: Outcome):
        self.bridge, self.project, self.who, self.before, self.out = bridge, project, who, before, out
        self.session = before["session"]
        self.places = bridge.places(project, str(self.session.get("board_id")))

    @property
    def voter(self) -> str:
        """Who a dot is recorded for in the project: the participant's name (with their id when
        somebody else took the same name), as the facilitator's vote results show it."""
        people = self.before.get("participants", {})
        name = str(people.get(self.who, {}).get("name") or self.who)
        twins = [pid for pid, p in people.items() if pid != self.who and p.get("name") == name]
        return f"{name} ({self.who})" if twins else name

    def _do(self, make: Callable[[], Op]) -> bool:
        try:
            op = make()
            self.bridge.apply(op)
        except (OpError, Refused, ValueError) as exc:
            self.out.refused.append(str(exc))
            return False
        self.out.applied.append(op)
        return True

    def _place(self, note: dict[str, Any]) -> Place:
        target = note.get("target")
        if not isinstance(target, dict) or target.get("kind") not in KINDS:
            raise Refused("a note needs a target: stage, lane, quadrant or board")
        place = self.places.get(str(target.get("id")))
        if place is None or place.kind != target["kind"]:
            raise Refused("the note's place is not on this board")
        return place

    def _may_edit(self, note: dict[str, Any]) -> None:
        if self.session.get("locked"):
            raise Refused("the board is locked")
        if note.get("author") != self.who:
            raise Refused("you can only change your own notes")
        if not self.session.get("permissions", {}).get("edit_own_only"):
            raise Refused("notes cannot be changed in this session")

    def notes(self, after: list[Any], inserted: list[Any] | None = None) -> list[dict[str, Any]]:
        """The notes as the host accepts them. `inserted`: the entries the update inserted,
        when it did nothing else to the notes (the usual update, judged without a walk)."""
        before = self.before["notes"]
        if inserted and len(after) == len(before) + len(inserted):
            return self._inserted(before, after, inserted)
        old = {n["id"]: n for n in before}
        kept: list[dict[str, Any]] = []
        seen: set[str] = set()
        for entry in after:
            ident = entry.get("id") if isinstance(entry, dict) else None
            if isinstance(ident, str) and ident in old and ident not in seen:
                seen.add(ident)
                same = entry is old[ident] or entry == old[ident]
                kept.append(old[ident] if same else self._edited(old[ident], entry))
            elif isinstance(entry, dict):
                added = self._added(entry, {*old, *seen})
                if added is not None:
                    seen.add(added["id"])
                    kept.append(added)
        for index, note in enumerate(self.before["notes"]):
            if note["id"] not in seen and not self._removed(note):
                kept.insert(min(index, len(kept)), note)
        return kept

    def _inserted(self, before: list[Any], after: list[Any], inserted: list[Any]) -> list[Any]:
        new = Counter(e["id"] for e in inserted if isinstance(e, dict) and isinstance(e.get("id"), str))
        held = self.bridge.view.ids
        taken = _Taken(lambda ident: held[ident] > new[ident])  # held by a note from before
        judged: dict[int, Any] = {}
        for entry in inserted:
            note = self._added(entry, taken) if isinstance(entry, dict) else None
            if note is not None:
                taken.add(note["id"])
            if note != entry:
                judged[id(entry)] = note
        if not judged:
            return after
        kept = [judged.get(id(entry), entry) for entry in after]
        return [entry for entry in kept if entry is not None]

    def _text(self, value: Any) -> str:
        if not isinstance(value, str):
            raise Refused("a note's text must be text")
        text = clean_text(value).strip()
        if not text:
            raise Refused("a note needs text")
        if len(text) > MAX_NOTE:
            raise Refused(f"a note holds at most {MAX_NOTE} characters")
        return text

    def _added(self, entry: dict[str, Any], taken: set[str] | _Taken) -> dict[str, Any] | None:
        try:
            ident = entry.get("id")
            if not isinstance(ident, str) or not 0 < len(ident) <= 64 or ident in taken:
                raise Refused("a new note needs an id of its own")
            if self.session.get("locked"):
                raise Refused("the board is locked")
            if entry.get("author") != self.who:
                raise Refused("a new note's author must be you")
            text, place = self._text(entry.get("text")), self._place(entry)
            focus = self.places.get(str(self.session.get("focus")))
            allowed = place == focus or (focus is None and place.kind == "board")
            if not allowed and not self.session.get("permissions", {}).get("add_anywhere"):
                raise Refused("notes go to the focused place in this session")
        except Refused as exc:
            self.out.refused.append(str(exc))
            return None
        created = entry.get("created")
        model_id = new_id()
        if not self._do(lambda: add_note(self.project, place, model_id, text, focus)):
            return None
        self.bridge.model_ids[ident] = model_id
        created = created if isinstance(created, str) and len(created) <= 40 else ""
        target = {"kind": place.kind, "id": place.key}
        return {"id": ident, "author": self.who, "text": text, "target": target, "created": created}

    def _edited(self, note: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
        try:
            if set(entry) != _NOTE_KEYS or any(entry[k] != note[k] for k in _NOTE_KEYS - {"text"}):
                raise Refused("only a note's text can change")
            self._may_edit(note)
            text, place = self._text(entry["text"]), self._place(note)
        except Refused as exc:
            self.out.refused.append(str(exc))
            return note
        model_id = self.bridge.model_id(note["id"])
        if text == note["text"] or self._do(lambda: edit_note(self.project, place, model_id, text)):
            return {**note, "text": text}
        return note

    def _removed(self, note: dict[str, Any]) -> bool:
        try:
            self._may_edit(note)
            place = self._place(note)
        except Refused as exc:
            self.out.refused.append(str(exc))
            return False
        return self._do(lambda: remove_note(self.project, place, self.bridge.model_id(note["id"])))

    def votes(self, after: Any, notes: list[dict[str, Any]]) -> dict[str, Any]:
        """Accepted votes: everyone's counts as before, but the sender's own changes where
        allowed; votes on notes no longer there are gone."""
        before = self.before["votes"]
        accepted: dict[str, Any] = {k: dict(v) for k, v in before.items() if isinstance(v, dict)}
        live = {n["id"]: n for n in notes}
        for note_id in [k for k in accepted if k not in live]:
            del accepted[note_id]
        after = after if isinstance(after, dict) else {}
        own = {k: int(v.get(self.who, 0)) for k, v in accepted.items()}
        wanted: dict[str, int] = {}
        for note_id, counts in after.items():
            value = counts.get(self.who, 0) if isinstance(counts, dict) else own.get(note_id, 0)
            if value != own.get(note_id, 0):
                wanted[note_id] = value
            others = {k: v for k, v in counts.items() if k != self.who} if isinstance(counts, dict) else {}
            if others != {k: v for k, v in accepted.get(note_id, {}).items() if k != self.who}:
                self.out.refused.append("you can only change your own votes")
        for note_id in own:
            if note_id not in after and own[note_id]:
                wanted[note_id] = 0
        for note_id, value in sorted(wanted.items(), key=lambda kv: kv[1]):
            count = self._vote(note_id, value, own, live)
            if count is not None:
                own[note_id] = count
                accepted.setdefault(note_id, {})[self.who] = count
                if count == 0:
                    del accepted[note_id][self.who]
                if not accepted[note_id]:
                    del accepted[note_id]
        return accepted

    def _vote(self, note_id: str, value: Any, own: dict[str, int], live: dict[str, Any]) -> int | None:
        try:
            if not self.session.get("vote_open") or not self.session.get("permissions", {}).get("vote"):
                raise Refused("no vote is open")
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or value != int(value)
                or value < 0
            ):
                raise Refused("a vote count is a whole number")
            if note_id not in live:
                raise Refused("there is no such note to vote on")
            new, old = int(value), own.get(note_id, 0)
            if sum(own.values()) - old + new > int(self.session.get("dots", 0)):
                raise Refused("you have no dots left")
            place = self._place(live[note_id])
        except Refused as exc:
            self.out.refused.append(str(exc))
            return None
        model_id = self.bridge.model_id(note_id)
        for step in range(abs(new - old)):
            if not self._do(
                lambda: vote_op(self.project, place, model_id, self.voter, new > old, self.bridge.session)
            ):
                return old + (step if new > old else -step)
        return new
