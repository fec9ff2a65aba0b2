"""`personamap host FILE --no-window` in a subprocess on loopback, for the tests that talk to it
over the network as participants do. (A headless host lets notes go anywhere and opens a vote of
3 dots.)"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

WAIT = 30
PIN = "4321"


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "personamap.cli", *args]


class HostProcess:
    def __init__(self, path: Path, pin: str = PIN, port: int = 0):
        self.proc = subprocess.Popen(
            cli("host", str(path), "--bind", "127.0.0.1", "--port", str(port), "--pin", pin, "--no-window"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        assert self.url.startswith("http://127.0.0.1:"), self.url or self.proc.communicate()[1]
        self.ws_url = self.url.replace("http://", "ws://")

    def stop(self) -> int:
        """SIGTERM: the host saves and exits; its exit code."""
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(WAIT)

    def kill(self) -> None:
        """End it without saving, even while it is stopped with SIGSTOP."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.kill()
            self.proc.wait(WAIT)
