"""The file format: one flat UTF-8 JSON object, "format" and "schema_version" first, then the
project's fields in definition order, indented by two, with a final newline.

Loading has a fast path for files exactly as we write them: pydantic parses the JSON in Rust,
and re-serialising must give back the same bytes, which proves there were no duplicate keys,
odd numbers or escapes. Anything else goes to the careful `reader`, the only one that reports.
"""

from __future__ import annotations

import gc
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import ValidationError

from personamap.model.project import Project

from . import constants, limits, reader
from .atomic import atomic_write_bytes
from .errors import ProjectFileError, SaveError, os_reason, printable, problem_pairs

_SERIALIZER = Project.__pydantic_serializer__
_MEMORY = "<memory>"


@contextmanager
def _gc_paused(promote: bool = False) -> Iterator[None]:
    """Pause the cycle collector while building a big tree of new objects.

    On a 20,000-note project it otherwise runs dozens of times over the young objects and
    nearly doubles the time of parsing. With `promote` (a loaded project that will live on),
    the new objects then go straight to the oldest generation (freeze + unfreeze: a list
    splice, no traversal) instead of being scanned at once when collection resumes; skipped
    if the application froze objects itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if promote and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


def _prefix() -> bytes:
    """The first lines of every current file, up to the project's own first field."""
    fmt, version = json.dumps(constants.FORMAT_ID), constants.SCHEMA_VERSION
    return f'{{\n  "format": {fmt},\n  "schema_version": {version},\n'.encode()


def _project_json(project: Project) -> bytes:
    """The project alone, as pydantic writes it: `{\\n  "id": …\\n}` (raises on lone surrogates)."""
    return _SERIALIZER.to_json(project, indent=2, warnings=False)


def encode(project: Project, source: str = _MEMORY) -> bytes:
    """The canonical bytes of a project, refused (ProjectFileError) unless they would reopen:
    every field valid (lists mutated in place bypass validation) and every reference sound."""
    try:
        body = _project_json(project)
    except Exception:  # lone surrogates or foreign objects smuggled into the model
        raise ProjectFileError(source, _unserialisable(project)) from None
    data = _prefix() + body[2:] + b"\n"
    try:
        with _gc_paused():  # the copy dies inside: nothing for the collector to scan later
            copy = Project.model_validate_json(body)
            found = problem_pairs(copy)
            del copy
    except ValidationError as exc:
        try:
            reader.read_text(data.decode("utf-8"))
        except reader.Refused as refused:
            raise ProjectFileError(source, refused.problems) from None
        raise ProjectFileError(source, reader.validation_problems(exc, json.loads(body))) from None
    if found:
        raise ProjectFileError(source, found)
    return data


def _unserialisable(project: Project) -> list[tuple[str, str]]:
    """Where text that cannot be written as UTF-8 sits (a lone surrogate), for the error."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(project.model_dump(warnings=False), ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                found.append((reader.place_of(loc), "contains invalid text (a lone surrogate)"))
        elif isinstance(node, dict):
            stack.extend((v, (*loc, k)) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((v, (*loc, i)) for i, v in reversed(list(enumerate(node))))
    return found or [("", "holds a value that cannot be written as JSON")]


def dumps(project: Project) -> str:
    """The canonical file text of a project; ProjectFileError if it could not be reopened."""
    return encode(project).decode("utf-8")


def _fast(data: bytes) -> Project | None:
    """The project if `data` is byte for byte what we would write for it, else None."""
    prefix = _prefix()
    if not (data.startswith(prefix) and data.endswith(b"\n}\n")):
        return None
    body = bytearray(b"{\n")
    body += memoryview(data)[len(prefix) : -1]  # one copy of a 10 MB text, not two
    try:
        project = Project.model_validate_json(body)
        same = _project_json(project) == body
    except Exception:  # never reported: the careful reader says what is wrong
        return None
    return project if same else None


def _fast_within_limits(data: bytes, values: int) -> Project | None:
    """The fast path, for a file limits.check_bytes let through with at most `values`
    values: what it accepts is within every limit of limits.py (a valid object has few keys
    and short texts; the longest list is measured when the file holds enough values for one
    to be over its limit)."""
    project = _fast(data)
    if project is None or values <= limits.MAX_LIST_ITEMS:
        return project
    return None if limits.longest_list(project) > limits.MAX_LIST_ITEMS else project


def loads(data: str | bytes, *, source: str = _MEMORY) -> Project:
    """A project from file contents; ProjectFileError (and nothing else) for any bad input."""
    if not isinstance(data, str | bytes | bytearray | memoryview):
        raise TypeError(f"loads() takes str or bytes, not {type(data).__name__}")
    try:
        with _gc_paused(promote=True):
            return _loads(data, source)
    except ProjectFileError:
        raise
    except reader.Refused as refused:
        raise ProjectFileError(source, refused.problems) from None
    except Exception as exc:  # the last net: a file must never crash the app with a traceback
        reason = f"cannot be read ({type(exc).__name__}: {printable(str(exc), 200)})"
        raise ProjectFileError(source, [("", reason)]) from None


def _loads(data: str | bytes | bytearray | memoryview, source: str) -> Project:
    if len(data) > constants.MAX_FILE_BYTES:
        raise reader.Refused([("", _too_large(len(data)))])
    text: str | None = None
    if isinstance(data, str):
        text = data
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: only the careful reader can place them
            data = b""
    if not isinstance(data, bytes):
        data = bytes(data)
    try:
        values = limits.check_bytes(data) if data else 0
    except limits.LimitError as exc:  # before the text is decoded (up to 4 bytes a character)
        raise reader.Refused([(exc.place, exc.reason)]) from None
    project = _fast_within_limits(data, values) if values else None
    if project is None:
        if text is None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                hint = "; it looks like UTF-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
                reason = f"not valid UTF-8 text (byte offset {exc.start}{hint})"
                raise reader.Refused([("", reason)]) from None
        text = text.removeprefix("\ufeff")
        if not text or text.isspace():
            raise reader.Refused([("", "the file is empty")])
        return reader.read_text(text)
    found = problem_pairs(project)
    if found:
        raise reader.Refused(found)
    return project


def _too_large(size: int) -> str:
    mib = 1024 * 1024
    return f"is too large ({size / mib:.1f} MB; the limit is {constants.MAX_FILE_BYTES / mib:.0f} MB)"


def load(path: str | os.PathLike[str]) -> Project:
    """Read a project file; ProjectFileError with the OS reason if it cannot be read."""
    source = os.fspath(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise reader.Refused([("", "cannot be read: it is a folder, not a file")])
        if not stat.S_ISREG(info.st_mode):
            raise reader.Refused([("", "cannot be read: it is not a regular file")])
        if info.st_size > constants.MAX_FILE_BYTES:
            raise reader.Refused([("", _too_large(info.st_size))])
        with open(path, "rb") as file:
            data = file.read(constants.MAX_FILE_BYTES + 1)
    except reader.Refused as refused:
        raise ProjectFileError(source, refused.problems) from None
    except (OSError, ValueError) as exc:  # ValueError: a path with a NUL byte
        reason = os_reason(exc) if isinstance(exc, OSError) else printable(str(exc), 200)
        raise ProjectFileError(source, [("", f"cannot be read: {reason}")]) from None
    return loads(data, source=source)


def save(project: Project, path: str | os.PathLike[str], *, backup: bool = True) -> None:
    """Write a project atomically (see atomic.py); SaveError leaves the file on disk untouched."""
    try:
        data = encode(project, os.fspath(path))
    except ProjectFileError as exc:
        raise SaveError(exc.source, exc.problems) from None
    atomic_write_bytes(path, data, backup=backup)
