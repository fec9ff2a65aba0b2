"""Context menus of a journey map's headers and cells, built as data so tests (and a future
command palette) can trigger their actions. Every action is one op, one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QWidget

from ...model import ops
from ...model.enums import LaneKind
from ...model.journey import JourneyMap
from ...model.layout import MarkerHit

LANE_KIND_NAMES: dict[LaneKind, str] = {
    LaneKind.ACTIONS: "Actions",
    LaneKind.TOUCHPOINTS: "Touchpoints",
    LaneKind.CHANNELS: "Channels",
    LaneKind.THOUGHTS: "Thoughts",
    LaneKind.EMOTIONS: "Emotions",
    LaneKind.PAIN_POINTS: "Pain points",
    LaneKind.OPPORTUNITIES: "Opportunities",
    LaneKind.GOALS: "Goals",
    LaneKind.QUESTIONS: "Questions",
    LaneKind.FRONTSTAGE: "Frontstage",
    LaneKind.BACKSTAGE: "Backstage",
    LaneKind.SUPPORT_PROCESSES: "Support processes",
    LaneKind.KPIS: "KPIs",
    LaneKind.EVIDENCE: "Evidence",
    LaneKind.OWNERS: "Owners",
    LaneKind.OBJECTIONS: "Objections",
    LaneKind.VOTES: "Votes",
    LaneKind.CUSTOM: "Custom",
}

Build = Callable[[Any], ops.Op]


def ask_text(parent: QWidget | None, title: str, label: str, current: str) -> str | None:
    """A one-line question; None when cancelled. (Tests replace this function.)"""
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, current)
    return text if ok else None


def add_step(host: Any, stage_id: str, index: int | None = None) -> None:
    """A new step; the first step of a single-step stage gets a name too, so both show."""
    scene, journey, jid = host.scene(), host.journey, host.journey_id
    stage = next((s for s in journey.stages if s.id == stage_id), None) if journey else None
    if scene is None or stage is None:
        return
    n = len(stage.steps)
    builds = [lambda p: ops.add_step(p, jid, stage_id, f"Step {n + 1}", index)]
    if n == 1 and not stage.steps[0].name:
        first = stage.steps[0].id
        builds.insert(0, lambda p: ops.rename_step(p, jid, first, "Step 1"))
    scene.document.try_apply_all("Add step", builds)


def rename(host: Any, kind: str, ident: str) -> None:
    """Ask for a new name of a stage, step or lane of the host's journey, and set it."""
    journey, jid = host.journey, host.journey_id
    if journey is None:
        return
    build: Callable[[Any, str], ops.Op]
    if kind == "stage":
        current = next(s.name for s in journey.stages if s.id == ident)
        build = lambda p, t: ops.rename_stage(p, jid, ident, t)  # noqa: E731
    elif kind == "step":
        current = next(s.name for s in journey.steps() if s.id == ident)
        build = lambda p, t: ops.rename_step(p, jid, ident, t)  # noqa: E731
    else:
        current = next(la.name for la in journey.lanes if la.id == ident)
        build = lambda p, t: ops.rename_lane(p, jid, ident, t)  # noqa: E731
    views = host.scene().views() if host.scene() else []
    text = ask_text(views[0] if views else None, f"Rename {kind}", "Name:", current)
    if text is not None and text.strip() and text != current:
        host.apply(lambda p: build(p, text.strip()))


def _add(menu: QMenu, text: str, run: Callable[[], object], enabled: bool = True) -> None:
    action = menu.addAction(text)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _checked=False: run())


def _lane_kinds(
    menu: QMenu, title: str, pick: Callable[[LaneKind], object], current: LaneKind | None = None
) -> None:
    sub = menu.addMenu(title)
    for kind, name in LANE_KIND_NAMES.items():
        action = sub.addAction(name)
        action.setCheckable(current is not None)
        action.setChecked(kind == current)
        action.triggered.connect(lambda _checked=False, k=kind: pick(k))


def stage_menu(host: Any, journey: JourneyMap, stage_id: str) -> QMenu:
    jid = host.journey_id
    index = next(i for i, s in enumerate(journey.stages) if s.id == stage_id)
    stage = journey.stages[index]
    last = len(journey.stages) - 1
    menu = QMenu()
    _add(menu, "Add stage before", lambda: host.apply(lambda p: ops.add_stage(p, jid, "New stage", index)))
    _add(menu, "Add stage after", lambda: host.apply(lambda p: ops.add_stage(p, jid, "New stage", index + 1)))
    _add(menu, "Add step", lambda: add_step(host, stage_id))
    menu.addSeparator()
    _add(menu, "Rename stage…", lambda: rename(host, "stage", stage_id))
    _add(
        menu,
        "Move left",
        lambda: host.apply(lambda p: ops.move_stage(p, jid, stage_id, index - 1)),
        index > 0,
    )
    _add(
        menu,
        "Move right",
        lambda: host.apply(lambda p: ops.move_stage(p, jid, stage_id, index + 1)),
        index < last,
    )
    menu.addSeparator()
    _add(
        menu, f"Delete stage “{stage.name}”", lambda: host.apply(lambda p: ops.remove_stage(p, jid, stage_id))
    )
    return menu


def step_menu(host: Any, journey: JourneyMap, step_id: str) -> QMenu:
    jid = host.journey_id
    stage = next(s for s in journey.stages if any(st.id == step_id for st in s.steps))
    index = next(i for i, st in enumerate(stage.steps) if st.id == step_id)
    menu = QMenu()
    _add(menu, "Rename step…", lambda: rename(host, "step", step_id))
    _add(menu, "Add step after", lambda: add_step(host, stage.id, index + 1))
    _add(
        menu,
        "Delete step",
        lambda: host.apply(lambda p: ops.remove_step(p, jid, step_id)),
        len(stage.steps) > 1,
    )
    return menu


def lane_menu(host: Any, journey: JourneyMap, lane_id: str) -> QMenu:
    jid = host.journey_id
    index = next(i for i, lane in enumerate(journey.lanes) if lane.id == lane_id)
    lane = journey.lanes[index]
    menu = QMenu()

    def add_lane(kind: LaneKind, at: int) -> None:
        host.apply(lambda p: ops.add_lane(p, jid, LANE_KIND_NAMES[kind], kind, at))

    _lane_kinds(menu, "Add lane above", lambda k: add_lane(k, index))
    _lane_kinds(menu, "Add lane below", lambda k: add_lane(k, index + 1))
    menu.addSeparator()
    _add(menu, "Rename lane…", lambda: rename(host, "lane", lane_id))
    _lane_kinds(
        menu,
        "Change type",
        lambda k: host.apply(lambda p: ops.update_lane(p, jid, lane_id, kind=k)),
        lane.kind,
    )
    _add(menu, "Move up", lambda: host.apply(lambda p: ops.move_lane(p, jid, lane_id, index - 1)), index > 0)
    _add(
        menu,
        "Move down",
        lambda: host.apply(lambda p: ops.move_lane(p, jid, lane_id, index + 1)),
        index < len(journey.lanes) - 1,
    )
    menu.addSeparator()
    _add(menu, f"Delete lane “{lane.name}”", lambda: host.apply(lambda p: ops.remove_lane(p, jid, lane_id)))
    return menu


def body_menu(
    host: Any, journey: JourneyMap, cell: tuple[str, str, str] | None, marker: MarkerHit | None
) -> QMenu:
    """The map's own menu: a marker's score, a cell's note, new stages and lanes."""
    jid = host.journey_id
    menu = QMenu()
    if marker is not None:
        persona_id, step_id = marker.persona_id, marker.step_id
        _add(
            menu, "Clear score", lambda: host.apply(lambda p: ops.clear_emotion(p, jid, persona_id, step_id))
        )
        menu.addSeparator()
    if cell is not None and marker is None:
        _add(menu, "Add note here", lambda: host.add_note_in(cell))
        menu.addSeparator()
    _add(menu, "Add stage", lambda: host.apply(lambda p: ops.add_stage(p, jid, "New stage")))
    _lane_kinds(menu, "Add lane", lambda k: host.apply(lambda p: ops.add_lane(p, jid, LANE_KIND_NAMES[k], k)))
    return menu


def find_action(menu: QMenu, text: str) -> Any:
    """The action named `text` in a menu or its submenus ("Add lane above/Pain points")."""
    head, _, rest = text.partition("/")
    for action in menu.actions():
        if action.text() == head:
            return find_action(action.menu(), rest) if rest else action
    raise KeyError(text)
