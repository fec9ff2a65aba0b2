"""Canvas speed on generated boards of 2,000 and 20,000 sticky notes, beside the raw Qt
baseline (docs/QT-NOTES.md): the same number of plain QGraphicsRectItem + QGraphicsSimpleTextItem
in a plain scene, drawn by a plain view of the same size, in the same process.

Goals (issue 3): a frame at 100 % ≤ 2× raw and ≤ 16 ms at 20k; the whole board in one frame
≤ 50 ms at 20k; hit test ≤ 2× raw; one frame while moving 100 selected notes ≤ 16 ms. The
sample's Journeys board whole in one frame (the semantic zoom naming its journeys, stages and
lanes) ≤ 50 ms as well.
Goal (issue 13): opening a board to its first painted frame ≤ 1.5× raw. Both sides start from
their data ready in memory (ours: the loaded project, as after a file is opened — loading is
io.load's benchmark; raw: the texts and positions) and build scene, view and first frame.
"""

from __future__ import annotations

import os
import random

os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM") or "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")

from _util import compare, median_time, report

W, H, GAP, COLS = 160.0, 100.0, 24.0, 200
WORDS = [
    "customer", "receipt", "approval", "budget", "travel", "policy",
    "manager", "finance", "export", "sync", "card", "limit",
]  # fmt: skip


def _texts(n: int) -> list[str]:
    rnd = random.Random(7)
    return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 14))) for _ in range(n)]


def _positions(n: int) -> list[tuple[float, float]]:
    return [((i % COLS) * (W + GAP), (i // COLS) * (H + GAP)) for i in range(n)]


def _project(n: int):
    from personamap.model import Board, NoteElement, Project

    board = Board(name="Notes")
    for i, ((x, y), text) in enumerate(zip(_positions(n), _texts(n), strict=True)):
        board.elements.append(NoteElement(x=x, y=y, w=W, h=H, z=i, text=text))
    return Project(title="bench", boards=[board])


def _raw_data(n: int) -> list[tuple[tuple[float, float], str]]:
    return list(zip(_positions(n), _texts(n), strict=True))


def _raw_scene(n: int, data: list[tuple[tuple[float, float], str]] | None = None):
    from PySide6.QtGui import QBrush, QColor
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

    scene = QGraphicsScene()
    keep = []
    brush = QBrush(QColor("#FFF1A8"))
    for (x, y), text in data if data is not None else _raw_data(n):
        rect = QGraphicsRectItem(0, 0, W, H)
        rect.setBrush(brush)
        rect.setPos(x, y)
        label = QGraphicsSimpleTextItem(text, rect)
        label.setPos(8, 8)
        scene.addItem(rect)
        keep.append(rect)
    scene.keep = keep  # type: ignore[attr-defined]
    return scene


def _view(scene):
    from PySide6.QtWidgets import QGraphicsView

    view = QGraphicsView(scene)
    view.resize(1600, 900)
    view.setHorizontalScrollBarPolicy(view.horizontalScrollBarPolicy().ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(view.verticalScrollBarPolicy().ScrollBarAlwaysOff)
    return view


def _frame(view) -> None:
    view.viewport().grab()


def _ours(n: int, project=None):
    from personamap.canvas.scene import BoardScene
    from personamap.canvas.view import BoardView
    from personamap.document import Document

    project = project if project is not None else _project(n)
    document = Document(project)
    scene = BoardScene(document, project.boards[0].id)
    view = BoardView(scene)
    view.resize(1600, 900)
    return document, scene, view


def run(quick: bool) -> None:
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841
    repeat = 3 if quick else 7
    for n in (2_000, 20_000):
        tag = f"{n // 1000}k"

        project, data = _project(n), _raw_data(n)

        def open_ours(n: int = n, project=project) -> object:
            doc, scene, view = _ours(n, project)
            view.centerOn(800, 450)
            _frame(view)
            return doc, scene, view

        def open_raw(n: int = n, data=data) -> object:
            scene = _raw_scene(n, data)
            view = _view(scene)
            view.centerOn(800, 450)
            _frame(view)
            return scene, view

        ours, raw = compare(open_ours, open_raw, repeat=max(3, repeat // 2), warmup=1)
        report(f"canvas.open_to_first_frame_{tag}", ours, raw, 1.5)
        del project, data

        doc, scene, view = _ours(n)
        raw_scene = _raw_scene(n)
        raw_view = _view(raw_scene)
        for v in (view, raw_view):
            v.resetTransform()
            v.centerOn(3800, 600)
        ours, raw = compare(lambda v=view: _frame(v), lambda v=raw_view: _frame(v), repeat=repeat * 3)
        report(f"canvas.frame_100pct_{tag}", ours, raw, 2)
        print(f"bench: canvas.frame_100pct_{tag}_absolute ours={ours * 1000:.1f}ms goal=16ms", flush=True)

        bounds = QRectF(0, 0, COLS * (W + GAP), (n // COLS + 1) * (H + GAP))
        for v in (view, raw_view):
            v.fitInView(bounds)
        ours, raw = compare(lambda v=view: _frame(v), lambda v=raw_view: _frame(v), repeat=repeat)
        report(f"canvas.frame_whole_board_{tag}", ours, raw, 0)
        absolute = f"ours={ours * 1000:.1f}ms goal=50ms"
        print(f"bench: canvas.frame_whole_board_{tag}_absolute {absolute}", flush=True)

        rnd = random.Random(3)
        points = [
            QPointF(rnd.uniform(0, bounds.width()), rnd.uniform(0, bounds.height())) for _ in range(2000)
        ]

        def hits(s, pts=points) -> int:
            return sum(len(s.items(p)) for p in pts)

        ours, raw = compare(lambda s=scene: hits(s), lambda s=raw_scene: hits(s), repeat=repeat)
        report(f"canvas.hit_test_2000_points_{tag}", ours, raw, 2)

        view.resetTransform()
        view.centerOn(800, 450)
        moving = [scene.items_by_id[e.id] for e in scene.board.elements[:100]]
        for item in moving:
            item.setSelected(True)

        def move_frame(items=moving, v=view, step=[0]) -> None:  # noqa: B006 - a counter
            step[0] += 1
            dx = 1 if step[0] % 2 else -1
            for item in items:
                item.setPos(item.pos().x() + dx, item.pos().y())
            _frame(v)

        ours = median_time(move_frame, repeat=repeat * 3)
        print(f"bench: canvas.move_100_selected_frame_{tag} ours={ours * 1000:.1f}ms goal=16ms", flush=True)
        for item in moving:
            item.setSelected(False)
        del doc, scene, view, raw_scene, raw_view
    _journeys_whole(repeat)


def _journeys_whole(repeat: int) -> None:
    """The sample's Journeys board zoomed to fit: shapes, curves and the label layer's names."""
    from personamap.canvas.scene import BoardScene
    from personamap.canvas.view import BoardView
    from personamap.document import Document
    from personamap.io import load
    from personamap.resources import sample_path

    loaded = load(sample_path())
    project = getattr(loaded, "project", loaded)
    document = Document(project)
    board = next(b for b in project.boards if b.name == "Journeys")
    view = BoardView(BoardScene(document, board.id))
    view.resize(1600, 900)
    view.zoom_to_fit()
    ours = median_time(lambda: _frame(view), repeat=repeat * 3)
    names = len(view.labels.placed)
    print(f"bench: canvas.frame_journeys_fit ours={ours * 1000:.1f}ms goal=50ms ({names} names)", flush=True)
