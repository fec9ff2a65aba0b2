#!/usr/bin/env bash
# Install personamap into the current user's desktop: the launcher entry, the .personamap file
# type (so a double-click opens the editor), the icons and the AppStream metadata. Nothing
# outside ${XDG_DATA_HOME:-~/.local/share} is touched, so no root is needed.
#
#   packaging/linux/install.sh                 # install (again: it overwrites its own files)
#   packaging/linux/install.sh --exec CMD      # launch CMD instead of the personamap found
#   packaging/linux/install.sh --uninstall     # remove exactly what install put there
#
# Works from a source checkout (icons in resources/icons) and from a PyInstaller one-folder
# build (dist/personamap/linux/install.sh; icons inside the bundle).
set -euo pipefail

APP_ID=io.github.personamap.personamap
MIME_TYPE=application/x-personamap
MIME_ICON=application-x-personamap
SIZES=(16 22 24 32 48 64 128 256 512)

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
mime=$data/mime
hicolor=$data/icons/hicolor
metainfo=$data/metainfo

usage() {
  sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

say() { echo "install.sh: $*"; }

find_icons() {
  local dir
  for dir in "$here/../../resources/icons" "$here/../_internal/personamap/_resources/icons" \
    "$here/../personamap/_resources/icons" "$here/icons"; do
    if [ -f "$dir/personamap.svg" ] && [ -d "$dir/png" ]; then
      (cd "$dir" && pwd)
      return 0
    fi
  done
  return 1
}

find_exec() {
  # The PyInstaller bundle's own binary first, then a checkout's venv, then whatever is on PATH.
  local candidate
  for candidate in "$here/../personamap" "$here/../../.venv/bin/personamap"; do
    if [ -x "$candidate" ] && [ -f "$candidate" ]; then
      echo "$(cd "$(dirname "$candidate")" && pwd)/$(basename "$candidate")"
      return 0
    fi
  done
  command -v personamap || return 1
}

desktop_quote() {
  # An Exec argument as the Desktop Entry spec wants it: quoted when it holds reserved characters.
  local arg=$1
  case $arg in
    *[\\\"\`\$]*)
      echo "install.sh: cannot launch a path holding \\, \", \` or \$: $arg" >&2
      return 1
      ;;
  esac
  if [[ $arg =~ [[:space:]\'\>\<\~\|\&\;\*\?\#\(\)] ]]; then
    printf '"%s"' "$arg"
  else
    printf '%s' "$arg"
  fi
}

refresh() {
  if command -v update-mime-database >/dev/null && [ -d "$mime/packages" ]; then
    update-mime-database "$mime" >/dev/null
  fi
  if command -v update-desktop-database >/dev/null && [ -d "$apps" ]; then
    update-desktop-database -q "$apps" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -d "$hicolor" ]; then
    gtk-update-icon-cache -q -t -f "$hicolor" 2>/dev/null || true
  fi
  touch "$hicolor" 2>/dev/null || true # icon themes watch the folder's time
}

installed_files() {
  echo "$apps/$APP_ID.desktop"
  echo "$mime/packages/$APP_ID.xml"
  echo "$metainfo/$APP_ID.metainfo.xml"
  echo "$hicolor/scalable/apps/personamap.svg"
  echo "$hicolor/scalable/mimetypes/$MIME_ICON.svg"
  local size
  for size in "${SIZES[@]}"; do
    echo "$hicolor/${size}x${size}/apps/personamap.png"
    echo "$hicolor/${size}x${size}/mimetypes/$MIME_ICON.png"
  done
}

do_uninstall() {
  local file removed=0
  while IFS= read -r file; do
    if [ -e "$file" ]; then
      rm -f -- "$file"
      removed=$((removed + 1))
    fi
  done < <(installed_files)
  refresh
  say "removed $removed files from $data"
}

do_install() {
  local exec=$1 icons
  icons=$(find_icons) || {
    echo "install.sh: cannot find the icons (resources/icons) next to $here" >&2
    exit 1
  }
  if [ -z "$exec" ]; then
    exec=$(find_exec) || {
      echo "install.sh: no personamap command found; install it first or pass --exec COMMAND" >&2
      exit 1
    }
  fi

  mkdir -p "$apps" "$mime/packages" "$metainfo"
  local quoted line
  quoted=$(desktop_quote "$exec") || exit 1
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      Exec=*) echo "Exec=$quoted %f" ;;
      *) echo "$line" ;;
    esac
  done <"$here/$APP_ID.desktop" >"$apps/$APP_ID.desktop"
  install -m 644 "$here/personamap-mime.xml" "$mime/packages/$APP_ID.xml"
  install -m 644 "$here/$APP_ID.metainfo.xml" "$metainfo/$APP_ID.metainfo.xml"

  install -D -m 644 "$icons/personamap.svg" "$hicolor/scalable/apps/personamap.svg"
  install -D -m 644 "$icons/$MIME_ICON.svg" "$hicolor/scalable/mimetypes/$MIME_ICON.svg"
  local size
  for size in "${SIZES[@]}"; do
    install -D -m 644 "$icons/png/personamap-$size.png" "$hicolor/${size}x${size}/apps/personamap.png"
    install -D -m 644 "$icons/png/$MIME_ICON-$size.png" "$hicolor/${size}x${size}/mimetypes/$MIME_ICON.png"
  done

  refresh
  if command -v xdg-mime >/dev/null; then
    xdg-mime default "$APP_ID.desktop" "$MIME_TYPE" 2>/dev/null || true
  fi
  say "installed into $data (launches: $exec)"
}

action=install
exec_cmd=""
while [ $# -gt 0 ]; do
  case $1 in
    --uninstall) action=uninstall ;;
    --exec)
      [ $# -ge 2 ] || { echo "install.sh: --exec needs a command" >&2; exit 2; }
      exec_cmd=$2
      shift
      ;;
    -h | --help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$action" = uninstall ]; then
  do_uninstall
else
  do_install "$exec_cmd"
fi
