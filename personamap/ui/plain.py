"""User text in Qt widgets that guess rich text (RELIABILITY.md pitfall 4).

Tooltips have no text-format switch: Qt renders one as HTML when it looks like HTML, so a
persona named `<img src="/x.png">` would load that file. User text therefore goes into a
fixed template, escaped; the template makes the tooltip rich text on purpose, so the escaped
text shows exactly as typed.
"""

from __future__ import annotations

import html

TEMPLATE = '<p style="white-space: pre-wrap">{}</p>'


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (empty text: no tooltip)."""
    return TEMPLATE.format(html.escape(text, quote=False)) if text else ""
