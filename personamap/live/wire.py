"""What travels over a live session's WebSocket (docs/live.md): first a JSON "hello" with the
PIN and a name, answered before any document data; then Yjs sync messages (binary) and, from
the host, a JSON verdict for each update a participant sent."""

from __future__ import annotations

import json
from typing import Any

from pycrdt import YMessageType, YSyncMessageType, read_message

PATH = "/session"
MAX_MESSAGE = 64 * 1024 + 64
"""The bridge's update cap plus the framing; a larger message closes the connection."""


def hello(pin: str, name: str) -> str:
    return json.dumps({"pin": pin, "name": name})


def read_json(message: str | bytes) -> dict[str, Any]:
    """A JSON object from a text message; ValueError for anything else."""
    if not isinstance(message, str):
        raise ValueError("expected a text message")
    value = json.loads(message)
    if not isinstance(value, dict):
        raise ValueError("expected a JSON object")
    return value


def read_sync(message: bytes) -> tuple[int, bytes]:
    """The sync message type (YSyncMessageType) and its payload; ValueError if malformed."""
    if len(message) < 3 or message[0] != YMessageType.SYNC or message[1] not in set(YSyncMessageType):
        raise ValueError("not a Yjs sync message")
    try:
        payload = read_message(message[2:])
    except Exception as exc:
        raise ValueError("a truncated Yjs sync message") from exc
    return message[1], payload
