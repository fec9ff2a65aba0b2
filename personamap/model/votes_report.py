"""Dot-vote results without Qt: counts per note, a ranking, and rows for CSV and PDF.

Votes live on journey and empathy notes (`Note.votes`, one `Vote(participant, session)` per
dot). A session name narrows every query to one workshop; None counts every vote.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .journey import JourneyMap
from .note import Note
from .project import Project

CSV_HEAD = ("map", "map type", "stage", "lane", "note", "votes")


@dataclass(frozen=True)
class VoteRow:
    """One voted note: where it sits and who put how many dots on it."""

    map_title: str
    map_kind: str  # "journey" or "empathy"
    stage: str  # the journey stage ("" for empathy maps)
    lane: str  # the journey lane or the empathy quadrant
    text: str
    votes: int
    by_participant: dict[str, int] = field(default_factory=dict)
    owner_id: str = ""
    note_id: str = ""


def counted(note: Note, session: str | None = None) -> Counter[str]:
    """Dots on a note per participant (of one session, or all)."""
    return Counter(v.participant for v in note.votes if session is None or v.session == session)


def voted_notes(project: Project) -> Iterator[tuple[str, Note]]:
    """(owner id, note) for every note that can carry votes."""
    for journey in project.journeys:
        for note in journey.notes:
            yield journey.id, note
    for emap in project.empathy_maps:
        for emap_note in emap.notes:
            yield emap.id, emap_note


def tally(
    project: Project, session: str | None = None, owners: Iterable[str] | None = None
) -> dict[str, int]:
    """note id -> number of dots, for notes with at least one."""
    wanted = set(owners) if owners is not None else None
    out: dict[str, int] = {}
    for owner_id, note in voted_notes(project):
        if wanted is not None and owner_id not in wanted:
            continue
        n = sum(1 for v in note.votes if session is None or v.session == session)
        if n:
            out[note.id] = n
    return out


def ranking(counts: dict[str, int], top: int = 3) -> dict[str, int]:
    """note id -> rank (1 = most dots) for the top places; ties share a place (1, 1, 3)."""
    ordered = sorted(counts.items(), key=lambda kv: -kv[1])
    ranks: dict[str, int] = {}
    for k, (note_id, n) in enumerate(ordered):
        rank = k + 1 if k == 0 or n != ordered[k - 1][1] else ranks[ordered[k - 1][0]]
        if rank > top or n <= 0:
            break
        ranks[note_id] = rank
    return ranks


def participants(project: Project, session: str | None = None) -> list[str]:
    """Everyone who voted, in the order they first appear."""
    seen: dict[str, None] = {}
    for _, note in voted_notes(project):
        for v in note.votes:
            if session is None or v.session == session:
                seen.setdefault(v.participant, None)
    return list(seen)


def sessions(project: Project) -> list[str]:
    seen: dict[str, None] = {}
    for _, note in voted_notes(project):
        for v in note.votes:
            seen.setdefault(v.session, None)
    return list(seen)


def _journey_rows(journey: JourneyMap, session: str | None) -> list[VoteRow]:
    rows = []
    lanes = {lane.id: (k, lane.name) for k, lane in enumerate(journey.lanes)}
    for stage in journey.stages:
        steps = {step.id: k for k, step in enumerate(stage.steps)}
        cell: list[tuple[tuple[int, int, int], VoteRow]] = []
        for n_index, note in enumerate(journey.notes):
            if note.stage_id != stage.id:
                continue
            by = counted(note, session)
            if not by:
                continue
            lane_k, lane_name = lanes.get(note.lane_id, (len(lanes), ""))
            step_k = steps.get(stage.shown_step(note.step_id), 0)
            row = VoteRow(
                journey.title,
                "journey",
                stage.name,
                lane_name,
                note.text,
                sum(by.values()),
                dict(by),
                journey.id,
                note.id,
            )
            cell.append(((-row.votes, lane_k, step_k * 10_000 + n_index), row))
        rows += [row for _, row in sorted(cell, key=lambda kr: kr[0])]
    return rows


def vote_rows(project: Project, session: str | None = None) -> list[VoteRow]:
    """Voted notes, map by map; a journey's stage by stage (most dots first within a stage);
    an empathy map's by votes."""
    rows: list[VoteRow] = []
    for journey in project.journeys:
        rows += _journey_rows(journey, session)
    for emap in project.empathy_maps:
        found = []
        for note in emap.notes:
            by = counted(note, session)
            if by:
                found.append(
                    VoteRow(
                        emap.title,
                        "empathy",
                        "",
                        note.quadrant.value.title(),
                        note.text,
                        sum(by.values()),
                        dict(by),
                        emap.id,
                        note.id,
                    )
                )
        rows += sorted(found, key=lambda r: -r.votes)
    return rows


def votes_csv(project: Project, session: str | None = None) -> str:
    """The results as CSV: where each voted note sits, its text, its dots, dots per participant."""
    rows = vote_rows(project, session)
    names = participants(project, session)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_HEAD, *names])
    for r in rows:
        writer.writerow(
            [
                r.map_title,
                r.map_kind,
                r.stage,
                r.lane,
                r.text,
                r.votes,
                *(r.by_participant.get(n, 0) for n in names),
            ]
        )
    return out.getvalue()
