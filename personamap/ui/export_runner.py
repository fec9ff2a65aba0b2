"""Runs one export for the dialog, with progress and cancel, and reports how it ended.

A PDF is drawn from the model only (no Qt), so it runs in a worker thread on a private copy
of the project: the window stays responsive and Cancel is honoured between pages. Pictures
are drawn by canvas items, which belong to the GUI thread, so PNG/SVG run here, one picture
at a time, letting events through after each so Cancel can be clicked.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication

from ..export import ExportCancelled, ExportError, PdfOptions, export_pdf
from ..export.raster.plan import Picture
from ..export.raster.render import RasterOptions, export_raster
from ..model import Project


class _PdfWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(object, str, bool)  # result or None, error message, cancelled

    def __init__(self, project: Project, path: Path, options: PdfOptions, cancel: threading.Event) -> None:
        super().__init__()
        self.project, self.path, self.options, self.cancel = project, path, options, cancel

    def run(self) -> None:
        try:
            result = export_pdf(
                self.project, self.path, self.options, progress=self.progress.emit, cancel=self.cancel
            )
        except ExportCancelled:
            self.finished.emit(None, "", True)
        except ExportError as exc:
            self.finished.emit(None, str(exc), False)
        except OSError as exc:
            self.finished.emit(None, f"cannot write {self.path}: {exc.strerror or exc}", False)
        except Exception as exc:  # reported in the dialog, never raised into Qt's thread
            self.finished.emit(None, f"the export failed: {exc}", False)
        else:
            self.finished.emit(result, "", False)


class ExportRunner(QObject):
    """One export at a time. `finished(result, error, cancelled)` fires exactly once per run."""

    progress = Signal(int, int)
    finished = Signal(object, str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread: QThread | None = None
        self._worker: _PdfWorker | None = None
        self.running = False
        app = QApplication.instance()
        if app is not None:  # never let Qt destroy a running thread at exit
            app.aboutToQuit.connect(self.stop)

    def stop(self) -> None:
        """Cancel and wait for a running PDF export."""
        self.cancel()
        self.wait()

    def cancel(self) -> None:
        self._cancel.set()

    def start_pdf(self, project: Project, path: Path, options: PdfOptions) -> None:
        self._begin()
        thread = QThread()
        worker = _PdfWorker(project.model_copy(deep=True), path, options, self._cancel)
        worker.moveToThread(thread)
        worker.progress.connect(self.progress)
        worker.finished.connect(self._pdf_done)
        thread.started.connect(worker.run)
        self._thread, self._worker = thread, worker
        thread.start()

    def _pdf_done(self, result: object, error: str, cancelled: bool) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread, self._worker = None, None
        self._end(result, error, cancelled)

    def run_pictures(
        self, project: Project, path: Path, options: RasterOptions, fmt: str, pictures: list[Picture]
    ) -> None:
        self._begin()

        def step(done: int, total: int) -> None:
            self.progress.emit(done, total)
            QApplication.processEvents()

        self.progress.emit(0, len(pictures))
        QApplication.processEvents()
        try:
            result = export_raster(
                project,
                path,
                options,
                fmt,
                pictures=pictures,
                progress=step,
                cancel=self._cancel,
            )
        except ExportCancelled:
            self._end(None, "", True)
        except ExportError as exc:
            self._end(None, str(exc), False)
        except OSError as exc:
            self._end(None, f"cannot write {path}: {exc.strerror or exc}", False)
        else:
            self._end(result, "", False)

    def wait(self) -> None:
        """Block until a running PDF export has stopped (closing the dialog cancels first)."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()

    def _begin(self) -> None:
        self._cancel.clear()
        self.running = True

    def _end(self, result: object, error: str, cancelled: bool) -> None:
        self.running = False
        self.finished.emit(result, error, cancelled)
