"""Writing an export so that a failure or a cancel never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def replacing(out_path: Path, suffix: str) -> Iterator[Path]:
    """Yield a temporary path beside `out_path`; when the block succeeds it becomes `out_path`
    with the permissions the user's umask gives new files (mkstemp alone makes them 0600);
    when it raises, the temporary file is removed and `out_path` is untouched."""
    folder = out_path.parent if str(out_path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=".personamap-export-", suffix=suffix, dir=folder)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
