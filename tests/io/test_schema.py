"""The published JSON Schema (personamap/io/schema.py): a valid 2020-12 schema, the committed
copy in docs/schema/ is what `personamap schema` prints, every file personamap ships or keeps
as golden fits it, and a broken file fails it as the reader refuses it."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from io_helpers import GOLDEN
from jsonschema import Draft202012Validator

from personamap.io import FORMAT_ID, SCHEMA_VERSION, ProjectFileError, loads, migrate
from personamap.io.reader import check_envelope
from personamap.io.schema import DIALECT, SIGNATURES, file_schema, schema_text
from personamap.model import sniff_media_type

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "schema" / f"personamap-v{SCHEMA_VERSION}.schema.json"
REBUILD = "the committed schema is out of date: run python scripts/build_schema.py and commit it"
SHIPPED = [ROOT / "resources" / "sample.personamap", *sorted((ROOT / "resources" / "templates").glob("*"))]


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    """Formats asserted too (a `date` must be a real day), as a careful consumer would."""
    return Draft202012Validator(file_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(data)]


def current(path: Path) -> dict[str, Any]:
    """A file's JSON as the current version: an older one is run through the migrations first."""
    raw, version = check_envelope(json.loads(path.read_text(encoding="utf-8")))
    if version < SCHEMA_VERSION:
        raw = migrate(raw, version)
    return {"format": FORMAT_ID, "schema_version": SCHEMA_VERSION, **raw}


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = file_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT
    assert schema["$id"].startswith("urn:")
    assert schema["properties"]["format"]["const"] == FORMAT_ID
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert schema["required"][:2] == ["format", "schema_version"]


def test_the_committed_copy_is_what_personamap_schema_prints(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    from personamap.cli import main

    assert main(["schema"]) == 0
    printed = capsysbinary.readouterr().out
    assert COMMITTED.is_file(), REBUILD
    assert printed == COMMITTED.read_bytes(), REBUILD
    assert printed == schema_text().encode("utf-8")


def test_the_schema_is_the_same_bytes_in_another_process_and_locale() -> None:
    """No set or hash order leaks into the text, and a non-UTF-8 locale still gets UTF-8 JSON."""
    env = {**os.environ, "PYTHONHASHSEED": "4321", "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "personamap.cli", "schema"], capture_output=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == COMMITTED.read_bytes(), REBUILD


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_the_sample_and_every_template_fit(validator: Draft202012Validator, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert errors(validator, data) == []


def test_there_are_templates_to_check() -> None:
    assert len(SHIPPED) >= 3 and all(p.suffix == ".personamap" for p in SHIPPED)


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.personamap")), ids=lambda p: p.name)
def test_every_golden_file_fits_once_migrated(validator: Draft202012Validator, path: Path) -> None:
    assert errors(validator, current(path)) == []


def test_the_golden_files_include_an_older_version() -> None:
    versions = {
        json.loads(p.read_text(encoding="utf-8"))["schema_version"] for p in GOLDEN.glob("*.personamap")
    }
    assert SCHEMA_VERSION in versions and min(versions) < SCHEMA_VERSION


def _set(*path: str | int, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return edit


def _drop(key: str) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.pop(key)


BROKEN: dict[str, Callable[[dict[str, Any]], None]] = {
    "wrong format": _set("format", value="personamap-x"),
    "no format": _drop("format"),
    "newer version": _set("schema_version", value=SCHEMA_VERSION + 1),
    "version as text": _set("schema_version", value=str(SCHEMA_VERSION)),
    "unknown key at the top": _set("colour_scheme", value="dark"),
    "unknown key in a persona": _set("personas", 0, "nickname", value="Al"),
    "bad enum": _set("personas", 0, "priority", value="tertiary"),
    "bad lane kind": _set("journeys", 0, "lanes", 0, "kind", value="feelings"),
    "bad date": _set("personas", 0, "lifecycle", "last_reviewed", value="2024-02-30"),
    "date not ISO": _set("personas", 0, "lifecycle", "last_reviewed", value="01/05/2024"),
    "date before 1900": _set("personas", 0, "lifecycle", "last_reviewed", value="1899-12-31"),
    "date after 2999": _set("sources", 0, "date", value="3000-01-01"),
    "moment after 2999": _set("modified", value="3000-01-01T00:00:00Z"),
    "moment not a time": _set("created", value="yesterday"),
    "bad id pattern": _set("personas", 0, "id", value="88718C96-6F3D-48F7-B4B1-B64633BE40F5"),
    "id not a uuid": _set("id", value="project-1"),
    "too long name": _set("personas", 0, "name", value="x" * 501),
    "too long text": _set("description", value="x" * 20_001),
    "line break in a name": _set("personas", 0, "name", value="Ann\nSmith"),
    "control character": _set("description", value="bell\x07"),
    "number as text": _set("settings", "review_period_months", value="6"),
    "flag for a number": _set("settings", "review_period_months", value=True),
    "number out of range": _set("settings", "review_period_months", value=121),
    "bad colour": _set("personas", 0, "color", value="red"),
    "image not base64": _set("assets", 0, "data", value="not base64!"),
    "image of another type": _set("assets", 0, "media_type", value="image/jpeg"),
    "unknown board element": _set("boards", 0, "elements", 0, "type", value="sticker"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_file_fails_the_schema_and_the_reader(
    validator: Draft202012Validator, golden_data: dict[str, Any], name: str
) -> None:
    data = copy.deepcopy(golden_data)
    assert errors(validator, data) == []
    BROKEN[name](data)
    assert errors(validator, data), f"the schema accepts a file with: {name}"
    with pytest.raises(ProjectFileError):
        loads(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize(
    ("place", "value"),
    [
        (("personas", 0, "lifecycle", "last_reviewed"), "1900-01-01"),
        (("sources", 0, "date"), "2999-12-31"),
        (("created",), "1900-01-01T00:00:00Z"),
        (("modified",), "2999-12-31T23:59:59+00:00"),
        (("modified",), "2024-06-03T09:30:00.25-05:30"),
    ],
)
def test_the_edges_of_the_date_range_fit_and_load(
    validator: Draft202012Validator, golden_data: dict[str, Any], place: tuple[str | int, ...], value: str
) -> None:
    data = copy.deepcopy(golden_data)
    _set(*place, value=value)(data)
    assert errors(validator, data) == []
    loads(json.dumps(data, ensure_ascii=False))


def test_a_date_range_that_is_not_whole_centuries_is_refused_when_building() -> None:
    from personamap.io.schema import year_pattern

    assert year_pattern(dt.date(1900, 1, 1), dt.date(2099, 12, 31)) == "(19|20)[0-9]{2}"
    with pytest.raises(ValueError, match="whole centuries"):
        year_pattern(dt.date(1970, 1, 1), dt.date(2999, 12, 31))


def test_a_list_longer_than_the_reader_allows_fails_the_schema_too(
    monkeypatch: pytest.MonkeyPatch, golden_data: dict[str, Any]
) -> None:
    """The schema reads the list limit from limits.py (lowered here, so the list stays small)."""
    from personamap.io import limits

    monkeypatch.setattr(limits, "MAX_LIST_ITEMS", 2)
    validator = Draft202012Validator(file_schema())
    data = copy.deepcopy(golden_data)
    data["personas"][0]["tags"] = ["a", "b", "c"]
    assert any("is too long" in e for e in errors(validator, data))
    with pytest.raises(ProjectFileError, match="too long"):
        loads(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize("media_type", list(SIGNATURES))
def test_an_image_fits_only_the_media_type_its_content_has(
    validator: Draft202012Validator, golden_data: dict[str, Any], media_type: str
) -> None:
    """The schema tells image types apart by their first bytes exactly as the model sniffs them."""
    rng = random.Random(media_type)
    data = copy.deepcopy(golden_data)
    asset = data["assets"][0]
    for length in range(12, 40):
        body = bytearray(rng.randbytes(length))
        for offset, chunk in SIGNATURES[media_type]:
            body[offset : offset + len(chunk)] = chunk
        assert sniff_media_type(bytes(body)) == media_type
        asset["data"] = base64.b64encode(bytes(body)).decode("ascii")
        for claimed in SIGNATURES:
            asset["media_type"] = claimed
            assert (errors(validator, data) == []) == (claimed == media_type), (claimed, length)


def test_a_riff_file_that_is_not_webp_fits_no_media_type(
    validator: Draft202012Validator, golden_data: dict[str, Any]
) -> None:
    body = b"RIFF\x10\x00\x00\x00WAVEfmt \x00\x00\x00\x00"
    assert sniff_media_type(body) is None
    data = copy.deepcopy(golden_data)
    data["assets"][0]["data"] = base64.b64encode(body).decode("ascii")
    for claimed in SIGNATURES:
        data["assets"][0]["media_type"] = claimed
        assert errors(validator, data) != [], claimed
