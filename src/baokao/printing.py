"""Sending a PDF to the system printer, through CUPS's ``lp`` where the system has it.

Printing is the system's business: baokao hands the file to the print command and
reports what it said. Where there is no print command the caller tells the user
where the PDF is, so it can be printed from another machine.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class NoPrinter(LookupError):
    """There is no print command on this system."""


def send_to_printer(pdf: Path, command: str = "lp") -> str:
    """Print ``pdf`` with ``command``; ``""`` when it was accepted, else the reason.

    Raises:
        NoPrinter: when ``command`` is not on this system.
    """
    found = shutil.which(command)
    if found is None:
        raise NoPrinter(command)
    try:
        done = subprocess.run([found, str(pdf)], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    if done.returncode == 0:
        return ""
    said = done.stderr.strip().splitlines()
    return said[0] if said else f"{command}: exit status {done.returncode}"
