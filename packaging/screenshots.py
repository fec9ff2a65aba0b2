"""Take the screenshots that the README and the AppStream metainfo show: the editor on the
bundled sample, one PNG per board, zoomed to fit, at 1600x1000.

Run from the repository root (no display needed):

    .venv/bin/python packaging/screenshots.py            # writes docs/screenshots/*.png

Why a script: the pictures must follow the app as it changes, so anyone can retake them the same
way. It works on a private copy of the sample with private settings folders, so it neither
edits resources/ nor touches the user's recent files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1600, 1000)
BOARDS = {"Personas": "personas.png", "Journeys": "journeys.png", "Empathy": "empathy.png"}
"""Board name in the sample -> file name under docs/screenshots/ (metainfo and README use these)."""


def _private_environment(home: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")
    os.environ["HOME"] = str(home)
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        os.environ[var] = str(home / sub)


def _settle(app: object, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def _narrow_docks(window: object) -> None:
    """Give the canvas the room: the docks at their comfortable minimum."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget

    docks = window.findChildren(QDockWidget)  # type: ignore[attr-defined]
    widths = [300 if "nspector" in dock.windowTitle() else 250 for dock in docks]
    window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)  # type: ignore[attr-defined]


def _select_persona_card(window: object, board_id: str, persona_name: str = "Priya Raman") -> None:
    """Personas board: a selected card, so the inspector shows a persona being edited."""
    project = window.document.project  # type: ignore[attr-defined]
    persona_ids = {p.id for p in project.personas if p.name == persona_name}
    board = project.board(board_id)
    card = next(e for e in board.elements if getattr(e, "persona_id", None) in persona_ids)
    view = window.tabs.view_for(board_id)  # type: ignore[attr-defined]
    view.board_scene.items_by_id[card.id].setSelected(True)


def _frame_first_journey(window: object, board_id: str) -> None:
    """Journeys board: the first stages of the first map, every lane, large enough to read."""
    board = window.document.project.board(board_id)  # type: ignore[attr-defined]
    journey = next(e for e in board.elements if e.type == "journey_map")
    view = window.tabs.view_for(board_id)  # type: ignore[attr-defined]
    rect = view.board_scene.items_by_id[journey.id].sceneBoundingRect()
    zoom = 0.56
    view.set_zoom(zoom)
    visible = view.viewport().width() / zoom, view.viewport().height() / zoom
    view.centerOn(rect.left() - 24 + visible[0] / 2, rect.top() - 110 + visible[1] / 2)
    view.zoom_changed.emit(view.zoom())


_FRAMING = {"Personas": _select_persona_card, "Journeys": _frame_first_journey}
"""Board name -> how to set it up after zoom to fit; the others stay fitted."""


def take(out: Path) -> list[Path]:
    """Open the sample in a MainWindow and save one screenshot per board in BOARDS."""
    sys.path.insert(0, str(ROOT))
    from personamap.resources import sample_path
    from personamap.ui.app import make_application
    from personamap.ui.main_window import MainWindow

    app = make_application()
    work = Path(os.environ["HOME"])
    project = work / "Ledgerly.personamap"
    shutil.copyfile(sample_path(), project)

    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    if not window.open_path(project):
        raise SystemExit("screenshots: the sample did not open")
    _settle(app)
    out.mkdir(parents=True, exist_ok=True)
    _narrow_docks(window)
    _settle(app)
    boards = {board.name: board.id for board in window.document.project.boards}
    written = []
    for name, file_name in BOARDS.items():
        if name not in boards:
            raise SystemExit(f"screenshots: the sample has no board called {name!r}")
        window.tabs.show_board(boards[name])
        _settle(app)
        window.actions["view.zoom_fit"].trigger()
        _FRAMING.get(name, lambda _w, _b: None)(window, boards[name])
        _settle(app)
        image = window.grab().toImage()
        if (image.width(), image.height()) != SIZE:
            image = image.scaled(*SIZE)
        path = out / file_name
        if not image.save(str(path)):
            raise SystemExit(f"screenshots: cannot write {path}")
        written.append(path)
    for view in window.tabs.views.values():
        view.board_scene.clearSelection()  # nothing selected while the window goes away
    _settle(app)
    window.document.undo_stack.setClean()
    window.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: docs/screenshots)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    with tempfile.TemporaryDirectory(prefix="personamap-shots-") as tmp:
        _private_environment(Path(tmp))
        for path in take(out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
