"""Formula cells are neutralised for spreadsheets and restored exactly; lists fit one cell."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from personamap.interop.cells import join, joinable, neutralise, restore, split


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+49 89 123", "'+49 89 123"),
        ("-for everyone", "'-for everyone"),
        ("@admin", "'@admin"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("'=already quoted", "''=already quoted"),
        ("-2", "-2"),
        ("-1.5", "-1.5"),
        ("Priya", "Priya"),
        ("'quoted", "'quoted"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_formula_cells_get_one_apostrophe_and_lose_it_on_import(text: str, written: str) -> None:
    assert neutralise(text) == written
    assert restore(written) == text


def test_a_cell_a_user_typed_with_an_apostrophe_is_read_as_the_formula_text() -> None:
    assert restore("'=SUM(A1)") == "=SUM(A1)"
    assert restore("'plain") == "'plain"


@given(st.text(alphabet=st.sampled_from("'=+-@\t\r 0123456789.ab|")))
def test_restore_undoes_neutralise_for_any_text(text: str) -> None:
    written = neutralise(text)
    assert restore(written) == text
    assert not written.startswith(("=", "+", "@", "\t", "\r")) or written == text == ""
    assert not written.startswith("-") or written.lstrip("-").replace(".", "", 1).isdigit()


def test_lists_join_with_a_bar_and_split_on_any_bar() -> None:
    assert join(["Save time", "Be trusted"]) == "Save time | Be trusted"
    assert split("Save time | Be trusted") == ["Save time", "Be trusted"]
    assert split("a|b ||  c ") == ["a", "b", "c"]
    assert joinable(["a", "b"])
    assert not joinable(["a | b"])
    assert not joinable([" padded"])
    assert not joinable([""])


@given(st.lists(st.text(min_size=1)))
def test_joinable_entries_split_back_exactly(entries: list[str]) -> None:
    if joinable(entries):
        assert split(join(entries)) == entries
