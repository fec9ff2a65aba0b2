"""The HTML handbook, read with html.parser: every persona and journey, user text as text, nothing
loaded from anywhere, photos inline, curves where the scores say. The real browser's view is in
test_handbook_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from share_helpers import HOSTILE, Page, hostile_project

from personamap.cli import main
from personamap.interop.handbook import export_handbook, journey_anchor, persona_anchor
from personamap.interop.handbook_css import STEP_W
from personamap.interop.selection import Selection
from personamap.io import load
from personamap.resources import sample_path
from personamap.style import DARK, LIGHT


def test_every_persona_and_journey_has_its_section_and_a_contents_link() -> None:
    project = load(sample_path())
    page = Page(export_handbook(project))
    ids = {a["id"] for _, a in page.tags if "id" in a}
    links = {a["href"] for a in page.named("a")}
    for persona in project.personas:
        assert persona.name in page.text
        assert persona_anchor(persona) in ids and f"#{persona_anchor(persona)}" in links
        assert all(goal.text in page.text for goal in persona.goals)
    for journey in project.journeys:
        assert journey.title in page.text
        assert journey_anchor(journey) in ids and f"#{journey_anchor(journey)}" in links
        assert all(note.text.split("\n")[0] in page.text for note in journey.notes)
    assert all(href[1:] in ids for href in links)  # no link leads nowhere


def test_hostile_text_stays_text() -> None:
    page = Page(export_handbook(hostile_project()))
    assert page.named("script") == []
    assert page.named("img") == [] and page.named("svg") == [page.named("svg")[0]]
    assert not [(t, k) for t, attrs in page.tags for k in attrs if k.startswith("on")]
    for text in HOSTILE:
        assert text in page.text
    assert '"><svg onload=alert(1)>' in page.text


def test_nothing_is_loaded_from_the_network_or_another_file() -> None:
    html = export_handbook(hostile_project())
    page = Page(html)
    assert page.named("link") == [] and page.named("iframe") == [] and page.named("object") == []
    for tag, attrs in page.tags:
        for key in ("src", "srcset", "data", "poster", "xlink:href", "action"):
            if key in attrs:
                assert attrs[key].startswith("data:image/"), (tag, key, attrs[key][:40])
        if "href" in attrs:
            assert attrs["href"].startswith("#"), (tag, attrs["href"])
    style = html[html.index("<style>") : html.index("</style>")]
    assert re.findall(r"url\((.{16})", style) == ['"data:image/png;'] and "@import" not in style
    assert "@font-face" not in style
    csp = next(a["content"] for a in page.named("meta") if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "img-src data:" in csp


def test_the_photo_is_inline_once_and_a_persona_without_one_shows_initials() -> None:
    project = hostile_project()
    html = export_handbook(project)
    ann = project.personas[0]
    assert html.count(project.assets[0].data) == 1
    assert f'.photo-{ann.id}{{background:center/cover no-repeat url("data:image/png;base64,' in html
    faces = [a for a in Page(html).named("span") if f"photo-{ann.id}" in a.get("class", "")]
    assert len(faces) == 3 and faces[0]["aria-label"] == f"Photo of {ann.name}"  # cover, contents, page
    assert "BR" in Page(html).text  # "Bo left | right": first and last letters


def test_each_score_is_a_marker_under_its_step_higher_for_a_better_score() -> None:
    project = hostile_project()
    journey = project.journeys[0]
    steps = [s.id for s in journey.steps()]
    page = Page(export_handbook(project))
    (svg,) = page.named("svg")
    assert svg["width"] == str(STEP_W * len(steps))
    markers = page.named("circle")
    assert len(markers) == len(journey.emotions)
    ann = [m for m in markers if m.get("fill") == project.personas[0].color]
    xs = [float(m["cx"]) for m in ann]
    assert xs == [STEP_W * (k + 0.5) for k in range(3)]
    ys = [float(m["cy"]) for m in ann]  # scores +2, −2, +1
    assert ys[0] < ys[2] < ys[1]
    assert len(page.named("path")) == 1  # Ann's run; Bo and the journey have one point each


def test_themes_come_from_the_app_palette_with_dark_and_print_rules() -> None:
    html = export_handbook(hostile_project())
    assert f"--canvas:{LIGHT.canvas}" in html and f"--canvas:{DARK.canvas}" in html
    assert re.search(r"@media \(prefers-color-scheme:dark\)", html)
    print_rules = html[html.index("@media print") :]
    assert ".persona{break-before:page" in print_rules
    assert "--pc:#F0E442;--pc-ink:#000000" in html  # ink on the yellow persona colour


def test_a_selection_leaves_the_rest_out() -> None:
    project = load(sample_path())
    journey = project.journeys[1]
    page = Page(export_handbook(project, Selection(journeys=[journey])))
    assert journey.title in page.text
    assert project.journeys[0].title not in page.text
    assert not [a for _, a in page.tags if a.get("class", "").startswith("card persona")]


def test_the_command_writes_the_handbook_atomically_and_names_bad_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "handbook.html"
    assert main(["export", str(sample_path()), "--format", "html", "--out", str(out)]) == 0
    assert "Priya Raman" in Page(out.read_text(encoding="utf-8")).text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handbook.html"]  # no temp file, no .bak
    assert main(["export", str(sample_path()), "--format", "html", "--tile", "2x2", "--out", str(out)]) == 2
    assert "--tile" in capsys.readouterr().err
    assert (
        main(["export", str(sample_path()), "--format", "html", "--out", str(tmp_path / "no" / "x.html")])
        == 1
    )
