"""File ▸ Import data…: a window beside the editor (not modal, the project stays editable) that
reads a research table, lets the user choose each column's role, finds segments on a worker
thread (with progress and Cancel), shows them, and drafts one persona per segment as a single
undoable edit (personamap/data/adopt.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...data.adopt import Choice, adopt, run
from ...data.columns import Table
from ...data.read import WORKBOOK_SUFFIXES
from ...data.segment import Segmentation
from ...model.enums import EvidenceKind
from .explorer import SegmentExplorer, plain_label
from .load import Loaded, load
from .preview import PreviewModel
from .roles import RolesTable
from .worker import Task

K_CHOICES: list[tuple[str, int | str]] = [("Auto", "auto"), *((str(k), k) for k in range(2, 9))]
FILE_FILTER = f"Tables (*.csv *.tsv *.txt {' '.join('*' + s for s in WORKBOOK_SUFFIXES)});;All files (*)"
PERSONAL_HINT = (
    "Columns that look personal (e-mail, phone, names, addresses…) are kept as personal: never "
    "used, never stored. Only aggregates per segment go into the project."
)


def in_a_row(*widgets: tuple[QWidget, int]) -> QHBoxLayout:
    """Widgets side by side, each with its stretch factor."""
    row = QHBoxLayout()
    for widget, stretch in widgets:
        row.addWidget(widget, stretch)
    return row


class ImportDataWindow(QDialog):
    """One import, from choosing the file to creating the personas."""

    def __init__(self, main_window: Any) -> None:
        super().__init__(main_window)
        self.main_window = main_window
        self.setWindowTitle("Import data")
        self.setModal(False)
        self.resize(1150, 720)
        self.pool = QThreadPool(self)
        self.task: Task | None = None
        self.table: Table | None = None
        self.segmentation: Segmentation | None = None
        self.segmented_with: Choice | None = None
        self._read_key: tuple[str, str | None] | None = None
        self._build()
        self._set_busy(False)

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("A CSV file or a workbook (.xlsx, .ods…)")
        self.path_edit.setAccessibleName("Table file")
        self.path_edit.editingFinished.connect(self._path_entered)
        self.browse = QPushButton("Browse…")
        self.browse.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.sheet.setAccessibleName("Sheet")
        self.sheet.activated.connect(lambda _i: self._read(self.sheet.currentText()))
        self.sheet_label = plain_label("Sheet")
        self.kind = QComboBox()
        for kind in EvidenceKind:
            self.kind.addItem(kind.value.replace("_", " ").capitalize(), kind)
        self.kind.setCurrentIndex(self.kind.findData(EvidenceKind.SURVEY))
        self.title = QLineEdit()
        self.title.setAccessibleName("Source title")
        self.title.setToolTip("The research source's title in the project (default: the file name)")
        file_row = in_a_row(
            (plain_label("File"), 0),
            (self.path_edit, 3),
            (self.browse, 0),
            (self.sheet_label, 0),
            (self.sheet, 1),
            (plain_label("Source"), 0),
            (self.kind, 0),
            (plain_label("Title"), 0),
            (self.title, 2),
        )
        self.status = plain_label("Choose a table to import.")
        self.status.setWordWrap(True)

        self.roles = RolesTable()
        self.roles.roles_changed.connect(self._roles_changed)
        hint = plain_label(PERSONAL_HINT)
        hint.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(plain_label("Columns"))
        left_layout.addWidget(self.roles, 1)
        left_layout.addWidget(hint)
        self.preview = QTableView()
        self.preview.setAccessibleName("Preview")
        self.preview.setWordWrap(False)
        self.explorer = SegmentExplorer()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, "Preview")
        self.tabs.addTab(self.explorer, "Segments")
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([480, 670])

        self.k = QComboBox()
        self.k.setAccessibleName("Number of segments")
        for text, value in K_CHOICES:
            self.k.addItem(text, value)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_147_483_647)
        self.seed.setAccessibleName("Seed")
        self.seed.setToolTip("The same table, columns, k and seed always give the same segments")
        self.seed.setMaximumWidth(120)
        self.find_button = QPushButton("Find segments")
        self.find_button.clicked.connect(self.find_segments)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.stage = plain_label()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel_task)
        self.create_button = QPushButton("Create personas")
        self.create_button.clicked.connect(self.create_personas)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        actions = in_a_row(
            (plain_label("Segments"), 0),
            (self.k, 0),
            (plain_label("Seed"), 0),
            (self.seed, 0),
            (self.find_button, 0),
            (self.progress, 1),
            (self.stage, 1),
            (self.cancel_button, 0),
            (self.create_button, 0),
            (close, 0),
        )

        for button in (self.browse, self.find_button, self.cancel_button, self.create_button, close):
            button.setAutoDefault(False)  # Return in the file field reads the file, nothing else
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        self._show_sheets([])

    # --- reading ------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Browse…: pick the file in a file dialog and read it."""
        start = str(Path(self.path_edit.text()).parent) if self.path_edit.text() else ""
        name, _ = QFileDialog.getOpenFileName(self, "Import data", start, FILE_FILTER)
        if name:
            self.path_edit.setText(name)
            self._path_entered()

    def _path_entered(self) -> None:
        """Return or leaving the field: read the file unless it is the one already read."""
        text = self.path_edit.text().strip()
        if self._read_key is None or text != self._read_key[0]:
            self._show_sheets([])
            self._read(None)

    def _read(self, sheet: str | None) -> None:
        text = self.path_edit.text().strip()
        if not text or (text, sheet) == self._read_key:
            return
        self._read_key = (text, sheet)
        self._unload()
        path = Path(text).expanduser()
        self._start(lambda _progress: load(path, sheet), self._loaded, f"Reading {path.name}…")

    def _unload(self) -> None:
        """Forget the table read before: a new file or sheet is on its way."""
        self.table = None
        self.preview.setModel(None)
        self.roles.set_table(None)
        self.title.setPlaceholderText("")
        self._forget_segments()

    def _loaded(self, loaded: Loaded) -> None:
        if self._read_key is not None:  # the first sheet, when none was asked for
            self._read_key = (self._read_key[0], loaded.sheet)
        self._show_sheets(loaded.sheets, loaded.sheet)
        table = loaded.table
        if table is None:
            self._failed(f"{loaded.error} Choose another sheet.")
            return
        self.table = table
        self.preview.setModel(PreviewModel(table, self.preview))
        self.roles.set_table(table)
        self.title.setPlaceholderText(table.path.name)
        personal = sum(c.personal for c in table.columns)
        notes = "; ".join(table.notes)
        self.status.setText(
            f"{table.path.name}: {table.rows:,} rows × {len(table.columns)} columns"
            f"{f', {personal} look personal' if personal else ''} ({notes})."
        )
        self.tabs.setCurrentWidget(self.preview)

    def _show_sheets(self, sheets: list[str], current: str | None = None) -> None:
        self.sheet.clear()
        self.sheet.addItems(sheets)
        if current is not None:
            self.sheet.setCurrentIndex(self.sheet.findText(current))
        self.sheet.setVisible(bool(sheets))
        self.sheet_label.setVisible(bool(sheets))

    # --- segments -----------------------------------------------------------------------

    def choice(self) -> Choice:
        return Choice(
            columns=self.roles.columns(),
            k=self.k.currentData(),
            seed=self.seed.value(),
            kind=EvidenceKind(self.kind.currentData()),
            title=self.title.text().strip()[:500],
        )

    def find_segments(self) -> None:
        table = self.table
        if table is None or self._busy():
            return
        choice = self.choice()
        self._start(
            lambda progress: run(table, choice, progress),
            lambda segmentation: self._segmented(segmentation, choice),
            "Finding segments…",
        )

    def _segmented(self, segmentation: Segmentation, choice: Choice) -> None:
        self.segmentation = segmentation
        self.segmented_with = choice
        self.explorer.show_segmentation(segmentation)
        self.tabs.setCurrentWidget(self.explorer)
        self.status.setText(
            f"{len(segmentation.segments)} segments in {segmentation.rows_used:,} rows. "
            "Create personas drafts one persona per segment."
        )

    def _roles_changed(self) -> None:
        if self.segmentation is not None and not self._still_fits():
            self.status.setText("The columns changed: find segments again to create personas from them.")
        self._set_busy(self._busy())

    def _forget_segments(self) -> None:
        self.segmentation = None
        self.segmented_with = None
        self.explorer.clear()
        self._set_busy(self._busy())

    # --- creating -----------------------------------------------------------------------

    def _still_fits(self) -> bool:
        """The segments shown were found with the roles chosen now (fields may differ)."""
        used = self.segmented_with
        return used is not None and [(c.name, c.role) for c in used.columns] == self.roles.roles()

    def ready_to_create(self) -> bool:
        return (
            self.table is not None
            and self.segmentation is not None
            and self._still_fits()
            and self.main_window.document is not None
        )

    def create_personas(self) -> None:
        """Draft the personas as one undoable edit, show their board and close."""
        table, segmentation, document = self.table, self.segmentation, self.main_window.document
        used = self.segmented_with
        if (
            table is None
            or segmentation is None
            or document is None
            or used is None
            or not self._still_fits()
        ):
            return
        # the fields, kind and title as they are now; k and seed as the segments were found
        choice = replace(self.choice(), k=used.k, seed=used.seed)
        made = []

        def build(project: Any) -> Any:
            adoption = adopt(project, table, segmentation, choice, today=dt.date.today())
            made.append(adoption)
            return adoption.op

        if not document.try_apply(build):
            self._failed("the project refused the new personas")
            return
        self.main_window.tabs.show_board(made[-1].board_id)
        self.main_window.show_message(f"Drafted {len(made[-1].persona_ids)} personas from {table.path.name}")
        self.close()

    # --- work on the pool ---------------------------------------------------------------

    def _start(self, work: Any, done: Any, stage: str) -> None:
        if self.task is not None:
            self.task.cancel()
        task = Task(work, self)
        task.progressed.connect(lambda words, fraction: self._progressed(task, words, fraction))
        task.succeeded.connect(lambda result: self._succeeded(task, done, result))
        task.failed.connect(lambda message: self._ended(task, message))
        task.stopped.connect(lambda: self._ended(task, "Stopped."))
        self.task = task
        self.stage.setText(stage)
        self.progress.setValue(0)
        self._set_busy(True)
        task.start(self.pool)

    def _progressed(self, task: Task, words: str, fraction: float) -> None:
        if task is self.task and not task.cancelled:
            self.stage.setText(words[:1].upper() + words[1:] + "…")
            self.progress.setValue(round(fraction * 1000))

    def _succeeded(self, task: Task, done: Any, result: object) -> None:
        if task is not self.task:
            return
        self.task = None
        done(result)
        self._set_busy(False)

    def _ended(self, task: Task, message: str) -> None:
        if task is not self.task:
            return
        self.task = None
        self._set_busy(False)
        if message == "Stopped.":
            self.status.setText("Stopped: nothing was changed.")
        else:
            self._failed(message)
        if self.table is None:
            self._read_key = None  # the same file may be fixed, or read after all, and entered again

    def _failed(self, message: str) -> None:
        name = Path(self.path_edit.text().strip()).name
        self.status.setText(message if name and name in message else f"{name}: {message}")

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.stage.setText("Stopping…")
            self.cancel_button.setEnabled(False)

    def _busy(self) -> bool:
        return self.task is not None

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        if not busy:
            self.stage.setText("")
        self.find_button.setEnabled(not busy and self.table is not None)
        self.create_button.setEnabled(not busy and self.ready_to_create())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop any work and wait for it (at most one step), so no thread outlives the window."""
        if self.task is not None:
            self.task.cancel()
        self.pool.waitForDone()
        self.task = None
        super().closeEvent(event)
