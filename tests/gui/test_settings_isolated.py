"""Settings one test writes (recent files, theme, export choices) never reach the next test."""

from __future__ import annotations

from PySide6.QtCore import QSettings

PROBE = "isolation_probe"


def test_a_test_writes_a_setting(qapp) -> None:
    QSettings().setValue(PROBE, "written by the first test")
    assert QSettings().value(PROBE) == "written by the first test"


def test_the_next_test_starts_from_empty_settings(qapp) -> None:
    assert QSettings().value(PROBE) is None
