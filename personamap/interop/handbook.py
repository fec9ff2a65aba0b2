"""The HTML handbook: one self-contained file a team posts in Slack or Teams for people who
will never install the app.

Self-contained means nothing is fetched: the style sheet is inline, photos are data URIs in it,
emotion curves are inline SVG, no script runs, and a Content-Security-Policy meta tag lets the
browser load nothing but `data:` images even if a later change slipped a URL in. Every piece of
user text goes through `html.escape`; no user text becomes a link. Contents and anchors lead
from the cover to every persona and journey and back; printing starts each on a new page.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from personamap.model import JourneyMap, Persona, Project
from personamap.model.enums import JourneyState, LaneKind, Priority
from personamap.model.layout.card_sections import FULL_SECTIONS, badge_labels, initials, section_content
from personamap.model.layout.emotion import series_order
from personamap.style import LANE_LOOK, NOTE_FILL, ink_on

from .handbook_css import print_zoom, stylesheet
from .handbook_svg import emotion_svg, series_color, series_name
from .journey_cells import notes_by_cell
from .selection import Selection

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_WIDE = 320
"""A text block longer than this many characters spans the persona's whole width."""


def e(text: str) -> str:
    """User text, escaped for element content and quoted attributes alike."""
    return escape(text, quote=True)


def persona_anchor(persona: Persona) -> str:
    return f"persona-{persona.id}"


def journey_anchor(journey: JourneyMap) -> str:
    return f"journey-{journey.id}"


def _colors(color: str) -> str:
    return f"--pc:{color};--pc-ink:{ink_on(color)}"


def avatar(persona: Persona, project: Project, big: bool = False) -> str:
    """The photo or the initials on the persona's colour; a photo is a class (`photo_rules`) so
    its bytes are in the file once however often the face shows."""
    asset = project.asset(persona.photo_asset_id) if persona.photo_asset_id else None
    css = "avatar big" if big else "avatar"
    style = _colors(persona.color)
    if asset is not None:
        label = f"Photo of {e(persona.name)}"
        return (
            f'<span class="{css} photo-{persona.id}" style="{style}" role="img" aria-label="{label}"></span>'
        )
    return f'<span class="{css}" style="{style}" aria-hidden="true">{e(initials(persona.name))}</span>'


def photo_rules(project: Project, personas: list[Persona]) -> str:
    """One CSS rule per persona photo: the image as a data URI, nothing fetched."""
    rules = []
    for persona in personas:
        asset = project.asset(persona.photo_asset_id) if persona.photo_asset_id else None
        if asset is not None:
            uri = f"data:{asset.media_type};base64,{asset.data}"
            rules.append(f'.photo-{persona.id}{{background:center/cover no-repeat url("{uri}")}}')
    return "\n".join(rules)


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(f"<p>{e(b)}</p>" for b in blocks)


def _sliders(persona: Persona) -> str:
    rows = []
    for s in persona.psychographics.sliders:
        rows.append(
            f'<div class="slider" role="img" '
            f'aria-label="{e(s.left)} to {e(s.right)}: {round(s.value)} of 100">'
            f'<div class="poles"><span>{e(s.left)}</span><span>{e(s.right)}</span></div>'
            f'<div class="track"><i style="left:{s.value:g}%"></i></div></div>'
        )
    return "".join(rows)


def _quotes(persona: Persona) -> str:
    return "".join(
        f"<blockquote><p>“{e(q.text)}”</p>"
        + (f"<footer>— {e(q.source)}</footer>" if q.source else "")
        + "</blockquote>"
        for q in persona.quotes
        if q.text.strip()
    )


def persona_sections(persona: Persona, project: Project) -> str:
    """What a full card shows, one block per section that has something to say; the quotes
    first, as the voice a reader remembers."""
    blocks = []
    for key in ("quotes", *(k for k in FULL_SECTIONS if k not in ("tagline", "quotes"))):
        for section in section_content(persona, key, project.sources):
            if not section.items:
                continue
            size = sum(len(i.text) for i in section.items)
            if key == "psychographics.sliders":
                body = _sliders(persona)
            elif key == "quotes":
                body = _quotes(persona)
            elif section.kind == "text":
                body = "".join(_paragraphs(i.text) for i in section.items)
            else:
                body = "<ul>" + "".join(f"<li>{e(i.text)}</li>" for i in section.items) + "</ul>"
            wide = " wide" if size > _WIDE or key == "quotes" else ""
            blocks.append(f'<section class="block{wide}"><h4>{e(section.title)}</h4>{body}</section>')
    return f'<div class="sections">{"".join(blocks)}</div>' if blocks else ""


def persona_article(persona: Persona, project: Project, shown: Selection) -> str:
    """One persona: a header with photo, name, role, tagline and badges, then its sections."""
    negative = persona.priority is Priority.NEGATIVE
    badges = "".join(
        f'<li class="chip{" negative" if k == 0 and negative else ""}">{e(b)}</li>'
        for k, b in enumerate(badge_labels(persona))
    )
    role = f'<p class="role">{e(persona.role)}</p>' if persona.role.strip() else ""
    tagline = f'<p class="tagline">“{e(persona.tagline)}”</p>' if persona.tagline.strip() else ""
    journeys = [j for j in shown.journeys if persona.id in j.persona_ids or persona.id in _scored(j)]
    links = "".join(
        f'<li><a class="chip" href="#{journey_anchor(j)}">{e(j.title)}</a></li>' for j in journeys
    )
    appears = f'<p>In the journeys:</p><ul class="chips">{links}</ul>' if links else ""
    return (
        f'<article class="card persona" id="{persona_anchor(persona)}" style="{_colors(persona.color)}">'
        f"<header>{avatar(persona, project, big=True)}<div><h3>{e(persona.name)}</h3>{role}{tagline}"
        f'<ul class="chips">{badges}</ul></div></header>'
        f"{persona_sections(persona, project)}"
        f'<footer>{appears}<a class="back" href="#contents">↑ Contents</a></footer></article>'
    )


def _scored(journey: JourneyMap) -> set[str]:
    return {s.persona_id for s in journey.emotions if s.persona_id is not None}


def _note(text: str, color: str, tags: list[str]) -> str:
    tag_line = f'<span class="tags">{e(" · ".join("#" + t for t in tags))}</span>' if tags else ""
    return f'<div class="note" style="background:{color}">{e(text)}{tag_line}</div>'


def journey_table(journey: JourneyMap, project: Project) -> str:
    """Stages as columns (a column per step), lanes as rows; the emotions lane is one SVG."""
    steps = journey.steps()
    if not steps:
        return '<p class="about">This journey has no stages yet.</p>'
    many = any(len(s.steps) > 1 or s.steps[0].name.strip() for s in journey.stages)
    cols = '<col class="lane">' + '<col class="step">' * len(steps)
    stage_row = '<th class="lanehead" scope="col">Lane</th>' + "".join(
        f'<th class="stage" scope="colgroup" colspan="{len(s.steps)}">{e(s.name)}</th>'
        for s in journey.stages
    )
    step_row = (
        '<tr><th class="lanehead stepname" scope="col">Step</th>'
        + "".join(f'<th class="stepname" scope="col">{e(st.name)}</th>' for st in steps)
        + "</tr>"
        if many
        else ""
    )
    last = {s.steps[-1].id for s in journey.stages}
    in_cell = notes_by_cell(journey)
    rows = []
    for lane in journey.lanes:
        tint, wash = (f"var(--lane-{LANE_LOOK[lane.kind].hue})", f"var(--wash-{LANE_LOOK[lane.kind].hue})")
        head = f'<th class="lanehead" scope="row" style="background:{tint}">{e(lane.name)}'
        if lane.kind is LaneKind.EMOTIONS:
            rows.append(
                f"<tr>{head}{_legend(journey, project)}</th>"
                f'<td class="emotion" colspan="{len(steps)}" style="background:{wash}">'
                f"{emotion_svg(journey, project, lane.id)}</td></tr>"
            )
            if not any(n.lane_id == lane.id for n in journey.notes):
                continue
            head = f'<th class="lanehead" scope="row" style="background:{tint}">{e(lane.name)}: notes'
        cells = []
        for stage in journey.stages:
            for step in stage.steps:
                notes = in_cell.get((lane.id, stage.id, step.id), [])
                body = "".join(_note(n.text, NOTE_FILL[n.color], n.tags) for n in notes)
                last_css = ' class="last"' if step.id in last else ""
                cells.append(f'<td{last_css} style="background:{wash}">{body}</td>')
        rows.append(f"<tr>{head}</th>{''.join(cells)}</tr>")
    return (
        f'<div class="map-scroll" role="region" aria-label="{e(journey.title)}: the map" tabindex="0">'
        f'<table class="map" style="--steps:{len(steps)};--print-zoom:{print_zoom(len(steps)):.3f}">'
        f"<colgroup>{cols}</colgroup>"
        f"<thead><tr>{stage_row}</tr>{step_row}</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _legend(journey: JourneyMap, project: Project) -> str:
    items = []
    for persona_id in series_order(journey):
        color = series_color(project, persona_id) or "var(--text)"
        items.append(
            f'<li><span class="dot" style="--pc:{color}"></span>{e(series_name(project, persona_id))}</li>'
        )
    return f'<ul class="legend">{"".join(items)}</ul>' if items else ""


def journey_section(journey: JourneyMap, project: Project) -> str:
    """One journey: title, state, its personas (linked), scenario, then the map."""
    future = journey.state is JourneyState.FUTURE
    state = (
        f'<span class="chip{" future" if future else ""}">{"Future" if future else "Current"} state</span>'
    )
    people = [p for p in (project.persona(i) for i in journey.persona_ids) if p is not None]
    chips = "".join(
        f'<li><a class="chip" href="#{persona_anchor(p)}" style="{_colors(p.color)}">'
        f'<span class="dot"></span>{e(p.name)}</a></li>'
        for p in people
    )
    about = "".join(
        f"<p><strong>{title}:</strong> {e(text.strip())}</p>"
        for title, text in (("Scenario", journey.scenario), ("Expectations", journey.expectations))
        if text.strip()
    )
    return (
        f'<section class="card journey" id="{journey_anchor(journey)}">'
        f'<header><h3>{e(journey.title)}</h3><ul class="chips"><li>{state}</li>{chips}</ul></header>'
        f'<div class="about">{about}</div>{journey_table(journey, project)}'
        f'<footer><a class="back" href="#contents">↑ Contents</a></footer></section>'
    )


def contents(project: Project, shown: Selection) -> str:
    """The table of contents: every persona (with its face) and every journey, linked."""
    parts = []
    if shown.personas:
        items = "".join(
            f'<li><a href="#{persona_anchor(p)}">{avatar(p, project)}<span>{e(p.name)}'
            f'<span class="sub">{e(p.role)}</span></span></a></li>'
            for p in shown.personas
        )
        parts.append(f'<section class="card"><h2>Personas</h2><ol>{items}</ol></section>')
    if shown.journeys:
        items = "".join(
            f'<li><a href="#{journey_anchor(j)}"><span>{e(j.title)}'
            f'<span class="sub">{len(j.stages)} stages · {len(j.steps())} steps</span></span></a></li>'
            for j in shown.journeys
        )
        parts.append(f'<section class="card"><h2>Journeys</h2><ol>{items}</ol></section>')
    return f'<nav class="toc" id="contents" aria-label="Contents">{"".join(parts)}</nav>'


def export_handbook(
    project: Project, selection: Selection | None = None, today: dt.date | None = None
) -> str:
    """The handbook of the selected personas and journeys (all by default) as one HTML text."""
    shown = selection or Selection.everything(project)
    title = e(project.title)
    counts = f"{len(shown.personas)} personas · {len(shown.journeys)} journeys"
    description = (
        f'<p class="lead">{e(project.description.strip())}</p>' if project.description.strip() else ""
    )
    faces = "".join(avatar(p, project) for p in shown.personas)
    top_links = "".join(
        f'<a href="#{anchor}">{label}</a>'
        for anchor, label, present in (
            ("personas", "Personas", shown.personas),
            ("journeys", "Journeys", shown.journeys),
        )
        if present
    )
    body = [
        f'<header class="topbar"><nav aria-label="Sections"><a class="brand" href="#top">{title}</a>'
        f'<a href="#contents">Contents</a>{top_links}</nav></header>',
        '<main class="page" id="top">',
        f'<header class="card cover"><p class="eyebrow">Persona handbook · {counts}</p><h1>{title}</h1>'
        f'{description}<div class="faces" aria-hidden="true">{faces}</div></header>',
        contents(project, shown),
    ]
    if shown.personas:
        body.append('<h2 class="part" id="personas">Personas</h2>')
        body += [persona_article(p, project, shown) for p in shown.personas]
    if shown.journeys:
        body.append('<h2 class="part" id="journeys">Journeys</h2>')
        body += [journey_section(j, project) for j in shown.journeys]
    made = f" on {today.isoformat()}" if today else ""
    body.append(f'<p class="colophon">Made with personamap{made}.</p></main>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f'<meta name="generator" content="personamap"><title>{title}</title>'
        f"<style>{stylesheet()}\n{photo_rules(project, shown.personas)}</style></head>\n"
        f"<body>{''.join(body)}</body></html>\n"
    )
