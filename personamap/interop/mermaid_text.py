"""Mermaid's text conventions shared by the journey reader and writer (docs/mermaid.md).

Mermaid reads `#name;` and `#123;` as entity codes (`#35;` shows `#`), trims names with
JavaScript's idea of white space, and cuts a line at `#`, `;` and (in names) `:`. The writer
escapes exactly those characters so any plain name comes back as typed; the reader decodes.
"""

from __future__ import annotations

import html
import re

JS_SPACE = (
    " \t\n\v\f\r\u00a0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
"""The characters JavaScript's `\\s` and `trim()` treat as white space."""

OPEN, CLOSE = "\ue000", "\ue001"
"""Stand-ins for an entity code's `#` and `;` while the lexer runs (Mermaid does the same)."""

_ENTITY = re.compile(r"#([A-Za-z0-9_]+);")
_HIDDEN = re.compile(OPEN + r"([A-Za-z0-9_]+)" + CLOSE)
_KEYWORD = re.compile(r"(journey|title[\s]|section[\s]|acctitle\s*:|accdescr\s*[:{])", re.IGNORECASE)


def js_strip(text: str) -> str:
    return text.strip(JS_SPACE)


def hide_entities(text: str) -> str:
    """Entity codes out of the lexer's way, as Mermaid's encodeEntities does before parsing."""
    return _ENTITY.sub(lambda m: OPEN + m.group(1) + CLOSE, text)


def _decoded(m: re.Match[str]) -> str:
    name = m.group(1)
    if name.isdigit():
        code = int(name)
        if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            return chr(code)
        return f"#{name};"
    shown = html.unescape(f"&{name};")
    return shown if shown != f"&{name};" else f"#{name};"


def decode(raw: str) -> str:
    """A name as Mermaid shows it: trimmed, entity codes decoded (unknown ones kept as typed)."""
    return _HIDDEN.sub(_decoded, js_strip(raw))


def _code(ch: str) -> str:
    return f"#{ord(ch)};"


def escape(text: str, specials: str = "#;:,") -> str:
    """`text` so that Mermaid reads it back unchanged: `specials` and `#` as entity codes, no
    `%%` (a comment or a directive), and white space at either end kept as codes."""
    out: list[str] = []
    for ch in text:
        if ch in specials or ch == "#" or (ch == "%" and out and out[-1] == "%"):
            out.append(_code(ch))
        else:
            out.append(ch)
    body = "".join(out)
    core = body.strip(JS_SPACE)
    start = body.find(core) if core else len(body)
    lead, trail = body[:start], body[start + len(core) :]
    return "".join(map(_code, lead)) + core + "".join(map(_code, trail))


def escape_task(text: str) -> str:
    """A task name: also never starting like a keyword (`journey`, `title x`, `section x`…),
    which Mermaid's lexer would take for that statement instead."""
    body = escape(text, "#;:")
    if _KEYWORD.match(body):
        body = _code(body[0]) + body[1:]
    return body
