"""`personamap host FILE --no-window` (issue 17): a live workshop session on the local network,
served from the command line; `personamap join` is in cli_join.py."""

from __future__ import annotations

import argparse
import asyncio
import secrets
from collections.abc import Callable

from .io import ProjectFileError, SaveError, load


def host_command(
    args: argparse.Namespace, cli_error: type[Exception], in_editor: Callable[[str], int]
) -> int:
    """Headless with --no-window; else `in_editor(pin)` opens the editor hosting the session
    (cli.py: the editor is a layer above this module)."""
    from .live.headless import HeadlessHost
    from .live.server import lan_address

    try:
        project = load(args.file)
    except ProjectFileError as exc:
        raise cli_error(exc.lines()) from None
    pin = args.pin or f"{secrets.randbelow(10**6):06d}"
    if not args.no_window:
        return in_editor(pin)
    try:
        host = HeadlessHost(project, args.file, pin)
    except ValueError as exc:
        raise cli_error(f"{args.file}: {exc}") from None
    try:
        return asyncio.run(host.run(args.bind or lan_address(), args.port))
    except SaveError as exc:
        raise cli_error(exc.lines()) from None
    except OSError as exc:
        raise cli_error(f"personamap host: cannot listen: {exc.strerror or exc}") from None
