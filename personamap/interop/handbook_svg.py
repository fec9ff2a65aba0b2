"""A journey's emotion curves as inline SVG for the handbook.

The points come from the same layout as the canvas and the PDF poster (model/layout/emotion.py)
and the curves from the same monotone cubic (model/layout/curve.py), so the handbook never
draws a feeling above the best or below the worst score. One step column is STEP_W wide, as in
the table the SVG sits in, so each marker stands under its step.
"""

from __future__ import annotations

from html import escape

from personamap.model import JourneyMap, Project
from personamap.model.layout.curve import curve_runs
from personamap.model.layout.emotion import layout_emotion, scale_text, series_order
from personamap.model.layout.geometry import Rect

from .handbook_css import STEP_W
from .journey_cells import scores_by_step

HEIGHT = 168
PAD = 16


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def series_name(project: Project, persona_id: str | None) -> str:
    """Who a curve belongs to: a persona's name, or the journey's own curve."""
    if persona_id is None:
        return "Journey"
    persona = project.persona(persona_id)
    return persona.name if persona else "Unknown persona"


def series_color(project: Project, persona_id: str | None) -> str | None:
    """A persona's colour; None for the journey's own curve (drawn in the text colour)."""
    persona = project.persona(persona_id) if persona_id else None
    return persona.color if persona else None


def emotion_svg(journey: JourneyMap, project: Project, lane_id: str) -> str:
    """The SVG of one emotions lane: scale lines, then each series' curve and markers."""
    steps = journey.steps()
    width = STEP_W * len(steps)
    columns = {s.id: Rect(k * STEP_W, 0, STEP_W, HEIGHT) for k, s in enumerate(steps)}
    scale = project.settings.emotion_scale
    layout = layout_emotion(lane_id, Rect(0, 0, width, HEIGHT), journey, scale, columns, PAD)
    parts = [
        f'<svg width="{width}" height="{HEIGHT}" '
        f'viewBox="0 0 {width} {HEIGHT}" role="img" aria-label="{escape(_summary(journey, project))}">'
    ]
    for value, label, y in layout.label_ys:
        kind = "neutral" if value == 0 else "grid"
        parts.append(f'<line class="{kind}" x1="0" x2="{width}" y1="{_num(y)}" y2="{_num(y)}"/>')
        text = escape(scale_text(value, label))
        parts.append(
            f'<text class="label" x="4" y="{_num(y - 4 if value > scale.minimum else y - 2)}">{text}</text>'
        )
    if layout.neutral_y is not None and 0 not in {v for v, _, _ in layout.label_ys}:
        mid = _num(layout.neutral_y)
        parts.append(f'<line class="neutral" x1="0" x2="{width}" y1="{mid}" y2="{mid}"/>')
    scored = scores_by_step(journey)
    for persona_id in series_order(journey):
        color = series_color(project, persona_id)
        name = escape(series_name(project, persona_id))
        for run in curve_runs(layout.series[persona_id]):
            if run.segments:
                d = f"M{_num(run.segments[0][0][0])} {_num(run.segments[0][0][1])}" + "".join(
                    f" C{_num(a[0])} {_num(a[1])} {_num(b[0])} {_num(b[1])} {_num(c[0])} {_num(c[1])}"
                    for _, a, b, c in run.segments
                )
                css = "curve own" if color is None else "curve"
                stroke = "" if color is None else f' stroke="{color}"'
                parts.append(f'<path class="{css}"{stroke} d="{d}"/>')
            for point in run.points:
                score = scored[(persona_id, point.step_id)]
                fill = "" if color is None else f' fill="{color}"'
                own = " own" if color is None else ""
                parts.append(
                    f'<circle class="marker{own}"{fill} cx="{_num(point.x)}" cy="{_num(point.y)}" r="5">'
                    f"<title>{name}: {score}</title></circle>"
                )
    parts.append("</svg>")
    return "".join(parts)


def _summary(journey: JourneyMap, project: Project) -> str:
    """What the curves show, in words, for screen readers."""
    lines = []
    scored = scores_by_step(journey)
    for persona_id in series_order(journey):
        scores = [scored.get((persona_id, s.id)) for s in journey.steps()]
        shown = ", ".join("no score" if v is None else str(v) for v in scores)
        lines.append(f"{series_name(project, persona_id)}: {shown}")
    return "Emotion scores by step. " + "; ".join(lines)
