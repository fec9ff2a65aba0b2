"""Text on its way to a terminal. Titles, names, file names and error reasons come from files
and users: raw, an ESC sequence recolours or rewrites the terminal, a newline or CR makes one
message look like two, a bidi override reorders the line. Every such character is shown as its
Python escape (`\\x1b`, `\\n`, `\\u202e`); everything else, accents and scripts included,
stays as it is.
"""

from __future__ import annotations

import json
import re
import sys
from typing import IO, Any

UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
"""C0 and C1 controls, DEL, bidi marks, embeddings, overrides and isolates, line and
paragraph separators, lone surrogates (which cannot even be encoded for output)."""

_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
"""What json.dumps(ensure_ascii=False) leaves raw (it escapes C0 itself)."""


def escape(text: str) -> str:
    """`text` with every unsafe character written as its escape."""
    return UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def say(*fields: object, sep: str = " ", file: IO[str] | None = None) -> None:
    """Print one line made of `fields`, each escaped, joined by `sep` (which is ours, so kept)."""
    print(sep.join(escape(str(f)) for f in fields), file=file or sys.stdout)


def json_text(data: Any) -> str:
    """Indented JSON whose strings carry no raw unsafe character (each becomes `\\uXXXX`)."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
