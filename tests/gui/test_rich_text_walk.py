"""No text the app shows is rich text by Qt's guess (`Qt.mightBeRichText`), with a project whose
every user string is markup naming a file: `<img src="file://…secret.png"><b>HOSTILE</b>`.

The walk opens the project, visits every board, every inspector page (project, personas,
journeys and their parts, empathy maps, notes, board elements), the libraries, Find with
matches, the projector window while presenting, the recovery dialog, the export dialog, the
start page with the file among the recent ones, and the questions the app asks (save
changes?, file changed on disk); each time it reads every widget
text, tooltip, What's This, window title, menu and action text, item-view row and canvas item
there is. A string passes when Qt would not guess rich text, or when its widget is forced to
plain text (a QLabel with Qt.PlainText), or when it is a tooltip in the one escaped template
(`personamap.ui.plain.tooltip`). Texts Qt always draws plain (window titles, menu and button
texts, tab texts, list rows) are read too: they must show the markup literally, and where `&`
marks a mnemonic (menus, actions, buttons, tabs) the user's `&` must be doubled. Linux inotify
proves that no file named in the markup was opened.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolTip,
    QWidget,
)

from personamap.canvas.target import Target
from personamap.io import load, save
from personamap.io.autosave import Session, default_root
from personamap.model.ops import SetField
from personamap.model.research import Dataset
from personamap.ui.inspector.widgets import Section
from personamap.ui.plain import tooltip

from .fileaccess import OpenWatch
from .test_reliability_hostile import hostile_project

try:
    from PySide6.QtGui import Qt as _GuiQt

    might_be_rich_text = _GuiQt.mightBeRichText
except AttributeError:  # pragma: no cover - older PySide6 layouts
    from PySide6.QtCore import Qt as _CoreQt

    might_be_rich_text = _CoreQt.mightBeRichText

WORD = "HOSTILE"
_TEMPLATE = re.compile(re.escape(tooltip("\x00")).replace("\\x00", "(.*)").replace("\x00", "(.*)"), re.S)


@dataclass(frozen=True)
class Shown:
    where: str
    kind: str
    text: str


def is_escaped_tooltip(text: str) -> bool:
    """The fixed template with escaped text inside: Qt shows exactly the text typed."""
    match = _TEMPLATE.fullmatch(text)
    return match is not None and "<" not in match.group(1) and tooltip(html.unescape(match.group(1))) == text


def _name(obj: object) -> str:
    name = obj.objectName() if hasattr(obj, "objectName") else ""
    return f"{type(obj).__name__}({name})" if name else type(obj).__name__


def _item_texts(view: QAbstractItemView) -> Iterator[Shown]:
    model = view.model()
    if model is None:
        return
    where = _name(view)
    stack = [QModelIndex()]
    seen = 0
    while stack and seen < 2000:
        parent = stack.pop()
        try:
            columns = max(1, model.columnCount(parent))
        except TypeError:  # a list model: one column, no children
            columns = 1
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                seen += 1
                for role, kind in (
                    (Qt.ItemDataRole.DisplayRole, "row"),
                    (Qt.ItemDataRole.ToolTipRole, "tooltip"),
                    (Qt.ItemDataRole.WhatsThisRole, "whatsthis"),
                ):
                    value = model.data(index, role)
                    if isinstance(value, str) and value:
                        yield Shown(where, kind, value)
                if column == 0 and _has_children(model, index):
                    stack.append(index)


def _has_children(model, index: QModelIndex) -> bool:
    try:
        return model.hasChildren(index)
    except TypeError:
        return False


def _action_texts(action: QAction, where: str) -> Iterator[Shown]:
    yield Shown(where, "mnemonic", action.text())
    yield Shown(where, "tooltip", action.toolTip())
    yield Shown(where, "statustip", action.statusTip())
    yield Shown(where, "whatsthis", action.whatsThis())
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield Shown(where, "mnemonic", menu.title())
        for sub in menu.actions():
            yield from _action_texts(sub, f"{where} > {menu.title()}")


def _scene_texts(view: QGraphicsView) -> Iterator[Shown]:
    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        where = f"{_name(view)}/{type(item).__name__}"
        if isinstance(item, QGraphicsItem) and item.toolTip():
            yield Shown(where, "tooltip", item.toolTip())
        if isinstance(item, QGraphicsTextItem):
            yield Shown(where, "rich_holder", item.toPlainText())
        elif isinstance(item, QGraphicsSimpleTextItem):
            yield Shown(where, "plain", item.text())


def shown_texts(root: QWidget) -> Iterator[Shown]:
    """Every string `root` and its children show, and how Qt will render it."""
    for widget in [root, *root.findChildren(QWidget)]:
        where = _name(widget)
        if widget.isWindow():
            yield Shown(where, "title", widget.windowTitle())
        yield Shown(where, "tooltip", widget.toolTip())
        yield Shown(where, "whatsthis", widget.whatsThis())
        if isinstance(widget, QLabel) and widget.objectName() == "qtooltip_label":
            yield Shown(where, "tooltip", widget.text())  # Qt's tooltip window: a tooltip
        elif isinstance(widget, QLabel):
            plain = widget.textFormat() == Qt.TextFormat.PlainText
            yield Shown(where, "plain" if plain else "label", widget.text())
        elif isinstance(widget, QAbstractButton):
            yield Shown(where, "mnemonic", widget.text())
        elif isinstance(widget, QGroupBox):
            yield Shown(where, "plain", widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield Shown(where, "mnemonic", widget.tabText(i))
                yield Shown(where, "tooltip", widget.tabToolTip(i))
                yield Shown(where, "whatsthis", widget.tabWhatsThis(i))
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield Shown(where, "plain", widget.itemText(i))
                tip = widget.itemData(i, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    yield Shown(where, "tooltip", tip)
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            yield Shown(where, "rich_holder", widget.toPlainText())
        if isinstance(widget, QAbstractItemView):
            yield from _item_texts(widget)
        if isinstance(widget, QGraphicsView):
            yield from _scene_texts(widget)
        for action in QWidget.actions(widget):  # the main window shadows actions()
            yield from _action_texts(action, where)


def problems_in(root: QWidget, tips: set[str] | None = None) -> tuple[list[Shown], int]:
    """(texts Qt would take as rich text, how many texts carried the hostile word). Tooltips
    with the hostile word not in `tips` yet are shown once, so a raw one would load its file."""
    bad: list[Shown] = []
    carried = 0
    texts = list(shown_texts(root))  # read all before showing tooltips deletes any widget
    for shown in texts:
        text = shown.text
        if not text:
            continue
        hostile = WORD in text
        carried += hostile
        if hostile and tips is not None and shown.kind == "tooltip" and text not in tips:
            tips.add(text)
            QToolTip.showText(root.mapToGlobal(QPoint(8, 8)), text, root)
            QApplication.processEvents()
            QToolTip.hideText()
        if shown.kind in ("tooltip", "whatsthis"):
            if might_be_rich_text(text) and not is_escaped_tooltip(text):
                bad.append(shown)
        elif shown.kind == "label":
            if might_be_rich_text(text):
                bad.append(shown)
        elif hostile and f"<b>{WORD}" not in text and f"&lt;b&gt;{WORD}" not in text:
            # plain displays and rich-capable editors: the markup must be there, literally
            # (an escaped form in a plain display would show entities: also wrong)
            bad.append(shown)
        elif hostile and "&lt;" in text and shown.kind != "rich_holder":
            bad.append(shown)
        elif hostile and shown.kind == "mnemonic" and "&" in text.replace("&&", ""):
            bad.append(shown)  # "R&D" would show as "RD" with the D underlined
    return bad, carried


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    from PySide6.QtGui import QImage

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    path = tmp_path / "secret.png"
    assert image.save(str(path))
    return path


@pytest.fixture
def watch(secret: Path) -> Iterator[OpenWatch]:
    try:
        inotify = OpenWatch(secret)
    except OSError as exc:
        pytest.skip(f"no inotify here: {exc}")
    yield inotify
    inotify.close()


def _targets(project) -> Iterator[Target | None]:
    yield None  # the project page
    for source in project.sources:  # a source's page, opened from the research library
        yield Target("source", source.id)
    for persona in project.personas:
        yield Target("persona", persona.id)
    for journey in project.journeys:
        yield Target("journey", journey.id)
        for stage in journey.stages:
            yield Target("stage", stage.id, journey.id)
            for step in stage.steps:
                yield Target("step", step.id, journey.id)
        for lane in journey.lanes:
            yield Target("lane", lane.id, journey.id)
        for note in journey.notes:
            yield Target("journey_note", note.id, journey.id)
    for emap in project.empathy_maps:
        yield Target("empathy_map", emap.id)
        for note in emap.notes:
            yield Target("empathy_note", note.id, emap.id)
    for board in project.boards:
        for element in board.elements:
            yield Target("element", element.id, board.id)


def _settle(widget: QWidget) -> None:
    QApplication.processEvents()
    widget.grab()  # paint: a rich-text guess that loads an image does so here


class Walk:
    """Collects what every visited screen showed."""

    def __init__(self) -> None:
        self.bad: dict[tuple[str, str, str], Shown] = {}
        self.carried = 0
        self.screens = 0
        self.tips: set[str] = set()

    def visit(self, *roots: QWidget) -> int:
        """Check what `roots` show now; returns how many texts carried the hostile word."""
        self.screens += 1
        seen = 0
        for root in roots:
            for menu in root.findChildren(QMenu):  # menus filled when they open
                menu.aboutToShow.emit()
            _settle(root)
            bad, carried = problems_in(root, self.tips)
            seen += carried
            for shown in bad:
                self.bad.setdefault((shown.where, shown.kind, shown.text), shown)
        self.carried += seen
        return seen

    def visit_windows(self) -> int:
        return self.visit(*[w for w in QApplication.topLevelWidgets() if w.isVisible()])


def test_a_hostile_project_shows_no_rich_text_anywhere(
    window, qtbot, secret: Path, tmp_path: Path, watch: OpenWatch, monkeypatch
) -> None:
    text = f'<img src="file://{secret}"><b>{WORD}</b> R&D'
    project, fields = hostile_project(load(window.document.path), text)
    assert fields >= 100
    project.sources[0].dataset = Dataset(file_name=text, sha256="0" * 64, imported=dt.date(2026, 1, 5))
    path = tmp_path / f"<b>{WORD}<b> & <i>x.personamap"  # no "/" in a file name
    save(project, path)
    assert window.open_path(path)
    walk = Walk()
    walk.visit_windows()

    inspector = window.features["inspector"]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        view = window.tabs.current_view()
        view.zoom_to_fit()
        walk.visit(window)
    for target in _targets(window.document.project):
        view = window.tabs.current_view()
        if target is not None and target.kind == "element":
            window.tabs.setCurrentIndex(
                next(i for i, b in enumerate(window.document.project.boards) if b.id == target.owner)
            )
        inspector.show_target(target)
        for section in inspector.findChildren(Section):
            section.expand()
        walk.visit(inspector)
    assert walk.screens > 50, "every inspector page was visited"
    assert walk.visit(window.features["library"].research) > 0, "the research library shows user text"

    # the Insights dock: findings naming hostile personas and stages, coverage, evidence
    insights = window.features["insights"]
    insights.toggleViewAction().trigger()
    insights.refresh()
    assert insights.findings.rows(), "the hostile project has findings to list"
    for tab in range(insights.tabs.count()):
        insights.tabs.setCurrentIndex(tab)
        assert walk.visit(insights) > 0

    # Find, with matches in every kind of place
    window.actions["edit.find"].trigger()
    bar = window.features["editing"].find
    qtbot.keyClicks(bar.field, WORD)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert walk.visit_windows() > 0

    # presenting: the projector window and its captions, stop by stop
    workshop = window.features["workshop"]
    present = workshop.start_present(fullscreen=False)
    assert present is not None
    qtbot.waitExposed(present)
    present.view.animation_ms = 0
    walk.visit(present)  # its captions are painted as plain text; its widgets are checked here
    for _ in range(min(12, len(workshop.presenter.stops()))):
        qtbot.keyClick(present.view, Qt.Key.Key_PageDown)
        walk.visit(present)
    workshop.presenter.stop()

    # a crash left this project behind: the recovery dialog names it
    dead = Session(default_root())
    dead.snapshot(dead.new_document_key(), window.document.project, path, {})
    dead.release()
    dialog = window.features["reliability"].offer_recovery()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert walk.visit(dialog) > 0
    dialog.reject()

    # the export dialog
    dialog = window.features["export"].open_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert walk.visit(dialog) > 0
    dialog.reject()

    # questions that name the file: file changed on disk, then save changes?
    window.document.apply(SetField(("title",), f"<b>{WORD}</b> edited"))
    other = load(path)
    other.title = "changed elsewhere"
    save(other, path, backup=False)
    seen = _walk_then_answer(walk, "Cancel")
    window.actions["file.save"].trigger()
    assert seen.get("name") == "disk_conflict"
    seen = _walk_then_answer(walk, "Discard")
    window.actions["file.close"].trigger()
    assert window.document is None and seen, "the save-changes question was asked"

    # the start page lists the file among the recent ones, and so does File ▸ Open Recent
    walk.visit_windows()
    window.recent_menu.aboutToShow.emit()
    walk.visit(window)

    assert walk.carried > 100, "the walk saw the hostile text in many places"
    assert len(walk.tips) > 3, "tooltips with the hostile text were shown"
    report = "\n".join(f"{s.where} [{s.kind}]: {s.text[:120]!r}" for s in walk.bad.values())
    assert not walk.bad, f"{len(walk.bad)} texts Qt would not show literally:\n{report}"
    assert watch.opened() == 0, "Qt read the file named in the markup"


def _walk_then_answer(walk: Walk, button_text: str) -> dict[str, str]:
    """Walk the next modal message box, then click its `button_text` as a person would."""
    seen: dict[str, str] = {}
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        timer.stop()
        walk.visit(box)
        seen["name"] = box.objectName()
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        box.reject()

    timer.timeout.connect(poll)
    timer.start()
    seen_timer[0] = timer
    return seen


seen_timer: list[QTimer | None] = [None]


def test_the_walk_catches_rich_text(qtbot) -> None:
    """The detector works: a guessed-rich label and a raw tooltip are reported; a label forced
    to plain text and a tooltip in the escaped template are not."""
    root = QWidget()
    qtbot.addWidget(root)
    QLabel(f"<b>{WORD}</b>", root)
    QLabel("plain", root).setToolTip(f"<b>{WORD}</b>")
    forced = QLabel(f"<b>{WORD}</b>", root)
    forced.setTextFormat(Qt.TextFormat.PlainText)
    forced.setToolTip(tooltip(f"<b>{WORD}</b>"))
    bad, carried = problems_in(root)
    assert carried == 4
    assert sorted(s.kind for s in bad) == ["label", "tooltip"]
    assert is_escaped_tooltip(tooltip("<b>x</b> & y")) and not is_escaped_tooltip("<b>x</b>")
