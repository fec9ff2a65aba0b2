"""`personamap lint FILE [--json] [--strict]`: the lint's findings (personamap/insights/lint.py),
one line each or as JSON. Advice, so exit 0 whatever is found; --strict exits 3 on a warning or
an error, for a check in a pipeline."""

from __future__ import annotations

import argparse
import datetime as dt

from .terminal import json_text, say

EXIT_FINDINGS = 3


def lint_command(args: argparse.Namespace, error: type[Exception]) -> int:
    """Load FILE (a file that does not load is `error(lines, 1)`, the CLI's CliError) and print."""
    from .insights.lint import counts, lint
    from .io import ProjectFileError, load

    try:
        project = load(args.file)
    except ProjectFileError as exc:
        raise error(exc.lines(), 1) from None
    findings = lint(project, dt.date.today())
    tally = counts(findings)
    if args.json:
        print(json_text({"findings": [f.to_json() for f in findings], "counts": tally}))
    else:
        for f in findings:
            say(f"{args.file}: {f.severity}: {f.message} [{f.rule}]")
        parts = [
            _count(tally[s], one) for s, one in (("error", "error"), ("warning", "warning"), ("info", "tip"))
        ]
        say(f"{args.file}: " + ", ".join(parts))
    if args.strict and (tally["error"] or tally["warning"]):
        return EXIT_FINDINGS
    return 0


def _count(n: int, one: str) -> str:
    return f"{n} {one}" if n == 1 else f"{n} {one}s"
