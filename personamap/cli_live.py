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

    try:
        project = load(args.file)
    except ProjectFileError as exc:
        raise cli_error(exc.lines()) from None
    pin = args.pin or f"{secrets.randbelow(10**6):06d}"
    if not args.no_window:
        return _host_in_editor(args, pin, cli_error)
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


def _host_in_editor(args: argparse.Namespace, pin: str, cli_error: type[Exception]) -> int:
    from .live.server import lan_address

    try:
        from .ui.app import _platform_guard
        from .ui.live_host.hosted import run_hosted

        _platform_guard()
    except (ImportError, RuntimeError) as exc:
        raise cli_error(f"personamap host: the editor cannot start: {exc} (or use --no-window)") from None
    return run_hosted(args.file, args.bind or lan_address(), args.port, pin)
