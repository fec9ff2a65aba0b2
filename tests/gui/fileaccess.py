"""Notice any opening of a file, from Python or from Qt's C++ (Linux inotify through ctypes):
the proof that hostile text such as `<img src="…">` made nobody read that file."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import sys
from pathlib import Path

IN_ACCESS, IN_OPEN, IN_NONBLOCK = 0x001, 0x020, 0o4000
_EVENT = struct.Struct("iIII")


class OpenWatch:
    """Counts opens of one file; `opened()` drains the events seen so far."""

    def __init__(self, path: Path) -> None:
        if not sys.platform.startswith("linux"):
            raise OSError("inotify is Linux only")
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        self._fd = libc.inotify_init1(IN_NONBLOCK)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        if libc.inotify_add_watch(self._fd, os.fsencode(path), IN_OPEN | IN_ACCESS) < 0:
            os.close(self._fd)
            raise OSError(ctypes.get_errno(), "inotify_add_watch failed")
        self.count = 0

    def opened(self) -> int:
        while True:
            try:
                data = os.read(self._fd, 4096)
            except BlockingIOError:
                return self.count
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = _EVENT.unpack_from(data, offset)
                offset += _EVENT.size + length
                self.count += 1

    def close(self) -> None:
        os.close(self._fd)
