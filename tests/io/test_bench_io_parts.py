"""The io benchmark's diagnostic line names every stage of the fast path, with pydantic's own
JSON parse beside validate_json, so a change of the load ratio can be traced to its stage."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from personamap.io import dumps

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"


def test_load_parts_lists_every_stage_and_the_parse() -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("bench_io", BENCHMARKS / "bench_io.py")
        assert spec is not None and spec.loader is not None
        bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)
    finally:
        sys.path.remove(str(BENCHMARKS))
    text = dumps(bench.make_project(notes=200))
    line = bench.load_parts(text, raw=1.0, repeat=1)
    figures = r"(\d+\.\d\d)x"
    pattern = (
        rf"bench: io\.load_20k_parts json\.loads=1\.000s encode={figures} limits={figures} "
        rf"validate_json={figures} \(parse={figures}\) reserialise={figures} integrity={figures}"
    )
    assert re.fullmatch(pattern, line), line
