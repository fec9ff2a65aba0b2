"""Build the bundled resources from code: the sample project, the project templates and the
persona templates.

    python scripts/build_resources.py           # write resources/
    python scripts/build_resources.py --check   # exit 1 if resources/ differs from a fresh build

The output is deterministic (fixed ids and timestamps), so the files in resources/ must always
equal a fresh build; a test checks this. Change the content here, never in the files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (HERE, ROOT):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from resources_common import dumps  # noqa: E402
from resources_sample import build_sample  # noqa: E402
from resources_templates import PERSONA_TEMPLATES, build_templates  # noqa: E402

RESOURCES = ROOT / "resources"
GENERATED = {"templates": "*.personamap", "persona-templates": "*.json"}
"""Folders the builder owns entirely: a file there that it does not produce is stale."""


def render_all() -> dict[str, str]:
    """Every generated file's text by its path relative to resources/ (posix)."""
    files = {"sample.personamap": dumps(build_sample())}
    for name, project in build_templates().items():
        files[f"templates/{name}.personamap"] = dumps(project)
    for template in PERSONA_TEMPLATES:
        files[f"persona-templates/{template.name}.json"] = template.model_dump_json(indent=2) + "\n"
    return files


def stale_files(root: Path, files: dict[str, str]) -> list[Path]:
    """Files in the builder's folders that a fresh build would not write."""
    out = []
    for folder, pattern in GENERATED.items():
        for path in sorted((root / folder).glob(pattern)):
            if path.relative_to(root).as_posix() not in files:
                out.append(path)
    return out


def differences(root: Path, files: dict[str, str]) -> list[str]:
    """What differs between `root` and a fresh build: changed, missing and stale files."""
    out = []
    for rel, text in files.items():
        path = root / rel
        if not path.is_file():
            out.append(f"missing: {rel}")
        elif path.read_bytes() != text.encode("utf-8"):
            out.append(f"differs: {rel}")
    out += [f"stale: {p.relative_to(root).as_posix()}" for p in stale_files(root, files)]
    return out


def write_all(root: Path, files: dict[str, str]) -> list[str]:
    """Write the files that changed and remove stale ones; returns what it did."""
    done = []
    for rel, text in files.items():
        path = root / rel
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        done.append(f"wrote {rel}")
    for path in stale_files(root, files):
        path.unlink()
        done.append(f"removed {path.relative_to(root).as_posix()}")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 on any difference")
    parser.add_argument("--out", type=Path, default=RESOURCES, help="resources folder (default: %(default)s)")
    args = parser.parse_args(argv)
    files = render_all()
    if args.check:
        diff = differences(args.out, files)
        for line in diff:
            print(line)
        if diff:
            print("resources are out of date: run python scripts/build_resources.py", file=sys.stderr)
        return 1 if diff else 0
    for line in write_all(args.out, files) or ["resources are up to date"]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
