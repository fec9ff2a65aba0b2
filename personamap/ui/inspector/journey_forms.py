"""Forms for the parts of journey maps and empathy maps: the journey header (with its
personas, stages and lanes), a stage with its steps, a step with its emotion scores, a lane,
a note in a cell; an empathy map and one of its notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...model import JourneyState, LaneKind, Project, Quadrant, ops
from ...model.ops.journey import stage_of, step_of
from .base import Binding, Form, FormContext, Getter, Setter
from .element_forms import NOTE_COLORS
from .fields import CheckField, ColorField, ComboField, LineField, SpinField, TextField, tags_field
from .lists import ListEditor
from .sources import SourcesButton, project_sources
from .widgets import Section, form_layout, plain_label, row

STATE_CHOICES = [(s.value.capitalize(), s) for s in JourneyState]
LANE_CHOICES = [(k.value.replace("_", " ").capitalize(), k) for k in LaneKind]
QUADRANT_CHOICES = [(q.value.capitalize(), q) for q in Quadrant]

Find = Callable[[Project], Any]
Update = Callable[..., ops.Op]


def pick(items: list[Any], ident: str) -> Any:
    """The entry with id `ident`; LookupError when it is gone."""
    found = next((x for x in items if x.id == ident), None)
    if found is None:
        raise LookupError(ident)
    return found


def bind(find: Find, update: Update, name: str) -> tuple[Getter, Setter]:
    """Getter and setter of field `name` of the entity `find` returns; `update(project,
    **{name: value})` makes the op."""
    return (lambda p: getattr(find(p), name)), (lambda p, v: update(p, **{name: v}))


class PersonasField(Binding):
    """Which personas an entity is about: a checkable list; each tick is one attach/detach."""

    def __init__(self, ctx: FormContext, getter: Getter, setter: Setter) -> None:
        self.list = QListWidget()
        self.list.setMaximumHeight(130)
        super().__init__(ctx, getter, setter, self.list)
        self._loading = False
        self.list.itemChanged.connect(self._edited)

    def show(self, value: list[str]) -> None:
        self._loading = True
        self.list.clear()
        for persona in self.ctx.project.personas:
            item = QListWidgetItem(persona.name)
            item.setData(Qt.ItemDataRole.UserRole, persona.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if persona.id in value else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._loading = False

    def _edited(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        ident = item.data(Qt.ItemDataRole.UserRole)
        ids = [i for i in self.current() if i != ident]
        if item.checkState() == Qt.CheckState.Checked:
            ids.append(ident)
        self.commit(ids)


class MapForm(Form):
    """Base of the map forms: a column of sections, gone when `find` fails."""

    title = ""

    def __init__(self, ctx: FormContext, find: Find) -> None:
        super().__init__(ctx)
        self.find = find
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)

    def alive(self, project: Project) -> bool:
        try:
            self.find(project)
        except (ops.OpError, LookupError):
            return False
        return True

    def heading(self, project: Project) -> str:
        try:
            entity = self.find(project)
        except (ops.OpError, LookupError):
            return self.title
        name = getattr(entity, "name", None) or getattr(entity, "title", None)
        return f"{self.title} · {name}" if name else self.title

    def section(self, title: str, key: str, expanded: bool = True) -> Any:
        sec = Section(title, key, expanded=expanded)
        self.box.addWidget(sec)
        return form_layout(sec.body)

    def field(self, kind: type, update: Update, name: str, *args: Any, **kwargs: Any) -> Any:
        get, put = bind(self.find, update, name)
        return self.add(kind(self.ctx, get, put, *args, **kwargs))

    def finish(self) -> None:
        self.box.addStretch(1)
        self.refresh()


class JourneyForm(MapForm):
    title = "Journey"

    def __init__(self, ctx: FormContext, journey_id: str) -> None:
        super().__init__(ctx, lambda p: ops.journey_of(p, journey_id))
        jid = journey_id
        upd: Update = lambda p, **v: ops.update_journey(p, jid, **v)  # noqa: E731
        layout = self.section("Journey", "journey.header")
        layout.addRow("Goal / title", self.field(LineField, upd, "title").edit)
        layout.addRow("Scenario", self.field(TextField, upd, "scenario", lines=3).edit)
        layout.addRow("Expectations", self.field(TextField, upd, "expectations", lines=2).edit)
        layout.addRow("State", self.field(ComboField, upd, "state", STATE_CHOICES).combo)
        layout.addRow("Owner", self.field(LineField, upd, "owner").edit)
        layout.addRow("Version", self.field(LineField, upd, "version").edit)

        def personas(p: Project, ids: list[str]) -> ops.Op:
            old = ops.journey_of(p, jid).persona_ids
            added = [i for i in ids if i not in old]
            if added:
                return ops.attach_journey_persona(p, jid, added[0])
            gone = [i for i in old if i not in ids]
            return ops.detach_journey_persona(p, jid, gone[0])

        self.personas = self.add(PersonasField(ctx, lambda p: ops.journey_of(p, jid).persona_ids, personas))
        layout.addRow("Personas", self.personas.list)
        stages = self.section("Stages", "journey.stages", expanded=False)
        stages.addRow(self.add(self._stages(jid)))
        lanes = self.section("Lanes", "journey.lanes", expanded=False)
        lanes.addRow(self.add(self._lanes(jid)))
        self.finish()

    def _stages(self, jid: str) -> ListEditor:
        def build(sid: str) -> tuple[QWidget, list[Any], QWidget | None]:
            name = LineField(
                self.ctx,
                lambda p: stage_of(ops.journey_of(p, jid), sid).name,
                lambda p, v: ops.rename_stage(p, jid, sid, v),
            )
            return name.edit, [name], name.edit

        return ListEditor(
            self.ctx,
            lambda p: [s.id for s in ops.journey_of(p, jid).stages],
            build,
            add=lambda p, text: ops.add_stage(p, jid, text or "Stage"),
            remove=lambda p, sid: ops.remove_stage(p, jid, sid),
            move=lambda p, sid, k: ops.move_stage(p, jid, sid, k),
            noun="stage",
            pending_text=True,
        )

    def _lanes(self, jid: str) -> ListEditor:
        def build(lid: str) -> tuple[QWidget, list[Any], QWidget | None]:
            find: Find = lambda p: pick(ops.journey_of(p, jid).lanes, lid)  # noqa: E731
            upd: Update = lambda p, **v: ops.update_lane(p, jid, lid, **v)  # noqa: E731
            name = LineField(self.ctx, *bind(find, upd, "name"))
            kind = ComboField(self.ctx, *bind(find, upd, "kind"), LANE_CHOICES)
            return row(name.edit, kind.combo, stretch=0), [name, kind], name.edit

        return ListEditor(
            self.ctx,
            lambda p: [x.id for x in ops.journey_of(p, jid).lanes],
            build,
            add=lambda p, text: ops.add_lane(p, jid, text or "Lane"),
            remove=lambda p, lid: ops.remove_lane(p, jid, lid),
            move=lambda p, lid, k: ops.move_lane(p, jid, lid, k),
            noun="lane",
            pending_text=True,
        )


class StageForm(MapForm):
    title = "Stage"

    def __init__(self, ctx: FormContext, journey_id: str, stage_id: str) -> None:
        jid, sid = journey_id, stage_id
        super().__init__(ctx, lambda p: stage_of(ops.journey_of(p, jid), sid))
        upd: Update = lambda p, **v: ops.update_stage(p, jid, sid, **v)  # noqa: E731
        layout = self.section("Stage", "journey.stage")
        layout.addRow("Name", self.field(LineField, upd, "name").edit)
        layout.addRow("Description", self.field(TextField, upd, "description", lines=3).edit)

        def build(step_id: str) -> tuple[QWidget, list[Any], QWidget | None]:
            name = LineField(
                ctx,
                lambda p: step_of(ops.journey_of(p, jid), step_id)[1].name,
                lambda p, v: ops.rename_step(p, jid, step_id, v),
                placeholder="Step",
            )
            return name.edit, [name], name.edit

        steps = ListEditor(
            ctx,
            lambda p: [s.id for s in stage_of(ops.journey_of(p, jid), sid).steps],
            build,
            add=lambda p, text: ops.add_step(p, jid, sid, text or ""),
            remove=lambda p, step_id: ops.remove_step(p, jid, step_id),
            move=lambda p, step_id, k: ops.move_step(p, jid, step_id, sid, k),
            noun="step",
            pending_text=True,
        )
        layout.addRow("Steps", self.add(steps))
        self.finish()


class StepForm(MapForm):
    """A step's name and, for each persona on the journey, its emotion score there."""

    title = "Step"

    def __init__(self, ctx: FormContext, journey_id: str, step_id: str) -> None:
        jid = journey_id
        super().__init__(ctx, lambda p: step_of(ops.journey_of(p, jid), step_id)[1])
        layout = self.section("Step", "journey.step")
        name = LineField(
            ctx,
            lambda p: self.find(p).name,
            lambda p, v: ops.rename_step(p, jid, step_id, v),
            placeholder="Name this step (optional)",
        )
        layout.addRow("Name", self.add(name).edit)
        stage, _step = step_of(ops.journey_of(ctx.project, jid), step_id)
        layout.addRow("Stage", plain_label(stage.name, object_name="muted"))
        scores = self.section("Emotion", "journey.step.emotion")
        project = ctx.project
        scale = project.settings.emotion_scale
        journey = ops.journey_of(project, jid)
        for persona_id in [*journey.persona_ids, None]:
            persona = project.persona(persona_id) if persona_id else None
            label = persona.name if persona else "Map curve"
            spin = SpinField(
                ctx,
                lambda p, pid=persona_id: ops.journey_of(p, jid).score(pid, step_id),
                lambda p, v, pid=persona_id: ops.set_emotion(p, jid, pid, step_id, v),
                scale.minimum,
                scale.maximum,
                none_text="No score",
            )
            cited = SourcesButton(
                ctx,
                lambda p, pid=persona_id: _score_sources(p, jid, pid, step_id),
                lambda p, ids, pid=persona_id: ops.cite_emotion(p, jid, pid, step_id, ids),
                project_sources,
            )
            scores.addRow(plain_label(label), row(self.add(spin).spin, self.add(cited).button, stretch=0))
        self.finish()


def _score_sources(project: Project, journey_id: str, persona_id: str | None, step_id: str) -> list[str]:
    """The sources a score cites; none for a step without a score."""
    journey = ops.journey_of(project, journey_id)
    score = next((e for e in journey.emotions if e.persona_id == persona_id and e.step_id == step_id), None)
    return list(score.evidence_ids) if score else []


class LaneForm(MapForm):
    title = "Lane"

    def __init__(self, ctx: FormContext, journey_id: str, lane_id: str) -> None:
        jid = journey_id
        super().__init__(ctx, lambda p: pick(ops.journey_of(p, jid).lanes, lane_id))
        upd: Update = lambda p, **v: ops.update_lane(p, jid, lane_id, **v)  # noqa: E731
        layout = self.section("Lane", "journey.lane")
        layout.addRow("Name", self.field(LineField, upd, "name").edit)
        layout.addRow("Kind", self.field(ComboField, upd, "kind", LANE_CHOICES).combo)
        self.finish()


class NoteFields(MapForm):
    """Text, colour, tags and sources of a note in a journey cell or an empathy quadrant."""

    title = "Note"

    def note_fields(self, update: Update) -> Any:
        layout = self.section("Note", "map.note")
        layout.addRow(self.field(TextField, update, "text", placeholder="Note text", lines=4).edit)
        layout.addRow("Colour", self.field(ColorField, update, "color", NOTE_COLORS).widget)
        get, put = bind(self.find, update, "tags")
        layout.addRow("Tags", self.add(tags_field(self.ctx, get, put)).edit)
        get, put = bind(self.find, update, "evidence_ids")
        sources = self.add(SourcesButton(self.ctx, get, put, project_sources))
        layout.addRow("Sources", sources.button)
        return layout


class JourneyNoteForm(NoteFields):
    title = "Journey note"

    def __init__(self, ctx: FormContext, journey_id: str, note_id: str) -> None:
        jid = journey_id
        super().__init__(ctx, lambda p: pick(ops.journey_of(p, jid).notes, note_id))
        self.journey_id = jid
        layout = self.note_fields(lambda p, **v: ops.update_journey_note(p, jid, note_id, **v))
        self.cell = plain_label(object_name="muted", wrap=True)
        layout.addRow("Cell", self.cell)
        self.finish()

    def refresh(self, initiator: object = None) -> None:
        super().refresh(initiator)
        try:
            note = self.find(self.ctx.project)
            journey = ops.journey_of(self.ctx.project, self.journey_id)
        except (LookupError, ops.OpError):
            return
        lane = next((x.name for x in journey.lanes if x.id == note.lane_id), "?")
        stage = next((s.name for s in journey.stages if s.id == note.stage_id), "?")
        self.cell.setText(f"{lane} × {stage}")


class EmpathyMapForm(MapForm):
    title = "Empathy map"

    def __init__(self, ctx: FormContext, map_id: str) -> None:
        super().__init__(ctx, lambda p: ops.empathy_map_of(p, map_id))
        upd: Update = lambda p, **v: ops.update_empathy_map(p, map_id, **v)  # noqa: E731
        layout = self.section("Empathy map", "empathy.header")
        layout.addRow("Title", self.field(LineField, upd, "title").edit)
        layout.addRow("Goal", self.field(TextField, upd, "goal", lines=2).edit)
        choices = [("No persona", None)] + [(p.name, p.id) for p in ctx.project.personas]
        layout.addRow("Persona", self.field(ComboField, upd, "persona_id", choices).combo)
        layout.addRow(
            "", self.field(CheckField, upd, "extended", "Extended canvas (goal, sees, hears)").check
        )
        self.finish()


class EmpathyNoteForm(NoteFields):
    title = "Empathy note"

    def __init__(self, ctx: FormContext, map_id: str, note_id: str) -> None:
        super().__init__(ctx, lambda p: pick(ops.empathy_map_of(p, map_id).notes, note_id))
        layout = self.note_fields(lambda p, **v: ops.update_empathy_note(p, map_id, note_id, **v))
        quadrant = ComboField(
            ctx,
            lambda p: self.find(p).quadrant,
            lambda p, q: ops.move_empathy_notes(p, map_id, [note_id], q),
            QUADRANT_CHOICES,
        )
        layout.addRow("Quadrant", self.add(quadrant).combo)
        self.finish()
