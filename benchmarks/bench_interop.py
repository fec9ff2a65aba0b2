"""Mermaid journeys (issue 16): import and re-export of a 480-task journey (goal ≤ 100 ms,
absolute; raw: splitting the same text into lines), and the Mermaid text made into a PDF poster
of the journey (goal ≤ ⅓ of the 3.1 s mermaid-cli needs for 480 tasks = 1.03 s, absolute; raw:
the PDF alone, from the already imported project)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import compare, format_line

from personamap.export import PdfOptions, export_pdf
from personamap.interop.merge import new_project
from personamap.interop.mermaid import export_mermaid, import_mermaid

ROUNDTRIP_GOAL = 0.1
PDF_GOAL = 1.03
ACTORS = ["Ana", "Ben", "Chloé"]


def journey_text(tasks: int = 480, per_section: int = 40) -> str:
    """A journey of `tasks` tasks in sections of `per_section`, one to three actors each."""
    lines = ["journey", "    title A long onboarding"]
    for k in range(tasks):
        if k % per_section == 0:
            lines.append(f"    section Phase {k // per_section + 1}")
        actors = ", ".join(ACTORS[: 1 + k % 3])
        lines.append(f"      Step {k + 1} of the onboarding: {1 + (k * 7) % 5}: {actors}")
    return "\n".join(lines) + "\n"


def run(quick: bool = False) -> None:
    text = journey_text()
    repeat, warmup = (1, 0) if quick else (7, 1)

    def roundtrip() -> object:
        return export_mermaid(import_mermaid(text).project_part)

    ours_s, raw_s = compare(roundtrip, lambda: text.split("\n"), repeat=repeat, warmup=warmup)
    print(format_line("interop.mermaid_roundtrip_480", ours_s, raw_s, ROUNDTRIP_GOAL) + "s", flush=True)

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "journey.pdf"
        options = PdfOptions(what="journey")
        imported = new_project(import_mermaid(text), "bench")

        def to_pdf() -> object:
            return export_pdf(new_project(import_mermaid(text), "bench"), out, options)

        def pdf_alone() -> object:
            return export_pdf(imported, out, options)

        ours_s, raw_s = compare(to_pdf, pdf_alone, repeat=1 if quick else 5, warmup=0 if quick else 1)
    print(format_line("interop.mermaid_to_pdf_480", ours_s, raw_s, PDF_GOAL) + "s", flush=True)


if __name__ == "__main__":
    run("--quick" in sys.argv)
