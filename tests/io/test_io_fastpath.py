"""The fast path takes canonical files without the careful reader, and nothing it does leaks:
no report of its own, the garbage collector as it was, the same project as the slow path."""

from __future__ import annotations

import gc
import importlib.util
import sys
from pathlib import Path

import pytest

from personamap.io import ProjectFileError, dumps, loads, reader

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"


def test_canonical_file_skips_the_careful_reader(
    monkeypatch: pytest.MonkeyPatch, golden_bytes: bytes
) -> None:
    def careful(text: str) -> None:
        raise AssertionError("the careful reader ran on a canonical file")

    monkeypatch.setattr(reader, "read_text", careful)
    assert dumps(loads(golden_bytes)).encode() == golden_bytes
    assert dumps(loads(golden_bytes.decode())).encode() == golden_bytes


def test_a_non_canonical_file_goes_the_careful_way(
    monkeypatch: pytest.MonkeyPatch, golden_bytes: bytes
) -> None:
    calls = []
    real = reader.read_text
    monkeypatch.setattr(reader, "read_text", lambda text: calls.append(1) or real(text))
    loads(golden_bytes.replace(b'"title": "Freight', b'"title":  "Freight'))
    assert calls == [1]


def test_integrity_problems_found_on_the_fast_path(golden_bytes: bytes) -> None:
    text = golden_bytes.decode()
    asset_id = text.split('"photo_asset_id": "')[1][:36]
    broken = text.replace(
        f'"photo_asset_id": "{asset_id}"', '"photo_asset_id": "0f8fad5b-d9cb-469f-a165-70867728950e"'
    )
    with pytest.raises(ProjectFileError) as info:
        loads(broken)
    assert info.value.problems[0][0] == "personas[0].photo_asset_id"


@pytest.mark.parametrize("enabled", [True, False])
def test_garbage_collector_state_is_restored(golden_bytes: bytes, enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        loads(golden_bytes)
        with pytest.raises(ProjectFileError):
            loads(b"[")
        dumps(loads(golden_bytes))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_frozen_objects_of_the_application_stay_frozen(golden_bytes: bytes) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        loads(golden_bytes)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def _load_benchmark(name: str) -> object:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_benchmark_project_and_line_format() -> None:
    """The benchmark's generator makes a sound project and its lines have the agreed form."""
    bench = _load_benchmark("bench_io")
    project = bench.make_project(notes=200)  # type: ignore[attr-defined]
    assert sum(len(j.notes) for j in project.journeys) == 200
    assert loads(dumps(project)) == project
    util = _load_benchmark("_util")
    line = util.format_line("io.load_20k", 0.123, 0.05, 2.5)  # type: ignore[attr-defined]
    assert line == "bench: io.load_20k ours=0.123s raw=0.050s ratio=2.46 goal=2.5"
    runner = _load_benchmark("run")
    assert [p.name for p in runner.discover(["io"])] == ["bench_io.py"]  # type: ignore[attr-defined]
