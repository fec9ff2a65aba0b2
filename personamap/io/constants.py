"""The numbers that define a `.personamap` file: its id, its version and the limits we accept.

Code inside `personamap.io` reads these through the module (`constants.SCHEMA_VERSION`) at
call time, so a test can monkeypatch this module to pretend to be a newer release or to
lower the size cap; the names re-exported by `personamap.io` are copies for users.
"""

from __future__ import annotations

FORMAT_ID = "personamap"
"""The value of the "format" key that tells our files from any other JSON."""

SCHEMA_VERSION = 2
"""The version this release writes and the newest it reads; older ones are migrated."""

EXTENSION = ".personamap"

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Files above this are refused before reading: a 20,000-note project is about 9 MB."""

MAX_DEPTH = 200
"""Deeper JSON nesting is refused: a real project nests fewer than 10 levels."""

MAX_SHOWN = 5
"""How many problems an error message lists before "… and N more"."""
