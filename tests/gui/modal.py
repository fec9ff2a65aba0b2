"""Answer the next modal message box by clicking one of its buttons, as a person would,
recording what it said (a box run with exec() blocks the test otherwise)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox


def answer_next_box(button_text: str) -> dict[str, Any]:
    """Schedule a click on the button labelled `button_text` of the next modal QMessageBox;
    the returned dict fills with its texts, label formats and object name."""
    seen: dict[str, Any] = {}
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        timer.stop()
        seen.update(
            title=box.windowTitle(),
            text=box.text(),
            informative=box.informativeText(),
            name=box.objectName(),
            formats=[label.textFormat() for label in box.findChildren(QLabel) if label.text()],
            buttons=[b.text() for b in box.buttons()],
        )
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        box.reject()

    timer.timeout.connect(poll)
    timer.start()
    seen["_timer"] = timer  # keep it alive until the box has been answered
    return seen
