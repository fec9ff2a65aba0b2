"""Images on load (issue 13, class 5): the declared size of an embedded image is checked
when a file is opened, not only when an image is imported. A 20 KB file carrying a real
12000×12000 PNG opens; the image is drawn as a placeholder (never decoded) and named in a
warning by `check`, PDF and PNG export."""

from __future__ import annotations

import copy
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest

from personamap.io import loads
from personamap.model.image_header import asset_refusal, refusal, refused_images
from personamap.model.project import Asset

SIDE = 12_000


def huge_png(side: int = SIDE) -> bytes:
    """A real, valid 1-bit greyscale PNG of side×side pixels (a few KB: all zeros)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    row = b"\x00" + bytes((side + 7) // 8)
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    idat = zlib.compress(row * side, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def with_huge_photo(golden: dict[str, Any]) -> dict[str, Any]:
    """The golden file with its first asset replaced by the huge PNG (declaring 100×100)."""
    data = copy.deepcopy(golden)
    asset = data["assets"][0]
    asset.update(
        name="giant scan", media_type="image/png", width=100, height=100, data=Asset.encode(huge_png())
    )
    return data


@pytest.fixture(scope="module")
def huge_file(tmp_path_factory) -> Path:
    golden = json.loads((Path(__file__).parent / "golden" / "schema-v1.personamap").read_text("utf-8"))
    path = tmp_path_factory.mktemp("huge") / "huge.personamap"
    path.write_text(json.dumps(with_huge_photo(golden), indent=2), encoding="utf-8")
    return path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run(
        [sys.executable, "-m", "personamap.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_a_file_with_a_huge_image_opens_and_the_image_is_refused(huge_file):
    project = loads(huge_file.read_bytes())
    asset = project.assets[0]
    assert "12000×12000" in (asset_refusal(asset) or "")
    assert refused_images(project) == [("assets[0]", refused_images(project)[0][1])]
    assert "giant scan" in refused_images(project)[0][1]


def test_an_ordinary_image_is_not_refused(golden_bytes):
    project = loads(golden_bytes)
    assert project.assets and refused_images(project) == []


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (huge_png(7_000), "megapixels"),
        (b"GIF89a" + bytes(20), "not a PNG"),
        (b"\x89PNG\r\n\x1a\n" + bytes(4), "truncated"),
    ],
)
def test_refusal_reads_the_header_only(data, words):
    assert words in (refusal(data) or "")


def test_check_names_the_refused_image_and_succeeds(huge_file):
    run = _run("check", str(huge_file))
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    warnings = [line for line in run.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "assets[0]" in warnings[0] and "giant scan" in warnings[0] and "placeholder" in warnings[0]


def test_pdf_export_draws_a_placeholder_and_warns(huge_file, tmp_path):
    out = tmp_path / "out.pdf"
    run = _run("export", str(huge_file), "--what", "personas", "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "giant scan" in run.stderr
    assert out.stat().st_size < 2_000_000  # the 144-megapixel image was not embedded


@pytest.mark.gui
def test_png_export_draws_a_placeholder_and_warns(huge_file, tmp_path):
    out = tmp_path / "out.png"
    board = json.loads(huge_file.read_text("utf-8"))["boards"][0]["name"]
    run = _run("export", str(huge_file), "--format", "png", "--what", f"board:{board}", "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "giant scan" in run.stderr
    assert out.exists()
