"""Which importer reads a file, by its extension, as `personamap import` decides (issue 16):
a Mermaid journey (.mmd, .mermaid, a .md with a mermaid fence) or a persona or journey table
(.csv, .tsv, .xlsx, kind guessed from the columns). No Qt: the editor's import runs this. A
.txt, which the command reads as a table when told, is not taken from a drop: it is too often
something else."""

from __future__ import annotations

from pathlib import Path

from ..interop.result import ImportResult
from ..model import EmotionScale

MERMAID_SUFFIXES = (".mmd", ".mermaid", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm")
IMPORT_SUFFIXES = MERMAID_SUFFIXES + TABLE_SUFFIXES

FILE_FILTER = ";;".join(
    (
        "Journeys and tables (*.mmd *.mermaid *.md *.markdown *.csv *.tsv *.xlsx *.xlsm)",
        "Mermaid journeys (*.mmd *.mermaid *.md *.markdown)",
        "Persona or journey tables (*.csv *.tsv *.xlsx *.xlsm)",
        "All files (*)",
    )
)


class ImportFailed(ValueError):
    """The file cannot be imported; the message names the line and the reason where the
    importer knows them."""


def read_import(path: Path, scale: EmotionScale, *, skip_bad: bool = False) -> ImportResult:
    """The file's content as an ImportResult, a journey's scores on `scale` (the project's);
    with `skip_bad`, bad lines of a Mermaid journey become warnings instead (a table has no such
    mode). A file of any other extension is read as Mermaid text. Raises ImportFailed."""
    suffix = path.suffix.lower()
    try:
        if suffix in TABLE_SUFFIXES:
            from ..interop.tables import import_table

            return import_table(path)
        from ..interop.mermaid import import_mermaid

        text = path.read_bytes().decode("utf-8-sig")
        markdown = suffix in MARKDOWN_SUFFIXES
        return import_mermaid(text, scale=scale, skip_bad=skip_bad, markdown=markdown, title=path.stem)
    except OSError as exc:
        raise ImportFailed(f"cannot read it: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ImportFailed("it is not UTF-8 text") from None
    except ValueError as exc:  # the importers' errors (TableError, MermaidError) are ValueErrors
        raise ImportFailed(str(exc)) from None
