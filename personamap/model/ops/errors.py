"""The one error an op or an op constructor raises for an edit it refuses."""

from __future__ import annotations


class OpError(ValueError):
    """An edit that cannot be made (unknown id, index out of range, invalid value…).

    The project is left exactly as it was; the message is meant for the user.
    """
