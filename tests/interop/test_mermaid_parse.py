"""Mermaid journeys are read as Mermaid's own parser reads them (docs/mermaid.md): every form
of the grammar, the examples of Mermaid's documentation and tests, and errors naming the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from personamap.interop.mermaid import export_mermaid, import_mermaid, journey_fences
from personamap.interop.mermaid_parse import MermaidError, parse
from personamap.model import EmotionScale, problems

DOCS = Path(__file__).parent / "mermaid_docs"


def _tasks(text: str) -> list[tuple[str, str, int, list[str]]]:
    return [(s.name, t.name, t.score, t.actors) for s in parse(text).sections for t in s.tasks]


def test_the_documentation_example() -> None:
    result = import_mermaid((DOCS / "working_day.mmd").read_text(encoding="utf-8"))
    part = result.project_part
    (journey,) = part.journeys
    assert journey.title == "My working day"
    assert [s.name for s in journey.stages] == ["Go to work", "Go home"]
    assert [st.name for st in journey.steps()] == [
        "Make tea",
        "Go upstairs",
        "Do work",
        "Go downstairs",
        "Sit down",
    ]
    assert [p.name for p in part.personas] == ["Me", "Cat"]
    me, cat = part.personas
    do_work = journey.steps()[2].id
    assert journey.score(me.id, do_work) == journey.score(cat.id, do_work) == -2  # 1 on −2..+2
    assert journey.score(me.id, journey.steps()[0].id) == 2
    assert journey.persona_ids == [me.id, cat.id]
    assert result.warnings == []


def test_the_task_forms_of_mermaids_parser_tests() -> None:
    tasks = _tasks((DOCS / "parser_spec_tasks.mmd").read_text(encoding="utf-8"))
    assert tasks == [
        ("Documentation", "A task", 5, ["Alice", "Bob", "Charlie"]),
        ("Documentation", "B task", 3, ["Bob", "Charlie"]),
        ("Documentation", "C task", 5, []),
        ("Documentation", "D task", 5, ["Charlie", "Alice"]),
        ("Documentation", "E task", 5, []),
        ("Another section", "P task", 5, []),
        ("Another section", "Q task", 5, []),
        ("Another section", "R task", 5, []),
    ]


def test_accessibility_statements_of_mermaids_parser_tests() -> None:
    diagram = parse((DOCS / "parser_spec_accessibility.mmd").read_text(encoding="utf-8"))
    assert diagram.acc_descr == "A user journey for\nfamily shopping"
    assert diagram.title == "Adding journey diagram functionality to mermaid"
    assert diagram.acc_title == "Adding acc journey diagram functionality to mermaid"
    assert [s.name for s in diagram.sections] == ["Order from website"]
    journey = import_mermaid((DOCS / "parser_spec_accessibility.mmd").read_text()).project_part.journeys[0]
    assert journey.scenario == "A user journey for\nfamily shopping"
    assert len(journey.stages) == 1 and len(journey.stages[0].steps) == 1  # an empty section


def test_front_matter_title_one_line_accdescr_and_acctitle_fallback() -> None:
    text = '---\ntitle: "From the front"\nconfig:\n  theme: dark\n---\njourney\n  accDescr: Shopping: fast\n'
    diagram = parse(text)
    assert diagram.title == "From the front" and diagram.acc_descr == "Shopping: fast"
    assert parse("---\ntitle: Front\n---\njourney\ntitle Inside\n").title == "Inside"
    journey = import_mermaid("journey\naccTitle: Only this\n").project_part.journeys[0]
    assert journey.title == "Only this"
    assert import_mermaid("journey\n", title="file").project_part.journeys[0].title == "file"


def test_spaces_around_colons_indentation_comments_and_directives() -> None:
    text = (
        "%%{init: {'theme': 'forest'}}%%\n"
        "%% a comment before\n"
        "   journey\n"
        "\t\ttitle  Spaced\n"
        "section   S1\n"
        "          Tea  :  4  :  Me ,Cat  \n"
        "Coffee:2:Me\n"
        "  %% a comment\n"
        "  # a hash comment\n"
        "Cake:3\n"
    )
    assert _tasks(text) == [
        ("S1", "Tea", 4, ["Me", "Cat"]),
        ("S1", "Coffee", 2, ["Me"]),
        ("S1", "Cake", 3, []),
    ]
    assert parse(text).title == "Spaced"


def test_a_section_used_twice_is_two_stages_and_tasks_before_sections_get_an_unnamed_one() -> None:
    journey = import_mermaid("journey\nEarly: 3\nsection A\nx: 1\nsection A\ny: 5\n").project_part.journeys[0]
    assert [s.name for s in journey.stages] == ["", "A", "A"]
    assert [[st.name for st in s.steps] for s in journey.stages] == [["Early"], ["x"], ["y"]]
    assert journey.score(None, journey.stages[0].steps[0].id) == 0  # no actor: the map's own curve


def test_entity_codes_and_mermaid_quirks() -> None:
    tasks = _tasks("journey\nsection A#58; B\nPay #35;1#59; now: 3: Smith#44; J, #9829;\n")
    assert tasks == [("A: B", "Pay #1; now", 3, ["Smith, J", "♥"])]
    # journey.jison: a line starting with "title " is a title, the rest after a third colon is dropped
    diagram = parse("journey\nsection S\ntitle of it: 3\nTask: 4: Me: ignored\n")
    assert diagram.title == "of it: 3"
    assert [(t.name, t.actors) for t in diagram.sections[0].tasks] == [("Task", ["Me"])]
    assert _tasks("journey title One line\nsection S\nA: 1") == [("S", "A", 1, [])]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "journey\nsection A\nTea: 5: Me\n\n\nCake: Hello: Me\n",
            'line 6: score "Hello" is not a number from 1 to 5',
        ),
        ("journey\nsection A\nTea: 6\n", 'line 3: score "6" is not a number from 1 to 5'),
        ("journey\nsection A\nTea: 0\n", 'line 3: score "0" is not a number from 1 to 5'),
        ("journey\nsection A\nTea: 2.5\n", 'line 3: score "2.5" is not a number from 1 to 5'),
        ("journey\nsection A\nTea:\n", 'line 3: task "Tea" has no ": score"'),
        ("journey\nsection A\nTea\n", 'line 3: task "Tea" has no ": score"'),
        ("journey\nsection A\nTea: 3; Cake: 4\n", 'line 3: unexpected ";"'),
        ("flowchart LR\nA --> B\n", 'line 1: the diagram is not a journey (it starts with "flowchart LR")'),
        ("journey\naccDescr {\nnever closed\n", "line 2: accDescr { is never closed with }"),
    ],
)
def test_errors_name_the_line_and_the_reason(text: str, message: str) -> None:
    with pytest.raises(MermaidError) as caught:
        import_mermaid(text)
    assert str(caught.value) == message


def test_skip_bad_imports_the_rest_with_a_warning_per_line() -> None:
    text = "journey\nsection A\nTea: 5: Me\nCake: Hello: Me\nPie\nJam: 2: Me\n"
    result = import_mermaid(text, skip_bad=True)
    assert result.warnings == [
        'line 4: score "Hello" is not a number from 1 to 5 (skipped)',
        'line 5: task "Pie" has no ": score" (skipped)',
    ]
    assert [s.name for s in result.project_part.journeys[0].steps()] == ["Tea", "Jam"]


def test_markdown_takes_every_journey_fence_with_file_line_numbers() -> None:
    text = (
        "# Notes\n\n```mermaid\nflowchart LR\nA-->B\n```\n\n"
        "```mermaid\njourney\ntitle First\nsection S\nA: 3: Me\n```\n\n"
        "~~~mermaid\njourney\ntitle Second\nsection S\nB: 4: Me\n~~~\n"
    )
    assert [n for n, _ in journey_fences(text)] == [9, 16]
    part = import_mermaid(text, markdown=True).project_part
    assert [j.title for j in part.journeys] == ["First", "Second"]
    assert [p.name for p in part.personas] == ["Me"]  # one persona for both journeys
    with pytest.raises(MermaidError, match="line 19: score"):
        import_mermaid(text.replace("B: 4", "B: x"), markdown=True)
    with pytest.raises(MermaidError, match="no ```mermaid fence"):
        import_mermaid("# nothing\n", markdown=True)


def test_scores_land_on_the_projects_scale() -> None:
    text = "journey\nsection S\na: 1: Me\nb: 2: Me\nc: 3: Me\nd: 4: Me\ne: 5: Me\n"
    journey = import_mermaid(
        text, scale=EmotionScale(minimum=0, maximum=10, labels=[])
    ).project_part.journeys[0]
    assert [e.score for e in journey.emotions] == [0, 3, 5, 8, 10]


_LINES = st.lists(
    st.sampled_from(
        [
            "journey",
            "title T",
            "section S",
            "A: 3: Me",
            "B:5",
            "C: 9",
            "accDescr {",
            "}",
            "accTitle: x",
            "%% c",
            '%% personamap task {"same": true, "unscored": 1, "scores": {"Me": 999}}',
            '%% personamap task {"notes": [{"lane": 99}, {"lane": 0, "color": "red"}, 5]}',
            '%% personamap section {"description": 5, "notes": "x", "unnamed": true}',
            '%% personamap journey {"lanes": [["x", "nope"], 3], "state": "odd", "personas": [1]}',
            '%% personamap persona {"name": "Me", "color": "blue"}',
            "%%{init: {}}%%",
            "---",
        ]
    )
    | st.text(max_size=20),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(lines=_LINES, skip_bad=st.booleans())
def test_any_text_is_read_or_refused_with_a_line_never_a_crash(lines: list[str], skip_bad: bool) -> None:
    text = "\n".join(lines)
    try:
        result = import_mermaid(text, skip_bad=skip_bad)
    except MermaidError as exc:
        assert exc.line >= 1
        return
    assert problems(result.project_part) == []
    export_mermaid(result.project_part)


def test_windows_line_breaks_and_a_byte_order_mark() -> None:
    text = "\ufeffjourney\r\n  title Win\r\n  section S\r\n    A: 4: Me\r\n    B: x\r\n"
    with pytest.raises(MermaidError, match=r'^line 5: score "x"'):
        import_mermaid(text)
    assert _tasks(text.replace("B: x", "B: 2")) == [("S", "A", 4, ["Me"]), ("S", "B", 2, [])]
