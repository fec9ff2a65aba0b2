"""Autosave snapshots and crash recovery, without Qt (docs/RELIABILITY.md).

Layout under the store's root (the user's data folder, never next to the user's file):

    session-<id>/lock                 held (flock) by the running instance that owns the session
    session-<id>/<doc>/meta.json      which document: original path, title, when
    session-<id>/<doc>/<stamp>.personamap   full snapshots, newest last; a few are kept

A session whose lock nobody holds belongs to an instance that died: its documents are
recoverable. A live second instance holds its own lock, so it is never mistaken for a crash.
A snapshot is deleted only after the document is saved or the user discards it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from personamap.model import Project

from .atomic import atomic_write_bytes
from .codec import encode, load
from .errors import ProjectFileError
from .filelock import try_lock

KEEP_SNAPSHOTS = 5
SUFFIX = ".personamap"
DELAY_S = 3.0
"""Quiet time after the last edit before a snapshot is written."""
MAX_WAIT_S = 10.0
"""Longest time unsnapshotted work may wait, however steadily the user keeps editing."""


def default_root() -> Path:
    from platformdirs import user_data_path

    return user_data_path("personamap", appauthor=False) / "autosave"


class Debounce:
    """When the next snapshot is due: `delay` after the last edit, but never later than
    `max_wait` after the first edit not yet in a snapshot. A plain debounce waits for a pause
    that steady editing never makes (12 edits a second apart wrote no snapshot at all)."""

    def __init__(self, delay: float = DELAY_S, max_wait: float = MAX_WAIT_S) -> None:
        self.delay = delay
        self.max_wait = max_wait
        self.first: float | None = None
        """Clock time of the first edit since the last snapshot (None: nothing pending)."""

    def edit(self, now: float) -> float:
        """An edit happened at `now`; returns the clock time the snapshot is due."""
        if self.first is None:
            self.first = now
        return min(now + self.delay, self.first + self.max_wait)

    def done(self) -> None:
        """A snapshot was taken (or the work saved or dropped): nothing is pending."""
        self.first = None


@dataclass(frozen=True)
class Recoverable:
    """A document a dead session left behind, with what the restore dialog shows."""

    session: Path
    folder: Path
    snapshot: Path
    original_path: Path | None
    title: str
    saved_at: dt.datetime
    summary: str
    extra: Mapping[str, Any] = field(default_factory=dict)
    """What the writer passed to `snapshot(extra=...)` (untrusted: check before use)."""

    def load(self) -> Project:
        return load(self.snapshot)


class Session:
    """This instance's autosave session: one lock, one folder per open document."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or default_root()
        self.root.mkdir(parents=True, exist_ok=True)
        self.folder = self.root / f"session-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(4)}"
        self.folder.mkdir()
        self._lock_handle = open(self.folder / "lock", "wb")  # noqa: SIM115 - held for the session
        if not try_lock(self._lock_handle):  # pragma: no cover - a fresh random folder
            raise OSError(f"cannot lock {self.folder}")
        self._lock_handle.write(f"{os.getpid()}\n".encode())
        self._lock_handle.flush()

    # --- writing ------------------------------------------------------------------------

    def new_document_key(self) -> str:
        return secrets.token_hex(8)

    def snapshot(
        self, key: str, project: Project, original_path: Path | None, extra: Mapping[str, Any] | None = None
    ) -> Path:
        """Write a full snapshot of a document now; old ones beyond KEEP_SNAPSHOTS go. `extra`
        (JSON data) is kept in the metadata for whoever recovers it."""
        folder = self.folder / key
        folder.mkdir(exist_ok=True)
        now = dt.datetime.now(dt.UTC)
        target = folder / f"{now:%Y%m%dT%H%M%S%f}{SUFFIX}"
        atomic_write_bytes(target, encode(project), backup=False)
        meta = {
            "original_path": str(original_path) if original_path else None,
            "title": project.title,
            "saved_at": now.isoformat(),
            "summary": _summary(project),
            "extra": dict(extra or {}),
        }
        atomic_write_bytes(folder / "meta.json", json.dumps(meta, ensure_ascii=False).encode(), backup=False)
        for old in _snapshots(folder)[:-KEEP_SNAPSHOTS]:
            old.unlink(missing_ok=True)
        return target

    def forget(self, key: str) -> None:
        """The document was saved or discarded: its snapshots are no longer needed."""
        shutil.rmtree(self.folder / key, ignore_errors=True)

    def adopt(self, item: Recoverable) -> str:
        """Take a recovered document's snapshots into this session; returns its new key.
        They stay until the restored document is saved or discarded."""
        key = self.new_document_key()
        shutil.move(str(item.folder), str(self.folder / key))
        _remove_if_empty(item.session)
        return key

    def release(self) -> None:
        """Let go of the lock but keep the snapshots: the instance ends with unsaved work
        nobody decided about, so the next start offers it."""
        with contextlib.suppress(OSError):
            self._lock_handle.close()

    def close(self) -> None:
        """A clean exit: nothing of this session is left to recover."""
        with contextlib.suppress(OSError):
            self._lock_handle.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- recovery -----------------------------------------------------------------------

    def recoverable(self) -> list[Recoverable]:
        """Documents of sessions whose instance is gone, newest first."""
        found: list[Recoverable] = []
        for session in sorted(self.root.glob("session-*")):
            if session == self.folder or not session.is_dir() or _alive(session):
                continue
            for folder in sorted(p for p in session.iterdir() if p.is_dir()):
                item = _recoverable(session, folder)
                if item is not None:
                    found.append(item)
            if not any(p.is_dir() for p in session.iterdir()):
                _remove_if_empty(session, force=True)
        return sorted(found, key=lambda r: r.saved_at, reverse=True)

    def discard(self, item: Recoverable) -> None:
        shutil.rmtree(item.folder, ignore_errors=True)
        _remove_if_empty(item.session)


def _snapshots(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{SUFFIX}"))


def _alive(session: Path) -> bool:
    """True while some process holds the session's lock."""
    lock = session / "lock"
    if not lock.exists():
        return False
    try:
        with open(lock, "rb+") as handle:
            return not try_lock(handle)  # closing the handle releases a lock we just took
    except OSError:
        return True


def _recoverable(session: Path, folder: Path) -> Recoverable | None:
    snapshots = _snapshots(folder)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    if not isinstance(meta, dict):
        meta = {}
    for snapshot in reversed(snapshots):  # the newest readable one
        try:
            load(snapshot)
        except ProjectFileError:
            continue
        original = meta.get("original_path")
        try:
            saved_at = dt.datetime.fromisoformat(meta["saved_at"])
        except (KeyError, TypeError, ValueError):
            saved_at = dt.datetime.fromtimestamp(snapshot.stat().st_mtime, dt.UTC)
        return Recoverable(
            session=session,
            folder=folder,
            snapshot=snapshot,
            original_path=Path(original) if isinstance(original, str) else None,
            title=str(meta.get("title", "")),
            saved_at=saved_at,
            summary=str(meta.get("summary", "")),
            extra=meta["extra"] if isinstance(meta.get("extra"), dict) else {},
        )
    return None


def _remove_if_empty(session: Path, force: bool = False) -> None:
    """Drop a dead session folder once no document is left in it."""
    with contextlib.suppress(OSError):
        if force or not any(p.is_dir() for p in session.iterdir()):
            shutil.rmtree(session)


def _summary(project: Project) -> str:
    notes = sum(len(j.notes) for j in project.journeys) + sum(len(m.notes) for m in project.empathy_maps)
    counts = (
        (len(project.personas), "persona"),
        (len(project.journeys), "journey"),
        (len(project.boards), "board"),
        (notes, "note"),
    )
    return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)
