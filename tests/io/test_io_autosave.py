"""Autosave sessions: snapshots, rotation, recovery after a crash, a live second instance."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from personamap.io import SaveError
from personamap.io.autosave import KEEP_SNAPSHOTS, MAX_WAIT_S, Debounce, Session
from personamap.model import Persona, Project


def project(title: str = "Workshop", personas: int = 1) -> Project:
    return Project(title=title, personas=[Persona(name=f"P{i}") for i in range(personas)])


def test_snapshots_rotate_and_forget_removes_them(tmp_path: Path) -> None:
    session = Session(tmp_path)
    key = session.new_document_key()
    for i in range(KEEP_SNAPSHOTS + 3):
        session.snapshot(key, project(personas=i), None)
    files = sorted((session.folder / key).glob("*.personamap"))
    assert len(files) == KEEP_SNAPSHOTS
    session.forget(key)
    assert not (session.folder / key).exists()
    session.close()
    assert not session.folder.exists()


def test_debounce_waits_for_a_pause_but_never_past_the_max_wait() -> None:
    debounce = Debounce(delay=3.0, max_wait=MAX_WAIT_S)
    assert debounce.edit(100.0) == 103.0, "a lone edit: a pause of `delay`"
    due = [debounce.edit(100.0 + s) for s in range(1, 12)]  # an edit every second
    assert due[:6] == [104.0, 105.0, 106.0, 107.0, 108.0, 109.0]
    assert due[6:] == [100.0 + MAX_WAIT_S] * 5, "the first unsnapshotted edit bounds the wait"
    debounce.done()
    assert debounce.edit(111.5) == 114.5, "after a snapshot, the next edit starts afresh"


def test_a_failed_snapshot_leaves_no_temp_file_and_keeps_the_last_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session(tmp_path)
    key = session.new_document_key()
    good = session.snapshot(key, project(personas=2), None)

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(SaveError):
        session.snapshot(key, project(personas=3), None)
    monkeypatch.undo()
    folder = session.folder / key
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    assert sorted(folder.glob("*.personamap")) == [good]
    session.release()
    (found,) = Session(tmp_path).recoverable()
    assert len(found.load().personas) == 2
    session.close()


def test_a_live_session_is_not_recoverable(tmp_path: Path) -> None:
    first, second = Session(tmp_path), Session(tmp_path)
    first.snapshot(first.new_document_key(), project(), None)
    assert second.recoverable() == []
    first.close()
    second.close()


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from personamap.io.autosave import Session
    from personamap.model import Persona, Project
    session = Session(Path(sys.argv[1]))
    key = session.new_document_key()
    for i in range(3):
        personas = [Persona(name=f"P{j}") for j in range(i + 1)]
        session.snapshot(key, Project(title="Crashed", personas=personas), Path("/home/me/work.personamap"))
    print("ready", flush=True)
    time.sleep(60)
    """
)


def _child(root: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(root)], stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def test_killed_instance_leaves_a_recoverable_document(tmp_path: Path) -> None:
    proc = _child(tmp_path)
    mine = Session(tmp_path)
    assert mine.recoverable() == [], "a running instance is not a crash"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    (found,) = mine.recoverable()
    assert found.title == "Crashed"
    assert found.original_path == Path("/home/me/work.personamap")
    assert len(found.load().personas) == 3, "the newest snapshot is offered"
    assert "3 personas" in found.summary
    key = mine.adopt(found)
    assert (mine.folder / key).is_dir()
    assert mine.recoverable() == []
    mine.forget(key)
    mine.close()
    assert list(tmp_path.iterdir()) == []


def test_discard_removes_the_dead_session(tmp_path: Path) -> None:
    proc = _child(tmp_path)
    proc.kill()
    proc.wait(10)
    mine = Session(tmp_path)
    (found,) = mine.recoverable()
    mine.discard(found)
    assert mine.recoverable() == []
    assert not found.session.exists()
    mine.close()


def test_a_corrupt_newest_snapshot_falls_back_to_the_previous(tmp_path: Path) -> None:
    proc = _child(tmp_path)
    proc.kill()
    proc.wait(10)
    mine = Session(tmp_path)
    (found,) = mine.recoverable()
    found.snapshot.write_bytes(b'{"format": "personamap", "schema_version": 1, "tit')
    time.sleep(0.01)
    (again,) = mine.recoverable()
    assert again.snapshot != found.snapshot
    assert len(again.load().personas) == 2
    mine.close()
