"""Helpers for the io tests: the golden folder, tiny real images, and a JSON writer that can
repeat keys (the standard library cannot write a duplicate key)."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).parent / "golden"


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A real RGB PNG, built with zlib and struct (pixels in a small gradient)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(
        b"\x00" + b"".join(bytes((x * 60 % 256, y * 90 % 256, 200)) for x in range(width))
        for y in range(height)
    )
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )


class Obj(list):
    """A JSON object as a list of (key, value) pairs, so a key can appear twice."""


def pairs(value: Any) -> Any:
    """Plain JSON data -> the same with every object as an Obj."""
    if isinstance(value, dict):
        return Obj((k, pairs(v)) for k, v in value.items())
    if isinstance(value, list):
        return [pairs(v) for v in value]
    return value


def write_json(value: Any) -> str:
    """Serialise data in which objects may be Obj (pairs, possibly repeated)."""
    if isinstance(value, Obj):
        return "{" + ", ".join(f"{json.dumps(k)}: {write_json(v)}" for k, v in value) + "}"
    if isinstance(value, dict):
        return write_json(pairs(value))
    if isinstance(value, list):
        return "[" + ", ".join(write_json(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
