"""Drift between two waves of a dataset: each kind of change is reported with figures and words
a marketer reads, nothing is reported for an unchanged wave, and a persona shows it until it is
reviewed after the wave came in."""

from __future__ import annotations

import datetime as dt

from personamap.model import Persona, Project
from personamap.model.drift import MEAN_THRESHOLD, data_changed, wave_drift
from personamap.model.research import (
    ColumnFigures,
    ColumnType,
    Dataset,
    Level,
    SegmentFigures,
    Source,
    Wave,
)

PERSONA_ID = "8f0c1d1e-6b1a-4c55-9b7e-3f3a1c2d4e5f"
SHA = "0" * 64


def contract(counts: dict[str, int]) -> ColumnFigures:
    levels = [Level(value=v, count=n) for v, n in counts.items()]
    return ColumnFigures(column="contract", type=ColumnType.CATEGORICAL, levels=levels)


def number(
    name: str, mean: float, q25: float, q75: float, kind: ColumnType = ColumnType.NUMERIC
) -> ColumnFigures:
    return ColumnFigures(column=name, type=kind, n=100, mean=mean, q25=q25, q50=mean, q75=q75)


def segment(
    index: int, share: float, *columns: ColumnFigures, persona_id: str | None = None
) -> SegmentFigures:
    return SegmentFigures(
        segment=index, persona_id=persona_id, n=100, share=share, niche=share < 5, columns=list(columns)
    )


def wave(day: dt.date, *segments: SegmentFigures) -> Wave:
    return Wave(
        imported=day, file_name="churn.csv", sha256=SHA, rows=1000, rows_used=1000, segments=list(segments)
    )


BEFORE = wave(
    dt.date(2026, 1, 10),
    segment(
        0,
        60.0,
        contract({"month-to-month": 70, "one year": 20, "(other)": 10}),
        number("monthly charges", 80.0, 70.0, 90.0),
        persona_id=PERSONA_ID,
    ),
    segment(1, 32.0, number("signed up", 738000.0, 737900.0, 738100.0, ColumnType.DATE)),
    segment(2, 8.0, contract({"two year": 60, "(missing)": 40})),
)


def changes(drifts) -> dict[int, list[tuple[str, str]]]:
    return {s.segment: [(d.column, d.change) for d in s.drift] for s in drifts}


def test_an_unchanged_wave_has_no_drift() -> None:
    again = BEFORE.model_copy(update={"imported": dt.date(2026, 2, 1)})
    assert changes(wave_drift(BEFORE, again)) == {0: [], 1: [], 2: []}


def test_each_kind_of_change_is_reported_with_both_figures_and_a_plain_message() -> None:
    now = wave(
        dt.date(2026, 2, 1),
        segment(
            0,
            64.0,  # +4 points: under SHARE_POINTS, not reported
            contract({"month-to-month": 30, "one year": 35, "(other)": 35}),  # pooled never "top"
            number(
                "monthly charges", 96.0, 84.0, 108.0
            ),  # +16 > 0.2 × pooled IQR 22; dates: +60 > 0.2 × 200 days
        ),
        segment(1, 32.0, number("signed up", 738060.0, 737960.0, 738160.0, ColumnType.DATE)),
        segment(2, 4.0, contract({"two year": 30, "(missing)": 70})),  # "(missing)" is no answer
    )
    drifts = wave_drift(BEFORE, now)
    assert changes(drifts) == {
        0: [("contract", "top-changed"), ("monthly charges", "mean-moved")],
        1: [("signed up", "mean-moved")],
        2: [("", "new-niche")],
    }
    zero, one, two = drifts
    assert (zero.persona_id, zero.share_before, zero.share_now) == (PERSONA_ID, 60.0, 64.0)
    top, charges = zero.drift
    assert (top.before, top.now) == (
        {"value": "month-to-month", "share": 70.0},
        {"value": "one year", "share": 35.0},
    )
    assert (
        top.message == "contract: most now give “one year” (35.0 %); before it was “month-to-month” (70.0 %)."
    )
    assert (charges.before, charges.now) == (80.0, 96.0)
    assert charges.message == "monthly charges: the average moved up, from 80 to 96 (+20%)."
    assert one.drift[0].message == "signed up: the average moved later, from 2021-07-29 to 2021-09-27."
    assert two.drift[0].to_json() == {
        "column": "",
        "change": "new-niche",
        "before": 8.0,
        "now": 4.0,
        "message": "This segment became a niche: 4.0 % of the data now, 8.0 % before.",
    }


def test_small_moves_stay_quiet_and_big_share_moves_are_reported() -> None:
    pooled_iqr = 20.0
    small = 80.0 + MEAN_THRESHOLD * pooled_iqr * 0.9
    now = wave(
        dt.date(2026, 2, 1),
        segment(
            0,
            50.0,
            contract({"month-to-month": 55, "one year": 45}),
            number("monthly charges", small, 70.0, 90.0),
        ),
        segment(1, 42.0),
        segment(2, 8.0, contract({"two year": 60, "(missing)": 40})),
    )
    drifts = wave_drift(BEFORE, now)
    assert changes(drifts) == {0: [("", "share-moved")], 1: [("", "share-moved")], 2: []}
    assert drifts[0].drift[0].message == "This segment shrank from 60.0 % to 50.0 % of the data."
    assert drifts[1].drift[0].message == "This segment grew from 32.0 % to 42.0 % of the data."


def library(*waves: Wave) -> Project:
    """A project whose library holds a plain source and one dataset source."""
    dataset = Dataset(file_name="churn.csv", sha256=SHA, imported=waves[0].imported, waves=list(waves))
    return Project(sources=[Source(title="Churn export"), Source(dataset=dataset)])


def test_a_persona_shows_data_changed_until_reviewed_after_the_wave() -> None:
    persona = Persona(id=PERSONA_ID, name="Switching Sam")
    other = Persona(name="Loyal Lee")
    now = BEFORE.model_copy(
        update={
            "imported": dt.date(2026, 2, 1),
            "segments": [
                BEFORE.segments[0].model_copy(update={"share": 70.0}),
                *BEFORE.segments[1:],
            ],
        }
    )
    project = library(BEFORE, now)
    assert [d.change for d in data_changed(project, persona)] == ["share-moved"]
    assert data_changed(project, other) == []
    assert data_changed(library(BEFORE), persona) == []  # one wave: nothing to compare
    persona.lifecycle.last_reviewed = dt.date(2026, 1, 31)  # reviewed before the wave came in
    assert len(data_changed(project, persona)) == 1
    persona.lifecycle.last_reviewed = dt.date(2026, 2, 1)
    assert data_changed(project, persona) == []
