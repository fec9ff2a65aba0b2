"""Placeholder names for draft personas: a bundled list of plain first names, picked in an order
fixed by the seed, never one the project already has, never twice."""

from __future__ import annotations

from personamap.data.names import bundled_names, placeholder_names
from personamap.model.base import clean_text


def test_the_bundled_list_holds_about_eighty_different_plain_names() -> None:
    names = bundled_names()
    assert len(names) >= 80
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert name == clean_text(name, one_line=True).strip()
        assert 2 <= len(name) <= 12 and " " not in name and not name.startswith("#")


def test_the_seed_fixes_the_names() -> None:
    assert placeholder_names(6, seed=4) == placeholder_names(6, seed=4)
    assert placeholder_names(6, seed=4) != placeholder_names(6, seed=5)
    assert set(placeholder_names(6, seed=4)) <= set(bundled_names())


def test_names_already_in_the_project_are_never_repeated_whatever_their_case() -> None:
    first = placeholder_names(5, seed=1)
    again = placeholder_names(5, existing={first[0].upper(), f"  {first[1]} "}, seed=1)
    assert first[0] not in again and first[1] not in again
    assert again[:3] == first[2:]


def test_when_the_list_runs_out_names_get_a_number_and_stay_unique() -> None:
    count = len(bundled_names()) + 10
    names = placeholder_names(count, existing={"Bea 2"}, seed=0)
    assert len(names) == count == len(set(names))
    assert "Bea" in names and "Bea 2" not in names
    assert placeholder_names(0) == []
