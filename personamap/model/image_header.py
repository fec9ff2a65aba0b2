"""What an embedded image is and how big it claims to be, read from its header only, before
anything decodes it: a 109 KB PNG can claim 30000×30000 pixels, and decoding it takes
gigabytes. Used when an image is imported, and again for every image of a file that is
opened (an image refused then is drawn as a placeholder and named in a warning).

No Qt: the canvas, the PDF export and the CLI all ask the same question here."""

import base64
import binascii
import struct
from functools import lru_cache
from typing import Any

MAX_IMAGE_PIXELS = 40_000_000
"""Images claiming more pixels than this are refused (a 40 MP photo decodes to 160 MB)."""

MAX_SIDE = 20_000
"""The largest width or height an Asset may have (the model's bound)."""

_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def image_info(data: bytes) -> tuple[str, int, int]:
    """(media type, width, height) of a PNG, JPEG or WebP image, read from its header only.

    Raises ValueError with the reason for anything else, or for a truncated header.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ("image/png", *_png_size(data))
    if data.startswith(b"\xff\xd8\xff"):
        return ("image/jpeg", *_jpeg_size(data))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ("image/webp", *_webp_size(data))
    raise ValueError("not a PNG, JPEG or WebP image")


def _positive(kind: str, width: int, height: int) -> tuple[int, int]:
    if width <= 0 or height <= 0:
        raise ValueError(f"{kind} header gives an empty size ({width}×{height})")
    return width, height


def _png_size(data: bytes) -> tuple[int, int]:
    if len(data) < 24:
        raise ValueError("PNG is truncated before its IHDR header")
    if data[12:16] != b"IHDR":
        raise ValueError("PNG does not start with an IHDR header")
    width, height = struct.unpack(">II", data[16:24])
    return _positive("PNG", width, height)


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Walk the marker segments up to the first start-of-frame (SOFn) marker."""
    i = 2
    while True:
        while i < len(data) and data[i] == 0xFF:  # markers may be padded with fill bytes
            i += 1
        if i >= len(data):
            raise ValueError("JPEG is truncated before its frame header")
        marker = data[i]
        i += 1
        if marker in _JPEG_STANDALONE:
            continue
        if marker in (0xD9, 0xDA):
            raise ValueError("JPEG has no frame header before its image data")
        if i + 2 > len(data):
            raise ValueError("JPEG is truncated in a segment header")
        (length,) = struct.unpack(">H", data[i : i + 2])
        if length < 2:
            raise ValueError("JPEG has a malformed segment length")
        if marker in _JPEG_SOF:
            if i + 7 > len(data) or length < 7:
                raise ValueError("JPEG is truncated in its frame header")
            height, width = struct.unpack(">HH", data[i + 3 : i + 7])
            return _positive("JPEG", width, height)
        i += length
        if i > len(data):
            raise ValueError("JPEG is truncated before its frame header")


def _webp_size(data: bytes) -> tuple[int, int]:
    chunk = data[12:16]
    if chunk == b"VP8 ":
        if len(data) < 30:
            raise ValueError("WebP (VP8) is truncated before its frame header")
        if data[23:26] != b"\x9d\x01\x2a":
            raise ValueError("WebP (VP8) has no frame start code")
        width, height = struct.unpack("<HH", data[26:30])
        return _positive("WebP", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L":
        if len(data) < 25:
            raise ValueError("WebP (VP8L) is truncated before its header")
        if data[20] != 0x2F:
            raise ValueError("WebP (VP8L) has no signature byte")
        (bits,) = struct.unpack("<I", data[21:25])
        return _positive("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X":
        if len(data) < 30:
            raise ValueError("WebP (VP8X) is truncated before its canvas size")
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return _positive("WebP", width, height)
    if len(data) < 16:
        raise ValueError("WebP is truncated before its first chunk")
    raise ValueError(f"WebP has an unknown first chunk {chunk!r}")


def check_size(width: int, height: int) -> None:
    """Refuse an image whose declared size is too large to decode safely or to keep."""
    if width * height > MAX_IMAGE_PIXELS:
        raise ValueError(
            f"the image claims {width}×{height} pixels, more than the "
            f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels accepted"
        )
    if max(width, height) > MAX_SIDE:
        raise ValueError(f"the image is {width}×{height} pixels; a side may be at most {MAX_SIDE}")


def refusal(data: bytes) -> str | None:
    """Why image bytes must not be decoded (unreadable header, too many pixels), or None."""
    try:
        _media_type, width, height = image_info(data)
        check_size(width, height)
    except ValueError as exc:
        return str(exc)
    return None


@lru_cache(maxsize=256)
def _refusal_of_text(data: str) -> str | None:
    """Cached by the base64 text itself (a str caches its hash: later calls cost nothing)."""
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return "is not valid base64"
    return refusal(raw)


def asset_refusal(asset: Any) -> str | None:
    """Why an embedded image (an Asset) is not shown, or None when it may be decoded."""
    return _refusal_of_text(asset.data)


def refused_images(project: Any) -> list[tuple[str, str]]:
    """(place, message) for each embedded image of a project that is not shown, naming it."""
    found = []
    for i, asset in enumerate(project.assets):
        reason = asset_refusal(asset)
        if reason is not None:
            name = asset.name or asset.id
            found.append((f"assets[{i}]", f"image “{name}” is not shown (a placeholder stands in): {reason}"))
    return found
