"""kill -9 at random moments while a child process saves a 3 MB project over and over: the
file on disk is always the old or the new version, never anything else; the orphaned temp
files a kill leaves are gone after the next start (cleanup_orphans).

PERSONAMAP_SOAK=1: at least 200 saves (the issue's figure); default run about DEFAULT_SAVES."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from personamap.io import backup_path, cleanup_orphans, load

SOAK = os.environ.get("PERSONAMAP_SOAK") == "1"
DEFAULT_SAVES = 30
SAVES = 200 if SOAK else DEFAULT_SAVES

SAVER = """
import sys
from personamap.io import save
from personamap.model import JourneyMap, JourneyNote, Lane, Project, Stage
path, run = sys.argv[1], sys.argv[2]
lane, stage = Lane(), Stage()
notes = [JourneyNote(text=("note %d " % i) * 80, lane_id=lane.id, stage_id=stage.id) for i in range(3000)]
project = Project(journeys=[JourneyMap(stages=[stage], lanes=[lane], notes=notes)])
n = 0
while True:
    n += 1
    project.title = "run %s save %d" % (run, n)
    save(project, path)
    print(n, flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")
def test_kill_9_during_saves_of_a_3_mb_project(tmp_path: Path) -> None:
    path = tmp_path / "workshop.personamap"
    rng = random.Random(5)
    saves = kills = 0
    last_title: str | None = None
    while saves < SAVES:
        kills += 1
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path), str(kills)], stdout=subprocess.PIPE)
        assert child.stdout is not None
        wanted = rng.randint(1, 8)
        done = 0
        while done < wanted:
            done = int(child.stdout.readline())
        time.sleep(rng.uniform(0.0, 0.12))  # somewhere inside the next save
        child.send_signal(signal.SIGKILL)
        child.wait()
        reported = [int(line) for line in child.stdout.read().split()]
        completed = max([done, *reported])
        saves += completed
        title = load(path).title  # always readable
        allowed = {f"run {kills} save {completed}", f"run {kills} save {completed + 1}"}
        assert title in allowed, (title, allowed)
        earlier = {last_title, *(f"run {kills} save {n}" for n in range(1, completed + 1))}
        assert load(backup_path(path)).title in earlier
        last_title = title
    size = path.stat().st_size
    assert 2_800_000 < size < 4_000_000, size
    orphans = cleanup_orphans(tmp_path, min_age=0)  # what the next start does
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    mb = size / 1e6
    print(f"\nkill -9: {kills} kills, {saves} saves of {mb:.1f} MB, {len(orphans)} orphans cleaned")
    assert leftovers == ["workshop.personamap", "workshop.personamap.bak"]
