#!/usr/bin/env bash
# Build the one-folder application with PyInstaller, then run the smoke check on it.
#   bash packaging/pyinstaller/build.sh        # -> dist/personamap/ (40-50 s here, then a smoke check of under 10 s)
# DIST and WORK choose other output and scratch folders (default dist, build/pyinstaller).
# Needs the packaging extras: .venv/bin/pip install -e '.[packaging]'
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-.venv/bin/python}
"$python" -c 'import PyInstaller' 2>/dev/null || {
  echo "build.sh: PyInstaller is missing; run: $python -m pip install -e '.[packaging]'" >&2
  exit 1
}
dist=${DIST:-dist}
work=${WORK:-build/pyinstaller}
start=$(date +%s)
"$python" -m PyInstaller packaging/pyinstaller/personamap.spec --noconfirm --clean \
  --distpath "$dist" --workpath "$work" --log-level WARN
echo "build.sh: built $dist/personamap in $(($(date +%s) - start)) s ($(du -sh "$dist/personamap" | cut -f1))"
bash packaging/pyinstaller/smoke.sh "$dist/personamap"
