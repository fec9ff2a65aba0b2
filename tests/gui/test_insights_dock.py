"""The Insights dock as a person uses it: View ▸ Insights shows it; clicking a finding selects
and centres its place on the canvas; an edit that mends a flaw makes its finding go a moment
after the last edit; clicking an empty heat-map cell selects that stage of the journey."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from personamap.insights.coverage import coverage_matrix
from personamap.insights.finding import Finding
from personamap.model.enums import LaneKind
from personamap.model.find import RESEARCH_LIBRARY
from personamap.model.ops import add_journey_note, add_source, add_stage
from personamap.ui.insights.dock import DEBOUNCE_MS
from personamap.ui.insights.findings import FindingsPanel
from personamap.ui.insights.heatmap import Grid, HeatMap
from personamap.ui.insights.places import first_place, locate

from .test_editing import _board

LEFT = Qt.MouseButton.LeftButton


def _show_dock(window, qtbot):
    dock = window.features["insights"]
    assert not dock.isVisible()  # hidden until asked for
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View")
    toggle = next(a for a in view_menu.actions() if a.text().replace("&", "") == "Insights")
    toggle.trigger()
    qtbot.waitUntil(dock.isVisible)
    return dock


def _click_row(qtbot, dock, row) -> None:
    tree = dock.findings.tree
    tree.scrollToItem(row)
    rect = tree.visualItemRect(row)
    qtbot.mouseClick(tree.viewport(), LEFT, pos=rect.center())


def _rows_for(dock, rule: str, ident: str):
    return [
        r
        for r in dock.findings.rows()
        if r.data(0, Qt.ItemDataRole.UserRole).rule == rule
        and any(p.get("id") == ident for p in r.data(0, Qt.ItemDataRole.UserRole).where)
    ]


def _centred(view, item) -> bool:
    """The item's centre is within a few pixels of the middle of the visible canvas."""
    at = view.mapFromScene(item.sceneBoundingRect().center())
    middle = view.viewport().rect().center()
    return (at - middle).manhattanLength() <= 4


def _stage_header(scene, stage_id: str):
    return next(
        i
        for i in scene.items()
        if getattr(i, "kind", None) == "stage" and getattr(i, "ident", None) == stage_id
    )


def test_a_finding_about_a_persona_selects_and_centres_its_card(window, qtbot) -> None:
    _board(window, "Journeys")
    dock = _show_dock(window, qtbot)
    rows = dock.findings.rows()
    assert rows, "the sample has advice to give"
    assert dock.findings.tree.topLevelItem(0).text(0)[0].isdigit()  # "2 warnings": grouped with a count
    shown = {
        e.persona_id for b in window.document.project.boards for e in b.elements if e.type == "persona_card"
    }
    row = next(
        r
        for r in rows
        if any(p["kind"] == "persona" and p["id"] in shown for p in r.data(0, Qt.ItemDataRole.UserRole).where)
    )
    finding = row.data(0, Qt.ItemDataRole.UserRole)
    persona_id = next(p["id"] for p in finding.where if p["kind"] == "persona")
    _click_row(qtbot, dock, row)
    view = window.tabs.current_view()
    assert view.board_scene.board.name == "Personas"
    selected = view.board_scene.selectedItems()
    assert len(selected) == 1 and selected[0].target().extra == persona_id  # its card
    assert _centred(view, selected[0])


def test_a_stage_finding_frames_the_stage_and_goes_once_mended(window, qtbot) -> None:
    view, _scene = _board(window, "Personas")
    dock = _show_dock(window, qtbot)
    doc = window.document
    journey = doc.project.journeys[0]
    doc.apply(add_stage(doc.project, journey.id, "Return the card"))
    stage = doc.project.journeys[0].stages[-1]
    assert dock.timer.isActive()  # the dock waits for a pause in the editing
    qtbot.waitUntil(lambda: bool(_rows_for(dock, "stage-without-touchpoint", stage.id)), timeout=3000)
    row = _rows_for(dock, "stage-without-touchpoint", stage.id)[0]
    _click_row(qtbot, dock, row)
    view = window.tabs.current_view()
    assert view.board_scene.board.name == "Journeys"
    header = _stage_header(view.board_scene, stage.id)
    assert view.board_scene.selectedItems() == [header]
    assert _centred(view, header)

    lane = next(lane for lane in journey.lanes if lane.kind is LaneKind.TOUCHPOINTS)
    doc.apply(add_journey_note(doc.project, journey.id, lane.id, stage.id, text="Card returned at the desk"))
    QApplication.processEvents()
    assert _rows_for(dock, "stage-without-touchpoint", stage.id)  # not yet: typing never waits
    qtbot.wait(DEBOUNCE_MS // 3)
    doc.apply(add_journey_note(doc.project, journey.id, lane.id, stage.id, text="and a receipt"))
    assert dock.timer.isActive() and dock.timer.remainingTime() > DEBOUNCE_MS // 2  # restarted
    qtbot.waitUntil(lambda: not _rows_for(dock, "stage-without-touchpoint", stage.id), timeout=3000)


def test_clicking_an_empty_heat_map_cell_selects_that_stage(window, qtbot) -> None:
    _board(window, "Personas")
    dock = _show_dock(window, qtbot)
    doc = window.document
    journey = doc.project.journeys[1]
    doc.apply(add_stage(doc.project, journey.id, "Audit"))
    stage = doc.project.journeys[1].stages[-1]
    qtbot.waitUntil(lambda: not dock.timer.isActive())
    qtbot.mouseClick(dock.tabs.tabBar(), LEFT, pos=dock.tabs.tabBar().tabRect(1).center())
    assert dock.tabs.currentIndex() == 1
    combo = dock.coverage.journeys
    combo.setCurrentIndex(combo.findText(journey.title))  # as choosing it from the list
    heat = dock.coverage.heatmap
    matrix = next(m for m in coverage_matrix(doc.project) if m.journey_id == journey.id)
    assert heat.grid.cols == list(matrix.stages) and heat.grid.rows == list(matrix.personas)
    col = [sid for sid, _ in matrix.stages].index(stage.id)
    assert all(heat.is_empty(r, col) for r in range(len(matrix.personas)))
    assert dock.coverage.summary.text().startswith(f"{len(matrix.empty_cells())} empty cell")
    rect = heat.cell_rect(0, col)
    dock.coverage.heat_scroll.ensureVisible(int(rect.center().x()), int(rect.center().y()))
    qtbot.mouseClick(heat, LEFT, pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    view = window.tabs.current_view()
    assert view.board_scene.board.name == "Journeys"
    header = _stage_header(view.board_scene, stage.id)
    assert view.board_scene.selectedItems() == [header]
    assert _centred(view, header)


def test_a_finding_about_a_source_opens_it_in_the_research_library(window, qtbot) -> None:
    _board(window, "Personas")
    dock = _show_dock(window, qtbot)
    doc = window.document
    doc.apply(add_source(doc.project, title="Churn survey <b>2026</b>"))
    source = doc.project.sources[-1]
    qtbot.waitUntil(lambda: bool(_rows_for(dock, "orphan-source", source.id)), timeout=3000)
    library = window.features["library"]
    library.hide()
    revealed: list[str] = []
    reveal = library.research.reveal_source
    library.research.reveal_source = lambda sid, **kw: revealed.append(sid) or reveal(sid, **kw)
    _click_row(qtbot, dock, _rows_for(dock, "orphan-source", source.id)[0])
    assert library.isVisible() and revealed == [source.id]
    assert window.statusBar().currentMessage().startswith(RESEARCH_LIBRARY)


def test_places_name_the_element_that_shows_each_kind_of_place(window) -> None:
    project = window.document.project
    journey, empathy = project.journeys[0], project.empathy_maps[0]
    boards = {b.id: b for b in project.boards}
    note_el = next(e for b in project.boards for e in b.elements if e.type == "note")
    cases = {
        ("stage", journey.stages[2].id): ("map_id", journey.id, "stage"),
        ("note", journey.notes[0].id): ("map_id", journey.id, "journey_note"),
        ("note", empathy.notes[0].id): ("map_id", empathy.id, "empathy_note"),
        ("journey", journey.id): ("map_id", journey.id, "element"),
        ("note", note_el.id): ("id", note_el.id, "element"),
    }
    for (kind, ident), (field, value, part) in cases.items():
        match = locate(project, {"kind": kind, "id": ident, "name": "x"})
        assert match is not None, kind
        element = next(e for e in boards[match.board_id].elements if e.id == match.element_id)
        assert getattr(element, field) == value and match.kind == part, kind
    assert locate(project, {"kind": "persona", "id": "no-such-persona"}) is None
    where = [{"kind": "journey", "id": journey.id}, {"kind": "stage", "id": journey.stages[1].id}]
    assert first_place(project, where).target_id == journey.stages[1].id  # the precise place


def test_a_refresh_keeps_folded_groups_and_the_scroll_position(qtbot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 200)
    panel.show()
    many = [Finding("stale-persona", "warning", f"Persona {n} is past its review date") for n in range(40)]
    tips = [Finding("orphan-source", "info", "A source nothing cites")]
    panel.set_findings(many + tips)
    groups = [panel.tree.topLevelItem(k) for k in range(panel.tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == ["40 warnings", "1 tip"]
    groups[1].setExpanded(False)
    bar = panel.tree.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    kept = bar.value()
    assert kept > 0
    panel.set_findings(many[1:] + tips)
    groups = [panel.tree.topLevelItem(k) for k in range(panel.tree.topLevelItemCount())]
    assert groups[0].text(0) == "39 warnings" and not groups[1].isExpanded()
    assert panel.tree.verticalScrollBar().value() == kept


def test_the_heat_map_is_walked_with_arrow_keys_and_enter(qtbot) -> None:
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.set_grid(Grid([("p1", "Ana"), ("p2", "Ben")], [("s1", "Find"), ("s2", "Buy")], [[2, 0], [1, 3]]))
    heat.resize(heat.sizeHint())
    heat.show()
    heat.setFocus()
    chosen: list[tuple[str, str]] = []
    heat.cell_clicked.connect(lambda row, col: chosen.append((row, col)))
    for k in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Return):
        qtbot.keyClick(heat, k)
    assert chosen == [("p2", "s2")]  # clamped at the last column
    qtbot.keyClick(heat, Qt.Key.Key_Up)
    qtbot.keyClick(heat, Qt.Key.Key_Space)
    assert chosen[-1] == ("p1", "s2") and heat.is_empty(0, 1)
    assert "nothing yet" in heat.cell_text(0, 1) and "Ana" in heat.cell_text(0, 1)
