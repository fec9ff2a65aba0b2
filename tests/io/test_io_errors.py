"""A corpus of broken files: each must be refused with ProjectFileError (never another
exception), naming the exact place and a human reason."""

from __future__ import annotations

import copy
import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from io_helpers import Obj, pairs, write_json

from personamap.io import ProjectFileError, constants, load, loads

UNKNOWN = "0f8fad5b-d9cb-469f-a165-70867728950e"
Data = dict[str, Any]


def refused(data: str | bytes) -> ProjectFileError:
    with pytest.raises(ProjectFileError) as info:
        loads(data, source="sample.personamap")
    return info.value


def first(err: ProjectFileError) -> tuple[str, str]:
    return err.problems[0]


def edit(golden: Data, change: Callable[[Data], object]) -> str:
    data = copy.deepcopy(golden)
    change(data)
    return json.dumps(data, ensure_ascii=False)


def dup(obj: Obj, key: str, value: Any) -> Obj:
    obj.append((key, value))
    return obj


# (id, change of the golden data, expected place, reason fragment)
DATA_CASES: list[tuple[str, Callable[[Data], object], str, str]] = [
    ("wrong type", lambda d: d["personas"][0].update(name=5), "personas[0].name", "valid string"),
    (
        "unknown field",
        lambda d: d["personas"][1].update(nickname="Jo"),
        "personas[1].nickname",
        "unknown field",
    ),
    (
        "missing field in union",
        lambda d: d["boards"][0]["elements"][0].pop("persona_id"),
        "boards[0].elements[0].persona_id",
        "required",
    ),
    (
        "text element bad size",
        lambda d: d["boards"][0]["elements"][5].update(size="big"),
        "boards[0].elements[5].size",
        "valid number",
    ),
    (
        "unknown element type",
        lambda d: d["boards"][0]["elements"][4].update(type="sticker"),
        "boards[0].elements[4]",
        "unknown type 'sticker'",
    ),
    (
        "too long",
        lambda d: d["personas"][0]["quotes"][0].update(text="x" * 20_001),
        "personas[0].quotes[0].text",
        "at most 20000 characters",
    ),
    ("bad id", lambda d: d["personas"][0].update(id="not-an-id"), "personas[0].id", "not a valid id"),
    (
        "escaped control char",
        lambda d: d["personas"][0].update(role="a\u0001b"),
        "personas[0].role",
        "control characters",
    ),
    ("bad colour", lambda d: d["personas"][0].update(color="red"), "personas[0].color", "colour"),
    (
        "lone surrogate",
        lambda d: d["journeys"][0]["notes"][1].update(text="\ud800"),
        "journeys[0].notes[1].text",
        "lone surrogate",
    ),
    (
        "duplicate id",
        lambda d: d["personas"][1].update(id=d["personas"][0]["id"]),
        "personas[1].id",
        "duplicate id",
    ),
    (
        "dangling persona",
        lambda d: d["boards"][0]["elements"][1].update(persona_id=UNKNOWN),
        "boards[0].elements[1].persona_id",
        "does not exist",
    ),
    (
        "dangling lane",
        lambda d: d["journeys"][0]["notes"][2].update(lane_id=UNKNOWN),
        "journeys[0].notes[2].lane_id",
        "refers to lane",
    ),
    (
        "dangling asset",
        lambda d: d["personas"][0].update(photo_asset_id=UNKNOWN),
        "personas[0].photo_asset_id",
        "asset",
    ),
    (
        "score off scale",
        lambda d: d["journeys"][0]["emotions"][0].update(score=9),
        "journeys[0].emotions[0].score",
        "outside the emotion scale",
    ),
    (
        "newer version",
        lambda d: d.update(schema_version=7),
        "schema_version",
        "was written by a newer personamap (schema version 7; this version reads up to 2); "
        "update personamap to open it",
    ),
    ("version zero", lambda d: d.update(schema_version=0), "schema_version", "versions start at 1"),
    ("version text", lambda d: d.update(schema_version="1"), "schema_version", "whole number"),
    ("version missing", lambda d: d.pop("schema_version"), "schema_version", "missing"),
    ("wrong format", lambda d: d.update(format="sketchbook"), "format", "not a personamap file"),
    ("no format", lambda d: d.pop("format"), "format", 'has no "format"'),
    (
        "asset not png",
        lambda d: d["assets"][0].update(data="aGVsbG8="),
        "assets[0]",
        "not a PNG, JPEG or WebP",
    ),
    (
        "deep nesting in a field",
        lambda d: d["personas"][0].update(tags=json.loads("[" * 300 + "]" * 300)),
        "",
        "nested more than 200 levels",
    ),
]


@pytest.mark.parametrize(
    ("change", "place", "reason"), [c[1:] for c in DATA_CASES], ids=[c[0] for c in DATA_CASES]
)
def test_bad_data(golden_data: Data, change: Callable[[Data], object], place: str, reason: str) -> None:
    err = refused(edit(golden_data, change))
    assert any(p == place and reason in r for p, r in err.problems), err.problems


DUPLICATES = [
    ("top level", lambda d: dup(d, "title", "again"), "(top level)", "title"),
    (
        "persona",
        lambda d: dup(d[d.index(next(p for p in d if p[0] == "personas"))][1][1], "name", "X"),
        "personas[1]",
        "name",
    ),
    (
        "journey note",
        lambda d: dup(dict(dict(d)["journeys"][0])["notes"][2], "text", "X"),
        "journeys[0].notes[2]",
        "text",
    ),
    (
        "board element",
        lambda d: dup(dict(dict(d)["boards"][0])["elements"][6], "x", 1.0),
        "boards[0].elements[6]",
        "x",
    ),
    (
        "settings",
        lambda d: dup(dict(dict(d)["settings"])["emotion_scale"], "minimum", -5),
        "settings.emotion_scale",
        "minimum",
    ),
]


@pytest.mark.parametrize(
    ("change", "place", "key"), [c[1:] for c in DUPLICATES], ids=[c[0] for c in DUPLICATES]
)
def test_duplicate_keys(golden_data: Data, change: Callable[[Obj], object], place: str, key: str) -> None:
    tree = pairs(golden_data)
    change(tree)
    err = refused(write_json(tree))
    assert err.problems == [(place, f"duplicate key '{key}'")]


def test_duplicate_key_with_the_same_value_is_still_refused(golden_bytes: bytes) -> None:
    text = golden_bytes.decode().replace(
        '  "schema_version": 2,\n', '  "schema_version": 2,\n  "schema_version": 2,\n'
    )
    assert first(refused(text)) == ("(top level)", "duplicate key 'schema_version'")


def number_case(golden_bytes: bytes, literal: str) -> ProjectFileError:
    text = golden_bytes.decode().replace('"x": -120.5', f'"x": {literal}', 1)
    assert literal in text
    return refused(text)


@pytest.mark.parametrize(
    ("literal", "reason"),
    [
        ("NaN", "NaN is not a number JSON allows"),
        ("Infinity", "Infinity is not a number"),
        ("-Infinity", "-Infinity is not a number"),
        ("1e400", "the number 1e400 is too large"),
        ("-1e400", "too large"),
        ("1" + "0" * 5000, "5001 digits is too large"),
    ],
)
def test_bad_numbers(golden_bytes: bytes, literal: str, reason: str) -> None:
    place, said = first(number_case(golden_bytes, literal))
    assert place == "boards[0].elements[4].x"
    assert reason in said


def test_big_number_out_of_range(golden_bytes: bytes) -> None:
    place, said = first(number_case(golden_bytes, "1e300"))
    assert place == "boards[0].elements[4].x" and "less than or equal to 10000000" in said


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n\t ", "the file is empty"),
        (b"[1, 2]", "it holds a list, not an object"),
        (b'"text"', "it holds a string"),
        (b"42", "it holds a single value"),
        (b"{", "not valid JSON: Expecting property name enclosed in double quotes (line 1, column 2)"),
        (b'{"a": 1,}', "not valid JSON: "),  # Python 3.13 words this one differently
        (b'{\n  "a": \x01\n}', "not valid JSON: Expecting value (line 2, column 8)"),
        (b'{"a": "x\x01y"}', "Invalid control character at (line 1, column 9)"),
        (b'{"format": "personamap"} trailing', "Extra data (line 1, column 26)"),
        (b"[" * 100_000, "nested more than 200 levels deep (line 1, column 201)"),
        (b'{"a": ' * 100_000, "nested more than 200 levels deep (line 1, column 1201)"),
        (b"\xef\xbb\xbf[]", "it holds a list"),  # a BOM is allowed
        (b'{"name": "caf\xe9"}', "not valid UTF-8 text (byte offset 13)"),
        (b"\xff\xfe{\x00}\x00", "not valid UTF-8 text (byte offset 0; it looks like UTF-16)"),
    ],
)
def test_whole_file_problems(data: bytes, reason: str) -> None:
    err = refused(data)
    assert len(err.problems) == 1
    place, said = first(err)
    assert place == "" and reason in said, said
    assert str(err) == f"sample.personamap: {said}"


def test_truncated_file(golden_bytes: bytes) -> None:
    place, said = first(refused(golden_bytes[: len(golden_bytes) // 2]))
    assert place == "" and said.startswith("not valid JSON:") and "line " in said and "column " in said


def test_invalid_utf8_in_the_middle(golden_bytes: bytes) -> None:
    offset = golden_bytes.index(b"Sevilla")
    broken = golden_bytes[:offset] + b"\xc3\x28" + golden_bytes[offset + 2 :]
    assert first(refused(broken)) == ("", f"not valid UTF-8 text (byte offset {offset})")


def test_lone_surrogate_in_a_str_argument(golden_bytes: bytes) -> None:
    text = golden_bytes.decode().replace("Sevilla", "Sev\ud800lla")
    assert first(refused(text)) == (
        "personas[0].demographics.location",
        "contains invalid text (a lone surrogate)",
    )


def test_bit_flips_never_escape_as_other_exceptions(golden_bytes: bytes) -> None:
    rng = random.Random(7)
    outcomes = {"refused": 0, "accepted": 0}
    for _ in range(300):
        data = bytearray(golden_bytes)
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        try:
            loads(bytes(data))
            outcomes["accepted"] += 1
        except ProjectFileError as err:
            assert err.problems and all(isinstance(p, str) and r for p, r in err.problems)
            outcomes["refused"] += 1
    assert outcomes["refused"] > 150, outcomes


def test_many_problems_are_summarised(golden_data: Data) -> None:
    def change(d: Data) -> None:
        for element in d["boards"][0]["elements"]:
            element["x"] = "far"

    err = refused(edit(golden_data, change))
    lines = str(err).splitlines()
    assert len(err.problems) == 8 and len(lines) == 6
    assert lines[0] == (
        "sample.personamap: boards[0].elements[0].x: "
        "Input should be a valid number, unable to parse string as a number"
    )
    assert lines[-1] == "… and 3 more"


def test_message_format_of_the_brief(golden_data: Data) -> None:
    def change(d: Data) -> None:
        d["personas"].extend([copy.deepcopy(d["personas"][1])])
        d["personas"][2].update(
            id=UNKNOWN, quotes=[{"id": UNKNOWN.replace("0f", "1f"), "text": "x" * 20_001}]
        )

    err = refused(edit(golden_data, change))
    assert str(err) == (
        "sample.personamap: personas[2].quotes[0].text: String should have at most 20000 characters"
    )


def test_hostile_key_is_shown_escaped(golden_data: Data) -> None:
    err = refused(edit(golden_data, lambda d: d.update({"\x1b[31mred\u202e": 1})))
    place, reason = first(err)
    assert place == "\\x1b[31mred\\u202e" and reason.startswith("unknown field")


def test_size_cap_for_text_and_bytes(monkeypatch: pytest.MonkeyPatch, golden_bytes: bytes) -> None:
    monkeypatch.setattr(constants, "MAX_FILE_BYTES", 1000)
    for data in (golden_bytes, golden_bytes.decode()):
        place, said = first(refused(data))
        assert place == "" and said.startswith("is too large (") and "the limit is" in said


def test_load_refuses_a_large_file_before_reading(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, golden_bytes: bytes
) -> None:
    path = tmp_path / "big.personamap"
    path.write_bytes(golden_bytes)
    monkeypatch.setattr(constants, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr("builtins.open", lambda *a, **k: pytest.fail("opened a file over the cap"))
    with pytest.raises(ProjectFileError, match="is too large"):
        load(path)


def test_load_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError) as info:
        load(tmp_path / "nowhere.personamap")
    assert info.value.source == str(tmp_path / "nowhere.personamap")
    assert info.value.problems == [("", "cannot be read: no such file or folder")]
    with pytest.raises(ProjectFileError) as info:
        load(tmp_path)
    assert info.value.problems == [("", "cannot be read: it is a folder, not a file")]
    with pytest.raises(ProjectFileError, match="embedded null"):
        load(str(tmp_path / "a\x00b"))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_load_unreadable_file(tmp_path: Path, golden_bytes: bytes) -> None:
    path = tmp_path / "secret.personamap"
    path.write_bytes(golden_bytes)
    path.chmod(0)
    with pytest.raises(ProjectFileError, match="cannot be read: permission denied"):
        load(path)


def test_load_permission_error_by_fault_injection(monkeypatch: pytest.MonkeyPatch, golden_path: Path) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(ProjectFileError) as info:
        load(golden_path)
    assert info.value.problems == [("", "cannot be read: permission denied")]


def test_load_reports_the_path_as_source(tmp_path: Path) -> None:
    path = tmp_path / "sample.personamap"
    path.write_text('{"format": "other", "schema_version": 1}', encoding="utf-8")
    with pytest.raises(ProjectFileError) as info:
        load(path)
    assert str(info.value).startswith(f"{path}: format: not a personamap file")


def test_unexpected_internal_errors_still_become_project_file_errors(
    monkeypatch: pytest.MonkeyPatch, golden_bytes: bytes
) -> None:
    from personamap.io import reader

    def broken(raw: dict[str, Any]) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(reader, "validate", broken)
    place, said = first(refused(golden_bytes.replace(b'  "format"', b' "format"')))
    assert place == "" and "KeyError" in said


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_random_json_never_escapes(golden_data: Data, data: st.DataObject) -> None:
    """Random values dropped anywhere in the golden data: refused cleanly or accepted."""
    doc = copy.deepcopy(golden_data)
    node: Any = doc
    while isinstance(node, dict | list) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(list(node) if isinstance(node, dict) else range(len(node))))
        if not isinstance(node[key], dict | list):
            break
        node = node[key]
    if isinstance(node, dict):
        node[data.draw(st.sampled_from([*node, "extra"]))] = data.draw(json_values)
    elif isinstance(node, list):
        node.append(data.draw(json_values))
    try:
        loads(json.dumps(doc))
    except ProjectFileError as err:
        assert err.problems and all(reason for _, reason in err.problems)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=100))
def test_random_input_never_escapes(data: bytes | str) -> None:
    with pytest.raises(ProjectFileError):
        loads(data)
