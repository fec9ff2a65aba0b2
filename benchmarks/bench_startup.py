"""Start-up: seconds from launching a process to a painted window on the sample project.

ours: `personamap.ui.app.open_window` on the bundled sample (the editor as `personamap FILE`
opens it: window, docks, menus, the first board's items), then one full paint (`grab`).
raw: a plain PySide6 window in the same shape — a main window with menus, two docks (a list of
the personas, a form), a tab per board, each a QGraphicsView of one plain rect + text item per
element, read with json.load — then one full paint.

Both are timed from just before the process is spawned to the moment the paint is done (the
child prints the wall clock and leaves without tearing down). Bytecode is cached the way an
installed app has it (a warm-up run fills a private `PYTHONPYCACHEPREFIX`), and autosave writes
into a throwaway data folder.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_S = 1.0


def _ours(sample: Path) -> None:
    from personamap.ui.app import make_application, open_window

    make_application()
    open_window(sample).grab()


def _raw(sample: Path) -> None:
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import (
        QApplication,
        QDockWidget,
        QFormLayout,
        QGraphicsRectItem,
        QGraphicsScene,
        QGraphicsSimpleTextItem,
        QGraphicsView,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QTabWidget,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    data = json.loads(sample.read_bytes())
    window = QMainWindow()
    window.resize(1400, 900)
    tabs = QTabWidget()
    window.setCentralWidget(tabs)
    for board in data["boards"]:
        scene = QGraphicsScene(tabs)
        tabs.addTab(QGraphicsView(scene), board["name"])
        for element in board["elements"]:
            rect = QGraphicsRectItem(0, 0, element["w"], element["h"])
            rect.setPos(element["x"], element["y"])
            QGraphicsSimpleTextItem(element.get("type", ""), rect).setPos(8, 8)
            scene.addItem(rect)
    for title in ("File", "Edit", "View", "Board"):
        menu = window.menuBar().addMenu(title)
        for i in range(12):
            action = QAction(f"{title} {i}", window)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{chr(65 + i)}"))
            menu.addAction(action)
    people = QListWidget()
    people.addItems([p["name"] for p in data["personas"]])
    form = QWidget()
    fields = QFormLayout(form)
    for i in range(8):
        fields.addRow(f"Field {i}", QLineEdit())
    for title, widget, area in (
        ("Library", people, Qt.DockWidgetArea.LeftDockWidgetArea),
        ("Inspector", form, Qt.DockWidgetArea.RightDockWidgetArea),
    ):
        dock = QDockWidget(title)
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
    window.statusBar().showMessage("Ready")
    window.show()
    window.grab()
    app.processEvents()


def _child(which: str, sample: Path) -> None:
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as personamap.cli does
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    (_ours if which == "ours" else _raw)(sample)
    print(time.time(), flush=True)
    os._exit(0)  # the painted moment is measured; tearing down is not start-up


def _launch(which: str, env: dict[str, str], sample: Path) -> float:
    start = time.time()
    out = subprocess.run(
        [sys.executable, __file__, which, str(sample)], env=env, check=True, capture_output=True, text=True
    ).stdout
    return float(out.split()[-1]) - start


def run(quick: bool) -> None:
    from personamap.resources import sample_path

    sample = sample_path()
    with tempfile.TemporaryDirectory(prefix="personamap-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        root = str(Path(__file__).resolve().parent.parent)
        env |= {
            "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
            "XDG_DATA_HOME": str(Path(tmp) / "data"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
            "PYTHONPATH": os.pathsep.join(filter(None, [root, env.get("PYTHONPATH", "")])),
        }
        _launch("ours", env, sample)  # warm-up: fills the bytecode cache
        _launch("raw", env, sample)
        ours, raw = [], []
        for _ in range(3 if quick else 7):
            ours.append(_launch("ours", env, sample))
            raw.append(_launch("raw", env, sample))
    o, r = statistics.median(ours), statistics.median(raw)
    print(
        f"bench: startup.painted_sample ours={o:.3f}s raw={r:.3f}s ratio={o / r:.2f} goal={GOAL_S:g}s"
        f" (best ours={min(ours):.3f}s)",
        flush=True,
    )


if __name__ == "__main__":
    _child(sys.argv[1], Path(sys.argv[2]))
