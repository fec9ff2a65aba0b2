"""Persona tables: the sample's personas round trip through CSV and XLSX; a user's own table
(aliases, numbered list columns, unknown columns) imports; bad rows fail with their line."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from tables_helpers import csv_cells, persona_carried, write_xlsx

from personamap.data.columns import TableError
from personamap.interop.tables import export_csv, import_table
from personamap.io import load
from personamap.model import Persona, Project
from personamap.model.enums import BuyingRole, Priority
from personamap.model.persona import CustomSection, Item
from personamap.resources import sample_path


def _sample() -> Project:
    loaded = load(sample_path())
    return getattr(loaded, "project", loaded)


def test_the_sample_personas_round_trip_through_csv(tmp_path: Path) -> None:
    project = _sample()
    data = export_csv(project, "personas")
    path = tmp_path / "personas.csv"
    path.write_bytes(data)

    part = import_table(path).project_part

    assert [persona_carried(p) for p in part.personas] == [persona_carried(p) for p in project.personas]
    assert export_csv(part, "personas") == data
    assert part.title == "personas"


def test_the_sample_personas_round_trip_through_a_workbook(tmp_path: Path) -> None:
    project = _sample()
    data = export_csv(project, "personas")
    book = write_xlsx(tmp_path / "team.xlsx", csv_cells(data), title="Personas")

    part = import_table(book, sheet="Personas").project_part

    assert [persona_carried(p) for p in part.personas] == [persona_carried(p) for p in project.personas]
    assert export_csv(part, "personas") == data


def test_export_is_utf8_with_a_bom_and_leaves_out_columns_nobody_filled() -> None:
    project = Project(
        personas=[Persona(name="Ana", role="Nurse"), Persona(name="Ben", goals=[Item(text="x")])]
    )
    data = export_csv(project, "personas")
    assert data.startswith(codecs.BOM_UTF8)
    assert b"\r\n" in data
    assert csv_cells(data) == [["Name", "Role", "Goals"], ["Ana", "Nurse", ""], ["Ben", "", "x"]]


def test_names_alone_with_semicolons_and_bars_are_not_read_as_delimited(tmp_path: Path) -> None:
    people = [Persona(name=f"Ops; shift {n} | nights") for n in range(4)]
    path = tmp_path / "names.csv"
    path.write_bytes(export_csv(Project(personas=people), "personas"))
    assert [p.name for p in import_table(path).project_part.personas] == [p.name for p in people]


def test_formula_cells_are_neutralised_and_restored(tmp_path: Path) -> None:
    hostile = Persona(
        name='=HYPERLINK("http://evil.example","Click")',
        role="+49 89 1234",
        tagline="@everyone",
        goals=[Item(text="-cut costs"), Item(text="=1+1")],
        frustrations=[Item(text="\tindented")],
    )
    data = export_csv(Project(personas=[hostile]), "personas")
    header, row = csv_cells(data)
    cells = dict(zip(header, row, strict=True))
    assert cells["Name"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert cells["Role"] == "'+49 89 1234"
    assert cells["Tagline"] == "'@everyone"
    assert cells["Goals"] == "'-cut costs | =1+1"
    assert cells["Frustration 1"] == "'\tindented"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    path = tmp_path / "hostile.csv"
    path.write_bytes(data)
    back = import_table(path).project_part.personas[0]
    assert persona_carried(back) == persona_carried(hostile)


def test_entries_with_a_bar_go_into_numbered_columns() -> None:
    project = Project(personas=[Persona(name="Ana", goals=[Item(text="either | or"), Item(text="b")])])
    header, row = csv_cells(export_csv(project, "personas"))
    assert header == ["Name", "Goal 1", "Goal 2"]
    assert row == ["Ana", "either | or", "b"]


def test_a_users_own_table_maps_aliases_lists_and_unknown_columns(tmp_path: Path) -> None:
    path = tmp_path / "research.csv"
    path.write_text(
        "Persona,Job title,Goal 1,Goal 2,Frustrations,Buying role,Tech proficiency,Favourite snack,"
        "Favourite snack (text),Goals\n"
        "Priya,Controller,Close fast,Sleep,Receipts|Chasing people,Decision maker,4,Crisps | Tea,"
        "Always at her desk,Be trusted\n"
        "Marcus,Sales rep,,,,,,,,\n",
        encoding="utf-8",
    )
    priya, marcus = import_table(path).project_part.personas
    assert priya.name == "Priya" and priya.role == "Controller"
    assert [g.text for g in priya.goals] == ["Close fast", "Sleep", "Be trusted"]
    assert [f.text for f in priya.frustrations] == ["Receipts", "Chasing people"]
    assert priya.firmographics.buying_role is BuyingRole.DECISION_MAKER
    assert priya.behaviour.tech_proficiency == 4
    assert [(s.title, [i.text for i in s.items], s.body) for s in priya.custom_sections] == [
        ("Favourite snack", ["Crisps", "Tea"], "Always at her desk")
    ]
    assert marcus.custom_sections == [] and marcus.goals == [] and marcus.priority is Priority.PRIMARY


def test_custom_sections_named_like_fields_keep_their_titles(tmp_path: Path) -> None:
    persona = Persona(
        name="Ana",
        custom_sections=[
            CustomSection(title="Goals", items=[Item(text="not a goal")]),
            CustomSection(title="Stage", items=[Item(text="not a journey")]),
            CustomSection(title="Pets", body="A cat"),
        ],
    )
    data = export_csv(Project(personas=[persona]), "personas")
    assert csv_cells(data)[0] == ["Name", "Section: Goals #1", "Section: Stage #1", "Pets (text)"]
    path = tmp_path / "sections.csv"
    path.write_bytes(data)
    back = import_table(path).project_part.personas[0]
    assert back.goals == []
    assert persona_carried(back) == persona_carried(persona)


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        ("Name;Role;Location\r\nRenée;Café owner;Zürich\r\nJosé;Señor buyer;Málaga\r\n", "cp1252"),
        ("Name\tRole\tLocation\r\nRenée\tCafé owner\tZürich\r\nJosé\tSeñor buyer\tMálaga\r\n", "utf-16"),
    ],
)
def test_tables_in_windows_encodings_read_through_the_data_reader(
    tmp_path: Path, data: str, codec: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(data.encode(codec))
    renee, jose = import_table(path).project_part.personas
    assert (renee.name, renee.role, renee.demographics.location) == ("Renée", "Café owner", "Zürich")
    assert (jose.name, jose.role, jose.demographics.location) == ("José", "Señor buyer", "Málaga")


def test_one_persona_is_a_table_too(tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text("Name,Tagline\nAna,Always on call\n", encoding="utf-8")
    assert [p.tagline for p in import_table(path).project_part.personas] == ["Always on call"]


def test_what_a_row_is_is_guessed_or_told(tmp_path: Path) -> None:
    path = tmp_path / "both.csv"
    path.write_text("Name,Stage\nAna,Awareness\n", encoding="utf-8")
    assert import_table(path).project_part.journeys
    personas = import_table(path, as_="personas").project_part.personas
    assert [(p.name, [s.title for s in p.custom_sections]) for p in personas] == [("Ana", ["Stage"])]
    neither = tmp_path / "neither.csv"
    neither.write_text("Colour,Size\nred,3\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"neither\.csv: cannot tell what a row is.*--as personas\|journey"):
        import_table(neither)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Name,Priority\nAna,primary\nBen,urgent\n",
            r'bad\.csv: line 3: Priority "urgent" is not one of: primary, ',
        ),
        ("Name,Role\nAna,x\n,Nurse\n", r"bad\.csv: line 3: the Name cell is empty"),
        ("Name,Tech proficiency\nAna,7\n", r'line 2: Tech proficiency "7" is not a whole number from 1 to 5'),
        ("Name,Color\nAna,red\n", r"bad\.csv: line 2: Color: String should match pattern"),
        ("Name,Role\nAna,x,y,z\nBen,y\n", r"bad\.csv: ragged rows: line 2 has 4 fields, the header has 2"),
        ("Name,Role\n", r"bad\.csv: only a header row, no data"),
        ("Name,Role,Role\nAna,x,y\n", r"bad\.csv: line 1: the columns 'Role' and 'Role' both give Role"),
        ("Role\nNurse\n", r"bad\.csv: line 1: a persona table needs a Name column"),
        (
            f"Name,Role\nAna,{'x' * 501}\n",
            r"bad\.csv: line 2: Role: String should have at most 500 characters",
        ),
    ],
)
def test_a_bad_persona_table_fails_with_one_line_naming_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TableError, match=message) as caught:
        import_table(path, as_="personas" if text.startswith("Role") else None)
    assert "\n" not in str(caught.value)
