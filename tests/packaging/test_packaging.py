"""The desktop integration: icons, the launcher entry, AppStream metadata, the MIME type and the
per-user install script. The standard freedesktop validators judge the files; scripts/setup.sh
installs them (Debian: desktop-file-utils, appstream, libxml2-utils, shared-mime-info,
libglib2.0-bin). Without them the test is skipped on a developer's machine and fails in CI."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.personamap.personamap"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / "personamap-mime.xml"
SAMPLE = ROOT / "resources" / "sample.personamap"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICON_NAMES = ("personamap", "application-x-personamap")
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; scripts/setup.sh should have installed it")
        pytest.skip(f"{name} is not installed (run scripts/setup.sh)")
    return path


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, timeout=120)


# --- icons -----------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR, after checking the signature and the chunk's CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    body = data[16 : 16 + length]
    (crc,) = struct.unpack(">I", data[16 + length : 20 + length])
    assert crc == zlib.crc32(kind + body)
    width, height = struct.unpack(">II", body[:8])
    return width, height


@pytest.mark.parametrize("name", ICON_NAMES)
@pytest.mark.parametrize("size", SIZES)
def test_png_icons_exist_at_every_hicolor_size(name: str, size: int) -> None:
    data = (ICONS / "png" / f"{name}-{size}.png").read_bytes()
    assert png_size(data) == (size, size)
    assert data.endswith(b"IEND\xaeB`\x82")


@pytest.mark.parametrize("name", ICON_NAMES)
def test_svg_sources_are_square_xml(name: str) -> None:
    root = ET.parse(ICONS / f"{name}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


@pytest.mark.parametrize("name", ICON_NAMES)
def test_ico_holds_png_images_up_to_256(name: str) -> None:
    data = (ICONS / f"{name}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = []
    for i in range(count):
        w, h, _colors, _res, planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        w, h = w or 256, h or 256
        assert (planes, bpp) == (1, 32)
        assert png_size(data[offset : offset + length]) == (w, h)
        sizes.append(w)
    assert {16, 32, 48, 256} <= set(sizes)


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icns_elements_are_pngs_of_their_type_size(name: str) -> None:
    data = (ICONS / f"{name}.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}
    found, pos = {}, 8
    while pos < len(data):
        kind, length = struct.unpack(">4sI", data[pos : pos + 8])
        assert length > 8
        found[kind] = png_size(data[pos + 8 : pos + length])[0]
        pos += length
    assert pos == len(data)
    assert {k: found.get(k) for k in expected} == expected


def test_icon_rendering_is_deterministic(tmp_path: Path) -> None:
    """The render script gives byte-identical files twice in a row (no timestamps)."""
    script = ROOT / "packaging" / "icons" / "render_icons.py"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for out in ("a", "b"):
        result = run(sys.executable, script, "--out", tmp_path / out, env=env)
        assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) == 2 * (len(SIZES) + 2)
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


# --- desktop entry, metainfo, MIME -----------------------------------------------------------


def desktop_entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_desktop_entry_is_valid() -> None:
    result = run(tool("desktop-file-validate"), DESKTOP)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_desktop_entry_opens_project_files() -> None:
    entry = desktop_entry()
    assert entry["Exec"] == "personamap %f"
    assert entry["Icon"] == "personamap"
    assert entry["MimeType"] == "application/x-personamap;"
    assert "Office" in entry["Categories"].split(";")
    assert "persona" in entry["Keywords"].split(";")


def test_metainfo_is_valid() -> None:
    result = run(tool("appstreamcli"), "validate", "--no-net", METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]:", result.stdout, re.MULTILINE), result.stdout


def test_metainfo_matches_the_desktop_entry_and_the_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/mediatype") == "application/x-personamap"
    from personamap import __version__

    assert root.find("releases/release").get("version") == __version__
    images = [img.text for img in root.iter("image")]
    assert images, "the metainfo has no screenshots"
    for url in images:
        rel = url.split("/main/", 1)[1]
        assert rel.startswith("docs/screenshots/"), url
        path = ROOT / rel
        assert path.is_file(), f"{url} names {rel}, which is not in the repository"
        assert png_size(path.read_bytes()) == (1600, 1000)


def test_mime_xml_is_well_formed() -> None:
    result = run(tool("xmllint"), "--noout", MIME_XML)
    assert result.returncode == 0, result.stderr


def magic_matches(data: bytes) -> bool:
    """Apply the XML's string magic to `data` as shared-mime-info does (any match counts)."""
    mime = ET.parse(MIME_XML).getroot().find(f"{MIME_NS}mime-type")
    hits = []
    for match in mime.iter(f"{MIME_NS}match"):
        assert match.get("type") == "string"
        start, _, end = match.get("offset").partition(":")
        value = match.get("value").encode()
        hits.append(value in data[int(start) : int(end or start) + len(value)])
    return any(hits)


def test_mime_magic_and_glob_match_project_files() -> None:
    mime = ET.parse(MIME_XML).getroot().find(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-personamap"
    assert [g.get("pattern") for g in mime.iter(f"{MIME_NS}glob")] == ["*.personamap"]
    assert magic_matches(SAMPLE.read_bytes())
    assert magic_matches(b'{"format":"personamap","schema_version":1}')
    assert not magic_matches(b'{\n  "format": "something-else",\n  "title": "personamap"\n}')


def test_update_mime_database_accepts_the_package(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_XML, packages / f"{APP_ID}.xml")
    result = run(tool("update-mime-database"), "-V", tmp_path / "mime")
    assert result.returncode == 0, result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    assert "*.personamap" in (tmp_path / "mime" / "globs2").read_text()
    assert (tmp_path / "mime" / "application" / "x-personamap.xml").is_file()


# --- the install script -----------------------------------------------------------------------


def desktop_env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_DIRS": "/usr/share",
    }


def test_install_script_registers_and_removes_everything(tmp_path: Path) -> None:
    tool("update-mime-database")
    env = desktop_env(tmp_path)
    fake = tmp_path / "bin with space" / "personamap"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    result = run("bash", LINUX / "install.sh", "--exec", fake, env=env)
    assert result.returncode == 0, result.stderr
    share = tmp_path / "share"
    installed = share / "applications" / DESKTOP.name
    assert f'Exec="{fake}" %f' in installed.read_text().splitlines()
    for size in SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/personamap.png").is_file()
        assert (share / f"icons/hicolor/{size}x{size}/mimetypes/application-x-personamap.png").is_file()
    assert (share / "icons/hicolor/scalable/apps/personamap.svg").is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert "application/x-personamap" in (share / "mime" / "types").read_text()
    if shutil.which("desktop-file-validate"):
        check = run("desktop-file-validate", installed)
        assert check.returncode == 0, check.stdout

    if shutil.which("gio"):  # GLib reads the per-user database: by name and by content alone
        (tmp_path / "a.personamap").write_bytes(SAMPLE.read_bytes())
        (tmp_path / "no-extension").write_bytes(SAMPLE.read_bytes())
        for name in ("a.personamap", "no-extension"):
            info = run("gio", "info", "-a", "standard::content-type", tmp_path / name, env=env)
            assert "application/x-personamap" in info.stdout, (name, info.stdout, info.stderr)

    result = run("bash", LINUX / "install.sh", "--uninstall", env=env)
    assert result.returncode == 0, result.stderr
    left = [p for p in share.rglob("*") if p.is_file() and "personamap" in p.name]
    assert left == []
    assert "application/x-personamap" not in (share / "mime" / "types").read_text()


def test_install_script_refuses_unknown_options(tmp_path: Path) -> None:
    result = run("bash", LINUX / "install.sh", "--bogus", env=desktop_env(tmp_path))
    assert result.returncode == 2
    assert "unknown option" in result.stderr
