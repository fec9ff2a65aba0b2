"""Rebuild the live session's participant page bundle (resources/live/live.js) and the licence
texts of what it contains (resources/live/THIRD-PARTY-LICENSES.txt).

    python scripts/build_live_page.py           # npm ci, bundle, write both files
    python scripts/build_live_page.py --check   # exit 1 if a committed file differs from a rebuild

Run by a developer after changing resources/live/src/ or scripts/live-page/package.json (the
versions of yjs, y-websocket and esbuild are pinned there and in its package-lock.json); CI
serves the committed bundle and never needs node. The bundle is one minified IIFE for ES2019,
without a source map; the same sources give the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NPM_DIR = ROOT / "scripts" / "live-page"
MODULES = NPM_DIR / "node_modules"
PAGE = ROOT / "resources" / "live"
ENTRY = PAGE / "src" / "page.js"
BUNDLE = "live.js"
LICENSES = "THIRD-PARTY-LICENSES.txt"
LICENSE_NAMES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "license", "license.md")
BANNER = "/* personamap live page: yjs, y-websocket and what they use, MIT, see THIRD-PARTY-LICENSES.txt */"


def npm_ci() -> None:
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NPM_DIR, check=True)


def bundle(out_dir: Path) -> list[str]:
    """Write out_dir/live.js; return the npm packages whose files went into it."""
    with tempfile.TemporaryDirectory() as tmp:
        meta = Path(tmp) / "meta.json"
        _esbuild(meta, out_dir / BUNDLE)
        inputs = json.loads(meta.read_text(encoding="utf-8"))["inputs"]
    return sorted({_package(path) for path in inputs if "node_modules/" in path})


def _esbuild(meta: Path, out: Path) -> None:
    subprocess.run(
        [
            str(MODULES / ".bin" / "esbuild"),
            str(ENTRY.relative_to(ROOT)),
            "--bundle",
            "--format=iife",
            "--platform=browser",
            "--target=es2019",
            "--minify",
            "--legal-comments=none",
            f"--banner:js={BANNER}",
            "--log-level=warning",
            f"--metafile={meta}",
            f"--outfile={out}",
        ],
        cwd=ROOT,
        env={**os.environ, "NODE_PATH": str(MODULES)},  # the page's sources import from there
        check=True,
    )


def _package(path: str) -> str:
    parts = path.split("node_modules/")[-1].split("/")
    return "/".join(parts[:2]) if parts[0].startswith("@") else parts[0]


def license_text(packages: list[str]) -> str:
    """Each package's name, version, declared licence and full licence file."""
    blocks = [
        "Third-party software in live.js (the participant page of a personamap live session),\n"
        "bundled with esbuild from the npm packages below.\n"
    ]
    for name in packages:
        folder = MODULES / name
        manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        found = [folder / f for f in LICENSE_NAMES if (folder / f).is_file()]
        if not found:
            raise SystemExit(f"{name}: no licence file in {folder}")
        text = found[0].read_text(encoding="utf-8").strip()
        head = f"{name} {manifest['version']} ({manifest.get('license', 'see below')})"
        blocks.append(f"{'=' * 78}\n{head}\n{'=' * 78}\n\n{text}\n")
    return "\n".join(blocks)


def build(out_dir: Path) -> None:
    packages = bundle(out_dir)
    (out_dir / LICENSES).write_text(license_text(packages), encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if a file differs")
    args = parser.parse_args(argv)
    npm_ci()
    if not args.check:
        build(PAGE)
        print(f"wrote {PAGE / BUNDLE} and {PAGE / LICENSES}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp))
        stale = [n for n in (BUNDLE, LICENSES) if (Path(tmp) / n).read_bytes() != (PAGE / n).read_bytes()]
    for name in stale:
        print(f"{PAGE / name} differs from a rebuild: run scripts/build_live_page.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
