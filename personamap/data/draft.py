"""Draft personas from a segmentation: one per segment, status draft, named with a placeholder,
filled from the columns mapped to persona fields, with a "Segment profile" section listing what
sets the segment apart. Every field filled from data cites the dataset source with confidence
observed (docs/DOMAIN.md, "Draft persona"); a person names it and writes its story.

Only columns the user kept to segment by or to describe reach a persona, and only as aggregates
(shares, means, quantile ranges): never a row, never a column marked personal. A segment of
fewer than `MIN_LEVEL_ROWS` rows gets its size only: its figures would be those people's values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from personamap.data.arrays import MIN_LEVEL_ROWS
from personamap.data.describe import Distinction
from personamap.data.fill import fill, overall
from personamap.data.names import placeholder_names
from personamap.data.segment import Segment as DataSegment
from personamap.data.segment import Segmentation
from personamap.data.wording import profile_line, size_line, tagline
from personamap.model.enums import Confidence, PersonaStatus, Priority, Segment
from personamap.model.persona import Citation, CustomSection, Item, Lifecycle, Persona
from personamap.model.research import ColumnRole, DatasetColumn
from personamap.style import OKABE_ITO

MAX_PRIMARY = 5
"""More than five primary personas is a finding of the health lint: the rest start secondary."""
PROFILE_TITLE = "Segment profile"
TAG_FROM_DATA = "from data"
TAG_NICHE = "niche"
USED_ROLES = (ColumnRole.SEGMENT, ColumnRole.DESCRIBE)


def _colors(count: int, existing: Collection[str]) -> list[str]:
    """Okabe–Ito colours in palette order, those no persona uses yet first."""
    used = {c.upper() for c in existing}
    order = [c for c in OKABE_ITO if c.upper() not in used] + [c for c in OKABE_ITO if c.upper() in used]
    return [order[i % len(order)] for i in range(count)]


def _priorities(segments: tuple[DataSegment, ...]) -> list[Priority]:
    """The largest segments that are not niches are primary, at most `MAX_PRIMARY` of them."""
    ranked = sorted((s for s in segments if not s.niche), key=lambda s: (-s.n, s.index))
    primary = {s.index for s in ranked[:MAX_PRIMARY]}
    return [Priority.PRIMARY if s.index in primary else Priority.SECONDARY for s in segments]


def _profile(seg: DataSegment, apart: list[Distinction], source_id: str) -> CustomSection:
    lines = [size_line(seg.n, seg.share, seg.niche), *map(profile_line, apart)]
    items = [Item(text=line, evidence_ids=[source_id], confidence=Confidence.OBSERVED) for line in lines]
    return CustomSection(title=PROFILE_TITLE, items=items)


def draft_personas(
    segmentation: Segmentation,
    columns: list[DatasetColumn],
    source_id: str,
    *,
    existing_names: Collection[str] = (),
    existing_colors: Collection[str] = (),
    seed: int = 0,
    today: dt.date,
) -> list[Persona]:
    """One draft persona per segment, in segment order, citing `source_id`. `columns` give each
    column's role and the field it fills (`maps_to`); names (fixed by `seed`) avoid
    `existing_names`, colours avoid `existing_colors` while the palette lasts."""
    segments = segmentation.segments
    used = {c.name for c in columns if c.role in USED_ROLES}
    mapped = [(c.name, c.maps_to) for c in columns if c.role in USED_ROLES and c.maps_to]
    wholes = {  # segments of one or two rows keep no aggregates (personamap/data/segment.py)
        name: overall([s.aggregates[name] for s in segments if name in s.aggregates])
        for name, _ in mapped
        if any(name in s.aggregates for s in segments)
    }
    names = placeholder_names(len(segments), existing=existing_names, seed=seed)
    colors = _colors(len(segments), existing_colors)
    out = []
    for seg, name, color, priority in zip(segments, names, colors, _priorities(segments), strict=True):
        described = seg.n >= MIN_LEVEL_ROWS  # a segment of one or two rows would describe those people
        apart = [d for d in seg.distinguishing if d.column in used] if described else []
        persona = Persona(
            name=name,
            tagline=tagline(apart),
            priority=priority,
            color=color,
            tags=[TAG_FROM_DATA, *([TAG_NICHE] if seg.niche else [])],
            lifecycle=Lifecycle(status=PersonaStatus.DRAFT, created=today),
        )
        if persona.tagline:
            persona.citations.append(
                Citation(field="tagline", evidence_ids=[source_id], confidence=Confidence.OBSERVED)
            )
        for column, path in mapped:
            if described and column in wholes:
                fill(persona, path, column, seg.aggregates[column], wholes[column], seg.n, source_id)
        if any(c.field.startswith("firmographics.") for c in persona.citations):
            persona.segment = Segment.B2B
        persona.custom_sections.append(_profile(seg, apart, source_id))
        out.append(persona)
    return out
