"""`personamap data segment` and `personamap data refresh`: parse, run the Qt-free command in
personamap/data/commands.py, print its JSON or a readable summary."""

from __future__ import annotations

import argparse
from typing import Any

from .terminal import json_text, say


def data_command(args: argparse.Namespace, error: type[Exception]) -> int:
    """Run the action; a CommandError becomes `error(lines, code)` (the CLI's CliError)."""
    from .data.commands import CommandError, data_refresh, data_segment, parse_k

    try:
        if args.data_command == "segment":
            columns = None
            if args.columns is not None:
                columns = [name.strip() for name in args.columns.split(",") if name.strip()]
            result = data_segment(
                args.project, args.data, columns=columns, k=parse_k(args.k), seed=args.seed, sheet=args.sheet
            )
        else:
            result = data_refresh(args.project, args.data, sheet=args.sheet)
    except CommandError as exc:
        raise error(exc.lines, exc.code) from None
    if args.json:
        print(json_text(result))
    elif args.data_command == "segment":
        _say_segments(args, result)
    else:
        _say_drift(args, result)
    return 0


def _say_segments(args: argparse.Namespace, result: dict[str, Any]) -> None:
    quality = result["quality"]
    say(
        f"{args.project}: added the data source {result['source']['title']!r} "
        f"({result['rows_used']:,} rows used) and {len(result['segments'])} draft personas "
        f"(k={quality['k']}, silhouette {quality['silhouette']}, stability {quality['stability']})"
    )
    for seg in result["segments"]:
        niche = ", niche" if seg["niche"] else ""
        say(f"  {seg['name']}: n={seg['n']:,} ({seg['share']} %{niche})")
        firsts = {d["column"]: d for d in reversed(seg["distinguishing"])}  # each column's strongest
        for d in [d for d in seg["distinguishing"] if firsts[d["column"]] is d][:3]:
            here, overall = d["share_in_segment"], d["share_overall"]
            if d.get("measure") == "share":
                say(f"    {d['column']} = {d['value']}: {here} % here, {overall} % overall")
            else:
                say(f"    {d['column']}: mean {here} here, {overall} overall")


def _say_drift(args: argparse.Namespace, result: dict[str, Any]) -> None:
    say(f"{args.project}: read the next wave from {args.data}")
    for persona in result["personas"]:
        say(f"  {persona['name']}: {persona['share_before']} % before, {persona['share_now']} % now")
        for drift in persona["drift"]:
            say(f"    {drift['message']}")
        if not persona["drift"]:
            say("    no change worth a look")
