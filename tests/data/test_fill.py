"""Value figures from one column's aggregates: a rate for yes/no and 0/1 columns, a mean with
its unit for numbers, nothing for a category that is neither."""

from __future__ import annotations

from personamap.data.fill import overall, value_figure
from personamap.model.base import new_id
from personamap.model.enums import ValueKind

SOURCE = new_id()


def counts(**levels: int) -> dict:
    return {"kind": "categorical", "counts": {k.replace("_", " "): v for k, v in levels.items()}}


def numbers(n: int, mean: float, *quantiles: float) -> dict:
    names = ("q10", "q25", "q50", "q75", "q90")
    spread = dict(zip(names, quantiles, strict=True)) if quantiles else {}
    return {"kind": "numeric", "n": n, "missing": 0, "mean": mean, **spread}


def test_a_yes_no_churn_column_is_a_churn_rate_among_answered_rows() -> None:
    here = counts(Yes=30, No=60, **{"(missing)": 10})
    whole = overall([here, counts(Yes=10, No=90)])
    figure = value_figure("Churn", here, whole, SOURCE)
    assert figure is not None
    assert (figure.kind, figure.label, figure.value, figure.unit) == (
        ValueKind.CHURN_RISK,
        "churn rate",
        33.3,
        "%",
    )
    assert figure.note == "21.1 % overall" and figure.evidence_ids == [SOURCE]


def test_retention_and_other_yes_no_columns_are_rates_of_another_kind() -> None:
    retained = value_figure("Retained", counts(yes=8, no=2), counts(yes=8, no=2), SOURCE)
    premium = value_figure("Premium member", counts(Ja=1, Nein=3), counts(Ja=1, Nein=3), SOURCE)
    assert retained is not None and premium is not None
    assert (retained.kind, retained.label, retained.value) == (ValueKind.OTHER, "retained rate", 80.0)
    assert (premium.kind, premium.value) == (ValueKind.OTHER, 25.0)
    assert value_figure("Plan", counts(Basic=3, Pro=4), counts(Basic=3, Pro=4), SOURCE) is None


def test_a_zero_one_churn_number_is_a_rate_and_other_numbers_a_mean_with_their_unit() -> None:
    flag = numbers(100, 0.25, 0, 0, 0, 1, 1)
    rate = value_figure("is_churned", flag, overall([flag, numbers(300, 0.05, 0, 0, 0, 0, 0)]), SOURCE)
    assert rate is not None and (rate.kind, rate.value, rate.note) == (
        ValueKind.CHURN_RISK,
        25.0,
        "10.0 % overall",
    )
    spend = numbers(40, 74.44, 50, 56.2, 75, 89.5, 99)
    whole = overall([spend, numbers(60, 50.0, 10, 20, 30, 40, 50)])
    figure = value_figure("Monthly spend (USD)", spend, whole, SOURCE)
    assert figure is not None
    assert (figure.label, figure.value, figure.unit) == ("avg monthly spend usd", 74.4, "$")
    assert figure.note == "59.8 overall; middle half here 56.2–89.5"
    ltv = value_figure("Customer LTV €", numbers(10, 1500.0, 1, 2, 3, 4, 5), numbers(10, 1500.0), SOURCE)
    assert ltv is not None and (ltv.kind, ltv.unit, ltv.note) == (
        ValueKind.LIFETIME_VALUE,
        "€",
        "1,500 overall; middle half here 2.0–4.0",
    )
    assert value_figure("Signed up", {"kind": "date", "n": 3, "mean": "2024-01-01"}, {}, SOURCE) is None
