"""Work off the GUI thread: reading a 100,000-row table and segmenting it take seconds, and the
window must keep painting and answering Cancel meanwhile.

A `Task` runs one function on a thread pool; the function gets a progress callback (the data
engine's `Progress`) that reports to the window and returns True once Cancel was pressed, so the
engine stops at its next step. Results come back on the GUI thread: the pool thread emits
private signals whose slots (methods of the Task, which lives on the GUI thread) re-emit the
public ones there, so whatever is connected to them, lambdas too, runs on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ...data.columns import TableError
from ...data.segment import Cancelled, Progress, SegmentError

EXPECTED = (TableError, SegmentError)
"""Refusals the engine explains in one line; anything else is a bug and is raised too."""


class Task(QObject):
    """One piece of work. Exactly one of `succeeded`, `failed` or `stopped` follows `start`."""

    progressed = Signal(str, float)
    succeeded = Signal(object)
    failed = Signal(str)
    stopped = Signal()
    _reported = Signal(str, float)
    _returned = Signal(object)
    _raised = Signal(str)
    _halted = Signal()

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._reported.connect(self._on_reported)
        self._returned.connect(self._on_returned)
        self._raised.connect(self._on_raised)
        self._halted.connect(self._on_halted)

    def start(self, pool: QThreadPool) -> None:
        pool.start(QRunnable.create(self._run))

    def cancel(self) -> None:
        """Ask the work to stop at its next step; `stopped` follows."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    # --- on the pool thread ---

    def _report(self, stage: str, fraction: float) -> bool:
        self._reported.emit(stage, fraction)
        return self._stop.is_set()

    def _run(self) -> None:
        try:
            result = self._work(self._report)
        except Cancelled:
            self._halted.emit()
            return
        except EXPECTED as error:
            self._raised.emit(str(error))
            return
        except Exception as error:
            self._raised.emit(f"unexpected error: {type(error).__name__}: {error}")
            raise
        if self._stop.is_set():  # finished after Cancel: the user no longer wants it
            self._halted.emit()
        else:
            self._returned.emit(result)

    # --- on the GUI thread ---

    @Slot(str, float)
    def _on_reported(self, stage: str, fraction: float) -> None:
        self.progressed.emit(stage, fraction)

    @Slot(object)
    def _on_returned(self, result: object) -> None:
        self.succeeded.emit(result)

    @Slot(str)
    def _on_raised(self, message: str) -> None:
        self.failed.emit(message)

    @Slot()
    def _on_halted(self) -> None:
        self.stopped.emit()
