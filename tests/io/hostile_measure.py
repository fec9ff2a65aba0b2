"""Measure the hostile corpus as a user meets it: every file through `personamap check`,
PDF export (everything) and PNG export (its first board, where connectors and images are),
each in its own subprocess (no display), with its wall time and peak memory (ru_maxrss from
GNU time), a 60 s timeout and a 4 GB address-space limit as a guard.

    .venv/bin/python tests/io/hostile_measure.py [--small] [--class NAME …] [--tsv OUT]

Prints a line per run that failed a goal (a traceback, a refusal without a message, a run
over 10 s), then per class: files, loaded/refused, the slowest run and the largest peak of
each command. Not part of the suite: it takes minutes (the suite asserts outcomes in
process, test_hostile_corpus.py)."""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_corpus import Corpus

TIMEOUT = 60.0
GOAL_SECONDS = 10.0
ADDRESS_LIMIT = 4 * 1024**3
TIME = "/usr/bin/time"


def run(args: list[str]) -> tuple[int, float, float, str]:
    """(exit code, seconds, peak MB, stderr) of one command in a fresh process.

    The peak is measured by GNU time around the command: a child forked from this (large)
    process would count this process's pages in its own ru_maxrss."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as scratch:
        usage = Path(scratch) / "usage"
        command = [TIME, "-q", "-o", str(usage), "-f", "%M", sys.executable, "-m", "personamap.cli", *args]
        start = time.perf_counter()
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, env=env, timeout=TIMEOUT, check=False
            )
            code, stderr = done.returncode, done.stderr
        except subprocess.TimeoutExpired as exc:
            code, stderr = -9, f"killed after {TIMEOUT:.0f} s {exc.stderr or ''}"
        seconds = time.perf_counter() - start
        lines = usage.read_text().split() if usage.exists() else []
        peak = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else float("nan")
    return code, seconds, peak, stderr


def _first_board(data: bytes) -> str:
    """`board:NAME` of the file's first board (boards hold connectors and images), else all."""
    try:
        return f"board:{json.loads(data)['boards'][0]['name']}"
    except Exception:
        return "all"


def main() -> int:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))  # inherited by every run
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", action="store_true", help="leave out the big files")
    parser.add_argument("--class", dest="classes", action="append", help="only this class (repeatable)")
    parser.add_argument("--tsv", type=Path, help="write every run as a tab-separated line")
    opts = parser.parse_args()
    cases = [
        c
        for c in Corpus().cases()
        if not (opts.small and c.big) and (not opts.classes or c.cls in opts.classes)
    ]
    rows: list[tuple[str, str, str, int, float, float, str]] = []
    stats: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    outcome: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    bad = 0
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        for case in cases:
            path = Path(folder) / "case.personamap"
            data = case.build()
            path.write_bytes(data)
            commands = {
                "check": ["check", str(path)],
                "pdf": ["export", str(path), "--out", str(Path(folder) / "out.pdf")],
                "png": [
                    "export",
                    str(path),
                    "--format",
                    "png",
                    "--dpi",
                    "72",
                    "--what",
                    _first_board(data),
                    "--out",
                    str(Path(folder) / "png"),
                ],
            }
            for command, args in commands.items():
                code, seconds, peak, stderr = run(args)
                rows.append(
                    (
                        case.cls,
                        case.name,
                        command,
                        code,
                        seconds,
                        peak,
                        stderr.strip().splitlines()[-1:][0] if stderr.strip() else "",
                    )
                )
                stats[case.cls][f"{command} s"].append(seconds)
                stats[case.cls][f"{command} MB"].append(peak)
                problems = []
                if "Traceback" in stderr:
                    problems.append("traceback")
                if code not in (0, 1, 2) or (code != 0 and not stderr.strip()):
                    problems.append(f"exit {code} without a message")
                if seconds > GOAL_SECONDS:
                    problems.append(f"{seconds:.1f} s")
                if problems:
                    bad += 1
                    print(
                        f"FAIL {case.cls} / {case.name} / {command}: {', '.join(problems)};",
                        stderr.strip()[-300:],
                        flush=True,
                    )
                if command == "check":
                    outcome[case.cls]["loaded" if code == 0 else "refused"] += 1
            for item in Path(folder).glob("png*"):
                if item.is_dir():
                    for f in item.iterdir():
                        f.unlink()
                else:
                    item.unlink()
    if opts.tsv:
        opts.tsv.write_text("".join("\t".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")
    print(f"\n{len(cases)} files, {len(rows)} runs, {bad} failing a goal")
    print(
        f"{'class':<16}{'files':>6}{'loaded':>7}{'refused':>8}  "
        + "  ".join(f"{c + ' max s':>13}{c + ' max MB':>14}" for c in ("check", "pdf", "png"))
    )
    for cls, by in stats.items():
        files = outcome[cls]["loaded"] + outcome[cls]["refused"]
        cells = "  ".join(
            f"{max(by[c + ' s']):>13.2f}{max(by[c + ' MB']):>14.0f}" for c in ("check", "pdf", "png")
        )
        print(f"{cls:<16}{files:>6}{outcome[cls]['loaded']:>7}{outcome[cls]['refused']:>8}  {cells}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
