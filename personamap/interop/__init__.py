"""Interoperability (issue 16): Mermaid journeys, CSV/XLSX tables, Markdown and HTML shares.

Qt-free like `data/` and `insights/`: the command line and the editor share these engines. Each
importer returns an `ImportResult` that `merge.py` adds to a new or an existing project."""
