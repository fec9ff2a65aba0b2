"""What the Export dialog offers, built from the project and the current board's selection.

Each product names what it is in the PDF exporter's terms (`pdf_what`), in the picture
exporter's terms (`raster_what`) and in the text shares' terms (`share`, ui/export_share.py); a
product one format cannot make (the cards sheet has no picture, a selection has no PDF, a
persona has no Mermaid diagram) is shown disabled for that format. Ids rather than names go
into the `what` strings, so two personas with one name are still told apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..export.raster.plan import Picture, plan_pictures, selection_picture
from ..model import Project
from .export_share import SUFFIXES, shares

SELECTION = "selection"


@dataclass(frozen=True)
class Product:
    label: str
    pdf_what: str | None
    raster_what: str | None
    orientation: str = "portrait"
    """The PDF's natural orientation, for the preview's page when orientation is automatic."""
    preview_what: str | None = None
    """What picture stands in for the first PDF page when there is no raster twin."""
    board_id: str | None = None
    ids: tuple[str, ...] = ()
    key: str = ""
    """A short name for default file names."""
    tiles: bool = False
    """Journey posters can be tiled across several sheets."""
    share: str | None = None
    """What the Mermaid, Markdown, HTML and CSV shares show: all, personas, persona:ID, journey:ID."""

    def supports(self, fmt: str) -> bool:
        if fmt in SUFFIXES:
            return shares(fmt, self.share)
        return (self.pdf_what if fmt == "pdf" else self.raster_what) is not None

    def pictures(self, project: Project) -> list[Picture]:
        """The pictures of a PNG/SVG export (or of the preview, for a PDF-only product)."""
        what = self.raster_what or self.preview_what
        if what == SELECTION:
            return [selection_picture(project, self.board_id or "", self.ids)]
        return plan_pictures(project, what or "all")


def products_for(project: Project, board_id: str | None, selected: list[str]) -> list[Product]:
    """Current board first, then the selection, personas, deck, cards, maps, journeys, all."""
    out: list[Product] = []
    boards = sorted(project.boards, key=lambda b: b.id != board_id)
    for board in boards:
        if not board.elements:
            continue
        current = " (current)" if board.id == board_id else ""
        what = f"board:{board.id}"
        wide = _wide(board)
        out.append(
            Product(
                f"Board “{board.name}”{current}",
                what,
                what,
                "landscape" if wide else "portrait",
                key=f"board-{board.name}",
                tiles=True,
            )
        )
    if board_id and selected:
        n = len(selected)
        out.append(
            Product(
                f"Selection ({n} element{'s' if n != 1 else ''})",
                None,
                SELECTION,
                board_id=board_id,
                ids=tuple(selected),
                key="selection",
            )
        )
    first = project.personas[0].id if project.personas else None
    for p in project.personas:
        what = f"persona:{p.id}"
        out.append(Product(f"Persona poster — {p.name}", what, what, key=p.name, share=what))
    if project.personas:
        out.append(
            Product(
                "Persona deck — cover, contents, every persona",
                "personas",
                "personas",
                key="personas",
                share="personas",
            )
        )
        out.append(
            Product(
                "Persona cards — sheet with cut marks",
                "cards",
                None,
                preview_what=f"card:{first}",
                key="persona-cards",
            )
        )
    for m in project.empathy_maps:
        what = f"empathy:{m.id}"
        out.append(Product(f"Empathy map — {m.title}", what, what, "landscape", key=m.title))
    for j in project.journeys:
        what = f"journey:{j.id}"
        out.append(
            Product(f"Journey map — {j.title}", what, what, "landscape", key=j.title, tiles=True, share=what)
        )
    out.append(
        Product(
            "Everything — boards, personas, maps and journeys", "all", "all", key=project.title, share="all"
        )
    )
    return out


def _wide(board: object) -> bool:
    elements = getattr(board, "elements", [])
    if not elements:
        return True
    left = min(e.x for e in elements)
    right = max(e.x + e.w for e in elements)
    top = min(e.y for e in elements)
    bottom = max(e.y + e.h for e in elements)
    return right - left >= bottom - top
