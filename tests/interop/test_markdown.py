"""The Markdown share: everything is there, rendered by a CommonMark + GFM-tables parser user
text stays text, and a journey table keeps one column per step whatever the cells say."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from share_helpers import HOSTILE, LINK, PIPE, SCRIPT, Page, hostile_project

from personamap.cli import main
from personamap.interop.markdown import escape, export_markdown
from personamap.interop.selection import Selection
from personamap.io import load
from personamap.resources import sample_path


def render(text: str) -> str:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").render(text)


def test_every_persona_and_journey_of_the_sample_is_there() -> None:
    project = load(sample_path())
    page = Page(render(export_markdown(project)))
    headings = [t for t, _ in page.tags if t in ("h3",)]
    assert len(headings) == len(project.personas) + len(project.journeys)
    for name in [p.name for p in project.personas] + [j.title for j in project.journeys]:
        assert name in page.text
    for persona in project.personas:
        for goal in persona.goals:
            assert goal.text in page.text
    for journey in project.journeys:  # every note, the emotions lane's too
        assert all(" ".join(note.text.split()) in page.text for note in journey.notes)


@pytest.mark.parametrize(
    "text",
    [
        *HOSTILE,
        "**bold** _em_ ~~gone~~ `code`",
        "1. not a list",
        "- not a list",
        "+ not a list",
        "# not a heading",
        "> not a quote",
        "===",
        "&lt; &#60; &amp;",
        "![pic](http://evil.example/x.png)",
        "<http://evil.example>",
        "back\\slash at the end\\",
        "$x^2$",
    ],
)
def test_any_text_renders_exactly_as_typed(text: str) -> None:
    page = Page(render(escape(text)))
    assert [t for t, _ in page.tags] == ["p"]
    assert page.text.strip() == text


def test_hostile_text_never_becomes_a_link_an_image_or_html() -> None:
    html = render(export_markdown(hostile_project()))
    page = Page(html)
    assert {t for t, _ in page.tags} <= {
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "em",
        "strong",
        "ul",
        "li",
        "br",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    for text in (SCRIPT, LINK, PIPE, '"><svg onload=alert(1)>', "**not bold** and `not code`"):
        assert text in page.text


def test_a_journey_table_has_a_column_per_step_and_a_row_per_persona_curve() -> None:
    project = hostile_project()
    journey = project.journeys[0]
    tokens = MarkdownIt("commonmark").enable("table").parse(export_markdown(project))
    rows: list[list[str]] = []
    for k, tok in enumerate(tokens):
        if tok.type == "tr_open":
            rows.append([])
        elif tok.type in ("th_open", "td_open"):
            rows[-1].append(tokens[k + 1].content)
    assert all(len(r) == len(journey.steps()) + 1 for r in rows)
    header = rows[0]
    assert header[2].replace("\\", "") == f"Find {LINK} › Compare {PIPE}".replace("\\", "")
    emotions = {r[0]: r[1:] for r in rows if r[0].startswith("**Emotions")}
    assert list(emotions.values()) == [
        ["−1", "–", "–"],
        ["Delighted +2", "Frustrated −2", "+1"],
        ["–", "–", "Neutral 0"],
    ]


def test_a_selection_shows_only_what_it_names() -> None:
    project = load(sample_path())
    one = project.personas[1]
    text = Page(render(export_markdown(project, Selection(personas=[one])))).text
    assert one.name in text
    assert all(p.name not in text for p in project.personas if p is not one)
    assert all(j.title not in text for j in project.journeys)


def test_the_command_writes_one_persona_and_refuses_an_unknown_what(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "priya.md"
    assert (
        main(
            [
                "export",
                str(sample_path()),
                "--format",
                "markdown",
                "--what",
                "persona:priya raman",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "### Priya Raman" in text and "Marcus Feld" not in text
    assert (
        main(["export", str(sample_path()), "--format", "markdown", "--what", "boards", "--out", str(out)])
        == 2
    )
    assert "all, personas, persona:NAME, journeys, journey:NAME" in capsys.readouterr().err
    assert (
        main(
            [
                "export",
                str(sample_path()),
                "--format",
                "markdown",
                "--what",
                "persona:Nobody",
                "--out",
                str(out),
            ]
        )
        == 2
    )
    assert "Priya Raman" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == text
