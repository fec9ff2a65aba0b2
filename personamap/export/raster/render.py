"""PNG and SVG exports, drawn by the canvas's own items in a fresh offscreen scene.

The live scene is never used: each picture gets a private `BoardScene` on a throwaway
`Document` (no undo stack of the user's is touched), with the grid off, nothing selected and
no canvas background, so what comes out is exactly the board's content.

Size. Scene units are pixels at "100 %", and 1 scene px = 1/96 inch (the CSS and Qt
convention). The picture covers the union of the elements' boxes plus `margin` scene px on
every side, so a PNG is

    pixels = round((content + 2 × margin) / 96 × dpi)        (or exactly `width` px wide)

e.g. a board whose elements span 960 × 480 px, at 150 dpi with the default 24 px (¼ in)
margin, is round(1008 / 96 × 150) × round(528 / 96 × 150) = 1575 × 825 pixels; with
`margin=0`, 1500 × 750. The DPI is written into the PNG, so print tools get the size right.
An image over `max_pixels` (default 200 megapixels) is refused before any memory is taken.
SVG uses scene px as its user units (96 per inch), with the same margin.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from PySide6.QtCore import QBuffer, QIODevice, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageWriter, QPaintDevice, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

from ... import __version__
from ...io.errors import os_reason
from ...model import Persona, Project
from ..outfile import replacing
from ..spec import ExportCancelled, ExportError
from .plan import Picture, plan_pictures
from .text import script_warnings

PX_PER_INCH = 96.0
DPI_RANGE = (72.0, 600.0)
WIDTH_RANGE = (16, 100_000)
DEFAULT_MAX_PIXELS = 200_000_000
DEFAULT_MARGIN = 24.0
PNG_QUALITY = -1
"""Qt's PNG "quality": -1 is libpng's default (zlib level 6), the smallest files for about the
same time as faster levels (measured); note `QImageWriter.setCompression` makes Qt 6 write
uncompressed PNGs, 35× bigger. The encoder, not the drawing, dominates big exports."""
FORMATS = ("png", "svg")
PREVIEW_DRAW_SCALE = 0.6
"""Previews are drawn at least this big (text shows from about 0.4) before scaling down."""


class RasterError(ExportError):
    """An impossible size or option (too many pixels, DPI out of range): a usage error."""


@dataclass(frozen=True)
class RasterOptions:
    """What to draw and how big. Give `dpi` (72–600) or `width` in pixels (wins over dpi)."""

    what: str = "all"
    dpi: float = 150.0
    width: int | None = None
    transparent: bool = False
    grayscale: bool = False
    margin: float = DEFAULT_MARGIN
    """Scene px (1/96 in) of empty border on every side."""
    max_pixels: int = DEFAULT_MAX_PIXELS
    title: str | None = None
    description: str | None = None


@dataclass
class RasterResult:
    files: list[Path] = field(default_factory=list)
    sizes: list[tuple[int, int]] = field(default_factory=list)
    """Pixels (PNG) or scene px (SVG) of each file."""
    warnings: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.files)


def ensure_app() -> QApplication:
    """The QApplication the items need; headless callers get one on the offscreen platform."""
    app = QApplication.instance()
    if app is None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["personamap"])
    return cast(QApplication, app)  # instance() is typed as QCoreApplication


# --- the offscreen scene -------------------------------------------------------------------


@contextmanager
def offscreen_scene(project: Project, picture: Picture) -> Iterator[tuple[QGraphicsScene, QRectF]]:
    """A private scene showing `picture`, and the scene rect the export covers (no margin)."""
    ensure_app()
    from ...canvas.items.base import ElementItem
    from ...canvas.scene import BoardScene
    from ...document import Document

    class ExportScene(BoardScene):
        item_cache = QGraphicsItem.CacheMode.NoCache  # vectors and text in an SVG, never pixmaps

        def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
            """Nothing: the image is cleared (white or transparent) before drawing."""

    if picture.stand_in:
        project = project.model_copy(update={"boards": [*project.boards, picture.board]})
    document = Document(project)
    scene = ExportScene(document, picture.board.id)
    scene.grid_visible = False
    scene.clearSelection()
    try:
        rect = QRectF()
        loose = QRectF()
        for item in scene.items_by_id.values():
            if isinstance(item, ElementItem):
                rect = rect.united(item.scene_content_rect())
            else:
                loose = loose.united(item.sceneBoundingRect())
        if rect.isEmpty():
            rect = loose
        if rect.isEmpty():
            raise ExportError(f"{picture.title} is empty: nothing to draw")
        yield scene, rect
    finally:
        document.changed.disconnect(scene._on_changed)
        document.replaced.disconnect(scene.rebuild)
        scene.items_by_id.clear()
        scene.clear()
        scene.deleteLater()
        document.deleteLater()


def _margin_rect(rect: QRectF, margin: float) -> QRectF:
    return rect.adjusted(-margin, -margin, margin, margin)


def check_options(options: RasterOptions) -> None:
    """Refuse a width or DPI out of range before anything is planned or written."""
    if options.width is not None:
        lo, hi = WIDTH_RANGE
        if not lo <= options.width <= hi:
            raise RasterError(f"width {options.width} px is out of range ({lo} to {hi} px)")
    else:
        lo_dpi, hi_dpi = DPI_RANGE
        if not lo_dpi <= options.dpi <= hi_dpi:
            raise RasterError(f"{options.dpi:g} dpi is out of range ({lo_dpi:g} to {hi_dpi:g})")


def pixel_size(source: QRectF, options: RasterOptions) -> tuple[int, int, float]:
    """(width, height, dpi) of the PNG for a scene rect that already includes the margin."""
    check_options(options)
    scale = options.width / source.width() if options.width is not None else options.dpi / PX_PER_INCH
    w = max(1, round(source.width() * scale))
    h = max(1, round(source.height() * scale))
    return w, h, scale * PX_PER_INCH


def check_pixels(w: int, h: int, options: RasterOptions, title: str) -> None:
    """Refuse an image over the limit, before any memory is allocated for it."""
    if w * h > options.max_pixels:
        raise RasterError(
            f"{title} would be {w} × {h} pixels ({w * h / 1e6:.0f} megapixels), over the limit of "
            f"{options.max_pixels / 1e6:.0f} megapixels: choose a lower DPI or width, "
            "or export a smaller part"
        )


def _paint(
    scene: QGraphicsScene, device: QPaintDevice, target: QRectF, source: QRectF, fill: QColor | None
) -> None:
    painter = QPainter(device)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        if fill is not None:
            painter.fillRect(target, fill)
        from ...canvas.labels import items_draw_names

        with items_draw_names():
            scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.end()


def _poster_persona(project: Project, picture: Picture) -> Persona:
    persona = project.persona(picture.poster) if picture.poster is not None else None
    if persona is None:
        raise ExportError(f"{picture.title}: the persona is no longer in the project")
    return persona


def _blank_image(w: int, h: int, options: RasterOptions, title: str) -> QImage:
    """A w × h image to paint on, checked against the pixel cap before it is allocated:
    premultiplied ARGB32 cleared to transparent, or RGB32 on white."""
    check_pixels(w, h, options, title)
    fmt = QImage.Format.Format_ARGB32_Premultiplied if options.transparent else QImage.Format.Format_RGB32
    image = QImage(w, h, fmt)
    if image.isNull():
        raise RasterError(f"{title}: not enough memory for a {w} × {h} pixel image")
    image.fill(Qt.GlobalColor.transparent if options.transparent else Qt.GlobalColor.white)
    return image


def _poster_image(
    project: Project, picture: Picture, options: RasterOptions, preview_side: int = 0
) -> QImage:
    """A persona poster at the options' DPI or width (or fitted into `preview_side` pixels)."""
    from .poster import paint_poster, poster_size

    persona = _poster_persona(project, picture)
    w_pt, h_pt = poster_size(project, persona)
    if preview_side:
        scale = preview_side / max(w_pt, h_pt)
    elif options.width is not None:
        check_options(options)
        scale = options.width / w_pt
    else:
        check_options(options)
        scale = options.dpi / 72.0
    w, h = max(1, round(w_pt * scale)), max(1, round(h_pt * scale))
    image = _blank_image(w, h, options, picture.title)
    points = round(72 / 0.0254)  # a point-sized font is one unit while painting
    image.setDotsPerMeterX(points)
    image.setDotsPerMeterY(points)
    painter = QPainter(image)
    try:
        paint_poster(project, persona, painter, scale)
    finally:
        painter.end()
    dots_per_meter = round(scale * 72 / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    if options.grayscale:
        image = _grayscale(image, options.transparent)
    return image


def render_image(project: Project, picture: Picture, options: RasterOptions) -> QImage:
    """The picture as an image (RGB32 on white, premultiplied ARGB32 when transparent)."""
    if picture.poster:
        return _poster_image(project, picture, options)
    with offscreen_scene(project, picture) as (scene, rect):
        source = _margin_rect(rect, options.margin)
        w, h, dpi = pixel_size(source, options)
        image = _blank_image(w, h, options, picture.title)
        _paint(scene, image, QRectF(0, 0, w, h), source, None)
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    if options.grayscale:
        image = _grayscale(image, options.transparent)
    return image


def preview(
    project: Project, picture: Picture, options: RasterOptions, max_side: int = 480
) -> tuple[QImage, QRectF]:
    """A small rendering for the Export dialog, and the scene rect (margin included) that the
    export covers. Drawn at readable scale (at least half size, so the items draw their text)
    and scaled down smoothly, up to a few megapixels."""
    if picture.poster:
        image = _poster_image(project, picture, options, max_side)
        return image, QRectF(0, 0, image.width(), image.height())
    with offscreen_scene(project, picture) as (scene, rect):
        source = _margin_rect(rect, options.margin)
        fit = min(max_side / source.width(), max_side / source.height())
        budget = (4e6 / (source.width() * source.height())) ** 0.5
        scale = max(fit, min(PREVIEW_DRAW_SCALE, budget))
        w, h = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent if options.transparent else Qt.GlobalColor.white)
        _paint(scene, image, QRectF(0, 0, w, h), source, None)
    if scale > fit:
        size = QSize(max(1, round(source.width() * fit)), max(1, round(source.height() * fit)))
        image = image.scaled(
            size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    if options.grayscale:
        image = _grayscale(image, True)
    return image, source


def _grayscale(image: QImage, keep_alpha: bool) -> QImage:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    if not keep_alpha:
        return gray
    out = gray.convertToFormat(QImage.Format.Format_ARGB32)
    out.setAlphaChannel(image.convertToFormat(QImage.Format.Format_Alpha8))
    out.setDotsPerMeterX(image.dotsPerMeterX())
    out.setDotsPerMeterY(image.dotsPerMeterY())
    return out


def save_png(image: QImage, path: Path, title: str, description: str) -> None:
    image.setText("Title", title)
    image.setText("Description", description)
    image.setText("Software", f"personamap {__version__}")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"png")
    writer.setQuality(PNG_QUALITY)
    if not writer.write(image):
        raise OSError(f"cannot encode {path.name} as PNG: {writer.errorString()}")
    # Written by Python, not by Qt: QImageWriter says "Unknown error" on a full disk, where
    # the OS error says what happened (errno ENOSPC: "the disk is full").
    try:
        with open(path, "wb") as file:
            file.write(buffer.data().data())
    except OSError as exc:
        raise OSError(exc.errno, os_reason(exc)) from None


def write_svg(
    project: Project, picture: Picture, options: RasterOptions, path: Path, title: str
) -> tuple[int, int]:
    """An SVG in scene px (96 per inch) with its title and description; text stays text."""
    if picture.poster:
        return _poster_svg(project, picture, options, path, title)
    with offscreen_scene(project, picture) as (scene, rect):
        source = _margin_rect(rect, options.margin)
        w, h = max(1, round(source.width())), max(1, round(source.height()))
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(w, h))
        generator.setViewBox(QRectF(0, 0, w, h))
        generator.setResolution(round(PX_PER_INCH))
        generator.setTitle(title)
        generator.setDescription(_description(project, picture, options))
        fill = None if options.transparent else QColor("#FFFFFF")
        _paint(scene, generator, QRectF(0, 0, w, h), source, fill)
    return w, h


def _poster_svg(
    project: Project, picture: Picture, options: RasterOptions, path: Path, title: str
) -> tuple[int, int]:
    from .poster import paint_poster, poster_size

    persona = _poster_persona(project, picture)
    w_pt, h_pt = poster_size(project, persona)
    px = PX_PER_INCH / 72.0
    w, h = max(1, round(w_pt * px)), max(1, round(h_pt * px))
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(w, h))
    generator.setViewBox(QRectF(0, 0, w, h))
    generator.setResolution(72)  # a point-sized font is one unit; the painter scales to px
    generator.setTitle(title)
    generator.setDescription(_description(project, picture, options))
    painter = QPainter(generator)
    try:
        if not options.transparent:
            painter.fillRect(QRectF(0, 0, w, h), QColor("#FFFFFF"))
        paint_poster(project, persona, painter, px)
    finally:
        painter.end()
    return w, h


def _description(project: Project, picture: Picture, options: RasterOptions) -> str:
    return (
        options.description or f"{picture.title} from {project.title}, exported by personamap {__version__}"
    )


# --- files ---------------------------------------------------------------------------------


def output_paths(out: Path, pictures: list[Picture], ext: str) -> list[Path]:
    """Where each picture goes: `out` itself when it names a file and there is one picture;
    out/KEY.ext when `out` is a folder or has no suffix (the folder is created when written).
    Several pictures and a file name: a usage error (RasterError), so `--out b.png` never
    turns into b-board-personas.png and friends."""
    if out.is_dir() or not out.suffix:
        return [out / f"{p.key}.{ext}" for p in pictures]
    if len(pictures) == 1:
        return [out]
    raise RasterError(
        f"this selection makes {len(pictures)} pictures; --out {out} names one file: "
        f"give a folder instead (e.g. --out {out.with_suffix('')})"
    )


def export_raster(
    project: Project,
    out: str | Path,
    options: RasterOptions | None = None,
    fmt: str = "png",
    *,
    pictures: list[Picture] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
) -> RasterResult:
    """Write each picture of `options.what` (or the given `pictures`) as PNG or SVG.

    Files are written next to their target and moved into place when complete; a failure or a
    cancel removes every file this call has written, so nothing half-done is left behind."""
    options = options or RasterOptions()
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise RasterError(f"unknown raster format {fmt!r} (use png or svg)")
    check_options(options)
    pictures = pictures if pictures is not None else plan_pictures(project, options.what)
    cancelled = cancel.is_set if isinstance(cancel, threading.Event) else cancel
    paths = output_paths(Path(out), pictures, fmt)
    if paths[0].parent == Path(out) and not Path(out).exists():
        Path(out).mkdir()  # a folder for several pictures; its parent must exist
    result = RasterResult(warnings=script_warnings(project, pictures))
    if fmt == "svg" and options.grayscale:
        result.warnings.append("grayscale is not applied to SVG (it keeps the colours)")
    try:
        for number, (picture, path) in enumerate(zip(pictures, paths, strict=True), 1):
            if cancelled is not None and cancelled():
                raise ExportCancelled("export cancelled")
            size = _write_one(project, picture, options, fmt, path, len(pictures))
            result.files.append(path)
            result.sizes.append(size)
            if progress is not None:
                progress(number, len(pictures))
    except BaseException:
        for path in result.files:
            path.unlink(missing_ok=True)
        raise
    return result


def _write_one(
    project: Project, picture: Picture, options: RasterOptions, fmt: str, path: Path, count: int
) -> tuple[int, int]:
    title = options.title if options.title and count == 1 else f"{project.title} — {picture.title}"
    with replacing(path, f".{fmt}") as tmp:
        if fmt == "svg":
            size = write_svg(project, picture, options, tmp, title)
        else:
            image = render_image(project, picture, options)
            save_png(image, tmp, title, _description(project, picture, options))
            size = (image.width(), image.height())
    return size
