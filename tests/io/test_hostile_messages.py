"""Messages (issue 13, class 10): a PNG export to a full disk says the disk is full (Qt's
writer said "Unknown error"), and temp files of saves killed mid-write are removed the next
time anything saves into that folder, from the library, the CLI and the editor alike."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from personamap.io import atomic, dumps, save
from personamap.model import Project

FULL = Path("/dev/full")


@pytest.mark.gui
@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
def test_a_png_written_to_a_full_disk_says_the_disk_is_full(qapp):
    from PySide6.QtGui import QImage

    from personamap.export.raster.render import save_png

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    with pytest.raises(OSError) as info:
        save_png(image, FULL, "title", "description")
    assert info.value.strerror == "the disk is full"


def _orphans(folder: Path, name: str, count: int, age: float) -> list[Path]:
    """Temp files as a save killed mid-write leaves them: hidden, named after the target."""
    made = []
    for _ in range(count):
        tmp = atomic.temp_name(folder / name)
        tmp.write_bytes(b"x" * 100_000)
        old = time.time() - age
        os.utime(tmp, (old, old))
        made.append(tmp)
    return made


def test_saving_removes_the_temp_files_of_killed_saves(tmp_path):
    old = _orphans(tmp_path, "plan.personamap", 3, age=60)
    running = _orphans(tmp_path, "plan.personamap", 1, age=0)  # a save in progress elsewhere
    save(Project(title="Plan"), tmp_path / "plan.personamap")
    assert not any(p.exists() for p in old)
    assert all(p.exists() for p in running)


def test_the_cli_removes_them_when_it_saves_into_the_folder(tmp_path):
    old = _orphans(tmp_path, "other.personamap", 2, age=60)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    run = subprocess.run(
        [sys.executable, "-m", "personamap.cli", "new", str(tmp_path / "fresh.personamap")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert not any(p.exists() for p in old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.personamap"]


def test_a_temp_file_name_alone_is_what_is_removed(tmp_path):
    keep = tmp_path / "notes.tmp"
    keep.write_text("mine")
    os.utime(keep, (0, 0))
    (tmp_path / "plan.personamap").write_text(dumps(Project()))
    save(Project(title="Plan"), tmp_path / "plan.personamap")
    assert keep.read_text() == "mine"
