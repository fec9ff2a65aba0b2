"""PNG of a generated 20,000-note board at 150 dpi, against raw Qt: the same number of plain
QGraphicsRectItem + QGraphicsSimpleTextItem in a plain scene, `scene.render` into a QImage of
the same pixel size and format (RGB32, white), saved with the same PNG settings (Qt's default
compression), in the same process. Goal (issue 4): ≤ 1.3× raw.

Both sides build their scene, draw, encode and tear the scene down inside the clock. The notes
are small (48 × 32 scene px on a 56 × 40 grid) so that 20,000 of them fit under the export's
200-megapixel limit at 150 dpi (≈ 98 MP; docs/QT-NOTES.md: the PNG encoder dominates at this size).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import compare, report

N, COLS = 20_000, 200
W, H, GAP = 48.0, 32.0, 8.0
DPI = 150.0
WORDS = ["customer", "receipt", "approval", "budget", "travel", "policy", "manager", "finance", "sync"]


def _texts(n: int) -> list[str]:
    rnd = random.Random(7)
    return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 6))) for _ in range(n)]


def _positions(n: int) -> list[tuple[float, float]]:
    return [((i % COLS) * (W + GAP), (i // COLS) * (H + GAP)) for i in range(n)]


def _project(n: int):
    from personamap.model import Board, NoteElement, Project

    board = Board(name="Notes")
    for i, ((x, y), text) in enumerate(zip(_positions(n), _texts(n), strict=True)):
        board.elements.append(NoteElement(x=x, y=y, w=W, h=H, z=i, text=text))
    return Project(title="bench", boards=[board])


def _raw_png(n: int, path: Path, size: tuple[int, int], margin: float) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

    scene = QGraphicsScene()
    brush = QBrush(QColor("#FFF1A8"))
    for (x, y), text in zip(_positions(n), _texts(n), strict=True):
        rect = QGraphicsRectItem(0, 0, W, H)
        rect.setBrush(brush)
        rect.setPos(x, y)
        label = QGraphicsSimpleTextItem(text, rect)
        label.setPos(4, 4)
        scene.addItem(rect)
    content = scene.itemsBoundingRect().adjusted(0.5, 0.5, -0.5, -0.5)  # without the pen's half width
    source = content.adjusted(-margin, -margin, margin, margin)
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    scene.render(painter, QRectF(0, 0, *size), source, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")


def run(quick: bool) -> None:
    from PySide6.QtWidgets import QApplication

    from personamap.export.raster.render import RasterOptions, export_raster

    app = QApplication.instance() or QApplication([])  # noqa: F841
    project = _project(N)
    options = RasterOptions(what="board:Notes", dpi=DPI)
    with tempfile.TemporaryDirectory() as folder:
        ours_path, raw_path = Path(folder) / "ours.png", Path(folder) / "raw.png"

        def ours() -> None:
            export_raster(project, ours_path, options)

        size = export_raster(project, ours_path, options).sizes[0]

        def raw() -> None:
            _raw_png(N, raw_path, size, options.margin)

        repeat = 1 if quick else 3
        t_ours, t_raw = compare(ours, raw, repeat=repeat, warmup=0)
        megapixels = size[0] * size[1] / 1e6
        print(f"bench: png.board_20k_150dpi_size {size[0]}x{size[1]} ({megapixels:.0f} MP)", flush=True)
        report("png.board_20k_150dpi", t_ours, t_raw, 1.3)


if __name__ == "__main__":
    run("--quick" in sys.argv)
