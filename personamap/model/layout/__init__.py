"""Layout rules shared by the Qt canvas and the reportlab PDF exporter.

"The same layout rules drive canvas and PDF, so a poster looks like the board it came from"
(docs/VISUAL.md). Geometry is in abstract units: screen px at 100 % on the canvas; the PDF scales
the result. Text is measured by whoever draws (a `TextMeasure`), so no Qt and no reportlab
here; `ApproxMeasure` stands in for tests.
"""

from typing import TYPE_CHECKING

from ...lazy import lazy_package
from .card import CardBlock, CardBoxes, CardHeader, CardMetrics, layout_card
from .card_sections import (
    BUYING_ROLE_LABELS,
    FULL_SECTIONS,
    PRIORITY_LABELS,
    SEGMENT_LABELS,
    CardItem,
    SectionContent,
    badge_labels,
    initials,
    section_content,
)
from .geometry import Rect
from .measure import ApproxMeasure, TextMeasure, line_count, line_height, lines_fitting

# The same names for type checkers, which cannot see `lazy_package`'s PEP 562 lookup; at run time
# each still loads on first use (tests/test_lazy_typing.py holds this list to the table below).
if TYPE_CHECKING:
    from .curve import CurveRun, Point, Segment, bezier_point, curve_runs, monotone_curve
    from .emotion import EmotionLayout, EmotionPoint, scale_text, score_at, series_order
    from .empathy import (
        QUADRANT_LABELS,
        EmpathyLayout,
        EmpathyMetrics,
        empathy_insertion_index,
        layout_empathy,
        quadrant_at,
    )
    from .hit import MarkerHit, cell_at, emotion_at, insertion_index, marker_at
    from .journey import JourneyLayout, JourneyMetrics, layout_journey
    from .legend import (
        MARKER_SHAPES,
        Chip,
        LegendLine,
        SeriesLook,
        journey_legend,
        legend_lines,
        marker_shape,
        title_chips,
    )

lazy_package(
    globals(),
    {
        "curve": ("CurveRun", "Point", "Segment", "bezier_point", "curve_runs", "monotone_curve"),
        "emotion": ("EmotionLayout", "EmotionPoint", "scale_text", "score_at", "series_order"),
        "empathy": (
            "QUADRANT_LABELS",
            "EmpathyLayout",
            "EmpathyMetrics",
            "empathy_insertion_index",
            "layout_empathy",
            "quadrant_at",
        ),
        "hit": ("MarkerHit", "cell_at", "emotion_at", "insertion_index", "marker_at"),
        "journey": ("JourneyLayout", "JourneyMetrics", "layout_journey"),
        "legend": (
            "MARKER_SHAPES",
            "Chip",
            "LegendLine",
            "SeriesLook",
            "journey_legend",
            "legend_lines",
            "marker_shape",
            "title_chips",
        ),
    },
)

__all__ = [
    "BUYING_ROLE_LABELS",
    "FULL_SECTIONS",
    "MARKER_SHAPES",
    "PRIORITY_LABELS",
    "QUADRANT_LABELS",
    "SEGMENT_LABELS",
    "ApproxMeasure",
    "CardBlock",
    "CardBoxes",
    "CardHeader",
    "CardItem",
    "CardMetrics",
    "Chip",
    "CurveRun",
    "EmotionLayout",
    "EmotionPoint",
    "EmpathyLayout",
    "EmpathyMetrics",
    "JourneyLayout",
    "JourneyMetrics",
    "LegendLine",
    "MarkerHit",
    "Point",
    "Rect",
    "SectionContent",
    "Segment",
    "SeriesLook",
    "TextMeasure",
    "badge_labels",
    "bezier_point",
    "cell_at",
    "curve_runs",
    "emotion_at",
    "empathy_insertion_index",
    "initials",
    "insertion_index",
    "journey_legend",
    "layout_card",
    "layout_empathy",
    "layout_journey",
    "legend_lines",
    "line_count",
    "line_height",
    "lines_fitting",
    "marker_at",
    "marker_shape",
    "monotone_curve",
    "quadrant_at",
    "scale_text",
    "score_at",
    "section_content",
    "series_order",
    "title_chips",
]
