"""Helpers the op constructors share: lookups that fail with OpError, undo-menu wording,
placing a block of entries within a cell, and the cascades several removals need."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..board import Board
from ..persona import Citation
from ..project import Project
from .address import Address, walk
from .core import Compound, Op, Remove, SetField, reason
from .errors import OpError
from .special import SetEmotion

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


def need(value: T | None, what: str, ident: str | None) -> T:
    """`value`, or OpError naming the missing thing."""
    if value is None:
        raise OpError(f"no {what} with id {ident}")
    return value


def find(items: Iterable[T], ident: str, what: str) -> T:
    return need(next((x for x in items if getattr(x, "id", None) == ident), None), what, ident)


def make(cls: type[M], **values: Any) -> M:
    """Build a model from user values; OpError instead of a ValidationError."""
    try:
        return cls(**values)
    except ValidationError as exc:
        raise OpError(f"invalid {cls.__name__.lower()}: {reason(exc)}") from None


def known_ids(present: Iterable[str], wanted: Iterable[str], what: str) -> None:
    """OpError for the first of `wanted` that is not among `present`."""
    have = set(present)
    missing = next((w for w in wanted if w not in have), None)
    if missing is not None:
        raise OpError(f"no {what} with id {missing}")


def known_evidence(project: Project, refs: Iterable[str]) -> None:
    """Anything may cite any source of the project's research library, and nothing else."""
    known_ids((s.id for s in project.sources), refs, "source")


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 note`, `3 notes`; a single entry is named without its count."""
    return noun if count == 1 else f"{count} {nouns or noun + 's'}"


def quoted(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”" if text else ""


def titled(verb: str, what: str, label: str) -> str:
    """`Delete stage “Onboarding”`, or `Delete stage` when it has no label."""
    return f"{verb} {what} {quoted(label)}".rstrip()


def index_or_end(index: int | None, length: int) -> int:
    """An insertion index: None means the end; anything else must lie in 0..length."""
    if index is None:
        return length
    if not 0 <= index <= length:
        raise OpError(f"index {index} is out of range (0..{length})")
    return index


def update(addr: Address, values: Mapping[str, Any], name: str, *, locked: Iterable[str] = ()) -> Compound:
    """Set several fields of the entity at `addr` as one edit."""
    if not values:
        raise OpError("nothing to change")
    refused = sorted(set(values) & ({"id", "type"} | set(locked)))
    if refused:
        raise OpError(f"{', '.join(refused)} cannot be changed this way")
    return Compound(tuple(SetField((*addr, key), value) for key, value in values.items()), name=name)


def block_moves(
    order: list[str], moving: list[str], cell: Callable[[str], bool], index: int | None
) -> list[tuple[str, int]]:
    """Where to move each of `moving` (ids, in order), one after the other, so that they end
    up together at position `index` among the other entries of the target cell (None: after
    them). `order` is the list's current order of ids; `cell(id)` says if an entry is in the
    target cell. Returns (id, index) pairs for Relocate ops applied in sequence."""
    moving_set = set(moving)
    others = [i for i in order if i not in moving_set and cell(i)]
    if index is not None and not 0 <= index <= len(others):
        raise OpError(f"position {index} is out of range (0..{len(others)})")
    before = others[index] if index is not None and index < len(others) else None
    after = others[-1] if before is None and others else None
    current = list(order)
    out: list[tuple[str, int]] = []
    previous: str | None = None
    for ident in moving:
        current.remove(ident)
        if previous is not None:
            pos = current.index(previous) + 1
        elif before is not None:
            pos = current.index(before)
        elif after is not None:
            pos = current.index(after) + 1
        else:
            pos = len(current)
        current.insert(pos, ident)
        out.append((ident, pos))
        previous = ident
    return out


def cell_insert_index(order: list[Any], in_cell: Callable[[Any], bool], index: int | None) -> int:
    """The list index that puts a new entry at position `index` of a cell (None: its end)."""
    if index is None:  # after the cell's last entry, found from the end (a live session adds many)
        return next((k + 1 for k in range(len(order) - 1, -1, -1) if in_cell(order[k])), len(order))
    positions = [k for k, item in enumerate(order) if in_cell(item)]
    if index is not None and not 0 <= index <= len(positions):
        raise OpError(f"position {index} is out of range (0..{len(positions)})")
    if index is not None and index < len(positions):
        return positions[index]
    return positions[-1] + 1 if positions else len(order)


def element_removals(board: Board, ids: Iterable[str]) -> list[Op]:
    """Remove elements of a board and every connector attached to them (or to such
    connectors), in board order."""
    doomed = set(ids)
    grown = True
    while grown:
        attached = {
            el.id
            for el in board.elements
            if el.type == "connector" and el.id not in doomed and {el.source_id, el.target_id} & doomed
        }
        doomed |= attached
        grown = bool(attached)
    return [Remove(("boards", board.id, "elements"), el.id) for el in board.elements if el.id in doomed]


def elements_where(project: Project, pred: Callable[[Any], bool]) -> list[Op]:
    """Remove, on every board, the elements matching `pred` with their connectors."""
    ops: list[Op] = []
    for board in project.boards:
        ids = [el.id for el in board.elements if pred(el)]
        if ids:
            ops += element_removals(board, ids)
    return ops


def evidence_drops(project: Project, evidence_ids: set[str]) -> list[Op]:
    """Forget citations of sources about to go: drop the ids from every `evidence_ids` list
    (persona entries, notes, emotion scores), and remove a persona citation that would then
    cite nothing."""
    ops: list[Op] = []

    def drop(addr: Address, refs: list[str]) -> None:
        if evidence_ids.intersection(refs):
            ops.append(SetField((*addr, "evidence_ids"), [r for r in refs if r not in evidence_ids]))

    for persona in project.personas:
        for addr, entity in walk(persona, ("personas", persona.id)):
            refs = getattr(entity, "evidence_ids", None)
            if not refs or not evidence_ids.intersection(refs):
                continue
            if isinstance(entity, Citation) and evidence_ids.issuperset(refs):
                ops.append(Remove(("personas", persona.id, "citations"), entity.id))
            else:
                drop(addr, refs)
    for emap in project.empathy_maps:
        for note in emap.notes:
            drop(("empathy_maps", emap.id, "notes", note.id), note.evidence_ids)
    for journey in project.journeys:
        for jnote in journey.notes:
            drop(("journeys", journey.id, "notes", jnote.id), jnote.evidence_ids)
        for score in journey.emotions:
            if evidence_ids.intersection(score.evidence_ids):
                kept = [r for r in score.evidence_ids if r not in evidence_ids]
                moved = score.model_copy(update={"evidence_ids": kept})
                ops.append(SetEmotion(journey.id, score.persona_id, score.step_id, moved))
    return ops


def segment_unlinks(project: Project, persona_id: str) -> list[Op]:
    """Dataset segments drafted into a persona about to go name no persona any more; each
    source's waves are set as a whole (a wave has no id to address it by)."""
    ops: list[Op] = []
    for source in project.sources:
        data = source.dataset
        if data is None or not any(s.persona_id == persona_id for w in data.waves for s in w.segments):
            continue
        waves = [w.model_copy(deep=True) for w in data.waves]
        for wave in waves:
            for seg in wave.segments:
                if seg.persona_id == persona_id:
                    seg.persona_id = None
        ops.append(SetField(("sources", source.id, "dataset", "waves"), waves))
    return ops
