"""Run every benchmarks/bench_*.py module: each has `run(quick: bool) -> None` and prints
`bench:` lines. Usage: python benchmarks/run.py [--quick] [name ...]"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def discover(names: list[str] | None = None) -> list[Path]:
    """The benchmark files, sorted; `names` (like `io` or `bench_io`) narrows the list."""
    found = sorted(HERE.glob("bench_*.py"))
    if names:
        wanted = {n.removeprefix("bench_").removesuffix(".py") for n in names}
        found = [p for p in found if p.stem.removeprefix("bench_") in wanted]
    return found


def load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("names", nargs="*", help="only these benchmarks (e.g. io)")
    args = parser.parse_args(argv)
    for entry in (str(HERE), str(HERE.parent)):  # _util, and personamap when not installed
        if entry not in sys.path:
            sys.path.insert(0, entry)
    paths = discover(args.names)
    if not paths:
        print("no benchmarks found", file=sys.stderr)
        return 1
    for path in paths:
        load_module(path).run(args.quick)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
