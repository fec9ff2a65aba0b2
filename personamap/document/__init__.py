"""Where the model meets Qt: an open project with its path, undo stack and change signal."""

from .document import Document, OpCommand

__all__ = ["Document", "OpCommand"]
