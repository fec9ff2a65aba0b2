"""Atomic save: the old file survives every failure, a backup keeps the previous version, no
temporary file is left behind, and the user is told why in words."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from personamap.io import ProjectFileError, SaveError, atomic, backup_path, cleanup_orphans, dumps, load, save
from personamap.io.atomic import atomic_write_bytes
from personamap.model import Persona, Project

OLD = b"old content\n"
NEW = b"new content, longer than the old one\n" * 1000


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "sample.personamap"
    path.write_bytes(OLD)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def failed(target: Path, match: str) -> SaveError:
    with pytest.raises(SaveError, match=match) as info:
        atomic_write_bytes(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []
    assert info.value.source == str(target)
    return info.value


def test_new_file_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "fresh.personamap"
    atomic_write_bytes(path, NEW)
    assert path.read_bytes() == NEW
    assert not backup_path(path).exists()
    assert leftovers(tmp_path) == []


def test_overwrite_keeps_a_backup(target: Path) -> None:
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    assert backup_path(target).read_bytes() == OLD
    assert backup_path(target).name == "sample.personamap.bak"
    atomic_write_bytes(target, b"third\n")
    assert backup_path(target).read_bytes() == NEW
    assert leftovers(target.parent) == []


def test_no_backup_when_asked(target: Path) -> None:
    atomic_write_bytes(target, NEW, backup=False)
    assert target.read_bytes() == NEW and not backup_path(target).exists()


def test_backup_falls_back_to_a_copy(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    def no_links(*args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    atomic_write_bytes(target, NEW)
    assert backup_path(target).read_bytes() == OLD and target.read_bytes() == NEW


def test_full_disk_after_a_short_write(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_write = os.write
    calls = []

    def short_then_full(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return real_write(fd, bytes(data[: len(data) // 3]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", short_then_full)
    failed(target, "could not save: the disk is full")
    assert len(calls) == 2


def test_write_that_makes_no_progress(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(os, "write", lambda fd, data: 0)
    failed(target, "the disk accepted only 0 of")


def test_partial_writes_are_completed(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:1000])))
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW


def test_write_that_lies_about_its_count(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Like QSaveFile on a full disk: reports success for bytes it never wrote."""
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:10])) and len(data))
    failed(target, "the temporary file holds 10 of")


def test_fsync_failure(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    failed(target, "input/output error")


def test_replace_failure(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_replace = os.replace

    def refuse_target(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == target:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse_target)
    failed(target, "could not save: Invalid cross-device link")
    assert backup_path(target).read_bytes() == OLD


def test_replace_retries_a_sharing_violation(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_replace = os.replace
    attempts = []

    def busy_twice(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == target:
            attempts.append(1)
            if len(attempts) <= 2:
                raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", busy_twice)
    monkeypatch.setattr(atomic.time, "sleep", lambda s: None)
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW and len(attempts) == 3


def test_replace_gives_up_after_a_while(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_replace = os.replace

    def always_busy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == target:
            raise PermissionError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", always_busy)
    monkeypatch.setattr(atomic.time, "sleep", lambda s: None)
    failed(target, r"permission denied \(is the folder or the file read-only\?\)")


def test_target_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "sample.personamap"
    folder.mkdir()
    with pytest.raises(SaveError, match="it is a folder, not a file"):
        atomic_write_bytes(folder, NEW)
    assert folder.is_dir() and leftovers(tmp_path) == []


def test_backup_name_taken_by_a_folder(target: Path) -> None:
    backup_path(target).mkdir()
    failed(target, "the backup sample.personamap.bak is a folder")


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="does not exist"):
        atomic_write_bytes(tmp_path / "gone" / "x.personamap", NEW)


def test_read_only_file(target: Path) -> None:
    target.chmod(0o444)
    failed(target, "the file is marked read-only")


def test_read_only_folder_by_fault_injection(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_open = os.open

    def no_create(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", no_create)
    failed(target, r"could not save: permission denied \(is the folder or the file read-only\?\)")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder(target: Path) -> None:
    target.parent.chmod(0o555)
    try:
        failed(target, "permission denied")
    finally:
        target.parent.chmod(0o755)


def test_permissions_are_kept(target: Path) -> None:
    target.chmod(0o640)
    atomic_write_bytes(target, NEW)
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_is_followed_not_replaced(target: Path) -> None:
    link = target.parent / "link.personamap"
    link.symlink_to(target)
    atomic_write_bytes(link, NEW)
    assert link.is_symlink() and target.read_bytes() == NEW


def test_cleanup_orphans(tmp_path: Path) -> None:
    old = tmp_path / ".sample.personamap.0123456789ab.tmp"
    fresh = tmp_path / ".sample.personamap.ba9876543210.tmp"
    other = tmp_path / ".notes.tmp"
    folder = tmp_path / ".x.personamap.aaaaaaaaaaaa.tmp"
    for path in (old, fresh, other):
        path.write_bytes(b"partial")
    folder.mkdir()
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    assert cleanup_orphans(tmp_path) == [old]
    assert not old.exists() and fresh.exists() and other.exists() and folder.is_dir()
    assert cleanup_orphans(tmp_path, min_age=0) == [fresh]
    assert cleanup_orphans(tmp_path / "missing") == []


def test_save_and_load(tmp_path: Path, golden_path: Path) -> None:
    project = load(golden_path)
    path = tmp_path / "copy.personamap"
    save(project, path)
    save(project, path)
    assert load(path) == project
    assert path.read_bytes() == golden_path.read_bytes() == backup_path(path).read_bytes()
    assert leftovers(tmp_path) == []


def test_save_refuses_an_unsound_project(tmp_path: Path) -> None:
    persona = Persona(name="A")
    project = Project(personas=[persona, persona.model_copy()])
    path = tmp_path / "bad.personamap"
    with pytest.raises(SaveError) as info:
        save(project, path)
    assert info.value.source == str(path)
    assert info.value.problems[0][0] == "personas[1].id"
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_save_refuses_values_that_bypassed_validation(tmp_path: Path) -> None:
    project = Project(personas=[Persona(name="A")])
    project.personas[0].tags.append("bell\x07")  # list mutation skips validate_assignment
    with pytest.raises(SaveError) as info:
        save(project, tmp_path / "bad.personamap")
    assert info.value.problems == [("personas[0].tags[0]", "must be one line without control characters")]


def test_dumps_refuses_a_lone_surrogate() -> None:
    project = Project(personas=[Persona(name="A")])
    project.personas[0].tags.append("x\ud800")
    with pytest.raises(ProjectFileError) as info:
        dumps(project)
    assert info.value.problems == [("personas[0].tags[0]", "contains invalid text (a lone surrogate)")]
    assert info.value.source == "<memory>"


_KILLED_SAVER = """
import sys
from personamap.io import save
from personamap.model import JourneyMap, JourneyNote, Lane, Project, Stage
lane, stage = Lane(), Stage()
notes = [JourneyNote(text="note %d " % i * 8, lane_id=lane.id, stage_id=stage.id) for i in range(3000)]
project = Project(journeys=[JourneyMap(stages=[stage], lanes=[lane], notes=notes)])
print("ready", flush=True)
n = 0
while True:
    n += 1
    project = project.model_copy(update={"title": "save %d" % n})
    save(project, sys.argv[1])
"""


@pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")
def test_kill_during_saves_never_leaves_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "killed.personamap"
    kills = 8
    for i in range(kills):
        child = subprocess.Popen([sys.executable, "-c", _KILLED_SAVER, str(path)], stdout=subprocess.PIPE)
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(0.05 + 0.037 * i)
        child.send_signal(signal.SIGKILL)
        child.wait()
        if path.exists():
            assert load(path).title.startswith("save ")
    assert path.exists()
    cleanup_orphans(tmp_path, min_age=0)
    assert leftovers(tmp_path) == []


def test_read_back_after_replace_is_checked(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_read = atomic._read
    monkeypatch.setattr(atomic, "_read", lambda path: b"garbled" if path == target else real_read(path))
    expected = r"saved, but the file read back differs .* is in sample\.personamap\.bak"
    with pytest.raises(SaveError, match=expected):
        atomic_write_bytes(target, NEW)
    assert backup_path(target).read_bytes() == OLD and leftovers(target.parent) == []


def test_name_with_a_nul_byte(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="invalid file name"):
        atomic_write_bytes(str(tmp_path / "a\x00b"), NEW)
