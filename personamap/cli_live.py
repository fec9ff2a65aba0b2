"""`personamap host FILE --no-window` and `personamap join URL --pin PIN` (issue 17): a live
workshop session on the local network, served and joined from the command line."""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys

from .io import ProjectFileError, SaveError, load
from .terminal import say


def live_command(args: argparse.Namespace, cli_error: type[Exception]) -> int:
    if args.command == "host":
        return _host(args, cli_error)
    return _join(args, cli_error)


def _host(args: argparse.Namespace, cli_error: type[Exception]) -> int:
    from .live.server import LiveHost, lan_address, run

    if not args.no_window:
        raise cli_error("personamap host: the editor window is not available yet; use --no-window", 2)
    try:
        project = load(args.file)
    except ProjectFileError as exc:
        raise cli_error(exc.lines()) from None
    try:
        host = LiveHost(project, args.file, args.pin or f"{secrets.randbelow(10**6):06d}")
    except ValueError as exc:
        raise cli_error(f"{args.file}: {exc}") from None
    try:
        return asyncio.run(run(host, args.bind or lan_address(), args.port))
    except SaveError as exc:
        raise cli_error(exc.lines()) from None
    except OSError as exc:
        raise cli_error(f"personamap host: cannot listen: {exc.strerror or exc}") from None


def _join(args: argparse.Namespace, cli_error: type[Exception]) -> int:
    from .live.client import JoinError, join

    try:
        refused = asyncio.run(join(args.url, args.pin, args.name, args.add_note, args.stage, args.vote))
    except JoinError as exc:
        raise cli_error(str(exc), 1) from None
    for reason in refused:
        say("refused:", reason, file=sys.stderr)
    return 1 if refused else 0
