"""A segment's figures in words: the tagline and the segment profile lines."""

from __future__ import annotations

from personamap.data.describe import Distinction
from personamap.data.wording import percent, profile_line, size_line, tagline


def share(column: str, value: str, here: float, there: float, effect: float = 1.0) -> Distinction:
    return Distinction(column, value, here, there, "share", effect)


def mean(column: str, here: float | str, there: float | str) -> Distinction:
    return Distinction(column, "mean", here, there, "mean", 1.0)


def test_the_tagline_says_what_the_segment_has_before_what_it_lacks() -> None:
    apart = [
        share("Contract", "Month-to-month", 88.0, 55.0),
        share("Contract", "Two year", 0.0, 24.0),
        share("Internet service", "Fiber optic", 70.0, 44.0),
        mean("MonthlyCharges", 80.2, 64.8),
        share("Payment", "Mailed check", 5.0, 22.0),
    ]
    assert tagline(apart) == "Mostly Month-to-month, Fiber optic, high monthly charges"


def test_the_tagline_words_yes_no_answers_numbers_dates_and_rare_values() -> None:
    assert tagline([share("Partner", "Yes", 80.0, 40.0), share("Dependents", "No", 90.0, 60.0)]) == (
        "Mostly partner, no dependents"
    )
    assert tagline([mean("Tenure", 8.1, 32.4), share("Plan", "Pro", 30.0, 10.0)]) == "Often Pro, low tenure"
    assert tagline([mean("Signed up", "2024-05-01", "2023-01-01")]) == "Later signed up"
    assert tagline([share("Plan", "Basic", 2.0, 40.0)]) == "Rarely Basic"
    assert tagline([share("Plan", "(missing)", 60.0, 10.0)]) == ""


def test_profile_lines_carry_both_figures_and_the_size() -> None:
    assert profile_line(share("Contract", "Month-to-month", 88.4, 55.0)) == (
        "Contract = Month-to-month: 88 % here vs 55 % overall"
    )
    assert profile_line(mean("Tenure", 8.1, 32.4)) == "Tenure: mean 8.1 here vs 32.4 overall"
    assert profile_line(mean("Revenue", 1234.5, 980.0)) == "Revenue: mean 1,234 here vs 980 overall"
    assert size_line(1234, 17.5, True) == "n = 1,234 (17.5 % of rows), niche"
    assert size_line(80, 40.0, False) == "n = 80 (40.0 % of rows)"
    assert percent(0.2) == "<1 %" and percent(0.0) == "0 %" and percent(61.6) == "62 %"
