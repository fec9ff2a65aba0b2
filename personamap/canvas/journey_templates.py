"""The journey map shapes the library offers: a customer journey, a service blueprint, a B2B
buying journey. Plain data (no Qt), so a drop, a menu and a test build the same map."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..model import ops
from ..model.enums import LaneKind
from ..model.journey import DEFAULT_LANES, DEFAULT_STAGES, JourneyMap, Lane, Stage


class JourneyTemplate(NamedTuple):
    name: str
    """Stable key carried by drag payloads."""
    title: str
    description: str
    stages: tuple[str, ...]
    lanes: tuple[tuple[str, LaneKind], ...]


JOURNEY_TEMPLATES: tuple[JourneyTemplate, ...] = (
    JourneyTemplate(
        "default",
        "Customer journey",
        "Stages from awareness to loyalty; actions, touchpoints, thoughts, an emotion curve, "
        "pain points and opportunities.",
        DEFAULT_STAGES,
        DEFAULT_LANES,
    ),
    JourneyTemplate(
        "blueprint",
        "Service blueprint",
        "What the customer does and sees, and the frontstage, backstage and support processes "
        "behind each step.",
        DEFAULT_STAGES,
        (
            ("Customer actions", LaneKind.ACTIONS),
            ("Touchpoints", LaneKind.TOUCHPOINTS),
            ("Frontstage", LaneKind.FRONTSTAGE),
            ("Backstage", LaneKind.BACKSTAGE),
            ("Support processes", LaneKind.SUPPORT_PROCESSES),
            ("Pain points", LaneKind.PAIN_POINTS),
            ("Opportunities", LaneKind.OPPORTUNITIES),
        ),
    ),
    JourneyTemplate(
        "b2b",
        "B2B buying journey",
        "A buying committee from the trigger to renewal, with the objections to answer at each stage.",
        ("Trigger", "Research", "Evaluation", "Business case", "Purchase", "Onboarding", "Renewal"),
        (
            ("Actions", LaneKind.ACTIONS),
            ("Touchpoints", LaneKind.TOUCHPOINTS),
            ("Questions", LaneKind.QUESTIONS),
            ("Objections", LaneKind.OBJECTIONS),
            ("Emotions", LaneKind.EMOTIONS),
            ("Pain points", LaneKind.PAIN_POINTS),
            ("Opportunities", LaneKind.OPPORTUNITIES),
        ),
    ),
)


def journey_template(name: str) -> JourneyTemplate:
    """The template called `name`; the default journey for an unknown name."""
    return next((t for t in JOURNEY_TEMPLATES if t.name == name), JOURNEY_TEMPLATES[0])


def build_journey(name: str, persona_ids: Iterable[str] = ()) -> JourneyMap:
    """A fresh journey (new ids) shaped by the template `name`."""
    template = journey_template(name)
    journey = ops.new_journey(template.title, persona_ids)
    if template.name == "default":
        return journey
    return journey.model_copy(
        update={
            "stages": [Stage(name=stage) for stage in template.stages],
            "lanes": [Lane(name=lane, kind=kind) for lane, kind in template.lanes],
        }
    )
