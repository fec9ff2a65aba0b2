"""Image bombs and broken images are refused before decoding and in bounded memory; SVG is never an
image here; and no project field is a path, so a file cannot make the app read another."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest

from personamap.io import load, loads
from personamap.io.images import image_info, make_asset
from personamap.model import Project

CHILD = textwrap.dedent(
    """
    import json, resource, sys
    from pathlib import Path
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication([])
    from personamap.canvas import images
    decoded = []  # pixels asked of each decode (a refused header must decode nothing)
    real_decode = images._decode
    def counting_decode(data, size, label):
        decoded.append(size.width() * size.height())
        return real_decode(data, size, label)
    images._decode = counting_decode
    results = {}
    for path in sys.argv[1:]:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        decoded.clear()
        try:
            asset = images.import_image(Path(path))
            outcome = f"accepted {asset.width}x{asset.height}"
        except images.ImageImportError as exc:
            outcome = f"refused: {exc}"
        grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        results[Path(path).name] = [outcome, list(decoded), grew / 1024]
    print(json.dumps(results))
    """
)


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int, height: int, rows: bytes | None = None) -> bytes:
    """A PNG claiming width×height; `rows` is its (compressed) pixel data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    if rows is None:
        rows = zlib.compress(b"\x00" * (width + 1) * height, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


SVG = b"""<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"
 xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
<image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>"""


def bomb_files() -> dict[str, bytes]:
    """Bombs and broken images by file name (benchmarks/bench_reliability.py times them)."""
    return {
        "claims_30000x30000.png": png(30000, 30000, zlib.compress(b"\x00" * 1000)),
        "real_40_megapixel_bomb.png": png(10000, 4000),  # valid, all zeros: 40 MP in a few KB
        "claims_60000_jpeg.jpg": b"\xff\xd8\xff\xc0\x00\x11\x08\xea\x60\xea\x60\x03" + b"\x00" * 64,
        "truncated.png": png(64, 64)[:60],
        "garbage_idat.png": png(64, 64, b"not zlib at all" * 10),
        "text_named_png.png": b"hello, I am not an image",
        "svg_with_file_ref.svg": SVG,
        "svg_named_png.png": SVG,
        "empty.png": b"",
    }


def test_bombs_and_broken_images_are_refused_before_decoding_in_bounded_memory(tmp_path: Path) -> None:
    files = bomb_files()
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *(str(tmp_path / n) for n in files)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    results = json.loads(done.stdout.strip().splitlines()[-1])
    print("\nimage                         outcome / pixels asked of each decode / peak MB grown")
    for name, (outcome, decodes, grew_mb) in results.items():
        print(f"{name:30} {outcome[:60]:60} {decodes!s:11} {grew_mb:7.1f} MB")
        assert grew_mb < 200, name
        if name != "real_40_megapixel_bomb.png":
            assert outcome.startswith("refused: "), (name, outcome)
    # the work done, not the seconds (those are in benchmarks/bench_reliability.py): a header
    # that claims too much, or is not an image, is refused before anything decodes ...
    header_refused = ["claims_30000x30000.png", "claims_60000_jpeg.jpg", "text_named_png.png", "empty.png"]
    for name in (*header_refused, "svg_with_file_ref.svg", "svg_named_png.png"):
        assert results[name][1] == [], name
    # ... a broken body fails inside one decode of its (small) declared size ...
    for name in ("truncated.png", "garbage_idat.png"):
        assert results[name][1] == [64 * 64], name
    # ... and the 40-megapixel image is decoded once, asked for the board size only
    assert results["real_40_megapixel_bomb.png"][1] == [2048 * 819]
    # at the 40-megapixel limit a real image is accepted, downscaled to the board size
    assert results["real_40_megapixel_bomb.png"][0].startswith("accepted 2048x")
    assert "not a PNG, JPEG or WebP" in results["svg_with_file_ref.svg"][0]


def test_svg_is_never_an_image() -> None:
    with pytest.raises(ValueError, match="not a PNG, JPEG or WebP image"):
        image_info(SVG)
    with pytest.raises(ValueError, match="not a PNG, JPEG or WebP image"):
        make_asset(SVG, "logo.svg")


def test_a_file_cannot_declare_an_svg_asset(tmp_path: Path) -> None:
    from personamap.io import dumps

    data = json.loads(dumps(Project(title="x")))
    data["assets"] = [
        {
            "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
            "name": "logo",
            "media_type": "image/svg+xml",
            "width": 10,
            "height": 10,
            "data": "PHN2Zy8+",
        }
    ]
    with pytest.raises(Exception) as info:
        loads(json.dumps(data))
    assert "assets[0].media_type" in str(info.value)


PATHLIKE = {"path", "file", "filename", "file_path", "src", "href", "uri", "folder", "dir", "directory"}


def _field_names(schema: dict) -> set[str]:
    names: set[str] = set()
    for definition in [schema, *schema.get("$defs", {}).values()]:
        names |= set(definition.get("properties", {}))
    return names


def test_no_field_names_a_file_so_a_file_cannot_make_the_app_read_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Images are embedded (base64 in `assets[].data`); links are kept as text, never opened."""
    names = _field_names(Project.model_json_schema())
    assert names & PATHLIKE == set()
    assert {"data", "media_type"} <= names
    from personamap.resources import sample_path

    data = json.loads(sample_path().read_text(encoding="utf-8"))
    data["description"] = "/etc/passwd file:///etc/passwd ../../../../etc/passwd \\\\host\\share\\x"
    path = tmp_path / "paths.personamap"
    path.write_text(json.dumps(data), encoding="utf-8")
    opened: list[str] = []
    real_open = open

    def recording_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", recording_open)
    project = load(path)
    assert opened == [str(path)], "only the project file itself is read"
    assert project.description.startswith("/etc/passwd")
