"""What an export is asked for and what every product shares: options, result, page jobs.

Products turn the project into a list of `PageJob`s before anything is drawn, so the writer
knows the page count (for "page n of N", contents and progress) and can stop between pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from ..model import Board, EmpathyMap, JourneyMap, Persona, Project
from ..model.layout import Rect
from ..model.lifecycle import review_due
from .pages import PageGeometry, content_rect, footer_size
from .pdf.draw import Pen
from .pdf.fonts import FontSet
from .pdf.text import PdfText

FOOTER_SEP = "  ·  "
_Item = TypeVar("_Item")

GeometryFor = Callable[..., PageGeometry]
"""A page's geometry for an orientation ("portrait", "landscape"), the options deciding the rest."""

WHAT_HELP = (
    "all, personas, persona:NAME, cards, empathy[:NAME], journey[:NAME], board:NAME, boards, votes, health"
)


class ExportError(Exception):
    """A request the project cannot satisfy (unknown NAME, nothing to export): usage, not a bug."""


class ExportCancelled(Exception):
    """The user cancelled; the partial file has been removed."""


@dataclass(frozen=True)
class PdfOptions:
    """What to export and on what paper. `orientation` "auto" lets each product choose
    (journeys and boards landscape, personas portrait). `tile` ("3x2" or "auto") spreads a
    journey or board poster over several sheets."""

    what: str = "all"
    page_size: str = "A4"
    orientation: str = "auto"
    tile: str | None = None
    bleed_mm: float = 0.0
    crop_marks: bool = False
    grayscale: bool = False
    title: str | None = None
    author: str | None = None
    subject: str | None = None
    today: dt.date | None = None
    """The export date printed in footers (default: today); fixed in tests."""
    overlap_mm: float = 15.0
    """How much neighbouring tiles share, for trimming and taping."""


@dataclass
class ExportResult:
    pages: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class Sheet:
    """What a page job draws on: a pen in points with (0, 0) at the trim's top left."""

    pen: Pen
    geometry: PageGeometry
    content: Rect
    """The area inside the margins and above the footer."""
    page_number: int
    page_count: int


@dataclass
class PageJob:
    title: str
    draw: Callable[[Sheet], None]
    geometry: PageGeometry
    footer: str = ""
    outline: int | None = 0
    """Outline (bookmark) level, None for no bookmark."""
    key: str = ""
    """A name for links from the contents page."""


@dataclass
class Ctx:
    project: Project
    options: PdfOptions
    fonts: FontSet
    text: PdfText
    today: dt.date
    warnings: list[str] = field(default_factory=list)

    def review_by(self, persona: Persona) -> str:
        due = review_due(persona, self.project.settings.review_period_months)
        return due.isoformat() if due else "not set"

    def footer(self, *parts: str, personas: list[Persona] | None = None) -> str:
        """Project · parts · exported DATE · review by (one entry per persona shown)."""
        bits = [self.project.title, *[p for p in parts if p], f"exported {self.today.isoformat()}"]
        for p in personas or []:
            label = (
                f"{p.name}: review by {self.review_by(p)}"
                if len(personas or []) > 1
                else (f"review by {self.review_by(p)}")
            )
            bits.append(label)
        return FOOTER_SEP.join(bits)

    def footer_lines(self, footer: str, g: PageGeometry) -> list[str]:
        """The footer wrapped between its parts (never cut): every review date prints, and the
        first line leaves room for "page n / N" on the right."""
        size = footer_size(g)
        width = g.trim_w - 2 * g.margin - self.text.width("000 / 000", size) - size * 2
        lines: list[str] = []
        for part in footer.split(FOOTER_SEP) if footer else []:
            joined = f"{lines[-1]}{FOOTER_SEP}{part}" if lines else part
            if lines and self.text.width(joined, size) <= width:
                lines[-1] = joined
            elif self.text.width(part, size) <= width:
                lines.append(part)
            else:
                lines += self.text.wrap(part, width, size)
        return lines

    def content_rect(self, g: PageGeometry, footer: str) -> Rect:
        """The area inside the margins and above this footer."""
        return content_rect(g, max(1, len(self.footer_lines(footer, g))))

    def photo(self, persona: Persona) -> bytes | None:
        if persona.photo_asset_id is None:
            return None
        asset = self.project.asset(persona.photo_asset_id)
        return asset.raw() if asset is not None else None


def find_named(kind: str, name: str, items: Sequence[tuple[str, str, _Item]]) -> _Item:
    """The item whose name (case-insensitive) or id is `name`; ExportError listing the names."""
    key = name.strip().casefold()
    for item_id, item_name, item in items:
        if item_name.strip().casefold() == key or item_id == name:
            return item
    names = ", ".join(repr(n) for _, n, _ in items) or "none in this project"
    raise ExportError(f"no {kind} named {name!r} (choose one of: {names})")


class Named(NamedTuple):
    """Everything `--what` can name, as (id, name, item) lists for `find_named`; the PDF and
    the picture planners read names the same way."""

    personas: list[tuple[str, str, Persona]]
    journeys: list[tuple[str, str, JourneyMap]]
    maps: list[tuple[str, str, EmpathyMap]]
    boards: list[tuple[str, str, Board]]

    @classmethod
    def of(cls, project: Project) -> Named:
        return cls(
            [(x.id, x.name, x) for x in project.personas],
            [(x.id, x.title, x) for x in project.journeys],
            [(x.id, x.title, x) for x in project.empathy_maps],
            [(x.id, x.name, x) for x in project.boards],
        )

    def board(self, name: str) -> Board:
        """The board `board:NAME` names; ExportError when NAME is missing or unknown."""
        if not name:
            boards = ", ".join(b[1] for b in self.boards)
            raise ExportError(f"board needs a NAME: board:NAME (boards: {boards})")
        return find_named("board", name, self.boards)
