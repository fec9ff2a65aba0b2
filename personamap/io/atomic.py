"""Writing a file so that a crash, a full disk or a kill -9 never leaves it worse than before.

temp file in the same folder (exclusive create) → write every byte, checking counts → fsync →
read back → keep the old file as `<name>.bak` → os.replace → fsync the folder → read back →
remove the temp files earlier saves left there when they were killed mid-write.
Measured reasons (docs/RELIABILITY.md): QSaveFile committed a truncated file on a full
disk, and plain overwrites left unreadable files after kill -9.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import time
from pathlib import Path

from .errors import SaveError, os_reason

_CHUNK = 1 << 20
_TEMP = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")
_REPLACE_DELAYS = (0.02, 0.05, 0.1, 0.2, 0.4)
"""Windows refuses os.replace while a virus scanner or indexer has the file open; wait briefly."""


class _Failed(Exception):
    """Internal: a step failed; carries the user-facing reason."""


def temp_name(target: Path) -> Path:
    """A fresh hidden temp path next to `target`: `.<name>.<12 hex>.tmp`."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of a saved file is kept."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, backup: bool = True) -> None:
    """Replace `path` with `data` all at once; on any failure the old file stays as it was and
    SaveError says why. With `backup`, the previous content is kept as `<name>.bak`."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    tmp = temp_name(target)  # a symlinked file is replaced where it lives; the link stays
    source = os.fspath(path)
    try:
        _check_target(target)
        _write_temp(tmp, data, target)
        kept = backup and target.exists()
        if kept:
            _keep_backup(target)
        _replace(tmp, target)
    except _Failed as exc:
        raise SaveError(source, [("", f"could not save: {exc}")]) from None
    except OSError as exc:
        raise SaveError(source, [("", f"could not save: {_save_reason(exc)}")]) from None
    except ValueError as exc:  # a name with a NUL byte
        raise SaveError(source, [("", f"could not save: invalid file name ({exc})")]) from None
    finally:
        _remove(tmp)  # gone already after a successful replace
    _fsync_folder(target.parent)
    _verify(source, target, data, backup_path(target).name if kept else None)
    cleanup_orphans(target.parent)  # temp files of saves killed earlier, up to full size each


def _verify(source: str, target: Path, data: bytes, backup_name: str | None) -> None:
    """Read the saved file back: past the point of no return, so the message says so."""
    try:
        same = _read(target) == data
    except OSError as exc:
        same, why = False, f"reading it back failed: {os_reason(exc)}"
    else:
        why = "the file read back differs from what was written"
    if not same:
        where = f"; the previous version is in {backup_name}" if backup_name else ""
        raise SaveError(source, [("", f"saved, but {why}{where}")])


def _save_reason(exc: OSError) -> str:
    reason = os_reason(exc)
    if exc.errno in (errno.EACCES, errno.EPERM):
        reason += " (is the folder or the file read-only?)"
    return reason


def _check_target(target: Path) -> None:
    if target.is_dir():
        raise _Failed("it is a folder, not a file")
    if target.exists() and not target.stat().st_mode & 0o222:
        raise _Failed("the file is marked read-only")
    if not target.parent.is_dir():
        raise _Failed(f"the folder {target.parent} does not exist")


def _write_temp(tmp: Path, data: bytes, target: Path) -> None:
    """Create the temp exclusively, write all of `data`, fsync and verify it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    mode = 0o666
    with contextlib.suppress(OSError, ValueError):
        mode = os.stat(target).st_mode & 0o777  # keep the permissions of the file we replace
    fd = os.open(tmp, flags, mode)
    try:
        view = memoryview(data)
        written = 0
        while written < len(data):
            count = os.write(fd, view[written : written + _CHUNK])
            if not isinstance(count, int) or count <= 0:
                raise _Failed(f"the disk accepted only {written} of {len(data)} bytes (is it full?)")
            written += count
        os.fsync(fd)
        if os.fstat(fd).st_size != len(data):
            raise _Failed(f"the temporary file holds {os.fstat(fd).st_size} of {len(data)} bytes")
    finally:
        os.close(fd)
    if _read(tmp) != data:
        raise _Failed("the temporary file read back differs from what was written")


def _keep_backup(target: Path) -> None:
    """Keep the current file as `<name>.bak`: a hard link (instant) or else a copy."""
    bak = backup_path(target)
    if bak.is_dir():
        raise _Failed(f"the backup {bak.name} is a folder")
    staged = temp_name(target)
    try:
        try:
            os.link(target, staged)
        except OSError:  # no hard links here (FAT, some network drives): copy
            shutil.copyfile(target, staged)
        _replace(staged, bak)
    finally:
        _remove(staged)


def _replace(tmp: Path, target: Path) -> None:
    for delay in (*_REPLACE_DELAYS, None):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if delay is None or target.is_dir():
                raise
            time.sleep(delay)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on Windows."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read(path: Path) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError, ValueError):
        os.unlink(path)


def cleanup_orphans(folder: str | os.PathLike[str], min_age: float = 10.0) -> list[Path]:
    """Delete temp files a crashed save left in `folder` (older than `min_age` seconds, so a
    save running right now in another instance is spared); return the ones deleted."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP.match(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime >= min_age:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
