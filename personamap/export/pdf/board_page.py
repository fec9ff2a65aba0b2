"""A whole board as laid out on the canvas: every element at its position, the board's name
above them, the lot scaled to fit the page. Persona cards come from `layout_card`, maps from
their layouts, so the page looks like the board. Journey maps take their natural size, as on
the canvas.

No text prints under 6 pt: a board that one sheet cannot hold legibly continues across sheets,
tiled as a journey poster is (registration targets in the overlaps, trim ticks), and the export
warns. The smallest type a board uses is measured by drawing it once onto a blind canvas.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

from reportlab.lib.units import mm

from ...model import Board
from ...model.board import (
    Connector,
    EmpathyMapElement,
    ImageElement,
    JourneyMapElement,
    NoteElement,
    PersonaCard,
    TextElement,
)
from ...model.layout import Rect, layout_card, layout_empathy, layout_journey
from ...model.layout.connector import connector_label, connector_path
from ...style import NOTE_FILL, RELATION_LABEL, TYPE
from ..spec import Ctx, ExportError, GeometryFor, PageJob, Sheet
from .card_draw import draw_card
from .draw import MUTED, TEXT, Pen, mix
from .empathy_page import draw_empathy
from .journey_draw import draw_journey
from .journey_poster import (
    AUTO_BODY_PT,
    MAX_AUTO_SHEETS,
    MIN_TEXT_PT,
    Tiling,
    choose_tiling,
    draw_tile,
    parse_tile,
    registration_targets,
)

PAD = 16.0
"""Room around the elements, layout px."""
TITLE_BAND = TYPE.board_title * 1.8
"""Height of the band above the elements that holds the board's name, layout px."""


class BoardPoster(NamedTuple):
    """A board as one picture in layout px: its name in a band on top, then its elements."""

    board: Board
    rects: dict[str, Rect]
    """Every element's rect on the board (journey maps at their natural size)."""
    bounds: Rect
    """The elements' bounding box, padded: the part of the board the picture shows."""
    note_rects: dict[str, Rect]
    """What registration targets keep clear of where they can (elements, connector labels),
    in picture px."""
    ink: tuple[Rect, ...] = ()
    """Where the picture draws anything (name, elements, connectors), picture px: a tile
    that shows none of it is left out."""
    smallest: float = 0.0
    """The smallest type the picture prints, layout px (at scale 1)."""

    @property
    def width(self) -> float:
        return self.bounds.w

    @property
    def height(self) -> float:
        return TITLE_BAND + self.bounds.h

    def printed_min(self, scale: float) -> float:
        return self.smallest * scale


def board_poster(ctx: Ctx, board: Board) -> BoardPoster | None:
    """The board as a picture, its smallest type measured; None for an empty board."""
    rects = _rects(ctx, board)
    boxes = [rects[e.id] for e in board.elements if not isinstance(e, Connector)]
    if not boxes:
        return None
    bounds = boxes[0]
    for r in boxes[1:]:
        bounds = bounds.united(r)
    bounds = bounds.adjusted(-PAD, -PAD, PAD, PAD)
    labels = [box for e in board.elements if isinstance(e, Connector) and (box := _label_box(ctx, e, rects))]
    elements = {e.id: rects[e.id] for e in board.elements if not isinstance(e, Connector)}
    clear = {
        f"{e.id}-{k}": r
        for e in board.elements
        if not isinstance(e, Connector)
        for k, r in enumerate(_text_rects(ctx, e, rects[e.id]))
    }
    clear |= {f"label-{k}": r for k, (_, r) in enumerate(labels)}
    lines = [
        Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(-2, -2, 2, 2)
        for e in board.elements
        if isinstance(e, Connector) and (a := rects.get(e.source_id)) and (b := rects.get(e.target_id))
        for path in [connector_path(a, b)]
        for xs, ys in [list(zip(path.start, path.end, *(path.head or ()), strict=True))]
    ]
    title_w = ctx.text.width(board.name, TYPE.board_title, "bold")
    title = Rect(bounds.x + PAD, bounds.y - TITLE_BAND, min(title_w, bounds.w - 2 * PAD), TITLE_BAND)

    def shown(r: Rect) -> Rect:
        return Rect(r.x - bounds.x, r.y - bounds.y + TITLE_BAND, r.w, r.h)

    keep_clear = {k: shown(r) for k, r in clear.items()}
    ink = tuple(shown(r) for r in [title, *elements.values(), *(r for _, r in labels), *lines])
    poster = BoardPoster(board, rects, bounds, keep_clear, ink)
    measure = _Sizes(ctx.text)
    # _Sizes is a PdfText by delegation (it shares the real one's caches), not by inheritance
    draw_poster(ctx, Pen(_Blind(), measure, 0, 0), poster)  # type: ignore[arg-type]
    return poster._replace(smallest=measure.smallest)


def _text_rects(ctx: Ctx, e: object, r: Rect) -> list[Rect]:
    """Where an element has text (board px): a map's notes and headers, any other element whole.
    A seam crossing a map can then have its registration targets between the notes."""
    out = [r]
    if isinstance(e, JourneyMapElement) and (j := ctx.project.journey(e.map_id)) is not None:
        jlay = layout_journey(j, ctx.project.settings.emotion_scale, ctx.text)
        heads = Rect(0, jlay.lanes_top, jlay.corner_rect.right, jlay.height - jlay.lanes_top)
        out = [
            jlay.title_rect,
            heads,
            *jlay.stage_rects.values(),
            *jlay.step_rects.values(),
            *jlay.note_rects.values(),
        ]
    elif isinstance(e, EmpathyMapElement) and (m := ctx.project.empathy_map(e.map_id)) is not None:
        elay = layout_empathy(m, r.w, r.h, ctx.text)
        out = [elay.title_rect, elay.persona_rect, *elay.label_rects.values(), *elay.note_rects.values()]
        out += [elay.goal_text_rect] if elay.goal_text_rect is not None else []
    else:
        return out
    return [x.translated(r.x, r.y) for x in out]


def draw_poster(ctx: Ctx, pen: Pen, poster: BoardPoster) -> None:
    """The board's name, then its elements; `pen` has the picture's top left at its origin."""
    size = TYPE.board_title
    y = (TITLE_BAND - pen.t.leading * size) / 2
    pen.label(PAD, y, poster.board.name, size, TEXT, "bold", poster.width - 2 * PAD)
    b = poster.bounds
    draw_board(ctx, pen.at(-b.x, TITLE_BAND - b.y, 1.0), poster.board, poster.rects)


class _Blind:
    """A canvas that draws nothing: every call is accepted and returns the canvas."""

    def __getattr__(self, name: str) -> Callable[..., _Blind]:
        return self._nothing

    def _nothing(self, *args: object, **kwargs: object) -> _Blind:
        return self


class _Sizes:
    """Stands in for PdfText: measures and wraps as it does, and keeps the smallest size of
    any line drawn (in the pen's units, so at scale 1 the picture's own px)."""

    def __init__(self, text: object) -> None:
        self._text = text
        self.smallest = math.inf

    def __getattr__(self, name: str) -> object:
        return getattr(self._text, name)

    def draw_line(self, c: object, x: float, baseline: float, line: str, size: float, *args: object) -> None:
        if line.strip():
            self.smallest = min(self.smallest, size)


def jobs(ctx: Ctx, geometry: GeometryFor, board: Board, level: int = 0) -> list[PageJob]:
    """One page when the board fits a sheet legibly (or the sheets `--tile` asks for)."""
    poster = board_poster(ctx, board)
    personas = [
        p for e in board.elements if isinstance(e, PersonaCard) and (p := ctx.project.persona(e.persona_id))
    ]
    footer = ctx.footer("board", personas=personas)
    key = f"board-{board.id}"
    if poster is None:
        return [
            PageJob(
                board.name, lambda sheet: _empty(sheet, board), geometry("landscape"), footer, level, key=key
            )
        ]
    wide = poster.width >= poster.height
    orientations: tuple[str, ...] = ("landscape", "portrait") if wide else ("portrait", "landscape")
    if ctx.options.orientation != "auto":
        orientations = orientations[:1]  # the geometry follows the option
    candidates = [(g, ctx.content_rect(g, footer)) for g in (geometry(o) for o in orientations)]
    fits = [(min(a.w / poster.width, a.h / poster.height), g) for g, a in candidates]
    fit, g = max(fits, key=lambda f: f[0])
    tile = ctx.options.tile
    if not tile and poster.printed_min(fit) >= MIN_TEXT_PT:
        return [PageJob(board.name, lambda sheet: _fitted(ctx, sheet, poster), g, footer, level, key=key)]
    wanted = parse_tile(tile) if tile else None
    target = max(AUTO_BODY_PT / TYPE.body, MIN_TEXT_PT / poster.smallest)
    overlap = max(0.0, ctx.options.overlap_mm) * mm
    tiling = choose_tiling(poster, candidates, overlap, wanted, target)
    cols, rows = tiling.grid
    printed = poster.printed_min(tiling.scale)
    if printed < MIN_TEXT_PT - 1e-9:
        advice = (
            "use more sheets, a bigger --page-size or --tile auto"
            if wanted
            else f"even {MAX_AUTO_SHEETS} sheets are too few: move its elements closer together "
            "or use a bigger --page-size"
        )
        raise ExportError(
            f"board {board.name!r} on {cols}×{rows} sheets would print text at {printed:.1f} pt "
            f"(under {MIN_TEXT_PT:g} pt): {advice}"
        )
    if (cols, rows) == (1, 1):
        return [
            PageJob(board.name, lambda sheet: _fitted(ctx, sheet, poster), tiling.g, footer, level, key=key)
        ]
    out = _tile_jobs(ctx, poster, tiling, footer, key, level)
    left_out = ""
    if len(out) < cols * rows:
        left_out = (
            f", {cols * rows - len(out)} blank sheet{'s' if cols * rows - len(out) > 1 else ''} left out"
        )
    if not tile:
        ctx.warnings.append(
            f"board {board.name!r} does not fit one {ctx.options.page_size} sheet legibly "
            f"(its text would print at {poster.printed_min(fit):.1f} pt): it continues across "
            f"{len(out)} sheets ({cols}×{rows}{left_out}); use a bigger --page-size for one sheet"
        )
    elif left_out:
        ctx.warnings.append(f"board {board.name!r} on {cols}×{rows} sheets: {left_out[2:]}")
    return out


def blank_tiles(poster: BoardPoster, tiling: Tiling) -> set[tuple[int, int]]:
    """The (column, row) of every sheet of the grid that would show nothing of the board."""
    area, overlap, s = tiling.area, tiling.overlap, tiling.scale
    ox, oy = tiling.offset(poster)
    ink = [Rect(ox + r.x * s, oy + r.y * s, r.w * s, r.h * s) for r in poster.ink]
    cols, rows = tiling.grid
    return {
        (col, row)
        for row in range(rows)
        for col in range(cols)
        if not any(
            Rect(col * (area.w - overlap), row * (area.h - overlap), area.w, area.h).intersects(r)
            for r in ink
        )
    }


def _tile_jobs(
    ctx: Ctx, poster: BoardPoster, tiling: Tiling, footer: str, key: str, level: int
) -> list[PageJob]:
    """One job per sheet of the grid that shows part of the board (blank sheets are left out)."""
    offset = tiling.offset(poster)
    blank = blank_tiles(poster, tiling)
    targets = registration_targets(poster, tiling, cover=True)
    name = poster.board.name

    def paint(pen: Pen) -> None:
        draw_poster(ctx, pen, poster)

    cols, rows = tiling.grid
    out: list[PageJob] = []
    for row in range(rows):
        for col in range(cols):
            if (col, row) in blank:
                continue

            def draw(sheet: Sheet, at: tuple[int, int] = (col, row)) -> None:
                draw_tile(sheet, name, poster, key, paint, tiling, at, offset, targets)

            first = not out
            title = name if first else f"{name} (row {row + 1}, column {col + 1})"
            out.append(
                PageJob(
                    title,
                    draw,
                    tiling.g,
                    footer,
                    level if first else None,
                    key=key if first else f"{key}-{row}-{col}",
                )
            )
    return out


def _fitted(ctx: Ctx, sheet: Sheet, poster: BoardPoster) -> None:
    """The whole picture on one sheet, as big as the area above the footer allows."""
    area: Rect = sheet.content
    scale = min(area.w / poster.width, area.h / poster.height)
    x = area.x + (area.w - poster.width * scale) / 2
    draw_poster(ctx, sheet.pen.at(x, area.y, scale), poster)


def _empty(sheet: Sheet, board: Board) -> None:
    area: Rect = sheet.content
    k = sheet.geometry.type_scale()
    sheet.pen.label(area.x, area.y, board.name, 15 * k, TEXT, "bold", area.w)
    sheet.pen.label(area.x, area.y + 22 * k, "This board is empty.", 11 * k, MUTED, width=area.w)


def _rects(ctx: Ctx, board: Board) -> dict[str, Rect]:
    """Element rects as the canvas shows them: journey maps at their layout's natural size."""
    out = {}
    for e in board.elements:
        if isinstance(e, JourneyMapElement) and (j := ctx.project.journey(e.map_id)) is not None:
            out[e.id] = Rect(e.x, e.y, *layout_journey(j, ctx.project.settings.emotion_scale, ctx.text).size)
        else:
            out[e.id] = Rect(e.x, e.y, e.w, e.h)
    return out


def draw_board(ctx: Ctx, pen: Pen, board: Board, rects: dict[str, Rect]) -> None:
    """Every element at its place on the board (`pen` in board px), connectors underneath."""
    for c in sorted((e for e in board.elements if isinstance(e, Connector)), key=lambda e: e.z):
        _connector(ctx, pen, c, rects)
    for e in sorted((e for e in board.elements if not isinstance(e, Connector)), key=lambda e: e.z):
        r = rects[e.id]
        sub = pen.at(r.x, r.y, 1.0)
        if isinstance(e, PersonaCard):
            persona = ctx.project.persona(e.persona_id)
            if persona is None:
                sub.rect(Rect(0, 0, r.w, r.h), "#FFFFFF", "#D0D7DE", 0.6, radius=8)
                sub.label(16, 16, "Missing persona", TYPE.body, "#C62828")
                continue
            boxes = layout_card(
                persona, e.layout, e.sections, r.w, ctx.text, h=r.h, sources=ctx.project.sources
            )
            draw_card(ctx, sub, persona, boxes)
        elif isinstance(e, NoteElement):
            fill = NOTE_FILL[e.color]
            sub.rect(Rect(0, 0, r.w, r.h), fill, mix(fill, "#000000", 0.12), 0.5)
            sub.text(Rect(10, 8, r.w - 20, r.h - 16), e.text, TYPE.body, TEXT, min_size=TYPE.caption)
        elif isinstance(e, TextElement):
            sub.text(
                Rect(0, 0, r.w, r.h),
                e.text,
                e.size,
                TEXT,
                "bold" if e.bold else "regular",
                min_size=e.size * 0.7,
            )
        elif isinstance(e, ImageElement):
            asset = ctx.project.asset(e.asset_id)
            if not (asset and sub.image(Rect(0, 0, r.w, r.h), asset.raw())):
                sub.rect(Rect(0, 0, r.w, r.h), "#F0F2F5", "#D0D7DE", 0.5, dash=(3, 2))
                sub.label(8, 8, "Image unavailable", TYPE.caption, MUTED, width=r.w - 16)
        elif isinstance(e, JourneyMapElement):
            journey = ctx.project.journey(e.map_id)
            if journey is not None:
                draw_journey(
                    ctx, sub, journey, layout_journey(journey, ctx.project.settings.emotion_scale, ctx.text)
                )
        elif isinstance(e, EmpathyMapElement):
            emap = ctx.project.empathy_map(e.map_id)
            if emap is not None:
                draw_empathy(ctx, sub, emap, layout_empathy(emap, r.w, r.h, ctx.text))


def _connector(ctx: Ctx, pen: Pen, e: Connector, rects: dict[str, Rect]) -> None:
    a, b = rects.get(e.source_id), rects.get(e.target_id)
    if a is None or b is None:
        return
    path = connector_path(a, b)
    pen.line(*path.start, *path.end, MUTED, max(0.5, 1.5 * pen.s))
    if path.head is not None:
        pen.polygon(list(path.head), MUTED)
    labelled = _label_box(ctx, e, rects)
    if labelled is not None:
        label, box = labelled
        pen.rect(box, "#F6F7F9", radius=4)
        pen.label(
            box.x,
            box.cy - pen.t.leading * TYPE.caption / 2,
            label,
            TYPE.caption,
            MUTED,
            width=box.w,
            align="center",
        )


def _label_box(ctx: Ctx, e: Connector, rects: dict[str, Rect]) -> tuple[str, Rect] | None:
    """A connector's label and its box (board px) at the middle of its line; None unlabelled."""
    a, b = rects.get(e.source_id), rects.get(e.target_id)
    label = connector_label(e, ctx.project, RELATION_LABEL)
    if a is None or b is None or not label:
        return None
    w = ctx.text.width(label, TYPE.caption) + 12
    mx, my = connector_path(a, b).mid
    return label, Rect(mx - w / 2, my - 10, w, 20)
