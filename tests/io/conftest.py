"""Fixtures for the io tests (helpers live in io_helpers.py, importable by test modules)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from io_helpers import GOLDEN, png_bytes

from personamap.io import SCHEMA_VERSION


@pytest.fixture
def golden_path() -> Path:
    """The golden file of the current schema version."""
    return GOLDEN / f"schema-v{SCHEMA_VERSION}.personamap"


@pytest.fixture
def golden_bytes(golden_path: Path) -> bytes:
    return golden_path.read_bytes()


@pytest.fixture
def golden_data(golden_bytes: bytes) -> dict[str, Any]:
    """The golden file as plain JSON data, to break in tests."""
    return json.loads(golden_bytes)


@pytest.fixture
def make_png() -> Callable[[int, int], bytes]:
    return png_bytes
