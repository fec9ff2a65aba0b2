"""Journey step tables: the sample's journeys round trip through CSV and XLSX; a table a team
wrote by hand (lanes by name, emotion columns, merged stage cells) imports; bad cells fail with
their line; `--what` for CSV names its choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from tables_helpers import csv_cells, journey_carried, write_xlsx

from personamap.data.columns import TableError
from personamap.interop.tables import WhatError, export_csv, import_table
from personamap.io import load
from personamap.model import JourneyMap, Persona, Project
from personamap.model.enums import LaneKind
from personamap.model.journey import EmotionScore, JourneyNote, Lane, Stage, Step
from personamap.resources import sample_path


def _sample() -> Project:
    loaded = load(sample_path())
    return getattr(loaded, "project", loaded)


@pytest.mark.parametrize("index", [0, 1])
def test_the_sample_journeys_round_trip_through_csv_and_xlsx(tmp_path: Path, index: int) -> None:
    project = _sample()
    journey = project.journeys[index]
    data = export_csv(project, f"journey:{journey.title}")
    path = tmp_path / "journey.csv"
    path.write_bytes(data)
    book = write_xlsx(tmp_path / "journey.xlsx", csv_cells(data))

    for source in (path, book):
        part = import_table(source).project_part
        back = part.journeys[0]
        assert journey_carried(part, back) == journey_carried(project, journey)
        assert export_csv(part, f"journey:{back.title}") == data
        assert part.settings.emotion_scale == project.settings.emotion_scale


def _small() -> Project:
    ana = Persona(name="Ana")
    first, second = Step(name="Search"), Step(name="Compare")
    stage = Stage(name="Explore", steps=[first, second])
    actions = Lane(name="Actions", kind=LaneKind.ACTIONS)
    feelings = Lane(name="Emotions", kind=LaneKind.EMOTIONS)
    pains = Lane(name="Pain points", kind=LaneKind.PAIN_POINTS)
    journey = JourneyMap(
        title="Buying",
        persona_ids=[ana.id],
        stages=[stage],
        lanes=[actions, feelings, pains],
        notes=[
            JourneyNote(lane_id=actions.id, stage_id=stage.id, step_id=first.id, text="Googles | compares"),
            JourneyNote(lane_id=actions.id, stage_id=stage.id, step_id=first.id, text="=asks a friend"),
            JourneyNote(lane_id=pains.id, stage_id=stage.id, step_id=second.id, text="Too many tabs"),
        ],
        emotions=[EmotionScore(persona_id=ana.id, step_id=second.id, score=-2)],
    )
    return Project(personas=[ana], journeys=[journey])


def test_notes_with_a_bar_go_into_numbered_lane_columns_and_formulas_are_neutralised(tmp_path: Path) -> None:
    project = _small()
    data = export_csv(project, "journey:buying")
    assert csv_cells(data) == [
        ["Stage", "Step", "Lane: Actions #1", "Lane: Actions #2", "Emotion: Ana", "Pain points"],
        ["Explore", "Search", "Googles | compares", "'=asks a friend", "", ""],
        ["Explore", "Compare", "", "", "-2", "Too many tabs"],
    ]
    path = tmp_path / "buying.csv"
    path.write_bytes(data)
    part = import_table(path).project_part
    assert journey_carried(part, part.journeys[0]) == journey_carried(project, project.journeys[0])


def test_a_hand_made_step_table_becomes_a_journey(tmp_path: Path) -> None:
    path = tmp_path / "Onboarding journey.csv"
    path.write_text(
        "Phase,Task,Actions,Emotion: Priya,Emotion,Pain points,Backstage\n"
        "Sign up,Create account,Fills the form|Confirms e-mail,4,3,Long form,\n"
        ",Invite team,Sends invites,5,,,CRM sync\n"
        "Use,First report,,2,,Empty dashboard,\n",
        encoding="utf-8",
    )
    part = import_table(path).project_part
    journey = part.journeys[0]
    assert journey.title == "Onboarding journey"
    assert [(s.name, [t.name for t in s.steps]) for s in journey.stages] == [
        ("Sign up", ["Create account", "Invite team"]),
        ("Use", ["First report"]),
    ]
    assert [(lane.name, lane.kind) for lane in journey.lanes] == [
        ("Actions", LaneKind.ACTIONS),
        ("Emotions", LaneKind.EMOTIONS),
        ("Pain points", LaneKind.PAIN_POINTS),
        ("Backstage", LaneKind.BACKSTAGE),
    ]
    assert [p.name for p in part.personas] == ["Priya"]
    assert journey.persona_ids == [part.personas[0].id]
    assert [(e.persona_id is None, e.score) for e in journey.emotions] == [
        (False, 4),
        (True, 3),
        (False, 5),
        (False, 2),
    ]
    scale = part.settings.emotion_scale
    assert (scale.minimum, scale.maximum) == (1, 5)
    assert [n.text for n in journey.notes][:2] == ["Fills the form", "Confirms e-mail"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Stage,Step,Emotion: Priya\nA,a,1\nA,b,Hello\n",
            r'steps\.csv: line 3: Emotion: Priya "Hello" is not a whole',
        ),
        (
            "Stage,Step,Emotion\nA,a,2.5\n",
            r'steps\.csv: line 2: Emotion "2\.5" is not a whole number from -100 to 100',
        ),
        ("Stage,Step,Emotion\nA,a,101\n", r'line 2: Emotion "101" is not a whole number'),
        ("Stage,Stage\nA,B\n", r"steps\.csv: line 1: more than one Stage column"),
        ("Step,Actions\na,b\n", r"steps\.csv: line 1: a journey step table needs a Stage column"),
        (f"Stage,Step\nA,{'s' * 501}\n", r"steps\.csv: line 2: Step: String should have at most 500"),
    ],
)
def test_a_bad_step_table_fails_with_one_line_naming_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "steps.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TableError, match=message):
        import_table(path, as_="journey")


def test_csv_export_names_its_choices_when_what_is_not_one_table() -> None:
    project = _sample()
    with pytest.raises(
        WhatError, match=r"--what 'all': a CSV file holds one table; choose one of: personas, "
    ):
        export_csv(project, "all")
    with pytest.raises(WhatError, match=r"no journey named 'Nope' \(journeys: '"):
        export_csv(project, "journey:Nope")
    with pytest.raises(WhatError, match="say which journey"):
        export_csv(project, "journey")
    assert export_csv(_small(), "journey").startswith(b'\xef\xbb\xbf"Stage","Step",')


def test_numbers_typed_into_a_workbook_read_as_whole_scores(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Stage", "Step", "Emotion: Ana"], ["Try", "Sign up", -2], [None, "Pay", 1.0], ["Use", 7, 2]):
        sheet.append(row)
    sheet.merge_cells("A2:A3")  # a stage spanning its steps, as teams lay them out
    path = tmp_path / "typed.xlsx"
    book.save(path)
    part = import_table(path).project_part
    journey = part.journeys[0]
    assert [(s.name, [t.name for t in s.steps]) for s in journey.stages] == [
        ("Try", ["Sign up", "Pay"]),
        ("Use", ["7"]),
    ]
    assert [e.score for e in journey.emotions] == [-2, 1, 2]
