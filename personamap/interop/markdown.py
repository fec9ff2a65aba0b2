"""Personas and journeys as readable Markdown, to paste into a wiki, a chat or a README.

Every piece of user text goes through `escape`: Markdown specials are backslash-escaped, so a
name like `[x](javascript:…)`, `<script>` or `**bold**` reads as typed and never becomes a
link, HTML or emphasis (parentheses and `!` stay bare: with the brackets escaped they cannot
open a link or an image); in tables a pipe is escaped and a line break becomes a space. A bare
web address stays text but some renderers (GitHub) show it as a link to itself: what you read
is where it goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from personamap.model import JourneyMap, Persona, Project
from personamap.model.enums import LaneKind
from personamap.model.layout.card_sections import FULL_SECTIONS, badge_labels, section_content
from personamap.model.layout.emotion import scale_text, series_order

from .journey_cells import notes_by_cell, scores_by_step
from .selection import Selection

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$]|&(?=#?\w+;))")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+\.)", re.MULTILINE)


def _line_start(m: re.Match[str]) -> str:
    lead, mark = m.group(1), m.group(2)
    return f"{lead}{mark[:-1]}\\." if mark.endswith(".") else f"{lead}\\{mark}"


def escape(text: str) -> str:
    """`text` as Markdown that renders exactly as typed: specials backslash-escaped, and a
    line that would start a list, a quote or a heading underline escaped at its start."""
    return _LINE_START.sub(_line_start, _SPECIAL.sub(r"\\\1", text))


def one_line(text: str) -> str:
    """`text` escaped onto one line: headings, list items and table cells."""
    return escape(" ".join(text.split()))


def _paragraphs(text: str) -> list[str]:
    """Text blocks as Markdown paragraphs; single line breaks survive as hard breaks."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return [" \\\n".join(escape(line.strip()) for line in b.splitlines() if line.strip()) for b in blocks]


def persona_markdown(persona: Persona, project: Project, level: int = 2) -> list[str]:
    """One persona: its name as a heading, what the card says in sections below it."""
    h = "#" * level
    out = [f"{h} {one_line(persona.name) or 'Unnamed persona'}", ""]
    intro = " · ".join(one_line(x) for x in (persona.role, *badge_labels(persona)) if x.strip())
    out += [f"*{intro}*", ""] if intro else []
    for key in FULL_SECTIONS:
        for block in section_content(persona, key, project.sources):
            if not block.items:
                continue
            if key == "tagline":
                out += [f"> {one_line(block.items[0].text)}", ""]
                continue
            out += [f"{h}# {one_line(block.title)}", ""]
            if block.kind == "text":
                for item in block.items:
                    out += [*_paragraph_lines(item.text), ""]
            elif block.kind == "sliders":
                out += [f"- {one_line(i.text)}: {round(i.value or 0)} / 100" for i in block.items] + [""]
            else:
                out += [f"- {one_line(i.text)}" for i in block.items] + [""]
    return out


def _paragraph_lines(text: str) -> list[str]:
    paragraphs = _paragraphs(text)
    return [line for k, p in enumerate(paragraphs) for line in ([""] if k else []) + [p]]


def _cell(texts: Iterable[str]) -> str:
    parts = [one_line(t) for t in texts if t.strip()]
    return " • ".join(parts) if len(parts) > 1 else (parts[0] if parts else "")


def _score_text(score: int | None, project: Project) -> str:
    if score is None:
        return "–"
    labels = {lab.value: lab.label for lab in project.settings.emotion_scale.labels}
    return one_line(scale_text(score, labels[score])) if score in labels else f"{score:+d}".replace("-", "−")


def journey_table(journey: JourneyMap, project: Project) -> list[str]:
    """The map as a table: a column per stage (per step where a stage has several), a row per
    lane with its notes, and an emotions row per persona with the scores."""
    columns = [
        (stage, step, one_line(stage.name) + (f" › {one_line(step.name)}" if len(stage.steps) > 1 else ""))
        for stage in journey.stages
        for step in stage.steps
    ]
    if not columns:
        return ["*This journey has no stages yet.*", ""]
    rows = ["| Lane | " + " | ".join(c[2] or "–" for c in columns) + " |"]
    rows.append("|---" * (len(columns) + 1) + "|")
    in_cell, scored = notes_by_cell(journey), scores_by_step(journey)
    for lane in journey.lanes:
        if lane.kind is LaneKind.EMOTIONS:
            for persona_id in series_order(journey):
                persona = project.persona(persona_id) if persona_id else None
                who = one_line(persona.name) if persona else ("Journey" if persona_id is None else "Unknown")
                scores = [_score_text(scored.get((persona_id, step.id)), project) for _, step, _ in columns]
                rows.append(f"| **{one_line(lane.name)}: {who}** | " + " | ".join(scores) + " |")
            if not any(n.lane_id == lane.id for n in journey.notes):
                continue
        cells = [
            _cell(n.text for n in in_cell.get((lane.id, stage.id, step.id), [])) for stage, step, _ in columns
        ]
        notes = ": notes" if lane.kind is LaneKind.EMOTIONS else ""
        rows.append(f"| **{one_line(lane.name)}{notes}** | " + " | ".join(cells) + " |")
    return [*rows, ""]


def journey_markdown(journey: JourneyMap, project: Project, level: int = 2) -> list[str]:
    """One journey: heading, who it is for, the scenario and its table."""
    h = "#" * level
    state = "Future state" if journey.state.value == "future" else "Current state"
    out = [f"{h} {one_line(journey.title) or 'Untitled journey'}", "", f"*{state}*", ""]
    names = [p.name for p in (project.persona(i) for i in journey.persona_ids) if p is not None]
    if names:
        out += ["**Personas:** " + ", ".join(one_line(n) for n in names), ""]
    for title, text in (("Scenario", journey.scenario), ("Expectations", journey.expectations)):
        if text.strip():
            out += [f"**{title}:**", "", *_paragraph_lines(text), ""]
    for stage in journey.stages:
        if stage.description.strip():
            out += [f"- **{one_line(stage.name)}:** {one_line(stage.description)}"]
    if any(s.description.strip() for s in journey.stages):
        out.append("")
    return out + journey_table(journey, project)


def export_markdown(project: Project, selection: Selection | None = None) -> str:
    """The project's personas and journeys (or the selected ones) as one Markdown text."""
    chosen = selection or Selection.everything(project)
    out = [f"# {one_line(project.title)}", ""]
    out += [*_paragraph_lines(project.description), ""] if project.description.strip() else []
    if chosen.personas:
        out += ["## Personas", ""]
        for persona in chosen.personas:
            out += persona_markdown(persona, project, level=3)
    if chosen.journeys:
        out += ["## Journeys", ""]
        for journey in chosen.journeys:
            out += journey_markdown(journey, project, level=3)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
