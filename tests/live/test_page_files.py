"""The participant page's files as committed (scripts/build_live_page.py builds the bundle): they
load nothing from elsewhere, run nothing inline (the host's CSP allows no inline script or
style), never parse text as HTML, and the licences of everything bundled ship beside them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from personamap.live.web import page_file

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "resources" / "live"
LOCK = ROOT / "scripts" / "live-page" / "package-lock.json"
URL = re.compile(r"\b(?:https?|wss?)://[^\s'\"`)]+")
"""An address with a host in it: the page's own "ws://" + location.host is not one."""
KNOWN_URLS = {"https://github.com/yjs/yjs/issues/438"}
"""In yjs's console warning about loading yjs twice: text for a developer, never fetched."""


def _served() -> list[Path]:
    return [PAGE / "index.html", PAGE / "live.css", PAGE / "live.js", *sorted((PAGE / "src").glob("*.js"))]


def test_the_page_reaches_for_no_other_address() -> None:
    found = {path.name: set(URL.findall(path.read_text(encoding="utf-8"))) for path in _served()}
    assert {name: urls - KNOWN_URLS for name, urls in found.items() if urls - KNOWN_URLS} == {}


def test_the_page_has_no_inline_script_or_style() -> None:
    html = (PAGE / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.DOTALL) == [""]
    assert '<script src="/session/live.js" defer></script>' in html
    assert re.search(r"<style|\sstyle=|\son[a-z]+=|javascript:", html, re.IGNORECASE) is None
    assert '<link rel="stylesheet" href="/session/live.css">' in html


def test_user_text_never_goes_in_as_html() -> None:
    for source in sorted((PAGE / "src").glob("*.js")):
        text = source.read_text(encoding="utf-8")
        html_sinks = r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\("
        assert re.search(html_sinks, text) is None, source


def test_the_host_serves_the_committed_files() -> None:
    for subpath, name in (("", "index.html"), ("/live.js", "live.js"), ("/live.css", "live.css")):
        found = page_file(subpath)
        assert found is not None and found[1] == (PAGE / name).read_bytes()


def test_the_bundle_ships_the_licence_of_each_package_in_it() -> None:
    lock = json.loads(LOCK.read_text(encoding="utf-8"))["packages"]
    locked = {path.removeprefix("node_modules/"): entry for path, entry in lock.items() if path}
    licences = (PAGE / "THIRD-PARTY-LICENSES.txt").read_text(encoding="utf-8")
    heads = re.findall(r"^={78}\n(\S+) (\S+) \((\S+)\)\n={78}$", licences, re.MULTILINE)
    assert {"yjs", "y-websocket", "y-protocols", "lib0"} <= {name for name, _, _ in heads}
    for name, version, licence in heads:
        assert (version, licence) == (locked[name]["version"], "MIT") and not locked[name].get("dev")
    assert licences.count("Permission is hereby granted, free of charge") == len(heads)
    bundle = (PAGE / "live.js").read_text(encoding="utf-8")
    assert bundle.startswith("/* personamap live page:")
    assert "THIRD-PARTY-LICENSES.txt" in bundle.splitlines()[0]
