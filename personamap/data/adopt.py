"""From a segmented table to the project: one dataset source, one draft persona per segment
and their cards on a board, as a single undoable op. The command line (`personamap data
segment`) and the editor's Import data window both come through here, so both make the same
personas from the same table, columns, k and seed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from personamap.data.cluster import Progress
from personamap.data.columns import Table
from personamap.data.draft import draft_personas
from personamap.data.placing import card_positions
from personamap.data.record import dataset_record
from personamap.data.segment import Segmentation, segment
from personamap.model.board import Board, PersonaCard
from personamap.model.enums import Confidence, EvidenceKind
from personamap.model.layout.card import CARD_SIZE
from personamap.model.ops import Compound, Insert, Op
from personamap.model.project import Project
from personamap.model.research import ColumnRole, DatasetColumn, Source

CARD_SECTIONS = ["demographics", "custom_sections", "value_figures"]
"""What a drafted persona's card shows: who they are, the segment profile, the figures."""


@dataclass(frozen=True)
class Choice:
    """What the user chose for a table: each column's role and the persona field it fills,
    k (or auto), the seed, and the kind and title of the source it becomes."""

    columns: list[DatasetColumn]
    k: int | Literal["auto"] = "auto"
    seed: int = 0
    kind: EvidenceKind = EvidenceKind.SURVEY
    title: str = ""

    def named(self, role: ColumnRole) -> list[str]:
        return [c.name for c in self.columns if c.role == role]


@dataclass(frozen=True)
class Adoption:
    """The one op that adds everything, and what it adds."""

    op: Op
    source_id: str
    persona_ids: list[str]
    board_id: str


def run(table: Table, choice: Choice, progress: Progress | None = None) -> Segmentation:
    """Segment `table` on the columns chosen to segment by, describing the `describe` ones."""
    return segment(
        table,
        choice.named(ColumnRole.SEGMENT),
        choice.k,
        choice.seed,
        describe=choice.named(ColumnRole.DESCRIBE),
        progress=progress,
    )


def adopt(
    project: Project,
    table: Table,
    segmentation: Segmentation,
    choice: Choice,
    *,
    today: dt.date,
    board_id: str | None = None,
) -> Adoption:
    """The op adding the dataset source, the draft personas (citing it) and their cards on
    `board_id` (a new board named after the file when None). Nothing is applied here."""
    source = Source(
        kind=choice.kind,
        title=choice.title.strip() or table.path.name,
        sample_size=segmentation.rows_used,
        date=today,
        confidence=Confidence.OBSERVED,
    )
    personas = draft_personas(
        segmentation,
        choice.columns,
        source.id,
        existing_names={p.name for p in project.personas},
        existing_colors={p.color for p in project.personas},
        seed=choice.seed,
        today=today,
    )
    persona_ids = [p.id for p in personas]
    source.dataset = dataset_record(
        table, segmentation, choice.columns, seed=choice.seed, today=today, persona_ids=list(persona_ids)
    )
    ops: list[Op] = [Insert(("sources",), len(project.sources), source)]
    ops += [Insert(("personas",), len(project.personas) + i, p) for i, p in enumerate(personas)]
    board = project.board(board_id) if board_id is not None else None
    if board is None:
        board = Board(name=f"Personas from {table.path.name}"[:500])
        ops.append(Insert(("boards",), len(project.boards), board))
        existing = Board()
    else:
        existing = board
    z = max((e.z for e in existing.elements), default=-1) + 1
    for i, (persona_id, (x, y)) in enumerate(
        zip(persona_ids, card_positions(existing, len(persona_ids)), strict=True)
    ):
        card = PersonaCard(
            persona_id=persona_id,
            x=x,
            y=y,
            w=CARD_SIZE[0],
            h=CARD_SIZE[1],
            z=z + i,
            sections=list(CARD_SECTIONS),
        )
        ops.append(Insert(("boards", board.id, "elements"), len(existing.elements) + i, card))
    name = f"Draft {len(personas)} personas from {table.path.name}"
    return Adoption(Compound(tuple(ops), name=name), source.id, persona_ids, board.id)
