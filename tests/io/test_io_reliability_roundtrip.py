"""Round trip of many random documents (emoji, right-to-left, `<&>`, control-free long text,
every line break) through the file format and the disk: 0 mismatches.

PERSONAMAP_SOAK=1: 1,000 documents (the issue's figure); default run DEFAULT_DOCUMENTS."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from test_io_roundtrip import projects

from personamap.io import dumps, load, loads, save
from personamap.model import Project

SOAK = os.environ.get("PERSONAMAP_SOAK") == "1"
DEFAULT_DOCUMENTS = 200
DOCUMENTS = 1000 if SOAK else DEFAULT_DOCUMENTS
_folder = tempfile.TemporaryDirectory()
_seen = {"documents": 0, "mismatches": 0}


@settings(max_examples=DOCUMENTS, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(projects())
def test_random_documents_round_trip_through_the_disk(project: Project) -> None:
    _seen["documents"] += 1
    text = dumps(project)
    same = loads(text) == project and dumps(loads(text)) == text and loads(text.encode()) == project
    if _seen["documents"] % 4 == 0:  # every fourth also through the atomic save (fsync is slow)
        path = Path(_folder.name) / "round.personamap"
        save(project, path, backup=False)
        same = same and load(path) == project and path.read_bytes() == text.encode("utf-8")
    if not same:
        _seen["mismatches"] += 1
    assert same


def test_round_trip_report() -> None:
    """Runs after the property above (file order): the figures for the closing note."""
    print(f"\nround trip: {_seen['documents']} documents, {_seen['mismatches']} mismatches")
    assert _seen["mismatches"] == 0
