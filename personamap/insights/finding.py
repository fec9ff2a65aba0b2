"""One finding of the lint: a stable rule id, a severity, a sentence a marketer understands and
the places it is about, so the command line, the Insights dock and the PDF health page say the
same thing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """`where`: the places, most specific last, each {"kind", "id", "name"} with kind persona,
    journey, stage, note or source."""

    rule: str
    severity: str
    message: str
    where: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "where": self.where}


def place(kind: str, ident: str, name: str) -> dict[str, str]:
    """One `where` entry."""
    return {"kind": kind, "id": ident, "name": name}


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each severity, every severity present (0 when none)."""
    return {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
