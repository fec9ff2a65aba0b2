"""What a window shows with no project open: start from a template, open a file, reopen a
recent one, or explore the sample."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..io import ProjectFileError
from ..resources import list_templates, load_project, new_project_from_template, sample_path
from .dialogs import show_error
from .files import FileController
from .two_line_delegate import TwoLineDelegate


def _plain_label(text: str, size: int = 0, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if size or bold:
        f = label.font()
        if size:
            f.setPointSize(size)
        f.setBold(bold)
        label.setFont(f)
    return label


class _FitList(QListWidget):
    """A list no taller than its rows at its current width: no empty white box below them."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        rows = sum(self.sizeHintForRow(i) for i in range(self.count()))
        self.setMaximumHeight(max(rows, 1) + 2 * self.frameWidth())


def _list(name: str) -> _FitList:
    widget = _FitList()
    widget.setObjectName(name)
    widget.setItemDelegate(TwoLineDelegate(widget))
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setResizeMode(QListView.ResizeMode.Adjust)  # rows rewrap when the window resizes
    widget.setMouseTracking(True)
    widget.setFrameShape(QFrame.Shape.NoFrame)
    return widget


def recent_row(path: Path) -> str | None:
    """ "name\nfolder\nSaved <date>" for a recent file, or None when it is gone (moved or
    deleted: there is nothing to open)."""
    try:
        modified = path.stat().st_mtime
    except OSError:
        return None
    if not path.is_file():
        return None
    when = QDateTime.fromSecsSinceEpoch(int(modified))
    return f"{path.name}\n{path.parent}\nSaved {QLocale().toString(when, 'd MMM yyyy, HH:mm')}"


def sample_row() -> str:
    """ "title\ndescription" of the bundled sample, read from its header fields."""
    try:
        data = json.loads(sample_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "Sample project"
    title = " ".join(str(data.get("title") or "Sample project").split())
    description = " ".join(str(data.get("description") or "").split())
    return f"{title}\n{description}" if description else title


class StartPage(QWidget):
    def __init__(self, files: FileController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = files
        self.setObjectName("start_page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(96, 56, 96, 56)
        outer.addWidget(_plain_label("personamap", 28, bold=True))
        outer.addWidget(
            _plain_label("Personas, empathy maps and journey maps — offline, and ready to print.")
        )
        outer.addSpacing(24)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)
        columns.addWidget(self._templates_column(), 1)
        columns.addSpacing(32)
        columns.addWidget(self._right_column(), 1)
        files.recent_changed.connect(self._fill_recent)
        self._fill_recent()

    def _templates_column(self) -> QWidget:
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.addWidget(_plain_label("Start a new project", 14, bold=True))
        self.template_list = _list("templates")
        for info in list_templates():
            item = QListWidgetItem(f"{info.title}\n{info.description}")
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            self.template_list.addItem(item)
        self.template_list.itemActivated.connect(self._create_from_item)
        layout.addWidget(self.template_list, 1)
        self.template_list.fit()
        create = QPushButton("Create")
        create.clicked.connect(lambda: self._create_from_item(self.template_list.currentItem()))
        row = QHBoxLayout()
        row.addWidget(create)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(0)
        return box

    def _right_column(self) -> QWidget:
        """Recent projects (or a line saying where they will appear), Open…, and the sample."""
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.addWidget(_plain_label("Recent projects", 14, bold=True))
        self.recent_list = _list("recent")
        self.recent_list.itemActivated.connect(
            lambda item: self.files.open_path(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        layout.addWidget(self.recent_list, 1)
        self.no_recent = _plain_label("Projects you open or save will be listed here.")
        self.no_recent.setObjectName("no_recent")
        self.no_recent.setEnabled(False)  # muted, like the rows' details
        layout.addWidget(self.no_recent)
        open_button = QPushButton("Open…")
        open_button.clicked.connect(self.files.open_dialog)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(24)
        layout.addWidget(_plain_label("Explore the sample project", 14, bold=True))
        self.sample_list = _list("sample")
        item = QListWidgetItem(sample_row())
        item.setToolTip("Opens an untitled copy: the sample itself never changes")
        self.sample_list.addItem(item)
        self.sample_list.itemActivated.connect(lambda _item: self.open_sample())
        layout.addWidget(self.sample_list)
        self.sample_list.fit()
        layout.addStretch(0)
        return box

    def showEvent(self, event: QShowEvent) -> None:
        """Files move and vanish while a project is open: list them as they are now."""
        self._fill_recent()
        super().showEvent(event)

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        for path in self.files.recent_files():
            text = recent_row(path)
            if text is None:
                continue
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent_list.addItem(item)
        self.recent_list.fit()
        shown = self.recent_list.count() > 0
        self.recent_list.setVisible(shown)
        self.no_recent.setVisible(not shown)

    def show_templates(self) -> None:
        """File ▸ New: make the template list the place to choose from."""
        if self.files.close_document():
            self.files.set_document(None)
            self.template_list.setFocus()

    def _create_from_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        try:
            project = new_project_from_template(name)
        except (ProjectFileError, LookupError) as exc:
            show_error(self, "Cannot create project", f"The template {name} cannot be used.", str(exc))
            return
        self.files.new_project(project)

    def open_sample(self) -> None:
        """Open the sample as an untitled copy, so the bundled file is never changed."""
        try:
            project = load_project(sample_path())
        except (ProjectFileError, LookupError) as exc:
            show_error(self, "Cannot open the sample", "The sample project cannot be opened.", str(exc))
            return
        self.files.new_project(project)
