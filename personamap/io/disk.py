"""What a file on disk looked like when we last read or wrote it, so a save can tell that
someone else (another program, a synced folder, a colleague) changed it in the meantime.

The content hash decides. A different size is a change without reading the file; an equal
size and mtime prove nothing (`rsync -t` and `cp -p` keep both while replacing the bytes), so
the file is hashed again. A `touch` or a copy of identical bytes is therefore not a change.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any, NamedTuple

_CHUNK = 1 << 20


def _hash(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class Fingerprint(NamedTuple):
    """mtime (ns), size and sha256 of a file at one moment."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> Fingerprint | None:
        """The file's fingerprint now; None when it does not exist or cannot be read."""
        try:
            info = os.stat(path)
            return cls(info.st_mtime_ns, info.st_size, _hash(path))
        except (OSError, ValueError):
            return None

    def changed(self, path: str | os.PathLike[str]) -> bool:
        """Whether the file now differs from this fingerprint. A file that was deleted since
        is not "changed": saving simply writes it again."""
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return False
        if info.st_size != self.size:
            return True
        try:
            return _hash(path) != self.sha256
        except OSError:
            return True

    def to_json(self) -> dict[str, Any]:
        return {"mtime_ns": self.mtime_ns, "size": self.size, "sha256": self.sha256}

    @classmethod
    def from_json(cls, data: Any) -> Fingerprint | None:
        """Back from autosave metadata; None for anything malformed (metadata is not trusted)."""
        if not isinstance(data, dict):
            return None
        mtime, size, digest = data.get("mtime_ns"), data.get("size"), data.get("sha256")
        if not (isinstance(mtime, int) and isinstance(size, int) and isinstance(digest, str)):
            return None
        return cls(mtime, size, digest[:64])
