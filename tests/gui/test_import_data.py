"""File ▸ Import data…, driven as a person would: type a table's path, check the preview marks
the personal columns, choose roles, find segments (auto, then k = 3), cancel a run, create the
personas, undo them in one step, and save a project that holds none of the customers' contacts."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from personamap.io import load
from personamap.model.enums import PersonaStatus
from personamap.model.research import ColumnRole

LEFT = Qt.MouseButton.LeftButton
ACROSS = Qt.Orientation.Horizontal
WAIT = 60_000
CONTRACTS = ("Month-to-month", "One year", "Two year")
SERVICES = ("DSL", "Fiber optic", "No")


def telco_csv(path: Path, n: int = 300) -> tuple[list[str], list[str]]:
    """A telco-like table with three planted groups of customers; returns its e-mails and phones."""
    rng = np.random.default_rng(14)
    group = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
    emails = [f"customer{i:04d}@example.org" for i in range(n)]
    phones = [f"+49 30 {5550000 + i * 37}" for i in range(n)]
    tenure = rng.normal(np.take([6.0, 30.0, 60.0], group), 3.0).clip(0)
    charges = rng.normal(np.take([85.0, 55.0, 25.0], group), 5.0)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            ["customerID", "Email", "Phone", "Gender", "Tenure", "Contract", "InternetService",
             "MonthlyCharges", "PaymentMethod", "Churn"]
        )  # fmt: skip
        for i in range(n):
            g = int(group[i])
            out.writerow(
                [
                    f"{1000 + i}-QWERT{i % 7}",
                    emails[i],
                    phones[i],
                    ("Female", "Male")[int(rng.integers(2))],
                    f"{tenure[i]:.0f}",
                    CONTRACTS[g] if rng.random() < 0.9 else CONTRACTS[(g + 1) % 3],
                    SERVICES[g],
                    f"{charges[i]:.2f}",
                    ("Electronic check", "Mailed check", "Credit card")[int(rng.integers(3))],
                    ("Yes" if rng.random() < (0.5, 0.15, 0.05)[g] else "No"),
                ]
            )
    return emails, phones


@pytest.fixture
def dialog(window, qtbot, tmp_path):
    """The Import data window opened from the File menu, with the telco table read."""
    table = tmp_path / "telco customers.csv"
    dialog_table = telco_csv(table)
    action = window.actions["file.import_data"]
    assert action in window.file_menu.actions()
    action.trigger()
    dialog = window.features["import_data"].dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    qtbot.keyClicks(dialog.path_edit, str(table))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.preview.model() is not None, timeout=WAIT)
    dialog.contacts = dialog_table
    dialog.csv_path = table
    yield dialog
    dialog.close()


def column_index(dialog, name: str) -> int:
    return [c.name for c in dialog.table.columns].index(name)


def test_preview_marks_personal_columns_and_loads_rows_in_chunks(dialog) -> None:
    model = dialog.preview.model()
    assert model.rowCount() == 200 and model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 300 and not model.canFetchMore(model.index(-1, -1))
    for name in ("Email", "Phone"):
        section = column_index(dialog, name)
        assert model.headerData(section, ACROSS, Qt.ItemDataRole.DecorationRole) is not None
        tip = model.headerData(section, ACROSS, Qt.ItemDataRole.ToolTipRole)
        assert "Looks personal" in tip and "Never stored" in tip
        combo = dialog.roles.role_combo(dialog.roles.row_of(name))
        assert combo.currentData() == ColumnRole.PERSONAL
        assert combo.count() == 1 and not combo.isEnabled()  # can only stay personal
        assert "never stored" in combo.toolTip()
    roles = dialog.roles
    assert roles.field_combo(roles.row_of("Gender")).currentData() == "demographics.gender"  # suggested
    assert roles.role_combo(roles.row_of("Tenure")).currentData() == ColumnRole.SEGMENT  # default column
    tenure = column_index(dialog, "Tenure")
    assert "numeric" in model.headerData(tenure, ACROSS)
    assert model.headerData(tenure, ACROSS, Qt.ItemDataRole.DecorationRole) is None


def test_find_segments_pick_k_cancel_create_undo_and_save(dialog, window, qtbot, tmp_path) -> None:
    roles = dialog.roles
    payment = roles.role_combo(roles.row_of("PaymentMethod"))
    assert payment.currentData() == ColumnRole.SEGMENT
    payment.setCurrentIndex(payment.findData(ColumnRole.DESCRIBE))
    assert dict(roles.roles())["PaymentMethod"] is ColumnRole.DESCRIBE

    qtbot.mouseClick(dialog.find_button, LEFT)
    assert dialog.cancel_button.isVisible() and not dialog.find_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.explorer.list.count() >= 2 and dialog.task is None, timeout=WAIT)
    assert dialog.segmentation.quality.tried  # auto tried several k
    assert dialog.explorer.chart.scores and dialog.explorer.list.item(0).text().startswith("Segment 1")

    dialog.k.setCurrentIndex(dialog.k.findData(3))
    qtbot.mouseClick(dialog.find_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=WAIT)
    assert dialog.explorer.list.count() == 3
    assert dialog.explorer.comparison.rowCount() > 0  # segments 1 and 2 side by side
    assert dialog.explorer.apart.rowCount() > 0
    three = dialog.segmentation

    # Cancel a (longer) automatic run: the worker stops early and the window still answers.
    dialog.k.setCurrentIndex(dialog.k.findData("auto"))
    qtbot.mouseClick(dialog.find_button, LEFT)
    heard: list[float] = []
    dialog.task.progressed.connect(lambda _stage, fraction: heard.append(fraction))
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=WAIT)
    assert dialog.pool.waitForDone(WAIT)
    assert "Stopped" in dialog.status.text()
    assert heard and max(heard) < 0.5  # the first step reported, then it stopped long before the end
    assert dialog.segmentation is three and dialog.explorer.list.count() == 3
    assert dialog.find_button.isEnabled() and dialog.create_button.isEnabled()

    # Changing a role makes the segments shown stale; changing it back makes them fit again.
    gender = roles.role_combo(roles.row_of("Gender"))
    gender.setCurrentIndex(gender.findData(ColumnRole.IGNORE))
    assert not dialog.create_button.isEnabled() and "find segments again" in dialog.status.text()
    gender.setCurrentIndex(gender.findData(ColumnRole.SEGMENT))
    assert dialog.create_button.isEnabled()
    dialog.seed.setValue(5)  # not what the segments shown were found with: the record keeps 0

    project = window.document.project
    personas_before, sources_before = len(project.personas), len(project.sources)
    qtbot.mouseClick(dialog.create_button, LEFT)
    assert not dialog.isVisible()
    project = window.document.project
    assert len(project.sources) == sources_before + 1
    source = project.sources[-1]
    assert source.dataset is not None and source.dataset.file_name == "telco customers.csv"
    assert source.dataset.segmentation is not None and source.dataset.segmentation.seed == 0
    kept = {c.name: c.role for c in source.dataset.columns}
    assert kept["Email"] == kept["Phone"] == ColumnRole.PERSONAL
    assert kept["PaymentMethod"] == ColumnRole.DESCRIBE
    drafts = project.personas[personas_before:]
    assert len(drafts) == 3
    for persona in drafts:
        assert persona.lifecycle.status is PersonaStatus.DRAFT
        assert source.id in persona.model_dump_json()
    board = project.boards[-1]
    assert board.name == "Personas from telco customers.csv"
    assert window.tabs.current_view().board_scene.board_id == board.id

    window.undo_action.trigger()  # one step takes back the source, the personas and their board
    assert len(window.document.project.personas) == personas_before
    assert len(window.document.project.sources) == sources_before
    assert window.document.project.board(board.id) is None
    window.redo_action.trigger()
    assert len(window.document.project.personas) == personas_before + 3

    assert window.files.save()
    saved = window.document.path.read_text(encoding="utf-8")
    emails, phones = dialog.contacts
    assert not [v for v in (*emails, *phones) if v in saved]
    reopened = load(window.document.path)
    assert len(reopened.personas) == personas_before + 3


def test_a_table_that_cannot_be_read_is_named_in_plain_text(window, qtbot, tmp_path) -> None:
    bad = tmp_path / "<b>empty<b>.csv"
    bad.write_bytes(b"")
    window.actions["file.import_data"].trigger()
    dialog = window.features["import_data"].dialog
    qtbot.keyClicks(dialog.path_edit, str(bad))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "empty" in dialog.status.text() and dialog.task is None, timeout=WAIT)
    assert "<b>empty<b>.csv" in dialog.status.text()
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText
    assert not dialog.find_button.isEnabled() and not dialog.create_button.isEnabled()
    dialog.close()


def test_browse_reads_the_file_chosen_and_a_refused_segmenting_names_it(
    window, qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    table = tmp_path / "few.csv"
    telco_csv(table, n=40)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(table), ""))
    window.actions["file.import_data"].trigger()
    dialog = window.features["import_data"].dialog
    qtbot.mouseClick(dialog.browse, LEFT)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=WAIT)
    assert dialog.path_edit.text() == str(table) and dialog.table.rows == 40
    roles = dialog.roles
    for row in range(roles.rowCount()):
        combo = roles.role_combo(row)
        if combo.isEnabled():
            combo.setCurrentIndex(combo.findData(ColumnRole.IGNORE))
    qtbot.mouseClick(dialog.find_button, LEFT)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=WAIT)
    assert dialog.status.text() == "few.csv: no columns to segment on"
    assert (
        dialog.segmentation is None
        and not dialog.create_button.isEnabled()
        and dialog.find_button.isEnabled()
    )
    dialog.close()


def test_a_workbook_offers_its_sheets_and_reads_the_one_chosen(window, qtbot, tmp_path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Notes"
    first.append(["Note"])
    first.append(["read me"])
    second = book.create_sheet("Answers")
    second.append(["Plan", "Age"])
    for i in range(30):
        second.append([("Basic", "Pro")[i % 2], 20 + i])
    path = tmp_path / "survey.xlsx"
    book.save(path)
    window.actions["file.import_data"].trigger()
    dialog = window.features["import_data"].dialog
    qtbot.keyClicks(dialog.path_edit, str(path))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.sheet.count() == 2 and dialog.task is None, timeout=WAIT)
    # the first sheet holds no table: the window says so and offers the other sheets
    assert dialog.table is None and dialog.sheet.isVisibleTo(dialog) and dialog.sheet.currentText() == "Notes"
    assert "survey.xlsx" in dialog.status.text() and "Choose another sheet" in dialog.status.text()
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["Notes", "Answers"]
    dialog.sheet.setFocus()
    qtbot.keyClick(dialog.sheet, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: dialog.table is not None and dialog.table.sheet == "Answers", timeout=WAIT)
    assert [c.name for c in dialog.table.columns] == ["Plan", "Age"]
    assert dialog.sheet.currentText() == "Answers"
    dialog.close()


def test_two_segments_side_by_side_read_their_figures_from_the_aggregates() -> None:
    from personamap.data.describe import Distinction
    from personamap.data.segment import Segment
    from personamap.ui.import_data import compare

    pro = Distinction("Plan", "Pro", 80.0, 40.0, "share", 0.8)
    spend = Distinction("Spend", "mean", 120.5, 70.0, "mean", 1.1)
    a = Segment(
        0, 50, 50.0, (pro,), False, {"Plan": {"counts": {"Pro": 40, "Basic": 10}}, "Spend": {"mean": 20.0}}
    )
    b = Segment(1, 4, 4.0, (spend, pro), True, {"Plan": {"counts": {"Basic": 4}}, "Spend": {"mean": 120.5}})
    assert compare.summary(b) == "Segment 2 — 4 rows, 4.0 % · niche"
    assert compare.apart(a) == [compare.Row("Plan = Pro", ("80.0 %", "40.0 %"))]
    assert compare.side_by_side(a, b) == [
        compare.Row("Plan = Pro", ("80.0 %", "0.0 %", "40.0 %")),
        compare.Row("Spend (mean)", ("20", "120.5", "70")),
    ]


def test_markup_in_a_header_shows_literally(window, qtbot, tmp_path) -> None:
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtWidgets import QLabel, QWidget

    from personamap.ui.plain import TEMPLATE

    hostile = '<img src="/x.png"><b>Plan</b>'
    table = tmp_path / "hostile.csv"
    rows = [f'"{hostile.replace(chr(34), chr(34) * 2)}",Age'] + [
        f"{('a', 'b')[i % 2]},{20 + i}" for i in range(20)
    ]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    window.actions["file.import_data"].trigger()
    dialog = window.features["import_data"].dialog
    qtbot.keyClicks(dialog.path_edit, str(table))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=WAIT)
    qtbot.mouseClick(dialog.find_button, LEFT)
    qtbot.waitUntil(lambda: dialog.segmentation is not None, timeout=WAIT)
    assert dialog.table.columns[0].name == hostile
    prefix = TEMPLATE.split("{}")[0]
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        tip = widget.toolTip()
        assert not GuiQt.mightBeRichText(tip) or tip.startswith(prefix), tip
        if isinstance(widget, QLabel):
            assert widget.textFormat() == Qt.TextFormat.PlainText or not GuiQt.mightBeRichText(widget.text())
    model = dialog.preview.model()
    tip = model.headerData(0, ACROSS, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(prefix) and "<img" not in tip
    name_tip = dialog.roles.item(0, 0).toolTip()
    assert name_tip.startswith(prefix) and "<img" not in name_tip
    dialog.close()


def test_closing_during_a_run_stops_the_worker_and_closing_the_project_closes_the_window(
    dialog, window, qtbot
) -> None:
    qtbot.mouseClick(dialog.find_button, LEFT)
    assert dialog.task is not None
    dialog.close()  # waits for the worker's next step, then nothing outlives the window
    assert dialog.pool.activeThreadCount() == 0 and dialog.task is None
    window.actions["file.import_data"].trigger()
    again = window.features["import_data"].dialog
    assert again is not dialog and again.isVisible() and again.table is None
    window.actions["file.close"].trigger()
    assert not again.isVisible() and not window.actions["file.import_data"].isEnabled()
