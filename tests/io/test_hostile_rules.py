"""Rules found by the hostile-file probe (issue 13): dates at the calendar's edge, connectors
that point at themselves or at another connector. Each is refused on load with its place, and
the date arithmetic that used to raise is total."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from personamap.io import ProjectFileError, loads
from personamap.model.lifecycle import add_months, review_due


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2)


def _with_persona_date(golden: dict[str, Any], field: str, value: str) -> str:
    data = copy.deepcopy(golden)
    data["personas"][0]["lifecycle"][field] = value
    return _dump(data)


@pytest.mark.parametrize("field", ["created", "last_reviewed", "review_due"])
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "3000-01-01", "1899-12-31"])
def test_a_date_outside_the_range_is_refused_with_its_place(golden_data, field, value):
    with pytest.raises(ProjectFileError) as info:
        loads(_with_persona_date(golden_data, field, value))
    place, reason = info.value.problems[0]
    assert place == f"personas[0].lifecycle.{field}"
    assert reason == "must be a date from 1900-01-01 to 2999-12-31"


def test_a_project_timestamp_at_the_calendar_end_is_refused(golden_data):
    data = copy.deepcopy(golden_data)
    data["modified"] = "9999-12-31T23:59:59Z"
    with pytest.raises(ProjectFileError) as info:
        loads(_dump(data))
    assert info.value.problems[0][0] == "modified"


def test_dates_at_the_edges_of_the_range_load_and_compute(golden_data):
    data = json.loads(_with_persona_date(golden_data, "last_reviewed", "2999-12-31"))
    data["personas"][0]["lifecycle"]["review_due"] = None
    project = loads(_dump(data))
    assert review_due(project.personas[0], 120) == dt.date(3009, 12, 31)


def test_add_months_is_total_at_the_calendar_ends():
    assert add_months(dt.date(9999, 12, 31), 1) == dt.date.max
    assert add_months(dt.date(9999, 7, 31), 120) == dt.date.max
    assert add_months(dt.date(1, 1, 1), -1) == dt.date.min
    assert add_months(dt.date(2024, 8, 31), 6) == dt.date(2025, 2, 28)


def _board_with_connector(golden: dict[str, Any], source: str | None, target: str | None) -> tuple[str, int]:
    data = copy.deepcopy(golden)
    board = next(b for b in data["boards"] if len(b["elements"]) >= 2)
    others = [e for e in board["elements"] if e["type"] != "connector"]
    first = {
        "id": "00000000-0000-4000-8000-00000000c001",
        "type": "connector",
        "source_id": others[0]["id"],
        "target_id": others[1]["id"],
    }
    second = {
        "id": "00000000-0000-4000-8000-00000000c002",
        "type": "connector",
        "source_id": source or others[0]["id"],
        "target_id": target or others[1]["id"],
    }
    board["elements"] += [first, second]
    return _dump(data), len(board["elements"]) - 1


@pytest.mark.parametrize(
    ("source", "target", "field", "words"),
    [
        ("00000000-0000-4000-8000-00000000c002", None, "source_id", "itself"),
        (None, "00000000-0000-4000-8000-00000000c002", "target_id", "itself"),
        ("00000000-0000-4000-8000-00000000c001", None, "source_id", "not other connectors"),
        (None, "00000000-0000-4000-8000-00000000c001", "target_id", "not other connectors"),
    ],
)
def test_a_connector_to_itself_or_to_a_connector_is_refused(golden_data, source, target, field, words):
    text, index = _board_with_connector(golden_data, source, target)
    with pytest.raises(ProjectFileError) as info:
        loads(text)
    place, reason = info.value.problems[0]
    assert place.endswith(f"elements[{index}].{field}")
    assert words in reason


def test_a_connector_between_one_element_and_itself_is_refused(golden_data):
    data = json.loads(_board_with_connector(golden_data, None, None)[0])
    board = next(b for b in data["boards"] if len(b["elements"]) >= 4)
    board["elements"][-1]["target_id"] = board["elements"][-1]["source_id"]
    with pytest.raises(ProjectFileError) as info:
        loads(_dump(data))
    assert "two different elements" in info.value.problems[0][1]
