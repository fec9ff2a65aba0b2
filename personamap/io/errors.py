"""The one exception that leaves `personamap.io`, with the place and reason of each problem,
so the GUI and the CLI can tell the user what is wrong without ever showing a traceback."""

from __future__ import annotations

import errno

from personamap.model import Project
from personamap.model.integrity import format_loc, problems
from personamap.terminal import escape

from . import constants


def printable(text: str, limit: int = 80) -> str:
    """File-derived text made safe for one line of a message: escapes, then shortens."""
    text = escape(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ProjectFileError(Exception):
    """A project file (or the text in memory) that cannot be read or written.

    `problems` lists `(place, reason)` pairs; `place` is like `personas[2].quotes[0].text`, or
    "" when the problem concerns the whole file (unreadable, not JSON, too large).
    """

    def __init__(self, source: str, problems: list[tuple[str, str]]) -> None:
        super().__init__(source, problems)
        self.source = source
        self.problems = list(problems) or [("", "unknown problem")]

    def lines(self) -> list[str]:
        """One line per problem shown (a newline inside a part is not a line break: the CLI
        escapes each line on its own)."""
        lines = [
            f"{self.source}: {place}: {reason}" if place else f"{self.source}: {reason}"
            for place, reason in self.problems[: constants.MAX_SHOWN]
        ]
        hidden = len(self.problems) - constants.MAX_SHOWN
        if hidden > 0:
            lines.append(f"… and {hidden} more")
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())


class SaveError(ProjectFileError):
    """Saving failed; the file on disk is as it was before the attempt."""


_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOENT: "no such file or folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EIO: "the disk reported an input/output error",
}


def os_reason(exc: OSError) -> str:
    """The OS reason for a failed file operation, in words a user understands."""
    reason = _OS_REASONS.get(exc.errno or -1) or exc.strerror or str(exc) or type(exc).__name__
    return printable(reason, 200)


def problem_pairs(project: Project) -> list[tuple[str, str]]:
    """The project's integrity problems as (place, reason), the shape ProjectFileError carries."""
    return [(format_loc(p.loc), p.message) for p in problems(project)]
