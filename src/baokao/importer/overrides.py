"""The reviewed overrides file: decisions the official text does not settle.

Two kinds: *placements* say which occupation/工种 owns rows printed before a merged
name cell on an earlier page, and *readings* say how to read a phrase whose literal
reading is doubtful. Each entry carries its reason; nothing of the kind lives in code.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from baokao.model.base import Frozen, first_error


class Placement(Frozen):
    """Rows that follow ``after`` (``subject title`` + ``level label``) belong here."""

    after: str
    occupation: str
    work_type: str | None = None
    reason: str = Field(min_length=1)


class Reading(Frozen):
    """Read ``phrase`` as ``read_as`` in one route."""

    occupation: str
    work_type: str | None = None
    level: int = Field(ge=1, le=5)
    route: int = Field(ge=1)
    phrase: str
    read_as: str
    reason: str = Field(min_length=1)
    #: What a counsellor is told on the slip (需人工核实), in Chinese; the reason is
    #: the developers' account of the decision.
    note: str | None = Field(default=None, min_length=1)


class Overrides(Frozen):
    """The whole overrides file."""

    placements: tuple[Placement, ...] = ()
    readings: tuple[Reading, ...] = ()


class OverridesError(ValueError):
    """The overrides file is broken; the message names the file and place."""


def load_overrides(path: Path | None) -> Overrides:
    """Load and validate an overrides file (``None`` or a missing file: no overrides)."""
    if path is None or not path.exists():
        return Overrides()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return Overrides.model_validate(data)
    except yaml.YAMLError as exc:
        raise OverridesError(f"{path}: not valid YAML: {exc}") from None
    except ValidationError as exc:
        place, message = first_error(exc)
        raise OverridesError(f"{path}: {place or '(top)'}: {message}") from None
