"""The migration chain: older files are upgraded step by step on load, and written back in the
current version. The chain itself is proved with fake steps after the current version; the real
step from version 1 (sources become project-level) is tested in test_io_migration_v2.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from personamap.io import ProjectFileError, constants, dumps, load, loads, migrations
from personamap.io.migrations import MigrationError, migrate

Raw = dict[str, Any]


def test_the_registry_holds_one_step_per_older_version() -> None:
    assert constants.SCHEMA_VERSION == 2
    assert set(migrations.MIGRATIONS) == {1}
    raw = {"title": "x"}
    assert migrate(raw, 2) is raw


def test_a_fake_step_upgrades_the_golden_file(monkeypatch: pytest.MonkeyPatch, golden_path: Path) -> None:
    seen: list[int] = []

    def v2_to_v3(raw: Raw) -> Raw:
        seen.append(2)
        assert "format" not in raw and "schema_version" not in raw
        return {**raw, "title": raw["title"] + " (upgraded)"}

    monkeypatch.setattr(constants, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, v2_to_v3)
    project = load(golden_path)
    assert seen == [2]
    assert project.title == "Freight buyers — golden file (upgraded)"
    text = dumps(project)
    assert '\n  "schema_version": 3,\n' in text
    assert loads(text) == project  # a current file needs no step
    assert seen == [2]


def test_steps_run_in_order(monkeypatch: pytest.MonkeyPatch, golden_path: Path) -> None:
    monkeypatch.setattr(constants, "SCHEMA_VERSION", 5)
    for version in (2, 3, 4):
        monkeypatch.setitem(
            migrations.MIGRATIONS, version, lambda raw, v=version: {**raw, "title": f"{raw['title']}>{v}"}
        )
    assert load(golden_path).title.endswith(">2>3>4")
    assert migrate({"title": "t"}, 3)["title"] == "t>3>4"
    assert migrate({"title": "t"}, 2, to_version=3)["title"] == "t>2"


def test_a_step_that_renames_a_field(monkeypatch: pytest.MonkeyPatch, golden_bytes: bytes) -> None:
    """What a renaming migration looks like: say version 2 called `description` `summary`."""
    old = golden_bytes.replace(b'\n  "description": ', b'\n  "summary": ')

    def rename(raw: Raw) -> Raw:
        raw = dict(raw)
        raw["description"] = raw.pop("summary")
        return raw

    monkeypatch.setattr(constants, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, rename)
    assert loads(old).description == "Every entity type once.\n<&>"


def test_missing_step_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, golden_bytes: bytes) -> None:
    monkeypatch.setattr(constants, "SCHEMA_VERSION", 4)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, lambda raw: raw)
    with pytest.raises(ProjectFileError) as info:
        loads(golden_bytes)
    assert info.value.problems == [("schema_version", "no upgrade from schema version 3 to 4")]
    with pytest.raises(MigrationError):
        migrate({}, 3)


def test_failing_step_is_reported(monkeypatch: pytest.MonkeyPatch, golden_bytes: bytes) -> None:
    def broken(raw: Raw) -> Raw:
        return raw["no such key"]

    monkeypatch.setattr(constants, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken)
    with pytest.raises(ProjectFileError) as info:
        loads(golden_bytes)
    place, reason = info.value.problems[0]
    assert place == "schema_version"
    assert reason.startswith("upgrading from schema version 2 to 3 failed: ")


def test_step_returning_garbage(monkeypatch: pytest.MonkeyPatch, golden_bytes: bytes) -> None:
    monkeypatch.setattr(constants, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, lambda raw: [raw])
    with pytest.raises(ProjectFileError, match="did not return an object"):
        loads(golden_bytes)


def test_a_migrated_file_is_still_validated(monkeypatch: pytest.MonkeyPatch, golden_bytes: bytes) -> None:
    monkeypatch.setattr(constants, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.MIGRATIONS, 2, lambda raw: {**raw, "title": 3})
    with pytest.raises(ProjectFileError) as info:
        loads(golden_bytes)
    assert info.value.problems == [("title", "Input should be a valid string")]
