"""Render the personamap icons from their SVG sources: PNGs for every hicolor size, plus .ico
(Windows) and .icns (macOS) files that embed those PNGs.

Run from the repository root after editing an SVG in resources/icons/:

    .venv/bin/python packaging/icons/render_icons.py

Why this way: Qt's own SVG renderer (PySide6.QtSvg, already a dependency) draws the icons, so
no Inkscape or Pillow is needed; the PNG, ICO and ICNS containers are written here in plain
Python, with no timestamps or other metadata, so two runs give byte-identical files.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
SOURCES = ("personamap", "application-x-personamap")
"""The application icon and the file-type icon (freedesktop names: the MIME type with '-')."""
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
"""The sizes of the freedesktop hicolor theme; install.sh copies each to hicolor/NxN/."""
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = (
    # (OSType, pixel size): PNG-carrying element types, as Apple's iconutil writes them.
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512x512@2x
    (b"ic11", 32),  # 16x16@2x
    (b"ic12", 64),  # 32x32@2x
    (b"ic13", 256),  # 128x128@2x
    (b"ic14", 512),  # 256x256@2x
)


def render_rgba(svg: Path, size: int) -> bytes:
    """The SVG drawn into a size x size square, as straight (not premultiplied) RGBA rows."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    stride = rgba.bytesPerLine()
    raw = bytes(rgba.constBits())
    return b"".join(raw[y * stride : y * stride + size * 4] for y in range(size))


def encode_png(rgba: bytes, width: int, height: int) -> bytes:
    """A minimal PNG (IHDR, one IDAT, IEND; 8-bit RGBA, no filter) with nothing time-dependent."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = width * 4
    scanlines = b"".join(b"\x00" + rgba[y * row : (y + 1) * row] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(scanlines, 9))
        + chunk(b"IEND", b"")
    )


def encode_ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose images are PNGs (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def encode_icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns with one PNG element per type in ICNS_TYPES."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_all(out_dir: Path) -> list[Path]:
    """Write every PNG, ICO and ICNS for both sources into `out_dir`; returns the files written."""
    png_dir = out_dir / "png"
    png_dir.mkdir(parents=True, exist_ok=True)
    written = []
    needed = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    for name in SOURCES:
        svg = ICONS / f"{name}.svg"
        pngs = {size: encode_png(render_rgba(svg, size), size, size) for size in needed}
        for size in PNG_SIZES:
            written.append(_write(png_dir / f"{name}-{size}.png", pngs[size]))
        written.append(_write(out_dir / f"{name}.ico", encode_ico({s: pngs[s] for s in ICO_SIZES})))
        written.append(_write(out_dir / f"{name}.icns", encode_icns(pngs)))
    return written


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS, help="output folder (default: resources/icons)")
    args = parser.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # drawing into images needs no display
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs one
    for path in render_all(args.out):
        print(path.relative_to(args.out) if path.is_relative_to(args.out) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
