"""The seconds behind the reliability tests, which assert on work done (calls, bytes, pixels)
and never on a clock, so that they pass on a busy machine:

- reliability.ops_20k_<op>: one edit to a journey of 20,000 notes and its undo, against the raw
  Python a hand-written edit needs (scan the ids, set or move the note). Goal: ≤ 50 ms.
- reliability.image_<file>: importing each file of tests/gui/test_reliability_images.py,
  against a plain QImageReader.read() with Qt's defaults. Goal: a refusal ≤ 1 s, the real
  40-megapixel image ≤ 5 s.
- reliability.load_malformed_<class>: the slowest load() of each class of the malformed corpus
  of tests/io/test_io_reliability_corpus.py, against json.loads of the same bytes. Goal: ≤ 2 s.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import compare, median_time, time_once

from personamap.model import JourneyMap, JourneyNote, Lane, Project, Stage, Step
from personamap.model.ops import Op, Relocate, Remove, SetField

TESTS = Path(__file__).resolve().parent.parent / "tests"
OPS_GOAL_S = 0.05
REFUSAL_GOAL_S = 1.0
BIG_IMAGE_GOAL_S = 5.0
LOAD_GOAL_S = 2.0


def line(name: str, ours: float, raw: float, goal_s: float) -> None:
    """A `bench:` line whose goal is absolute seconds (the old test limits)."""
    ratio = ours / raw if raw > 0 else float("inf")
    print(f"bench: {name} ours={ours:.4f}s raw={raw:.4f}s ratio={ratio:.2f} goal={goal_s:g}s", flush=True)


def test_module(relative: str) -> ModuleType:
    """A test file loaded by path, to reuse its generators (corpus, image bombs) unchanged."""
    path = TESTS / relative
    for entry in (str(path.parent), str(TESTS)):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_ops(repeat: int) -> None:
    lane, stage = Lane(), Stage(steps=[Step(), Step()])
    notes = [JourneyNote(lane_id=lane.id, stage_id=stage.id) for _ in range(20_000)]
    journey = JourneyMap(stages=[stage], lanes=[lane], notes=notes)
    project = Project(journeys=[journey])
    items, last = journey.notes, notes[-1].id
    addr = ("journeys", journey.id, "notes")
    step = stage.steps[1].id

    def apply(op: Op) -> Callable[[], object]:
        def run() -> None:
            inverse, _ = op.apply(project)
            inverse.apply(project)

        return run

    def raw_set() -> None:
        note = items[[n.id for n in items].index(last)]
        old, note.text = note.text, "edited"
        note.text = old

    def raw_relocate() -> None:
        at = [n.id for n in items].index(last)
        note = items.pop(at)
        old, note.step_id = note.step_id, step
        items.insert(0, note)
        items.insert(at, items.pop(0))
        note.step_id = old

    def raw_remove() -> None:
        at = [n.id for n in items].index(last)
        items.insert(at, items.pop(at))

    cases = [
        ("setfield", SetField((*addr, last, "text"), "edited"), raw_set),
        ("relocate", Relocate(addr, last, 0, (("step_id", step),)), raw_relocate),
        ("remove", Remove(addr, last), raw_remove),
    ]
    for name, op, raw in cases:
        ours, base = compare(apply(op), raw, repeat=repeat)
        line(f"reliability.ops_20k_{name}", ours, base, OPS_GOAL_S)


def bench_images(repeat: int) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImageReader

    from personamap.canvas.images import ImageImportError, import_image

    _app = QGuiApplication.instance() or QGuiApplication([])
    files = test_module("gui/test_reliability_images.py").bomb_files()

    def ours(data: bytes) -> Callable[[], object]:
        def run() -> None:
            with contextlib.suppress(ImageImportError):
                import_image(data)

        return run

    def raw(data: bytes) -> Callable[[], object]:
        def run() -> object:
            buffer = QBuffer()
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            return QImageReader(buffer).read()

        return run

    for name, data in files.items():
        big = name == "real_40_megapixel_bomb.png"
        times = compare(ours(data), raw(data), repeat=1 if big else repeat)
        stem = name.replace(".", "_")
        line(f"reliability.image_{stem}", *times, BIG_IMAGE_GOAL_S if big else REFUSAL_GOAL_S)


def bench_corpus(quick: bool) -> None:
    from personamap.io import ProjectFileError, load
    from personamap.resources import sample_path

    corpus = test_module("io/test_io_reliability_corpus.py").corpus
    worst: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "malformed.personamap"
        for n, (kind, data) in enumerate(corpus(sample_path().read_bytes(), random.Random(20240601))):
            if quick and n % 4 and kind != "60 MB file":
                continue
            path.write_bytes(data)

            def ours() -> None:
                with contextlib.suppress(ProjectFileError):
                    load(path)

            def raw(data: bytes = data) -> None:
                with contextlib.suppress(ValueError, RecursionError):
                    json.loads(data)

            mine, base = time_once(ours), median_time(raw, repeat=1, warmup=0)
            if mine > worst.get(kind, (0.0, 0.0))[0]:
                worst[kind] = (mine, base)
    for kind, (mine, base) in worst.items():
        name = kind.replace(" / ", "_").replace(" ", "_")
        line(f"reliability.load_malformed_{name}", mine, base, LOAD_GOAL_S)


def run(quick: bool) -> None:
    repeat = 3 if quick else 9
    bench_ops(repeat)
    bench_images(repeat)
    bench_corpus(quick)
