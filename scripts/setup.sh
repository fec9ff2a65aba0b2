#!/usr/bin/env bash
# Set up a development checkout on Debian/Ubuntu: the Debian packages Qt and the PDF fonts
# need (only those missing), a virtual environment in .venv, and personamap installed into it
# in editable mode with its test extras. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  # Qt offscreen and in a real window (docs/QT-NOTES.md)
  libglib2.0-0 libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  # fonts for the canvas and embeddable in PDF posters: Latin/Greek/Cyrillic, Arabic/Hebrew, CJK
  # (posters prefer the Noto subsets in resources/fonts; these cover what the subsets lack),
  # and colour emoji for the canvas
  fonts-dejavu-core fonts-noto-core fonts-wqy-microhei fonts-noto-color-emoji
  # pdffonts/pdftoppm, to check exported posters
  poppler-utils
  # a real browser for the HTML handbook's tests (tests/interop/test_handbook_browser.py)
  chromium chromium-driver
  # validators and tools for the desktop integration in packaging/linux (tests/packaging)
  desktop-file-utils appstream libxml2-utils shared-mime-info libglib2.0-bin
)

python=${PYTHON:-python3}
if ! "$python" -c 'import ensurepip' 2>/dev/null; then
  debian_packages+=(python3-venv)
fi

if command -v dpkg-query >/dev/null; then
  missing=()
  for pkg in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "setup: installing Debian packages: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "setup: personamap needs Python 3.11 or newer; $("$python" --version) found (set PYTHON=...)" >&2
  exit 1
}

[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=.venv/.personamap-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing personamap and its dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  touch "$stamp"
fi
echo "setup: ready ($(.venv/bin/python --version), $(.venv/bin/personamap --version))"
