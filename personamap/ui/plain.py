"""User text in Qt widgets that guess rich text (docs/RELIABILITY.md pitfall 4).

Tooltips have no text-format switch: Qt renders one as HTML when it looks like HTML, so a
persona named `<img src="/x.png">` would load that file. User text therefore goes into a
fixed template, escaped; the template makes the tooltip rich text on purpose, so the escaped
text shows exactly as typed.
"""

from __future__ import annotations

import html
from typing import Any

TEMPLATE = '<p style="white-space: pre-wrap">{}</p>'


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (empty text: no tooltip)."""
    return TEMPLATE.format(html.escape(text, quote=False)) if text else ""


def action_text(text: str) -> str:
    """A menu or action text that shows `text` literally: `&` marks a mnemonic there, `&&` is
    an ampersand."""
    return text.replace("&", "&&")


def plain_action(action: Any, text: str) -> Any:
    """Give `action` user text as its label and as its tooltip. An action without a tooltip
    shows its text as one, where Qt guesses rich text (`/x/<b>a.personamap` would be bold)."""
    action.setText(action_text(text))
    action.setToolTip(tooltip(text))
    return action
