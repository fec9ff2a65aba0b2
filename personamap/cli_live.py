"""`personamap host FILE --no-window` (issue 17): a live workshop session on the local network,
served from the command line; `personamap join` is in cli_join.py."""

from __future__ import annotations

import argparse
import asyncio
import secrets

from .io import ProjectFileError, SaveError, load


def host_command(args: argparse.Namespace, cli_error: type[Exception]) -> int:
    from .live.headless import HeadlessHost
    from .live.server import lan_address

    if not args.no_window:
        raise cli_error("personamap host: the editor window is not available yet; use --no-window", 2)
    try:
        project = load(args.file)
    except ProjectFileError as exc:
        raise cli_error(exc.lines()) from None
    try:
        host = HeadlessHost(project, args.file, args.pin or f"{secrets.randbelow(10**6):06d}")
    except ValueError as exc:
        raise cli_error(f"{args.file}: {exc}") from None
    try:
        return asyncio.run(host.run(args.bind or lan_address(), args.port))
    except SaveError as exc:
        raise cli_error(exc.lines()) from None
    except OSError as exc:
        raise cli_error(f"personamap host: cannot listen: {exc.strerror or exc}") from None
