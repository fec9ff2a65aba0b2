"""`personamap join URL --pin PIN` (issue 17): a scriptable participant of a live session. It
remembers the session per host and name (live/join_state.py; PERSONAMAP_STATE_DIR overrides
where): a rerun comes back as the same participant, a note asked for while the host could not
be reached is sent by the next run, and the same --add-note twice adds one note."""

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
