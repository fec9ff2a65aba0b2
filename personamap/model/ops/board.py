"""Edits of boards and their elements: boards, placing, moving and resizing, z-order,
connectors, removal (connectors attached to a removed element go with it)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from ..board import Board, Connector, Element
from ..project import Project
from .common import element_removals, find, index_or_end, known_ids, make, need, plural, titled, update
from .core import Compound, Insert, Move, Op, Remove, SetField, reason
from .errors import OpError
from .special import SetFields

Geometry = tuple[float, float, float, float]
"""Absolute x, y, width and height of an element."""

ZOrder = Literal["forward", "backward", "front", "back"]


@cache
def _element_adapter() -> TypeAdapter[Any]:
    """Built when an element is first placed (schema building is deferred, see Model)."""
    return TypeAdapter(Element)


def board_of(project: Project, board_id: str) -> Board:
    return need(project.board(board_id), "board", board_id)


def _elements(board_id: str) -> tuple[str, ...]:
    return ("boards", board_id, "elements")


def add_board(
    project: Project, name: str = "Board", index: int | None = None, board: Board | None = None
) -> Op:
    board = board if board is not None else make(Board, name=name)
    for el in board.elements:
        _check_refs(project, board, el)
    at = index_or_end(index, len(project.boards))
    return Insert(("boards",), at, board, name=titled("Add", "board", board.name))


def rename_board(project: Project, board_id: str, name: str) -> Op:
    board_of(project, board_id)
    return SetField(("boards", board_id, "name"), name, name="Rename board")


def remove_board(project: Project, board_id: str) -> Op:
    """Delete a board with everything on it; what its elements show stays in the project."""
    board = board_of(project, board_id)
    return Remove(("boards",), board_id, name=titled("Delete", "board", board.name))


def move_board(project: Project, board_id: str, index: int) -> Op:
    board = board_of(project, board_id)
    return Move(("boards",), board_id, index, name=titled("Move", "board", board.name))


def _check_refs(project: Project, board: Board, el: Any) -> None:
    """What an element shows must exist: persona, map, image; a connector joins two other
    elements of its board and may show an existing relation."""
    kind = el.type
    if kind == "persona_card":
        need(project.persona(el.persona_id), "persona", el.persona_id)
    elif kind == "empathy_map":
        need(project.empathy_map(el.map_id), "empathy map", el.map_id)
    elif kind == "journey_map":
        need(project.journey(el.map_id), "journey", el.map_id)
    elif kind == "image":
        need(project.asset(el.asset_id), "image", el.asset_id)
    elif kind == "connector":
        if el.source_id == el.target_id:
            raise OpError("a connector joins two different elements")
        if el.id in (el.source_id, el.target_id):
            raise OpError("a connector cannot attach to itself")
        known_ids((e.id for e in board.elements), (el.source_id, el.target_id), "element on this board")
        if any(e.type == "connector" and e.id in (el.source_id, el.target_id) for e in board.elements):
            raise OpError("a connector joins elements, not other connectors")
        if el.relation_id is not None:
            find(project.relations, el.relation_id, "relation")


def place_element(project: Project, board_id: str, element: Any, *, on_top: bool = True) -> Op:
    """Put an element (a model or a dict) on a board, above all others unless `on_top` is
    False (then it keeps its own z)."""
    board = board_of(project, board_id)
    try:
        el = _element_adapter().validate_python(
            element.model_copy(deep=True) if hasattr(element, "model_copy") else element
        )
    except ValidationError as exc:
        raise OpError(f"invalid element: {reason(exc)}") from None
    if on_top:
        el = el.model_copy(update={"z": max((e.z for e in board.elements), default=-1) + 1})
    _check_refs(project, board, el)
    label = el.type.replace("_", " ")
    return Insert(_elements(board_id), len(board.elements), el, name=f"Place {label}")


def connect(
    project: Project,
    board_id: str,
    source_id: str,
    target_id: str,
    *,
    relation_id: str | None = None,
    label: str = "",
) -> Op:
    """Join two elements of a board with a connector, optionally showing a relation."""
    connector = make(
        Connector, source_id=source_id, target_id=target_id, relation_id=relation_id, label=label
    )
    return place_element(project, board_id, connector)


def set_geometry(project: Project, board_id: str, geometry: Mapping[str, Geometry]) -> Op:
    """Move and/or resize elements at once: element id -> absolute (x, y, w, h)."""
    board = board_of(project, board_id)
    if not geometry:
        raise OpError("no elements to move")
    current = {e.id: e for e in board.elements}
    known_ids(current, geometry, "element on this board")
    updates = tuple(
        (ident, (("x", x), ("y", y), ("w", w), ("h", h))) for ident, (x, y, w, h) in geometry.items()
    )
    resized = any((current[i].w, current[i].h) != (g[2], g[3]) for i, g in geometry.items())
    verb = "Resize" if resized else "Move"
    return SetFields(_elements(board_id), updates, name=f"{verb} {plural(len(updates), 'element')}")


def update_element(project: Project, board_id: str, element_id: str, **values: Any) -> Op:
    """Change what an element shows or how: text, color, label, caption, layout, sections,
    size, bold, persona_id, map_id, relation_id… (position and size: set_geometry)."""
    board = board_of(project, board_id)
    el = find(board.elements, element_id, "element")
    unknown = sorted(set(values) - set(type(el).model_fields))
    if unknown:
        raise OpError(f"a {el.type.replace('_', ' ')} has no field {unknown[0]!r}")
    _check_refs(project, board, el.model_copy(update=values))
    return update((*_elements(board_id), element_id), values, f"Edit {el.type.replace('_', ' ')}")


def remove_elements(project: Project, board_id: str, element_ids: Sequence[str]) -> Op:
    """Remove elements and the connectors attached to them."""
    board = board_of(project, board_id)
    if not element_ids:
        raise OpError("no elements to remove")
    known_ids((e.id for e in board.elements), element_ids, "element on this board")
    ops = element_removals(board, element_ids)
    return Compound(tuple(ops), name=f"Delete {plural(len(set(element_ids)), 'element')}")


def change_z_order(project: Project, board_id: str, element_ids: Sequence[str], how: ZOrder) -> Op:
    """Bring elements forward or to the front, send them backward or to the back. Computes
    a new z for every element whose place in the stack changes (z becomes the rank)."""
    board = board_of(project, board_id)
    known_ids((e.id for e in board.elements), element_ids, "element on this board")
    chosen = set(element_ids)
    before = [e.id for _k, e in sorted(enumerate(board.elements), key=lambda pair: (pair[1].z, pair[0]))]
    stack = list(before)
    if how == "front":
        stack = [i for i in stack if i not in chosen] + [i for i in stack if i in chosen]
    elif how == "back":
        stack = [i for i in stack if i in chosen] + [i for i in stack if i not in chosen]
    elif how == "forward":
        for k in range(len(stack) - 2, -1, -1):
            if stack[k] in chosen and stack[k + 1] not in chosen:
                stack[k], stack[k + 1] = stack[k + 1], stack[k]
    elif how == "backward":
        for k in range(1, len(stack)):
            if stack[k] in chosen and stack[k - 1] not in chosen:
                stack[k], stack[k - 1] = stack[k - 1], stack[k]
    else:
        raise OpError(f"unknown z-order change {how!r}")
    if stack == before:
        raise OpError("the stacking order does not change")
    z_now = {e.id: e.z for e in board.elements}
    updates = tuple((ident, (("z", rank),)) for rank, ident in enumerate(stack) if z_now[ident] != rank)
    names = {
        "forward": "Bring forward",
        "backward": "Send backward",
        "front": "Bring to front",
        "back": "Send to back",
    }
    return SetFields(_elements(board_id), updates, name=names[how])


def bring_forward(project: Project, board_id: str, element_ids: Sequence[str]) -> Op:
    return change_z_order(project, board_id, element_ids, "forward")


def send_backward(project: Project, board_id: str, element_ids: Sequence[str]) -> Op:
    return change_z_order(project, board_id, element_ids, "backward")


def bring_to_front(project: Project, board_id: str, element_ids: Sequence[str]) -> Op:
    return change_z_order(project, board_id, element_ids, "front")


def send_to_back(project: Project, board_id: str, element_ids: Sequence[str]) -> Op:
    return change_z_order(project, board_id, element_ids, "back")
