"""A project whose every text tries to become markup, a link or a script, with a photo, for the
Markdown and handbook tests; and a reader of HTML that keeps elements, attributes and text."""

from __future__ import annotations

import struct
import zlib
from html.parser import HTMLParser

from personamap.model import JourneyMap, Persona, Project
from personamap.model.enums import LaneKind, NoteColor
from personamap.model.journey import EmotionScore, JourneyNote, Lane, Stage, Step
from personamap.model.persona import Item, Quote
from personamap.model.project import Asset

SCRIPT = "<script>alert(1)</script>"
LINK = "[click me](javascript:alert(1))"
IMAGE = '<img src="http://evil.example/x.png" onerror="alert(1)">'
PIPE = "left | right"
HOSTILE = (SCRIPT, LINK, IMAGE, PIPE)


def tiny_png(rgb: tuple[int, int, int] = (200, 60, 30), size: int = 4) -> bytes:
    """A size×size PNG of one colour, made without Qt or Pillow."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def hostile_project() -> Project:
    """Two personas (one with a photo) and a journey, their texts full of would-be markup."""
    photo = Asset(name="face.png", media_type="image/png", width=4, height=4, data=Asset.encode(tiny_png()))
    ann = Persona(
        name=f"Ann {SCRIPT}",
        role=LINK,
        tagline=PIPE,
        color="#F0E442",
        photo_asset_id=photo.id,
        goals=[Item(text=IMAGE), Item(text="**not bold** and `not code`")],
        quotes=[Quote(text='"><svg onload=alert(1)>', source=LINK)],
    )
    bo = Persona(name=f"Bo {PIPE}", role="Buyer", color="#0072B2")
    first = Stage(name=f"Find {LINK}", steps=[Step(name="Search"), Step(name=f"Compare {PIPE}")])
    second = Stage(name="Buy", steps=[Step(name="")])
    actions = Lane(name="Actions", kind=LaneKind.ACTIONS)
    emotions = Lane(name="Emotions", kind=LaneKind.EMOTIONS)
    pains = Lane(name=f"Pains {SCRIPT}", kind=LaneKind.PAIN_POINTS)
    steps = [s for st in (first, second) for s in st.steps]
    journey = JourneyMap(
        title=f"Journey {PIPE} {LINK}",
        persona_ids=[ann.id, bo.id],
        scenario=f"Scenario {SCRIPT}\nsecond line",
        stages=[first, second],
        lanes=[actions, emotions, pains],
        notes=[
            JourneyNote(
                text=f"note {PIPE}\n{LINK}", lane_id=actions.id, stage_id=first.id, step_id=steps[1].id
            ),
            JourneyNote(
                text=IMAGE, lane_id=pains.id, stage_id=second.id, color=NoteColor.PINK, tags=["#tag"]
            ),
        ],
        emotions=[
            EmotionScore(persona_id=ann.id, step_id=steps[0].id, score=2),
            EmotionScore(persona_id=ann.id, step_id=steps[1].id, score=-2),
            EmotionScore(persona_id=ann.id, step_id=steps[2].id, score=1),
            EmotionScore(persona_id=bo.id, step_id=steps[2].id, score=0),
            EmotionScore(persona_id=None, step_id=steps[0].id, score=-1),
        ],
    )
    return Project(title=f"Hostile {SCRIPT}", personas=[ann, bo], journeys=[journey], assets=[photo])


class Page(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML document."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.chunks: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def named(self, tag: str) -> list[dict[str, str]]:
        return [attrs for t, attrs in self.tags if t == tag]
