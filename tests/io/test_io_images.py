"""Image headers read without decoding: type by content, declared size, and refusals that say
why (wrong type, truncated, too many pixels, too many bytes)."""

from __future__ import annotations

import random
import struct
from collections.abc import Callable

import pytest
from io_helpers import png_bytes

from personamap.io import MAX_IMAGE_PIXELS, image_info, images, make_asset


def jpeg_header(width: int, height: int, sof: int = 0xC0) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    frame = struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    sof_segment = bytes((0xFF, sof)) + struct.pack(">H", len(frame) + 2) + frame
    return b"\xff\xd8" + app0 + b"\xff\xff" + sof_segment + b"\xff\xda\x00\x08rest"


def riff(chunk: bytes, body: bytes) -> bytes:
    payload = b"WEBP" + chunk + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", len(payload)) + payload


def webp_lossy(width: int, height: int) -> bytes:
    return riff(b"VP8 ", b"\x30\x01\x00\x9d\x01\x2a" + struct.pack("<HH", width, height) + b"\x00" * 8)


def webp_lossless(width: int, height: int) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    return riff(b"VP8L", b"\x2f" + struct.pack("<I", bits) + b"\x00" * 4)


def webp_extended(width: int, height: int) -> bytes:
    return riff(
        b"VP8X", b"\x10\x00\x00\x00" + (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (png_bytes(3, 5), ("image/png", 3, 5)),
        (jpeg_header(640, 480), ("image/jpeg", 640, 480)),
        (jpeg_header(17, 9, sof=0xC2), ("image/jpeg", 17, 9)),
        (webp_lossy(320, 200), ("image/webp", 320, 200)),
        (webp_lossless(1, 16384), ("image/webp", 1, 16384)),
        (webp_extended(5000, 3), ("image/webp", 5000, 3)),
    ],
    ids=["png", "jpeg-baseline", "jpeg-progressive", "webp-vp8", "webp-vp8l", "webp-vp8x"],
)
def test_headers(data: bytes, expected: tuple[str, int, int]) -> None:
    assert image_info(data) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"GIF89a\x01\x00\x01\x00", "not a PNG, JPEG or WebP image"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a PNG, JPEG or WebP image"),
        (b"", "not a PNG, JPEG or WebP image"),
        (png_bytes()[:20], "PNG is truncated"),
        (png_bytes()[:8] + b"\x00\x00\x00\x0dIEND" + b"\x00" * 8, "does not start with an IHDR"),
        (png_bytes()[:16] + b"\x00" * 8, "empty size (0×0)"),
        (b"\xff\xd8\xff", "JPEG is truncated"),
        (b"\xff\xd8\xff\xda\x00\x08", "no frame header before its image data"),
        (jpeg_header(10, 10)[:30], "JPEG is truncated"),
        (b"\xff\xd8\xff\xe0\x00\x01", "malformed segment length"),
        (webp_lossy(10, 10)[:26], "VP8) is truncated"),
        (riff(b"VP8 ", b"\x00" * 16), "no frame start code"),
        (riff(b"VP8L", b"\x00" * 8), "no signature byte"),
        (riff(b"ALPH", b"\x00" * 8), "unknown first chunk"),
        (b"RIFF\x04\x00\x00\x00WEBP", "WebP is truncated"),
    ],
)
def test_refusals(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        image_info(data)


@pytest.mark.parametrize("make", [png_bytes, jpeg_header, webp_lossy, webp_lossless, webp_extended])
def test_truncations_and_noise_only_raise_value_error(make: Callable[[int, int], bytes]) -> None:
    good = make(40, 30)
    rng = random.Random(3)
    samples = [good[:n] for n in range(len(good))]
    for _ in range(300):
        noisy = bytearray(good)
        for _ in range(3):
            noisy[rng.randrange(len(noisy))] = rng.randrange(256)
        samples.append(bytes(noisy))
    for data in samples:
        try:
            kind, width, height = image_info(data)
        except ValueError:
            continue
        assert kind.startswith("image/") and width > 0 and height > 0


def test_make_asset_from_a_png() -> None:
    data = png_bytes(4, 3)
    asset = make_asset(data, "  photo\nof\x07 María.jpg ")
    assert (asset.media_type, asset.width, asset.height) == ("image/png", 4, 3)
    assert asset.raw() == data
    assert asset.name == "photo of María.jpg"  # the type came from the bytes, not the name


def test_make_asset_from_a_jpeg_header() -> None:
    asset = make_asset(jpeg_header(30, 20), "x.png")
    assert (asset.media_type, asset.width, asset.height) == ("image/jpeg", 30, 20)


def test_make_asset_refuses_an_image_bomb() -> None:
    bomb = png_bytes()[:16] + struct.pack(">II", 30_000, 30_000) + png_bytes()[24:]
    assert image_info(bomb) == ("image/png", 30_000, 30_000)
    with pytest.raises(ValueError, match="claims 30000×30000 pixels, more than the 40 megapixels"):
        make_asset(bomb, "bomb.png")
    assert MAX_IMAGE_PIXELS == 40_000_000


def test_make_asset_refuses_a_side_the_model_cannot_hold() -> None:
    with pytest.raises(ValueError, match="a side may be at most 20000"):
        make_asset(webp_extended(30_000, 2), "strip.webp")


def test_make_asset_refuses_too_many_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "MAX_ASSET_BYTES", 100)
    with pytest.raises(ValueError, match="an embedded image may be at most"):
        make_asset(png_bytes(20, 20), "big.png")


def test_make_asset_refuses_other_types() -> None:
    with pytest.raises(ValueError, match="not a PNG, JPEG or WebP image"):
        make_asset(b"GIF89a" + b"\x00" * 20, "anim.gif")
