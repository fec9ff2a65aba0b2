"""Shared timing helpers for the benchmarks: medians of interleaved runs and one output format
(`bench: <name> ours=… raw=… ratio=… goal=…`) that CI and people can grep."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable


def time_once(fn: Callable[[], object]) -> float:
    """Seconds for one call, after a full collection so garbage of earlier runs is not billed;
    the result is freed after the clock stops (freeing is the caller's cost, not the call's)."""
    gc.collect()
    start = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - start
    del result
    return elapsed


def median_time(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    """Median seconds of `repeat` calls after `warmup` untimed ones."""
    for _ in range(warmup):
        fn()
    return statistics.median(time_once(fn) for _ in range(repeat))


def compare(
    ours: Callable[[], object], raw: Callable[[], object], repeat: int = 5, warmup: int = 1
) -> tuple[float, float]:
    """Median seconds of ours and of the raw baseline, runs interleaved so drift hits both."""
    for _ in range(warmup):
        ours()
        raw()
    ours_times, raw_times = [], []
    for _ in range(repeat):
        ours_times.append(time_once(ours))
        raw_times.append(time_once(raw))
    return statistics.median(ours_times), statistics.median(raw_times)


def format_line(name: str, ours: float, raw: float, goal: float) -> str:
    """`bench: io.load_20k ours=0.123s raw=0.050s ratio=2.46 goal=2.5`."""
    ratio = ours / raw if raw > 0 else float("inf")
    return f"bench: {name} ours={ours:.3f}s raw={raw:.3f}s ratio={ratio:.2f} goal={goal:g}"


def report(name: str, ours: float, raw: float, goal: float) -> float:
    """Print the line and return the ratio."""
    print(format_line(name, ours, raw, goal), flush=True)
    return ours / raw if raw > 0 else float("inf")
