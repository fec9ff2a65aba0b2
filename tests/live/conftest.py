"""A host project with one board showing a journey and an empathy map, and its live session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hostprocess import HostProcess
from livesession import Host

from personamap.io import save
from personamap.live.ratelimit import RateLimit
from personamap.live.shape import Permissions
from personamap.model.board import Board, EmpathyMapElement, JourneyMapElement, NoteElement
from personamap.model.empathy import EmpathyMap, EmpathyNote
from personamap.model.enums import Quadrant
from personamap.model.journey import JourneyMap, JourneyNote, Lane, Stage
from personamap.model.project import Project


@pytest.fixture
def project() -> Project:
    lanes = [Lane(name="Actions"), Lane(name="Thoughts")]
    stages = [Stage(name="Discover"), Stage(name="Buy")]
    journey = JourneyMap(title="Shopping", lanes=lanes, stages=stages)
    journey.notes.append(JourneyNote(text="Finds the shop", lane_id=lanes[0].id, stage_id=stages[0].id))
    emap = EmpathyMap(title="Customer")
    emap.notes.append(EmpathyNote(text="It is too dear", quadrant=Quadrant.SAYS))
    board = Board(
        name="Workshop",
        elements=[
            JourneyMapElement(map_id=journey.id, x=0, y=0, w=900, h=300),
            EmpathyMapElement(map_id=emap.id, x=0, y=400, w=600, h=400),
            NoteElement(text="Parking lot", x=700, y=400),
        ],
    )
    secret = JourneyMap(title="Secret plans", stages=[Stage(name="Hidden")], lanes=[Lane(name="Private")])
    return Project(journeys=[journey, secret], empathy_maps=[emap], boards=[board])


@pytest.fixture
def make_host(project: Project):
    def make(focus: str | None = None, limit: RateLimit | None = None, **permissions: bool) -> Host:
        return Host(project, focus, Permissions(**permissions), limit)

    return make


@pytest.fixture
def saved(project: Project, tmp_path: Path) -> Path:
    """The project in a file, for a host in a subprocess."""
    path = tmp_path / "workshop.personamap"
    save(project, path)
    return path


@pytest.fixture
def host(saved: Path) -> Iterator[HostProcess]:
    running = HostProcess(saved)
    yield running
    running.kill()
