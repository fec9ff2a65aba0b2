"""What a participant's personamap remembers of a session between runs, per host and name: the
token that lets it come back as the same participant, its copy of the document, what the host
has confirmed, and the notes asked for but not yet confirmed. Written atomically before anything
is sent, so a client killed mid-send neither loses a note nor delivers it twice."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from ..io.atomic import atomic_write_bytes
from ..io.filelock import try_lock

ENV = "PERSONAMAP_STATE_DIR"
VERSION = 1
KEEP_DAYS = 30
"""A session's state untouched this long is deleted: each session has its own port, so the
folder would otherwise keep one file per workshop ever joined."""


@dataclass
class Wanted:
    """A note the participant asked for: its text, where (`place`: a place's {kind, id}; else
    `stage`: a stage's name, or None for the focused place), and its id in the document once
    it was put there."""

    text: str
    stage: str | None = None
    note_id: str | None = None
    place: dict[str, str] | None = None


@dataclass
class JoinState:
    where: str
    name: str
    pid: str = ""
    token: str = ""
    doc: bytes = b""
    acked: bytes = b""
    """The state vector of `doc` the host is known to have: the rest is re-sent on resuming."""
    outbox: list[Wanted] = field(default_factory=list)

    def want(self, text: str, stage: str | None) -> None:
        """Ask for a note, once: the same text for the same place asked again is not a second."""
        if not any(w.text == text and w.stage == stage and w.place is None for w in self.outbox):
            self.outbox.append(Wanted(text, stage))

    def became(self, pid: str, token: str) -> None:
        """The host let this client in as `pid` with `token`. A new token means a new session
        (the host was restarted): the old copy of the document is of no use, and the notes it
        had not confirmed are asked for again."""
        if token != self.token or pid != self.pid:
            self.doc = self.acked = b""
            for wanted in self.outbox:
                wanted.note_id = None
        self.pid, self.token = pid, token


class StateBusy(Exception):
    """Another process is this participant of this session right now."""


def state_dir() -> Path:
    return Path(os.environ.get(ENV) or platformdirs.user_state_dir("personamap")) / "live"


def state_path(where: str, name: str) -> Path:
    digest = hashlib.sha256(f"{where}\n{name}".encode()).hexdigest()[:32]
    return state_dir() / f"{digest}.json"


def load_state(where: str, name: str) -> JoinState:
    """The remembered state, or a fresh one when there is none (or it cannot be read)."""
    try:
        raw: dict[str, Any] = json.loads(state_path(where, name).read_text(encoding="utf-8"))
        if raw.get("version") != VERSION or raw.get("where") != where or raw.get("name") != name:
            return JoinState(where, name)
        return JoinState(
            where=where,
            name=name,
            pid=str(raw["pid"]),
            token=str(raw["token"]),
            doc=base64.b64decode(raw["doc"]),
            acked=base64.b64decode(raw["acked"]),
            outbox=[Wanted(str(w["text"]), w["stage"], w["note_id"], w.get("place")) for w in raw["outbox"]],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return JoinState(where, name)


def save_state(state: JoinState) -> None:
    """Write the state atomically (a crash leaves the old file or the new one, never half)."""
    path = state_path(state.where, state.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = {
        **asdict(state),
        "version": VERSION,
        "doc": base64.b64encode(state.doc).decode(),
        "acked": base64.b64encode(state.acked).decode(),
    }
    atomic_write_bytes(path, json.dumps(raw).encode(), backup=False)
    _forget_old(path.parent)


def _forget_old(folder: Path) -> None:
    oldest = time.time() - KEEP_DAYS * 86400
    for old in [*folder.glob("*.json"), *folder.glob("*.lock")]:
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < oldest:
                old.unlink()


@contextlib.contextmanager
def held(where: str, name: str, wait: float) -> Iterator[None]:
    """The state of this participant of this session for this process alone: two runs as the
    same participant would each send the other's notes and overwrite each other's file. Waits
    up to `wait` seconds for another holder (StateBusy after); a dead process holds nothing."""
    path = state_path(where, name).with_suffix(".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        deadline = time.monotonic() + wait
        while not try_lock(handle):
            if time.monotonic() >= deadline:
                raise StateBusy(name)
            time.sleep(0.05)
        os.utime(path)  # in use: not forgotten as old
        yield


