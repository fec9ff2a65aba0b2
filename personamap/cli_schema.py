"""`personamap schema`: print the JSON Schema of the current project file
(personamap/io/schema.py), the same bytes as the committed docs/schema/ copy."""

from __future__ import annotations

import argparse
import sys


def schema_command(args: argparse.Namespace, error: type[Exception]) -> int:
    """Write the schema to stdout as UTF-8 whatever the locale: JSON is UTF-8, and the
    model's descriptions hold characters (−, …) a narrow terminal encoding cannot print."""
    from .io.schema import schema_text

    data = schema_text().encode("utf-8")
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream (an embedding host): it takes the text as it is
        sys.stdout.write(data.decode("utf-8"))
    else:
        out.write(data)
        out.flush()
    return 0
