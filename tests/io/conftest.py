"""Fixtures for the io tests (helpers live in io_helpers.py, importable by test modules)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from io_helpers import GOLDEN, png_bytes


@pytest.fixture
def golden_path() -> Path:
    return GOLDEN / "schema-v1.personamap"


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
