"""Suggesting which persona field each column fills: by header (English, German, French, Spanish)
and kind, never for a personal column, one column per single-valued field."""

from __future__ import annotations

from pathlib import Path

import pytest
from telco import write_telco

from personamap.data.columns import Column, ColumnKind, Table
from personamap.data.mapping import LIST_FIELDS, MAPPABLE_FIELDS, guess_field, plain_header, suggest_mapping
from personamap.data.read import read_table
from personamap.model.persona import LIST_SECTIONS, Persona


def column(name: str, kind: ColumnKind, values: list | None = None, personal: bool = False) -> Column:
    if values is None:
        values = {
            ColumnKind.NUMERIC: [1.0, 2.0, 3.0],
            ColumnKind.CATEGORICAL: ["a", "b", "a"],
            ColumnKind.MULTI_SELECT: [("a", "b"), ("a",), ()],
        }.get(kind, ["x", "y", "z"])
    return Column(name, kind, list(values), personal=personal)


def test_the_telco_table_maps_its_persona_columns_and_not_its_personal_ones(tmp_path: Path) -> None:
    path, _ = write_telco(tmp_path / "telco.csv", n=200)
    mapping = suggest_mapping(read_table(path))
    assert mapping == {
        "MonthlyCharges (€)": "value_figures",
        "Churn": "value_figures",
        "Age": "demographics.age",
        "Gender": "demographics.gender",
        "City": "demographics.location",
        "How did you hear about us": "channels",
        "Devices": "behaviour.devices",
    }


@pytest.mark.parametrize(
    ("name", "kind", "field"),
    [
        ("Alter", ColumnKind.NUMERIC, "demographics.age"),
        ("Âge", ColumnKind.NUMERIC, "demographics.age"),
        ("Edad", ColumnKind.CATEGORICAL, "demographics.age"),
        ("age_group", ColumnKind.CATEGORICAL, "demographics.age"),
        ("Geschlecht", ColumnKind.CATEGORICAL, "demographics.gender"),
        ("Sexe", ColumnKind.CATEGORICAL, "demographics.gender"),
        ("Sex", ColumnKind.CATEGORICAL, "demographics.gender"),
        ("Ville", ColumnKind.CATEGORICAL, "demographics.location"),
        ("País", ColumnKind.CATEGORICAL, "demographics.location"),
        ("State", ColumnKind.CATEGORICAL, "demographics.location"),
        ("Highest degree", ColumnKind.CATEGORICAL, "demographics.education"),
        ("Household income", ColumnKind.CATEGORICAL, "demographics.income_band"),
        ("Einkommen", ColumnKind.NUMERIC, "demographics.income_band"),
        ("Number of children", ColumnKind.NUMERIC, "demographics.household"),
        ("Dependents", ColumnKind.CATEGORICAL, "demographics.household"),
        ("Branche", ColumnKind.CATEGORICAL, "firmographics.industry"),
        ("Industry sector", ColumnKind.CATEGORICAL, "firmographics.industry"),
        ("Company size", ColumnKind.CATEGORICAL, "firmographics.company_size"),
        ("Employees", ColumnKind.NUMERIC, "firmographics.company_size"),
        ("Empleados", ColumnKind.NUMERIC, "firmographics.company_size"),
        ("Abteilung", ColumnKind.CATEGORICAL, "firmographics.department"),
        ("Seniority", ColumnKind.CATEGORICAL, "firmographics.seniority"),
        ("JobTitle", ColumnKind.CATEGORICAL, "role"),
        ("Métier", ColumnKind.CATEGORICAL, "role"),
        ("Acquisition channel", ColumnKind.CATEGORICAL, "channels"),
        ("Lead source", ColumnKind.CATEGORICAL, "channels"),
        ("Comment avez-vous connu", ColumnKind.MULTI_SELECT, "channels"),
        ("Platform", ColumnKind.CATEGORICAL, "behaviour.devices"),
        ("Geräte", ColumnKind.MULTI_SELECT, "behaviour.devices"),
        ("How often do you shop", ColumnKind.CATEGORICAL, "behaviour.usage_frequency"),
        ("Wie oft", ColumnKind.CATEGORICAL, "behaviour.usage_frequency"),
        ("Goals", ColumnKind.MULTI_SELECT, "goals"),
        ("Needs", ColumnKind.MULTI_SELECT, "needs"),
        ("Pain points", ColumnKind.MULTI_SELECT, "frustrations"),
        ("Frustraciones", ColumnKind.MULTI_SELECT, "frustrations"),
        ("Motivation", ColumnKind.MULTI_SELECT, "motivations"),
        ("TotalCharges", ColumnKind.NUMERIC, "value_figures"),
        ("Average order value", ColumnKind.NUMERIC, "value_figures"),
        ("LTV", ColumnKind.NUMERIC, "value_figures"),
        ("Umsatz", ColumnKind.NUMERIC, "value_figures"),
        ("Dépenses", ColumnKind.NUMERIC, "value_figures"),
    ],
)
def test_headers_in_several_languages_map_to_their_field(name: str, kind: ColumnKind, field: str) -> None:
    assert guess_field(column(name, kind)) == field


@pytest.mark.parametrize(
    ("name", "kind", "values"),
    [
        ("Age", ColumnKind.TEXT, None),  # free text never fills a field
        ("Signup date", ColumnKind.DATE, None),
        ("Percentage", ColumnKind.NUMERIC, None),  # "age" only as a word
        ("Usage", ColumnKind.NUMERIC, None),
        ("Monthly charges", ColumnKind.CATEGORICAL, None),  # money must be a number
        ("Goals", ColumnKind.NUMERIC, None),
        ("Churn", ColumnKind.CATEGORICAL, ["Yes", "No", "Maybe"]),  # not a yes/no column
        ("Churn", ColumnKind.NUMERIC, [0.0, 2.0, 1.0]),
        ("Contract", ColumnKind.CATEGORICAL, None),
    ],
)
def test_columns_that_fill_no_field(name: str, kind: ColumnKind, values: list | None) -> None:
    assert guess_field(column(name, kind, values)) == ""


def test_yes_no_and_zero_one_churn_columns_become_value_figures() -> None:
    assert guess_field(column("Churn", ColumnKind.CATEGORICAL, ["Yes", "No", None])) == "value_figures"
    assert guess_field(column("Cancelled", ColumnKind.CATEGORICAL, ["ja", "nein"])) == "value_figures"
    assert guess_field(column("churned", ColumnKind.NUMERIC, [0.0, 1.0, None])) == "value_figures"


def test_personal_columns_never_map() -> None:
    table = Table(
        Path("t.csv"),
        [
            column("Age", ColumnKind.NUMERIC, personal=True),
            column("City", ColumnKind.CATEGORICAL, personal=True),
            column("Customer email", ColumnKind.CATEGORICAL, personal=True),
        ],
        3,
    )
    assert suggest_mapping(table) == {}


def test_a_single_field_is_suggested_for_its_first_column_and_list_fields_for_every_one() -> None:
    table = Table(
        Path("t.csv"),
        [
            column("Age", ColumnKind.NUMERIC),
            column("Age band", ColumnKind.CATEGORICAL),
            column("Monthly spend", ColumnKind.NUMERIC),
            column("Revenue", ColumnKind.NUMERIC),
            column("Goals", ColumnKind.MULTI_SELECT),
            column("Secondary goals", ColumnKind.MULTI_SELECT),
        ],
        3,
    )
    assert suggest_mapping(table) == {
        "Age": "demographics.age",
        "Monthly spend": "value_figures",
        "Revenue": "value_figures",
        "Goals": "goals",
        "Secondary goals": "goals",
    }


def test_every_offered_field_is_a_field_of_a_persona_with_a_label() -> None:
    persona = Persona()
    paths = [f.path for f in MAPPABLE_FIELDS]
    assert len(set(paths)) == len(paths)
    assert set(LIST_SECTIONS) <= set(paths)
    assert set(paths) >= LIST_FIELDS
    for path, label in MAPPABLE_FIELDS:
        target: object = persona
        for name in path.split("."):
            target = getattr(target, name)
        assert isinstance(target, list) == (path in LIST_FIELDS), path
        assert label and label == label.strip()


def test_headers_read_as_words() -> None:
    assert plain_header("MonthlyCharges (€)") == "monthly charges"
    assert plain_header("monthly_charges") == "monthly charges"
    assert plain_header("NPS-Score") == "nps score"
