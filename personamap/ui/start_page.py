"""What a window shows with no project open: start from a template, open a file, reopen a
recent one, or explore the sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
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


def _list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setItemDelegate(TwoLineDelegate(widget))
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setMouseTracking(True)
    widget.setFrameShape(QFrame.Shape.NoFrame)
    return widget


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
        columns.addWidget(self._recent_column(), 1)
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
        create = QPushButton("Create")
        create.clicked.connect(lambda: self._create_from_item(self.template_list.currentItem()))
        sample = QPushButton("Explore the sample project")
        sample.setObjectName("open_sample")
        sample.clicked.connect(self.open_sample)
        row = QHBoxLayout()
        row.addWidget(create)
        row.addWidget(sample)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _recent_column(self) -> QWidget:
        box = QFrame()
        layout = QVBoxLayout(box)
        layout.addWidget(_plain_label("Recent projects", 14, bold=True))
        self.recent_list = _list("recent")
        self.recent_list.itemActivated.connect(
            lambda item: self.files.open_path(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        layout.addWidget(self.recent_list, 1)
        open_button = QPushButton("Open…")
        open_button.clicked.connect(self.files.open_dialog)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        for path in self.files.recent_files():
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip("")
            self.recent_list.addItem(item)

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
