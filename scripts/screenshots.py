"""Make the README's pictures: the editor on the bundled sample, one picture per board, in a
chosen theme, drawn offscreen at 1600×1000 so they come out the same on every machine.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Writes personas.png, journeys.png and empathy.png in the light theme, and journeys-dark.png.
Settings go to a throwaway folder, so the user's own theme and recent files are untouched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

SHOTS = (
    # (file, board index, theme, zoom or None for the board's fit)
    ("personas.png", 0, "light", None),
    ("journeys.png", 1, "light", 0.56),
    ("empathy.png", 2, "light", None),
    ("journeys-dark.png", 1, "dark", 0.56),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    home = tempfile.mkdtemp(prefix="personamap-shots-")
    os.environ.update(HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")
    os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"

    from PySide6.QtCore import QPointF, QSettings

    from personamap.resources import sample_path
    from personamap.ui.app import make_application, open_window

    app = make_application()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, board, theme, zoom in SHOTS:
        QSettings().setValue("appearance/theme", theme)
        window = open_window(sample_path())
        window.resize(1600, 1000)
        window.show()
        window.tabs.setCurrentIndex(board)
        for _ in range(30):
            app.processEvents()
        view = window.tabs.current_view()
        if view is not None and zoom is not None:
            bounds = view.scene().itemsBoundingRect()
            view.set_zoom(zoom)
            corner = view.mapToScene(view.viewport().rect().topLeft())
            view.centerOn(
                view.mapToScene(view.viewport().rect().center()) + bounds.topLeft() - corner - QPointF(8, 8)
            )
            for _ in range(10):
                app.processEvents()
        window.grab().save(str(args.out / name))
        print(f"wrote {args.out / name}")
        window.close()
        window.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
