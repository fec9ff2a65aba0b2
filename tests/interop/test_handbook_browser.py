"""The handbook in a real browser (Debian's chromium, headless, through chromedriver): at a
phone's and a desktop's width it draws something, shows every name, fits the phone without a
sideways page scroll, follows the dark scheme, prints a page per persona, and asks the network
for nothing. Skipped only where chromium or its driver is missing (scripts/setup.sh installs
both)."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from headless_chromium import needs_chromium, start_chromium
from share_helpers import SCRIPT, hostile_project

from personamap.interop.handbook import export_handbook
from personamap.interop.handbook_css import STEP_W
from personamap.io import load
from personamap.model.layout.card_sections import initials
from personamap.resources import sample_path
from personamap.style import DARK, LIGHT

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    driver = start_chromium(
        # any host name resolves nowhere: a request would fail, and still be logged below
        "--host-resolver-rules=MAP * ~NOTFOUND",
    )
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, path: Path, width: int, height: int) -> None:
    browser.set_window_size(width, height)
    browser.get_log("performance")  # drop what came before
    browser.get(path.as_uri())


def _requests(browser: Any) -> list[str]:
    """Every URL the page asked for, from the DevTools network log (data: URIs, read from the
    page itself, included)."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _colours(png: bytes) -> int:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return len(image.convert("RGB").getcolors(maxcolors=1 << 20) or [])


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    project = load(sample_path())
    path = tmp_path_factory.mktemp("handbook") / "handbook.html"
    path.write_text(export_handbook(project, today=dt.date(2026, 12, 7)), encoding="utf-8")
    return path, project


@pytest.mark.parametrize(("width", "height"), [(360, 780), (1280, 900)])
def test_the_sample_reads_in_a_real_browser_and_loads_nothing(
    browser: Any, sample_file: tuple[Path, Any], width: int, height: int
) -> None:
    path, project = sample_file
    _open(browser, path, width, height)
    assert _colours(browser.get_screenshot_as_png()) > 50  # text, faces and colours, not a blank page
    text = browser.find_element("tag name", "body").text
    for name in [p.name for p in project.personas] + [j.title for j in project.journeys]:
        assert name in text
    assert _requests(browser) == [path.as_uri()]
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    page_width = browser.execute_script("return document.documentElement.scrollWidth")
    assert page_width <= browser.execute_script("return window.innerWidth")  # maps scroll in their box
    boxes = browser.find_elements("css selector", ".map-scroll")
    assert len(boxes) == len(project.journeys)
    assert all(b.size["width"] <= width for b in boxes)


def test_the_journey_curves_line_up_with_their_steps(browser: Any, sample_file: tuple[Path, Any]) -> None:
    path, _ = sample_file
    _open(browser, path, 1280, 900)
    table = browser.find_elements("css selector", "table.map")[0]
    heads = table.find_elements("css selector", "thead tr:last-child th.stepname")[1:]
    svg = table.find_element("css selector", "svg")
    left = svg.location["x"]
    for k, head in enumerate(heads):
        centre = head.location["x"] + head.size["width"] / 2
        assert abs(centre - left - (k + 0.5) * STEP_W) <= 2


def test_the_dark_scheme_uses_the_dark_theme(browser: Any, sample_file: tuple[Path, Any]) -> None:
    path, _ = sample_file
    _open(browser, path, 1280, 900)
    background = "return getComputedStyle(document.body).backgroundColor"
    assert browser.execute_script(background) == _rgb(LIGHT.canvas)
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}
    )
    try:
        assert browser.execute_script(background) == _rgb(DARK.canvas)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_printing_starts_each_persona_and_journey_on_a_new_page(
    browser: Any, sample_file: tuple[Path, Any]
) -> None:
    from pypdf import PdfReader

    path, project = sample_file
    _open(browser, path, 1280, 900)
    pdf = PdfReader(io.BytesIO(base64.b64decode(browser.print_page())))
    pages = [unicodedata.normalize("NFKC", page.extract_text() or "") for page in pdf.pages]
    landscape = [page.mediabox.width > page.mediabox.height for page in pdf.pages]
    firsts = []
    for persona in project.personas:  # its tagline shows once, under its name at the top of a page
        (first,) = [k for k, text in enumerate(pages) if persona.tagline in text]
        lines = pages[first].removeprefix("Personas\n").splitlines()
        assert lines[:2] == [initials(persona.name), persona.name] and not landscape[first]
        firsts.append(first)
    assert firsts == sorted(set(firsts))
    for journey in project.journeys:  # a landscape page opens with the title
        assert any(
            wide and text.removeprefix("Journeys\n").startswith(journey.title)
            for text, wide in zip(pages, landscape, strict=True)
        )


def test_hostile_text_runs_nothing_in_the_browser(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(export_handbook(hostile_project()), encoding="utf-8")
    _open(browser, path, 1280, 900)
    assert SCRIPT in browser.find_element("tag name", "body").text
    assert browser.execute_script("return document.scripts.length") == 0
    assert browser.execute_script("return document.images.length") == 0
    first, *rest = _requests(browser)
    assert first == path.as_uri()
    assert rest and all(url.startswith("data:image/png;base64,") for url in rest)  # the photo


def _rgb(color: str) -> str:
    r, g, b = (int(color[k : k + 2], 16) for k in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"
