"""`personamap join URL --pin PIN` (issue 17): a scriptable participant of a live session."""

from __future__ import annotations

import argparse
import asyncio
import sys

from .terminal import say


def join_command(args: argparse.Namespace, cli_error: type[Exception]) -> int:
    from .live.client import JoinError, join

    try:
        refused = asyncio.run(join(args.url, args.pin, args.name, args.add_note, args.stage, args.vote))
    except JoinError as exc:
        raise cli_error(str(exc), 1) from None
    for reason in refused:
        say("refused:", reason, file=sys.stderr)
    return 1 if refused else 0
