"""Fixtures of the export tests: one multilingual, hostile project shared by the session."""

from __future__ import annotations

import pytest
from pdf_helpers import make_project

from personamap.model import Project


@pytest.fixture(scope="session")
def project() -> Project:
    return make_project()
