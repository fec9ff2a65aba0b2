"""Reading and writing `.personamap` files: the format, versions and migrations, atomic
saves, and errors that say where and why (never a traceback). No Qt here."""

from __future__ import annotations

from .atomic import atomic_write_bytes, backup_path, cleanup_orphans
from .codec import dumps, load, loads, save
from .constants import EXTENSION, FORMAT_ID, MAX_DEPTH, MAX_FILE_BYTES, SCHEMA_VERSION
from .errors import ProjectFileError, SaveError
from .images import MAX_IMAGE_PIXELS, image_info, make_asset
from .migrations import MIGRATIONS, MigrationError, migrate

__all__ = [
    "EXTENSION",
    "FORMAT_ID",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_IMAGE_PIXELS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "MigrationError",
    "ProjectFileError",
    "SaveError",
    "atomic_write_bytes",
    "backup_path",
    "cleanup_orphans",
    "dumps",
    "image_info",
    "load",
    "loads",
    "make_asset",
    "migrate",
    "save",
]
