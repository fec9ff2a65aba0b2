"""Draft personas from segments: one per segment, every data-filled field citing the dataset
source (confidence observed), figures that match the rows of each segment, a segment profile
with both figures, placeholder names, and never a personal value."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from telco import HEADER, write_telco

from personamap.data.columns import Column, ColumnKind, Table
from personamap.data.draft import PROFILE_TITLE, draft_personas
from personamap.data.fill import SINGLE_FIELDS
from personamap.data.mapping import plain_header, suggest_mapping
from personamap.data.read import read_table
from personamap.data.segment import Segmentation, segment
from personamap.data.wording import profile_line
from personamap.model.base import new_id
from personamap.model.enums import Confidence, PersonaStatus, Priority, Segment, ValueKind
from personamap.model.persona import Persona
from personamap.model.research import ColumnRole, ColumnType, DatasetColumn
from personamap.style import OKABE_ITO

TODAY = dt.date(2026, 12, 7)
SOURCE = new_id()
SEGMENT_BY = ["Contract", "Internet service", "Tenure", "MonthlyCharges (€)"]


def dataset_columns(table: Table, segment_by: list[str]) -> list[DatasetColumn]:
    """Roles as an import would choose them: personal columns personal, the rest segment or
    describe, each with its suggested field."""
    mapping = suggest_mapping(table)
    out = []
    for c in table.columns:
        if c.personal:
            role = ColumnRole.PERSONAL
        else:
            role = ColumnRole.SEGMENT if c.name in segment_by else ColumnRole.DESCRIBE
        out.append(
            DatasetColumn(
                name=c.name, type=ColumnType(c.kind.value), role=role, maps_to=mapping.get(c.name, "")
            )
        )
    return out


def run(table: Table, columns: list[DatasetColumn], k: int = 4, seed: int = 1) -> Segmentation:
    described = [c.name for c in columns if c.role is ColumnRole.DESCRIBE]
    return segment(
        table, [c.name for c in columns if c.role is ColumnRole.SEGMENT], k, seed, describe=described
    )


@pytest.fixture(scope="module")
def telco(tmp_path_factory: pytest.TempPathFactory) -> tuple[Table, list[list[str]]]:
    path, rows = write_telco(tmp_path_factory.mktemp("telco") / "telco.csv")
    return read_table(path), rows


@pytest.fixture(scope="module")
def drafted(telco) -> tuple[Segmentation, list[DatasetColumn], list[Persona]]:
    table, _ = telco
    columns = dataset_columns(table, SEGMENT_BY)
    segmentation = run(table, columns)
    personas = draft_personas(segmentation, columns, SOURCE, existing_names={"Bea"}, seed=2, today=TODAY)
    return segmentation, columns, personas


def without_ids(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [without_ids(v) for v in data]
    return data


def cited(data: Any) -> list[dict[str, Any]]:
    """Every object in a dumped persona that cites evidence."""
    found = []
    if isinstance(data, dict):
        if "evidence_ids" in data:
            found.append(data)
        for value in data.values():
            found += cited(value)
    elif isinstance(data, list):
        for value in data:
            found += cited(value)
    return found


def field_value(persona: Persona, path: str) -> Any:
    target: Any = persona
    for name in path.split("."):
        target = getattr(target, name)
    return target


def segment_rows(telco, segmentation: Segmentation, index: int) -> list[list[str]]:
    _, rows = telco
    return [row for row, label in zip(rows, segmentation.labels, strict=True) if label == index]


def test_one_valid_draft_per_segment(drafted) -> None:
    segmentation, _, personas = drafted
    assert len(personas) == len(segmentation.segments) == 4
    for persona in personas:
        again = Persona.model_validate(json.loads(persona.model_dump_json()))
        assert again == persona
        assert persona.lifecycle.status is PersonaStatus.DRAFT
        assert persona.lifecycle.created == TODAY and persona.lifecycle.last_reviewed is None
        assert "from data" in persona.tags
        assert persona.segment is Segment.B2C


def test_every_filled_field_cites_the_source_as_observed(drafted) -> None:
    _, _, personas = drafted
    for persona in personas:
        citations = {c.field: c for c in persona.citations}
        assert len(citations) == len(persona.citations)  # one citation per field
        for path in [*SINGLE_FIELDS, "tagline"]:
            filled = bool(field_value(persona, path))
            assert (path in citations) == filled, (persona.name, path)
            if filled:
                assert citations[path].evidence_ids == [SOURCE]
                assert citations[path].confidence is Confidence.OBSERVED
        data = persona.model_dump(mode="json")
        entries = cited(data)
        assert len(entries) >= 8
        for entry in entries:
            assert entry["evidence_ids"] == [SOURCE]
            if "confidence" in entry:
                assert entry["confidence"] == "observed"
        for field in ("demographics.age", "demographics.gender", "demographics.location", "tagline"):
            assert field_value(persona, field)
        assert persona.behaviour.devices and persona.channels and len(persona.value_figures) == 2


def test_no_personal_value_reaches_a_persona(telco, drafted) -> None:
    _, rows = telco
    _, _, personas = drafted
    text = "".join(p.model_dump_json() for p in personas)
    assert "@" not in text and "example.com" not in text
    for row in rows:
        assert row[0] not in text and row[1] not in text
        assert row[1].replace(" ", "")[-7:] not in text.replace(" ", "")
    for name in HEADER[:2]:
        assert name not in text


def test_figures_match_the_rows_of_each_segment(telco, drafted) -> None:
    segmentation, _, personas = drafted
    for seg, persona in zip(segmentation.segments, personas, strict=True):
        rows = segment_rows(telco, segmentation, seg.index)
        assert len(rows) == seg.n
        ages = np.array([float(r[7]) for r in rows])
        low, high = (round(float(q)) for q in np.quantile(ages, [0.25, 0.75]))
        assert persona.demographics.age == (f"{low}" if low == high else f"{low}–{high}")
        female = 100 * sum(r[8] == "Female" for r in rows) / len(rows)
        top = ("female", female) if female >= 50 else ("male", 100 - female)
        assert persona.demographics.gender == f"{top[1]:.0f} % {top[0]}"
        figures = {f.label: f for f in persona.value_figures}
        churn = figures["churn rate"]
        assert churn.kind is ValueKind.CHURN_RISK and churn.unit == "%"
        assert churn.value == pytest.approx(100 * sum(r[6] == "Yes" for r in rows) / len(rows), abs=0.05)
        charges = figures["avg monthly charges"]
        assert charges.unit == "€"
        assert charges.value == pytest.approx(np.mean([float(r[5]) for r in rows]), abs=0.06)
        overall = 100 * sum(r[6] == "Yes" for r in telco[1]) / len(telco[1])
        assert churn.note == f"{overall:.1f} % overall"


def test_the_segment_profile_lists_every_distinguishing_attribute_and_the_size(drafted) -> None:
    segmentation, _, personas = drafted
    for seg, persona in zip(segmentation.segments, personas, strict=True):
        (profile,) = [s for s in persona.custom_sections if s.title == PROFILE_TITLE]
        lines = [item.text for item in profile.items]
        assert lines[0] == f"n = {seg.n:,} ({seg.share:.1f} % of rows)" + (", niche" if seg.niche else "")
        assert lines[1:] == [profile_line(d) for d in seg.distinguishing]
        assert len(lines) > 2
        for d, line in zip(seg.distinguishing, lines[1:], strict=True):
            assert line.startswith(d.column)
            assert "here vs" in line and "overall" in line
            if d.measure == "share":
                assert f"= {d.value}:" in line


def test_the_tagline_names_the_strongest_attributes_the_segment_has(drafted) -> None:
    segmentation, _, personas = drafted
    for seg, persona in zip(segmentation.segments, personas, strict=True):
        having = [
            d for d in seg.distinguishing if d.measure == "share" and d.share_in_segment > d.share_overall
        ]
        assert having
        strongest = having[0]
        words = f"no {plain_header(strongest.column)}" if strongest.value == "None" else strongest.value
        assert words in persona.tagline
        assert persona.tagline[0].isupper() and persona.tagline.count(",") <= 2


def test_the_niche_is_tagged_and_secondary(drafted) -> None:
    segmentation, _, personas = drafted
    niches = [p for s, p in zip(segmentation.segments, personas, strict=True) if s.niche]
    assert len(niches) == 1
    for seg, persona in zip(segmentation.segments, personas, strict=True):
        assert ("niche" in persona.tags) == seg.niche
        assert persona.priority is (Priority.SECONDARY if seg.niche else Priority.PRIMARY)


def test_names_and_colours_are_distinct_and_avoid_what_the_project_has(drafted) -> None:
    _, _, personas = drafted
    names = [p.name for p in personas]
    assert len(set(names)) == len(names) and "Bea" not in names
    assert [p.color for p in personas] == list(OKABE_ITO[:4])
    segmentation, columns, _ = drafted
    taken = draft_personas(
        segmentation, columns, SOURCE, existing_names=names, existing_colors=["#0072b2"], seed=2, today=TODAY
    )
    assert not {p.name for p in taken} & set(names)
    assert [p.color for p in taken] == list(OKABE_ITO[1:5])


def test_the_same_seed_drafts_the_same_personas(telco, drafted) -> None:
    table, _ = telco
    _, columns, personas = drafted
    again = draft_personas(run(table, columns), columns, SOURCE, existing_names={"Bea"}, seed=2, today=TODAY)
    assert [without_ids(p.model_dump(mode="json")) for p in again] == [
        without_ids(p.model_dump(mode="json")) for p in personas
    ]
    other = draft_personas(run(table, columns), columns, SOURCE, existing_names={"Bea"}, seed=3, today=TODAY)
    assert [p.name for p in other] != [p.name for p in personas]


def test_columns_not_kept_to_segment_or_describe_never_reach_a_persona(drafted) -> None:
    segmentation, columns, _ = drafted
    changed = [
        c.model_copy(update={"role": ColumnRole.PERSONAL}) if c.name in ("City", "Contract") else c
        for c in columns
    ]
    personas = draft_personas(segmentation, changed, SOURCE, seed=2, today=TODAY)
    for persona in personas:
        assert persona.demographics.location == ""
        assert "demographics.location" not in {c.field for c in persona.citations}
        text = persona.model_dump_json()
        assert "Contract" not in text and "Month-to-month" not in text and "Berlin" not in text


def test_more_than_five_large_segments_leave_the_smaller_ones_secondary() -> None:
    rng = np.random.default_rng(0)
    n = 900
    group = np.arange(n) % 9
    table = Table(
        Path("nine.csv"),
        [
            Column("Plan", ColumnKind.CATEGORICAL, [f"plan {g}" for g in group]),
            Column("Spend", ColumnKind.NUMERIC, [float(v) for v in rng.normal(group * 100.0, 3.0)]),
        ],
        n,
    )
    columns = [
        DatasetColumn(name=c.name, type=ColumnType(c.kind.value), role=ColumnRole.SEGMENT)
        for c in table.columns
    ]
    personas = draft_personas(segment(table, k=7, seed=0), columns, SOURCE, seed=0, today=TODAY)
    assert [p.priority for p in personas] == [Priority.PRIMARY] * 5 + [Priority.SECONDARY] * 2
    assert len({p.color for p in personas}) == 7


B2B_HEADER = [
    "Industry",
    "Employees",
    "Job title",
    "Department",
    "Seniority",
    "Goals",
    "Usage frequency",
    "LTV",
]


def b2b_table(n: int = 300) -> Table:
    """Two planted kinds of accounts with firmographics, a job title, multi-select goals, a
    usage frequency and a lifetime value."""
    rng = np.random.default_rng(5)
    big = rng.random(n) < 0.4
    pick = lambda flag, a, b: [a if f else b for f in flag]  # noqa: E731
    values: list[list[Any]] = [
        pick(big, "Banking", "Retail"),
        [float(v) for v in np.where(big, rng.normal(2000, 100, n), rng.normal(40, 5, n))],
        pick(big, "IT director", "Store owner"),
        pick(big, "IT", "Management"),
        pick(big, "Director", "Owner"),
        pick(big, ("Compliance", "Save time"), ("Save time",)),
        pick(big, "Daily", "Weekly"),
        [float(v) for v in np.where(big, rng.normal(90000, 500, n), rng.normal(3000, 100, n))],
    ]
    kinds = [
        ColumnKind.CATEGORICAL,
        ColumnKind.NUMERIC,
        *[ColumnKind.CATEGORICAL] * 3,
        ColumnKind.MULTI_SELECT,
    ]
    kinds += [ColumnKind.CATEGORICAL, ColumnKind.NUMERIC]
    columns = [Column(h, k, v) for h, k, v in zip(B2B_HEADER, kinds, values, strict=True)]
    return Table(Path("accounts.csv"), columns, n)


def test_firmographics_role_goals_and_lifetime_value_are_filled_and_cited() -> None:
    table = b2b_table()
    columns = dataset_columns(table, ["Industry", "Employees"])
    assert {c.name: c.maps_to for c in columns} == {
        "Industry": "firmographics.industry",
        "Employees": "firmographics.company_size",
        "Job title": "role",
        "Department": "firmographics.department",
        "Seniority": "firmographics.seniority",
        "Goals": "goals",
        "Usage frequency": "behaviour.usage_frequency",
        "LTV": "value_figures",
    }
    segmentation = run(table, columns, k=2, seed=0)
    personas = draft_personas(segmentation, columns, SOURCE, seed=0, today=TODAY)
    big = next(p for p in personas if p.firmographics.industry == "Banking")
    assert big.segment is Segment.B2B
    assert big.role == "IT director"
    assert big.firmographics.department == "IT" and big.firmographics.seniority == "Director"
    low, high = (int(x.replace(",", "")) for x in big.firmographics.company_size.split("–"))
    assert 1800 < low < 2000 < high < 2200
    assert big.behaviour.usage_frequency == "Daily (100 %)"
    assert [g.text for g in big.goals] == ["Compliance (100 %)", "Save time (100 %)"]
    assert all(g.evidence_ids == [SOURCE] and g.confidence is Confidence.OBSERVED for g in big.goals)
    (ltv,) = big.value_figures
    assert ltv.kind is ValueKind.LIFETIME_VALUE and ltv.label == "avg ltv"
    assert ltv.value == pytest.approx(90000, rel=0.01)
    fields = {c.field for c in big.citations}
    assert {
        "role",
        "firmographics.industry",
        "firmographics.company_size",
        "firmographics.department",
        "firmographics.seniority",
        "behaviour.usage_frequency",
    } <= fields


def test_a_segment_of_two_rows_gets_its_size_and_no_figure() -> None:
    n = 302
    spend = [20.0 + (i % 7) if i < 150 else 80.0 + (i % 5) for i in range(n - 2)] + [9000.0, 9100.0]
    table = Table(
        Path("outliers.csv"),
        [
            Column("Spend", ColumnKind.NUMERIC, spend),
            Column("City", ColumnKind.CATEGORICAL, ["Lyon" if i % 2 else "Nice" for i in range(n)]),
        ],
        n,
    )
    columns = [
        DatasetColumn(
            name="Spend", type=ColumnType.NUMERIC, role=ColumnRole.SEGMENT, maps_to="value_figures"
        ),
        DatasetColumn(
            name="City",
            type=ColumnType.CATEGORICAL,
            role=ColumnRole.DESCRIBE,
            maps_to="demographics.location",
        ),
    ]
    segmentation = segment(table, ["Spend"], 3, 0, describe=["City"])
    assert [s.n for s in segmentation.segments] == [150, 150, 2]
    personas = draft_personas(segmentation, columns, SOURCE, seed=0, today=TODAY)
    tiny = personas[2]
    assert tiny.tagline == "" and tiny.citations == [] and tiny.value_figures == []
    assert tiny.demographics.location == ""
    assert [i.text for i in tiny.custom_sections[0].items] == ["n = 2 (0.7 % of rows), niche"]
    assert "9000" not in tiny.model_dump_json() and "9,0" not in tiny.model_dump_json()
    assert personas[0].value_figures and personas[0].demographics.location
