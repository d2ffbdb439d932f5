"""Run a program in a real pseudo-terminal: what a user's terminal gives it, with no screen.

Used to start the installed ``baokao`` as a user would (its own process, its own terminal),
type into it, and read what it drew.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from pathlib import Path


class Terminal:
    """A program started in a pseudo-terminal of ``width``x``height``."""

    def __init__(
        self,
        argv: Sequence[str],
        cwd: Path,
        env: dict[str, str],
        width: int = 100,
        height: int = 30,
    ) -> None:
        main, child = pty.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        self.main = main
        self.output = b""
        self.process = subprocess.Popen(
            list(argv),
            stdin=child,
            stdout=child,
            stderr=child,
            cwd=cwd,
            env={**env, "TERM": "xterm-256color", "COLUMNS": str(width), "LINES": str(height)},
            start_new_session=True,
        )
        os.close(child)

    def read_until(self, wanted: str, timeout: float) -> bool:
        """Read what the program draws until ``wanted`` appears; False if it never does."""
        end = time.monotonic() + timeout
        while wanted.encode() not in self.output:
            left = end - time.monotonic()
            if left <= 0 or (not self._read(min(left, 0.5)) and self.process.poll() is not None):
                return wanted.encode() in self.output
        return True

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.main], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.main, 65536)
        except OSError:  # the program closed the terminal
            return False
        self.output += chunk
        return bool(chunk)

    def type(self, text: str) -> None:
        """Send keys as typed (``\\x11`` is Ctrl+Q)."""
        os.write(self.main, text.encode())

    def wait(self, timeout: float) -> int:
        """Wait for the program to end, reading what it still draws; its exit status."""
        end = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < end:
            self._read(0.2)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        code = self.process.wait()
        os.close(self.main)
        return code
