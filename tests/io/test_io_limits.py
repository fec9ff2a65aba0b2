"""Structural limits (issue 13, class 3 and 4): a flood is refused with one plain message
before the model is built, and a file with many bad values is reported by its first few and
a count, without one error object per bad value. Asserts on work done, never on time."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from personamap.io import ProjectFileError, codec, limits, loads, reader
from personamap.model.project import Project


@pytest.fixture
def built(monkeypatch) -> list[int]:
    """Counts the times the careful reader and the fast path try to build a model."""
    calls: list[int] = []
    real_validate = Project.model_validate.__func__  # type: ignore[attr-defined]
    real_json = Project.model_validate_json.__func__  # type: ignore[attr-defined]

    def validate(cls: type[Project], *args: Any, **kwargs: Any) -> Project:
        calls.append(1)
        return real_validate(cls, *args, **kwargs)

    def validate_json(cls: type[Project], *args: Any, **kwargs: Any) -> Project:
        calls.append(1)
        return real_json(cls, *args, **kwargs)

    monkeypatch.setattr(Project, "model_validate", classmethod(validate))
    monkeypatch.setattr(Project, "model_validate_json", classmethod(validate_json))
    return calls


@pytest.fixture
def small_limits(monkeypatch) -> None:
    """Limits a hundred times lower, so a flood is a small file and the test stays fast."""
    for name in ("MAX_VALUES", "MAX_OBJECTS", "MAX_LIST_ITEMS", "MAX_KEYS"):
        monkeypatch.setattr(limits, name, getattr(limits, name) // 100)
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 60_000)


def _text(data: dict[str, Any], indent: int | None = 2) -> str:
    return json.dumps(data, indent=indent)


def _refusal(text: str | bytes) -> list[tuple[str, str]]:
    with pytest.raises(ProjectFileError) as info:
        loads(text)
    return info.value.problems


@pytest.mark.parametrize("indent", [2, None])
def test_a_list_of_a_million_zeros_is_refused_before_the_model_is_built(golden_data, built, indent):
    data = copy.deepcopy(golden_data)
    data["personas"] = [0] * 1_000_000
    problems = _refusal(_text(data, indent))
    assert problems == [("", limits.too_many_values())]
    assert "1,000,000" in problems[0][1]
    assert built == []


def test_two_million_unknown_keys_are_refused_before_the_model_is_built(golden_data, built):
    data = copy.deepcopy(golden_data)
    data.update({f"k{i}": 0 for i in range(2_000_000)})
    assert _refusal(_text(data, None)) == [("", limits.too_many_values())]
    assert built == []


def test_too_many_notes_are_refused_before_the_model_is_built(golden_data, built, small_limits):
    data = copy.deepcopy(golden_data)
    note = {"quadrant": "says", "text": "n"}
    data["empathy_maps"][0]["notes"] = [dict(note) for _ in range(limits.MAX_OBJECTS + 1)]
    problems = _refusal(_text(data))
    assert problems[0][0] == ""
    assert "objects" in problems[0][1] or "values" in problems[0][1]
    assert built == []


@pytest.mark.parametrize(
    ("where", "value", "words"),
    [
        (("personas", 0, "tags"), ["t"] * 5_001, "a list of 5,001 items"),
        (("personas", 0), {f"k{i}": 1 for i in range(31)}, "keys"),
        (("personas", 0, "name"), "x" * 60_001, "a text of 60,001 characters"),
    ],
)
def test_each_structural_limit_names_its_place(
    golden_data, built, small_limits, monkeypatch, where, value, words
):
    monkeypatch.setattr(limits, "MAX_KEYS", 40)
    monkeypatch.setattr(limits, "MAX_LIST_ITEMS", 5_000)
    data = copy.deepcopy(golden_data)
    node = data
    for part in where[:-1]:
        node = node[part]
    if isinstance(value, dict):
        node[where[-1]].update(value)
    else:
        node[where[-1]] = value
    (place, reason), *rest = _refusal(_text(data))
    assert rest == []
    assert place == reader.place_of(where)
    assert words in reason
    assert built == []


def test_many_bad_values_are_reported_by_the_first_few_and_a_count(golden_data, monkeypatch):
    seen: list[int] = []
    real = reader.validation_problems

    def counting(exc: Any, raw: Any) -> list[tuple[str, str]]:
        seen.append(exc.error_count())
        return real(exc, raw)

    monkeypatch.setattr(reader, "validation_problems", counting)
    data = copy.deepcopy(golden_data)
    data["personas"] = [0] * 30_000
    data["relations"] = ["x"] * 30_000
    problems = _refusal(_text(data))
    assert problems[:4] == [(f"personas[{i}]", problems[0][1]) for i in range(4)]
    assert problems[-1] == ("", "… and 59,996 more problems")
    assert len(problems) == 5
    assert seen and max(seen) <= reader.MAX_PROBLEMS  # never an error object per bad value


def test_many_type_problems_are_capped(golden_data):
    data = copy.deepcopy(golden_data)
    data["boards"][0]["elements"] = [
        {"type": "note", "x": "1", "text": "n"} for _ in range(reader.MAX_PROBLEMS + 50)
    ]
    problems = _refusal(_text(data))
    assert len(problems) == 5
    assert problems[0] == ("boards[0].elements[0].x", "must be a number, not text")
    assert problems[-1] == ("", f"… and {reader.MAX_PROBLEMS + 50 - 4} more problems")


def test_a_file_within_the_limits_takes_the_fast_path(golden_bytes, built):
    loads(golden_bytes)
    assert len(built) == 1  # the fast path's one parse; the careful reader was not needed


def test_the_fast_path_is_not_tried_on_a_file_with_too_many_values(golden_data, monkeypatch):
    tried: list[bytes] = []
    monkeypatch.setattr(codec, "_fast", lambda data: tried.append(data))
    data = copy.deepcopy(golden_data)
    data["personas"][0]["tags"] = ["t"] * (limits.MAX_VALUES + 1)
    _refusal(_text(data))
    assert tried == []


def test_a_list_over_its_limit_is_refused_even_where_the_fast_path_reads_it(golden_bytes, monkeypatch):
    """A valid file whose one list is too long: the fast path reads it (few values in all)
    and must still refuse it, as the careful reader does, with the place."""
    project = loads(golden_bytes)
    longest = limits.longest_list(project)
    monkeypatch.setattr(limits, "MAX_LIST_ITEMS", longest)
    project.personas[0].tags = ["t"] * (longest + 1)
    text = codec.dumps(project)  # canonical: the fast path's kind of file
    assert codec._fast(text.encode()) is not None
    assert _refusal(text) == [
        ("personas[0].tags", f"a list of {longest + 1} items is too long; a list may hold at most {longest}")
    ]


def test_the_limits_count_values_not_text(golden_data):
    """Commas and braces inside texts do not count: a long text full of them loads."""
    data = copy.deepcopy(golden_data)
    data["personas"][0]["story"]["bio"] = "{a, b}, " * 2_400
    assert loads(_text(data)).personas[0].story.bio.startswith("{a, b}")


def test_commas_in_texts_do_not_keep_a_file_from_the_fast_path(golden_bytes, monkeypatch):
    project = loads(golden_bytes)
    project.description = "a, b, " * 200  # 400 commas the structure does not have
    text = codec.dumps(project).encode()
    exact = limits.check_tree(json.loads(text))
    monkeypatch.setattr(limits, "MAX_VALUES", exact)
    assert limits.quick_bound(text)[0] > exact
    assert limits.check_bytes(text)  # counted again without the texts: within the limit
    monkeypatch.setattr(reader, "read_text", lambda _text: pytest.fail("the careful reader ran"))
    assert loads(text).description == project.description


def test_the_count_the_fast_path_reuses_is_never_below_the_values(golden_bytes, monkeypatch):
    """check_bytes hands its count of values to the fast path, which skips measuring the
    longest list when the count is small: the count must bound the real values, in both the
    plain and the recounted case, and be 0 (no fast path) one value over the limit."""
    exact = limits.check_tree(json.loads(golden_bytes))
    assert limits.check_bytes(golden_bytes) >= exact
    project = loads(golden_bytes)
    project.description = "a, b, " * 200  # plain counts too high: the texts are taken out
    text = codec.dumps(project).encode()
    exact = limits.check_tree(json.loads(text))
    monkeypatch.setattr(limits, "MAX_VALUES", exact)
    assert limits.quick_bound(text)[0] > exact
    assert exact <= limits.check_bytes(text) <= exact + 1
    monkeypatch.setattr(limits, "MAX_VALUES", exact - 1)
    assert limits.check_bytes(text) == 0
    with pytest.raises(ProjectFileError) as caught:
        loads(text)
    assert caught.value.problems == [("", limits.too_many_values())]
