"""File ▸ Export…: what to export, as PDF, PNG or SVG, or shared as Mermaid, Markdown, an HTML
handbook or CSV, with a preview of the first page (or of the text), progress and cancel, and
the result's folder one click away.

The dialog only gathers choices and shows outcomes; the exporters (personamap.export) do the
work and `ExportRunner` runs them (a PDF in a worker thread, pictures in the GUI thread); the
shares are written by the command line's engines (ui/export_share.py), quick enough to run here.
Every message that can carry user text (names, warnings, errors) is shown as plain text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..export import PAGE_SIZES, ExportError, PdfOptions
from ..export.raster.plan import slug
from ..export.raster.render import DPI_RANGE, RasterOptions
from ..io.errors import ProjectFileError
from .export_preview import PreviewPane
from .export_products import Product, products_for
from .export_runner import ExportRunner
from .export_share import SUFFIXES, holds, render_share, shown, write_share
from .plain import tooltip

FORMATS = (("pdf", "PDF"), ("png", "PNG"), ("svg", "SVG"))
SHARES = (("mermaid", "Mermaid"), ("markdown", "Markdown"), ("html", "HTML handbook"), ("csv", "CSV"))
"""Text and web formats, on a row of their own: they share personas and journeys, not boards."""
ALL_FORMATS = FORMATS + SHARES
TILES = (("One sheet", ""), ("Automatic", "auto"), ("2 × 1", "2x1"), ("3 × 1", "3x1"), ("2 × 2", "2x2"),
         ("3 × 2", "3x2"), ("4 × 2", "4x2"), ("4 × 3", "4x3"))  # fmt: skip
ORIENTATIONS = (("Automatic", "auto"), ("Portrait", "portrait"), ("Landscape", "landscape"))
FILTERS = {
    "pdf": "PDF (*.pdf)",
    "png": "PNG image (*.png)",
    "svg": "SVG drawing (*.svg)",
    "mermaid": "Mermaid diagram (*.mmd *.mermaid)",
    "markdown": "Markdown (*.md)",
    "html": "Web page (*.html)",
    "csv": "CSV table (*.csv)",
}
SHARE_CAPTIONS = {
    "mermaid": "A Mermaid journey diagram per journey; notes and colours ride along in %% comments.",
    "markdown": "Markdown to paste into a wiki, a chat or a README.",
    "csv": "A table that opens in a spreadsheet (UTF-8; formula-like cells neutralised).",
}


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ExportDialog(QDialog):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setWindowTitle("Export")
        self.document = window.document
        self.project = self.document.project
        view = window.tabs.current_view()
        scene = view.board_scene if view is not None else None
        selected = scene.selected_ids() if scene is not None else []
        self.products = products_for(self.project, scene.board_id if scene else None, selected)
        self.runner = ExportRunner(self)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.result_folder: Path | None = None
        self.target = Path()
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.update_preview)
        self._build()
        self._restore()
        self._refresh()

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.what = QListWidget()
        self.what.setMinimumWidth(340)
        self.what.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.what.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for product in self.products:
            item = QListWidgetItem(product.label)
            item.setToolTip(tooltip(product.label))  # labels name boards and personas
            self.what.addItem(item)
        self.what.currentRowChanged.connect(self._refresh)
        self.format_group = QButtonGroup(self)
        formats = QVBoxLayout()
        for row in (FORMATS, SHARES):
            line = QHBoxLayout()
            for key, text in row:
                button = QRadioButton(text)
                button.setObjectName(f"format_{key}")
                self.format_group.addButton(button, [k for k, _ in ALL_FORMATS].index(key))
                line.addWidget(button)
            line.addStretch(1)
            formats.addLayout(line)
        self.format_group.idToggled.connect(self._format_toggled)
        self.page_size = QComboBox()
        self.page_size.addItems(list(PAGE_SIZES))
        self.orientation = QComboBox()
        for text, value in ORIENTATIONS:
            self.orientation.addItem(text, value)
        self.tile = QComboBox()
        for text, value in TILES:
            self.tile.addItem(text, value)
        self.by_dpi = QRadioButton("Resolution")
        self.by_width = QRadioButton("Width")
        self.by_dpi.setChecked(True)
        self.dpi = QSpinBox(minimum=int(DPI_RANGE[0]), maximum=int(DPI_RANGE[1]), value=150, suffix=" dpi")
        self.width_px = QSpinBox(minimum=16, maximum=100_000, value=3000, suffix=" px", singleStep=100)
        size_row = QHBoxLayout()
        for w in (self.by_dpi, self.dpi, self.by_width, self.width_px):
            size_row.addWidget(w)
        size_row.addStretch(1)
        self.size_widget = QWidget()
        self.size_widget.setLayout(size_row)
        size_row.setContentsMargins(0, 0, 0, 0)
        self.transparent = QCheckBox("Transparent background")
        self.grayscale = QCheckBox("Grayscale (prints well in black and white)")
        for signal in (
            self.page_size.currentIndexChanged,
            self.orientation.currentIndexChanged,
            self.tile.currentIndexChanged,
            self.dpi.valueChanged,
            self.width_px.valueChanged,
            self.by_dpi.toggled,
            self.transparent.toggled,
            self.grayscale.toggled,
        ):
            signal.connect(self._refresh)
        self.form = QFormLayout()
        self.form.addRow("Format", formats)
        self.form.addRow("Page size", self.page_size)
        self.form.addRow("Orientation", self.orientation)
        self.form.addRow("Tiling", self.tile)
        self.form.addRow("Size", self.size_widget)
        self.form.addRow("", self.transparent)
        self.form.addRow("", self.grayscale)
        left = QVBoxLayout()
        left.addWidget(QLabel("What to export"))
        left.addWidget(self.what, 1)
        left.addLayout(self.form)
        self.pane = PreviewPane()
        self.preview, self.caption = self.pane.image, self.pane.caption
        right = QVBoxLayout()
        right.addWidget(QLabel("Preview"))
        right.addWidget(self.pane)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addSpacing(12)
        top.addLayout(right)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = _plain()
        self.warnings = QPlainTextEdit(readOnly=True)
        self.warnings.setMaximumHeight(90)
        self.warnings.setVisible(False)
        self.open_folder = QPushButton("Open Folder")
        self.open_folder.setVisible(False)
        self.open_folder.clicked.connect(self.open_result_folder)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self._close_or_cancel)
        self.export_button = QPushButton("Export…")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.progress.setFixedWidth(200)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.open_folder)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.warnings)
        layout.addLayout(buttons)

    # --- choices ------------------------------------------------------------------------------

    def fmt(self) -> str:
        return ALL_FORMATS[max(0, self.format_group.checkedId())][0]

    def set_format(self, fmt: str) -> None:
        self.format_group.button([k for k, _ in ALL_FORMATS].index(fmt)).setChecked(True)

    def product(self) -> Product | None:
        row = self.what.currentRow()
        return self.products[row] if 0 <= row < len(self.products) else None

    def pdf_options(self, product: Product) -> PdfOptions:
        return PdfOptions(
            what=product.pdf_what or "all",
            page_size=self.page_size.currentText(),
            orientation=self.orientation.currentData(),
            tile=(self.tile.currentData() or None) if product.tiles else None,
            grayscale=self.grayscale.isChecked(),
        )

    def raster_options(self) -> RasterOptions:
        return RasterOptions(
            dpi=float(self.dpi.value()),
            width=self.width_px.value() if self.by_width.isChecked() else None,
            transparent=self.transparent.isChecked(),
            grayscale=self.grayscale.isChecked() and self.fmt() == "png",
        )

    def _format_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._refresh()

    def _refresh(self, *_args: object) -> None:
        fmt, product = self.fmt(), self.product()
        for row, p in enumerate(self.products):
            item = self.what.item(row)
            flags = item.flags()
            enabled = p.supports(fmt)
            item.setFlags(
                flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled
            )
        pdf, share = fmt == "pdf", fmt in SUFFIXES
        for widget, visible in (
            (self.page_size, pdf),
            (self.orientation, pdf),
            (self.tile, pdf and product is not None and product.tiles),
            (self.size_widget, fmt == "png"),
            (self.transparent, fmt in ("png", "svg")),
            (self.grayscale, fmt in ("pdf", "png")),
        ):
            self.form.setRowVisible(widget, visible)
        self.dpi.setEnabled(self.by_dpi.isChecked())
        self.width_px.setEnabled(self.by_width.isChecked())
        ok = product is not None and product.supports(fmt) and not self.runner.running
        self.export_button.setEnabled(ok)
        if product is not None and not product.supports(fmt):
            self.caption.setText(
                f"{product.label} cannot be exported as {dict(ALL_FORMATS)[fmt]}: choose another "
                + ("product: these formats share personas and journeys." if share else "format.")
            )
        self._timer.start()

    # --- preview ------------------------------------------------------------------------------

    def update_preview(self) -> None:
        fmt, product = self.fmt(), self.product()
        if product is None or not product.supports(fmt):
            self.pane.clear()
            return
        if fmt in SUFFIXES:
            self._share_preview(product, fmt)
            return
        pdf = self.pdf_options(product) if fmt == "pdf" else None
        if not self.pane.display(
            self.project, product, fmt, self.raster_options(), pdf, self.grayscale.isChecked()
        ):
            self.export_button.setEnabled(False)

    def _share_preview(self, product: Product, fmt: str) -> None:
        """The text itself for Mermaid, Markdown and CSV; for the handbook, a picture of its
        first persona or journey (the page lays it out for a browser)."""
        assert product.share is not None
        held = f"It holds {holds(self.project, fmt, product.share)}."
        if fmt == "html":
            personas, journeys = shown(self.project, fmt, product.share)
            first = f"persona:{personas[0]}" if personas else f"journey:{journeys[0]}" if journeys else None
            picture = replace(product, raster_what=first)
            if first and self.pane.display(self.project, picture, "svg", RasterOptions(), None, False):
                self.caption.setText(
                    "One web page with everything inside it (styles, photos, emotion curves): it opens "
                    f"in any browser, on a phone too, and fetches nothing. {held} The preview shows the "
                    "first; the page lays them out for the screen."
                )
            return
        try:
            text = render_share(self.project, fmt, product.share).decode("utf-8-sig")
        except (ExportError, ValueError) as exc:
            self.pane.show_text("", str(exc))
            self.export_button.setEnabled(False)
            return
        self.pane.show_text(text, f"{SHARE_CAPTIONS[fmt]} {held}")

    # --- exporting ----------------------------------------------------------------------------

    def default_path(self, product: Product, fmt: str) -> Path:
        path = self.document.path
        folder = path.parent if path is not None else Path.home()
        return folder / f"{slug(product.key or self.project.title)}.{SUFFIXES.get(fmt, fmt)}"

    def start_export(self) -> None:
        fmt, product = self.fmt(), self.product()
        if product is None or not product.supports(fmt) or self.runner.running:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export", str(self.default_path(product, fmt)), FILTERS[fmt]
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(f".{SUFFIXES.get(fmt, fmt)}")
        self._save_settings()
        self.target = path
        if fmt in SUFFIXES:
            self._share(product, fmt, path)
            return
        self._set_running(True)
        self.status.setText(f"Exporting {product.label}…")
        if fmt == "pdf":
            self.runner.start_pdf(self.project, path, self.pdf_options(product))
            return
        try:
            pictures = product.pictures(self.project)
        except ExportError as exc:
            self._on_finished(None, str(exc), False)
            return
        if len(pictures) > 1:  # several pictures go into a folder named like the chosen file
            path = self.target = path.with_suffix("")
        self.runner.run_pictures(self.project, path, self.raster_options(), fmt, pictures)

    def _share(self, product: Product, fmt: str, path: Path) -> None:
        assert product.share is not None
        self._set_running(False)
        try:
            write_share(self.project, fmt, product.share, path)
        except ProjectFileError as exc:  # the disk refused: SaveError says why, first line first
            self.status.setText(f"The export failed: {str(exc).splitlines()[0]}")
            return
        except (ExportError, ValueError) as exc:
            self.status.setText(f"The export failed: {exc}")
            return
        self.result_folder = path.parent
        self.status.setText(f"Exported {path.name} to {self.result_folder}.")
        self.open_folder.setVisible(True)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setRange(0, 0)
        self.export_button.setEnabled(not running)
        self.what.setEnabled(not running)
        self.close_button.setText("Cancel" if running else "Close")
        self.open_folder.setVisible(False)
        self.warnings.setVisible(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_finished(self, result: Any, error: str, cancelled: bool) -> None:
        self._set_running(False)
        self._refresh()
        if cancelled:
            self.status.setText("Export cancelled; nothing was written.")
            return
        if error:
            self.status.setText(f"The export failed: {error}")
            return
        files = getattr(result, "files", None)
        if files:
            self.result_folder = files[0].parent
            names = files[0].name if len(files) == 1 else f"{len(files)} files"
            self.status.setText(f"Exported {names} to {self.result_folder}.")
        else:
            self.result_folder = self.target.parent
            pages = getattr(result, "pages", 0)
            self.status.setText(f"Exported {pages} page{'s' if pages != 1 else ''} to {self.target}.")
        self.open_folder.setVisible(True)
        warnings = getattr(result, "warnings", [])
        if warnings:
            self.warnings.setPlainText("\n".join(f"• {w}" for w in warnings))
            self.warnings.setVisible(True)

    def open_result_folder(self) -> None:
        if self.result_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_folder)))

    def _close_or_cancel(self) -> None:
        if self.runner.running:
            self.runner.cancel()
            self.status.setText("Cancelling…")
        else:
            self.reject()

    def reject(self) -> None:
        if self.runner.running:
            self.runner.stop()
        super().reject()

    # --- remembered choices -------------------------------------------------------------------

    def _restore(self) -> None:
        s = QSettings()
        fmt = str(s.value("export/format", "pdf"))
        self.set_format(fmt if fmt in dict(ALL_FORMATS) else "pdf")
        size = str(s.value("export/page_size", "A4"))
        if size in PAGE_SIZES:
            self.page_size.setCurrentText(size)
        self.dpi.setValue(int(str(s.value("export/dpi", 150))))
        default = next((k for k, p in enumerate(self.products) if p.raster_what == "selection"), 0)
        if self.fmt() in SUFFIXES and self.products and not self.products[default].supports(self.fmt()):
            default = next((k for k, p in enumerate(self.products) if p.supports(self.fmt())), default)
        self.what.setCurrentRow(default if self.products else -1)

    def _save_settings(self) -> None:
        s = QSettings()
        s.setValue("export/format", self.fmt())
        s.setValue("export/page_size", self.page_size.currentText())
        s.setValue("export/dpi", self.dpi.value())
