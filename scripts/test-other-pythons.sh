#!/usr/bin/env bash
# Run the Qt-free part of the suite (model, ops, file format, command line) on every other
# supported Python found on this machine, so "3.11 to 3.13" stays a tested claim. Each gets
# its own venv under .venv-pyXY with the pure-Python dependencies only; tests marked `gui`
# (they draw with Qt) are left to the main run.
set -euo pipefail
cd "$(dirname "$0")/.."
ran=0
seen=" "
shopt -s nullglob
for python in python3.12 python3.13 "$HOME"/.pyenv/versions/3.1[23]*/bin/python3; do
  "$python" -c 'import ensurepip' >/dev/null 2>&1 || continue
  tag=$("$python" -c 'import sys; print(f"py{sys.version_info[0]}{sys.version_info[1]}")')
  [[ $seen == *" $tag "* ]] && continue
  seen+="$tag "
  venv=".venv-$tag"
  [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check \
    "pydantic>=2.11,<3" "reportlab>=4.2" "networkx>=3.2" "platformdirs>=4" "python-bidi>=0.6" \
    "arabic-reshaper>=3" "uniseg>=0.9" "scikit-learn>=1.4" "charset-normalizer>=3.3" "python-calamine>=0.3" \
    "pycrdt>=0.14,<0.15" "websockets>=13" "segno>=1.6" "zeroconf>=0.132" pytest hypothesis pypdf openpyxl jsonschema markdown-it-py
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps -e .
  echo "other-pythons: $("$venv/bin/python" --version)"
  "$venv/bin/python" -m pytest -q -p no:qt -m "not gui" tests/model tests/io tests/data tests/insights tests/interop tests/live \
    tests/test_cli.py \
    tests/test_resources.py \
    tests/test_no_qt_in_model.py
  ran=$((ran + 1))
done
echo "other-pythons: ran on $ran more interpreter(s)"
