"""What a drag from the library carries: a small JSON description of the thing to create.

The MIME data may come from another program (any app can offer our MIME type), so decoding
is strict: a size cap, known kinds only, and fields of the right type; anything else is None.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from ..model.enums import NoteColor

MIME_TYPE = "application/x-personamap-library+json"
MAX_PAYLOAD_BYTES = 4096

KINDS = ("persona", "persona_card", "journey", "empathy", "note", "text", "image")
"""persona: an existing persona (`persona_id`); persona_card: a new persona with its card;
journey: a journey from the template `template`; empathy: an empathy map (`extended`);
note: a sticky note of `color`; text: a text block; image: an image chosen from a file."""


class Payload(NamedTuple):
    kind: str
    persona_id: str = ""
    template: str = ""
    persona_template: str = ""
    extended: bool = False
    color: str = NoteColor.YELLOW.value

    def encode(self) -> bytes:
        return json.dumps({"version": 1, **self._asdict()}, ensure_ascii=True).encode("ascii")


_STR_FIELDS = ("persona_id", "template", "persona_template", "color")


def decode(data: bytes) -> Payload | None:
    """The payload in `data`, or None when it is not one we made."""
    if not data or len(data) > MAX_PAYLOAD_BYTES:
        return None
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("version") != 1 or raw.get("kind") not in KINDS:
        return None
    values: dict[str, object] = {"kind": raw["kind"]}
    for key in _STR_FIELDS:
        value = raw.get(key, "")
        if not isinstance(value, str) or len(value) > 200:
            return None
        if value:
            values[key] = value
    extended = raw.get("extended", False)
    if not isinstance(extended, bool):
        return None
    values["extended"] = extended
    if values.get("color", NoteColor.YELLOW.value) not in {c.value for c in NoteColor}:
        return None
    if values["kind"] == "persona" and not values.get("persona_id"):
        return None
    return Payload(**values)  # type: ignore[arg-type]
