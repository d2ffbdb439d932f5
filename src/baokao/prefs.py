"""What the desk remembers between runs: for now, the folder slips are saved to.

A small JSON file in the user's config folder. Reading never fails the app: a missing
or damaged file is the defaults; writing a preference that cannot be written is
skipped (it is a convenience, not a record).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def default_prefs_file() -> Path:
    """``settings.json`` in the user's config folder for baokao."""
    import platformdirs

    return Path(platformdirs.user_config_dir("baokao")) / "settings.json"


@dataclass
class Prefs:
    """The remembered settings, and the file they live in."""

    path: Path
    slip_dir: Path | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> Prefs:
        """Read the settings at ``path`` (default: :func:`default_prefs_file`)."""
        path = path or default_prefs_file()
        try:
            text = path.read_text(encoding="utf-8")
            import json  # (only when there is a file: its import was a millisecond of a start)

            data = json.loads(text)
            folder = data.get("slip_dir") if isinstance(data, dict) else None
        except (OSError, ValueError):
            folder = None
        return cls(path, Path(folder) if isinstance(folder, str) and folder else None)

    def remember_slip_dir(self, folder: Path) -> None:
        """Remember ``folder`` as the place for slips, now and in later runs."""
        import json

        self.slip_dir = folder
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = {"slip_dir": str(folder)}
            self.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # a convenience only: the slip itself was saved
