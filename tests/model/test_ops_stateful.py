"""Random edit sequences with undo and redo in between: the project stays sound after every
step, undoing everything gives back the original exactly, redoing everything the end state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from factories import rich_project
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from ophelp import dump

from personamap.model import (
    NoteColor,
    NoteElement,
    PersonaCard,
    Priority,
    Quadrant,
    RelationKind,
    problems,
)
from personamap.model.ops import (
    Compound,
    Op,
    OpError,
    SetField,
    add_empathy_note,
    add_entry,
    add_journey_note,
    add_lane,
    add_persona,
    add_relation,
    add_source,
    add_stage,
    add_step,
    add_vote,
    attach_journey_persona,
    change_z_order,
    cite,
    connect,
    detach_journey_persona,
    duplicate_persona,
    move_empathy_notes,
    move_entry,
    move_journey_notes,
    move_lane,
    move_source,
    move_stage,
    move_step,
    place_element,
    remove_asset,
    remove_elements,
    remove_empathy_notes,
    remove_entry,
    remove_journey_notes,
    remove_lane,
    remove_persona,
    remove_relation,
    remove_source,
    remove_stage,
    remove_step,
    remove_vote,
    set_emotion,
    set_emotion_scale,
    set_geometry,
    set_persona_field,
    set_relation_kind,
    update_journey_note,
    update_source,
)

T = TypeVar("T")
TEXTS = st.sampled_from(["", "A", "Zoë Ünal", "two\nlines", "bad\x00", "x" * 600, "Onboarding"])
SECTIONS = st.sampled_from(["goals", "frustrations", "quotes", "psychographics.sliders", "channels"])
FIELDS = st.sampled_from(
    ["name", "priority", "demographics.age", "tags", "behaviour.tech_proficiency", "color"]
)
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "name": TEXTS,
    "priority": st.sampled_from(list(Priority)),
    "demographics.age": TEXTS,
    "tags": st.lists(st.sampled_from(["a", "b", "c\n"]), max_size=3),
    "behaviour.tech_proficiency": st.one_of(st.none(), st.integers(0, 6)),
    "color": st.sampled_from(["#123456", "red"]),
}


class OpMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.project = rich_project()
        self.original = dump(self.project)
        self.undo_stack: list[Op] = []
        self.redo_stack: list[Op] = []

    # helpers -------------------------------------------------------------------------
    def pick(self, data: st.DataObject, items: Sequence[T]) -> T | None:
        return data.draw(st.sampled_from(list(items))) if items else None

    def attempt(self, build: Callable[[], Op]) -> None:
        """Build and apply an op as the editor would; a refusal must change nothing."""
        before = dump(self.project)
        try:
            inverse, _changes = build().apply(self.project)
        except OpError:
            assert dump(self.project) == before
            return
        self.undo_stack.append(inverse)
        self.redo_stack.clear()

    @property
    def journey(self):
        return self.project.journeys[0]

    @property
    def board(self):
        return self.project.boards[0]

    def persona_id(self, data: st.DataObject) -> str | None:
        persona = self.pick(data, self.project.personas)
        return persona.id if persona else None

    def cell(self, data: st.DataObject) -> tuple[str, str, str | None] | None:
        lane, stage = self.pick(data, self.journey.lanes), self.pick(data, self.journey.stages)
        if lane is None or stage is None:
            return None
        step = data.draw(st.one_of(st.none(), st.sampled_from(stage.steps)))
        return lane.id, stage.id, step.id if step else None

    # undo and redo ---------------------------------------------------------------------
    @rule()
    def undo(self) -> None:
        if self.undo_stack:
            redo, _ = self.undo_stack.pop().apply(self.project)
            self.redo_stack.append(redo)

    @rule()
    def redo(self) -> None:
        if self.redo_stack:
            inverse, _ = self.redo_stack.pop().apply(self.project)
            self.undo_stack.append(inverse)

    # personas --------------------------------------------------------------------------
    @rule(data=st.data(), path=FIELDS)
    def persona_field(self, data: st.DataObject, path: str) -> None:
        pid = self.persona_id(data)
        if pid:
            value = data.draw(VALUES[path])
            self.attempt(lambda: set_persona_field(self.project, pid, path, value))

    @rule(data=st.data(), section=SECTIONS, text=TEXTS)
    def entries(self, data: st.DataObject, section: str, text: str) -> None:
        persona = self.pick(data, self.project.personas)
        if persona is None:
            return
        items = persona.psychographics.sliders if "." in section else getattr(persona, section)
        action = data.draw(st.sampled_from(["add", "remove", "move"]))
        entry = self.pick(data, items)
        if action == "add":
            index = data.draw(st.integers(0, len(items) + 1))
            self.attempt(lambda: add_entry(self.project, persona.id, section, text, index=index))
        elif entry is not None and action == "remove":
            self.attempt(lambda: remove_entry(self.project, persona.id, section, entry.id))
        elif entry is not None:
            index = data.draw(st.integers(0, len(items)))
            self.attempt(lambda: move_entry(self.project, persona.id, section, entry.id, index))

    @rule(data=st.data(), title=TEXTS, action=st.sampled_from(["add", "edit", "remove", "move", "cite"]))
    def sources(self, data: st.DataObject, title: str, action: str) -> None:
        """The research library: a removal takes its citations along (notes, scores too)."""
        source = self.pick(data, self.project.sources)
        if action == "add":
            self.attempt(lambda: add_source(self.project, title=title))
        elif source is None:
            return
        elif action == "edit":
            self.attempt(lambda: update_source(self.project, source.id, title=title))
        elif action == "remove":
            self.attempt(lambda: remove_source(self.project, source.id))
        elif action == "move":
            index = data.draw(st.integers(0, len(self.project.sources)))
            self.attempt(lambda: move_source(self.project, source.id, index))
        else:
            pid = self.persona_id(data)
            step = self.pick(data, self.journey.steps())
            if pid and data.draw(st.booleans()):
                self.attempt(lambda: cite(self.project, pid, "demographics.age", [source.id]))
            elif step and self.journey.persona_ids:
                who = self.journey.persona_ids[0]
                jid = self.journey.id
                self.attempt(
                    lambda: set_emotion(self.project, jid, who, step.id, 0, evidence_ids=[source.id])
                )

    @rule(data=st.data(), action=st.sampled_from(["add", "duplicate", "remove"]))
    def personas(self, data: st.DataObject, action: str) -> None:
        pid = self.persona_id(data)
        if action == "add":
            self.attempt(lambda: add_persona(self.project))
        elif pid and action == "duplicate":
            self.attempt(lambda: duplicate_persona(self.project, pid))
        elif pid:
            self.attempt(lambda: remove_persona(self.project, pid))

    @rule(data=st.data(), kind=st.sampled_from(list(RelationKind)))
    def relations(self, data: st.DataObject, kind: RelationKind) -> None:
        relation = self.pick(data, self.project.relations)
        action = data.draw(st.sampled_from(["add", "remove", "kind"]))
        if action == "add":
            a, b = self.persona_id(data), self.persona_id(data)
            if a and b:
                self.attempt(lambda: add_relation(self.project, a, b, kind))
        elif relation and action == "remove":
            self.attempt(lambda: remove_relation(self.project, relation.id))
        elif relation:
            self.attempt(lambda: set_relation_kind(self.project, relation.id, kind))

    # journey grid ----------------------------------------------------------------------
    @rule(data=st.data(), action=st.sampled_from(["add", "remove", "move"]), name=TEXTS)
    def stages(self, data: st.DataObject, action: str, name: str) -> None:
        jid, stages = self.journey.id, self.journey.stages
        stage = self.pick(data, stages)
        index = data.draw(st.integers(0, len(stages)))
        if action == "add":
            self.attempt(
                lambda: add_stage(self.project, jid, name, index=index, steps=["a", "b"][: index % 2 + 1])
            )
        elif stage and action == "remove":
            self.attempt(lambda: remove_stage(self.project, jid, stage.id))
        elif stage:
            self.attempt(lambda: move_stage(self.project, jid, stage.id, index))

    @rule(data=st.data(), action=st.sampled_from(["add", "remove", "move"]))
    def steps(self, data: st.DataObject, action: str) -> None:
        jid = self.journey.id
        stage, step = self.pick(data, self.journey.stages), self.pick(data, self.journey.steps())
        if stage is None or step is None:
            return
        index = data.draw(st.integers(0, len(stage.steps)))
        if action == "add":
            self.attempt(lambda: add_step(self.project, jid, stage.id, "s", index=index))
        elif action == "remove":
            self.attempt(lambda: remove_step(self.project, jid, step.id))
        else:
            self.attempt(lambda: move_step(self.project, jid, step.id, stage.id, index))

    @rule(data=st.data(), action=st.sampled_from(["add", "remove", "move"]))
    def lanes(self, data: st.DataObject, action: str) -> None:
        jid, lanes = self.journey.id, self.journey.lanes
        lane = self.pick(data, lanes)
        index = data.draw(st.integers(0, len(lanes)))
        if action == "add":
            self.attempt(lambda: add_lane(self.project, jid, "Lane", index=index))
        elif lane and action == "remove":
            self.attempt(lambda: remove_lane(self.project, jid, lane.id))
        elif lane:
            self.attempt(lambda: move_lane(self.project, jid, lane.id, index))

    @rule(data=st.data(), action=st.sampled_from(["attach", "detach"]))
    def journey_personas(self, data: st.DataObject, action: str) -> None:
        pid = self.persona_id(data)
        if pid and action == "attach":
            self.attempt(lambda: attach_journey_persona(self.project, self.journey.id, pid))
        elif pid:
            self.attempt(lambda: detach_journey_persona(self.project, self.journey.id, pid))

    # journey notes and emotions --------------------------------------------------------
    @rule(data=st.data(), text=TEXTS)
    def add_note(self, data: st.DataObject, text: str) -> None:
        cell = self.cell(data)
        if cell:
            index = data.draw(st.one_of(st.none(), st.integers(0, 3)))
            self.attempt(
                lambda: add_journey_note(self.project, self.journey.id, *cell, text=text, index=index)
            )

    @rule(data=st.data())
    def move_notes(self, data: st.DataObject) -> None:
        notes = self.journey.notes
        cell = self.cell(data)
        if not notes or cell is None:
            return
        chosen = data.draw(
            st.lists(st.sampled_from([n.id for n in notes]), min_size=1, max_size=3, unique=True)
        )
        index = data.draw(st.one_of(st.none(), st.integers(0, 3)))
        self.attempt(lambda: move_journey_notes(self.project, self.journey.id, chosen, *cell, index=index))

    @rule(data=st.data(), text=TEXTS, action=st.sampled_from(["edit", "remove", "vote", "unvote"]))
    def note_edits(self, data: st.DataObject, text: str, action: str) -> None:
        note, jid = self.pick(data, self.journey.notes), self.journey.id
        if note is None:
            return
        if action == "edit":
            self.attempt(
                lambda: update_journey_note(self.project, jid, note.id, text=text, color=NoteColor.PINK)
            )
        elif action == "remove":
            self.attempt(lambda: remove_journey_notes(self.project, jid, [note.id]))
        elif action == "vote":
            self.attempt(lambda: add_vote(self.project, jid, note.id, participant=text))
        else:
            self.attempt(lambda: remove_vote(self.project, jid, note.id))

    @rule(data=st.data(), score=st.one_of(st.none(), st.floats(-12, 12)))
    def emotion(self, data: st.DataObject, score: float | None) -> None:
        step = self.pick(data, self.journey.steps())
        who = data.draw(st.one_of(st.none(), st.sampled_from(self.journey.persona_ids or [None])))
        if step:
            self.attempt(lambda: set_emotion(self.project, self.journey.id, who, step.id, score))

    @rule(bounds=st.sampled_from([(-2, 2), (1, 5), (0, 10), (-3, 3)]))
    def emotion_scale(self, bounds: tuple[int, int]) -> None:
        self.attempt(lambda: set_emotion_scale(self.project, *bounds))

    # empathy maps ----------------------------------------------------------------------
    @rule(
        data=st.data(),
        quadrant=st.sampled_from(list(Quadrant)),
        action=st.sampled_from(["add", "move", "remove"]),
    )
    def empathy_notes(self, data: st.DataObject, quadrant: Quadrant, action: str) -> None:
        emap, target = self.pick(data, self.project.empathy_maps), self.pick(data, self.project.empathy_maps)
        if emap is None or target is None:
            return
        index = data.draw(st.one_of(st.none(), st.integers(0, 3)))
        note = self.pick(data, emap.notes)
        if action == "add":
            self.attempt(lambda: add_empathy_note(self.project, emap.id, quadrant, "n", index=index))
        elif note and action == "move":
            self.attempt(
                lambda: move_empathy_notes(
                    self.project, emap.id, [note.id], quadrant, index, target_map_id=target.id
                )
            )
        elif note:
            self.attempt(lambda: remove_empathy_notes(self.project, emap.id, [note.id]))

    # boards ----------------------------------------------------------------------------
    @rule(data=st.data(), kind=st.sampled_from(["note", "card", "connector"]))
    def place(self, data: st.DataObject, kind: str) -> None:
        bid, elements = self.board.id, self.board.elements
        if kind == "note":
            self.attempt(
                lambda: place_element(self.project, bid, NoteElement(text="n", x=data.draw(st.floats(-9, 9))))
            )
        elif kind == "card":
            pid = self.persona_id(data)
            if pid:
                self.attempt(lambda: place_element(self.project, bid, PersonaCard(persona_id=pid)))
        elif len(elements) >= 2:
            a, b = self.pick(data, elements), self.pick(data, elements)
            if a and b:
                self.attempt(lambda: connect(self.project, bid, a.id, b.id))

    @rule(data=st.data(), how=st.sampled_from(["geometry", "z", "remove"]))
    def board_edits(self, data: st.DataObject, how: str) -> None:
        bid, elements = self.board.id, self.board.elements
        if not elements:
            return
        chosen = data.draw(
            st.lists(st.sampled_from([e.id for e in elements]), min_size=1, max_size=3, unique=True)
        )
        if how == "geometry":
            coords = st.tuples(
                st.floats(-100, 100), st.floats(-100, 100), st.floats(-5, 300), st.floats(1, 300)
            )
            geometry = {i: data.draw(coords) for i in chosen}
            self.attempt(lambda: set_geometry(self.project, bid, geometry))
        elif how == "z":
            order = data.draw(st.sampled_from(["forward", "backward", "front", "back"]))
            self.attempt(lambda: change_z_order(self.project, bid, chosen, order))  # type: ignore[arg-type]
        else:
            self.attempt(lambda: remove_elements(self.project, bid, chosen))

    @rule()
    def remove_image(self) -> None:
        if self.project.assets:
            self.attempt(lambda: remove_asset(self.project, self.project.assets[0].id))

    # compounds -------------------------------------------------------------------------
    @rule(data=st.data(), title=TEXTS, fail=st.booleans())
    def compound(self, data: st.DataObject, title: str, fail: bool) -> None:
        """Independent edits as one; a failing last part undoes the first ones."""
        ops: list[Op] = [SetField(("title",), title), SetField(("description",), "several at once")]
        element = self.pick(data, self.board.elements)
        if element is not None:
            ops.append(set_geometry(self.project, self.board.id, {element.id: (1.0, 2.0, 3.0, 4.0)}))
        if fail:
            ops.append(SetField(("settings", "review_period_months"), 0))
        self.attempt(lambda: Compound(tuple(ops), name="Several"))

    # checks ----------------------------------------------------------------------------
    @invariant()
    def sound(self) -> None:
        assert problems(self.project) == []

    def teardown(self) -> None:
        while self.redo_stack:  # redo what was undone, so the end state includes everything
            inverse, _ = self.redo_stack.pop().apply(self.project)
            self.undo_stack.append(inverse)
        final = dump(self.project)
        while self.undo_stack:
            redo, _ = self.undo_stack.pop().apply(self.project)
            self.redo_stack.append(redo)
        assert dump(self.project) == self.original
        while self.redo_stack:
            self.redo_stack.pop().apply(self.project)
        assert dump(self.project) == final


OpMachine.TestCase.settings = settings(
    max_examples=200,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestOpMachine = OpMachine.TestCase
