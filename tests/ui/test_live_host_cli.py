"""`personamap host FILE` with the editor window (offscreen here): the session starts at once,
the join address and PIN are printed, participants' notes reach FILE, and SIGTERM saves and
exits 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from personamap.io import load, save
from personamap.model.board import Board, JourneyMapElement
from personamap.model.journey import JourneyMap, Lane, Stage
from personamap.model.project import Project

WAIT = 60


def _project() -> Project:
    journey = JourneyMap(title="Checkout", lanes=[Lane(name="Actions")], stages=[Stage(name="Pay")])
    board = Board(name="Workshop", elements=[JourneyMapElement(map_id=journey.id, x=0, y=0, w=600, h=300)])
    return Project(journeys=[journey], boards=[board])


def test_host_with_a_window_serves_saves_and_ends_on_sigterm(tmp_path: Path) -> None:
    path = tmp_path / "room.personamap"
    save(_project(), path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env["XDG_STATE_HOME"] = env["XDG_DATA_HOME"] = str(tmp_path / "state")
    args = ["host", str(path), "--bind", "127.0.0.1", "--port", "0", "--pin", "97531"]
    host = subprocess.Popen(
        [sys.executable, "-m", "personamap.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert host.stdout is not None
        url = host.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/session"), host.stderr.read()
        assert host.stdout.readline().strip() == "PIN 97531"
        join = ["join", url, "--pin", "97531", "--name", "Ana", "--add-note", "Card declined twice"]
        joined = subprocess.run(
            [sys.executable, "-m", "personamap.cli", *join],
            capture_output=True,
            text=True,
            timeout=WAIT,
            env=env,
        )
        assert joined.returncode == 0, joined.stderr
        host.send_signal(signal.SIGTERM)
        assert host.wait(WAIT) == 0, host.stderr.read() if host.stderr else ""
    finally:
        if host.poll() is None:
            host.kill()
    texts = [n.text for b in load(path).boards for n in b.elements if n.type == "note"]
    texts += [n.text for j in load(path).journeys for n in j.notes]
    assert "Card declined twice" in texts
