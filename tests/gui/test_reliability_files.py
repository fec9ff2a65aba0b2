"""Saving and opening through the window's FileController when things go wrong: the file
changed on disk (Overwrite / Save As… / Reload), a full disk, a read-only folder, a folder
as target, a failing replace — original intact, the reason shown, the document still
modified; a bad file opened while the sample is open; orphaned temp files."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from personamap.io import atomic, dumps, load, save
from personamap.model import Board, NoteElement, Project
from personamap.model.ops import SetField

from .modal import answer_next_box


def edit(window, title: str = "Edited in the workshop") -> None:
    window.document.apply(SetField(("title",), title))


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        "personamap.ui.files.show_error",
        lambda _w, title, text, detail="": shown.append((title, text, detail)),
    )
    return shown


def colleague_saves(path: Path, title: str = "Their version") -> bytes:
    project = load(path)
    project.title = title
    save(project, path, backup=False)
    return path.read_bytes()


# --- the file changed on disk ---------------------------------------------------------------


def test_overwrite_after_asking(window, sample_file: Path, qtbot) -> None:
    edit(window)
    colleague_saves(sample_file)
    seen = answer_next_box("Overwrite")
    window.actions["file.save"].trigger()
    assert seen["name"] == "disk_conflict" and "sample.personamap" in seen["text"]
    assert set(seen["buttons"]) == {"Overwrite", "Save As…", "Reload", "Cancel"}
    assert all(f == Qt.TextFormat.PlainText for f in seen["formats"])
    assert load(sample_file).title == "Edited in the workshop" and not window.document.is_modified


def test_save_as_keeps_both(window, sample_file: Path, tmp_path: Path, monkeypatch) -> None:
    edit(window)
    theirs = colleague_saves(sample_file)
    mine = tmp_path / "mine.personamap"
    monkeypatch.setattr("personamap.ui.files.QFileDialog.getSaveFileName", lambda *_a: (str(mine), ""))
    answer_next_box("Save As…")
    window.actions["file.save"].trigger()
    assert sample_file.read_bytes() == theirs
    assert load(mine).title == "Edited in the workshop" and window.document.path == mine


def test_reload_takes_the_version_on_disk(window, sample_file: Path) -> None:
    edit(window)
    colleague_saves(sample_file, "Reloaded from disk")
    answer_next_box("Reload")
    window.actions["file.save"].trigger()
    assert window.document.project.title == "Reloaded from disk"
    assert not window.document.is_modified and window.document.path == sample_file.resolve()
    assert window.tabs.count() == len(window.document.project.boards)


def test_cancel_changes_nothing(window, sample_file: Path) -> None:
    edit(window)
    theirs = colleague_saves(sample_file)
    answer_next_box("Cancel")
    assert not window.files.save()
    assert sample_file.read_bytes() == theirs and window.document.is_modified


def test_a_touch_or_an_identical_copy_is_not_a_change(window, sample_file: Path) -> None:
    edit(window)
    os.utime(sample_file, (1, 1))
    assert not window.files.changed_on_disk()
    assert window.files.save(), "no question asked"
    edit(window, "Again")
    assert window.files.save(), "our own save is the new baseline"


def test_a_same_size_change_with_the_mtime_restored_asks(window, sample_file: Path) -> None:
    """What `rsync -t` or `cp -p` leave: other bytes, the same size, the old mtime."""
    edit(window)
    before = os.stat(sample_file)
    data = sample_file.read_bytes()
    title = load(sample_file).title
    assert len(title) >= 3 and data.count(title.encode()) >= 1
    theirs = data.replace(title.encode(), title[::-1].encode())
    assert theirs != data and len(theirs) == len(data)
    sample_file.write_bytes(theirs)
    os.utime(sample_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(sample_file).st_mtime_ns == before.st_mtime_ns
    assert window.files.changed_on_disk()
    seen = answer_next_box("Cancel")
    window.actions["file.save"].trigger()
    assert seen["name"] == "disk_conflict"
    assert sample_file.read_bytes() == theirs and window.document.is_modified


def test_a_change_made_while_the_file_was_being_read_asks(
    window, sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hash kept is of the file before it was read, never of a later version."""
    import personamap.ui.files as files

    real_load = files.load

    def load_then_colleague_saves(path: Path):
        project = real_load(path)
        colleague_saves(Path(path), "Saved while we were reading")
        return project

    monkeypatch.setattr(files, "load", load_then_colleague_saves)
    assert window.open_path(sample_file)
    monkeypatch.setattr(files, "load", real_load)
    edit(window)
    assert window.files.changed_on_disk()
    seen = answer_next_box("Cancel")
    window.actions["file.save"].trigger()
    assert seen["name"] == "disk_conflict"
    assert load(sample_file).title == "Saved while we were reading"


# --- failures: original intact, reason shown, document still modified ------------------------


def _failed_save(window, sample_file: Path, errors: list, reason: str) -> None:
    before = sample_file.read_bytes()
    edit(window)
    window.actions["file.save"].trigger()
    ((title, text, detail),) = errors
    assert title == "Cannot save project" and "sample.personamap was not saved" in text
    assert reason in detail, detail
    assert sample_file.read_bytes() == before
    assert window.document.is_modified and window.isWindowModified()
    assert [p.name for p in sample_file.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_full_disk_by_fault_injection(window, sample_file: Path, errors, monkeypatch) -> None:
    real_write, written = os.write, [0]

    def short_write(fd: int, data: bytes) -> int:
        if written[0] + len(data) > 4096:
            raise OSError(errno.ENOSPC, "No space left on device")
        written[0] += len(data)
        return real_write(fd, data)

    monkeypatch.setattr(atomic.os, "write", short_write)
    _failed_save(window, sample_file, errors, "the disk is full")


def test_read_only_folder_by_fault_injection(window, sample_file: Path, errors, monkeypatch) -> None:
    real_open = os.open

    def refuse_new_files(path, flags, *args):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(atomic.os, "open", refuse_new_files)
    _failed_save(window, sample_file, errors, "permission denied (is the folder or the file read-only?)")


def test_replace_fails(window, sample_file: Path, errors, monkeypatch) -> None:
    def broken_replace(*_a: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    _failed_save(window, sample_file, errors, "input/output error")


def test_target_is_a_folder(window, sample_file: Path, tmp_path: Path, errors, monkeypatch) -> None:
    folder = tmp_path / "a folder.personamap"
    folder.mkdir()
    monkeypatch.setattr("personamap.ui.files.QFileDialog.getSaveFileName", lambda *_a: (str(folder), ""))
    edit(window)
    window.actions["file.save_as"].trigger()
    ((_title, text, detail),) = errors
    assert "a folder.personamap was not saved" in text and "it is a folder, not a file" in detail
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert window.document.is_modified and window.document.path == sample_file.resolve()


@pytest.fixture
def tiny_tmpfs(tmp_path: Path):
    """A real 1 MB file system, where mounting is allowed (root in a container); else skip."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root); fault injection covers a full disk")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_on_a_real_tiny_tmpfs(window, tiny_tmpfs: Path, errors) -> None:
    notes = [NoteElement(text=f"{i:05d} " + "workshop note " * 40) for i in range(1100)]
    big = Project(title="Big", boards=[Board(elements=notes)])
    path = tiny_tmpfs / "big.personamap"
    save(big, path)  # fits once (about 700 KB of 1 MB), not twice
    assert 500_000 < path.stat().st_size < 1_000_000
    assert window.open_path(path)
    before = path.read_bytes()
    edit(window, "Needs a second copy to save")
    window.actions["file.save"].trigger()
    ((_title, _text, detail),) = errors
    assert "the disk is full" in detail
    assert path.read_bytes() == before and window.document.is_modified
    assert sorted(p.name for p in tiny_tmpfs.iterdir()) == ["big.personamap"]


# --- opening --------------------------------------------------------------------------------


def test_a_bad_file_opened_over_the_sample_keeps_it(window, sample_file: Path, tmp_path: Path) -> None:
    before = dumps(window.document.project)
    data = load(sample_file).model_dump(mode="json")
    data["boards"][0]["elements"][0]["persona_id"] = "0f8fad5b-d9cb-469f-a165-70867728950e"
    data["personas"][1]["name"] = 42
    bad = tmp_path / "from a stranger.personamap"
    bad.write_text(
        '{"format": "personamap", "schema_version": 1, ' + dumps_fields(data) + "}", encoding="utf-8"
    )
    seen = answer_next_box("OK")
    assert not window.open_path(bad)
    assert seen["title"] == "Cannot open project"
    assert "from a stranger.personamap cannot be opened" in seen["text"]
    assert "personas[1].name" in seen["informative"] and "string" in seen["informative"]
    assert "Traceback" not in seen["informative"]
    assert all(f == Qt.TextFormat.PlainText for f in seen["formats"])
    assert window.document.path == sample_file.resolve() and not window.document.is_modified
    assert dumps(window.document.project) == before


def dumps_fields(data: dict) -> str:
    import json

    return json.dumps(data)[1:-1]


def test_opening_cleans_orphaned_temp_files_beside_the_file(window, sample_file: Path) -> None:
    orphan = sample_file.with_name(".sample.personamap.0123456789ab.tmp")
    recent = sample_file.with_name(".sample.personamap.ba9876543210.tmp")
    for path in (orphan, recent):
        path.write_bytes(b"half a save")
    os.utime(orphan, (0, 0))
    assert window.open_path(sample_file)
    assert not orphan.exists()
    assert recent.exists(), "a save running right now in another instance is spared"
