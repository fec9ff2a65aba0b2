"""`personamap insights FILE [--json]`: coverage of the journeys, evidence per persona and the
buying committee (personamap/insights/report.py), as JSON or as readable tables."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Any

from .terminal import escape, json_text, say


def insights_command(args: argparse.Namespace, error: type[Exception]) -> int:
    """Load FILE (a file that does not load is `error(lines, 1)`, the CLI's CliError) and print."""
    from .insights.report import insights_report
    from .io import ProjectFileError, load

    try:
        project = load(args.file)
    except ProjectFileError as exc:
        raise error(exc.lines(), 1) from None
    report = insights_report(project)
    if args.json:
        print(json_text(report))
        return 0
    _say_coverage(report["coverage"])
    _say_evidence(report["evidence"])
    _say_committee(report["committee"])
    return 0


_FIGURE = re.compile(r"[\d.,/%]+")


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], indent: str = "  ") -> None:
    """Columns padded to their widest cell; figures (12, 0.5, 71%, 60/84) right-aligned."""
    cells = [[escape(str(c)) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    numeric = [all(_FIGURE.fullmatch(r[i]) for r in cells) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        padded = [
            v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True)
        ]
        return (indent + "  ".join(padded)).rstrip()

    say(line(headers))
    for row in cells:
        say(line(row))


def _say_coverage(rows: list[dict[str, Any]]) -> None:
    say("Coverage of the journeys (notes per stage; 'nothing for': personas no note or score concerns)")
    if not rows:
        say("  no journey has a stage")
    journeys = list(dict.fromkeys(r["journey_id"] for r in rows))
    for journey_id in journeys:
        stages = [r for r in rows if r["journey_id"] == journey_id]
        say(f"  {stages[0]['journey']}")
        _table(
            (
                "Stage",
                "Touchpoints",
                "Pain points",
                "Opportunities",
                "Notes",
                "Personas scored",
                "Nothing for",
            ),
            [
                (
                    r["stage"],
                    r["touchpoints"],
                    r["pain_points"],
                    r["opportunities"],
                    r["notes"],
                    r["personas_scored"],
                    ", ".join(r["empty_for"]),
                )
                for r in stages
            ],
            indent="    ",
        )


def _say_evidence(rows: list[dict[str, Any]]) -> None:
    say("Evidence per persona (share of its entries citing a source)")
    if not rows:
        say("  no persona")
        return
    _table(
        ("Persona", "Cited", "Coverage", "Kinds of source"),
        [
            (
                r["persona"],
                f"{r['cited']}/{r['citable']}",
                f"{r['coverage']:.0%}",
                ", ".join(k.replace("_", " ") for k in r["kinds"]),
            )
            for r in rows
        ],
    )


def _say_committee(committee: dict[str, Any]) -> None:
    say("Buying committee")
    centrality = [c for c in committee["centrality"] if c["relations"]]
    if not centrality:
        say("  no relation between personas")
        return
    _table(
        ("Persona", "Centrality", "Relations"),
        [(c["persona"], c["score"], c["relations"]) for c in centrality],
    )
    say("  From champion to economic buyer:")
    if not committee["paths"]:
        say("    no champion or no economic buyer among the personas (see their buying roles)")
    for p in committee["paths"]:
        if not p["path"]:
            say(f"    {p['from']} does not reach {p['to']}: no chain of relations links them")
        else:
            arrow = " → " if p["directed"] else " — "
            undirected = "" if p["directed"] else "  (only ignoring which way the relations run)"
            say("    " + arrow.join(p["path"]) + undirected)
    for b in committee["blockers"]:
        where = ", ".join(str(i + 1) for i in b["paths"])
        if b["on_path"]:
            say(f"  Blocker: {b['persona']} stands on path {where}")
        if b["blocks"]:
            say(f"  Blocker: {b['persona']} blocks {', '.join(b['blocks'])} (path {where})")
